"""AccuPr with known groups, in time linear in the claims: the scale path of AccuCopy.

:func:`kg.analysis.truth.accucopy` with ``detect_copying=False`` is AccuPr, the accuracy-only
model of Dong, Berti-Equille & Srivastava (VLDB 2009); with ``known_groups=True`` a group of
known-dependent sources votes once per value, through the member that comes first in the order
of decreasing accuracy (ties by source index). That implementation still lists every pair of
sources that share an object and builds a dense ``n_sources x n_sources`` matrix, because copy
detection needs them; without copy detection neither is needed. Here the vote that counts in each
(fact, group) cell is found by a minimum over the cell's members, which is linear in the claims.

The iteration, the vote, the probabilities and the accuracies are those of
:func:`~kg.analysis.truth.accucopy` (``leave_one_out=False``); the tests check both give the same
trust and confidence on random datasets.

Example:
    >>> from kg.analysis.truth import TruthDataset
    >>> rows = [("gov1", "c", "true"), ("gov2", "c", "true"), ("ngo", "c", "false")]
    >>> ds = TruthDataset.from_triples(rows, source_groups={"gov1": "g", "gov2": "g"})
    >>> accupr(ds, known_groups=True).values()
    {'c': 'false'}
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth import TruthDataset, TruthResult
from kg.analysis.truth._common import (
    check_iteration_args,
    claims_per_source,
    make_result,
    object_max,
    object_sum,
    values_per_object,
)

_MIN_ACCURACY = 1e-3
_MAX_ACCURACY = 1.0 - 1e-3


def accupr(
    dataset: TruthDataset,
    *,
    known_groups: bool = False,
    error_rate: float = 0.2,
    max_iter: int = 100,
    tol: float = 1e-5,
) -> TruthResult:
    """Find true values with AccuPr (accuracy-weighted votes), a known group voting once.

    Args:
        dataset: the claims.
        known_groups: sources of one ``dataset.source_groups`` group vote once per value.
        error_rate: every source's starting error rate (0.2 in the paper).
        max_iter: iteration budget.
        tol: stop when no source's accuracy moves by more than ``tol``.

    Returns:
        A :class:`~kg.analysis.truth.TruthResult` whose ``confidence`` is ``P(v)`` and whose
        ``trust`` is each source's accuracy (``dependence`` is None).
    """
    check_iteration_args(max_iter, tol)
    if not 0.0 < error_rate < 1.0:
        raise ValueError(f"error_rate must be in (0, 1), got {error_rate}")
    state = _AccuPr(dataset, dataset.source_groups if known_groups else None)
    accuracy = np.full(dataset.n_sources, 1.0 - error_rate)
    state.set_discount(np.arange(dataset.n_sources))
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        prob = state.value_probabilities(accuracy)
        new_accuracy = state.accuracies(prob)
        state.set_discount(_accuracy_rank(new_accuracy))
        delta = np.abs(new_accuracy - accuracy).max(initial=0.0)
        accuracy = new_accuracy
        if delta < tol:
            converged = True
            break
    prob = state.value_probabilities(accuracy)
    return make_result("accupr", dataset, prob, accuracy, iterations, converged)


class _AccuPr:
    def __init__(self, ds: TruthDataset, groups: np.ndarray | None) -> None:
        self.ds = ds
        self.x = ds.claims
        self.xt = ds.claims.T.tocsr()  # fact-major, as the reference
        self.xt.sort_indices()
        self.counts = np.maximum(claims_per_source(self.x), 1)
        n_values = values_per_object(ds)
        n_false = np.maximum(n_values - 1, 1).astype(float)
        self.log_n_fact = np.log(n_false)[ds.fact_object]
        self.unseen = (n_false + 1 - n_values).astype(float)
        self.log_prior = None
        if ds.fact_prior is not None:
            prior = (ds.fact_prior
                     / object_sum(ds.fact_prior, ds.fact_object, ds.n_objects)[ds.fact_object])
            self.log_prior = np.log(prior)
        self.discount = np.ones(self.xt.nnz)
        self._kept = np.diff(self.xt.indptr).astype(float)  # votes kept per fact
        # Facts sorted by object, at most two per object (true and false, as our datasets are):
        # per-object maxima and sums over contiguous runs. A maximum is exact in any order and
        # a sum of two terms too, so the result is object_max's and object_sum's to the bit.
        fo = ds.fact_object
        self._runs = None
        if ds.n_facts and np.all(fo[1:] >= fo[:-1]):
            runs = np.flatnonzero(np.r_[True, fo[1:] != fo[:-1]])
            if len(runs) == ds.n_objects and np.diff(np.r_[runs, ds.n_facts]).max() <= 2:
                self._runs = runs
        self._cells: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        if groups is not None and self.xt.nnz:
            fact = np.repeat(np.arange(ds.n_facts), np.diff(self.xt.indptr))
            source = self.xt.indices.astype(np.int64)
            n_groups = int(groups.max()) + 1
            key = fact.astype(np.int64) * n_groups + groups[source]
            order = np.argsort(key, kind="stable")
            sorted_key = key[order]
            start = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
            size = np.diff(np.r_[start, len(sorted_key)])
            # Only cells where two or more members of a group give the same value matter; in
            # each, exactly one vote is kept (ranks are distinct), so the number of votes kept
            # per fact never changes: it is the number of groups that give it.
            multi = np.repeat(size >= 2, size)
            positions = order[multi]
            cell_size = size[size >= 2]
            cell_start = (np.cumsum(cell_size) - cell_size).astype(np.int64)
            cell_of = np.repeat(np.arange(len(cell_size)), cell_size)
            self._cells = (positions, source[positions], cell_start, cell_of)
            self._kept = np.bincount(fact, weights=None, minlength=ds.n_facts).astype(float) \
                - np.bincount(fact[positions], minlength=ds.n_facts) \
                + np.bincount(fact[positions[cell_start]], minlength=ds.n_facts)

    def set_discount(self, rank: np.ndarray) -> None:
        """Keep, in each (fact, group) cell, only the vote of the member ranked first."""
        if self._cells is None:
            return
        positions, sources, cell_start, cell_of = self._cells
        if not len(positions):
            return
        r = rank[sources]
        best = np.minimum.reduceat(r, cell_start)
        self.discount[positions] = r == best[cell_of]

    def value_probabilities(self, accuracy: np.ndarray) -> np.ndarray:
        ds = self.ds
        weighted = sp.csr_array((self.discount, self.xt.indices, self.xt.indptr),
                                shape=self.xt.shape)
        log_odds = np.log(accuracy / (1.0 - accuracy))
        votes = weighted @ log_odds + self.log_n_fact * self._kept
        if self.log_prior is not None:
            votes = votes + self.log_prior
        if self._runs is not None:
            top = np.maximum(np.maximum.reduceat(votes, self._runs), 0.0)
        else:
            top = np.maximum(object_max(votes, ds.fact_object, ds.n_objects), 0.0)
        scaled = np.exp(votes - top[ds.fact_object])
        if self._runs is not None:
            sums = np.add.reduceat(scaled, self._runs)
        else:
            sums = object_sum(scaled, ds.fact_object, ds.n_objects)
        denom = sums + self.unseen * np.exp(-top)
        return scaled / denom[ds.fact_object]

    def accuracies(self, prob: np.ndarray) -> np.ndarray:
        return np.clip((self.x @ prob) / self.counts, _MIN_ACCURACY, _MAX_ACCURACY)


def _accuracy_rank(accuracy: np.ndarray) -> np.ndarray:
    """Position of each source when sorted by decreasing accuracy, ties by source index."""
    order = np.argsort(-accuracy, kind="stable")  # stable: ties by source index
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return rank


__all__ = ["accupr"]
