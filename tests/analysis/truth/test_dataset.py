"""TruthDataset: construction, ordering, stances, validation."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from kg.analysis.truth import FALSE, TRUE, TruthDataset


def test_from_triples_sorts_labels_and_builds_the_claim_matrix(three_sources):
    ds = three_sources
    assert ds.sources == ("s1", "s2", "s3")
    assert ds.objects == ("o1", "o2")
    assert ds.fact_values == ("a", "b", "c")
    assert ds.fact_object.tolist() == [0, 0, 1]
    assert ds.claims.toarray().tolist() == [[1, 0, 1], [1, 0, 0], [0, 1, 0]]
    assert (ds.n_sources, ds.n_objects, ds.n_facts, ds.n_claims) == (3, 2, 3, 4)
    assert ds.fact("o2", "c") == 2


@pytest.mark.parametrize(("obj", "value"), [("o1", "c"), ("o9", "a")])
def test_a_fact_no_source_claims_is_a_key_error_naming_it(three_sources, obj, value):
    # As its docstring says, for an unknown value and an unknown object alike (the object's
    # lookup raised ValueError from tuple.index).
    with pytest.raises(KeyError, match=f"no source claims '{obj}' = '{value}'"):
        three_sources.fact(obj, value)


def test_row_order_and_repeats_do_not_change_the_dataset(three_sources):
    rows = [("s1", "o1", "a"), ("s2", "o1", "a"), ("s3", "o1", "b"), ("s1", "o2", "c")]
    rng = np.random.default_rng(7)
    shuffled = [rows[i] for i in rng.permutation(len(rows))] + rows[:2]
    ds = TruthDataset.from_triples(shuffled)
    assert ds.sources == three_sources.sources
    assert ds.fact_values == three_sources.fact_values
    assert (ds.claims != three_sources.claims).nnz == 0


def test_same_value_of_two_objects_is_two_facts():
    ds = TruthDataset.from_triples([("s", "o1", "x"), ("s", "o2", "x")])
    assert ds.fact_values == ("x", "x")
    assert ds.fact_object.tolist() == [0, 1]


def test_source_groups_and_fact_prior():
    ds = TruthDataset.from_triples(
        [("gov1", "c", "true"), ("gov2", "c", "true"), ("ngo", "c", "false")],
        source_groups={"gov1": "gov", "gov2": "gov"},
        fact_prior={("c", "true"): 3.0},
    )
    groups = ds.source_groups.tolist()
    assert groups[0] == groups[1] != groups[2]
    assert ds.fact_prior.tolist() == [1.0, 3.0]  # facts: (c, false), (c, true)


def test_from_stances_encodes_denials_as_the_false_value_and_drops_hedges():
    ds = TruthDataset.from_stances(
        [("a", "claim", "affirms"), ("b", "claim", "denies"), ("c", "claim", "hedges")]
    )
    assert ds.sources == ("a", "b")
    assert ds.fact_values == (FALSE, TRUE)
    assert ds.claims.toarray().tolist() == [[0, 1], [1, 0]]


def test_from_stances_rejects_unknown_stances():
    with pytest.raises(ValueError, match="unknown stance"):
        TruthDataset.from_stances([("a", "claim", "supports")])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"fact_object": np.array([0, 5])}, "outside objects"),
        ({"fact_object": np.array([0])}, "one object index per fact"),
        ({"claims": sp.csr_array((3, 2))}, "expected"),
        ({"source_groups": np.array([0])}, "one group id per source"),
        ({"fact_prior": np.array([1.0, -1.0])}, "positive"),
    ],
)
def test_constructor_checks_shapes(change, message):
    args = dict(
        sources=("s1", "s2"),
        objects=("o",),
        fact_values=("a", "b"),
        fact_object=np.array([0, 0]),
        claims=sp.csr_array(np.eye(2)),
    )
    args.update(change)
    with pytest.raises(ValueError, match=message):
        TruthDataset(**args)
