"""What kg.validate.validate_graph's docstring promises about its inputs, on both engines:
the graphs passed in are not modified, and the triples of ``known_types`` other than types
only make their subjects declared ``cred:`` terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import CRED
from kg.validate import validate_graph

SMALL_CASE = Path(__file__).parent / "data" / "valid" / "small-case.ttl"
ID = "https://w3id.org/cred-kg/id/"
ENGINES = ["compiled", "pyshacl"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_graphs_passed_in_are_not_modified(engine: str) -> None:
    data = Graph().parse(SMALL_CASE)
    data.add((URIRef(ID + "claim/untexted"), RDF.type, CRED.FactualClaim))  # one violation
    known = Graph()
    known.add((URIRef(ID + "actor/elsewhere"), RDF.type, CRED.Person))
    data_before, known_before = sorted(data), sorted(known)
    assert [v.path for v in validate_graph(data, known_types=known, engine=engine)] == [
        "cred:text"]
    assert sorted(data) == data_before
    assert sorted(known) == known_before
    dataset = Dataset()
    dataset.graph(URIRef(ID + "document/a")).parse(SMALL_CASE)
    quads = sorted(dataset.quads())
    assert validate_graph(dataset, engine=engine) == []
    assert sorted(dataset.quads()) == quads


@pytest.mark.parametrize("engine", ENGINES)
def test_other_triples_of_known_types_declare_their_subjects(engine: str) -> None:
    data = Graph()
    data.add((URIRef(ID + "actor/a"), CRED.madeUpProperty, Literal("x")))
    [undeclared] = validate_graph(data, engine=engine)
    assert undeclared.message.startswith("cred:madeUpProperty is not a property")
    known = Graph()
    known.add((CRED.madeUpProperty, RDFS.label, Literal("declared elsewhere")))
    assert validate_graph(data, known_types=known, engine=engine) == []
