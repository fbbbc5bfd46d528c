"""The records an extraction produces: what the draft lists, with offsets and confidence.

Every record carries the character offsets of the words it was read from (``span``; for
actors, every mention) and a ``confidence`` in [0, 1], so that a reviewer can check it
against the text. Records whose confidence is below the draft's threshold are marked for
review.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.actors import ActorRecord

Span = tuple[int, int]


@dataclass
class RelayStep:
    """One outlet between a speaker and the reader."""

    outlet: str  # actor id
    cue: str
    span: Span | None = None


@dataclass
class StatementRecord:
    """Who takes which stance on which claim, read from one sentence."""

    actor: str
    stance: str
    sentence: Span
    span: Span  # the words that carry the claim
    claim_text: str
    claim_kind: str = "factual"
    claim: str | None = None  # claim id, set when claims are merged
    verb: str | None = None
    verb_span: Span | None = None
    speaker_span: Span | None = None
    quote: str | None = None
    reported_as: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_basis: str | None = None
    setting: str | None = None
    relay: list[RelayStep] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.8
    own_voice: bool = False
    from_quote: bool = False
    anaphor: bool = False
    group: int = 0  # statements read from one frame share a group
    sentence_index: int = 0
    presupposes: str | None = None  # text of a broader claim this one refines (no statement)
    presupposed: bool = False  # read from a modifier inside another statement's words


@dataclass
class ClaimRecord:
    """One proposition, with every statement that expresses it."""

    id: str
    text: str
    kind: str = "factual"
    refines: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    confidence: float = 0.8
    reasons: list[str] = field(default_factory=list)


@dataclass
class EvidenceRecord:
    """Material offered for claims: its kind, who made, released or cited it."""

    id: str
    kind: str
    description: str
    spans: list[Span] = field(default_factory=list)
    produced_by: str | None = None
    released_by: str | None = None
    cited_by: list[str] = field(default_factory=list)
    part_of: str | None = None
    supports: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    date_basis: str | None = None
    confidence: float = 0.7
    notes: list[str] = field(default_factory=list)


@dataclass
class CommentRequestRecord:
    """"<publisher> contacted X for comment", and whether X answered."""

    by: str
    to: str
    span: Span
    channel: str | None = None
    response_reported: bool | None = None
    confidence: float = 0.7


@dataclass
class DocumentRecord:
    """The article: id, title, publisher and date, where the text or the caller gives them."""

    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_basis: str | None = None
    title_span: Span | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """Everything extracted from one article."""

    text: str
    document: DocumentRecord
    actors: list[ActorRecord]
    claims: list[ClaimRecord]
    statements: list[StatementRecord]
    evidence: list[EvidenceRecord]
    comment_requests: list[CommentRequestRecord]
    overrides: list[tuple[str, str, str]]  # (actor, actor, reason): one source, not two
    threshold: float = 0.6
    source: str = "<text>"
    mentions: list[StatementRecord] = field(default_factory=list)  # before repeats merge

    def needs_review(self, confidence: float) -> bool:
        """Whether an item of this confidence is marked for review."""
        return confidence < self.threshold


__all__ = ["ClaimRecord", "CommentRequestRecord", "DocumentRecord", "Draft", "EvidenceRecord",
           "RelayStep", "Span", "StatementRecord"]
