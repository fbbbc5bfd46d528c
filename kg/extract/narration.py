"""The publisher's own voice, and the sentences that continue or qualify a report.

- A sentence with no attribution is the publisher's own statement ("setting: publication").
  A trailing participle clause (", continually supplying ...") and a background clause
  (", where Ukraine has been conducting an incursion") are claims of their own.
- "amid concerns that P" (``hedge_cues.tsv``, scope ``frame``) is the publisher hedging P;
  so are "reportedly", "allegedly" and "purportedly" in its own sentences.
- A sentence that is only a quotation continues the previous speaker's statement.
- "X was more cautious" (scope ``manner``) makes X's statements in the next sentence hedge,
  and is not a claim of its own.
"""

from __future__ import annotations

import re

from kg.extract.actors import ActorRecord
from kg.extract.attribution import Frame
from kg.extract.clauses import split_parts
from kg.extract.contentless import ACCOUNT_ONLY, METHOD_REMARK
from kg.extract.dates import find_dates
from kg.extract.evidence import EvidenceMention, claim_frame, evidence_kind
from kg.extract.makers import material_maker, named_maker
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.producers import indefinite_owner, pronoun_owner
from kg.extract.refusals import APOLOGY
from kg.extract.relays import fronted_relay, publisher_relay
from kg.extract.sentences import Sentence
from kg.extract.stance import read_claim, sentence_text
from kg.extract.statements import SUBJECT_END, Context, coordinated_parts, elided_subject

_PARTICIPLE = re.compile(r",\s+(?:(?:continually|continuously|still|also|further|thereby|"
                         r"repeatedly|now|while)\s+)?(?!including\b|according\b|citing\b)"
                         r"[a-z]+ing\b")
# ", where Q", and a ", which Q" that ends the sentence: background the writer states too
# (", which cited X" after "according to OUTLET" says whose word the outlet passed on)
_WHERE = re.compile(r",\s+(?:where\s+|which\s+(?!said\b|says\b|told\b|added\b|cited\b|"
                    r"quoted\b)(?=[^,;]*$))")
# in the writer's own sentence a closing ", who Q" too ("... was Ana Holt, 81, who was
# admitted in May"); after a speaker it only describes them ("said X, who led the study")
_OWN_WHERE = re.compile(r",\s+(?:where\s+|(?:which|who)\s+(?!said\b|says\b|told\b|added\b)"
                        r"(?=[^,;]*$))")
# "Asked by X about Y, ...", "Asked whether P, ...": a question put to someone, then the answer
_ASKED = re.compile(r"^Asked\s+(?:by\s+[^,]{1,60}?\s+)?(?:about|whether|if|why|how|what|when|"
                    r"who|to)\b[^,]*,\s+")
_WHERE_SET_OFF = re.compile(r",\s+where\s+([^,]+),")
# ", which the council approved on Tuesday,": a relative clause set off by commas
_DATED_WHICH = re.compile(r",\s+which\s+(?P<body>[^,;_\u201c\u201d\x22]{6,}?),(?=\s+\w)")
# the house's own reading of material, and how material came out ("which X filed with the
# regulator in May": its provenance, not an event of the story)
_OWN_WORK = re.compile(r"\b(?:seen|reviewed|obtained|verified|analy[sz]ed|examined|studied|filed|"
                       r"published|released|issued|submitted|leaked|sent|provided|shared\s+with)\b")
# a span up to now or the coming period, which find_dates leaves to the text ("since 2022");
# a bare year says when the noun came to be ("which was built in 1990"), what it is
_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s*)?\d{4}\b|\bnext\s+(?:week|month|year)\b")
# "X comes from a paper that was never government policy": a closing relative clause with a
# negation of its own states a second fact, about the noun it follows; it negates nothing of
# the main clause (a determiner opens the noun phrase, so "shows that" is no relative)
_NEGATED_RELATIVE = re.compile(
    r"\s(?P<noun>(?:a|an|the|its|their|his|her)\s+(?:[\w\u2019'-]+\s+){0,5}?"
    r"(?!(?:shows?|showed|found|finds|means|meant|says|said|suggests?|suggested)\s)[\w-]+)\s+"
    r"(?:that|which)\s+(?=(?:was|were|is|are|has|had|have)\s+(?:never|not)\b[^,;]*$)")
