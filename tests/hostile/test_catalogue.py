"""Every hostile input of the catalogue, through every entry point it can reach.

For each case and route: the outcome is the one EXPECTED.yaml names (error class, exit code or
HTTP status and error code, and a part of the message, which must name what is wrong); never a
500; the store holds exactly the quads it held before; the listener on 127.0.0.1 that the
inputs point at received no connection; and the route answered within the case's time limit.
Memory is checked by test_memory.py, in a fresh process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hostile_catalogue import (
    CASES,
    ROUTES,
    Case,
    Outcome,
    get_fits,
    iter_case_routes,
    load_cases,
    media_type,
    most_specific_kg_error,
    question_args,
    read_response,
    request_spec,
    timed,
)
from typer.testing import CliRunner

from api.cli import app as cli_app
from kg.errors import KgError
from kg.store import KnowledgeStore

ALL = load_cases()
runner = CliRunner()


def snapshot(store: KnowledgeStore) -> list[str]:
    """The store's quads as sorted N-Quads lines: equal lists mean equal stores."""
    return sorted(str(q) for q in store.quads())


def disk_snapshot(path: Path) -> list[str]:
    with KnowledgeStore(path) as store:
        return snapshot(store)


# --- one runner per route ------------------------------------------------------------------

def run_library(case: Case, data: bytes, store: KnowledgeStore, tmp: Path) -> Outcome:
    path = tmp / case.path.name
    path.write_bytes(data)

    def action(outcome: Outcome) -> None:
        try:
            report = store.load([path], validate=True)
            outcome.message = f"loaded {report.total_quads} quads"
        except KgError as error:
            outcome.error = most_specific_kg_error(error)
            outcome.message = str(error)

    return timed("library", action)


def run_cli(args: list[str]) -> Outcome:
    def action(outcome: Outcome) -> None:
        result = runner.invoke(cli_app, args)
        outcome.exit_code = result.exit_code
        outcome.message = result.stdout + result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            outcome.message += f"\n{type(result.exception).__name__}: {result.exception}"

    return timed("cli", action)


def run_http(route: str, client: TestClient, **kwargs: Any) -> Outcome:
    return timed(route, lambda outcome: read_response(outcome, client.request(**kwargs)))


def run(case: Case, route: str, env: dict[str, Any], tmp: Path) -> Outcome:
    port, token = env["port"], env["token"]
    client: TestClient = env["client"]
    data = case.data(port, token)
    kind = case.kind
    if kind in ("load", "yaml"):
        if route == "library":
            return run_library(case, data, env["memory_store"], tmp)
        if route == "cli":
            path = tmp / case.path.name
            path.write_bytes(data)
            return run_cli(["load", "--store", str(env["cli_store"]), "--no-seed", str(path)])
        return run_http(route, client, method="POST", url="/data", content=data, headers={
            "Content-Type": media_type(case), "Authorization": f"Bearer {token}"})
    if kind == "sparql-query":
        text = data.decode("utf-8")
        if route == "get":
            return run_http(route, client, method="GET", url="/sparql", params={"query": text})
        if route == "form":
            return run_http(route, client, method="POST", url="/sparql", data={"query": text})
        return run_http(route, client, method="POST", url="/sparql", content=data,
                        headers={"Content-Type": "application/sparql-query"})
    if kind == "sparql-update":
        text = data.decode("utf-8")
        if route == "update":
            return run_http(route, client, method="POST", url="/sparql", content=data,
                            headers={"Content-Type": "application/sparql-update"})
        field = "update" if route == "form-update" else "query"
        return run_http(route, client, method="POST", url="/sparql", data={field: text})
    if kind == "questions":
        name, params = question_args(case, port, token)
        if route == "api":
            return run_http(route, client, method="GET", url=f"/questions/{name}",
                            params=params)
        args = ["ask", name]
        for key, value in params.items():
            args.append(f"--{key.replace('_', '-')}={value}")
        return run_cli(args)
    return run_http(route, client, **request_spec(case, port, token))


# --- the checks ----------------------------------------------------------------------------

