"""The catalogue (every actor, claim and evidence record, no statement) is what the whole-graph
reader gives for them, is read without touching the statements, and serves explanations."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from random_cases import random_case, store_of_case

from kg.analysis import analyse
from kg.analysis.catalogue import Catalogue, CatalogueDetails, read_catalogue
from kg.analysis.extract import read_case_graph
from kg.analysis.reference import reference_assessments
from kg.analysis.store_columns import read_case_columns
from kg.seed import seed_paths
from kg.store import KnowledgeStore

SIZES = [
    {"actors": 8, "claims": 6, "statements": 20, "evidence": 4},
    {"actors": 30, "claims": 25, "statements": 120, "evidence": 15},
    {"actors": 60, "claims": 80, "statements": 400, "evidence": 40, "chain": 30},
]


class CountingStore:
    """A pyoxigraph store that records the text of every query it answers."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.queries: list[str] = []

    def query(self, sparql: str) -> object:
        self.queries.append(sparql)
        return self.store.query(sparql, use_default_graph_as_union=True)


def _as_case_reads_them(store: object) -> Catalogue:
    return Catalogue.of(read_case_graph(store))


@pytest.mark.parametrize("one_graph", [False, True], ids=["repeating-graphs", "one-graph"])
@pytest.mark.parametrize("seed", range(12))
def test_the_catalogue_is_what_the_whole_graph_reader_gives(seed, one_graph):
    # Raw data (store_of_case): untyped actors and outlets, an implicit affiliation, evidence
    # only cited or only typed, contradiction stated one way, triples repeated over graphs.
    store = store_of_case(random_case(seed, **SIZES[seed % len(SIZES)]), seed,
                          one_graph=one_graph)
    got = read_catalogue(store, read_case_columns(store))
    expected = _as_case_reads_them(store)
    assert got.actors == expected.actors  # in IRI order (the reader adds implicit ones last)
    assert list(got.actors) == sorted(got.actors)
    assert got.claims == expected.claims
    assert list(got.claims) == list(expected.claims)
    assert got.evidence == expected.evidence


def test_the_seed_catalogue_is_what_the_whole_graph_reader_gives():
    with KnowledgeStore() as store:
        store.load(seed_paths())
        got = read_catalogue(store, read_case_columns(store))
        expected = _as_case_reads_them(store)
    assert (got.actors, got.claims, got.evidence) == (
        expected.actors, expected.claims, expected.evidence)
    texts = {iri.rsplit("/", 1)[-1]: c.text for iri, c in got.claims.items()}
    assert "North Korea" in texts["nk-troops-in-russia"]
    assert {e.iri.rsplit("/", 1)[-1] for e in got.evidence} >= {"nis-satellite-images"}


def test_the_catalogue_reads_no_statement():
    store = CountingStore(store_of_case(random_case(4, **SIZES[1]), 4))
    columns = read_case_columns(store)
    store.queries.clear()
    read_catalogue(store, columns)
    assert store.queries
    for name in ("statedBy", "cred:about", "cred:stance", "cred:quote", "cred:relays"):
        assert not any(name in q for q in store.queries), name


@pytest.mark.parametrize("seed", range(6))
def test_explanations_after_the_catalogue_equal_the_reference(seed):
    # A store read lazily: once the catalogue is read, explanations take their actors, claims
    # and evidence from it and only statements from the store, with the same result.
    store = store_of_case(random_case(seed, **SIZES[seed % len(SIZES)]), seed)
    k = 1 + seed % 3
    ref_claims, ref_actors, _ = reference_assessments(read_case_graph(store), min_groups=k,
                                                      method="voting")
    analysis = analyse(CountingStore(store), min_groups=k, method="voting")
    catalogue = analysis.catalogue
    assert isinstance(analysis.details, CatalogueDetails)
    assert analysis.details.catalogue is catalogue
    for iri, expected in ref_claims.items():
        assert analysis.claims[iri] == expected, iri
    for iri, expected in ref_actors.items():
        assert analysis.actors[iri] == expected, iri
    assert {g.id for g in analysis.groups.groups.values()} == {
        a.group.id for a in ref_actors.values()}


@pytest.mark.parametrize("first", ["case", "every explanation"])
def test_the_catalogue_of_a_case_already_read_is_its_records(first):
    store = CountingStore(store_of_case(random_case(1, **SIZES[0]), 1))
    analysis = analyse(store, method="voting")
    if first == "case":
        _ = analysis.case
    else:
        analysis.claims.values()  # reads the whole graph's records
    case = analysis.case
    asked = len(store.queries)
    catalogue = analysis.catalogue
    assert len(store.queries) == asked  # nothing read again
    assert catalogue.actors is case.actors
    assert catalogue.claims is case.claims
    assert catalogue.evidence is case.evidence