# "Companies House filings", "Met Office records": a proper name before the material's noun
_NAMED_MAKER = re.compile(r"^((?:[A-Z][\w\u2019'.&-]*\s+)*[A-Z][\w\u2019'.&-]*)\s+[a-z]")
# (after a fronted time: "On Friday, the minister was more cautious"; and as a note or tone
# struck: "the minister struck a more cautious note")
_FRONTED_TIME = (r"(?:(?:(?:On|Late\s+on|Early\s+on|Last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
                 r"Friday|Saturday|Sunday)|Later|Earlier|Meanwhile|By\s+then|Since\s+then)"
                 r",\s+")
_MANNER = re.compile(rf"^(?:{_FRONTED_TIME})?(?P<who>.+?)(?:,[^,]+,)?\s+"
                     r"(?:(?:was|were|is|are|seemed|appeared|sounded|remained)\s+"
                     r"(?:(?:far|much|rather|more|less|somewhat)\s+)*"
                     r"(?P<how>[\w-]+(?:\s+(?:certain|sure))?)|"
                     r"(?:struck|sounded|took|adopted)\s+an?\s+"
                     r"(?:(?:far|much|rather|more|less|somewhat)\s+)*"
                     r"(?P<note>[\w-]+)\s+(?:note|tone))"
                     # (and what about: "She was more cautious about the guidance kit.")
                     r"(?:\s+(?:about|on|over|regarding)\s+[^,;.]{3,60})?\.?$")


# only quoted questions (and the asker's "X asked."): the turns in between two answers
_QUESTIONS_ONLY = re.compile(r"^(?:\s*[\u201c\"][^\u201c\u201d\"]*\?[\u201d\"]"
                             r"(?:\s+[A-Z][\w.\u2019' -]{0,40}?\s+asked\.)?)+\s*$")


def continuation(ctx: Context, sent: Sentence) -> bool:
    """A sentence made only of a quotation: the previous speaker goes on speaking."""
    outside = re.sub(r"[\s.,;:!?\u201c\u201d\"'\u2019-]", "", sent.masked().replace("_", ""))
    if outside or not sent.quotes or not ctx.statements:
        return False
    last = ctx.statements[-1]
    between = ctx.text[last.sentence[1]:sent.start]
    # a verbatim exchange: a quoted question in between is the other side's turn, so the
    # answer after it is still the last speaker's ("So nobody told you?" / "That is so.")
    if last.own_voice or (sent.index - last.sentence_index > 1
                          and not _QUESTIONS_ONLY.match(between)):
        return False
    if sent.text.rstrip(" \u201d\"'\u2019").endswith("?"):
        return True  # a question asserts nothing, and is not the speaker's
    group = ctx.next_group()
    # one claim per quoted sentence, as in an attributed quotation
    for a, b in [part for quote in sent.quotes
                 for part in split_parts(ctx.text, quote, ctx.lex, quote=True)]:
        text = ctx.text[a:b]
        reading = read_claim(text, "affirms", [], ctx.lex, start=a, quote=True)
        if not reading.text.strip(" .") or APOLOGY.match(reading.text):
            continue  # ("and I apologise for that": an act, no claim)
        ctx.statements.append(StatementRecord(
            actor=last.actor, stance=reading.stance, sentence=(sent.start, sent.end),
            span=(reading.start, reading.end), claim_text=reading.text,
            claim_kind=reading.kind, verb=last.verb, quote=text.strip(" ,.;:\u201c\u201d\""),
            reported_as=sent.text, date=last.date, date_text=last.date_text,
            date_basis=last.date_basis, setting=last.setting, relay=list(last.relay),
            cues=[*reading.cues, "continues the previous speaker's quotation"],
            confidence=round(0.75 * (0.85 if reading.cues else 0.95), 2), from_quote=True,
            anaphor=reading.anaphor, group=group, sentence_index=sent.index))
    return True


def manner(ctx: Context, sent: Sentence) -> bool:
    """"X was more cautious.": remember that X hedges next; no claim of its own."""
    match = _MANNER.match(sent.text)
    if not match or sent.quotes:
        return False
    how = (match.group("how") or match.group("note")).lower()
    cue = next((c for c, scope in ctx.lex.hedges.items() if scope == "manner" and (
        c == how or c.endswith(" " + how))), None)
    if cue is None:
        return False
    actor = ctx.table.resolve(match.group("who"), sent.start + match.start("who"),
                              sentence=sent.index, initial=match.start("who") == 0)
    if actor is None:
        return False
    ctx.manner[actor.id] = sent.index
    return True


