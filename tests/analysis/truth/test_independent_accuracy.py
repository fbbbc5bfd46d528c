"""Independent accuracy, the product default: hand-worked numbers, copy blocs, tiny data, order
invariance, and the pure-Python reference."""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest
import scipy.sparse as sp

from kg.analysis.truth import (
    TruthDataset,
    accucopy,
    discover,
    independent_accuracy,
    voting,
)
from kg.analysis.truth import _reference as ref


def partition(result) -> set[frozenset[str]]:
    ds = result.dataset
    return {
        frozenset(ds.sources[i] for i in np.flatnonzero(result.groups == g))
        for g in set(result.groups.tolist())
    }


# --- hand-worked numbers ------------------------------------------------------------------------

# Two sources that agree on one claim, with nobody else: each is judged by the other's vote
# (ln r, r = A / (1 - A)) and its own vote at the prior (ln 4), so at the fixed point
# A = (4r / (4r + 1) + 0.4) / 1.5 = (4A / (3A + 1) + 0.4) / 1.5, i.e. 4.5 A^2 - 3.7 A - 0.4 = 0.
TWO_AGREE = (3.7 + math.sqrt(3.7**2 + 4 * 4.5 * 0.4)) / 9
TWO_AGREE_ODDS = TWO_AGREE / (1 - TWO_AGREE)


def test_two_agreeing_sources_by_hand():
    # Both start at A = 0.8: a vote of ln(0.8 / 0.2) = ln 4 each (one value claimed, so one
    # wrong value, ln 1 = 0). Judging a: b's vote (ln 4) and a's own vote at the prior (ln 4)
    # against the unclaimed alternative: P = 16 / 17, so A = (16/17 + 0.5 * 0.8) / 1.5 = 76/85.
    ds = TruthDataset.from_triples([("a", "o", "v"), ("b", "o", "v")])
    r = independent_accuracy(ds, max_iter=1)
    np.testing.assert_allclose(r.trust, [76 / 85, 76 / 85])
    # At the fixed point (TWO_AGREE = 0.919) both vote ln r: P(v) = r^2 / (r^2 + 1). The two
    # corroborate each other, and each is judged as a source without a record would be, so
    # neither runs away to 1.
    r = independent_accuracy(ds)
    assert r.converged
    np.testing.assert_allclose(r.trust, [TWO_AGREE] * 2, atol=1e-5)
    np.testing.assert_allclose(
        r.confidence, [TWO_AGREE_ODDS**2 / (TWO_AGREE_ODDS**2 + 1)], atol=1e-5
    )


def test_the_own_vote_counts_at_the_prior(three_sources):
    # Two sources of accuracy 0.8 on yes/no claims agree on 0.8^2 + 0.2^2 = 68 % of them. Here
    # a and b agree on 17 claims of 25 and disagree on 8. From A = 0.8 (votes of ln 4):
    #   held out (own_vote=False): P = 4/5 where b agrees, 1/5 where it disagrees; the mean is
    #     0.68 * 0.8 + 0.32 * 0.2 = 0.608, far below 0.8, so trust drifts towards chance where
    #     few groups speak;
    #   own vote at the prior: P = 16/17 where b agrees, 4/8 where it disagrees; the mean is
    #     0.68 * 16/17 + 0.32 * 0.5 = 0.8 exactly: a source as good as the prior is judged at
    #     the prior on average (the expectation of a posterior is the prior).
    rows = [(s, f"c{k:02d}", "affirms") for s in ("a", "b") for k in range(17)]
    rows += [("a", f"d{k}", "affirms") for k in range(8)]
    rows += [("b", f"d{k}", "denies") for k in range(8)]
    ds = TruthDataset.from_stances(rows)
    held = independent_accuracy(ds, own_vote=False, max_iter=1)
    np.testing.assert_allclose(held.trust, [(25 * 0.608 + 0.4) / 25.5] * 2)
    judged = independent_accuracy(ds, max_iter=1)
    np.testing.assert_allclose(judged.trust, [0.8, 0.8])
    # Held out, s1 on o1 has s2 (ln 4) against s3 (ln 4): P = 1/2, A1 = (1/2 + 0.4) / 1.5 = 0.6.
    r = independent_accuracy(three_sources, max_iter=1, own_vote=False)
    np.testing.assert_allclose(r.trust, [0.6, 0.6, (1 / 17 + 0.4) / 1.5])


