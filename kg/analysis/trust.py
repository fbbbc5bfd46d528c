"""Trust in each actor and belief in each claim, by iterative truth discovery.

The actor-claim graph becomes a truth-discovery dataset (:mod:`kg.analysis.truth`): each
judgeable claim is a binary object, an affirmation is a vote for "true", a denial a vote for
"false" (implications included: affirming a narrower claim votes for the broader one), and
hedges vote for nothing. The actors are the sources, and their independent source groups are
passed as known dependence, so that methods which model dependence count a government's
spokespeople once.

**At scale.** AccuCopy (``accucopy``, ``accucopy-groups``) looks for copying between every
pair of sources that share a claim. That is quadratic in the sources: a claim that everyone
speaks to makes every pair share it. Measured on the synthetic benchmark data
(``benchmarks/analysis/run.py``) with ``accucopy-groups``: 20k statements and 507 voting actors,
257k pairs, 6.4 s; 100k statements and 2.5k actors, 6.4M pairs, 581 s; 1M statements and 25k
actors would be about 300M pairs, and the dense source x source discount matrix alone 5 GB. So
when the source pairs that share a claim (counted as the sum over claims of the squared number of
voters) exceed :data:`PAIRWISE_LIMIT`, ``accucopy-groups`` runs as ``accupr-groups`` (and
``accucopy`` as ``accupr``): the same accuracy model and the same known groups (a group votes
once per value, through its most accurate member), without copy detection.
:class:`TrustEstimate` records the method that ran and why, and every reliability explanation
names it. The default (:data:`DEFAULT_METHOD`) needs no such switch: it looks for copying only
among the sources of contested claims that few sources speak to, and runs at a million
statements as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import scipy.sparse as sp

from kg.analysis.accupr import accupr
from kg.analysis.bulk import Numbers
from kg.analysis.credibility import UNJUDGEABLE_KINDS
from kg.analysis.groups import SourceGroups
from kg.analysis.model import CaseGraph
from kg.analysis.stances import StanceEntry
from kg.analysis.truth import (
    FALSE,
    TRUE,
    TruthDataset,
    TruthResult,
    accucopy,
    average_log,
    independent_accuracy,
    independent_voting,
    investment,
    pooled_investment,
    sums,
    truthfinder,
    voting,
)
from kg.methods import DEFAULT_METHOD

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
    "accupr": accupr,
    "accupr-groups": partial(accupr, known_groups=True),
    "independent-accuracy": independent_accuracy,
}

# The default's name lives in kg.methods, which the shells import without the analysis.

#: Above this many source pairs sharing a claim (the sum over claims of the squared number of
#: actors voting on it), ``accucopy-groups`` runs as ``accupr-groups`` (see the module
#: docstring). 100k pairs take AccuCopy about 2 s on the benchmark machine.
PAIRWISE_LIMIT = 100_000

#: What the pairwise methods become at scale.
SCALE_METHODS = {"accucopy-groups": "accupr-groups", "accucopy": "accupr"}


@dataclass(frozen=True)
class TrustEstimate:
    """Per-actor trust and per-claim belief from one truth-discovery run."""

    method: str
    trust: dict[str, float]  # actors that took a side on a judgeable claim
    belief: dict[str, float]  # claims with at least one vote: P(true), on the method's scale
    iterations: int
    converged: bool
    note: str = ""  # why another method than the one asked for ran, if it did
    #: Actors whose trust the claims no other group took a side on held down towards the
    #: prior (the default method's rule 2), with the number of those claims.
    unchecked: dict[str, int] = field(default_factory=dict)


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
        unchecked=_unchecked(result),
    )


def estimate_trust_bulk(numbers: Numbers, *, method: str = DEFAULT_METHOD) -> TrustEstimate:
    """:func:`estimate_trust` on the bulk numbers: the same votes, the same dataset, and the
    same method, except that a pairwise method over more than :data:`PAIRWISE_LIMIT` source pairs
    runs as its scale method (see the module docstring).

    Args:
        numbers: the numbers of every claim and actor (:func:`kg.analysis.bulk.compute_numbers`).
        method: a key of :data:`METHODS`.
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    dataset = dataset_from_numbers(numbers)
    if dataset is None:
        return TrustEstimate(method, {}, {}, 0, True)
    ran, note = method, ""
    if method in SCALE_METHODS:
        per_object = np.bincount(dataset.fact_object[dataset.claims.indices],
                                 minlength=dataset.n_objects).astype(np.int64)
        # Sources voting on an object, each counted once (a source claims one value).
        pairs = int((per_object ** 2).sum())
        if pairs > PAIRWISE_LIMIT:
            ran = SCALE_METHODS[method]
            note = (f"{method} compares every pair of sources that share a claim; with "
                    f"{pairs:,} such pairs (more than {PAIRWISE_LIMIT:,}) {ran} ran instead: "
                    "the same accuracy model and known groups, without copy detection")
    result = METHODS[ran](dataset)
    return TrustEstimate(
        method=ran,
        trust=dict(zip(dataset.sources, result.trust.tolist(), strict=True)),
        belief=_belief(result),
        iterations=result.iterations,
        converged=result.converged,
        note=note,
        unchecked=_unchecked(result),
    )


