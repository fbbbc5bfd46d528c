"""What the analysis says about one claim or one actor: the explanation (an assessment, with
every reason) and the numbers alone (a summary, for lists of every claim or actor)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.analysis.corroboration import Corroboration, Status
from kg.analysis.credibility import Credibility
from kg.analysis.evidence import EvidenceWeight
from kg.analysis.groups import SourceGroup
from kg.analysis.model import Actor, CaseGraph, Claim, Statement
from kg.analysis.reliability import Reliability
from kg.analysis.stances import StanceEntry


@dataclass(frozen=True)
class ClaimAssessment:
    """Everything the analysis says about one claim.

    ``context`` holds the records the explanation was built from (the claim's neighbourhood),
    so that it can be shown without reading the whole graph.
    """

    claim: Claim
    corroboration: Corroboration
    credibility: Credibility
    evidence: tuple[EvidenceWeight, ...]
    stances: tuple[StanceEntry, ...]
    belief: float | None
    context: CaseGraph | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class ActorAssessment:
    """Everything the analysis says about one actor (``context`` as for claims)."""

    actor: Actor
    group: SourceGroup
    reliability: Reliability
    statements: tuple[Statement, ...]
    context: CaseGraph | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class ClaimSummary:
    """A claim's numbers without its explanation, for lists of every claim."""

    iri: str
    status: Status
    independent_groups: int
    contested: bool
    affirming: tuple[str, ...]  # group ids
    denying: tuple[str, ...]  # group ids, contesting or not
    contested_by: tuple[str, ...]
    hedging: tuple[str, ...]
    credibility: int
    stix_confidence: int | None
    belief: float | None


@dataclass(frozen=True)
class ActorSummary:
    """An actor's numbers without its explanation."""

    iri: str
    group: str
    reliability: str
    trust: float | None
    assessed_claims: int
    statements: int


__all__ = ["ActorAssessment", "ActorSummary", "ClaimAssessment", "ClaimSummary"]
