"""Exports write each subject's statements together: one ``rdf:Description`` per subject in
RDF/XML, one block per subject (and graph) in Turtle and TriG, and read back unchanged."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg.rdfio import parse_bytes, serialize
from kg.seed import seed_paths
from kg.store import KnowledgeStore

E = "http://example.org/"


def _q(s: str, p: str, o: str, g: str | None = None) -> ox.Quad:
    graph = ox.NamedNode(E + g) if g else ox.DefaultGraph()
    return ox.Quad(ox.NamedNode(E + s), ox.NamedNode(E + p), ox.Literal(o), graph)


# A subject whose statements are spread over two graphs and interleaved with another's, as a
# store gives them (graph by graph).
SPREAD = [_q("a", "p", "1", "g1"), _q("b", "p", "2", "g1"), _q("a", "q", "3", "g2"),
          _q("b", "q", "4", "g2"), _q("a", "r", "5", "g1")]


def test_rdfxml_has_one_description_per_subject() -> None:
    data = serialize(SPREAD, "rdfxml").decode()
    abouts = re.findall(r'rdf:about="([^"]+)"', data)
    assert abouts == [E + "a", E + "b"]


def test_trig_keeps_graphs_and_groups_within_each() -> None:
    data = serialize(SPREAD, "trig").decode()
    # g1's block lists a's two statements together, before b's.
    assert data.count(f"<{E}a>") == 2  # once in g1, once in g2
    assert set(parse_bytes(serialize(SPREAD, "trig"), "trig", source="<test>")) == set(SPREAD)


@pytest.mark.parametrize("fmt", ["rdfxml", "turtle", "nt", "jsonld"])
def test_the_seed_exported_reads_back_the_same(fmt: str) -> None:
    store = KnowledgeStore()
    store.load(seed_paths())
    triples = {q.triple for q in store.quads()}
    data = store.export(fmt)
    assert {q.triple for q in parse_bytes(data, fmt, source="<test>")} == triples
    if fmt == "rdfxml":
        abouts = re.findall(r'rdf:about="([^"]+)"', data.decode())
        assert len(abouts) == len(set(abouts))