def test_one_iteration_by_hand(three_sources):
    # o1: s1, s2 say a, s3 says b (o1's two values are 2 : 1, D = 9 / 5 < 2, so one wrong
    # value); o2: s1 alone says c, which is not assessed (no other group speaks to o2).
    # Start A = 0.8, a vote of ln 4 each; the judged source's own vote counts at the prior:
    #   s1 on o1: s2 + own (ln 16) against s3 (ln 4): P(a) = 16/20 -> A1 = (0.8 + 0.4) / 1.5
    #   s2 on o1: the same                                        -> A2 = 0.8
    #   s3 on o1: own (ln 4) against s1 + s2 (ln 16): P(b) = 4/20 -> A3 = (0.2 + 0.4) / 1.5
    r = independent_accuracy(three_sources, max_iter=1)
    np.testing.assert_allclose(r.trust, [0.8, 0.8, 0.4])
    # Final votes: s1, s2 ln 4 each; s3 below 1/2 votes 0 (not negative).
    # o1: V(a) = ln 16, V(b) = 0; o2: V(c) = ln 4 against the unclaimed alternative.
    np.testing.assert_allclose(r.confidence, [16 / 17, 1 / 17, 4 / 5])
    assert not r.converged


def test_a_known_group_votes_once():
    rows = [("gov1", "c", "true"), ("gov2", "c", "true"), ("gov3", "c", "true")]
    rows += [("ngo", "c", "false"), ("un", "c", "false")]
    groups = {"gov1": "gov", "gov2": "gov", "gov3": "gov"}
    ds = TruthDataset.from_triples(rows, source_groups=groups)
    r = independent_accuracy(ds)
    assert r.values() == {"c": "false"}
    trust = r.source_trust()
    assert trust["gov1"] == trust["gov2"] == trust["gov3"] < 0.5 < trust["ngo"] == trust["un"]
    assert partition(r) == {
        frozenset({"gov1", "gov2", "gov3"}),
        frozenset({"ngo"}),
        frozenset({"un"}),
    }
    # Without the known groups the government's three voices win.
    assert independent_accuracy(ds, known_groups=False).values() == {"c": "true"}


def test_a_split_group_splits_its_vote():
    # g1 says a, g2 says b: their group's one vote is halved between a and b, so x's vote
    # for a decides; a group member's value is not held against it by its own group.
    rows = [("g1", "o", "a"), ("g2", "o", "b"), ("x", "o", "a")]
    ds = TruthDataset.from_triples(rows, source_groups={"g1": "g", "g2": "g"})
    r = independent_accuracy(ds)
    assert r.values() == {"o": "a"}
    assert r.fact_confidence("o", "a") > r.fact_confidence("o", "b")


def test_a_corroborated_source_and_a_contradicted_one():
    # The product's track-record case: good is backed by two independent sources on six
    # claims, bad is denied by three on six. Three deniers agreeing on six claims are not
    # enough evidence of copying.
    rows = []
    for i in range(6):
        rows += [(s, f"c{i}", "true") for s in ("good", "w1", "w2")]
        rows += [("bad", f"d{i}", "true")] + [(s, f"d{i}", "false") for s in ("x1", "x2", "x3")]
    r = independent_accuracy(TruthDataset.from_triples(rows))
    trust = r.source_trust()
    assert trust["good"] > 0.9 > 0.1 > trust["bad"]
    assert len(set(r.groups.tolist())) == r.dataset.n_sources


def test_unchecked_claims_hold_a_good_record_near_the_prior():
    # a and b agree on o1; a alone speaks to u0..u2. After one iteration from A = 0.8, b's
    # record is (16/17 + 0.4) / 1.5 = 76/85, above the prior, and so is a's; a's three
    # unchecked claims count as three more claims at 0.8: (16/17 + 0.4 + 3 * 0.8) / 4.5.
    rows = [("a", "o1", "x"), ("b", "o1", "x")] + [("a", f"u{k}", "y") for k in range(3)]
    ds = TruthDataset.from_triples(rows)
    r = independent_accuracy(ds, max_iter=1)
    np.testing.assert_allclose(r.trust, [(16 / 17 + 2.8) / 4.5, 76 / 85])
    # With w = 1/2 each weighs half a claim; with w = 0 they are ignored (the previous rule).
    half = independent_accuracy(ds, max_iter=1, unchecked_weight=0.5)
    np.testing.assert_allclose(half.trust, [(16 / 17 + 0.4 + 1.2) / 3.0, 76 / 85])
    ignored = independent_accuracy(ds, unchecked_weight=0)
    np.testing.assert_allclose(ignored.trust, [TWO_AGREE] * 2, atol=1e-5)


