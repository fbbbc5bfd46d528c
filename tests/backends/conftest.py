"""One suite, every store backend: the ``store`` fixture is parametrised over them.

- ``memory`` and ``disk``: embedded Oxigraph;
- ``oxigraph-server``: a SPARQL 1.1 endpoint, ``oxigraph serve`` from the PyPI package
  ``oxigraph`` (the ``test`` extra). ``.ci/run`` starts one and names it in
  ``KG_TEST_SPARQL_ENDPOINT``; without that variable the fixture starts its own on a free
  127.0.0.1 port with a temporary directory, so the plain ``pytest`` covers it too;
- ``virtuoso``: only when ``KG_TEST_VIRTUOSO`` names a Virtuoso SPARQL endpoint whose
  ``SPARQL`` user may update (``.ci/run`` starts one when ``virtuoso-t`` is installed);
  otherwise skipped, saying so.

A remote store is emptied (the graphs it wrote are dropped) before each test that opens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _backends import BACKENDS, open_backend

from kg.seed import seed_paths
from kg.store import KnowledgeStore


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeStore]:
    """An empty store, once per backend."""
    with open_backend(request, request.param, tmp_path) as opened:
        yield opened


@pytest.fixture
def seeded(store: KnowledgeStore) -> KnowledgeStore:
    """The ``store`` fixture with the seed case loaded (validated)."""
    store.load(seed_paths())
    return store


@pytest.fixture(scope="session")
def reference() -> Iterator[KnowledgeStore]:
    """The seed case in an embedded in-memory store: what every backend must match."""
    with KnowledgeStore() as store:
        store.load(seed_paths())
        yield store
