"""Rule 3 of :mod:`~kg.analysis.truth.independent_accuracy`: copy blocs, found from agreement
on contested objects, not from the truth estimate (the rule and its cost are described there).

:func:`_contested_pairs` counts, for every pair of sources that share a contested object, the
objects they share and agree on; :func:`_copy_blocs` merges the near-identical pairs that copying
explains better than chance into the known groups.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import values_per_object
from kg.analysis.truth._votes import _concentration, _group_shares, _stable_order
from kg.analysis.truth.dataset import TruthDataset


class _Pairs:
    """Source pairs (``i < j``, different known groups) that share a contested object, with the
    number of such objects and of agreements on them; the kept claims' sources and objects
    and ``concentration`` (``1 / D`` of each object) give the chance agreement of any pair."""

    def __init__(self, i, j, shared, agree, kept, shape, concentration, lowest):
        self.i, self.j, self.shared, self.agree = i, j, shared, agree
        self.kept, self.shape = kept, shape
        self.concentration, self.lowest = concentration, lowest

    def chance(self, pick: np.ndarray) -> np.ndarray:
        """Mean ``1 / D`` over the shared contested objects of the picked pairs."""
        source, obj = self.kept
        covered = sp.csr_array((np.ones(len(source)), (source, obj)), shape=self.shape)
        rows = covered[self.i[pick]]
        cols = sp.csr_array(covered[self.j[pick]] * self.concentration[None, :])
        total = np.asarray(rows.multiply(cols).sum(axis=1)).ravel()
        return total / self.shared[pick]


#: Rule 3 lists the pairs of speakers of each contested object and counts the repeats of each
#: pair by sorting, when these pairs are fewer than an eighth of all pairs of sources (most
#: pairs then share one or a few objects: 1M product-like statements); otherwise (few sources
#: sharing many objects: Flight's 38 sites) one sparse product adds the repeats up in place.
_LIST_BELOW = 8
#: Pairs listed at once, which bounds the memory of the listing (a few int64 arrays of this
#: length).
_PAIR_CHUNK = 1 << 22


def _contested_pairs(ds: TruthDataset, known: np.ndarray, max_sources: int) -> _Pairs:
    """Shared contested objects and agreements of each pair.

    A source that gives several values for one object neither agrees nor disagrees there.
    """
    x = ds.claims
    n_s, n_o = ds.n_sources, ds.n_objects
    source = np.repeat(np.arange(n_s, dtype=np.int64), np.diff(x.indptr))
    fact = x.indices.astype(np.int64)
    obj = ds.fact_object[fact]
    # Claims per (source, object) and speakers per object, from one sparse product.
    per_object = sp.csr_array(
        x
        @ sp.csr_array(
            (np.ones(ds.n_facts), (np.arange(ds.n_facts), ds.fact_object)), shape=(ds.n_facts, n_o)
        )
    )
    speakers = np.bincount(per_object.indices, minlength=n_o)
    keep_object = (values_per_object(ds) >= 2) & (speakers <= max_sources)
    one_value = per_object.nnz == x.nnz  # no source gives two values for one object
    keep = keep_object[obj]
    if one_value and np.bincount(known).max(initial=1) == 1:
        share = np.ones(len(fact))  # every source its own group, one value per object
    else:
        share = _group_shares(ds, known, source, fact)
        if not one_value:
            _, per_key, count = np.unique(
                source * n_o + obj, return_inverse=True, return_counts=True
            )
            keep &= count[per_key] == 1
    concentration = _concentration(ds, fact, share)
    lowest = concentration[keep_object].min(initial=1.0)
    speaking = np.bincount(obj[keep], minlength=n_o)
    listed = int((speaking * (speaking - 1) // 2).sum())
    if listed * _LIST_BELOW <= n_s * n_s and n_s < 2**31:
        order = _by_object(ds, keep)
        source, obj, fact = source[order], obj[order], fact[order]
        i, j, shared, agreed = _listed_pairs(n_s, known, source, obj, fact)
    else:
        source, obj, fact = source[keep], obj[keep], fact[keep]
        i, j, shared, agreed = _product_pairs(ds, known, source, obj, fact)
    return _Pairs(i, j, shared, agreed, (source, obj), (n_s, n_o), concentration, lowest)


def _by_object(ds: TruthDataset, keep: np.ndarray) -> np.ndarray:
    """The indices of the kept claims (in ``ds.claims`` order), ordered by object and, within
    an object, by fact and source."""
    x = ds.claims
    # The CSC conversion is a counting sort of the claims by fact, sources in order within.
    position = sp.csr_array(
        (np.arange(x.nnz, dtype=np.int64), x.indices, x.indptr), shape=x.shape
    ).tocsc()
    order = position.data
    if np.any(ds.fact_object[1:] < ds.fact_object[:-1]):  # facts not in object order
        fact = np.repeat(np.arange(ds.n_facts, dtype=np.int64), np.diff(position.indptr))
        order = order[_stable_order(ds.fact_object[fact], ds.n_objects)]
    return order[keep[order]]


def _listed_pairs(n_s: int, known: np.ndarray, source, obj, fact):
    """Each pair's shared objects and agreements, from the pairs of speakers of each object
    (claims ordered by object), listed a chunk at a time and counted by sorting."""
    n = len(source)
    new_object = np.ones(n, dtype=bool)
    new_object[1:] = obj[1:] != obj[:-1]
    start = np.flatnonzero(new_object)
    size = np.diff(np.r_[start, n])
    # The speakers after each claim in its object's run: its partners in the listing.
    after = np.repeat(start + size, size) - np.arange(n) - 1
    listed = np.cumsum(after)
    cuts = np.searchsorted(listed, np.arange(_PAIR_CHUNK, int(listed[-1]) if n else 0, _PAIR_CHUNK))
    # The chunks read the claims' sources, their known groups and facts, in 32 bits where
    # they fit.
    largest = max(n_s, int(fact.max(initial=0)), int(known.max(initial=0)))
    narrow = np.int32 if largest < 2**31 - 1 else np.int64
    source32, fact32 = source.astype(narrow), fact.astype(narrow)
    known32 = known[source].astype(narrow)
    parts = [
        _count_chunk(n_s, known32, source32, fact32, after[lo:hi], listed[lo:hi], lo)
        for lo, hi in zip(np.r_[0, cuts].tolist(), np.r_[cuts, n].tolist(), strict=True)
    ]
    if len(parts) == 1:
        pair, shared, agreed = parts[0]
    else:  # a pair listed in several chunks: add its counts up
        pair, shared, agreed = (np.concatenate(p) for p in zip(*parts, strict=True))
        by_pair = np.argsort(pair, kind="stable")
        pair, _, shared, agreed = _add_runs(pair[by_pair], shared[by_pair], agreed[by_pair])
    return pair // n_s, pair % n_s, shared.astype(float), agreed.astype(float)


def _count_chunk(n_s: int, known: np.ndarray, source, fact, count: np.ndarray,
                 listed: np.ndarray, lo: int) -> tuple[np.ndarray, ...]:
    """The pairs of one chunk of the listing (claims ``lo`` on, each with ``count`` partners
    after it), with their shared objects and agreements. A function of its own so that its
    temporaries, each as long as the chunk, are freed before the next chunk and the result;
    indices are 32-bit where they fit, which halves them."""
    index: type[np.signedinteger] = np.int32 if len(source) < 2**31 else np.int64
    a = np.repeat(np.arange(lo, lo + len(count), dtype=index), count)
    first = listed - count  # where each claim's partners begin in the listing
    b = np.arange(len(a), dtype=index)
    b -= np.repeat((first - first[:1]).astype(index), count)
    b += a
    b += 1
    other = np.flatnonzero(known[a] != known[b])  # ``known`` of each claim's source
    a, b = a[other], b[other]
    del other
    sa, sb = source[a], source[b]
    key = np.minimum(sa, sb).astype(np.int64)
    key *= n_s
    key += np.maximum(sa, sb)
    del sa, sb
    key *= 2
    key += fact[a] == fact[b]
    del a, b
    key.sort()
    agreed = (key & 1).astype(np.int32)
    key >>= 1
    return _add_runs(key, agreed)


def _add_runs(keys: np.ndarray, *weights: np.ndarray) -> tuple[np.ndarray, ...]:
    """The distinct values of sorted ``keys``, the length of each value's run, and each weight
    summed over each run."""
    new = np.ones(len(keys), dtype=bool)
    new[1:] = keys[1:] != keys[:-1]
    start = np.flatnonzero(new)
    if not len(start):
        return (keys, keys, *weights)
    sums = (np.add.reduceat(w, start) for w in weights)
    return (keys[start], np.diff(start, append=len(keys)), *sums)


def _product_pairs(ds: TruthDataset, known: np.ndarray, source, obj, fact):
    """Each pair's shared objects and agreements, by one sparse product."""
    n_s, n_o = ds.n_sources, ds.n_objects
    covered = sp.csr_array((np.ones(len(source)), (source, obj)), shape=(n_s, n_o))
    # One product carries both counts: each claim is a column for its object (weight base)
    # and one for its fact (weight 1), so entry (i, j) is shared * base + agreed, with base
    # above any count (exact in float64; agreement implies a shared object).
    base = float(n_o + 1)
    kept_claims = sp.csr_array((np.ones(len(fact)), (source, fact)), shape=(n_s, ds.n_facts))
    left = sp.hstack([covered * base, kept_claims], format="csr")
    right = sp.hstack([covered, kept_claims], format="csr")
    both = left @ right.T
    rows = np.repeat(np.arange(n_s, dtype=np.int64), np.diff(both.indptr))
    cols = both.indices.astype(np.int64)
    upper = (rows < cols) & (known[rows] != known[cols])
    shared, agreed = np.divmod(both.data[upper], base)
    return rows[upper], cols[upper], shared, agreed


