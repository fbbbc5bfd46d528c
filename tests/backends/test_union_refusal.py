"""An ``oxigraph serve`` started without ``--union-default-graph``: writing commands refuse
before writing anything, so the server is left holding nothing (the check used to run after
the first write, which stayed, with its registry quad)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.backends.http import SparqlClient

runner = CliRunner()


def _listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "oxigraph serve exited at start-up"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph serve did not start listening")


@pytest.fixture(scope="module")
def no_union() -> Iterator[str]:
    """The query URL of an ``oxigraph serve`` without ``--union-default-graph``."""
    beside = Path(sys.executable).with_name("oxigraph")
    command = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if command is None:
        pytest.skip("the `oxigraph` command is not installed (pip install -e '.[test]')")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with tempfile.TemporaryDirectory(prefix="kg-oxigraph-") as folder:
        process = subprocess.Popen(
            [command, "serve", "--location", folder, "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _listening(port, process)
            yield f"http://127.0.0.1:{port}/query"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _quads(url: str) -> int:
    """Quads in every graph of the server, the default graph included."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    with SparqlClient(url, timeout=10).query(
        query, accept="application/sparql-results+json"
    ) as answer:
        rows = json.loads(answer.read())["results"]["bindings"]
    return int(rows[0]["n"]["value"])


@pytest.mark.parametrize("command", ["load", "ingest"])
def test_refused_before_writing(no_union: str, tmp_path: Path, command: str) -> None:
    one = tmp_path / "one.nt"
    one.write_text("<https://e.org/a> <https://e.org/b> <https://e.org/c> .\n", encoding="utf-8")
    result = runner.invoke(app, [command, "--store", no_union, str(one)])
    assert result.exit_code != 0
    assert "--union-default-graph" in result.stderr
    assert _quads(no_union) == 0
