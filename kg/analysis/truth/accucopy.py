"""AccuCopy: source accuracy with copy detection (Dong, Berti-Equille & Srivastava, "Integrating
Conflicting Data: The Role of Source Dependence", VLDB 2009).

Each round:

1. **Value probabilities.** A source of accuracy ``A`` votes ``A' = ln(n A / (1 - A))`` for its
   value, where ``n`` is the number of false values of the object (the observed number of
   distinct values minus one, at least 1). Votes are discounted for copying (step 4) and summed
   into ``C(v)``; ``P(v) = exp(C(v)) / sum_{v0 in D(O)} exp(C(v0))`` over the ``n + 1`` values of
   the object's domain, where a value nobody claims has ``C = 0``.
2. **Accuracies.** ``A(S)`` is the mean probability of the values ``S`` provides.
3. **Dependence.** For each pair of sources that share objects, a Bayesian posterior that one
   copies the other, from how often they agree on true values, agree on false values (the tell:
   independent sources rarely make the same mistake) and disagree. With prior ``alpha`` for each
   direction, copy rate ``c`` and per-object ``n``, for copier ``S1`` and original ``S2``::

       P(same true  | S1 indep. S2) = A1 A2
       P(same false | S1 indep. S2) = (1 - A1)(1 - A2) / n
       P(different  | S1 indep. S2) = 1 - A1 A2 - (1 - A1)(1 - A2) / n
       P(same true  | S1 copies S2) = c A2 + (1 - c) A1 A2
       P(same false | S1 copies S2) = c (1 - A2) + (1 - c)(1 - A1)(1 - A2) / n
       P(different  | S1 copies S2) = (1 - c) P(different | S1 indep. S2)

4. **Discounted votes.** Sources are taken in order of decreasing accuracy; a source's vote for
   a value is multiplied by ``prod (1 - c P(S copies S0))`` over the sources ``S0`` before it that
   provide the same value.

Choices where the paper leaves room (each documented where it is made):

* A shared value counts as "true" with its current probability ``P(v)`` (soft counts), so the
  dependence posterior moves smoothly between rounds; ``n`` in the pair likelihood is the
  geometric mean of ``n`` over the objects the two sources share.
* The paper orders the sources greedily for each value; one global order by accuracy (ties by
  source index) turns the discount into a matrix product and keeps the same intent: the most
  accurate of a set of mutual copies keeps its full vote.
* Accuracies are kept in ``[0.001, 0.999]`` so that vote counts stay finite.

Known dependence (``known_groups=True``): sources that share a ``TruthDataset.source_groups``
group are dependent with probability 1 and a later member's vote for a value an earlier member
gives is discounted to 0, so a group counts as one source (two spokespeople of one government are
one voice); copying between the other sources is still detected from the data.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import (
    check_iteration_args,
    claims_per_source,
    make_result,
    object_coverage,
    object_max,
    object_sum,
    values_per_object,
)
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["accucopy"]

_MIN_ACCURACY = 1e-3
_MAX_ACCURACY = 1.0 - 1e-3
# log(1 - 1) for a known-dependent pair: finite so that a sparse product never meets 0 * inf.
_FULL_DISCOUNT = -1e6
# Rows of the fact x source discount product computed at once: bounds its memory to ~32 MB.
_CHUNK_CELLS = 4_000_000


def accucopy(
    dataset: TruthDataset,
    *,
    known_groups: bool = False,
    detect_copying: bool = True,
    leave_one_out: bool = False,
    alpha: float = 0.2,
    copy_rate: float = 0.8,
    error_rate: float = 0.2,
    max_iter: int = 100,
    tol: float = 1e-5,
) -> TruthResult:
    """Find true values with AccuCopy: accuracy-weighted votes discounted for copying.

    Args:
        dataset: the claims. ``dataset.fact_prior``, if given, is a prior over the values of each
            object and adds ``ln(prior)`` to every vote count.
        known_groups: treat sources of one ``dataset.source_groups`` group as fully dependent
            (the group votes once). Ignored when the dataset has no groups.
        detect_copying: infer copying from the data (AccuCopy); ``False`` gives AccuPr, the
            paper's accuracy-only model (still honouring ``known_groups``).
        leave_one_out: estimate a source's accuracy from the probabilities its values have
            *without its own vote* (:mod:`kg.analysis.truth` says why the default does not);
            ``False`` is the paper's estimate, in which a source's vote supports its own
            accuracy.
        alpha: prior probability that one source copies another, per direction (0.2 in the
            paper; ``2 * alpha`` must be below 1).
        copy_rate: ``c``, the share of its values a copier copies (0.8 in the paper).
        error_rate: ``epsilon``, every source's starting error rate (0.2 in the paper).
        max_iter: iteration budget.
        tol: stop when no source's accuracy moves by more than ``tol``.

    Returns:
        A :class:`TruthResult`: ``confidence`` is ``P(v)``, ``trust`` the accuracy ``A(S)``, and
        ``dependence`` a sparse ``n_sources x n_sources`` array whose ``[i, j]`` is the
        probability that source ``i`` copies source ``j``, for pairs that share an object (pairs
        that share nothing have no evidence and are left out).

    Example:
        Three sources agree on two objects; ``copier`` repeats every answer of ``liar``,
        including its mistakes. Plain voting is fooled on object ``o3``, AccuCopy is not:

        >>> from kg.analysis.truth import TruthDataset, voting
        >>> rows = [(s, "o1", "a") for s in ("s1", "s2", "s3", "liar", "copier")]
        >>> rows += [(s, "o2", "b") for s in ("s1", "s2", "s3", "liar", "copier")]
        >>> rows += [("s1", "o3", "c"), ("s2", "o3", "c"), ("s3", "o3", "d")]
        >>> rows += [("liar", "o3", "x"), ("copier", "o3", "x")]
        >>> rows += [("s1", "o4", "e"), ("s2", "o4", "e"), ("s3", "o4", "e")]
        >>> rows += [("liar", "o4", "y"), ("copier", "o4", "y")]
        >>> rows += [("s1", "o5", "f"), ("s2", "o5", "g")]
        >>> rows += [("liar", "o5", "z"), ("copier", "o5", "z")]
        >>> ds = TruthDataset.from_triples(rows)
        >>> voting(ds).values()["o5"], accucopy(ds).values()["o5"]
        ('z', 'f')
    """
    check_iteration_args(max_iter, tol)
    if not 0.0 < alpha < 0.5:
        raise ValueError(f"alpha must be in (0, 0.5), got {alpha}")
    if not 0.0 < copy_rate < 1.0:
        raise ValueError(f"copy_rate must be in (0, 1), got {copy_rate}")
    if not 0.0 < error_rate < 1.0:
        raise ValueError(f"error_rate must be in (0, 1), got {error_rate}")
    groups = dataset.source_groups if known_groups else None
    state = _AccuCopy(dataset, groups, detect_copying, alpha, copy_rate)
    accuracy = np.full(dataset.n_sources, 1.0 - error_rate)
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        prob = state.value_probabilities(accuracy)
        new_accuracy = (
            state.held_out_accuracies(accuracy) if leave_one_out else state.accuracies(prob)
        )
        state.update_dependence(prob, new_accuracy)
        delta = np.abs(new_accuracy - accuracy).max(initial=0.0)
        accuracy = new_accuracy
        if delta < tol:
            converged = True
            break
    prob = state.value_probabilities(accuracy)
    return make_result(
        "accucopy", dataset, prob, accuracy, iterations, converged, state.dependence_array()
    )


class _AccuCopy:
    """The arrays of one AccuCopy run; every step is a sparse product or a vector operation."""

    def __init__(
        self,
        ds: TruthDataset,
        groups: np.ndarray | None,
        detect_copying: bool,
        alpha: float,
        copy_rate: float,
    ) -> None:
        self.ds = ds
        self.detect = detect_copying
        self.alpha = alpha
        self.c = copy_rate
        self.x = ds.claims
        self.xt = ds.claims.T.tocsr()  # fact-major: claims of one fact are contiguous
        self.xt.sort_indices()
        self.counts = np.maximum(claims_per_source(self.x), 1)
        n_values = values_per_object(ds)
        n_false = np.maximum(n_values - 1, 1).astype(float)
        self.log_n_fact = np.log(n_false)[ds.fact_object]
        # Domain values nobody claims (only when one value is observed) each add exp(0) = 1.
        self.unseen = (n_false + 1 - n_values).astype(float)
        self.log_prior = None
        if ds.fact_prior is not None:
            prior = (
                ds.fact_prior
                / object_sum(ds.fact_prior, ds.fact_object, ds.n_objects)[ds.fact_object]
            )
            self.log_prior = np.log(prior)
        # Per claim (in fact-major order): the factor that discounts its vote.
        self.discount = np.ones(self.xt.nnz)
        self._claim_rows = np.repeat(np.arange(ds.n_facts), np.diff(self.xt.indptr))
        self._pairs(ds, n_false, groups)
        if groups is not None:
            self._set_discount(np.zeros(len(self.pair_i)), np.arange(ds.n_sources))

    def _pairs(self, ds: TruthDataset, n_false: np.ndarray, groups: np.ndarray | None) -> None:
        """The source pairs that share an object, and their fixed counts."""
        cover = object_coverage(ds)
        common = sp.csr_array(cover @ cover.T)
        common.setdiag(0)
        common.eliminate_zeros()
        common.sort_indices()
        coo = common.tocoo()
        self.pair_i, self.pair_j = coo.row.astype(np.int64), coo.col.astype(np.int64)
        self.n_sources = ds.n_sources
        self.keys = self.pair_i * ds.n_sources + self.pair_j
        self.common_objects = coo.data.astype(float)
        self.common_facts = self._on_pairs(self.x @ self.xt)
        log_n_obj = np.log(n_false)
        weighted = cover @ sp.csr_array(cover.multiply(log_n_obj[None, :])).T
        self.mean_log_n = self._on_pairs(weighted) / self.common_objects
        self.different = np.maximum(self.common_objects - self.common_facts, 0.0)
        self.same_group = (
            groups[self.pair_i] == groups[self.pair_j]
            if groups is not None
            else np.zeros(len(self.pair_i), dtype=bool)
        )
        self.dependence = np.where(self.same_group, 1.0, 0.0)

    def _on_pairs(self, matrix: sp.sparray) -> np.ndarray:
        """Values of a sparse source x source array on the pair list (0 where absent)."""
        coo = sp.coo_array(matrix)
        keys = coo.row.astype(np.int64) * self.n_sources + coo.col.astype(np.int64)
        out = np.zeros(len(self.keys))
        if not len(self.keys):  # no two sources share an object
            return out
        pos = np.searchsorted(self.keys, keys)
        ok = (pos < len(self.keys)) & (self.keys[np.minimum(pos, len(self.keys) - 1)] == keys)
        np.add.at(out, pos[ok], coo.data[ok])
        return out

    def _votes(self, accuracy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each fact's discounted vote count ``C(f)``, and each claim's own share of it."""
        ds = self.ds
        weighted = sp.csr_array(
            (self.discount, self.xt.indices, self.xt.indptr), shape=self.xt.shape
        )
        log_odds = np.log(accuracy / (1.0 - accuracy))
        # sum over sources of I * (ln n + ln(A / (1 - A))), n being the fact's object's.
        votes = weighted @ log_odds + self.log_n_fact * (weighted @ np.ones(ds.n_sources))
        if self.log_prior is not None:
            votes = votes + self.log_prior
        own = self.discount * (log_odds[self.xt.indices] + self.log_n_fact[self._claim_rows])
        return votes, own

    def value_probabilities(self, accuracy: np.ndarray) -> np.ndarray:
        ds = self.ds
        votes, _ = self._votes(accuracy)
        top = np.maximum(object_max(votes, ds.fact_object, ds.n_objects), 0.0)
        scaled = np.exp(votes - top[ds.fact_object])
        denom = object_sum(scaled, ds.fact_object, ds.n_objects) + self.unseen * np.exp(-top)
        return scaled / denom[ds.fact_object]

    def held_out_accuracies(self, accuracy: np.ndarray) -> np.ndarray:
        """Mean over each source's claims of ``P(v)`` computed without that source's vote."""
        ds = self.ds
        votes, own = self._votes(accuracy)
        top = np.maximum(object_max(votes, ds.fact_object, ds.n_objects), 0.0)
        scaled = np.exp(votes - top[ds.fact_object])
        denom = object_sum(scaled, ds.fact_object, ds.n_objects) + self.unseen * np.exp(-top)
        facts = self._claim_rows
        claim_top = top[ds.fact_object[facts]]
        held_out = np.exp(votes[facts] - own - claim_top)
        # Swap the claim's fact's term in the object's normaliser for its held-out term.
        prob = held_out / (denom[ds.fact_object[facts]] - scaled[facts] + held_out)
        total = np.bincount(self.xt.indices, weights=prob, minlength=ds.n_sources)
        return np.clip(total / self.counts, _MIN_ACCURACY, _MAX_ACCURACY)

    def accuracies(self, prob: np.ndarray) -> np.ndarray:
        return np.clip((self.x @ prob) / self.counts, _MIN_ACCURACY, _MAX_ACCURACY)

    def update_dependence(self, prob: np.ndarray, accuracy: np.ndarray) -> None:
        if self.detect and len(self.pair_i):
            self.dependence = self._copy_posterior(prob, accuracy)
        self._set_discount(self.dependence, _accuracy_rank(accuracy))

    def _copy_posterior(self, prob: np.ndarray, accuracy: np.ndarray) -> np.ndarray:
        """Posterior probability that pair_i copies pair_j (soft true/false counts)."""
        same_true = self._on_pairs(sp.csr_array(self.x.multiply(prob[None, :])) @ self.xt)
        same_false = np.maximum(self.common_facts - same_true, 0.0)
        a, b = accuracy[self.pair_i], accuracy[self.pair_j]
        n = np.exp(self.mean_log_n)
        c = self.c
        pt0 = a * b
        pf0 = (1 - a) * (1 - b) / n
        pd0 = np.maximum(1 - pt0 - pf0, 1e-12)
        log_indep = (
            same_true * np.log(pt0) + same_false * np.log(pf0) + self.different * np.log(pd0)
        )
        log_copy_common = self.different * np.log((1 - c) * pd0)
        # i copies j: a shared value is j's; j copies i: it is i's.
        log_i_copies = (
            same_true * np.log(c * b + (1 - c) * pt0)
            + same_false * np.log(c * (1 - b) + (1 - c) * pf0)
            + log_copy_common
        )
        log_j_copies = (
            same_true * np.log(c * a + (1 - c) * pt0)
            + same_false * np.log(c * (1 - a) + (1 - c) * pf0)
            + log_copy_common
        )
        terms = np.stack(
            [
                np.log(1 - 2 * self.alpha) + log_indep,
                np.log(self.alpha) + log_i_copies,
                np.log(self.alpha) + log_j_copies,
            ]
        )
        top = terms.max(axis=0)
        log_total = top + np.log(np.exp(terms - top).sum(axis=0))
        posterior = np.exp(terms[1] - log_total)
        return np.where(self.same_group, 1.0, posterior)

    def _set_discount(self, dependence: np.ndarray, rank: np.ndarray) -> None:
        """Per-claim factor prod_{S0 before S, same value} (1 - c P(S and S0 dependent))."""
        before = (rank[self.pair_j] < rank[self.pair_i]) & (self.common_facts > 0)
        log_keep = np.where(self.same_group, _FULL_DISCOUNT, np.log1p(-self.c * dependence))
        if not np.any(before & (log_keep != 0)):
            self.discount = np.ones(self.xt.nnz)
            return
        s = self.n_sources
        # m[s0, s] = log(1 - c P(s copies s0)) when s0 comes before s.
        m = np.zeros((s, s))
        m[self.pair_j[before], self.pair_i[before]] = log_keep[before]
        log_discount = np.empty(self.xt.nnz)
        indptr = self.xt.indptr
        step = max(1, _CHUNK_CELLS // max(s, 1))
        for start in range(0, self.ds.n_facts, step):  # chunks of facts, not a loop over claims
            stop = min(start + step, self.ds.n_facts)
            block = self.xt[start:stop] @ m  # block[f, s] = sum over S0 claiming f of m[s0, s]
            lo, hi = indptr[start], indptr[stop]
            log_discount[lo:hi] = block[self._claim_rows[lo:hi] - start, self.xt.indices[lo:hi]]
        self.discount = np.exp(np.maximum(log_discount, _FULL_DISCOUNT))

    def dependence_array(self) -> sp.csr_array:
        return sp.csr_array(
            (self.dependence, (self.pair_i, self.pair_j)), shape=(self.n_sources, self.n_sources)
        )


def _accuracy_rank(accuracy: np.ndarray) -> np.ndarray:
    """Position of each source when sorted by decreasing accuracy, ties by source index."""
    order = np.lexsort((np.arange(accuracy.size), -accuracy))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    return rank