def frame_hedges(ctx: Context, sent: Sentence) -> None:
    """"..., amid concerns that P": the publisher hedges P."""
    if ctx.publisher is None:
        return
    masked = sent.masked()
    for cue, scope in ctx.lex.hedges.items():
        if scope != "frame" or not cue.endswith("that"):
            continue
        for match in re.finditer(rf"\b{re.escape(cue)}\s+", masked, re.I):
            end = len(masked.rstrip(" ."))
            stop = re.search(r",\s+(?:according|per|citing)\b", masked[match.end():])
            if stop:
                end = match.end() + stop.start()
            _own(ctx, sent, (sent.start + match.end(), sent.start + end), "hedges",
                 [f"hedge frame: {cue}"], 0.7)


# "the spreadsheet, whose authenticity could not be independently verified,": the writer's
# own note on material a speaker speaks of, set off by commas inside the report
_UNVERIFIED_ASIDE = re.compile(
    r"(?P<what>(?:the|a|an|its|their|his|her)\s+(?:[\w\u2019'-]+\s+){0,3}?[\w\u2019'-]+),\s+"
    r"(?P<aside>(?:which|whose\s+(?:authenticity|origin|provenance|contents?|accuracy))\s+"
    r"(?:could|can|has|have|had)\s*(?:not|n[\u2019']t)\s+(?:yet\s+)?(?:been\s+|be\s+)?"
    r"(?:independently\s+)?(?:verified|confirmed|authenticated)(?:\s+independently)?),")


def unverified_aside(ctx: Context, sent: Sentence) -> None:
    """"The agency said the spreadsheet, whose authenticity cannot be independently verified,
    was P": the clause is the publisher's, hedging that the material is authentic (only a
    news house says what it could not check), whoever speaks around it."""
    for match in _UNVERIFIED_ASIDE.finditer(sent.masked()):
        before = len(ctx.statements)
        _own(ctx, sent, (sent.start + match.start("aside"), sent.start + match.end("aside")),
             "hedges", ["hedge: could not be verified (the writer's aside)"], 0.6)
        if len(ctx.statements) > before:
            ctx.statements[-1].stance = "hedges"
            ctx.statements[-1].claim_text = sentence_text(f"{match.group('what')} is authentic")


def dated_relative(ctx: Context, sent: Sentence, frames: list[Frame]) -> None:
    """"The tram line, which the council approved on Tuesday, will cost P": a relative clause
    set off by commas that dates an event about the noun it follows is the writer's own
    statement (an undated one says what the noun is: "the club, which runs the stadium"; one
    on a speaker says who they are: "X, which licensed the firm in 2021, said P"; one inside
    what a speaker said is theirs; "which the Courier has seen", "which X filed in May" tell
    how material came to light)."""
    if ctx.publisher is None:
        return
    masked = sent.masked()
    said = [(a - sent.start, b - sent.start) for f in frames for a, b in f.claims]
    # ("X, which licensed the firm in 2021, said P": who the speaker is, no statement)
    said += [(f.speaker[0] - sent.start, f.verb_span[0] - sent.start) for f in frames
             if f.speaker and f.verb_span and f.speaker[0] < f.verb_span[0]]
    for match in _DATED_WHICH.finditer(masked):
        body = match.group("body")
        if any(a <= match.start() < b for a, b in said) or _OWN_WORK.search(body) or \
                not (find_dates(body, ctx.doc_date) or _YEAR.search(body)):
            continue
        before = masked[:match.start()]
        noun = before if len(before.split()) <= 8 else \
            (re.search(r"(?:(?:the|a|an)\s+)?(?:[A-Z][\w\u2019'.&-]*\s*)+$", before) or
             re.search(r"(?:\S+\s+){0,2}\S+$", before))
        prefix = noun if isinstance(noun, str) else noun.group(0) if noun else ""
        _own(ctx, sent, (sent.start + match.start("body"), sent.start + match.end("body")),
             "affirms", ["dated relative clause"], 0.6, prefix_text=prefix)


