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

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _backends import BACKENDS, ENDPOINT_VARIABLE, open_backend

from kg.seed import seed_paths
from kg.store import KnowledgeStore


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _oxigraph_command() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_endpoint() -> Iterator[str]:
    """The query URL of an ``oxigraph serve`` (the one CI started, or our own)."""
    given = os.environ.get(ENDPOINT_VARIABLE)
    if given:
        yield given
        return
    command = _oxigraph_command()
    if command is None:
        pytest.skip("the `oxigraph` command is not installed (pip install -e '.[test]')")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="kg-oxigraph-") as folder:
        process = subprocess.Popen(
            [
                command,
                "serve",
                "--location",
                folder,
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
                "--timeout-s",
                "30",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}/query"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_for_port(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("oxigraph serve exited at start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph serve did not start listening")


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