def _unchecked(result: TruthResult) -> dict[str, int]:
    """:attr:`TrustEstimate.unchecked` from a result (empty for a method without rule 2)."""
    if result.unchecked is None:
        return {}
    sources = result.dataset.sources
    return {sources[i]: int(result.unchecked[i]) for i in np.flatnonzero(result.unchecked)}


def dataset_from_numbers(numbers: Numbers) -> TruthDataset | None:
    """The dataset :func:`estimate_trust` builds, from the bulk numbers, without a record per
    vote: sources, objects and facts sorted as :meth:`TruthDataset.from_triples` sorts them."""
    cols = numbers.columns
    actor, claim, denies = numbers.votes()
    if not len(actor):
        return None
    # Ids are in IRI order, so ranks among the ids present are the sorted order; no sort needed.
    sources, source_row = _ranks(actor, cols.n_actors)
    objects, object_of = _ranks(claim, cols.n_claims)
    # Facts sorted by (object, value), and "false" < "true".
    fact_keys, fact_col = _ranks(object_of * 2 + (~denies).astype(np.int64), 2 * len(objects))
    n = len(actor)
    matrix = sp.csr_array((np.ones(n), (source_row, fact_col)),
                          shape=(len(sources), len(fact_keys)))
    matrix.sort_indices()
    group_of_source = numbers.partition.group[sources]
    _, group_ids = np.unique(group_of_source, return_inverse=True)
    values = np.array([FALSE, TRUE], dtype=object)[fact_keys % 2]
    return TruthDataset(
        sources=tuple(cols.actors[i] for i in sources.tolist()),
        objects=tuple(cols.claims[i] for i in objects.tolist()),
        fact_values=tuple(values.tolist()),
        fact_object=(fact_keys // 2).astype(np.int64),
        claims=matrix,
        source_groups=group_ids.astype(np.int64),
    )


def _ranks(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values`` (ints below ``size``) in order, and each value's rank among
    them: ``np.unique(values, return_inverse=True)`` by counting instead of sorting."""
    present = np.zeros(size, dtype=bool)
    present[values] = True
    rank = np.cumsum(present) - 1
    return np.flatnonzero(present), rank[values]


#: Methods whose fact confidence is a score on the method's own scale, not a probability.
SCORE_METHODS = frozenset({"sums", "average_log", "investment", "pooled_investment"})


def _belief(result: TruthResult) -> dict[str, float]:
    """P(true) of each claim: the "true" fact's share of the two facts' confidence; with one
    fact only, its confidence (or its complement, for "false").

    For the score methods (:data:`SCORE_METHODS`) a complement means nothing: a claim only
    denied by a source of score 0 (Average-Log's lone voices) would get belief 1, above every
    affirmed claim. There a lone "false" gives the unvoted "true" answer its score, 0.
    """
    dataset = result.dataset
    n = len(dataset.objects)
    is_true = np.asarray(dataset.fact_values) == TRUE
    yes, no = np.full(n, np.nan), np.full(n, np.nan)
    yes[dataset.fact_object[is_true]] = result.confidence[is_true]
    no[dataset.fact_object[~is_true]] = result.confidence[~is_true]
    both = ~np.isnan(yes) & ~np.isnan(no)
    total = np.where(both, yes + no, 1.0)
    lone_false = 0.0 if result.method in SCORE_METHODS else 1.0 - np.nan_to_num(no)
    belief = np.where(
        both,
        np.divide(yes, total, out=np.full(n, 0.5), where=total > 0),
        np.where(np.isnan(yes), lone_false, yes),
    )
    belief = np.clip(belief, 0.0, 1.0)
    return {claim: float(b) for claim, b in zip(dataset.objects, belief.tolist(), strict=True)}


__all__ = ["DEFAULT_METHOD", "METHODS", "PAIRWISE_LIMIT", "SCALE_METHODS", "TrustEstimate",
           "dataset_from_numbers", "estimate_trust", "estimate_trust_bulk"]
