"""Who a speaker is when the phrase before the verb does not say it at once:

- an outlet's report that names its own sources: "P, Radio Nord reported, citing two people
  familiar with the matter". The outlet did not witness P; the people it cites said it, and
  the outlet passed it on. So the cited people are the speaker and the outlet a relay. Only
  people count ("people familiar with", "officials", "a person close to"): an outlet citing
  a document ("citing court filings") still reports P itself, from the document;
- "according to X": X speaks unless X is an outlet (a relay) or a document; a document
  with an owner ("according to the retailer's published supplier list") is its owner's
  word, and its evidence;
- a relative clause that speaks: "The union, which says it has 40 members, said P". The
  relative pronoun is the noun phrase before it, and what it says ends where the main
  clause's reporting verb begins.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The mine will close, Radio Nord reported, citing three officials.",
    ...                 publisher="The Test Gazette")
    >>> [(s.actor, [r.outlet for r in s.relay]) for s in draft.statements]
    [('three-officials', ['radio-nord', 'test-gazette'])]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kg.extract import evidence as ev
from kg.extract.actors import ActorRecord
from kg.extract.documents import document_author
from kg.extract.evidence import evidence_kind
from kg.extract.frame import Frame, verb_pattern
from kg.extract.lexicon import Lexicon
from kg.extract.names import describe, is_outlet, outlet_name
from kg.extract.outlet_sources import named_source, outlet_after_time, outlet_sources
from kg.extract.producers import pronoun_owner
from kg.extract.relays import relay_cue
from kg.extract.sentences import Sentence
from kg.extract.subjects import opening_subject, subject

if TYPE_CHECKING:
    from kg.extract.statements import Context

# the cited phrase: up to the end of the sentence, a semicolon or a comma
# (up to a relative clause that says what the source said: "citing a port worker who said P")
_CITED = re.compile(r"\s+((?:an?|one|two|three|four|five|several|some|unnamed|anonymous|"
                    r"[\w-]+)\s+[^,;]*?)\s*(?:[,;]|\.?\s*$|(?=\s+who\s+(?:said|says|told)\b))")
_WHO_SAID = re.compile(r"\s+who\s+(?:said|says|told)\b")
# "a report by X published on Thursday": when, not who
_PUBLISHED = re.compile(r"\s+(?:published|released|issued|posted)\b.*$")
# "a preliminary report published on June 2 by X" is "a report by X" (a relay cue): the
# adjectives and the date of publishing say nothing about whose word it is
_REPORT_BY = re.compile(r"^(?P<det>an?|the)\s+(?:[a-z][\w-]*\s+){0,2}?report\s+(?:(?:published|"
                        r"released|issued)\b[^,]*?\s+)?by\s+")
# "the retailer's published supplier list", "Halvard Mills' report": whose document
_POSSESSED = re.compile(r"((?:the\s+)?[\w.&-]+(?:\s+[\w.&-]+){0,4}?)"
                        r"(?:[\u2019']s|(?<=s)[\u2019'])\s+\S")


def cited_sources(sent: Sentence, frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """``frames`` with each outlet's speech frame followed by "citing PEOPLE" given the people
    as its speaker and the outlet as its relay (the "citing" frame itself dropped)."""
    kept: list[Frame] = []
    for frame in outlet_sources(sent, frames, lex):  # "P, according to X, which cited Y"
        _cited_in_apposition(sent, frame, lex)
        previous = kept[-1] if kept else None
        if (previous is not None and frame.same_as_previous and frame.verb is not None
                and frame.verb.lemma == "cite" and frame.verb_span is not None
                and previous.kind == "speech" and previous.claims
                and previous.speaker is not None and previous.speaker_text is not None
                and outlet_name(previous.speaker_text, lex)):
            # (or an unnamed body: "called the video a fake, citing the defence ministry")
            cited = _people(sent, frame.verb_span[1], lex) or \
                _body(sent, frame.verb_span[1], lex)
            # (anyone cited, named or not, whose relative clause says what they said)
            who = _CITED.match(sent.masked(), frame.verb_span[1] - sent.start)
            speaking = (sent.start + who.start(1), sent.start + who.end(1)) if who else None
            if speaking is not None and _WHO_SAID.match(sent.text, speaking[1] - sent.start):
                # "X reported that P, citing a port worker who said Q": P is the outlet's own
                # report; the worker says Q, relayed by the outlet
                said = next((f for f in frames if f.speaker and f.speaker[0] < speaking[1] <
                             f.speaker[1] and f.claims), None)
                if said is not None:
                    said.speaker, said.relayed_by = speaking, previous.speaker
                    said.speaker_text = sent.text[speaking[0] - sent.start:
                                                  speaking[1] - sent.start]
                    said.appositive, said.initial = None, False
                continue
            if cited is not None:
                previous.relayed_by = previous.speaker
                previous.speaker = cited
                previous.speaker_text = sent.text[cited[0] - sent.start:cited[1] - sent.start]
                previous.appositive, previous.initial = None, False
                continue
        kept.append(frame)
    return kept


# "Radio Nord, citing the fire service, reported that P": "citing" set off after the outlet
_CITING_APPOSITION = re.compile(r",\s+citing\s+")


def _cited_in_apposition(sent: Sentence, frame: Frame, lex: Lexicon) -> None:
    """"Radio Nord, citing the fire service, reported that P": the outlet names its source
    before its verb, so the source cited speaks and the outlet relays it. People are taken as
    in the form after the verb; so is an unnamed body ("the fire service", "police"), whose
    word the outlet passes on as well (a document cited is still the outlet's own source)."""
    if frame.kind != "speech" or not frame.claims or frame.speaker is None or \
            frame.speaker_text is None or frame.relayed_by or \
            not (frame.appositive or "").startswith("citing ") or \
            not outlet_name(frame.speaker_text, lex):
        return
    masked = sent.masked()
    opening = _CITING_APPOSITION.match(masked, frame.speaker[1] - sent.start)
    if opening is None:
        return
    cited = _people(sent, sent.start + opening.end() - 1, lex) or \
        _body(sent, sent.start + opening.end() - 1, lex)
    if cited is None:
        return
    frame.relayed_by = frame.speaker
    frame.speaker = cited
    frame.speaker_text = sent.text[cited[0] - sent.start:cited[1] - sent.start]
    frame.appositive, frame.initial = None, False


def _body(sent: Sentence, after: int, lex: Lexicon) -> tuple[int, int] | None:
    """The offsets of an unnamed body cited at ``after`` ("the fire service", "police"), or
    None when the phrase is a document, an outlet, a name or no body."""
    return _cited(sent, after, lex, lambda d: d.head is not None and d.head.kind != "Person")


# "..., the Harbour Post reported last week." (or "reported Friday"): an outlet's reporting
# verb that closes the sentence, after what someone else was said to have found or said
# (also after a quotation that closes with its comma inside: '"... law," KNA reported')
_CLOSING_OUTLET = re.compile(r"(?P<mark>,[\u201d\x22]?|(?<=_)[\u201d\x22])\s+"
                             r"((?:[Tt]he\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)"
                             r"\s+(?:reported|said|wrote|revealed)(?:\s+(?:last|this|on|earlier)"
                             r"(?:\s+\w+){1,2}|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                             r"Saturday|Sunday|today|yesterday|earlier))?\s*\.?$")


