"""kg.rdf_terms: rdflib's Node narrowed to terms, refusing what is not one."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.graph import QuotedGraph
from rdflib.namespace import XSD

from kg.rdf_terms import literal, sorted_terms, term


def test_sorted_terms_orders_as_rdflib_sorts() -> None:
    nodes = [Literal("a"), URIRef("urn:b"), BNode("z"), URIRef("urn:a"), Literal(1)]
    assert sorted_terms(nodes) == sorted(nodes)


def test_a_formula_is_not_a_term() -> None:
    formula = QuotedGraph("default", URIRef("urn:formula"))
    with pytest.raises(TypeError, match="an RDF term was expected"):
        term(formula)
    with pytest.raises(TypeError, match="an RDF term was expected"):
        sorted_terms([URIRef("urn:a"), formula])


def test_literal_refuses_an_iri() -> None:
    assert int(literal(Literal("3", datatype=XSD.integer))) == 3
    with pytest.raises(TypeError, match="a literal was expected"):
        literal(URIRef("urn:a"))
