"""``kg load --replace`` (and ``KnowledgeStore.load(replace=True)``) of RDF in the default graph.

A replacing load empties the named graphs a file writes. The default graph is every file's, so it
cannot be emptied for one: a file with triples there is refused before anything is written,
naming the file, rather than adding its triples beside its old version's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.errors import InputError
from kg.store import KnowledgeStore

runner = CliRunner()
TRIPLE = '<https://e.org/s> <https://e.org/p> "{value}" .\n'
QUAD = '<https://e.org/s> <https://e.org/p> "{value}" <https://e.org/g> .\n'


def test_kg_load_replace_refuses_a_default_graph_file_and_loads_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    data = tmp_path / "a.nt"
    data.write_text(TRIPLE.format(value="old"))
    first = runner.invoke(app, ["load", "--no-seed", "--store", str(store), str(data)])
    assert first.exit_code == 0
    data.write_text(TRIPLE.format(value="new"))

    result = runner.invoke(app, ["load", "--no-seed", "--replace", "--store", str(store),
                                 str(data)])

    assert result.exit_code == 1
    assert "a.nt" in result.stderr and "default graph" in result.stderr
    assert "nothing was loaded" in result.stderr
    with KnowledgeStore(store) as opened:
        values = {q.object.value for q in opened.oxigraph}
    assert values == {"old"}


def test_replace_refuses_before_writing_any_file_of_the_load(tmp_path: Path) -> None:
    named = tmp_path / "named.nq"
    named.write_text(QUAD.format(value="1"))
    plain = tmp_path / "plain.ttl"
    plain.write_text(TRIPLE.format(value="2"))
    store = KnowledgeStore()

    with pytest.raises(InputError) as raised:
        store.load([named, plain], replace=True, validate=False)

    assert raised.value.location.source.endswith("plain.ttl")
    assert raised.value.term == "replace"
    assert len(store) == 0


def test_replace_of_named_graphs_still_replaces(tmp_path: Path) -> None:
    data = tmp_path / "named.nq"
    data.write_text(QUAD.format(value="old"))
    store = KnowledgeStore()
    store.load([data], validate=False)
    data.write_text(QUAD.format(value="new"))

    store.load([data], replace=True, validate=False)

    assert {q.object.value for q in store.oxigraph} == {"new"}
