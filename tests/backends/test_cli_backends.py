"""The ``kg`` command line on every persistent backend: ``--store`` takes a directory or a
SPARQL endpoint's URL, and the same commands give the same answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.store import KnowledgeStore

runner = CliRunner()
PORT_FIRE = Path(__file__).resolve().parents[1] / "data" / "cases" / "port-fire.yaml"


def _spec(store: KnowledgeStore) -> str:
    return str(store.path) if store.kind == "disk" else store.oxigraph.client.query_url


def test_load_then_ask_through_the_store_setting(store: KnowledgeStore, tmp_path: Path) -> None:
    if store.kind == "memory":
        pytest.skip("an in-memory store lives in one command only (tests/cli covers it)")
    spec = _spec(store)
    store.close()  # an on-disk store is locked while open; the command opens its own
    loaded = runner.invoke(app, ["load", "--store", spec, str(PORT_FIRE)])
    assert loaded.exit_code == 0, loaded.stderr
    answer = runner.invoke(app, ["corroborate", "--format", "json"], env={"KG_STORE": spec})
    ids = {c["id"] for c in json.loads(answer.stdout)}
    assert "fire-runoff-polluted-harbour" in ids and "nk-troops-in-russia" not in ids
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://e.org/a> <https://e.org/b> .\n", encoding="utf-8")
    refused = runner.invoke(app, ["load", "--store", spec, str(broken)])
    assert refused.exit_code == 1 and f"{broken}:1:" in refused.stderr
    again = runner.invoke(app, ["corroborate", "--store", spec, "--format", "json"])
    assert {c["id"] for c in json.loads(again.stdout)} == ids


def test_an_unreachable_endpoint_is_a_store_error() -> None:
    result = runner.invoke(app, ["stats", "--store", "http://127.0.0.1:9/query"])
    assert result.exit_code == 3
    assert "cannot reach the SPARQL endpoint http://127.0.0.1:9/query" in result.stderr


BRIDGE = Path(__file__).resolve().parents[1] / "api" / "data" / "bridge.yaml"


def test_kg_serve_serves_the_store_setting(
    store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kg serve --store SPEC FILE`: the file is loaded into that store and served."""
    import uvicorn
    from fastapi.testclient import TestClient

    if store.kind == "memory":
        pytest.skip("memory is `kg serve` without --store (tests/api/test_cli_server.py)")
    spec = _spec(store)
    store.close()
    seen: dict[str, object] = {}

    def run(app: object, **_: object) -> None:
        with TestClient(app) as client:  # type: ignore[arg-type]
            seen["status"] = client.get("/status").json()
            seen["claims"] = client.get("/claims").json()

    monkeypatch.setattr(uvicorn, "run", run)
    # (nothing listens: the port may be taken, by a `kg serve` the developer runs)
    monkeypatch.setattr("api.cli_server._check_port", lambda host, port: None)
    result = runner.invoke(app, ["serve", "--store", spec, "--query-workers", "1", str(BRIDGE)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert {c["id"] for c in seen["claims"]["items"]} == {  # type: ignore[index]
        "bridge-destroyed",
        "bridge-intact",
    }
    # The service opens the store setting itself too (create_app without a store).
    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings(store=spec, query_workers=1))) as client:
        assert client.get("/status").json()["claims"] == 2
