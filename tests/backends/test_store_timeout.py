"""A remote store that stops answering: every command ends at the store timeout
(``KG_STORE_TIMEOUT``, ``kg serve --store-timeout``) with an error naming the endpoint and the
setting, instead of waiting forever. The endpoint here is a socket that accepts connections
and never answers (what ``kill -STOP`` on the server gives)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.backends import DEFAULT_TIMEOUT, default_timeout, open_store
from kg.errors import StoreError

runner = CliRunner()
PORT_FIRE = Path(__file__).resolve().parents[1] / "data" / "cases" / "port-fire.yaml"


@pytest.fixture
def silent() -> Iterator[str]:
    """The URL of an endpoint that accepts connections, reads the request and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            held.append(conn)  # kept open, never answered

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/query"
    stop.set()
    server.close()
    for conn in held:
        conn.close()


def test_open_store_stops_at_the_timeout(silent: str) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError) as raised:
        open_store(silent, timeout=0.5)
    assert time.monotonic() - started < 5
    message = str(raised.value)
    assert silent in message and "0.5 s" in message and "KG_STORE_TIMEOUT" in message


@pytest.mark.parametrize(
    "command",
    [["stats"], ["corroborate"], ["load", str(PORT_FIRE)], ["ingest", str(PORT_FIRE)]],
    ids=["stats", "corroborate", "load", "ingest"],
)
def test_cli_commands_fail_at_the_store_timeout(silent: str, command: list[str]) -> None:
    started = time.monotonic()
    result = runner.invoke(
        app, [*command[:1], "--store", silent, *command[1:]], env={"KG_STORE_TIMEOUT": "0.5"}
    )
    assert time.monotonic() - started < 10
    assert result.exit_code != 0
    assert silent in result.stderr and "KG_STORE_TIMEOUT" in result.stderr


def test_serve_fails_at_the_store_timeout_without_serving(silent: str) -> None:
    started = time.monotonic()
    result = runner.invoke(
        app, ["serve", "--store", silent, "--store-timeout", "0.5", "--port", "0"]
    )
    assert time.monotonic() - started < 10
    assert result.exit_code != 0
    assert silent in result.stderr and "0.5 s" in result.stderr


def test_default_timeout_and_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_STORE_TIMEOUT", raising=False)
    assert default_timeout() == DEFAULT_TIMEOUT
    monkeypatch.setenv("KG_STORE_TIMEOUT", "42")
    assert default_timeout() == 42
    monkeypatch.setenv("KG_STORE_TIMEOUT", "0")
    assert default_timeout() is None
    monkeypatch.setenv("KG_STORE_TIMEOUT", "inf")  # no deadline, not a socket's OverflowError
    assert default_timeout() is None
    monkeypatch.setenv("KG_STORE_TIMEOUT", "soon")
    with pytest.raises(StoreError, match="KG_STORE_TIMEOUT"):
        default_timeout()


def test_bulk_url_from_the_environment_ignored_off_remote(tmp_path: Path) -> None:
    """KG_STORE_BULK_URL is an ingest option for an endpoint: exported, it must not break
    commands on an in-memory or on-disk store."""
    env = {"KG_STORE_BULK_URL": "http://127.0.0.1:7878/store?no_transaction"}
    memory = runner.invoke(app, ["corroborate", "--format", "json"], env=env)
    assert memory.exit_code == 0, memory.stderr
    assert "fire" in memory.stdout or memory.stdout.startswith("[")
    disk = str(tmp_path / "store")
    loaded = runner.invoke(app, ["load", "--store", disk, str(PORT_FIRE)], env=env)
    assert loaded.exit_code == 0, loaded.stderr
    stats = runner.invoke(app, ["stats", "--store", disk], env=env)
    assert stats.exit_code == 0 and "bulk URL" not in stats.stderr


def test_serve_start_up_failure_is_one_message_after_no_banner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A start-up that fails in the app (analysis, writing its graph into the store): no
    "serving ... on http://" line first, and one error line instead of uvicorn's traceback."""
    import socket

    from api.state import ServiceState

    async def refuse(self: ServiceState) -> None:
        raise StoreError("the endpoint refused the update: too big, say")

    monkeypatch.setattr(ServiceState, "start", refuse)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = runner.invoke(app, ["serve", "--port", str(port), "--no-seed"])
    assert result.exit_code == 3
    assert "error: start-up failed: the endpoint refused the update: too big" in result.stderr
    assert "serving" not in result.stderr and "Traceback" not in result.stderr
