"""The statements of a sentence, looked at again once it is read: the one told ("told us P",
:mod:`kg.extract.recipients`), "X declined to comment, but said P"
(:mod:`kg.extract.declined_but_said`), a document an outlet reported ("X reported that a log from Y
shows P", :mod:`kg.extract.reported_documents`) a transcript's turns ("ORLEV: P",
:mod:`kg.extract.turns`), in that order (a turn's speaker takes what is still the writer's), and
readings a named body took (:mod:`kg.extract.measurements`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.declined_but_said import declined_but_said
from kg.extract.measurements import taken_measurements
from kg.extract.recipients import drop_recipient
from kg.extract.reported_documents import document_makers
from kg.extract.turns import Turns, read_turns

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context


def reread(ctx: Context, sent: Sentence, before: int, turns: Turns) -> None:
    """Apply the rules above to the statements read from ``sent`` (those after ``before``)."""
    drop_recipient(ctx.statements[before:], ctx.text)
    declined_but_said(ctx, sent, before)
    document_makers(ctx, sent, before)
    turns.assign(ctx, sent, before)
    taken_measurements(ctx, sent, before)


__all__ = ["read_turns", "reread"]