def background(ctx: Context, sent: Sentence, frames: list[Frame]) -> None:
    """"X claimed that P, where Q": Q is the publisher's background."""
    if ctx.publisher is None:
        return
    unverified_aside(ctx, sent)
    ends = [b for f in frames for _, b in f.claims]
    if not ends:
        return
    first = next((f for f in frames if f.speaker and f.verb_span), None)
    if first is not None and first.speaker is not None and first.verb_span is not None and (
            place := _WHERE_SET_OFF.match(ctx.text, first.speaker[1], first.verb_span[0])):
        # "Palmera, where the tanker is registered, denied P": the writer says where
        before = len(ctx.statements)
        _own(ctx, sent, place.span(1), "affirms", ["background clause"], 0.6)
        if len(ctx.statements) > before:  # "The tanker is registered in Palmera."
            where = ctx.statements[-1]
            where.claim_text = sentence_text(f"{where.claim_text.rstrip('.')} in "
                                             f"{ctx.text[first.speaker[0]:first.speaker[1]]}")
    match = _WHERE.search(sent.masked(), max(ends) - sent.start)
    if match:
        span = (sent.start + match.end(), sent.start + len(sent.text.rstrip(" .")))
        _own(ctx, sent, span, "affirms", ["background clause"], 0.6)


def object_clauses(ctx: Context, sent: Sentence, frames: list[Frame]) -> int | None:
    """"X pointed to the treaty, which includes a defence clause": the relative clause
    describes the material cited, in the publisher's own voice. Returns where the clause
    starts (in the sentence), or None."""
    for frame in frames:
        if frame.kind not in {"cite", "release"} or frame.obj is None or ctx.publisher is None:
            continue
        after = frame.obj[1] - sent.start
        match = re.match(r"\s*,?\s*which\s+", sent.masked()[after:])
        spoken = match is not None and any(
            f.speaker and f.speaker[0] == sent.start + after + match.end() for f in frames)
        if match and not spoken:  # (", which it said showed P": the speaker's, not the writer's)
            end = len(sent.text.rstrip(" ."))
            subject = ctx.text[frame.obj[0]:frame.obj[1]].strip(" ,")
            _own(ctx, sent, (sent.start + after + match.end(), sent.start + end), "affirms",
                 ["relative clause on the material cited"], 0.6, prefix_text=subject)
            return after
    return None


def lead_clause(ctx: Context, sent: Sentence, frames: list[Frame]) -> None:
    """"P, and residents say Q": P, before the first speaker, is the publisher's."""
    first = next((f for f in frames if f.speaker and f.claims), None)
    if ctx.publisher is None or first is None or first.speaker is None:
        return
    before = sent.masked()[:first.speaker[0] - sent.start]
    # (", with residents accusing the council of P": an absolute clause after the writer's)
    match = re.match(r"^(.*?),\s+(?:and|but|while|as|with|where)\s+$", before)
    claimed = any(a < first.speaker[0] for f in frames for a, _ in f.claims)
    if match and not claimed and len(match.group(1).split()) >= 4:
        _own(ctx, sent, (sent.start, sent.start + match.end(1)), "affirms", [], 0.7)
    elif first.speaker[0] > sent.start and not claimed and \
            re.match(r",\s+(?:which|who)\s", ctx.text[first.speaker[1]:sent.end]) and \
            re.search(r"\s(?:[a-z]+ed|is|are|was|were|has|have|had)\s", before):
        # "The fire spread to a depot owned by X, which said P": the writer states the clause
        # the relative speaker ends
        _own(ctx, sent, (sent.start, first.speaker[1]), "affirms", [], 0.7)
    elif (aside := re.search(r",\s+(?:which|who)\s*,\s*$", before)) and \
            re.search(r"\s(?:[a-z]+ed|is|are|was|were|has|have|had)\s", before):
        # "X lodged a protest over the firing, which, the ministry said, had been started by
        # Y": the writer states the clause the relative pronoun ends (surrounds.relative_aside)
        _own(ctx, sent, (sent.start, sent.start + aside.start()), "affirms", [], 0.7)
    _participle_lead(ctx, sent, first)


