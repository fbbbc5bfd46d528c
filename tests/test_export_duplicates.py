"""No statement is written twice, in any format.

Triple formats (Turtle, N-Triples, RDF/XML) flatten the graphs: a triple that two graphs hold
is written once. Quad formats (TriG, N-Quads, JSON-LD) keep the graphs: it is written once in
each, since each graph (a source document's) says it, and loading the export gives the store
back. A quad given twice was written twice in the quad formats (TriG: ``"o" , "o"``); a store
never holds one twice, but :func:`kg.rdfio.serialize` takes any list.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.rdfio import parse_bytes, serialize
from kg.store import KnowledgeStore

S, P = ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p")
G1, G2 = ox.NamedNode("https://e.org/g1"), ox.NamedNode("https://e.org/g2")
IN_G1 = ox.Quad(S, P, ox.Literal("o"), G1)
IN_G2 = ox.Quad(S, P, ox.Literal("o"), G2)


def _statements(document: bytes, fmt: str) -> int:
    """How many statements the document writes (not how many distinct ones it means)."""
    if fmt in ("nquads", "nt"):
        return len(document.splitlines())
    if fmt == "jsonld":
        return json.dumps(json.loads(document)).count('"@value"')
    # Turtle and TriG: each object of the subject's one predicate, comma-separated.
    return document.count(b'"o"')


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld", "nt", "turtle"])
def test_a_quad_given_twice_is_written_once(fmt: str) -> None:
    document = serialize([IN_G1, IN_G1], fmt)
    assert _statements(document, fmt) == 1
    assert len(parse_bytes(document, fmt, source="export")) == 1


@pytest.mark.parametrize(("fmt", "written"), [
    ("nquads", 2), ("trig", 2), ("jsonld", 2), ("nt", 1), ("turtle", 1),
])
def test_a_triple_in_two_graphs(fmt: str, written: int) -> None:
    """Once per graph in a quad format, once in a triple format; either way the export loads
    back as the store's statements (the graphs merged in a triple format)."""
    store = KnowledgeStore()
    store.oxigraph.extend([IN_G1, IN_G2])
    document = store.export(fmt)
    assert _statements(document, fmt) == written
    again = KnowledgeStore()
    again.load_bytes(document, fmt, source="export", validate=False)
    expected = {IN_G1, IN_G2} if written == 2 else {ox.Quad(S, P, ox.Literal("o"))}
    assert set(again.quads()) == expected
