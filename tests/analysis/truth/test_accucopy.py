"""AccuCopy: copy detection, discounted votes, known groups."""

from __future__ import annotations

import numpy as np

from kg.analysis.truth import TruthDataset, accucopy, voting


def _pair(result, a, b):
    ds = result.dataset
    dep = result.dependence.toarray()
    i, j = ds.sources.index(a), ds.sources.index(b)
    return dep[i, j] + dep[j, i]


def test_a_copier_of_false_values_is_detected_and_its_votes_discounted(copier_rows):
    ds = TruthDataset.from_triples(copier_rows)
    r = accucopy(ds)
    # The liar and the copier share two false values (o3, o4) and o5: dependent.
    assert _pair(r, "copier", "liar") > 0.9
    # s1 and s2 share true values only and disagree on o5: far less likely dependent.
    assert _pair(r, "s1", "s2") < _pair(r, "copier", "liar") / 2
    # Voting follows the pair on o5; AccuCopy does not.
    assert voting(ds).values()["o5"] == "z"
    assert r.values()["o5"] == "f"
    # The pair's accuracy falls below every independent source's.
    trust = r.source_trust()
    assert max(trust["liar"], trust["copier"]) < min(trust["s1"], trust["s2"], trust["s3"])


def test_without_copy_detection_the_pair_is_not_discounted(copier_rows):
    ds = TruthDataset.from_triples(copier_rows)
    with_copy = accucopy(ds)
    without = accucopy(ds, detect_copying=False)
    z = ds.fact("o5", "z")
    assert with_copy.confidence[z] < without.confidence[z]
    assert without.dependence.nnz == 0 or without.dependence.max() == 0


def test_known_groups_make_a_group_one_source():
    # Three spokespeople of one government against two independent sources.
    rows = [("gov1", "c", "true"), ("gov2", "c", "true"), ("gov3", "c", "true")]
    rows += [("ngo", "c", "false"), ("un", "c", "false")]
    groups = {"gov1": "gov", "gov2": "gov", "gov3": "gov"}
    ds = TruthDataset.from_triples(rows, source_groups=groups)
    assert accucopy(ds, detect_copying=False).values() == {"c": "true"}
    r = accucopy(ds, known_groups=True, detect_copying=False)
    assert r.values() == {"c": "false"}
    dep = r.dependence.toarray()
    gov = [ds.sources.index(s) for s in ("gov1", "gov2", "gov3")]
    assert np.all(dep[np.ix_(gov, gov)] + np.eye(3) == 1.0)
    # known_groups without groups in the dataset is plain AccuCopy.
    plain = TruthDataset.from_triples(rows)
    assert np.array_equal(accucopy(plain, known_groups=True).confidence, accucopy(plain).confidence)


def test_no_shared_object_is_not_an_error():
    # Regression: with no two sources on one object the pair list is empty (was IndexError).
    ds = TruthDataset.from_triples([("a", "o", "v"), ("b", "p", "w")])
    r = accucopy(ds, known_groups=True)
    assert r.values() == {"o": "v", "p": "w"}
    assert r.dependence.nnz == 0


def test_held_out_accuracy_collapses_on_tiny_data(copier_rows):
    # Documented weakness of the leave_one_out option: without its own vote a lone correct
    # source looks wrong, accuracies drift below chance and the copier pair wins o5.
    ds = TruthDataset.from_triples(copier_rows)
    r = accucopy(ds, detect_copying=False, leave_one_out=True)
    assert r.values()["o5"] == "z"
    assert max(r.trust) < 0.8


def test_fact_prior_shifts_the_vote():
    rows = [("s1", "o", "a"), ("s2", "o", "b")]
    flat = accucopy(TruthDataset.from_triples(rows))
    tilted = accucopy(TruthDataset.from_triples(rows, fact_prior={("o", "b"): 4.0}))
    assert flat.values() == {"o": "a"}  # a tie, to the smaller label
    assert tilted.values() == {"o": "b"}


def test_a_larger_run_is_vectorised_enough():
    # 40 sources x 3000 objects, half the sources copying one of five originals.
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 5, size=3000)
    rows = []
    originals = {}
    for s in range(40):
        if s >= 20:
            values = originals[s % 5]
        else:
            wrong = rng.random(3000) < 0.3
            values = np.where(wrong, (truth + rng.integers(1, 5, size=3000)) % 5, truth)
            originals[s] = values
        rows += [(f"s{s:02d}", f"o{o}", f"v{v}") for o, v in enumerate(values.tolist())]
    ds = TruthDataset.from_triples(rows)
    r = accucopy(ds, max_iter=20)
    chosen = np.array([int(v[1:]) for v in r.values().values()])
    assert r.dependence.shape == (40, 40)
    assert (chosen == truth).mean() > (
        np.array([int(v[1:]) for v in voting(ds).values().values()]) == truth
    ).mean()
