"""The iterative methods: hand-worked numbers, reference cross-checks, order invariance."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kg.analysis.truth import (
    TruthDataset,
    accucopy,
    average_log,
    discover,
    independent_accuracy,
    independent_voting,
    investment,
    pooled_investment,
    sums,
    truthfinder,
    voting,
)
from kg.analysis.truth import _reference as ref

ALL_METHODS = [
    voting,
    independent_voting,
    sums,
    average_log,
    investment,
    pooled_investment,
    truthfinder,
    accucopy,
    independent_accuracy,
    discover,
]


def test_voting_by_hand(three_sources):
    r = voting(three_sources)
    # o1: a has 2 of 3 votes, b 1 of 3; o2: c is alone.
    np.testing.assert_allclose(r.confidence, [2 / 3, 1 / 3, 1.0])
    assert r.values() == {"o1": "a", "o2": "c"}
    assert (r.iterations, r.converged) == (0, True)


def test_voting_ties_go_to_the_smallest_value():
    ds = TruthDataset.from_triples([("s1", "o", "b"), ("s2", "o", "a")])
    assert voting(ds).values() == {"o": "a"}


def test_independent_voting_counts_a_group_once():
    rows = [("g1", "o", "a"), ("g2", "o", "a"), ("g3", "o", "a"), ("x", "o", "b"), ("y", "o", "b")]
    ds = TruthDataset.from_triples(rows, source_groups={"g1": "g", "g2": "g", "g3": "g"})
    r = independent_voting(ds)
    # a: one group -> 1 vote; b: two independent sources -> 2 votes.
    np.testing.assert_allclose(r.confidence, [1 / 3, 2 / 3])
    assert r.values() == {"o": "b"}


def test_sums_one_iteration_by_hand(three_sources):
    r = sums(three_sources, max_iter=1)
    # Beliefs start at 0.5. Trust: s1 = 0.5 + 0.5 = 1, s2 = 0.5, s3 = 0.5 -> / 1.
    # Belief: a = T1 + T2 = 1.5, b = T3 = 0.5, c = T1 = 1 -> / 1.5.
    np.testing.assert_allclose(r.trust, [1.0, 0.5, 0.5])
    np.testing.assert_allclose(r.confidence, [1.0, 1 / 3, 2 / 3])
    assert (r.iterations, r.converged) == (1, False)


def test_average_log_gives_single_claim_sources_no_trust(three_sources):
    r = average_log(three_sources, max_iter=1)
    # Only s1 has two claims: T1 = log(2) * (0.5 + 0.5) / 2, T2 = T3 = log(1) * ... = 0.
    np.testing.assert_allclose(r.trust, [1.0, 0.0, 0.0])
    np.testing.assert_allclose(r.confidence, [1.0, 0.0, 1.0])


def test_investment_one_iteration_by_hand(three_sources):
    r = investment(three_sources, max_iter=1)
    # Voted prior: a = 2/3, b = 1/3, c = 1. Trust 1 each, invested per claim: s1 1/2, s2 1, s3 1.
    # Pools: a = 1/2 + 1 = 1.5, b = 1, c = 1/2.
    t1 = 0.5 * ((2 / 3) / 1.5 + 1 / 0.5)
    t2 = 1.0 * ((2 / 3) / 1.5)
    t3 = 1.0 * ((1 / 3) / 1.0)
    belief = np.array([(t1 / 2 + t2) ** 1.2, t3**1.2, (t1 / 2) ** 1.2])
    np.testing.assert_allclose(r.trust, np.array([t1, t2, t3]) / t1)
    np.testing.assert_allclose(r.confidence, belief / belief.max())


def test_pooled_investment_one_iteration_by_hand(three_sources):
    r = pooled_investment(three_sources, max_iter=1)
    # Uniform prior: a = b = 1/2, c = 1. Pools as for Investment.
    t1 = 0.5 * (0.5 / 1.5 + 1 / 0.5)
    t2 = 1.0 * (0.5 / 1.5)
    t3 = 1.0 * (0.5 / 1.0)
    h = np.array([t1 / 2 + t2, t3, t1 / 2])
    grown = h**1.4
    belief = np.array(
        [h[0] * grown[0] / (grown[0] + grown[1]), h[1] * grown[1] / (grown[0] + grown[1]), h[2]]
    )
    np.testing.assert_allclose(r.trust, np.array([t1, t2, t3]) / max(t1, t2, t3))
    np.testing.assert_allclose(r.confidence, belief / belief.max())


def test_truthfinder_one_iteration_by_hand(three_sources):
    r = truthfinder(three_sources, max_iter=1)
    tau = -math.log(1 - 0.9)  # every source starts at t0 = 0.9
    s_a = 1 / (1 + math.exp(-0.3 * 2 * tau))  # s1 and s2
    s_b = 1 / (1 + math.exp(-0.3 * tau))  # s3
    s_c = s_b  # s1 alone
    np.testing.assert_allclose(r.confidence, [s_a, s_b, s_c])
    np.testing.assert_allclose(r.trust, [(s_a + s_c) / 2, s_a, s_b])


def test_truthfinder_chooses_the_larger_confidence_even_when_both_round_near_one():
    # 40 sources say o = a and 50 say o = b, each its only claim. With t0 = 0.9 the paper gives
    # gamma * sigma(a) = 0.3 * 40 * ln 10 = 27.6 and gamma * sigma(b) = 34.5, so
    # s(a) = 1 - 1.0e-12 < s(b) = 1 - 1.0e-15: b, although both are within 1e-9 of 1.
    rows = [(f"a{i}", "o", "a") for i in range(40)] + [(f"b{i}", "o", "b") for i in range(50)]
    ds = TruthDataset.from_triples(rows)
    r = truthfinder(ds, max_iter=1)
    s_a, s_b = (1 / (1 + math.exp(-0.3 * n * math.log(10))) for n in (40, 50))
    assert 1 - 1e-9 < s_a < s_b
    np.testing.assert_allclose(r.confidence, [s_a, s_b], rtol=0, atol=1e-15)
    assert r.values() == {"o": "b"}
    assert truthfinder(ds).values() == {"o": "b"}


def test_truthfinder_implication_lets_similar_values_support_each_other():
    # "knuth d" has two sources, "knuth donald" and "smith" one each. With imp = +0.5 between
    # the two Knuths and -0.5 otherwise, "knuth donald" gains 0.5 * rho * (2 tau - tau) > 0 and
    # "smith" loses 0.5 * rho * 3 tau.
    rows = [("s1", "o", "knuth d"), ("s2", "o", "knuth d"), ("s3", "o", "knuth donald")]
    rows += [("s4", "o", "smith")]
    ds = TruthDataset.from_triples(rows)

    def similar(_obj, a, b):
        return 0.5 if a.split()[0] == b.split()[0] else -0.5

    plain = truthfinder(ds, max_iter=1)
    implied = truthfinder(ds, implication=similar, max_iter=1)
    knuth_donald = ds.fact("o", "knuth donald")
    smith = ds.fact("o", "smith")
    assert implied.confidence[knuth_donald] > plain.confidence[knuth_donald]
    assert implied.confidence[smith] < plain.confidence[smith]
    with pytest.raises(ValueError, match=r"\[-1, 1\]"):
        truthfinder(ds, implication=lambda o, a, b: 2.0)


def test_accupr_one_iteration_by_hand(three_sources):
    r = accucopy(three_sources, detect_copying=False, max_iter=1)
    # Start: A = 0.8, n = 1 for both objects, so each vote is ln(0.8 / 0.2) = ln 4.
    # o1: C(a) = ln 16, C(b) = ln 4 -> P(a) = 0.8, P(b) = 0.2.
    # o2: C(c) = ln 4 against one unseen false value (C = 0) -> P(c) = 4 / 5 = 0.8.
    # Accuracies: s1 = (0.8 + 0.8) / 2 = 0.8, s2 = 0.8, s3 = 0.2.
    np.testing.assert_allclose(r.trust, [0.8, 0.8, 0.2])
    # Final probabilities with those accuracies: C(a) = ln 16, C(b) = ln(0.2 / 0.8) = ln 1/4.
    np.testing.assert_allclose(r.confidence, [16 / 16.25, 0.25 / 16.25, 0.8])
    assert not r.converged


def _as_arrays(ds, conf, trust):
    pairs = zip(ds.fact_object, ds.fact_values, strict=True)
    c = np.array([conf[(ds.objects[o], v)] for o, v in pairs])
    t = np.array([trust[s] for s in ds.sources])
    return c, t


REFERENCE_PAIRS = [
    (lambda ds: voting(ds), ref.voting),
    (lambda ds: sums(ds), ref.sums),
    (lambda ds: average_log(ds), ref.average_log),
    (lambda ds: investment(ds), ref.investment),
    (lambda ds: pooled_investment(ds), ref.pooled_investment),
    (lambda ds: truthfinder(ds), ref.truthfinder),
    (
        lambda ds: accucopy(ds, detect_copying=False),
        lambda t: ref.accucopy(t, detect_copying=False),
    ),
    (lambda ds: accucopy(ds, max_iter=15), lambda t: ref.accucopy(t, max_iter=15)),
    (
        lambda ds: accucopy(ds, detect_copying=False, leave_one_out=True),
        lambda t: ref.accucopy(t, detect_copying=False, leave_one_out=True),
    ),
]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize(("fast", "slow"), REFERENCE_PAIRS)
def test_sparse_methods_match_the_pure_python_reference(seed, fast, slow, make_random):
    rows = make_random(seed)
    ds = TruthDataset.from_triples(rows)
    result = fast(ds)
    conf, trust, iterations = slow(rows)
    c, t = _as_arrays(ds, conf, trust)
    np.testing.assert_allclose(result.confidence, c, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(result.trust, t, rtol=1e-8, atol=1e-10)
    assert result.iterations == iterations


@pytest.mark.parametrize("seed", range(3))
def test_truthfinder_with_implication_matches_the_reference(seed, make_random):
    rows = make_random(seed)

    def imp(_obj, a, b):
        return 0.3 if abs(int(a[1]) - int(b[1])) == 1 else -0.2

    ds = TruthDataset.from_triples(rows)
    result = truthfinder(ds, implication=imp)
    c, t = _as_arrays(ds, *ref.truthfinder(rows, implication=imp)[:2])
    np.testing.assert_allclose(result.confidence, c, rtol=1e-8)
    np.testing.assert_allclose(result.trust, t, rtol=1e-8)


@pytest.mark.parametrize("seed", range(3))
def test_known_groups_match_the_reference(seed, make_random):
    rows = make_random(seed, n_sources=7)
    groups = {"s0": "g", "s1": "g", "s4": "h", "s5": "h"}
    ds = TruthDataset.from_triples(rows, source_groups=groups)
    result = accucopy(ds, known_groups=True, max_iter=15)
    conf, trust, _ = ref.accucopy(rows, groups=groups, max_iter=15)
    c, t = _as_arrays(ds, conf, trust)
    np.testing.assert_allclose(result.confidence, c, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(result.trust, t, rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("method", ALL_METHODS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("seed", range(3))
def test_results_do_not_depend_on_row_order(method, seed, make_random, copier_rows):
    rows = make_random(seed) + [(f"c{s}", o, v) for s, o, v in copier_rows]
    rng = np.random.default_rng(seed)
    shuffled = [rows[i] for i in rng.permutation(len(rows))]
    a = method(TruthDataset.from_triples(rows))
    b = method(TruthDataset.from_triples(shuffled))
    assert np.array_equal(a.confidence, b.confidence)
    assert np.array_equal(a.trust, b.trust)
    assert a.values() == b.values()


def test_convergence_flags(three_sources):
    assert sums(three_sources).converged
    assert not sums(three_sources, max_iter=1).converged
    consensus = TruthDataset.from_triples([(s, o, "v") for s in "abc" for o in "xyz"])
    r = accucopy(consensus)
    assert r.converged and r.iterations < 100
    r = truthfinder(consensus)
    assert r.converged


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: sums(ds, max_iter=0),
        lambda ds: investment(ds, tol=-1.0),
        lambda ds: accucopy(ds, alpha=0.5),
        lambda ds: accucopy(ds, copy_rate=1.0),
        lambda ds: truthfinder(ds, initial_trust=1.0),
    ],
)
def test_bad_arguments_are_rejected(three_sources, call):
    with pytest.raises(ValueError):
        call(three_sources)


@pytest.mark.parametrize("seed", range(20))
def test_choose_on_contiguous_facts_matches_the_scattered_path(seed):
    """The ``reduceat`` path (facts grouped by object) picks what the ``ufunc.at`` path picks,
    ties, NaN, infinities and objects without facts included."""
    from kg.analysis.truth._common import choose

    rng = np.random.default_rng(seed)
    n_objects, n_facts = int(rng.integers(1, 30)), int(rng.integers(1, 80))
    fact_object = np.sort(rng.integers(0, n_objects, n_facts))
    pool = [0.0, 0.5, 1.0, 1.0 + 1e-12, np.nan, -np.inf, np.inf, 2.0]
    confidence = rng.choice(pool, n_facts) if seed % 2 else rng.random(n_facts)
    # Reversing the facts makes fact_object decreasing, which forces the scattered path.
    reverse = np.arange(n_facts)[::-1]
    with np.errstate(invalid="ignore"):
        contiguous = choose(confidence, fact_object, n_objects)
        scattered = choose(confidence[reverse], fact_object[reverse], n_objects)
    # Map the scattered path's picks back; its ties went to the lowest reversed index, i.e. the
    # highest original one, so compare the chosen confidences and the -1s instead of indices.
    back = np.where(scattered >= 0, reverse[scattered], -1)
    assert np.array_equal(contiguous < 0, back < 0)
    picked = contiguous >= 0
    np.testing.assert_allclose(confidence[contiguous[picked]], confidence[back[picked]], rtol=1e-9)
    assert set(np.flatnonzero(contiguous < 0)) >= set(range(n_objects)) - set(fact_object)


def test_values_leave_out_objects_without_a_fact():
    import scipy.sparse as sp

    ds = TruthDataset(
        sources=("s",),
        objects=("empty", "o"),
        fact_values=("a",),
        fact_object=np.array([1]),
        claims=sp.csr_array(np.ones((1, 1))),
    )
    assert voting(ds).values() == {"o": "a"}
