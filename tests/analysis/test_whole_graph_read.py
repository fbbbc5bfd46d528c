"""The reader of the whole graph scans one predicate at a time and joins in Python
(:func:`kg.analysis.extract.read_case_graph`); its records must be the ones the joined queries
give (:func:`kg.analysis.extract._read_statements` and ``_read_evidence`` without a
restriction), on raw data the shapes would refuse as well as on valid data."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from random_cases import as_iris, random_case, store_of_case

from kg.analysis.extract import (
    _Hierarchy,
    _read_evidence,
    _read_statements,
    read_case_graph,
)
from kg.analysis.model import SourceDocument
from kg.namespaces import CRED

SIZES = [
    {"actors": 8, "claims": 6, "statements": 20, "evidence": 4},
    {"actors": 30, "claims": 25, "statements": 120, "evidence": 15},
]
EX = "https://example.org/odd/"
DATE = "http://purl.org/dc/terms/date"
DESCRIPTION = "http://purl.org/dc/terms/description"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TITLE = "http://purl.org/dc/terms/title"
URL = "https://schema.org/url"


def _add_oddities(store: ox.Store, statement: str, claim: str, actor: str) -> None:
    """What the random graphs lack and a join could treat differently from a scan."""

    def add(s: str, p: str, o: ox.NamedNode | ox.Literal, graph: str | None = None) -> None:
        g = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, g))

    iri, lit = ox.NamedNode, ox.Literal
    # A relay with two positions and two cues; two relay nodes alike; one in two graphs.
    for node in (f"{EX}relay-a", f"{EX}relay-b"):
        add(node, str(CRED.relays), iri(statement))
        add(node, str(CRED.reportedBy), iri(f"{EX}outlet"))
    add(f"{EX}relay-a", str(CRED.relayPosition), lit("1"))
    add(f"{EX}relay-a", str(CRED.relayPosition), lit("2"))
    add(f"{EX}relay-a", str(CRED.relayCue), lit("told"))
    add(f"{EX}relay-a", str(CRED.relayCue), lit("according to"))
    add(f"{EX}relay-a", str(CRED.relayCue), lit("told"), f"{EX}graph")
    # A statement with two dates, two quotes and two verbs; a date on something else.
    for value in ("2024-10-02", "2024-10-01"):
        add(statement, DATE, lit(value))
        add(statement, str(CRED.quote), lit(f"said on {value}"))
        add(statement, str(CRED.reportingVerb), lit(f"verb {value}"))
    add(claim, DATE, lit("1999-01-01"))
    # Evidence: named by a description only; with two dates; typed and dated but linked to
    # nothing (so its label and date are not read); only cited.
    add(f"{EX}described", str(CRED.supports), iri(claim))
    add(f"{EX}described", DESCRIPTION, lit("b description"))
    add(f"{EX}described", DESCRIPTION, lit("a description"))
    add(f"{EX}described", DATE, lit("2024-02-02"))
    add(f"{EX}described", DATE, lit("2024-01-01"))
    add(f"{EX}described", str(CRED.producedBy), iri(actor), f"{EX}graph")
    add(f"{EX}typed-only", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        iri(str(CRED.SatelliteImagery)))
    add(f"{EX}typed-only", LABEL, lit("Not read"))
    add(f"{EX}typed-only", DATE, lit("2024-03-03"))
    add(f"{EX}cited", str(CRED.citedBy), iri(actor))
    add(f"{EX}cited", str(CRED.disputes), iri(claim))
    # Documents: the statement in two (the first in IRI order counts), whose publisher has two
    # labels and whose title is in two graphs; the other names an unlabelled publisher; a
    # comment request in a document is no statement.
    add(statement, str(CRED.inDocument), iri(f"{EX}doc-b"))
    add(statement, str(CRED.inDocument), iri(f"{EX}doc-a"), f"{EX}graph")
    add(f"{EX}doc-a", TITLE, lit("Article A"))
    add(f"{EX}doc-a", TITLE, lit("Article A"), f"{EX}graph")
    add(f"{EX}doc-a", str(CRED.publishedBy), iri(f"{EX}outlet"))
    add(f"{EX}outlet", LABEL, lit("Outlet Z"))
    add(f"{EX}outlet", LABEL, lit("Outlet A"))
    add(f"{EX}doc-a", DATE, lit("2024-10-03"))
    add(f"{EX}doc-a", URL, lit("https://example.org/a"))
    add(f"{EX}doc-b", TITLE, lit("Article B"))
    add(f"{EX}doc-b", str(CRED.publishedBy), iri(f"{EX}unlabelled-outlet"))
    add(f"{EX}request", str(CRED.inDocument), iri(f"{EX}doc-b"))
    add(f"{EX}in-doc-b", str(CRED.statedBy), iri(actor))
    add(f"{EX}in-doc-b", str(CRED.about), iri(claim))
    add(f"{EX}in-doc-b", str(CRED.stance), iri(str(CRED.Affirms)))
    add(f"{EX}in-doc-b", str(CRED.inDocument), iri(f"{EX}doc-b"))


@pytest.mark.parametrize("one_graph", [False, True], ids=["repeating-graphs", "one-graph"])
@pytest.mark.parametrize("seed", range(8))
def test_the_whole_graph_is_read_as_the_joined_queries_read_it(seed, one_graph):
    case = random_case(seed, **SIZES[seed % len(SIZES)])
    store = store_of_case(case, seed, one_graph=one_graph)
    first = as_iris(case).statements[0]
    _add_oddities(store, first.iri, first.claim, first.actor)

    whole = read_case_graph(store)

    assert whole.statements == _read_statements(store)
    hierarchy = _Hierarchy(store)
    kinds = hierarchy.subclasses_of(str(CRED.Evidence))
    assert whole.evidence == _read_evidence(store, kinds, hierarchy)
    # The oddities are there, so the comparison covered them.
    odd = next(s for s in whole.statements if s.iri == first.iri and s.actor == first.actor)
    assert odd.date == "2024-10-01"
    assert odd.document == SourceDocument(f"{EX}doc-a", "Article A", f"{EX}outlet", "Outlet A",
                                          "2024-10-03", "https://example.org/a")
    (in_b,) = [s for s in whole.statements if s.iri == f"{EX}in-doc-b"]
    assert in_b.document == SourceDocument(f"{EX}doc-b", "Article B", f"{EX}unlabelled-outlet",
                                           "unlabelled-outlet")
    assert sum(r.outlet == f"{EX}outlet" for r in odd.relays) == 1 + 2 * 2
    evidence = {e.iri: e for e in whole.evidence}
    assert evidence[f"{EX}described"].label == "a description"
    assert evidence[f"{EX}described"].date == "2024-01-01"
    assert evidence[f"{EX}typed-only"].label == "typed-only"
    assert evidence[f"{EX}typed-only"].date is None
    assert evidence[f"{EX}cited"].cited_by == (first.actor,)


def test_the_collector_is_resumed_after_the_read_even_when_it_fails() -> None:
    import gc

    class Broken:
        def query(self, sparql: str) -> object:
            raise OSError("the store went away")

    store = store_of_case(random_case(0, **SIZES[0]))
    assert gc.isenabled()
    read_case_graph(store)
    assert gc.isenabled()
    with pytest.raises(OSError):
        read_case_graph(Broken())
    assert gc.isenabled()
    gc.disable()
    try:
        read_case_graph(store)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
