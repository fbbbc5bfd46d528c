"""Corroboration status of each claim, counted in independent source groups.

- **corroborated**: at least ``min_groups`` (k, 2 by default) independent groups affirm it;
- **partly-corroborated**: more than one group affirms it, but fewer than k (only with k > 2);
- **single-source**: exactly one group affirms it;
- **unsupported**: no group affirms it (it is only denied or hedged, or nothing at all).

A group affirms a claim when one of its actors affirms it, directly or through a narrower
claim (see :mod:`kg.analysis.stances`). Only statements count: evidence is weighed by
:mod:`kg.analysis.evidence` and moves the credibility grade, but it is not a source's
affirmation, and counting its producer would double-count the common case where an outlet's
caption and the agency photograph it captions tell one story. Evidence that a group released
is listed with that group's stance.

A claim is **contested** when a group other than the affirming ones denies it: directly, by
denying a broader claim, or by affirming a claim that contradicts it. A claim can be
corroborated and contested at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.analysis.evidence import EvidenceWeight
from kg.analysis.groups import SourceGroups
from kg.analysis.model import CaseGraph, Stance
from kg.analysis.stances import StanceEntry
from kg.statuses import STATUSES, Status


@dataclass(frozen=True)
class GroupStance:
    """One independent group's stance on a claim, with what it rests on."""

    group: str
    label: str
    stance: Stance
    actors: tuple[str, ...]  # actor IRIs whose statements count here
    statements: tuple[StanceEntry, ...]
    evidence: tuple[str, ...]  # evidence on the claim that the group produced or released


@dataclass(frozen=True)
class Corroboration:
    """A claim's status, the groups behind it, and the reasons in words."""

    claim: str
    status: Status
    min_groups: int
    affirming: tuple[GroupStance, ...]
    denying: tuple[GroupStance, ...]
    hedging: tuple[GroupStance, ...]
    contested: bool
    contested_by: tuple[str, ...]  # group ids that deny and do not affirm
    reasons: tuple[str, ...]

    @property
    def independent_groups(self) -> int:
        """How many independent groups affirm the claim."""
        return len(self.affirming)

    @property
    def contesting(self) -> tuple[GroupStance, ...]:
        """The groups of :attr:`contested_by` as records (``group``, ``label``, ``actors``,
        ``statements``), like :attr:`affirming` and :attr:`hedging`: those of :attr:`denying`
        that do not affirm.

        ``contested_by`` stays a tuple of group ids, as in :class:`kg.analysis.ClaimSummary`
        and for the callers that look groups up by id.
        """
        ids = set(self.contested_by)
        return tuple(g for g in self.denying if g.group in ids)


def corroborate(
    case: CaseGraph,
    groups: SourceGroups,
    stances: dict[str, list[StanceEntry]],
    evidence: dict[str, list[EvidenceWeight]],
    *,
    min_groups: int = 2,
    claims: Iterable[str] | None = None,
) -> dict[str, Corroboration]:
    """The corroboration status of every claim (or of ``claims`` only).

    Args:
        case: the records read from the store.
        groups: the independent source groups.
        stances: each claim's stance entries (:func:`kg.analysis.stances.stance_tables`).
        evidence: each claim's weighed evidence (:func:`kg.analysis.evidence.weigh_evidence`).
        min_groups: k, the number of independent affirming groups that makes a claim
            corroborated.
        claims: the claims to assess, if not all of ``case.claims`` (an explanation of one
            claim reads a neighbourhood of it that holds other claims too).

    Returns:
        One :class:`Corroboration` per claim, keyed by claim IRI, in IRI order.
    """
    if min_groups < 1:
        raise ValueError("min_groups must be at least 1")
    result = {}
    for claim in sorted(case.claims if claims is None else claims):
        by_stance: dict[Stance, dict[str, list[StanceEntry]]] = {
            "affirms": defaultdict(list), "denies": defaultdict(list),
            "hedges": defaultdict(list),
        }
        for entry in stances.get(claim, ()):
            by_stance[entry.stance][groups.group_of[entry.actor]].append(entry)
        # Evidence a group released, listed with that group's stance on the side it bears.
        released: dict[tuple[str, Stance], set[str]] = defaultdict(set)
        for weight in evidence.get(claim, ()):
            for group in weight.groups:
                released[(group, "affirms" if weight.supports else "denies")].add(weight.evidence)

        affirming, denying, hedging = (
            _group_stances(groups, by_stance[side], released, side)
            for side in ("affirms", "denies", "hedges")
        )
        affirming_ids = {g.group for g in affirming}
        contested_by = tuple(g.group for g in denying if g.group not in affirming_ids)
        count = len(affirming)
        status: Status = (
            "corroborated" if count >= min_groups
            else "unsupported" if count == 0
            else "single-source" if count == 1
            else "partly-corroborated"
        )
        result[claim] = Corroboration(
            claim=claim, status=status, min_groups=min_groups, affirming=affirming,
            denying=denying, hedging=hedging, contested=bool(contested_by),
            contested_by=contested_by,
            reasons=tuple(_reasons(case, claim, groups, status, min_groups, affirming,
                                   denying, hedging, contested_by)),
        )
    return result


