"""Fixtures for the query service: apps built from their own stores, and a live server.

The seed case is loaded (and SHACL-checked) once per session into an on-disk store; every app
gets a copy of that directory, so that tests that write never see each other's data.
"""

from __future__ import annotations

import shutil
import socket
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

# Starlette 1.x announces a move of its test client to httpx2; the client works as it is.
warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from kg.seed import seed_paths  # noqa: E402
from kg.store import KnowledgeStore  # noqa: E402

DATA = Path(__file__).parent / "data"
TOKEN = "test-token-7f3a9c"


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the seed case, built once."""
    path = tmp_path_factory.mktemp("seed") / "store"
    with KnowledgeStore(path) as store:
        store.load(seed_paths())
    return path


@pytest.fixture
def make_store(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[Callable[..., KnowledgeStore]]:
    """``make_store(*files)``: a fresh copy of the seed store, plus ``files`` loaded."""
    opened: list[KnowledgeStore] = []

    def make(*files: Path) -> KnowledgeStore:
        path = tmp_path_factory.mktemp("copy") / "store"
        shutil.copytree(seed_store_dir, path)
        store = KnowledgeStore(path)
        if files:
            store.load(list(files))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def settings(**overrides: Any) -> Settings:
    """Test settings: few workers, a short timeout; the rest as in production."""
    values: dict[str, Any] = {"query_workers": 2, "query_timeout": 5.0}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def make_client(make_store: Callable[..., KnowledgeStore]
                ) -> Iterator[Callable[..., TestClient]]:
    """``make_client(files=(), **settings)``: a started TestClient on a fresh seed store."""
    clients: list[TestClient] = []

    def make(files: tuple[Path, ...] = (), app: FastAPI | None = None,
             **overrides: Any) -> TestClient:
        app = app or create_app(settings(**overrides), store=make_store(*files))
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture(scope="module")
def client(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[TestClient]:
    """A read-only service on the seed case, shared by a module's tests."""
    path = tmp_path_factory.mktemp("module") / "store"
    shutil.copytree(seed_store_dir, path)
    with KnowledgeStore(path) as store, \
            TestClient(create_app(settings(), store=store),
                       raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def guarded_client(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[TestClient]:
    """A service with writes on and the token set, shared by a module's tests that must not
    change its data (rejected writes); the client sends no token by itself."""
    path = tmp_path_factory.mktemp("guarded") / "store"
    shutil.copytree(seed_store_dir, path)
    app = create_app(settings(writes_enabled=True, write_token=TOKEN), store=KnowledgeStore(path))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.state.kg.store.close()


@pytest.fixture
def make_server(
    make_store: Callable[..., KnowledgeStore], live_server: Callable[[Any], Any]
) -> Iterator[Callable[..., str]]:
    """``make_server(**settings)``: a live server on a fresh seed store; returns its URL."""
    with ExitStack() as stack:
        def make(**overrides: Any) -> str:
            app = create_app(settings(**overrides), store=make_store())
            return stack.enter_context(live_server(app))

        yield make


@pytest.fixture
def token() -> str:
    """The write token of the apps that enable writes."""
    return TOKEN


@pytest.fixture
def make_settings() -> Callable[..., Settings]:
    """:func:`settings`, for tests that build their own app."""
    return settings


@pytest.fixture(scope="module")
def server(
    seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory,
    live_server: Callable[[Any], Any],
) -> Iterator[str]:
    """A live server on the seed case with a 1 s query timeout; yields its base URL."""
    path = tmp_path_factory.mktemp("live") / "store"
    shutil.copytree(seed_store_dir, path)
    with KnowledgeStore(path) as store, \
            live_server(create_app(settings(query_timeout=1.0), store=store)) as url:
        yield url


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = int(self.sock.getsockname()[1])
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(0.5)
                try:
                    self.connections.append(conn.recv(4096) or b"<connected>")
                except OSError:
                    self.connections.append(b"<connected>")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    """A TCP listener on 127.0.0.1: assert that ``listener.connections`` stays empty."""
    item = Listener()
    yield item
    item.close()
