"""The relay chain of a statement: the outlets between its speaker and the reader ("told NBC
News", "per The Washington Post", "according to a report carried by X"), then the publisher;
and an outlet the publisher's own sentence repeats ("P, as first reported by Radio Nord").

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The mayor told Radio Nord that the bridge was shut.",
    ...                 publisher="The Test Gazette")
    >>> [step.outlet for step in draft.statements[0].relay]
    ['radio-nord', 'test-gazette']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.actors import ActorRecord
from kg.extract.asides import speaking_to
from kg.extract.frame import PASSED_ON, Frame
from kg.extract.lexicon import Lexicon
from kg.extract.model import RelayStep
from kg.extract.names import describe, is_outlet, outlet_name
from kg.extract.outlet_phrases import outlet_prefix
from kg.extract.sentences import Sentence

if TYPE_CHECKING:
    from kg.extract.statements import Context

# a description ending in a proper name: "the Brazilian sports newspaper Lance Hoje"
_DESCRIBED_OUTLET = re.compile(r"((?:the|a|an)\s+(?:[\w\u2019'-]+\s+){0,5}?[A-Z][\w\u2019'.&-]*"
                               r"(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|and))*)"
                               r"(?=[,;]|\.?\s*$|\s+(?:on|in|last|that|and)\b)")


# a programme or podcast the speaker spoke on, its name quoted (masked) or capitalised
_ON_PROGRAMME = re.compile(r"\s*(?:,\s*)?on\s+(?:the\s+|an?\s+)?"
                           r"(?P<name>[\u201c\x22]_{3,}[\u201d\x22]|"
                           r"[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)\s+"
                           r"(?:podcast|programme|program|radio\s+show|show|broadcast)\b")


# an outlet named by its own programme: "Radio Nord's morning show", "Elsing One's bulletin"
_OWN_PROGRAMME = re.compile(r"((?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[\u2019']s\s+"
                            r"(?:[a-z][\w-]*\s+){0,2}(?:programme|program|show|podcast|"
                            r"bulletin|broadcast|newscast)\b")


# who runs an outlet, before its name, and its short form after it: "the state-run Halden
# Television (HTV)" names Halden Television (the words say whose it is, not what it is called)
_OWNER = (r"(?:the\s+)?(?:state|government|party|military|privately|publicly)-"
          r"(?:run|owned|controlled|backed|funded)\s+(?=[A-Z])")
_OWNED = re.compile(rf"^{_OWNER}|\s*\([A-Z][\w.&-]*\)$")
_OWNED_BEFORE = re.compile(_OWNER)
# the medium a fronted relay cue hangs on: "In a statement carried by X, the ministry said P"
_FRONTED_MEDIUM = re.compile(r"\s*In\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?"
                             r"(?:statement|interview|remarks|comments|message|post)\s+")


# an outlet's head nouns, for an outlet named again by one alone: "the agency", "the newspaper"
_HEADS = ("agency|wire|newspaper|paper|daily|weekly|broadcaster|channel|station|magazine|"
          "newsletter|website|outlet")
_OUTLET_NOUN = re.compile(rf"(?i:the)\s+(?:news\s+)?(?:{_HEADS})")
# a question put by an outlet, opening the sentence ("Asked by Radio Nord whether P, X said")
_ASKED_BY = re.compile(r"\s*Asked\s+by\s+((?:the\s+)?[\w\u2019'.&-]+(?:\s+[A-Z][\w\u2019'.&-]*)*)"
                       r"\s+(?:why|whether|if|how|what|when|where|who|about)\b")
# a relay cue, then an outlet's head noun alone, ending the clause
# (a journal too, after a relay cue)
_CUE_OUTLET_NOUN = re.compile(r"(?:^|,\s+)(according\s+to|as\s+reported\s+by|reported\s+by)\s+"
                              rf"((?i:the)\s+(?:news\s+)?(?:{_HEADS}|journal))(?=\s*[,.;]|\s*$)",
                              re.I)
# a part of an outlet that the words were given to: "the news section of the Nordic Weekly"
# "told the broadcaster NTV on Wednesday": when it was told, no part of the outlet's name
_WHEN_AFTER = re.compile(r"\s+(?:on|last|this|late\s+on|early\s+on)\s+(?:Monday|Tuesday|"
                         r"Wednesday|Thursday|Friday|Saturday|Sunday|week|month)\b.*$")
_PART_OF = re.compile(r"^(?:the\s+)?(?:[a-z]+\s+)?(?:section|desk|team|service|edition|"
                      r"website|site|pages?)\s+of\s+")
_PASSED_ON = re.compile(rf"\bstatements?{PASSED_ON}")
_EARLIER_RELAY = 3  # sentences back that "the agency" may look for the outlet it names
# '"P," he told the channel.': after a quotation, the verb and an outlet's head noun alone
_TOLD_NOUN = re.compile(rf"\s+told\s+({_OUTLET_NOUN.pattern})(?=\s*[,.;]|\s*$|\s+(?:on|in|"
                        r"last|this|that|after|before|during)\b)")


def _earlier_relay(ctx: Context, sentence: int) -> str | None:
    """The outlet, other than the publisher, that relayed the latest statement of the last
    few sentences ("X told the news agency Nordpress that P. He also told the agency that Q":
    the agency is Nordpress); None when no such statement is near."""
    publisher = ctx.publisher.id if ctx.publisher else None
    for statement in reversed(ctx.statements):
        if sentence - statement.sentence_index > _EARLIER_RELAY:
            break
        outlets = [step.outlet for step in statement.relay if step.outlet != publisher]
        if outlets:
            return outlets[0]
    return None


def known_outlet(ctx: Context, name: str) -> str | None:
    """The name of the news outlet the text already calls ``name`` (a short form it defined:
    "the Brenland News Agency (BNA)", then "told BNA"; a name it introduced as an outlet:
    "told the news agency Telpress", then "according to Telpress"), else None."""
    bare = name.removeprefix("the ").strip()
    return next((r.name for r in ctx.table.records.values() if r.kind == "NewsOutlet" and
                 (bare in r.aliases or bare == r.name)), None)


def relay_steps(ctx: Context, sent: Sentence, frame: Frame,
                speaker: ActorRecord) -> list[RelayStep]:
    """The outlets between ``speaker`` and the reader, nearest the speaker first."""
    steps: list[RelayStep] = []
    if frame.relayed_by and (outlet := outlet_name(ctx.text[slice(*frame.relayed_by)],
                                                   ctx.lex)):
        steps.append(RelayStep(ctx.table.outlet(outlet).id, "reported", frame.relayed_by))
    if frame.recipient:
        phrase = _OWNED.sub("", ctx.text[frame.recipient[0]:frame.recipient[1]])
        phrase = _PART_OF.sub("", phrase)  # "the news section of the Nordic Weekly"
        phrase = _WHEN_AFTER.sub("", phrase)  # "the broadcaster NTV on Wednesday": when
        outlet = outlet_name(phrase, ctx.lex)
        if outlet:
            steps.append(RelayStep(ctx.table.outlet(outlet).id, "told", frame.recipient))
        elif _OUTLET_NOUN.fullmatch(phrase.strip()) and \
                (earlier := _earlier_relay(ctx, sent.index)) is not None:
            # "He also told the agency that P": the outlet that relayed a statement just before
            steps.append(RelayStep(earlier, "told", frame.recipient))
    if frame.from_quote and not frame.recipient and frame.verb_span and \
            (noun := _TOLD_NOUN.match(sent.masked(), frame.verb_span[0] - sent.start - 1)) and \
            (earlier := _earlier_relay(ctx, sent.index)) is not None:
        # '"P," he told the channel.': the outlet named just before (the quotation's frame
        # reads no recipient of its own)
        steps.append(RelayStep(earlier, "told", (sent.start + noun.start(1),
                                                 sent.start + noun.end(1))))
    if (asked := _ASKED_BY.match(sent.masked())) is not None:
        # "Asked by the agency why ..., X said P": the outlet put the question
        outlet = outlet_name(asked.group(1), ctx.lex)
        ident = ctx.table.outlet(outlet).id if outlet else \
            _earlier_relay(ctx, sent.index) if _OUTLET_NOUN.fullmatch(asked.group(1)) else None
        if ident is not None:
            steps.append(RelayStep(ident, "interview with",
                                   (sent.start + asked.start(1), sent.start + asked.end(1))))
    masked = sent.masked()
    if frame.verb_span and (passed := _PASSED_ON.search(masked, frame.verb_span[1] - sent.start)) \
            and (via := ctx.table.resolve(passed.group("via"), sent.start + passed.start("via"),
                                          sentence=sent.index)) is not None:
        # "said in a statement the charity passed on to reporters": the charity relays
        steps.append(RelayStep(via.id, "passed on", (sent.start + passed.start("via"),
                                                     sent.start + passed.end("via"))))
    if frame.verb_span and (aside := speaking_to(masked, frame.verb_span[0] - sent.start)) and \
            (outlet := outlet_name(aside.group("to"), ctx.lex)):
        # "X, speaking anonymously to Valley TV News, said P": as "told Valley TV News"
        steps.append(RelayStep(ctx.table.outlet(outlet).id, "told",
                               (sent.start + aside.start("to"), sent.start + aside.end("to"))))
    claims = [(a - sent.start, b - sent.start) for a, b in frame.claims]
    show = _ON_PROGRAMME.match(masked, frame.verb_span[1] - sent.start) if frame.verb_span \
        else None
    if show and not any(a <= show.start("name") < b for a, b in claims):
        # "said on the "Night Shift" podcast that P": the programme carried the words
        a, b = show.span("name")
        steps.append(RelayStep(ctx.table.outlet(sent.text[a:b].strip("\u201c\u201d\"' ")).id,
                               "interview with", (sent.start + a, sent.start + b)))
    for cue in ctx.lex.by_length(ctx.lex.relays):
        for match in re.finditer(rf"(?<![\w-]){re.escape(cue)}\s+", masked, re.I):
            # (before the verb only when it opens the sentence: "In an interview with Radio
            # Nord, the mayor said P", "Speaking to Radio Nord, ...")
            fronted = not masked[:match.start()].strip() or \
                bool(_FRONTED_MEDIUM.fullmatch(masked[:match.start()]))
            if any(a <= match.start() < b for a, b in claims) or (
                    frame.verb_span and match.start() + sent.start < frame.verb_span[0]
                    and frame.kind != "according" and not frame.from_quote and not fronted):
                continue
            # (with a channel's number and a programme: "BBC Radio 4's Today programme";
            # after who runs it: "the state-run Norland News Agency")
            owner = _OWNED_BEFORE.match(masked, match.end())
            at = owner.end() if owner else match.end()
            name = re.match(r"((?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|"
                            r"\d+(?:[\u2019']s)?|of|and))*(?:\s+(?:programme|program|show|"
                            r"podcast|bulletin)\b)?)", masked[at:])
            outlet = is_outlet(name.group(1).rstrip("."), ctx.lex) if name else None
            if outlet is None and name:  # "told BNA" after "the Brenland News Agency (BNA)"
                outlet = known_outlet(ctx, name.group(1).rstrip("."))
            end = at + len(name.group(1)) if name else None
            if outlet is None and (show := _OWN_PROGRAMME.match(masked[match.end():])):
                # "Speaking on Elsing One's midday bulletin": whose bulletin it is, an outlet
                # the lexicons need not know (the programme word says what it is)
                outlet, end = show.group(1).removeprefix("the "), match.end() + show.end(1)
            if outlet is None:  # "according to the Brazilian sports newspaper Lance Hoje"
                name = _DESCRIBED_OUTLET.match(masked[match.end():])
                outlet = describe(name.group(1).rstrip("."), ctx.lex).outlet if name else None
                end = match.end() + len(name.group(1)) if name else None
            if outlet is None and (described := outlet_prefix(masked[match.end():], ctx.lex)):
                # "told local broadcaster Kestrel TV", "the Vantish newspaper Dagsblad"
                outlet, end = described[1], match.end() + described[0]
            span = (sent.start + match.start(), sent.start + end) if end is not None else None
            if outlet and not any((s.span and span and s.span[0] <= span[0] < s.span[1])
                                  or s.outlet == ctx.table.outlet(outlet).id for s in steps):
                steps.append(RelayStep(ctx.table.outlet(outlet).id,
                                       ctx.lex.relays[cue.lower()], span))
    if not any(s.outlet != (ctx.publisher.id if ctx.publisher else None) for s in steps) and \
            (named := _CUE_OUTLET_NOUN.search(masked)) is not None and \
            not any(a <= named.start() < b for a, b in claims) and \
            (earlier := _earlier_relay(ctx, sent.index)) is not None:
        # "'P,' he said, according to the agency": the outlet named just before
        steps.append(RelayStep(earlier, ctx.lex.relays.get(named.group(1).lower(),
                                                           "according to"),
                               (sent.start + named.start(2), sent.start + named.end(2))))
    steps.sort(key=lambda s: s.span[0] if s.span else 0)
    publisher = ctx.publisher
    if publisher and speaker.id != publisher.id and all(s.outlet != publisher.id
                                                       for s in steps):
        steps.append(RelayStep(publisher.id, "published"))
    for step in steps:
        ctx.table.mark_used(step.outlet)
    return [s for s in steps if s.outlet != speaker.id]


def relay_cue(phrase: str, lex: Lexicon) -> str | None:
    """The relay cue ``phrase`` opens with when it names a report, not a speaker ("according
    to a report by X", "according to reports in X"), else None."""
    lowered = phrase.lower()
    for cue in lex.by_length(lex.relays):
        if lowered.startswith(cue.removeprefix("according to ").removeprefix("per ") + " ") \
                and cue.startswith(("according to a", "according to reports")):
            return cue
    return None


def publisher_relay(ctx: Context, sent: Sentence, masked: str,
                    start: int) -> tuple[int, list[RelayStep]] | None:
    """"P, as first reported by Radio Nord on Monday": the publisher repeats what an outlet
    reported first, so the outlet relays P (a relay cue of ``relay_cues.tsv`` after ", as" or
    a comma, then an outlet's name). Returns where the cue starts and the relay step."""
    for cue in ctx.lex.by_length(ctx.lex.relays):
        match = re.search(rf",\s+(?:as\s+)?{re.escape(cue)}\s+", masked[start:], re.I)
        if match is None:
            continue
        after = start + match.end()
        name = re.match(r"(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|and))*",
                        masked[after:])
        outlet = outlet_name(name.group(0).rstrip("."), ctx.lex) if name else None
        if outlet is None or name is None:
            continue
        record = ctx.table.outlet(outlet)
        ctx.table.mark_used(record.id)
        span = (sent.start + start + match.start() + 1, sent.start + after + name.end())
        return start + match.start(), [RelayStep(record.id, ctx.lex.relays[cue], span)]
    return None


def fronted_relay(ctx: Context, sent: Sentence, masked: str,
                  start: int) -> tuple[int, list[RelayStep]] | None:
    """"According to Radio Nord, P" in the publisher's own sentence: the outlet named by a
    relay cue that opens the sentence relays P, as it does after P. Returns where P starts
    and the relay step."""
    for cue in ctx.lex.by_length(ctx.lex.relays):
        match = re.match(rf"\s*{re.escape(cue)}\s+((?:the\s+)?[A-Z][\w\u2019'.&-]*"
                         r"(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|and))*)\s*,\s*",
                         masked[start:], re.I)
        outlet = outlet_name(match.group(1), ctx.lex) if match else None
        if match is None or outlet is None:
            continue
        record = ctx.table.outlet(outlet)
        ctx.table.mark_used(record.id)
        span = (sent.start + start + match.start(1), sent.start + start + match.end(1))
        return start + match.end(), [RelayStep(record.id, ctx.lex.relays[cue.lower()], span)]
    return None


__all__ = ["fronted_relay", "publisher_relay", "relay_cue", "relay_steps"]