def test_unchecked_claims_do_not_lift_a_contradicted_source():
    # The corroborated and the contradicted source of the test above, each adding a hundred
    # claims that nobody else speaks to (a fabricator's stories that nobody carries): good is
    # held near the prior, bad stays below 0.1, exactly where it was without them (counted
    # both ways, they would lift it to about 0.75).
    rows = []
    for i in range(6):
        rows += [(s, f"c{i}", "true") for s in ("good", "w1", "w2")]
        rows += [("bad", f"d{i}", "true")] + [(s, f"d{i}", "false") for s in ("x1", "x2", "x3")]
    before = independent_accuracy(TruthDataset.from_triples(rows)).source_trust()
    rows += [(s, f"{s}-story{k}", "true") for s in ("good", "bad") for k in range(100)]
    trust = independent_accuracy(TruthDataset.from_triples(rows)).source_trust()
    assert 0.8 < trust["good"] < 0.82 < 0.9 < before["good"]
    assert trust["bad"] == pytest.approx(before["bad"], abs=1e-5)  # the iteration's tol
    assert trust["bad"] < 0.1
    assert trust["w1"] > 0.9


def test_a_prolific_source_checked_on_few_claims_does_not_outvote_a_checked_one():
    # Population's bot, in small: it agrees with an editor on the 10 objects they share and
    # writes 100 figures where nobody else edits; a newcomer agrees with the editor on 4. On
    # the city they alone dispute, the bot's trust (0.94 without the rule) beat the
    # newcomer's; now the bot, mostly unchecked, is near the prior and the newcomer wins.
    rows = [(s, f"s{k}", "v") for k in range(10) for s in ("bot", "editor")]
    rows += [(s, f"t{k}", "v") for k in range(4) for s in ("newcomer", "editor")]
    rows += [("bot", f"alone{k}", "v") for k in range(100)]
    rows += [("bot", "city", "bot's"), ("newcomer", "city", "newcomer's")]
    ds = TruthDataset.from_triples(rows)
    r = independent_accuracy(ds)
    trust = r.source_trust()
    assert trust["bot"] < 0.82 < trust["newcomer"] < trust["editor"]
    assert r.values()["city"] == "newcomer's"
    assert independent_accuracy(ds, unchecked_weight=0).values()["city"] == "bot's"


def test_fact_prior_shifts_the_vote():
    rows = [("s1", "o", "a"), ("s2", "o", "b")]
    assert independent_accuracy(TruthDataset.from_triples(rows)).values() == {"o": "a"}
    tilted = TruthDataset.from_triples(rows, fact_prior={("o", "b"): 4.0})
    assert independent_accuracy(tilted).values() == {"o": "b"}


# --- copy blocs ---------------------------------------------------------------------------------


def test_a_copy_bloc_is_found_without_known_groups(make_feed):
    ds = TruthDataset.from_triples(make_feed())
    r = independent_accuracy(ds)
    feed = frozenset(f"feed{i}" for i in range(4))
    assert feed in partition(r)
    # The four copies outvote the three independent sources on o06..o11; found, they vote once.
    assert voting(ds).values()["o06"] == "feed"
    assert independent_accuracy(ds, detect_copying=False).values()["o06"] == "feed"
    assert all(r.values()[f"o{k:02d}"] == "ok" for k in range(12))
    trust = r.source_trust()
    assert max(trust[s] for s in feed) < min(trust["x"], trust["y"], trust["z"])
    dep = r.dependence.toarray()
    i, j = ds.sources.index("feed0"), ds.sources.index("feed1")
    assert dep[i, j] == dep[j, i] > 0.5
    # Independent sources that each made a different typo are not near-identical: no entry.
    assert dep[ds.sources.index("x"), ds.sources.index("y")] == 0


def test_a_bloc_on_few_objects_is_not_enough_evidence(make_feed):
    # The same structure on 4 objects: the copies could be four careful sources, so they keep
    # their votes (the data cannot tell, and known groups are the analyst's remedy).
    r = independent_accuracy(TruthDataset.from_triples(make_feed(4)))
    assert len(set(r.groups.tolist())) == r.dataset.n_sources


