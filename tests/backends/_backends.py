"""The backends the suite runs on, and how to open an empty store of each (see conftest.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.backends import open_store
from kg.store import KnowledgeStore

BACKENDS = ("memory", "disk", "oxigraph-server", "virtuoso")
ENDPOINT_VARIABLE = "KG_TEST_SPARQL_ENDPOINT"
VIRTUOSO_VARIABLE = "KG_TEST_VIRTUOSO"


def _endpoint(request: pytest.FixtureRequest, backend: str) -> str:
    if backend == "oxigraph-server":
        return str(request.getfixturevalue("oxigraph_endpoint"))
    url = os.environ.get(VIRTUOSO_VARIABLE)
    if not url:
        pytest.skip(
            f"Virtuoso: set {VIRTUOSO_VARIABLE} to its SPARQL endpoint to test it "
            "(.ci/run does when virtuoso-t is installed)"
        )
    return url


@contextmanager
def open_backend(
    request: pytest.FixtureRequest, backend: str, folder: Path
) -> Iterator[KnowledgeStore]:
    """An empty store of the named backend."""
    if backend == "memory":
        store = open_store("memory")
    elif backend == "disk":
        store = open_store(folder / "store")
    else:
        store = open_store(_endpoint(request, backend))
        store.clear()
    try:
        yield store
    finally:
        store.close()
