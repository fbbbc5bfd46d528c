"""`kg serve`: flags become settings, data is loaded before the server starts, errors exit
with the documented codes. (`kg ask` is tested with the questions.)"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app as cli

# the real port check, kept before the fixture below replaces it (api.cli imports the module)
CHECK_PORT = sys.modules["api.cli_server"]._check_port

BRIDGE = Path(__file__).parent / "data" / "bridge.yaml"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Replace uvicorn.run: record what `kg serve` would serve, and query it in-process."""
    import uvicorn
    from fastapi.testclient import TestClient

    seen: dict[str, Any] = {}

    def run(app: Any, **kwargs: Any) -> None:
        seen.update(kwargs)
        with TestClient(app) as client:
            seen["status"] = client.get("/status").json()
            seen["claims"] = client.get("/claims", params={"limit": 100}).json()

    monkeypatch.setattr(uvicorn, "run", run)
    # (nothing listens: the port may be taken, by a `kg serve` the developer runs)
    monkeypatch.setattr("api.cli_server._check_port", lambda host, port: None)
    return seen


def test_serve_the_seed_case_with_flags(served: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "8123", "--query-timeout", "2",
                                      "--max-results", "500", "--query-workers", "1"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)
    assert served["status"]["claims"] == 27
    assert served["status"]["limits"]["query_timeout_seconds"] == 2.0
    assert served["status"]["limits"]["max_results"] == 500
    assert "writes off" in result.stderr
    # The start-up line counts the data; /status counts it the same way, the analysis graph
    # apart (the service writes that graph after the line is printed).
    status = served["status"]
    served_quads = int(re.search(r"serving ([\d,]+) quads of data", result.stderr)
                       .group(1).replace(",", ""))
    assert served_quads == status["data_quads"] > 0
    assert status["quads"] == status["data_quads"] + status["analysis_quads"]
    assert status["ingest_quads"] == 0  # no `kg ingest` here
    assert status["analysis_quads"] > 0


def test_serve_files_instead_of_the_seed(served: dict[str, Any],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_QUERY_WORKERS", "1")
    result = CliRunner().invoke(cli, ["serve", str(BRIDGE)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert {c["id"] for c in served["claims"]["items"]} == {"bridge-destroyed", "bridge-intact"}


def test_serve_on_a_store_path(served: dict[str, Any], tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["serve", "--store", str(store), "--query-workers", "1",
                                      str(BRIDGE)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert served["status"]["claims"] == 2
    assert store.is_dir() and not [p for p in tmp_path.iterdir() if p.name.startswith(".kg-")]


@pytest.mark.parametrize(("args", "code"), [
    (["serve", "--query-timeout", "0"], 2),
    (["serve", "--method", "guessing"], 2),
    (["serve", "missing.yaml"], 2),
    (["serve", "--query-workers", "1", str(Path(__file__).parents[1] / "data" / "broken"
                                           / "yaml-bad-stance.yaml")], 1),
])
def test_serve_errors(served: dict[str, Any], args: list[str], code: int) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.stdout + result.stderr
    assert "status" not in served


def test_a_port_in_use_is_refused_before_the_data_is_loaded(
        served: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.setattr("api.cli_server._check_port", CHECK_PORT)  # the real check, here

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "serving" not in result.stderr and "status" not in served  # nothing loaded


def test_the_data_count_leaves_out_ingest_records_and_the_analysis_graph(
        served: dict[str, Any], tmp_path: Path) -> None:
    """An ingest interrupted and resumed leaves other progress records than an uninterrupted
    one, and a `kg serve` leaves its analysis graph in the store: neither is data."""
    import pyoxigraph as ox

    from kg.ingest import IngestProgress, ingest_file
    from kg.store import OWN_GRAPHS, KnowledgeStore
    from tests.ingest.conftest import nt_lines

    dump = tmp_path / "dump.nt"
    dump.write_text("".join(nt_lines(40, blank_every=6)), encoding="utf-8")

    def interrupt(event: IngestProgress) -> None:
        if event.batch == 2:
            raise KeyboardInterrupt

    stores = {"clean": tmp_path / "clean", "resumed": tmp_path / "resumed"}
    for name, path in stores.items():
        assert CliRunner().invoke(cli, ["load", "--store", str(path), str(BRIDGE)]).exit_code == 0
        with KnowledgeStore(path) as store:
            if name == "resumed":
                with pytest.raises(KeyboardInterrupt):
                    ingest_file(store, dump, batch_size=3, progress=interrupt)
            ingest_file(store, dump, batch_size=7, resume=name == "resumed")
    with KnowledgeStore(stores["clean"]) as one, KnowledgeStore(stores["resumed"]) as other:
        own = {ox.NamedNode(g) for g in OWN_GRAPHS}
        data = {len([q for q in s.quads() if q.graph_name not in own]) for s in (one, other)}
        assert len(one) != len(other) and len(data) == 1  # other records, the same data
    (expected,) = data
    for path in stores.values():
        for _ in range(2):  # the second start finds the analysis graph the first one wrote
            result = CliRunner().invoke(cli, ["serve", "--store", str(path),
                                              "--query-workers", "1"])
            assert result.exit_code == 0, result.stdout + result.stderr
            status = served["status"]
            line = re.search(r"serving ([\d,]+) quads of data", result.stderr)
            assert line and int(line.group(1).replace(",", "")) == expected
            assert status["data_quads"] == expected and status["ingest_quads"] > 0
            assert status["quads"] == (expected + status["analysis_quads"]
                                       + status["ingest_quads"])
        stats = CliRunner().invoke(cli, ["stats", "--store", str(path)]).stdout
        assert re.search(rf"│ quads\s+│ {expected:,}\s+│", stats), stats
        # named graphs of data alike in both: the analysis and ingest graphs left out
        assert re.search(rf"│ named graphs\s+│ {status['named_graphs']}\s+│", stats), stats
        assert re.search(r"│ analysis graph \(quads, not data\)\s+│ [1-9]", stats), stats
