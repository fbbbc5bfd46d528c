"""Measurements a named body took: "The Lenby Environment Office took air readings across the
estate", "The water board collected samples from the river". The readings or samples are
evidence, and the one who took them made them (their producer), whoever cites them; the rest
of the sentence ("and every one of them was below the harmful level") is what they bear on.
Without this such evidence went unlisted: no verb of saying or showing names it.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Lenby Water Board took samples from the river, and all "
    ...                 "of them were clean.", publisher="Radio Nord")
    >>> [(e.produced_by, e.description) for e in draft.evidence]
    [('lenby-water-board', 'Samples from the river')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.evidence import EvidenceMention, evidence_kind

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

# "The Lenby Water Board took (air) readings (across the estate)": a named subject that opens
# the sentence, a verb of taking, and what was taken
_TOOK = re.compile(r"^(?P<who>(?:The\s+)?[A-Z][\w\u2019'&.-]*(?:\s+(?:of\s+|for\s+)?"
                   r"[A-Z][\w\u2019'&.-]*){0,5})\s+(?:has\s+|had\s+)?(?:took|taken|collected|"
                   r"gathered|recorded|measured)\s+(?P<what>(?:[a-z-]+\s+){0,2}(?:readings|"
                   r"samples|measurements|swabs)(?:\s+(?:across|at|in|from|of)\s+(?:the\s+)?"
                   r"[a-z]+)?)\b")


def taken_measurements(ctx: Context, sent: Sentence, before: int) -> None:
    """Add the evidence of "X took readings" in ``sent`` (see the module text), produced by X
    and bearing on the statements read from the sentence (those after ``before``)."""
    took = _TOOK.match(sent.text)
    if took is None:
        return
    who = ctx.table.resolve(took.group("who"), sent.start, sentence=sent.index, initial=True)
    if who is None or who.kind == "Person":
        return
    what = took.group("what")
    ctx.table.mark_used(who.id)
    ctx.evidence.append(EvidenceMention(
        evidence_kind(what, ctx.lex) or "Evidence", what,
        (sent.start + took.start("what"), sent.start + took.end("what")), "produced",
        sent.index, actor=who.id, supports=list(range(before, len(ctx.statements)))))


__all__ = ["taken_measurements"]
