"""Root pytest configuration: fixtures shared by several test folders, and collection rules.

``--doctest-modules`` would also import every ``conftest.py`` as a module to look for docstring
examples; two of them (tests/api, tests/viz, ...) share the module name ``conftest`` and clash
when several test folders are named on the command line. They hold no examples, so they are
left out of doctest collection (they still load as conftest plugins).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest

collect_ignore_glob = ["tests/**/conftest.py"]


@contextmanager
def _live_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free 127.0.0.1 port, in a thread; yield its base URL."""
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    # Start-up loads and analyses the data; on a busy 2-core machine that can take a while.
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="session")
def live_server() -> Callable[[Any], AbstractContextManager[str]]:
    """``with live_server(app) as url:``: a real uvicorn server on 127.0.0.1 (tests/api and
    tests/browser both use it)."""
    return _live_server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _oxigraph_command() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


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


@contextmanager
def oxigraph_serve(*options: str) -> Iterator[str]:
    """``with oxigraph_serve("--union-default-graph") as url:``: an ``oxigraph serve`` on a
    free 127.0.0.1 port with a temporary directory, given ``options``; its query URL. Skips the
    test if the ``oxigraph`` command is not installed."""
    command = _oxigraph_command()
    if command is None:
        pytest.skip("the `oxigraph` command is not installed (pip install -e '.[test]')")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="kg-oxigraph-") as folder:
        process = subprocess.Popen(
            [command, "serve", "--location", folder, "--bind", f"127.0.0.1:{port}", *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}/query"
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def oxigraph_server() -> Callable[..., AbstractContextManager[str]]:
    """``with oxigraph_server(*options) as url:``: :func:`oxigraph_serve`, for tests that need
    a server of their own, started with other options."""
    return oxigraph_serve


@pytest.fixture(scope="session")
def oxigraph_endpoint() -> Iterator[str]:
    """The query URL of an ``oxigraph serve`` (tests/backends and tests/ingest): the one
    ``.ci/run`` started and named in ``KG_TEST_SPARQL_ENDPOINT``, or else one started here
    (:func:`oxigraph_serve`), so the plain ``pytest`` covers it too."""
    given = os.environ.get("KG_TEST_SPARQL_ENDPOINT")
    if given:
        yield given
        return
    with oxigraph_serve("--union-default-graph", "--timeout-s", "30") as url:
        yield url


@pytest.fixture
def bulk_store(oxigraph_endpoint: str) -> Iterator[Any]:
    """An empty remote store on ``oxigraph serve`` whose bulk URL is its bulk loader
    (``/store?no_transaction``)."""
    from kg.backends import open_store

    url = oxigraph_endpoint.removesuffix("/query") + "/store?no_transaction"
    store = open_store(oxigraph_endpoint, bulk_url=url)
    store.clear()
    try:
        yield store
    finally:
        store.close()
