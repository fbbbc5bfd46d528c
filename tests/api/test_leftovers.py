"""A killed service's private folders (checkpoints, its copy of a store in memory) are removed
by the next start, and nothing else is: not a live service's, not a folder without an owner
file, not a folder whose pid now belongs to another process (``api/leftovers.py``)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.leftovers import OWNER_FILE, mark_owned, remove_abandoned
from kg.store import KnowledgeStore
from tests.api.conftest import settings

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _dead_owner() -> str:
    """The owner line of a process that has exited: its pid and start time, read while it ran."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    stat = Path(f"/proc/{child.pid}/stat").read_text()
    started = stat.rsplit(")", 1)[-1].split()[19]
    child.communicate(b"")
    return f"{child.pid} {started}\n"


def _folder(parent: Path, name: str, owner: str | None) -> Path:
    folder = parent / name
    (folder / "store").mkdir(parents=True)
    (folder / "store" / "000001.sst").write_bytes(b"x" * 1000)
    if owner is not None:
        (folder / OWNER_FILE).write_text(owner)
    return folder


def test_only_folders_whose_owner_is_gone_are_removed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    dead = _folder(tmp_path, "kg-serve-dead", _dead_owner())
    dead_snapshots = _folder(tmp_path, ".kg-snapshots-dead", _dead_owner())
    live = _folder(tmp_path, "kg-serve-live", None)
    mark_owned(live)  # this process: alive
    no_owner = _folder(tmp_path, "kg-serve-unmarked", None)
    # A pid that exists now but started at another time: a reused pid, not the owner.
    reused = _folder(tmp_path, "kg-snapshots-reused", f"{os.getpid()} 1\n")
    other = _folder(tmp_path, "my-data", _dead_owner())  # not a service folder

    with caplog.at_level("WARNING", logger="kg.api"):
        removed = remove_abandoned([tmp_path, tmp_path])

    assert sorted(removed) == sorted([dead, dead_snapshots, reused])
    assert not dead.exists() and not dead_snapshots.exists() and not reused.exists()
    assert live.exists() and no_owner.exists() and other.exists()
    # The service's log says what went, under its own logger.
    assert sorted(r.args[0] for r in caplog.records) == sorted(removed)  # type: ignore[index]


def test_an_unreadable_owner_file_is_not_judged(tmp_path: Path) -> None:
    garbled = _folder(tmp_path, "kg-serve-garbled", "not a pid\n")
    assert remove_abandoned([tmp_path]) == []
    assert garbled.exists()


def test_a_start_removes_what_a_killed_service_left_beside_the_store(
    make_store: Callable[..., KnowledgeStore],
) -> None:
    store = make_store()
    assert store.path is not None
    beside = store.path.parent
    left = _folder(beside, ".kg-snapshots-left", _dead_owner())
    with TestClient(create_app(settings(), store=store)) as client:
        assert client.get("/claims").json()["total"] > 0
        assert not left.exists()
        # The running service's own checkpoints are marked as its own.
        own = [p for p in beside.iterdir() if p.name.startswith(".kg-snapshots-")]
        assert len(own) == 1 and (own[0] / OWNER_FILE).read_text().split()[0] == str(os.getpid())
    assert not own[0].exists()  # a clean stop removes it


def test_kg_serve_marks_its_copy_of_a_store_in_memory(tmp_path: Path) -> None:
    """A killed `kg serve` on the default memory store leaves its copy; the next start
    removes it (the copy is in the temporary directory)."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "KG_PORT": "0"}
    script = (
        "import os, sys\n"
        "import api.cli\n"
        "from api.cli_server import _serving_store\n"
        "from api.settings import Settings\n"
        "with _serving_store(Settings()) as store:\n"
        "    print(store.path.parent, flush=True)\n"
        "    sys.stdin.read()\n"
        "    os._exit(9)  # as if killed: no cleanup\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
    )
    assert child.stdout is not None
    copy = Path(child.stdout.readline().decode().strip())
    assert copy.name.startswith("kg-serve-") and (copy / OWNER_FILE).exists()
    assert remove_abandoned([tmp_path]) == []  # its owner still runs
    child.communicate(b"")
    assert copy.exists()  # the kill left it
    assert remove_abandoned([tmp_path]) == [copy]
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_kg_serve_stopped_by_sigterm_removes_its_copy(tmp_path: Path) -> None:
    """uvicorn raises SIGTERM again after its shutdown: `kg serve` still cleans up."""
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    kg = Path(sys.executable).with_name("kg")
    child = subprocess.Popen(
        [str(kg), "serve", "--port", str(port), "--query-workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
        (copy,) = [p for p in tmp_path.iterdir() if p.name.startswith("kg-serve-")]
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        child.kill()
    assert not copy.exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"kg serve did not listen on port {port}")
