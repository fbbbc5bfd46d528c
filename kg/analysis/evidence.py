"""Evidence: what each item weighs, whose it is, and whether it is independent.

The weight of an item is the reliability prior of its kind (``cred:reliabilityPrior`` in the
vocabulary, or in a case file's ``extend:``; a kind without one inherits its superclass's), so
the priors are data, never code.

An item belongs to the source groups of its producers and releasers. It is **independent** on
a claim only if none of those groups also takes the same side on that claim by statement:
images released by an intelligence agency do not confirm that agency's own statement. Actors
who merely cite an item (a head of state pointing to a treaty) do not make it theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.analysis.groups import SourceGroups
from kg.analysis.model import CaseGraph
from kg.analysis.stances import EvidenceEntry, StanceEntry, Via


@dataclass(frozen=True)
class EvidenceWeight:
    """One evidence item as it bears on one claim."""

    evidence: str
    label: str
    kinds: tuple[str, ...]
    supports: bool
    via: Via
    source_claim: str
    weight: float
    groups: tuple[str, ...]  # groups of its producers and releasers
    owners: tuple[tuple[str, str], ...]  # (actor IRI, group id) of producers and releasers
    independent: bool
    reason: str


def weigh_evidence(
    case: CaseGraph,
    groups: SourceGroups,
    evidence_entries: dict[str, list[EvidenceEntry]],
    stances: dict[str, list[StanceEntry]],
) -> dict[str, list[EvidenceWeight]]:
    """Weigh every evidence item on every claim it bears on.

    Args:
        case: the records read from the store.
        groups: the independent source groups.
        evidence_entries: each claim's evidence entries, implications applied.
        stances: each claim's stance entries, to tell whether the evidence is independent.

    Returns:
        Each claim's evidence, weighed, in the order of ``evidence_entries``.
    """
    items = {item.iri: item for item in case.evidence}
    result: dict[str, list[EvidenceWeight]] = {}
    for claim, entries in sorted(evidence_entries.items()):
        stated = {
            side: {groups.group_of[e.actor] for e in stances.get(claim, ()) if e.stance == side}
            for side in ("affirms", "denies")
        }
        weights = []
        for entry in entries:
            item = items[entry.evidence]
            owners = tuple(sorted(set(item.producers) | set(item.releasers)))
            owner_groups = tuple(sorted({groups.group_of[a] for a in owners}))
            side = "affirms" if entry.supports else "denies"
            overlap = sorted(set(owner_groups) & stated[side])
            independent = bool(owner_groups) and not overlap
            kind = ", ".join(item.kinds)
            if not owner_groups:
                reason = (f"{kind}, prior {item.prior:g}; no producer or releaser is known, "
                          "so it adds weight but no source group")
            elif overlap:
                names = ", ".join(groups.groups[g].label for g in overlap)
                reason = (f"{kind}, prior {item.prior:g}; from {names}, which also "
                          f"{'affirms' if entry.supports else 'denies'} it by statement: "
                          "not independent of that statement, adds no group")
            else:
                names = ", ".join(groups.groups[g].label for g in owner_groups)
                reason = f"{kind}, prior {item.prior:g}; from {names}: an independent source"
            weights.append(EvidenceWeight(
                evidence=item.iri, label=item.label, kinds=item.kinds,
                supports=entry.supports, via=entry.via, source_claim=entry.source_claim,
                weight=item.prior, groups=owner_groups,
                owners=tuple((a, groups.group_of[a]) for a in owners),
                independent=independent, reason=reason,
            ))
        result[claim] = weights
    return result


__all__ = ["EvidenceWeight", "weigh_evidence"]
