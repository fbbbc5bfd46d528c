"""``KnowledgeStore.load(replace=True)`` of TriG with a graph named by a blank node.

A replacing load empties the named graphs a file writes, by IRI, and writes the file in one
SPARQL update. A blank node names no graph it could empty, and SPARQL cannot write one: such
a file is refused as a default-graph file is (tests/cli/test_load_replace_default_graph.py),
not failed half way with the update's own syntax error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.store import KnowledgeStore

TRIG = ('<https://e.org/g> { <https://e.org/s> <https://e.org/p> "1" . }\n'
        '_:g { <https://e.org/s> <https://e.org/p> "2" . }\n')


def test_replace_refuses_a_blank_node_graph_and_loads_nothing(tmp_path: Path) -> None:
    data = tmp_path / "a.trig"
    data.write_text(TRIG)
    store = KnowledgeStore()

    with pytest.raises(InputError) as raised:
        store.load([data], replace=True, validate=False)

    assert raised.value.location.source.endswith("a.trig")
    assert raised.value.term == "replace"
    assert "1 of its triples are in graphs named by blank nodes" in str(raised.value)
    assert len(store) == 0


def test_the_same_file_loads_without_replace(tmp_path: Path) -> None:
    data = tmp_path / "a.trig"
    data.write_text(TRIG)
    store = KnowledgeStore()

    store.load([data], validate=False)

    assert sorted(q.object.value for q in store.oxigraph) == ["1", "2"]
