"""The stance table of each claim: who affirms, denies or hedges it, directly or by implication.

Implication follows logic, and only logic:

- **Refinement, upwards.** Affirming a claim affirms every broader claim it refines ("at least
  3,000 troops are training in Russia" affirms "troops are in Russia"). The reverse does not
  hold: affirming the broad claim says nothing of the narrow one.
- **Refinement, downwards, for denials.** Denying a claim denies every narrower claim
  (whoever denies "troops are in Russia" denies "3,000 are training there"). Denying a narrow
  claim does not deny the broad one.
- **Contradiction.** Affirming a claim denies the claims it contradicts, and their narrower
  claims.
- **Hedges** are never propagated and never count as affirmations.

Evidence follows the same rules: evidence for a narrow claim supports the broader ones;
evidence against a broad claim disputes the narrower ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import networkx as nx

from kg.analysis.model import CaseGraph, Stance

Via = Literal["direct", "refinement", "broader-denial", "contradiction"]


@dataclass(frozen=True)
class StanceEntry:
    """One stance on one claim, and how it reached that claim.

    ``source_claim`` is the claim the statement was actually about; it differs from the claim
    of the table when ``via`` is not ``"direct"``.
    """

    statement: str
    actor: str
    stance: Stance
    via: Via
    source_claim: str


@dataclass(frozen=True)
class EvidenceEntry:
    """One evidence item bearing on a claim, directly or through refinement."""

    evidence: str
    supports: bool  # False: disputes
    via: Via
    source_claim: str


class ImplicationIndex:
    """Broader and narrower claims of each claim, computed once from the refinement graph."""

    def __init__(self, case: CaseGraph) -> None:
        self._graph = case.refinement_graph()
        # Symmetric, whichever way the data states it.
        contradicts: dict[str, set[str]] = defaultdict(set)
        for iri, claim in case.claims.items():
            for other in claim.contradicts:
                contradicts[iri].add(other)
                contradicts[other].add(iri)
        self._contradicts = {k: tuple(sorted(v)) for k, v in contradicts.items()}

    @cached_property
    def _broader(self) -> dict[str, tuple[str, ...]]:
        # Edges run narrow -> broad, so the broader claims are the descendants. For a DAG the
        # transitive closure per node is cheap at the sizes claims come in (thousands).
        return {c: tuple(sorted(nx.descendants(self._graph, c))) for c in self._graph}

    @cached_property
    def _narrower(self) -> dict[str, tuple[str, ...]]:
        return {c: tuple(sorted(nx.ancestors(self._graph, c))) for c in self._graph}

    def broader(self, claim: str) -> tuple[str, ...]:
        return self._broader.get(claim, ())

    def narrower(self, claim: str) -> tuple[str, ...]:
        return self._narrower.get(claim, ())

    def contradicted(self, claim: str) -> tuple[str, ...]:
        """Claims that cannot be true if ``claim`` is: those it contradicts, and their
        narrower claims."""
        found: set[str] = set()
        for other in self._contradicts.get(claim, ()):
            found.add(other)
            found.update(self.narrower(other))
        return tuple(sorted(found - {claim}))


def stance_tables(
    case: CaseGraph, index: ImplicationIndex | None = None
) -> tuple[dict[str, list[StanceEntry]], dict[str, list[EvidenceEntry]]]:
    """Every claim's stance entries and evidence entries, with implications applied.

    Args:
        case: the records read from the store.
        index: the claims' implication index, if already built.

    Returns:
        Two mappings from claim IRI to entries, in a stable order.

    Example:
        >>> from kg.analysis.model import Claim, CaseGraph, Statement
        >>> case = CaseGraph(claims={
        ...     "broad": Claim("broad", "Troops are in Russia."),
        ...     "narrow": Claim("narrow", "3,000 troops train in Russia.", refines=("broad",)),
        ... }, statements=[Statement("s1", "kirby", "narrow", "affirms"),
        ...                Statement("s2", "pyongyang", "broad", "denies")])
        >>> stances, _ = stance_tables(case)
        >>> [(e.actor, e.stance, e.via) for e in stances["broad"]]
        [('pyongyang', 'denies', 'direct'), ('kirby', 'affirms', 'refinement')]
        >>> [(e.actor, e.stance, e.via) for e in stances["narrow"]]
        [('kirby', 'affirms', 'direct'), ('pyongyang', 'denies', 'broader-denial')]
    """
    index = index or ImplicationIndex(case)
    stances: dict[str, list[StanceEntry]] = defaultdict(list)
    for s in case.statements:
        stances[s.claim].append(StanceEntry(s.iri, s.actor, s.stance, "direct", s.claim))
        if s.stance == "affirms":
            for broader in index.broader(s.claim):
                stances[broader].append(
                    StanceEntry(s.iri, s.actor, "affirms", "refinement", s.claim))
            # Affirming a claim affirms its broader claims, so it denies what any of them
            # contradicts.
            contradicted = {o for c in (s.claim, *index.broader(s.claim))
                            for o in index.contradicted(c)}
            for other in sorted(contradicted - {s.claim}):
                stances[other].append(
                    StanceEntry(s.iri, s.actor, "denies", "contradiction", s.claim))
        elif s.stance == "denies":
            for narrower in index.narrower(s.claim):
                stances[narrower].append(
                    StanceEntry(s.iri, s.actor, "denies", "broader-denial", s.claim))
    evidence: dict[str, list[EvidenceEntry]] = defaultdict(list)
    for item in case.evidence:
        for claim in item.supports:
            evidence[claim].append(EvidenceEntry(item.iri, True, "direct", claim))
            for broader in index.broader(claim):
                evidence[broader].append(EvidenceEntry(item.iri, True, "refinement", claim))
        for claim in item.disputes:
            evidence[claim].append(EvidenceEntry(item.iri, False, "direct", claim))
            for narrower in index.narrower(claim):
                evidence[narrower].append(
                    EvidenceEntry(item.iri, False, "broader-denial", claim))
    order = {"direct": 0, "refinement": 1, "broader-denial": 2, "contradiction": 3}
    for entries in stances.values():
        entries.sort(key=lambda e: (order[e.via], e.stance, e.actor, e.statement))
    for items in evidence.values():
        items.sort(key=lambda e: (order[e.via], not e.supports, e.evidence))
    return dict(stances), dict(evidence)


__all__ = ["EvidenceEntry", "ImplicationIndex", "StanceEntry", "Via", "stance_tables"]