def check_outcome(case: Case, route: str, outcome: Outcome) -> None:
    expected = case.expected(route)
    where = f"{case.name} via {route}: {outcome}"
    message = expected.get("message")
    if route == "library":
        assert outcome.error == expected.get("error"), where
    elif route == "cli":
        assert outcome.exit_code == expected.get("exit", 1 if expected.get("error") else 0), where
        assert "Traceback" not in outcome.message, where
    else:
        # Never a 5xx, but for the 503 of a query or extraction stopped at its deadline.
        assert outcome.status is not None and (
            outcome.status < 500 or outcome.status == expected["status"] == 503), where
        assert outcome.status == expected["status"], where
        if "code" in expected:
            assert outcome.code == expected["code"], where
    if message:
        assert message in outcome.message, where
    for text in expected.get("body_contains", []):
        assert text in outcome.body, where
    for text in expected.get("body_excludes", []):
        assert text not in outcome.body, where
    for name, value in expected.get("headers", {}).items():
        assert outcome.headers.get(name, "").startswith(value), where


def _case_routes() -> list[Any]:
    return [pytest.param(case, route, id=f"{case.name}|{route}")
            for case, route in iter_case_routes(ALL)]


@pytest.fixture(scope="module")
def env(listener: Any, token: str, service: TestClient, memory_store: KnowledgeStore,
        cli_store: Path) -> dict[str, Any]:
    return {"port": listener.port, "token": token, "client": service,
            "memory_store": memory_store, "cli_store": cli_store,
            "cli_snapshot": disk_snapshot(cli_store)}


def _state(route: str, env: dict[str, Any]) -> Callable[[], list[str]]:
    if route == "library":
        return lambda: snapshot(env["memory_store"])
    if route == "cli":
        return lambda: env["cli_snapshot"]
    store = env["client"].app.state.kg.store
    return lambda: snapshot(store)


@pytest.mark.parametrize(("case", "route"), _case_routes())
def test_hostile_input(case: Case, route: str, env: dict[str, Any], listener: Any,
                       tmp_path: Path) -> None:
    if case.kind == "sparql-query" and route == "get" and not get_fits(
            case.data(env["port"], env["token"]).decode("utf-8", "replace")):
        pytest.skip("too long for a URL; sent by POST only")
    before = _state(route, env)()
    listener.current = f"{case.name}|{route}"
    outcome = run(case, route, env, tmp_path)
    check_outcome(case, route, outcome)
    assert outcome.seconds <= case.max_seconds(route), (case.name, route, outcome.seconds)
    if route == "cli" and case.kind in ("load", "yaml"):
        env["cli_snapshot"] = disk_snapshot(env["cli_store"])
    if not case.expected(route).get("accepted"):
        assert _state(route, env)() == before, f"{case.name} via {route} changed the store"
    assert listener.connections == [], listener.connections


def test_the_listener_heard_nothing_at_all(listener: Any, env: dict[str, Any]) -> None:
    """After every case: nothing reached the listener late either."""
    import time

    time.sleep(0.5)
    assert listener.connections == []


def test_every_file_has_an_entry_and_every_entry_a_file() -> None:
    on_disk = {str(p.relative_to(CASES)) for p in CASES.rglob("*") if p.is_file()}
    listed = {case.name for case in ALL}
    assert on_disk - listed == set()
    assert listed - on_disk == set()


def test_the_catalogue_spans_every_entry_point() -> None:
    kinds = {case.kind for case in ALL}
    assert kinds == set(ROUTES)
    assert len(ALL) >= 60
    suffixes = {case.path.suffix for case in ALL if case.kind == "load"}
    assert suffixes == {".ttl", ".trig", ".nt", ".nq", ".jsonld", ".rdf"}
    for case in ALL:
        expected = case.spec
        assert expected.get("why"), f"{case.name}: say why the input is hostile"
        if expected.get("accepted"):
            assert expected.get("note"), f"{case.name}: say why accepting it is right"
        else:
            assert expected.get("message"), f"{case.name}: name the message"