def _participle_lead(ctx: Context, sent: Sentence, first: Frame) -> None:
    """"The navy has seized a tanker, saying P": the writer states what the subject did
    (the clause before ", saying"), the subject says P; "The ministry was more cautious,
    saying P": no act to state, but the subject's P is a hedge."""
    if not (first.speaker and first.verb_span and first.initial and first.verb_text and
            first.verb_text.endswith("ing")) or first.speaker[0] != sent.start:
        return
    clause = ctx.text[sent.start:first.verb_span[0]].rstrip(" ,")
    if not clause or clause == ctx.text[first.speaker[0]:first.speaker[1]] or \
            any(a < first.verb_span[0] for a, _ in first.claims):
        return
    if (manner := _MANNER.match(clause)) is not None and any(
            scope == "manner" and c.endswith((manner.group("how") or manner.group("note")).lower())
            for c, scope in ctx.lex.hedges.items()):
        for statement in ctx.statements:
            if statement.sentence_index == sent.index and statement.stance == "affirms" and \
                    statement.speaker_span == first.speaker:
                statement.stance = "hedges"
                statement.cues.append("manner: described as cautious")
        return
    if first.speaker_text and first.speaker_text.strip() not in {"It", "They", "He", "She", "We"}:
        _own(ctx, sent, (sent.start, sent.start + len(clause)), "affirms", [], 0.7)


def own_voice(ctx: Context, sent: Sentence, *, prefix: int = 0, stop: int | None = None) -> None:
    """The sentence is the publisher's own statement (split at participle and background
    clauses); ``prefix`` characters at its start ("According to a document, ") and any from
    ``stop`` on (a clause read already) are left out."""
    if ctx.publisher is None or len(sent.text.split()) < 4:
        return
    if sent.text.rstrip().endswith((":", "?")) or ACCOUNT_ONLY.search(sent.text) or \
            METHOD_REMARK.search(sent.text):
        return  # "The campaign's spokesman has just posted this:": it presents what follows;
        # "Does this video show a strike?": a question (a headline's too) asserts nothing;
        # "X gave a different account.": speech announced; "too grainy for us to say what
        # P": a remark on the method (kg/extract/contentless.py)
    if _ASKED.match(sent.text):
        return  # "Asked by the Courier about the change, the firm pointed to its statement":
        # the writer narrates an exchange whose answer states nothing (a said P is a frame)
    masked = sent.masked()
    start = prefix
    end = stop if stop is not None else len(masked.rstrip(" ."))
    stops = [m.start() for m in (_PARTICIPLE.search(masked, start),
                                 _OWN_WHERE.search(masked, start),
                                 re.search(r",\s+amid\b", masked[start:]))
             if m is not None]
    amid = re.search(r",\s+amid\b", masked)
    relayed = publisher_relay(ctx, sent, masked, start)
    if relayed is not None:
        end = min(end, relayed[0])
    elif (fronted := fronted_relay(ctx, sent, masked, 0)) is not None:
        # "According to Radio Nord, P" (the prefix left out may be the cue and the outlet)
        start, relayed = max(start, fronted[0]), (end, fronted[1])
    relative = _NEGATED_RELATIVE.search(masked, start, end)
    if relative is not None:
        end = relative.end("noun")
    first = min([*stops[:2], *([amid.start()] if amid else []), end])
    parts = coordinated_parts(ctx, (sent.start + start, sent.start + first))
    for part in parts:  # "P and has never had Q": two claims
        head = elided_subject(ctx.text[parts[0][0]:parts[0][1]], ctx.text[part[0]:part[1]]) \
            if part != parts[0] else None
        _own(ctx, sent, part, _stance(ctx, masked), [], 0.7, prefix_text=head or "",
             relay=relayed[1] if relayed else None)
    participle = _PARTICIPLE.search(masked, start)
    if participle and participle.start() < end:
        part_end = _OWN_WHERE.search(masked, participle.end())
        subject = SUBJECT_END.search(masked[start:first])
        head = sent.text[start:start + subject.start()] if subject else ""
        span = (sent.start + participle.start() + 1, sent.start + (part_end.start() if part_end
                                                                   else end))
        _own(ctx, sent, span, "affirms", ["participle clause"], 0.6, prefix_text=head)
    if relative is not None:  # "... a paper that was never policy": "a paper was never ..."
        noun = relative.group("noun")
        _own(ctx, sent, (sent.start + relative.end(), sent.start + len(masked.rstrip(" ."))),
             "affirms", ["relative clause"], 0.6, prefix_text=noun[:1].upper() + noun[1:])
    where = _OWN_WHERE.search(masked, start)
    if where:
        # ("Ana Holt, 64, who was travelling": "Ana Holt was travelling")
        who = re.search(r"([A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)(?:,\s+\d+)?$",
                        masked[:where.start()]) if where.group(0).rstrip().endswith("who") \
            else None
        _own(ctx, sent, (sent.start + where.end(), sent.start + end), "affirms",
             ["background clause"], 0.6, prefix_text=who.group(1) if who else "")