def closing_outlets(sent: Sentence, frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """"Inspectors found that P, the Harbour Post reported last week": the inspectors said P
    and the outlet passed it on, so the outlet is a relay and its words leave the claim (the
    frame of the sentence's first speaker keeps P)."""
    for frame in frames:
        if frame.kind != "speech" or not frame.claims or frame.relayed_by or \
                frame.speaker_text is None or outlet_name(frame.speaker_text, lex):
            continue
        a, b = frame.claims[-1]
        match = _CLOSING_OUTLET.search(sent.masked()[a - sent.start:b - sent.start + 1])
        if match is None or not outlet_name(match.group(2), lex):
            continue
        mark = match.group("mark")  # (a closing quotation mark stays in the claim)
        frame.claims[-1] = (a, a + match.start() + (len(mark) if mark[-1] != "," else 0))
        frame.relayed_by = (a + match.start(2), a + match.end(2))
        for earlier in frames:  # "X denied P, saying Q, KNA reported": P came through KNA too
            if earlier.speaker == frame.speaker and earlier.relayed_by is None and \
                    earlier.kind == "speech":
                earlier.relayed_by = frame.relayed_by
    return frames


def _people(sent: Sentence, after: int, lex: Lexicon) -> tuple[int, int] | None:
    """The offsets of the people named right after "citing" at ``after``, or None when what
    is cited is a document or not a phrase for people."""
    return _cited(sent, after, lex, lambda d: bool(d.plural or d.title))


def _cited(sent: Sentence, after: int, lex: Lexicon,
           fits: Callable[[Any], bool]) -> tuple[int, int] | None:
    """The offsets of the phrase cited at ``after`` when its description ``fits``; None for a
    document, a name or an outlet (sources of another kind)."""
    match = _CITED.match(sent.masked(), after - sent.start)
    if match is None:
        return None
    phrase = match.group(1)
    if evidence_kind(phrase, lex) or "_" in phrase:
        return None
    described = describe(phrase, lex)
    if described.name or described.outlet or not fits(described):
        return None
    return sent.start + match.start(1), sent.start + match.end(1)


# "figures compiled by X": a document with a participle of making, then its maker
_MADE_BY = re.compile(r"\s(?:compiled|collected|gathered|published|released|issued)\s+by\s+"
                      r"((?:the\s+)?[A-Z].*)$")
# a name (with its letters in brackets) set off before an indefinite description
_NAME_BEFORE = re.compile(r"((?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*"
                          r"(?:\s+\([A-Z&]{2,8}\))?),\s+$")


def relative_speaker(sent: Sentence, masked: str, frame: Frame, lex: Lexicon) -> Frame:
    """``frame`` with a relative pronoun as its speaker ("NP, which says P, said Q") given the
    noun phrase before the pronoun, and its claim cut where the main clause's verb starts."""
    if frame.kind != "speech" or frame.speaker is None or frame.verb_span is None or \
            (frame.speaker_text or "").strip().lower() not in {"which", "who"}:
        return frame
    at = frame.speaker[0] - sent.start
    comma = masked.rfind(",", 0, at)
    if comma < 0 or masked[comma + 1:at].strip():
        return frame
    found = subject(masked, comma)
    of_body = None
    if found is not None and re.match(r"of\s", masked[found[0]:found[1]]) and \
            (before := masked.rfind(",", 0, found[0])) > 0:
        # "heard from Inspector X, of Harrow Police, who said P": the person before the "of"
        # (the "of" phrase her apposition, which says whom she acts for)
        of_body = sent.text[found[0]:found[1]]
        comma, found = before, subject(masked, before)
    if found is not None and re.search(r"\s(?:[a-z]+ed|is|are|was|were|has|have|had|heard|"
                                       r"spoke|spoken|met|saw)\s", masked[found[0]:found[1]]):
        found = None  # a clause, not a noun phrase: "Police stopped a lorry owned by X"
    if found is None:
        # "a lorry owned by Pell Freight, which said P": the name that ends the clause
        named = re.search(r"(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*$",
                          masked[:comma])
        if named is None or named.start() == 0:
            return frame
        found = (named.start(), named.end(), None, False)
    s0, s1, _, initial = found
    if (cue := re.match(r"(?:[Aa]ccording\s+to|[Pp]er)\s+", masked[s0:s1])) is not None:
        # "P, according to Brightline, which said Q": the source speaks, not the cue
        s0, initial = s0 + cue.end(), False
    if re.match(r"an?\s", masked[s0:s1]) and (named := _NAME_BEFORE.search(masked[:s0])):
        # "the Harl Tenants Union (HTU), a housing charity, which said P": the name speaks
        s0, s1, initial = named.start(1), named.end(1), named.start(1) == 0
    frame.speaker, frame.speaker_text = (sent.start + s0, sent.start + s1), masked[s0:s1]
    frame.initial = initial
    frame.appositive = of_body or frame.appositive
    after = frame.verb_span[1] - sent.start
    main = next((m for m in verb_pattern(lex).finditer(masked, after)
                 # (an adverb between: "..., at first denied that Q", "initially said")
                 if re.search(r",\s+(?:(?:has|have|had|also|at\s+first|initially|later|then|"
                              r"\w+ly)\s+)*$", masked[:m.start()])), None)
    if main is not None and frame.claims:
        cut = sent.start + masked.rfind(",", 0, main.start())
        frame.claims = [(a, min(b, cut)) for a, b in frame.claims if a < cut]
    return frame


# ", which the Courier has seen, P": the publisher's own reading of a document
_WHICH_SEEN = re.compile(r"\s*,?\s*which\s+((?:[Tt]he\s+)?[A-Z][\w\u2019'.&-]*"
                         r"(?:\s+[A-Z][\w\u2019'.&-]*)*)\s+(?:has|had|have)\s+(?:seen|reviewed|"
                         r"obtained|verified|examined)\s*,\s*")


def _publisher_saw(ctx: Context, frame: Frame) -> bool:
    """Whether the claim of ``frame`` opens with ", which PUBLISHER has seen,"; if so the
    clause is cut from the claim."""
    a, b = frame.claims[0]
    match = _WHICH_SEEN.match(ctx.text, a)
    if match is None or ctx.publisher is None:
        return False
    # the publisher's name as the header gave it, or any outlet name that resolves to it
    named = match.group(1).removeprefix("the ").removeprefix("The ")
    outlet = outlet_name(match.group(1), ctx.lex)
    if named != ctx.publisher.name.removeprefix("The ") and (
            outlet is None or ctx.table.outlet(outlet).id != ctx.publisher.id):
        return False
    frame.claims[0] = (match.end(), b)
    return True


# "A preliminary report by county inspectors", "the audit from the regulator": a document
# and its maker (set off by commas too: "The audit, by the Audit Agency,")
_DOCUMENT_BY = re.compile(r"^(?:an?|the|its|their)\s+((?:[\w-]+\s+){0,3}?[\w-]+),?\s+(?:by|from)\s+"
                          r"((?:the\s+)?\S.*)$", re.I)


def document_speaker(ctx: Context, sent: Sentence, frame: Frame) -> ActorRecord | None:
    """"A preliminary report by county inspectors says P": the inspectors say P through their
    report, which is their evidence for it (a report by an outlet is left to the relays)."""
    if frame.kind != "speech" or frame.speaker is None or frame.speaker_text is None:
        return None
    match = _DOCUMENT_BY.match(frame.speaker_text.strip())
    if match is None or (kind := ev.evidence_kind(match.group(1), ctx.lex)) is None or \
            outlet_name(match.group(2), ctx.lex):
        return None
    at = frame.speaker[0] + frame.speaker_text.find(match.group(2))
    maker = ctx.table.resolve(match.group(2), at, sentence=sent.index)
    if maker is not None:
        # the frame's statements come next: the first is what the document says
        ctx.evidence.append(ev.EvidenceMention(kind, frame.speaker_text.strip(), frame.speaker,
                                               "produced", sent.index, actor=maker.id,
                                               supports=[len(ctx.statements)]))
    return maker


def according_speaker(ctx: Context, sent: Sentence, frame: Frame) -> ActorRecord | None:
    """``according to X``: X speaks unless X is an outlet (a relay) or a document."""
    assert frame.speaker_text is not None and frame.speaker is not None
    phrase = frame.speaker_text
    cue_phrase = _REPORT_BY.sub(r"\g<det> report by ", phrase)
    if (cue := relay_cue(cue_phrase, ctx.lex)) is not None and frame.claims:
        # "according to a report by a rights group published on Thursday": a report by an
        # outlet relays (kg/extract/relays.py); one by anyone else is its maker's word
        lead = cue.removeprefix("according to ").removeprefix("per ")
        maker_name = _PUBLISHED.sub("", cue_phrase[len(lead):]).strip(" ,.")
        if maker_name and not outlet_name(maker_name, ctx.lex) and (actor := ctx.table.resolve(
                maker_name, frame.speaker[0] + phrase.find(maker_name),
                sentence=sent.index)) is not None:
            ctx.evidence.append(ev.EvidenceMention("Document", phrase, frame.speaker,
                                                   "produced", sent.index, actor=actor.id))
            return actor
    if relay_cue(phrase, ctx.lex):
        return None
    if is_outlet(phrase, ctx.lex) or describe(phrase, ctx.lex).outlet:
        # "the agency has recorded a rise, according to the broadcaster LSM": an outlet does
        # not vouch for what a named actor did; the actor speaks and the outlet relays
        actor = _claim_subject(ctx, sent, frame)
        if actor is not None:
            frame.relayed_by = frame.speaker
        return actor
    kind = ev.evidence_kind(phrase, ctx.lex)
    if kind and frame.claims and _publisher_saw(ctx, frame):
        # "according to the board's audit, which the Courier has seen, P": the publisher
        # states P from a document it has read itself; the document's owner made it
        owner = _POSSESSED.match(phrase)
        maker = ctx.table.resolve(owner.group(1), frame.speaker[0], sentence=sent.index) \
            if owner else None
        ctx.evidence.append(ev.EvidenceMention(kind, phrase, frame.speaker, "produced",
                                               sent.index, actor=maker.id if maker else None))
        return None
    if kind and frame.claims and (owner := _POSSESSED.match(phrase)) and \
            (maker := ctx.table.resolve(owner.group(1), frame.speaker[0],
                                        sentence=sent.index)) is not None:
        # "according to the retailer's published supplier list": the owner says it, in
        # its document (which is its evidence)
        ctx.evidence.append(ev.EvidenceMention(kind, phrase, frame.speaker, "produced",
                                               sent.index, actor=maker.id))
        return maker
    if frame.claims and (author := document_author(ctx, sent, frame, kind)) is not None:
        # "according to data the board published", "according to the report" (named before),
        # "according to the statement": the document's author speaks (kg/extract/documents.py)
        return author
    if kind and frame.claims and (made := _MADE_BY.search(phrase)) and \
            not outlet_name(made.group(1), ctx.lex) and (maker := ctx.table.resolve(
                made.group(1), frame.speaker[0] + made.start(1), sentence=sent.index)):
        # "according to figures compiled by X": X made the figures to say what they say (as
        # "data the agency published", kg/extract/documents.py); "a survey by X" stays below
        ctx.evidence.append(ev.EvidenceMention(kind, phrase, frame.speaker, "produced",
                                               sent.index, actor=maker.id))
        return maker
    if kind:
        mention = ev.EvidenceMention(kind, re.sub(r"\s+(?:seen|obtained|reviewed)\s+by\b.*",
                                                  "", phrase), frame.speaker, "cited",
                                     sent.index)
        if ctx.publisher and re.search(r"\b(?:seen|obtained|reviewed)\s+by\b", phrase):
            mention.actor = ctx.publisher.id
        elif (its_owner := pronoun_owner(ctx.table, phrase, sent.index, frame.speaker[0],
                                         ctx.text[sent.start:frame.speaker[0]])) is not None:
            # "X has upheld three findings, according to its annual reports": X's
            mention.actor, mention.role = its_owner.id, "produced"
        elif by := re.search(r"\b(?:by|from)\s+(.+)$", phrase):
            # "according to a 2022 survey by the group X": X made the document; the claim is
            # the publisher's, from it (as with a document the publisher has seen)
            mention.description = phrase[:by.start()].strip()
            maker = ctx.table.resolve(by.group(1), frame.speaker[0] + by.start(1),
                                      sentence=sent.index)
            if maker is not None:
                mention.actor, mention.role = maker.id, "produced"
        ctx.evidence.append(mention)
        return None
    if not frame.claims:
        return None
    return ctx.table.resolve(phrase, frame.speaker[0], sentence=sent.index)


_QUOTED_AS = re.compile(r"^(?P<outlet>.+?)\s+(?:quoted|cited)\s+(?P<source>.+?)\s+as$")


def quoted_source(sent: Sentence, frame: Frame, lex: Lexicon) -> Frame:
    """"Radio Nord quoted a police officer as saying that P": the one quoted speaks; an
    outlet that quotes only passes the words on (a relay), so the speaker phrase is the
    object of "quoted" and the outlet, if it is one, the frame's relay."""
    if frame.speaker is None or frame.speaker_text is None or frame.verb is None or \
            not frame.verb.form.endswith("ing"):
        return frame
    match = _QUOTED_AS.match(frame.speaker_text)
    if match is None:
        return frame
    base = frame.speaker[0]
    # ("The next morning the news site X quoted": the outlet after a time phrase)
    outlet = outlet_after_time(match.group("outlet"), lex)
    if outlet is not None:
        frame.relayed_by = (base + match.start("outlet") + outlet[0],
                            base + match.start("outlet") + outlet[1])
    s0, s1 = match.span("source")
    if (name := named_source(match.group("source"))) is not None:
        s0, s1 = s0 + name[0], s0 + name[1]  # "a guard who gave his name as Ivo Lind": Lind
    frame.speaker = (base + s0, base + s1)
    frame.speaker_text = frame.speaker_text[s0:s1]
    return frame


def _claim_subject(ctx: Context, sent: Sentence, frame: Frame) -> ActorRecord | None:
    """The actor a claim opens with ("Latvia's aviation agency has recorded ..."), when its
    subject names one (not a pronoun, not a thing: "The mine will close" names none)."""
    if not frame.claims:
        return None
    start, end = frame.claims[0]
    opening = opening_subject(ctx.text[start:end])
    if opening is None:
        return None
    phrase = ctx.text[start:start + opening[1]]
    if phrase in {"It", "They", "He", "She", "We"} or outlet_name(phrase, ctx.lex):
        return None
    return ctx.table.resolve(phrase, start, sentence=sent.index)


__all__ = ["according_speaker", "cited_sources", "closing_outlets", "document_speaker",
           "quoted_source", "relative_speaker"]
