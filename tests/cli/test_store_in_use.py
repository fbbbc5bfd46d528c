"""``kg load`` and ``kg ingest`` on an on-disk store that another process holds (a running
``kg serve``, or another ``kg`` command such as a long ingest): the message says so, names
the store, says what to do, and nothing changes."""

from __future__ import annotations

import subprocess
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.cli import EXIT_STORE, app  # noqa: E402
from api.settings import Settings  # noqa: E402
from kg.store import KnowledgeStore  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
CASE_A = DATA / "valid" / "case-a.yaml"
PORT_FIRE = DATA / "cases" / "port-fire.yaml"
ROOT = Path(__file__).resolve().parents[2]

# What a running `kg serve --store DIR`, or a long `kg ingest`, does to the directory: open
# it, and keep it open.
_HOLD = """import sys
from pathlib import Path
from kg.store import KnowledgeStore
store = KnowledgeStore(Path(sys.argv[1]))
print("open", flush=True)
sys.stdin.read()
store.close()
"""


@contextmanager
def _held_by_another_process(path: Path) -> Iterator[None]:
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        yield
    finally:
        holder.communicate(timeout=60)  # closing its stdin lets it close the store


@contextmanager
def _held_in_this_process(path: Path) -> Iterator[None]:
    with KnowledgeStore(path):
        yield


def _quads(path: Path) -> list[str]:
    with KnowledgeStore(path) as store:
        return sorted(str(q) for q in store.oxigraph)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    result = CliRunner().invoke(app, ["load", "--store", str(path), str(CASE_A)])
    assert result.exit_code == 0, result.stderr
    return path


IN_USE = "the store is open in another process: a running `kg serve` or another `kg` command"


def test_load_into_a_store_in_use_says_so_and_what_to_do(store_dir: Path) -> None:
    before = _quads(store_dir)
    with _held_by_another_process(store_dir):
        result = CliRunner().invoke(app, ["load", "--store", str(store_dir), str(PORT_FIRE)])
    assert result.exit_code == EXIT_STORE
    message = result.stderr
    assert f"{store_dir}: {IN_USE} (an ingest, a load)" in message
    # What a person can do whichever command holds it; the server's /data only as an option.
    assert "wait for that command to finish, or stop it (Ctrl-C where it runs)" in message
    assert "what to do: once it is done, run this command again" in message
    assert "stop that server" not in message and "KnowledgeStore" not in message
    assert "if it is a `kg serve` running with writes on" in message
    assert "POST /data" in message and "KG_WRITES_ENABLED=true" in message
    assert "the address is the server's, 127.0.0.1:8000 by default" in message
    assert (f"-H 'Content-Type: application/yaml' --data-binary @{PORT_FIRE}"
            in message)
    assert "Traceback" not in message and "IO error" not in message
    assert _quads(store_dir) == before


def test_ingest_into_a_store_in_use_says_so_and_changes_nothing(
        store_dir: Path, tmp_path: Path) -> None:
    triples = tmp_path / "more.nt"
    triples.write_text("<https://example.org/a> <https://example.org/p> \"x\" .\n",
                       encoding="utf-8")
    before = _quads(store_dir)
    with _held_by_another_process(store_dir):
        result = CliRunner().invoke(app, ["ingest", "--store", str(store_dir), str(triples)])
    assert result.exit_code == EXIT_STORE
    assert f"{store_dir}: {IN_USE}" in result.stderr
    assert (f"-H 'Content-Type: application/n-triples' --data-binary @{triples}"
            in result.stderr)
    assert _quads(store_dir) == before


def test_a_reading_command_is_told_to_wait_or_ask_the_server(store_dir: Path) -> None:
    with _held_by_another_process(store_dir):
        result = CliRunner().invoke(app, ["stats", "--store", str(store_dir)])
    assert result.exit_code == EXIT_STORE
    assert f"{store_dir}: {IN_USE}" in result.stderr
    assert "wait for that command to finish, or stop it" in result.stderr
    assert "if it is a `kg serve`, you can also ask it" in result.stderr
    assert "/sparql" in result.stderr and "POST /data" not in result.stderr


def test_a_second_opener_in_one_python_process_is_told_so(tmp_path: Path) -> None:
    """Only a Python program can open one store twice in a process: its message says so,
    where a `kg` command's says another process."""
    from kg.errors import StoreInUseError

    path = tmp_path / "store"
    with _held_in_this_process(path), pytest.raises(StoreInUseError) as caught:
        KnowledgeStore(path)
    assert caught.value.in_this_process
    assert "already open in this process (another KnowledgeStore" in str(caught.value)
    assert "another process" not in str(caught.value)


def test_the_advised_request_adds_the_file_through_the_running_server(store_dir: Path) -> None:
    with _held_by_another_process(store_dir):
        advice = CliRunner().invoke(app, ["load", "--store", str(store_dir),
                                          str(PORT_FIRE)]).stderr
    (curl,) = [line.split() for line in advice.splitlines() if "curl -X POST" in line]
    media = curl[curl.index("'Content-Type:") + 1].rstrip("'")
    sent = Path(curl[curl.index("--data-binary") + 1].removeprefix("@"))
    token = "advice-token-1c9e"
    settings = Settings(query_workers=1, writes_enabled=True, write_token=token)
    with KnowledgeStore(store_dir) as store, \
            TestClient(create_app(settings, store=store)) as server:
        url = curl[curl.index("POST") + 1]
        response = server.post(url.removeprefix("http://127.0.0.1:8000"),
                               content=sent.read_bytes(),
                               headers={"Authorization": f"Bearer {token}",
                                        "Content-Type": media})
        assert response.status_code == 201, response.text
        claims = server.get("/claims", params={"limit": 1000}).json()["items"]
    assert "fire-caused-by-stored-batteries" in {c["id"] for c in claims}