def _group_stances(
    groups: SourceGroups,
    table: dict[str, list[StanceEntry]],
    released: dict[tuple[str, Stance], set[str]],
    stance: Stance,
) -> tuple[GroupStance, ...]:
    """One GroupStance per group in ``table``, with the evidence that group released."""
    return tuple(
        GroupStance(
            group=group_id, label=groups.groups[group_id].label, stance=stance,
            actors=tuple(sorted({e.actor for e in table[group_id]})),
            statements=tuple(table[group_id]),
            evidence=tuple(sorted(released.get((group_id, stance), ()))),
        )
        for group_id in sorted(table)
    )


_VIA_TEXT = {
    "refinement": "by affirming the narrower claim",
    "broader-denial": "by denying the broader claim",
    "contradiction": "by affirming the contradicting claim",
}


def _contradicts(case: CaseGraph, a: str, b: str) -> bool:
    # Symmetric, whichever of the two claims carries the declaration (docs/analysis.md s.2).
    return b in case.claims[a].contradicts or a in case.claims[b].contradicts


def _describe(case: CaseGraph, claim: str, group: GroupStance) -> str:
    parts = []
    for entry in group.statements:
        name = case.actors[entry.actor].label
        if entry.via == "direct":
            parts.append(name)
        elif entry.via == "contradiction" and not _contradicts(case, entry.source_claim, claim):
            # The affirmed claim contradicts a broader claim of this one, or is narrower than
            # one that contradicts it: "the contradicting claim" would send a reader looking
            # for a declaration that is not there.
            text = case.claims[entry.source_claim].text
            parts.append(f"{name} by affirming \u201c{text}\u201d, which rules it out through "
                         "a contradiction and a refinement")
        else:
            text = case.claims[entry.source_claim].text
            parts.append(f"{name} {_VIA_TEXT[entry.via]} \u201c{text}\u201d")
    for evidence in group.evidence:
        item = case.evidence_index.get(evidence)
        label = item.label if item else evidence
        parts.append(f"with its evidence \u201c{label}\u201d")
    unique = list(dict.fromkeys(parts))
    return f"{group.label} ({'; '.join(unique)})"


def _grouping(case: CaseGraph, groups: SourceGroups, group: GroupStance) -> list[str]:
    """Why the actors of one group on this claim count once, and what overrides did to it."""
    reasons = []
    members = sorted(set(group.actors))
    if len(members) > 1:
        chains = "; ".join(" \u2192 ".join(groups.of(a).member(a).chain) for a in members)
        reasons.append(
            f"{', '.join(case.actors[a].label for a in members)} count as one source, "
            f"{group.label}, by affiliation: {chains}."
        )
    # What the analyst's overrides did to the group, in words (kg.analysis.groups).
    reasons.extend(groups.groups[group.group].reasons)
    return reasons


def _reasons(
    case: CaseGraph,
    claim: str,
    groups: SourceGroups,
    status: Status,
    min_groups: int,
    affirming: tuple[GroupStance, ...],
    denying: tuple[GroupStance, ...],
    hedging: tuple[GroupStance, ...],
    contested_by: tuple[str, ...],
) -> list[str]:
    n = len(affirming)
    reasons = []
    if n:
        reasons.append(
            f"Affirmed by {n} independent group{'s' if n != 1 else ''} (k={min_groups}): "
            + "; ".join(_describe(case, claim, g) for g in affirming) + "."
        )
    else:
        reasons.append(f"No independent group affirms it (k={min_groups}).")
    reasons.append(
        {"corroborated": f"Status corroborated: {n} \u2265 {min_groups} independent groups.",
         "partly-corroborated": f"Status partly corroborated: {n} independent groups affirm "
                                f"it, fewer than the {min_groups} required.",
         "single-source": "Status single-source: one independent group affirms it.",
         "unsupported": "Status unsupported: nothing affirms it."}[status]
    )
    for group in affirming:
        reasons.extend(_grouping(case, groups, group))
    if denying:
        reasons.append("Denied by " + "; ".join(_describe(case, claim, g) for g in denying) + ".")
    if contested_by:
        names = ", ".join(groups.groups[g].label for g in contested_by)
        reasons.append(f"Contested: {names} den{'y' if len(contested_by) > 1 else 'ies'} it "
                       "and do" + ("" if len(contested_by) > 1 else "es") + " not affirm it.")
        # D is a count of groups too: how the contesting groups were formed decides it.
        for group in denying:
            if group.group in contested_by:
                reasons.extend(_grouping(case, groups, group))
    # A denier that also affirms (a denial and, say, a narrower claim affirmed) is not counted
    # in D: say so, or the reader sees "Denied by X" beside D=0 and cannot check the grade.
    both = [g.label for g in denying if g.group not in set(contested_by)]
    if both:
        reasons.append(f"Not contested by {', '.join(both)}: "
                       + ("they also affirm" if len(both) > 1 else "it also affirms")
                       + " it, and a group that affirms a claim does not contest it.")
    if hedging:
        reasons.append(
            "Hedged by " + "; ".join(_describe(case, claim, g) for g in hedging)
            + ": a hedge is shown as a hedge and never counted as an affirmation."
        )
    # A separation is told the same in both groups it concerns, which may both affirm.
    return list(dict.fromkeys(reasons))


__all__ = ["STATUSES", "Corroboration", "GroupStance", "Status", "corroborate"]
