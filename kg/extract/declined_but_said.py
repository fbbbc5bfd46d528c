"""A refusal joined to a statement: "The port authority declined to be interviewed for this
programme, but said in a statement that it was co-operating fully." The refusal states
nothing (:mod:`kg.extract.refusals`), but the second verb of the same subject does: what it
said is the subject's statement. Without this the sentence was read as the writer's own (the
frame's subject was taken to be "but") or, after "declined to comment but said", not at all.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Lenby Water Board declined to comment, but said in a statement "
    ...                 "that the reservoir was full.", publisher="Radio Nord")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.mentions]
    [('lenby-water-board', 'affirms', 'The reservoir was full.')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.clauses import split_parts
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.stance import read_claim

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

# "X declined to comment / to be interviewed (for ...) / an interview, but said (in a
# statement) (that) P"
_DECLINED_BUT_SAID = re.compile(
    r"^(?P<who>[A-Z][\w\u2019'&.-]*(?:\s+[\w\u2019'&.-]+){0,6}?)"
    r"\s+(?:declined|refused)\s+(?:to\s+(?:comment|be\s+interviewed|speak|give\s+an\s+"
    r"interview|appear|answer\s+questions)|an?\s+(?:interview|request\s+for\s+(?:an\s+)?"
    r"(?:interview|comment)))\b[^,;]{0,60}?,?\s+but\s+(?P<verb>said|says|added|confirmed)\s+"
    r"(?:in\s+a\s+(?:written\s+)?statement\s+|by\s+email\s+|on\s+\w+\s+)?(?:that\s+)?")


def declined_but_said(ctx: Context, sent: Sentence, before: int) -> None:
    """Read "X declined to comment, but said that P" (see the module text) when the sentence
    gave no statement of a speaker: X's statements of P, in place of the writer's own."""
    made = ctx.statements[before:]
    match = _DECLINED_BUT_SAID.match(sent.text)
    if match is None or any(not s.own_voice for s in made) or ctx.publisher is None:
        return
    who = ctx.table.resolve(match.group("who"), sent.start, sentence=sent.index, initial=True)
    if who is None or who.id == ctx.publisher.id:
        return
    ctx.table.mark_used(who.id)
    del ctx.statements[before:]
    at, end = sent.start + match.end(), sent.start + len(sent.text.rstrip(" ."))
    group = ctx.next_group()
    for a, b in split_parts(ctx.text, (at, end), ctx.lex):
        reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a)
        if not reading.text.strip(" ."):
            continue
        ctx.statements.append(StatementRecord(
            actor=who.id, stance=reading.stance, sentence=(sent.start, sent.end),
            span=(reading.start, reading.end), claim_text=reading.text, claim_kind=reading.kind,
            verb=match.group("verb"), verb_span=(sent.start + match.start("verb"),
                                                 sent.start + match.end("verb")),
            speaker_span=(sent.start, sent.start + match.end("who")), reported_as=sent.text,
            relay=[RelayStep(ctx.publisher.id, "published")],
            cues=[*reading.cues, "said after declining"], group=group,
            sentence_index=sent.index))


__all__ = ["declined_but_said"]
