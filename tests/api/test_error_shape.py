"""Every error has the one shape, and no error body carries a trace or an exception's text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

SECRET = "internal-detail-4d1f"

# (method, path, keyword arguments, expected status, expected code)
CASES: list[tuple[str, str, dict[str, Any], int, str]] = [
    ("GET", "/no-such-route", {}, 404, "not_found"),
    ("DELETE", "/claims", {}, 405, "method_not_allowed"),
    ("GET", "/claims/no-such-claim", {}, 404, "not_found"),
    ("GET", "/claims", {"params": {"limit": "0"}}, 422, "invalid_request"),
    ("GET", "/claims", {"params": {"status": "rumoured"}}, 422, "invalid_request"),
    ("GET", "/actors/nobody", {}, 404, "not_found"),
    ("GET", "/evidence/nothing", {}, 404, "not_found"),
    ("GET", "/sparql", {"params": {"query": "SELECT * WHERE { ?s ?p }"}}, 400,
     "malformed_query"),
    ("GET", "/sparql", {"params": {"query": "SELECT * { SERVICE <http://127.0.0.1:9/> {} }"}},
     400, "service_refused"),
    ("GET", "/sparql", {"params": {"query": "SELECT * FROM <http://example.org/g> {}"}},
     400, "external_graph"),
    ("GET", "/sparql", {"params": {"update": "DROP ALL"}}, 400, "update_refused"),
    ("GET", "/sparql", {"params": {"query": "SELECT * {}"}, "headers": {"Accept": "text/html"}},
     406, "not_acceptable"),
    ("POST", "/sparql", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}},
     415, "unsupported_media_type"),
    ("GET", "/questions/corroborated-claims", {"params": {"min_groups": "many"}}, 422,
     "invalid_parameter"),
    ("GET", "/questions/claims-by-actor", {"params": {"actor": "nobody"}}, 404, "not_found"),
    ("GET", "/export", {"params": {"format": "docx"}}, 422, "invalid_request"),
    ("POST", "/actors", {"json": {"id": "x", "name": "X", "kind": "Person"}}, 403,
     "writes_disabled"),
]


def assert_error_shape(body: Any, status: int) -> dict[str, Any]:
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert error["details"] is None or isinstance(error["details"], dict | list)
    return error


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), CASES,
                         ids=[f"{c[0]} {c[1]} {c[4]}" for c in CASES])
def test_error_shape(client: TestClient, method: str, path: str, kwargs: dict[str, Any],
                     status: int, code: str) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error = assert_error_shape(response.json(), status)
    assert error["code"] == code
    assert "Traceback" not in response.text and 'File "' not in response.text


def test_writes_without_token_answer_401_in_the_shape(
        guarded_client: TestClient, token: str) -> None:
    response = guarded_client.post("/actors", json={"id": "x", "name": "X", "kind": "Person"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].lower().startswith("bearer")
    assert assert_error_shape(response.json(), 401)["code"] == "unauthorized"
    assert token not in response.text


def test_unexpected_errors_are_a_generic_500_without_the_exception_text(
        make_store: Callable[..., Any], make_settings: Callable[..., Settings],
        caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(make_settings(), store=make_store())
    broken = APIRouter()

    @broken.get("/broken")
    async def fail() -> None:
        raise RuntimeError(SECRET)

    app.include_router(broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/broken")
    assert response.status_code == 500
    error = assert_error_shape(response.json(), 500)
    assert error["code"] == "internal_error"
    assert SECRET not in response.text and "RuntimeError" not in response.text
    assert error["details"]["incident"] in error["message"]
    # The operator can find it: the log has the incident id and the exception.
    assert any(error["details"]["incident"] in r.getMessage() for r in caplog.records)
    assert any(SECRET in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
