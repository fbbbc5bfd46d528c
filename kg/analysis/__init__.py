"""Corroboration and credibility analysis: which claims independent sources corroborate, and
how far each source can be trusted.

One measure per module:

- :mod:`~kg.analysis.extract`: the records, read from the store with SPARQL projections;
- :mod:`~kg.analysis.groups`: independent source groups (affiliation, overrides);
- :mod:`~kg.analysis.stances`: who affirms, denies or hedges each claim, with implications;
- :mod:`~kg.analysis.evidence`: evidence weights and independence;
- :mod:`~kg.analysis.corroboration`: corroborated / single-source / unsupported, contested;
- :mod:`~kg.analysis.trust`: truth discovery over the actor-claim graph;
- :mod:`~kg.analysis.credibility`: information credibility 1-6 and STIX confidence;
- :mod:`~kg.analysis.reliability`: source reliability A-F.

:func:`analyse` runs them all and returns an :class:`Analysis`, whose parts carry their
reasons as data for the CLI, the API and the graph view.

Example:
    >>> from kg.store import KnowledgeStore
    >>> from kg.seed import seed_paths
    >>> store = KnowledgeStore()
    >>> _ = store.load(seed_paths())
    >>> result = analyse(store)
    >>> claim = result.claim_by_id("nk-troops-in-russia")
    >>> claim.corroboration.status, [g.label for g in claim.corroboration.affirming]
    ('corroborated', ['South Korea', 'Ukraine', 'United States'])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kg.analysis.corroboration import STATUSES, Corroboration, Status, corroborate
from kg.analysis.credibility import Credibility, grade_credibility
from kg.analysis.evidence import EvidenceWeight, weigh_evidence
from kg.analysis.extract import SparqlSource, read_case_graph
from kg.analysis.groups import SourceGroup, SourceGroups, source_groups
from kg.analysis.model import Actor, CaseGraph, Claim, Statement
from kg.analysis.reliability import (
    Reliability,
    ReliabilityScale,
    assessed_claims,
    grade_reliability,
)
from kg.analysis.stances import ImplicationIndex, StanceEntry, stance_tables
from kg.analysis.trust import DEFAULT_METHOD, METHODS, TrustEstimate, estimate_trust

DEFAULT_SCALE = ReliabilityScale()


@dataclass(frozen=True)
class ClaimAssessment:
    """Everything the analysis says about one claim."""

    claim: Claim
    corroboration: Corroboration
    credibility: Credibility
    evidence: tuple[EvidenceWeight, ...]
    stances: tuple[StanceEntry, ...]
    belief: float | None


@dataclass(frozen=True)
class ActorAssessment:
    """Everything the analysis says about one actor."""

    actor: Actor
    group: SourceGroup
    reliability: Reliability
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Analysis:
    """The result of :func:`analyse`: per-claim and per-actor assessments, and the groups."""

    case: CaseGraph
    groups: SourceGroups
    claims: dict[str, ClaimAssessment]
    actors: dict[str, ActorAssessment]
    trust: TrustEstimate
    min_groups: int

    def claim_by_id(self, ident: str) -> ClaimAssessment:
        """A claim by IRI, or by the last segment of its IRI (``nk-troops-in-russia``)."""
        return self.claims[_resolve(self.claims, ident, "claim")]

    def actor_by_id(self, ident: str) -> ActorAssessment:
        """An actor by IRI, or by the last segment of its IRI (``putin``)."""
        return self.actors[_resolve(self.actors, ident, "actor")]

    def by_status(self, status: Status) -> list[ClaimAssessment]:
        return [c for c in self.claims.values() if c.corroboration.status == status]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: claims, actors and groups, with every reason."""
        from kg.analysis.serialize import analysis_to_dict

        return analysis_to_dict(self)


def _resolve(table: dict[str, Any], ident: str, what: str) -> str:
    if ident in table:
        return ident
    from kg.analysis.serialize import short_id

    matches = [iri for iri in table if short_id(iri) == ident]
    if len(matches) == 1:
        return matches[0]
    raise KeyError(f"no {what} {ident!r}" if not matches
                   else f"{what} id {ident!r} is ambiguous: {', '.join(sorted(matches))}")


def analyse(
    source: SparqlSource | Any,
    *,
    min_groups: int = 2,
    method: str = DEFAULT_METHOD,
    scale: ReliabilityScale = DEFAULT_SCALE,
) -> Analysis:
    """Analyse everything in a store.

    Args:
        source: a :class:`kg.store.KnowledgeStore` or a ``pyoxigraph.Store``.
        min_groups: k, independent affirming groups needed for "corroborated".
        method: truth-discovery method for trust and belief (a key of
            :data:`kg.analysis.trust.METHODS`).
        scale: thresholds of the reliability grades.
    """
    return analyse_case(read_case_graph(source), min_groups=min_groups, method=method,
                        scale=scale)


def analyse_case(
    case: CaseGraph,
    *,
    min_groups: int = 2,
    method: str = DEFAULT_METHOD,
    scale: ReliabilityScale = DEFAULT_SCALE,
) -> Analysis:
    """Analyse records already read (see :func:`analyse`)."""
    if min_groups < 1:
        raise ValueError("min_groups must be at least 1")
    groups = source_groups(case)
    stances, evidence_entries = stance_tables(case, ImplicationIndex(case))
    weights = weigh_evidence(case, groups, evidence_entries, stances)
    corroboration = corroborate(case, groups, stances, weights, min_groups=min_groups)
    trust = estimate_trust(case, groups, stances, method=method)
    claims = {}
    for iri, claim in case.claims.items():
        evidence = tuple(weights.get(iri, ()))
        claims[iri] = ClaimAssessment(
            claim=claim,
            corroboration=corroboration[iri],
            credibility=grade_credibility(claim, corroboration[iri], list(evidence)),
            evidence=evidence,
            stances=tuple(stances.get(iri, ())),
            belief=trust.belief.get(iri),
        )
    by_actor: dict[str, list[Statement]] = defaultdict(list)
    for statement in case.statements:
        by_actor[statement.actor].append(statement)
    assessed = assessed_claims(case, groups, stances)
    actors = {}
    for iri, actor in case.actors.items():
        group = groups.of(iri)
        actors[iri] = ActorAssessment(
            actor=actor,
            group=group,
            reliability=grade_reliability(
                iri, trust=trust.trust.get(iri), assessed=assessed[iri], group=group.id,
                group_label=group.label, method=method, scale=scale,
            ),
            statements=tuple(by_actor.get(iri, ())),
        )
    return Analysis(case=case, groups=groups, claims=claims, actors=actors, trust=trust,
                    min_groups=min_groups)


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "STATUSES",
    "ActorAssessment",
    "Analysis",
    "ClaimAssessment",
    "ReliabilityScale",
    "analyse",
    "analyse_case",
]