def _copy_blocs(
    n_sources: int, known: np.ndarray, pairs: _Pairs, delta: float, beta: float
) -> tuple[np.ndarray, sp.csr_array]:
    """Rule 3: the known groups merged with the copy pairs; the pairs' copy posteriors."""
    i, j, n = pairs.i, pairs.j, pairs.shared
    differ = n - pairs.agree
    near = differ <= delta * n
    # Each source repeats, a priori, one of its partners with probability beta.
    partners = np.bincount(i, minlength=n_sources) + np.bincount(j, minlength=n_sources)
    prior = np.minimum(beta * (1.0 / partners[i] + 1.0 / partners[j]), 0.5)
    log_prior = np.log(prior / (1 - prior))
    # Chance agreement is at least the lowest 1 / D of any contested object, so this bounds the
    # evidence of a near-identical pair; only the pairs under the bound can be copy pairs.
    lowest = np.clip(pairs.lowest, 1e-12, 1 - delta)
    may = np.flatnonzero(near & (n * np.log((1 - delta) / lowest) + log_prior > 0))
    # Above 1 - delta, chance explains agreement better than copying: no evidence either way.
    p0 = np.clip(pairs.chance(may), 1e-12, 1 - delta)
    d = differ[may]
    llr = (n[may] - d) * np.log((1 - delta) / p0) + d * np.log(delta / (1 - p0)) + log_prior[may]
    posterior = 0.5 * (1.0 + np.tanh(llr / 2.0))  # logistic, without overflow
    ci, cj = i[may], j[may]
    dependence = sp.csr_array(
        (np.r_[posterior, posterior], (np.r_[ci, cj], np.r_[cj, ci])), shape=(n_sources, n_sources)
    )
    labels = known.copy()
    copy = llr > 0
    if not copy.any():
        return labels, dependence
    # Only the groups of sources in a copy pair can change; their disagreeing pairs are the
    # ones that can stop a merge.
    movable = np.isin(labels, labels[np.r_[ci[copy], cj[copy]]])
    conflict = ~near & movable[i] & movable[j]
    apart = sp.csr_array(
        (
            np.ones(2 * int(conflict.sum())),
            (np.r_[i[conflict], j[conflict]], np.r_[j[conflict], i[conflict]]),
        ),
        shape=(n_sources, n_sources),
    )
    indptr, indices = apart.indptr, apart.indices
    members: dict[int, list[int]] = {}
    for s in np.flatnonzero(movable).tolist():
        members.setdefault(int(labels[s]), []).append(s)
    order = np.lexsort((cj[copy], ci[copy], -llr[copy]))
    for x, y in zip(ci[copy][order].tolist(), cj[copy][order].tolist(), strict=True):
        gx, gy = int(labels[x]), int(labels[y])
        if gx == gy:
            continue
        small, big = (gx, gy) if len(members[gx]) <= len(members[gy]) else (gy, gx)
        # Never join two groups that hold a pair of sources that visibly disagree.
        rivals = np.concatenate([indices[indptr[m] : indptr[m + 1]] for m in members[small]])
        if np.any(labels[rivals] == big):
            continue
        labels[members[small]] = big
        members[big].extend(members.pop(small))
    return np.unique(labels, return_inverse=True)[1].astype(np.int64), dependence
