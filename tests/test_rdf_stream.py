"""The whole of an on-disk store exported as it is read (kg.rdf_stream): the same statements
as the export built whole, each once, a subject's triples together, and nothing held back
until the end."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import kg.store_read
from kg.formats import format_by_name
from kg.namespaces import ANALYSIS_GRAPH, INGEST_GRAPH
from kg.rdf_stream import write_store
from kg.rdf_write import serialize
from kg.store import KnowledgeStore

N = ox.NamedNode
EX = "http://example.org/"
GRAPHS = [ox.DefaultGraph(), N(EX + "doc-1"), N(EX + "doc-2")]
SKIP = {N(ANALYSIS_GRAPH), N(INGEST_GRAPH)}


def _store(path: Path) -> KnowledgeStore:
    """Subjects spread over three graphs; one triple in all three; the analysis graph and
    the ingest records, which an export leaves out, holding triples of the same subjects."""
    store = KnowledgeStore(path)
    quads = [ox.Quad(N(f"{EX}s{s}"), N(f"{EX}p{p}"), ox.Literal(f"{s}-{p}"), graph)
             for s in range(30) for p in range(3) for graph in GRAPHS if (s + p) % 3 != 0
             or graph == GRAPHS[(s + p) % 3]]
    shared = ox.Triple(N(EX + "s1"), N(EX + "shared"), ox.Literal("in every graph"))
    quads += [ox.Quad(*shared, graph) for graph in GRAPHS]
    quads += [ox.Quad(N(f"{EX}s{s}"), N(EX + "score"), ox.Literal(str(s)), graph)
              for s in range(30) for graph in SKIP]
    store.oxigraph.extend(quads)
    return store


def _statements(data: bytes, fmt: str) -> set[Any]:
    parsed = ox.Store()
    parsed.load(data, format=format_by_name(fmt).oxigraph)
    if format_by_name(fmt).named_graphs:
        return set(parsed)
    return {q.triple for q in parsed}


@pytest.mark.parametrize("fmt", ["nt", "turtle", "nquads", "trig", "jsonld"])
def test_streamed_export_holds_what_the_whole_export_holds(tmp_path: Path, fmt: str) -> None:
    with _store(tmp_path / "store") as store:
        whole = serialize((q for q in store.quads() if q.graph_name not in SKIP), fmt)
        streamed = io.BytesIO()
        write_store(store.oxigraph, format_by_name(fmt), streamed, SKIP)
    assert _statements(streamed.getvalue(), fmt) == _statements(whole, fmt)


def test_each_triple_once_and_each_subject_together(tmp_path: Path) -> None:
    with _store(tmp_path / "store") as store:
        streamed = io.BytesIO()
        write_store(store.oxigraph, format_by_name("nt"), streamed, SKIP)
        expected = {q.triple for q in store.quads() if q.graph_name not in SKIP}
    lines = streamed.getvalue().decode().splitlines()
    assert len(lines) == len(set(lines)) == len(expected)  # the shared triple once
    subjects = [line.split(" ", 1)[0] for line in lines]
    runs = [s for i, s in enumerate(subjects) if i == 0 or subjects[i - 1] != s]
    assert len(runs) == len(set(subjects)) == 30
    assert "score" not in streamed.getvalue().decode()


def test_a_disk_store_is_written_as_it_is_read(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole export of a disk store never builds the document (or a list of every quad)
    first: the writer gets its first bytes after a small part of the store was read."""
    with KnowledgeStore(tmp_path / "store") as store:
        store.oxigraph.extend(ox.Quad(N(f"{EX}s{i}"), N(EX + "p"), ox.Literal(str(i)))
                              for i in range(20_000))
        read = 0
        engine = store.oxigraph

        class Counting:
            def __iter__(self) -> Any:
                nonlocal read
                for quad in engine:
                    read += 1
                    yield quad

            def __getattr__(self, name: str) -> Any:
                return getattr(engine, name)

        class FirstWrite(Exception):
            pass

        class Sink:
            def write(self, data: bytes) -> int:
                raise FirstWrite

        monkeypatch.setattr(kg.store_read, "serialize", None)  # the whole-document writer
        monkeypatch.setattr(type(store), "oxigraph", property(lambda _: Counting()))
        with pytest.raises(FirstWrite):
            kg.store_read.export_to(store, "nt", Sink())  # type: ignore[arg-type]
    assert 0 < read < 2_000


def test_rdfxml_is_still_built_whole(tmp_path: Path) -> None:
    """RDF/XML is checked as a whole document before it is given out (kg.rdf_write), so it
    keeps the path that raises before anything is written; it holds the same statements."""
    with _store(tmp_path / "store") as store:
        output = io.BytesIO()
        kg.store_read.export_to(store, "rdfxml", output)
        expected = {q.triple for q in store.quads() if q.graph_name not in SKIP}
    assert _statements(output.getvalue(), "rdfxml") == expected
