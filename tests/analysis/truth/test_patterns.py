"""Facts merged by source set (``_patterns``): the merge, and the same results without it."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from kg.analysis.truth import (
    TruthDataset,
    _patterns,
    average_log,
    investment,
    pooled_investment,
    sums,
)
from kg.analysis.truth._patterns import _unique_inverse, fact_patterns

MERGING_METHODS = [sums, average_log, investment, pooled_investment]


def test_facts_of_one_source_set_share_a_pattern():
    # Facts in column order: (o1, a) s1 s2; (o1, b) s3; (o2, c) s1 s2; (o2, d) s3; (o3, e) s1.
    ds = TruthDataset.from_triples(
        [
            ("s1", "o1", "a"),
            ("s2", "o1", "a"),
            ("s3", "o1", "b"),
            ("s1", "o2", "c"),
            ("s2", "o2", "c"),
            ("s3", "o2", "d"),
            ("s1", "o3", "e"),
        ]
    )
    pat = fact_patterns(ds.claims)
    # Keys: {s1} = 1, {s1, s2} = 3, {s3} = 4, in that order.
    assert pat.of_fact.tolist() == [1, 2, 1, 2, 0]
    assert pat.size.tolist() == [1.0, 2.0, 2.0]
    assert pat.claims.toarray().tolist() == [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    assert pat.totals(np.arange(5.0)).tolist() == [4.0, 2.0, 4.0]
    assert pat.expand(np.array([7.0, 8.0, 9.0])).tolist() == [8.0, 9.0, 8.0, 9.0, 7.0]


@pytest.mark.parametrize("seed", range(10))
def test_patterns_rebuild_the_claim_matrix(seed, make_random):
    ds = TruthDataset.from_triples(make_random(seed, n_sources=int(seed) + 2, n_objects=30))
    pat = fact_patterns(ds.claims)
    assert pat.of_fact is not None
    assert (pat.claims[:, pat.of_fact] != ds.claims).nnz == 0
    assert np.array_equal(pat.size, np.bincount(pat.of_fact))
    # Distinct columns: no two patterns have the same sources.
    dense = pat.claims.toarray().T
    assert len({row.tobytes() for row in dense}) == dense.shape[0]


@pytest.mark.parametrize(
    "claims",
    [
        sp.csr_array(np.array([[2.0, 1.0], [1.0, 0.0]])),  # not 0/1
        sp.csr_array(np.ones((53, 2))),  # more sources than a float64 keys exactly
    ],
    ids=["weighted", "53 sources"],
)
def test_no_merge_where_keys_would_not_be_exact(claims):
    pat = fact_patterns(claims)
    assert pat.of_fact is None
    assert pat.claims is claims
    assert pat.size.tolist() == [1.0, 1.0]


def test_fifty_two_sources_are_keyed_exactly():
    # Every subset pattern of the 52 sources, including all of them (key 2**52 - 1).
    rng = np.random.default_rng(0)
    dense = (rng.random((52, 200)) < 0.5).astype(float)
    dense[:, :2] = 1.0  # two identical all-source columns
    pat = fact_patterns(sp.csr_array(dense))
    assert pat.of_fact is not None
    assert pat.of_fact[0] == pat.of_fact[1]
    assert np.array_equal(pat.claims.toarray()[:, pat.of_fact], dense)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("bits", [3, 40, 62])
def test_unique_inverse_matches_numpy(seed, bits):
    rng = np.random.default_rng(seed)
    key = rng.integers(0, 2**bits, size=int(rng.integers(1, 500)), dtype=np.int64)
    key = np.concatenate([key, key[: key.shape[0] // 2]])  # repeats
    distinct, inverse = _unique_inverse(key)
    want_distinct, want_inverse = np.unique(key, return_inverse=True)
    assert np.array_equal(distinct, want_distinct)
    assert np.array_equal(inverse, want_inverse)


@pytest.mark.parametrize("method", MERGING_METHODS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("seed", range(4))
def test_merged_and_unmerged_runs_agree(method, seed, make_random, copier_rows, monkeypatch):
    rows = make_random(seed, n_sources=8, n_objects=40) + copier_rows
    ds = TruthDataset.from_triples(rows)
    merged = method(ds)
    monkeypatch.setattr(_patterns, "MAX_KEYED_SOURCES", 0)
    assert fact_patterns(ds.claims).of_fact is None
    plain = method(ds)
    np.testing.assert_allclose(merged.confidence, plain.confidence, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(merged.trust, plain.trust, rtol=1e-12, atol=1e-15)
    assert np.array_equal(merged.chosen, plain.chosen)
    assert (merged.iterations, merged.converged) == (plain.iterations, plain.converged)


@pytest.mark.parametrize("method", MERGING_METHODS, ids=lambda m: m.__name__)
def test_a_fact_prior_is_kept_per_fact(method):
    # Two facts of one source set with different priors: the prior enters the first step.
    rows = [("s1", "o1", "a"), ("s1", "o2", "b"), ("s2", "o1", "c"), ("s2", "o2", "d")]
    prior = {("o1", "a"): 3.0, ("o2", "b"): 1.0, ("o1", "c"): 1.0, ("o2", "d"): 1.0}
    ds = TruthDataset.from_triples(rows, fact_prior=prior)
    merged = method(ds, max_iter=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_patterns, "MAX_KEYED_SOURCES", 0)
        plain = method(ds, max_iter=1)
    np.testing.assert_allclose(merged.confidence, plain.confidence, rtol=1e-12)
    np.testing.assert_allclose(merged.trust, plain.trust, rtol=1e-12)
