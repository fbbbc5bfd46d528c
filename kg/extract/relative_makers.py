"""Material whose maker a relative clause names: "an audit log that the company produced for
the court", "two emails he sent to the firm", "a review it published in June", "the data
which the agency compiled". English puts the maker of a thing in a clause after its noun
as often as before it ("the company's log") or after "by" ("a log kept by the company");
the other rules read those two, and a maker in a relative clause was lost, so the material
had no producer (or was no item at all when no verb of showing followed).

A relative clause on a speaker names material it released ("The ministry, which released
radar tracks of the flight, said P"): released by the speaker, bearing on P.

So is a participle clause set off by commas after what the material is of ("A recording of
the call, made by the ambulance service and played at the hearing, captured P").

The clause's subject is the producer: a definite description, a name or a personal pronoun,
resolved as the actor table resolves any phrase (a pronoun to the actor it refers back to).
Only verbs of making or sending count ("sent", "produced", "kept", "published", ...); "the
emails he received" names no maker.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Ana Holt said the dam had held. Two emails she sent to the council "
    ...                 "describe the flood.", publisher="The Test Gazette")
    >>> [(e.description, e.produced_by) for e in draft.evidence]
    [('Two emails she sent to the council', 'ana-holt')]
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.confidence import read_confidence
from kg.extract.document_voice import speak_for_makers
from kg.extract.lexicon import phrase_alternation
from kg.extract.model import RelayStep
from kg.extract.relative_said import read_which_said
from kg.extract.stance import sentence_text
from kg.extract.uploads import first_upload

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_MAKING = (r"(?i:produced|sent|wrote|written|made|kept|compiled|published|released|issued|filed|"
           r"prepared|drew\s+up|drafted|recorded|filmed|commissioned|submitted|maintained)")
# the clause's subject: a pronoun, a definite description or a name
_WHO = (r"(?:he|she|it|they|we|(?i:the|its|their|his|her)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|"
        r"[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,4})")


# a communication its maker sent or wrote is their word; a record kept ("Notes the engineer
# kept describe P") stays the writer's evidence
_AUTHORED = re.compile(r"(?i)sent|wrote|written|drafted|issued|published|released|filed|"
                       r"submitted")
# what material says, after its maker's clause and an aside ("..., shown to the court,");
# "reads:" before the document's own words, quoted after a colon
_SAYS = re.compile(r"(?:,\s+[^,;]{1,60},)?\s+(?:describes?|described|records|recorded|states|"
                   r"stated|says|said|reads)(?::\s*[\u201c\"]?|\s)")


@cache
def _pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    listed = phrase_alternation(nouns)
    return re.compile(
        r"(?P<what>\b(?:(?i:an?|the|two|three|four|several|some)\s+)?"
        r"(?:(?!(?i:an?|the|said|says|told)\s)[\w-]+\s+){0,2}?"
        rf"(?i:{listed}))\s+(?:that\s+|which\s+)?(?P<who>{_WHO})\s+"
        rf"(?:had\s+|has\s+|have\s+)?(?P<verb>{_MAKING})\b(?P<rest>(?:\s+(?:to|for|in|on|with|at)"
        r"\s+[^,;.]{1,40}?)?)(?=[,;.]|\s+(?:show|showed|shows|found|finds|record|records|"
        r"recorded|describe|describes|described|says|said|state|states|stated|list|lists|"
        r"listed|confirm|confirms|confirmed|note|notes|noted|was|were|is|are)\b)")


@cache
def _set_off(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """"A recording of the call, made by the ambulance service and played at the hearing,":
    the material, what it is of, then its maker in a participle clause set off by commas."""
    listed = phrase_alternation(nouns)
    return re.compile(
        r"(?P<what>\b(?i:an?|the)\s+(?:[\w-]+\s+){0,2}?(?i:" + listed + r")"
        r"(?:\s+of\s+[^,;]{1,40}?)?),\s+(?P<verb>" + _MAKING + r")\s+by\s+"
        r"(?P<who>(?i:the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|"
        r"[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,4})(?P<rest>)(?=\s+and\s|,)")


# "The ministry, which released radar tracks of the flight, said P": a relative clause on
# the speaker says what it released; the material bears on what it says
_RELEASED_BY_SPEAKER = re.compile(
    r"^(?P<who>[^,;]{2,80}?),\s+which\s+(?:had\s+|has\s+|also\s+)?(?:released|published|"
    r"issued|provided|shared|made\s+public)\s+(?P<what>[^,;]{3,80}?)"
    r"(?:\s+(?:to|with)\s+[^,;]{1,40})?,\s+(?=(?:[\w-]+\s+){0,3}?(?:said|says|told|added|"
    r"stated|denied|confirmed)\b)")


def _released_by_speaker(ctx: Context, sent: Sentence) -> list[ev.EvidenceMention]:
    """The material a relative clause on the sentence's speaker says it released (see
    :data:`_RELEASED_BY_SPEAKER`), released by that speaker, supporting its statements."""
    match = _RELEASED_BY_SPEAKER.match(sent.text)
    kind = ev.evidence_kind(match.group("what"), ctx.lex) if match else None
    if match is None or kind is None or kind == "DocumentClause":
        return []
    # (the speaker as the sentence's statements resolved it, named where the sentence opens)
    supports = [i for i, s in enumerate(ctx.statements) if s.sentence_index == sent.index and
                s.speaker_span and s.speaker_span[0] == sent.start]
    speaker = ctx.table.records[ctx.statements[supports[0]].actor] if supports else None
    if speaker is None or speaker.kind in {"Person", "NewsOutlet"}:
        return []
    span = (sent.start + match.start("what"), sent.start + match.end("what"))
    return [ev.EvidenceMention(kind, ctx.text[span[0]:span[1]], span, "released", sent.index,
                               actor=speaker.id, supports=supports)]


def made_in_clause(ctx: Context, sent: Sentence) -> list[ev.EvidenceMention]:
    """The material of ``sent`` whose maker a relative clause right after it names, each
    produced by that maker (see the module text); and the material a relative clause on the
    speaker says it released."""
    speak_for_makers(ctx, sent)  # "Logs compiled by X show P": X's word (document_voice.py)
    read_which_said(ctx, sent)  # "A video, which the channel said P, shows Q" (relative_said)
    read_confidence(ctx, sent)  # "X judges with high confidence that P" (confidence.py)
    # (and where material first appeared: "The video first appeared on X", uploads.py)
    found = _released_by_speaker(ctx, sent) + first_upload(ctx, sent)
    nouns = tuple(ctx.lex.evidence)
    for match in [*_pattern(nouns).finditer(sent.text), *_set_off(nouns).finditer(sent.text)]:
        kind = ev.evidence_kind(match.group("what"), ctx.lex)
        who = match.group("who")
        if kind is None or who.lower() in {"that", "which"}:
            continue
        at = sent.start + match.start("who")
        maker = ctx.table.resolve(who, at, sentence=sent.index, initial=False)
        if maker is None or maker.kind == "NewsOutlet":
            continue  # ("the documents the Gazette obtained": the publisher's reading)
        if match.start("what") == 0 and _AUTHORED.fullmatch(match.group("verb")):
            # (whether or not the material was read already: its words are the maker's)
            _speaks_for_maker(ctx, sent, match.end("rest"), maker.id)
        if any(m.sentence == sent.index and m.span[0] < sent.start + match.end("what") and
               sent.start + match.start("what") < m.span[1] for m in ctx.evidence):
            continue  # read already, with its maker or its owner
        span = (sent.start + match.start("what"), sent.start + match.end("rest"))
        found.append(ev.EvidenceMention(kind, ctx.text[span[0]:span[1]], span, "produced",
                                        sent.index, actor=maker.id))
    return found


def _speaks_for_maker(ctx: Context, sent: Sentence, after: int, maker: str) -> None:
    """"Two emails he sent to the firm, shown to the court, describe P": a communication whose
    maker the clause names (sent, wrote, issued ...), as the subject of a verb of saying, says
    P for its maker (the sentence was read as the publisher's own)."""
    said = _SAYS.match(sent.text[after:])
    if said is None:
        return
    begin = sent.start + after + said.end()  # what the material says, after its verb
    for statement in ctx.statements:
        if statement.sentence_index == sent.index and statement.own_voice:
            statement.actor, statement.own_voice = maker, False
            if statement.span[0] < begin < statement.span[1]:
                statement.span = (begin, statement.span[1])
                statement.claim_text = sentence_text(ctx.text[begin:statement.span[1]])
            statement.relay = [RelayStep(ctx.publisher.id, "published")] if ctx.publisher \
                else []
            statement.cues.append("material speaks for its maker")
            ctx.table.mark_used(maker)


__all__ = ["made_in_clause"]
