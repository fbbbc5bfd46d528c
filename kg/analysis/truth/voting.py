"""Majority voting, and voting by independent groups of sources.

The baseline every truth-discovery paper compares against: each source has one vote per object,
the value with most votes wins. :func:`independent_voting` counts groups of known-dependent
sources (``TruthDataset.source_groups``) once, so two spokespeople of one government are one vote.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import fact_votes, make_result, object_sum
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["independent_voting", "voting"]


def voting(dataset: TruthDataset) -> TruthResult:
    """Choose, for each object, the value asserted by most sources.

    Args:
        dataset: the claims.

    Returns:
        A :class:`TruthResult` whose ``confidence`` is each fact's share of its object's votes
        and whose ``trust`` is 1 for every source. Ties go to the smallest value label.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> ds = TruthDataset.from_triples(
        ...     [("s1", "o", "a"), ("s2", "o", "a"), ("s3", "o", "b")]
        ... )
        >>> r = voting(ds)
        >>> r.values(), r.confidence.round(3).tolist()
        ({'o': 'a'}, [0.667, 0.333])
    """
    return _from_votes("voting", dataset, fact_votes(dataset.claims))


def independent_voting(dataset: TruthDataset) -> TruthResult:
    """Voting where each group of known-dependent sources casts one vote per fact.

    Without ``source_groups`` every source is its own group and this is :func:`voting`.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> rows = [("gov1", "o", "a"), ("gov2", "o", "a"), ("ngo", "o", "b"), ("un", "o", "b")]
        >>> ds = TruthDataset.from_triples(rows, source_groups={"gov1": "gov", "gov2": "gov"})
        >>> voting(ds).values(), independent_voting(ds).values()
        ({'o': 'a'}, {'o': 'b'})
    """
    groups = dataset.source_groups
    if groups is None:
        votes = fact_votes(dataset.claims)
    else:
        membership = sp.csr_array(
            (np.ones(dataset.n_sources), (groups, np.arange(dataset.n_sources))),
            shape=(int(groups.max()) + 1, dataset.n_sources),
        )
        # A group asserts a fact when any member does; count groups, not members.
        group_claims = (membership @ dataset.claims).tocsr()
        group_claims.data[:] = 1.0
        votes = np.asarray(group_claims.sum(axis=0)).ravel()
    return _from_votes("independent_voting", dataset, votes)


def _from_votes(method: str, ds: TruthDataset, votes: np.ndarray) -> TruthResult:
    totals = object_sum(votes, ds.fact_object, ds.n_objects)[ds.fact_object]
    share = np.divide(votes, totals, out=np.zeros_like(votes), where=totals > 0)
    return make_result(method, ds, share, np.ones(ds.n_sources), 0, True)