def test_sources_that_disagree_are_never_grouped(make_copied):
    # c2 repeats s1 on even objects and s2 on odd ones; s1 and s2 disagree, so c2 may join one
    # of them but the two never end up in one group.
    for seed in range(4):
        r = independent_accuracy(TruthDataset.from_triples(make_copied(seed)))
        for group in partition(r):
            assert not {"s1", "s2"} <= group
        assert any({"s0", "c0"} <= group for group in partition(r))


def test_copy_detection_respects_known_groups(make_feed):
    # A known group is never split, and its members are not tested against each other.
    rows = make_feed()
    ds = TruthDataset.from_triples(rows, source_groups={"x": "ind", "feed0": "ind"})
    r = independent_accuracy(ds)
    assert any({"x", "feed0"} <= group for group in partition(r))


# --- tiny data ----------------------------------------------------------------------------------


def _one_unchecked() -> tuple[float, float]:
    """Trust of a and b when they agree on o1 and a alone speaks to o2, by hand: each is judged
    on o1 by the other's vote (ln r) and its own at the prior (ln 4), P = 4r / (4r + 1); b's
    record is (P + 0.4) / 1.5, and a's, above the prior, takes o2 as one more claim at 0.8:
    (P + 0.4 + 0.8) / 2.5. The two equations are iterated to their fixed point."""
    a = b = 0.8
    for _ in range(200):
        ra, rb = a / (1 - a), b / (1 - b)
        a, b = (4 * rb / (4 * rb + 1) + 1.2) / 2.5, (4 * ra / (4 * ra + 1) + 0.4) / 1.5
    return a, b


ONE_UNCHECKED = _one_unchecked()


def _odds_product(a: float, b: float) -> float:
    """P of a value that a and b both vote for, against the unclaimed alternative."""
    r = a / (1 - a) * b / (1 - b)
    return r / (r + 1)


@pytest.mark.parametrize(
    ("rows", "trust", "confidence"),
    [
        # One source, one claim: nothing to judge it by, so it keeps the prior.
        ([("a", "o", "v")], [0.8], [0.8]),
        # Two sources on two objects: no shared object, no evidence either way.
        ([("a", "o", "v"), ("b", "p", "v")], [0.8, 0.8], [0.8, 0.8]),
        # a and b agree on o1, a alone on o2: the unchecked claim earns a no credit, so its
        # record above the prior is held nearer it (ONE_UNCHECKED); o1 gets both votes, o2 a's
        # trust (ln r against the unclaimed alternative).
        (
            [("a", "o1", "x"), ("b", "o1", "x"), ("a", "o2", "y")],
            list(ONE_UNCHECKED),
            [_odds_product(*ONE_UNCHECKED), ONE_UNCHECKED[0]],
        ),
    ],
)
def test_tiny_data_does_not_collapse(rows, trust, confidence):
    ds = TruthDataset.from_triples(rows)
    r = independent_accuracy(ds)
    np.testing.assert_allclose(r.trust, trust, atol=1e-5)
    np.testing.assert_allclose(r.confidence, confidence, atol=1e-5)
    # AccuPr with held-out accuracy and no prior drifts to chance on the same data.
    held = accucopy(ds, detect_copying=False, leave_one_out=True)
    assert held.trust.max() < 0.501


def test_votes_are_never_negative_and_trust_stays_inside_the_prior_bounds(make_random):
    for seed in range(10):
        r = independent_accuracy(TruthDataset.from_triples(make_random(seed)))
        # With kappa = 0.5 and m = 0.8, A lies in (0.4 / (n + 0.5), (n + 0.4) / (n + 0.5)).
        assert np.all((r.trust > 0) & (r.trust < 1))
        assert np.all((r.confidence > 0) & (r.confidence < 1))


def test_empty_and_disconnected_datasets():
    empty = independent_accuracy(TruthDataset.from_triples([]))
    assert (empty.values(), empty.trust.size, empty.converged) == ({}, 0, True)
    r = independent_accuracy(TruthDataset.from_triples([("a", "o", "v"), ("b", "p", "w")]))
    assert r.values() == {"o": "v", "p": "w"}
    assert r.dependence.nnz == 0


# --- order, reference, arguments ----------------------------------------------------------------


