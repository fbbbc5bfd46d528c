"""Small hand-made files for the ingest tests, with answers worked out by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.ingest import INGEST_GRAPH
from kg.store import KnowledgeStore

E = "https://e.org/"


def nt_lines(count: int, *, blank_every: int = 0) -> list[str]:
    """``count`` N-Triples lines; with ``blank_every``, every so many lines refer to ``_:x``,
    one blank node shared by the whole file."""
    lines = []
    for n in range(count):
        if blank_every and n % blank_every == 0:
            lines.append(f"<{E}s{n}> <{E}p> _:x .\n")
        else:
            lines.append(f'<{E}s{n}> <{E}p> "{n}" .\n')
    return lines


def data_quads(store: KnowledgeStore) -> set[str]:
    """The store's quads outside the ingest's bookkeeping graph, as N-Quads lines."""
    bookkeeping = ox.NamedNode(INGEST_GRAPH)
    return {str(q) for q in store.quads() if q.graph_name != bookkeeping}


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(name: str, text: str | list[str]) -> Path:
        path = tmp_path / name
        path.write_text(text if isinstance(text, str) else "".join(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture(params=["memory", "disk", "remote"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeStore]:
    """An empty store of each backend (kg.backends.open_store)."""
    from kg.backends import open_store

    if request.param == "remote":
        store = open_store(request.getfixturevalue("oxigraph_endpoint"))
        store.clear()
    else:
        store = open_store("memory" if request.param == "memory" else tmp_path / "store")
    try:
        yield store
    finally:
        store.close()
