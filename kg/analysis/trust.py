"""Trust in each actor and belief in each claim, by iterative truth discovery.

The actor-claim graph becomes a truth-discovery dataset (:mod:`kg.analysis.truth`): each
judgeable claim is a binary object, an affirmation is a vote for "true", a denial a vote for
"false" (implications included: affirming a narrower claim votes for the broader one), and
hedges vote for nothing. The actors are the sources, and their independent source groups are
passed as known dependence, so that methods which model dependence count a government's
spokespeople once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from kg.analysis.credibility import UNJUDGEABLE_KINDS
from kg.analysis.groups import SourceGroups
from kg.analysis.model import CaseGraph
from kg.analysis.stances import StanceEntry
from kg.analysis.truth import (
    TRUE,
    TruthDataset,
    TruthResult,
    accucopy,
    average_log,
    independent_voting,
    investment,
    pooled_investment,
    sums,
    truthfinder,
    voting,
)

#: The methods a user can choose, by name.
METHODS: dict[str, Callable[[TruthDataset], TruthResult]] = {
    "voting": voting,
    "independent-voting": independent_voting,
    "sums": sums,
    "average-log": average_log,
    "investment": investment,
    "pooled-investment": pooled_investment,
    "truthfinder": truthfinder,
    "accucopy": accucopy,
    "accucopy-groups": partial(accucopy, known_groups=True),
}

#: The product's default; see :mod:`kg.analysis.truth` for why.
DEFAULT_METHOD = "accucopy-groups"


@dataclass(frozen=True)
class TrustEstimate:
    """Per-actor trust and per-claim belief from one truth-discovery run."""

    method: str
    trust: dict[str, float]  # actors that took a side on a judgeable claim
    belief: dict[str, float]  # claims with at least one vote: P(true), on the method's scale
    iterations: int
    converged: bool


def estimate_trust(
    case: CaseGraph,
    groups: SourceGroups,
    stances: dict[str, list[StanceEntry]],
    *,
    method: str = DEFAULT_METHOD,
) -> TrustEstimate:
    """Run truth discovery over the actor-claim graph.

    Args:
        case: the records read from the store.
        groups: the independent source groups (known dependence between actors).
        stances: each claim's stance entries, implications applied.
        method: a key of :data:`METHODS`.

    Raises:
        ValueError: for an unknown method, naming the known ones.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    rows: dict[tuple[str, str], str] = {}
    for claim_iri, entries in sorted(stances.items()):
        claim = case.claims.get(claim_iri)
        if claim is None or any(kind in UNJUDGEABLE_KINDS for kind in claim.kinds):
            continue
        # One vote per actor per claim. A direct statement wins over an implied one; between
        # two direct statements of opposite sides, the denial is kept, as the more costly
        # thing to say. Sorting makes the choice independent of load order.
        for entry in sorted(entries, key=lambda e: (e.via != "direct", e.stance != "denies")):
            if entry.stance != "hedges":
                rows.setdefault((entry.actor, claim_iri), entry.stance)
    if not rows:
        return TrustEstimate(method, {}, {}, 0, True)
    dataset = TruthDataset.from_stances(
        [(actor, claim, stance) for (actor, claim), stance in sorted(rows.items())],
        source_groups={actor: groups.group_of[actor] for actor, _ in rows},
    )
    result = METHODS[method](dataset)
    return TrustEstimate(
        method=method,
        trust={a: float(t) for a, t in sorted(result.source_trust().items())},
        belief=_belief(result),
        iterations=result.iterations,
        converged=result.converged,
    )


def _belief(result: TruthResult) -> dict[str, float]:
    """P(true) of each claim: the "true" fact's share of the two facts' confidence; with one
    fact only, its confidence (or its complement, for "false")."""
    dataset = result.dataset
    n = len(dataset.objects)
    is_true = np.asarray(dataset.fact_values) == TRUE
    yes, no = np.full(n, np.nan), np.full(n, np.nan)
    yes[dataset.fact_object[is_true]] = result.confidence[is_true]
    no[dataset.fact_object[~is_true]] = result.confidence[~is_true]
    both = ~np.isnan(yes) & ~np.isnan(no)
    total = np.where(both, yes + no, 1.0)
    belief = np.where(
        both,
        np.divide(yes, total, out=np.full(n, 0.5), where=total > 0),
        np.where(np.isnan(yes), 1.0 - np.nan_to_num(no), yes),
    )
    belief = np.clip(belief, 0.0, 1.0)
    return {claim: float(b) for claim, b in zip(dataset.objects, belief.tolist(), strict=True)}


__all__ = ["DEFAULT_METHOD", "METHODS", "TrustEstimate", "estimate_trust"]
