"""kg.convert refuses, as the other terms it cannot convert, a graph whose subject or predicate
RDF does not allow there (rdflib holds generalized RDF): an input error, not a TypeError."""

from __future__ import annotations

import pytest
import rdflib

from kg.convert import from_rdflib_graph
from kg.errors import UnsupportedFormatError

IRI = rdflib.URIRef("https://e.org/x")


@pytest.mark.parametrize(
    ("triple", "named"),
    [
        ((rdflib.Literal("a"), IRI, IRI), "literal"),
        ((IRI, rdflib.BNode("p"), IRI), "predicate"),
        ((IRI, rdflib.Literal("p"), IRI), "predicate"),
    ],
)
def test_a_term_out_of_place_is_an_unsupported_format_error(
    triple: tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node], named: str
) -> None:
    graph = rdflib.Graph()
    graph.add(triple)
    with pytest.raises(UnsupportedFormatError, match=named):
        from_rdflib_graph(graph)
