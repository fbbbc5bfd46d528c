"""Determinism: the analysis does not depend on the order the data comes in.

Both worked cases are loaded into one store three times, each time with the case files' lists
(actors, claims, statements, evidence, overrides) shuffled and the quads inserted in a shuffled
order and in chunks of random size. The whole ``to_dict()``, trust numbers included, must be
identical to the one from the files as written.
"""

from __future__ import annotations

import json
import random

import pyoxigraph as ox
import pytest
import yaml

from kg.analysis import analyse
from kg.authoring import compile_case_text
from kg.convert import from_rdflib_graph

SECTIONS = ("actors", "claims", "statements", "evidence", "independence", "comment_requests")


def shuffled_case(text: str, rng: random.Random) -> str:
    """The case file with every list of records in another order (same records)."""
    doc = yaml.safe_load(text)
    for section in SECTIONS:
        if section in doc:
            rng.shuffle(doc[section])
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000)


def load(texts: list[str], rng: random.Random) -> ox.Store:
    """A store with the compiled cases, quads inserted in random order and chunks."""
    quads = []
    for text in texts:
        case = compile_case_text(text)
        quads.extend(from_rdflib_graph(case.graph, case.graph_name))
    store = ox.Store()
    rng.shuffle(quads)
    while quads:
        size = rng.randint(1, 200)
        store.extend(quads[:size])
        quads = quads[size:]
    return store


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_load_order_does_not_change_the_analysis(case_texts, both_cases, seed):
    rng = random.Random(seed)
    order = [shuffled_case(t, rng) for t in case_texts]
    rng.shuffle(order)
    # The records really are in another order.
    written = {d["document"]["id"]: d for d in map(yaml.safe_load, case_texts)}
    for doc in map(yaml.safe_load, order):
        assert doc["statements"] != written[doc["document"]["id"]]["statements"]
        assert sorted(map(str, doc["statements"])) == sorted(
            map(str, written[doc["document"]["id"]]["statements"]))
    result = analyse(load(order, rng)).to_dict()
    assert json.dumps(result, sort_keys=True) == json.dumps(both_cases, sort_keys=True)
    assert result == both_cases  # list orders too, not only the content


def test_baseline_is_a_real_analysis(both_cases):
    # Guard against comparing two empty results: both cases are in, with trust numbers.
    ids = {c["id"] for c in both_cases["claims"]}
    assert {"nk-troops-in-russia", "fire-runoff-polluted-harbour"} <= ids
    assert len(both_cases["claims"]) == 27 + 10
    trusts = [a["reliability"]["trust"] for a in both_cases["actors"]]
    assert any(t is not None and 0 < t < 1 for t in trusts)