@pytest.mark.parametrize("seed", range(3))
def test_results_do_not_depend_on_row_order(seed, make_copied, make_feed):
    rows = make_copied(seed) + make_feed()
    rng = np.random.default_rng(seed)
    a = independent_accuracy(TruthDataset.from_triples(rows))
    b = independent_accuracy(
        TruthDataset.from_triples([rows[i] for i in rng.permutation(len(rows))])
    )
    assert np.array_equal(a.confidence, b.confidence)
    assert np.array_equal(a.trust, b.trust)
    assert np.array_equal(a.groups, b.groups)
    assert a.values() == b.values()


def _check_against_reference(rows, groups=None, **kwargs):
    ds = TruthDataset.from_triples(rows, source_groups=groups)
    result = independent_accuracy(ds, **kwargs)
    conf, trust, iterations, blocs = ref.independent_accuracy(rows, groups=groups, **kwargs)
    pairs = zip(ds.fact_object, ds.fact_values, strict=True)
    c = np.array([conf[(ds.objects[o], v)] for o, v in pairs])
    t = np.array([trust[s] for s in ds.sources])
    np.testing.assert_allclose(result.confidence, c, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(result.trust, t, rtol=1e-8, atol=1e-10)
    assert result.iterations == iterations
    assert partition(result) == {frozenset(b) for b in blocs}
    return result


@pytest.mark.parametrize("seed", range(5))
def test_matches_the_reference_on_random_data(seed, make_random):
    _check_against_reference(make_random(seed))


@pytest.mark.parametrize("seed", range(5))
def test_matches_the_reference_with_copies(seed, make_copied):
    result = _check_against_reference(make_copied(seed))
    assert len(set(result.groups.tolist())) < result.dataset.n_sources  # some bloc was found


@pytest.mark.parametrize("seed", range(3))
def test_matches_the_reference_with_known_groups(seed, make_copied):
    groups = {"s0": "g", "s3": "g", "c2": "h", "s5": "h"}
    _check_against_reference(make_copied(seed), groups=groups)


def test_matches_the_reference_without_copy_detection(make_copied):
    _check_against_reference(make_copied(0), detect_copying=False)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("weight", [1.0, 0.5, 0.0])
def test_matches_the_reference_with_unchecked_claims(seed, weight, make_random):
    # Random data, six objects on which s0..s2 agree (records above the prior), and eight
    # claims on objects of their own by random sources.
    rng = np.random.default_rng(seed)
    rows = make_random(seed)
    rows += [(s, f"k{k}", "v0") for k in range(6) for s in ("s0", "s1", "s2")]
    rows += [(f"s{int(s)}", f"lone{k}", "v0") for k, s in enumerate(rng.integers(0, 6, 8))]
    _check_against_reference(rows, unchecked_weight=weight)


def test_discover_is_independent_accuracy(copier_rows):
    ds = TruthDataset.from_triples(copier_rows, source_groups={"liar": "l", "copier": "l"})
    r = discover(ds)
    assert np.array_equal(r.confidence, independent_accuracy(ds).confidence)
    assert r.values()["o5"] == "f"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prior": 1.0},
        {"prior_weight": 0.0},
        {"unchecked_weight": -1.0},
        {"copy_disagreement": 0.0},
        {"copy_prior": 1.0},
        {"max_pair_sources": 1},
        {"max_iter": 0},
    ],
)
def test_bad_arguments_are_rejected(three_sources, kwargs):
    with pytest.raises(ValueError):
        independent_accuracy(three_sources, **kwargs)


def test_a_larger_run_finds_the_echo_chambers():
    # 600 sources on 3,000 binary claims, 40 each; four leaders with accuracy 0.3 are repeated
    # in full by 15 accounts each (an echo chamber is not many voices). With 30 claims each,
    # one chamber in four is not found: it is the majority wherever it speaks, and agreement
    # alone cannot tell it from sixteen careful sources on so few claims.
    rng = np.random.default_rng(0)
    truth = rng.random(3000) < 0.5
    accuracy = np.r_[np.full(4, 0.3), rng.beta(8, 2, 596)]
    said = {}
    for s in range(600):
        for o in rng.choice(3000, 40, replace=False).tolist():
            said[(s, o)] = truth[o] if rng.random() < accuracy[s] else not truth[o]
    members = rng.choice(np.arange(100, 600), (4, 15), replace=False)
    for leader in range(4):
        lead = {o: v for (s, o), v in said.items() if s == leader}
        for m in members[leader].tolist():
            said = {k: v for k, v in said.items() if k[0] != m}
            said.update({(m, o): v for o, v in lead.items()})
    rows = [(f"s{s:03d}", f"o{o:04d}", "true" if v else "false") for (s, o), v in said.items()]
    ds = TruthDataset.from_triples(rows)
    r = independent_accuracy(ds)
    for leader in range(4):
        chamber = {f"s{leader:03d}"} | {f"s{m:03d}" for m in members[leader].tolist()}
        assert chamber in partition(r)

    def correct(result):
        return np.mean([(v == "true") == truth[int(o[1:])] for o, v in result.values().items()])

    assert correct(r) > correct(voting(ds)) + 0.03


