"""Fixtures of the hostile-input catalogue: a listener that must hear nothing, and one target
per entry point (a store in memory, an on-disk store for ``kg load``, a running service)."""

from __future__ import annotations

import shutil
import socket
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from kg.seed import seed_paths  # noqa: E402
from kg.store import KnowledgeStore  # noqa: E402

TOKEN = "hostile-operator-token-5b1e0c9d"
#: The query timeout of the catalogue's service: cartesian products must stop here.
QUERY_TIMEOUT = 1.5
#: The extraction deadline while the catalogue runs (the service's default is 60 s).
EXTRACT_TIMEOUT = 3.0


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection, with the case that was
    running when it came (``current``)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.05)
        self.port = int(self.sock.getsockname()[1])
        self.current = ""
        self.connections: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            # Recorded before reading anything: the connection itself is the failure.
            self.connections.append(self.current)
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture(scope="session")
def listener() -> Iterator[Listener]:
    item = Listener()
    yield item
    item.close()


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the seed case, built once."""
    path = tmp_path_factory.mktemp("hostile-seed") / "store"
    with KnowledgeStore(path) as store:
        store.load(seed_paths())
    return path


@pytest.fixture(scope="session")
def memory_store() -> Iterator[KnowledgeStore]:
    """The target of KnowledgeStore.load: the seed case, in memory."""
    store = KnowledgeStore()
    store.load(seed_paths())
    yield store
    store.close()


@pytest.fixture(scope="session")
def cli_store(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The target of ``kg load --store``: a copy of the seed store."""
    path = tmp_path_factory.mktemp("hostile-cli") / "store"
    shutil.copytree(seed_dir, path)
    return path


@pytest.fixture(scope="module")
def service(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The service, writes on (with :data:`TOKEN`), a 1.5 s query timeout, a 3 s extraction
    deadline (patched for this module only); the client sends no token by itself."""
    import api.routers.extract as extract_router

    path = tmp_path_factory.mktemp("hostile-api") / "store"
    shutil.copytree(seed_dir, path)
    store = KnowledgeStore(path)
    app = create_app(Settings(query_workers=2, query_timeout=QUERY_TIMEOUT,
                              writes_enabled=True, write_token=TOKEN), store=store)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract_router, "EXTRACT_TIMEOUT", EXTRACT_TIMEOUT)
        with TestClient(app, raise_server_exceptions=False) as client:
            yield client
    store.close()