def _stance(ctx: Context, masked: str) -> str:
    for cue, scope in ctx.lex.hedges.items():
        if scope == "frame" and not cue.endswith("that") and re.search(
                rf"\b{re.escape(cue)}\b", masked, re.I):
            return "hedges"
    return "affirms"


def _own(ctx: Context, sent: Sentence, span: tuple[int, int], stance: str, cues: list[str],
         confidence: float, prefix_text: str = "", relay: list[RelayStep] | None = None) -> None:
    publisher: ActorRecord | None = ctx.publisher
    if publisher is None or span[1] - span[0] < 8:
        return
    text = ctx.text[span[0]:span[1]]
    frame = claim_frame(text, ctx.lex)
    if frame and frame.role == "cited" and re.match(r"(?i)an?\s", text) and \
            not re.search(r"\b(?:by|dated|(?:leaked|passed|given|sent|provided)\s+to|shared\s+"
                          r"with|posted|published|filmed)\b|\w[\u2019']s\s", text[:frame.removed]):
        # "..., after an inspection found P": the writer narrates an event, citing no
        # material of its own (a speaker who says it cites the inspection: statements.py;
        # "a report seen by the Courier shows P" is the writer's material, and so is one
        # "leaked to the Courier", "dated May 3", "posted online" or "a passenger's")
        frame = None
    maker = _NAMED_MAKER.match(frame.description) if frame and not frame.maker else None
    if maker and evidence_kind(maker.group(1), ctx.lex):
        maker = None  # ("Images of the square show P": the material's own noun, no maker)
    # ("Ana Ruiz's inspection report notes P": hers, by the name without its "'s")
    producer = ctx.table.owner(re.sub(r"[\u2019']s?$", "", maker.group(1)), sent.index,
                               span[0]) if maker else None
    if frame and producer is None and frame.role == "produced" and not frame.maker:
        # "Its analysis found P" after "X reviewed the footage": the body "its" names
        producer = pronoun_owner(ctx.table, text, sent.index, span[0],
                                 ctx.text[max(0, sent.start - 400):sent.start])
    if frame and frame.maker:
        # "logs kept by X show P", "a video filmed by a passenger shows P": X made it
        made_by, at = named_maker(text, frame.maker)  # ("a fan, Ivo Marr,": Ivo Marr)
        producer = material_maker(ctx.table, made_by, span[0] + at, sent.index)
    if frame and producer is None:  # "A passenger's video shows P": someone unnamed's
        producer = indefinite_owner(ctx.table, text, sent.index, span[0])
    if frame and frame.hedged and stance == "affirms":
        stance, cues = "hedges", [*cues, "hedge: appears to"]
    if frame and producer is not None:
        # "Companies House filings show that P": the body the name gives made the material,
        # which the writer cites
        ctx.evidence.append(EvidenceMention(frame.kind, frame.description,
                                            (span[0], span[0] + frame.removed), "produced",
                                            sent.index, actor=producer.id,
                                            supports=[len(ctx.statements)]))
    elif frame:  # "Documents seen by the Gazette show that P": P, on cited evidence
        ctx.evidence.append(EvidenceMention(frame.kind, frame.description,
                                            (span[0], span[0] + frame.removed), "cited",
                                            sent.index, actor=publisher.id,
                                            supports=[len(ctx.statements)]))
    if frame:
        text, span = text[frame.removed:], (span[0] + frame.removed, span[1])
    reading = read_claim(text, stance, [], ctx.lex, start=span[0])
    claim_text = sentence_text(f"{prefix_text.strip()} {reading.text[:1].lower()}"
                               f"{reading.text[1:]}") if prefix_text else reading.text
    ctx.table.mark_used(publisher.id)
    ctx.statements.append(StatementRecord(
        actor=publisher.id, stance=reading.stance, sentence=(sent.start, sent.end),
        span=(reading.start, reading.end), claim_text=claim_text, claim_kind=reading.kind,
        reported_as=sent.text, setting="publication", cues=[*cues, *reading.cues],
        relay=list(relay or []),
        confidence=confidence, own_voice=True, group=ctx.next_group(),
        sentence_index=sent.index, anaphor=reading.anaphor))  # "could not verify X's account"


__all__ = ["background", "continuation", "frame_hedges", "lead_clause", "manner",
           "object_clauses", "own_voice"]