@pytest.mark.parametrize("seed", range(3))
def test_matches_the_reference_on_every_vote_layout(seed, make_random):
    # The iteration has a fast path for each layout, so each is checked against the reference:
    # a known group whose members say the same value (a run of several claims per group and
    # fact), the last claims of all in such a run, a source giving two values on one object
    # (several facts per group and object), and an object nobody else speaks to (unassessed).
    rows = [
        *make_random(seed),
        ("s0", "zz", "v0"),
        ("s3", "zz", "v0"),
        ("s1", "zz", "v1"),
        ("s2", "o0", "v9"),
        ("s4", "lone", "v0"),
    ]
    groups = {"s0": "g", "s3": "g"}
    _check_against_reference(sorted(set(rows)), groups=groups)
    _check_against_reference(sorted(set(rows)), groups=groups, own_vote=False)


@pytest.mark.parametrize("seed", range(3))
def test_both_ways_of_counting_pairs_agree_with_the_reference(seed, make_copied, monkeypatch):
    # Rule 3 counts each pair's shared objects by a sparse product (few sources, many shared
    # objects) or by listing the pairs of each object's speakers a chunk at a time (many
    # sources); each way, and a listing cut into chunks of a few pairs, must find the same
    # blocs and numbers as the reference. The claims are put in order by a merge sort (few
    # sources) or by counting sorts (many), which must not change a bit either. The layout
    # includes a known group and a source that gives two values for one object (it neither
    # agrees nor disagrees there).
    module = sys.modules["kg.analysis.truth.independent_accuracy"]
    copy_blocs = sys.modules["kg.analysis.truth.copy_blocs"]
    rows = sorted({*make_copied(seed), ("s4", "o1", "w"), ("s4", "o1", "v0")})
    groups = {"s0": "g", "s3": "g"}
    results = []
    ways = ((10**9, 1 << 22, 1024), (0, 1 << 22, 0), (0, 7, 0))  # product; listing, counting
    for list_below, chunk, merge_runs in ways:
        monkeypatch.setattr(copy_blocs, "_LIST_BELOW", list_below)
        monkeypatch.setattr(copy_blocs, "_PAIR_CHUNK", chunk)
        monkeypatch.setattr(module, "_MERGE_RUNS", merge_runs)
        results.append(_check_against_reference(rows, groups=groups))
    for other in results[1:]:
        assert np.array_equal(other.confidence, results[0].confidence)
        assert np.array_equal(other.trust, results[0].trust)
        assert np.array_equal(other.groups, results[0].groups)
        assert (other.dependence != results[0].dependence).nnz == 0


@pytest.mark.parametrize("list_below", [0, 10**9])  # rule 3 by listing, by product
def test_facts_out_of_object_order_give_the_same_answer(list_below, make_copied, monkeypatch):
    # from_triples keeps each object's facts together; a dataset built directly need not, and
    # the claims are then put in object order another way.
    monkeypatch.setattr(sys.modules["kg.analysis.truth.copy_blocs"], "_LIST_BELOW", list_below)
    ds = TruthDataset.from_triples(make_copied(0))
    perm = np.random.default_rng(0).permutation(ds.n_facts)
    shuffled = TruthDataset(
        sources=ds.sources,
        objects=ds.objects,
        fact_values=tuple(ds.fact_values[i] for i in perm),
        fact_object=ds.fact_object[perm],
        claims=sp.csr_array(ds.claims[:, perm]),
    )
    a, b = independent_accuracy(ds), independent_accuracy(shuffled)
    assert np.any(np.diff(shuffled.fact_object) < 0)
    np.testing.assert_allclose(b.trust, a.trust, rtol=1e-12)
    np.testing.assert_allclose(b.confidence, a.confidence[perm], rtol=1e-12)
    assert np.array_equal(b.groups, a.groups)
    assert b.values() == a.values()
