"""A survey a body ran among its own people, when the text names no other maker: "A survey of
140 of the union's members found P", "A poll of the club's supporters shows P".

A body asks its members, staff or customers; the text's "of X's members" says whose survey
it is, so X says P through it, and the survey is X's evidence for P. Without this the survey
itself became a speaker ("A survey of 140 of the ..."), an actor of its own. A survey "by" a
maker is read by :func:`kg.extract.sourcing.document_speaker`; one of people the text ties
to no body ("a survey of 2,000 adults") is left as it was.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Tarn Walkers Club says paths are blocked. A poll of 300 of the "
    ...                 "club's members found that 120 had met a locked gate.",
    ...                 publisher="The Test Gazette")
    >>> [s.actor for s in draft.statements]
    ['tarn-walkers-club', 'tarn-walkers-club']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.attribution import Frame
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_OF_MEMBERS = re.compile(
    r"(?i)^an?\s+(?:[\w-]+\s+)?(?P<what>survey|poll|questionnaire|consultation)\s+of\s+"
    r"(?:(?:more\s+than\s+|nearly\s+|almost\s+|some\s+)?[\d,]+\s+(?:of\s+)?)?"
    r"(?P<owner>(?:the|its|their)\s+[\w\s-]{1,40}?|[A-Z][\w\s&-]{1,40}?)[\u2019']s?\s+"
    r"(?:members|supporters|staff|employees|workers|customers|readers|users|clients|"
    r"patients|residents|tenants|volunteers|students|pupils|parents)$")


def surveyed_body(ctx: Context, sent: Sentence, frame: Frame) -> ActorRecord | None:
    """The body whose own people ``frame``'s speaker phrase says were surveyed (see the
    module text), recorded as the survey's producer; None when the phrase is no such
    survey or the body is unknown."""
    if frame.kind != "speech" or frame.speaker is None or frame.speaker_text is None:
        return None
    match = _OF_MEMBERS.match(frame.speaker_text.strip())
    if match is None or (kind := ev.evidence_kind(match.group("what"), ctx.lex)) is None:
        return None
    at = frame.speaker[0] + frame.speaker_text.find(match.group("owner"))
    owner = ctx.table.resolve(match.group("owner").strip(), at, sentence=sent.index)
    if owner is None or owner.kind in {"Person", "NewsOutlet"}:
        return None
    ctx.evidence.append(ev.EvidenceMention(kind, frame.speaker_text.strip(), frame.speaker,
                                           "produced", sent.index, actor=owner.id,
                                           supports=[len(ctx.statements)]))
    return owner


__all__ = ["surveyed_body"]
