"""Auth: writes need the operator's token, compared in constant time, never logged or echoed.

- every write route refuses a missing, wrong, differently-schemed or extended token with a 401
  whose body holds neither the token nor the value offered, nor the Authorization header;
- the comparison is ``hmac.compare_digest`` on bytes (checked by replacing it: the dependency
  must call it with the offered and the expected token);
- neither the application's log (caplog, at DEBUG) nor uvicorn's access and error logs on a
  live server ever hold the token, for accepted and refused writes alike.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

import api.deps

WRITES: list[tuple[str, dict[str, Any]]] = [
    ("/actors", {"json": {"id": "auth-probe", "name": "Probe", "kind": "Person"}}),
    ("/claims", {"json": {"id": "auth-probe-claim", "text": "A probe."}}),
    ("/statements", {"json": {"actor": "putin", "claim": "nk-troops-in-russia",
                              "stance": "hedges"}}),
    ("/evidence", {"json": {"id": "auth-probe-evidence", "kind": "Photograph",
                            "description": "A probe", "supports": ["nk-troops-in-russia"]}}),
    ("/data", {"content": "<urn:a> <urn:b> <urn:c> .",
               "headers": {"Content-Type": "text/turtle"}}),
]


def _offers(token: str) -> list[tuple[str, str | None]]:
    """(label, Authorization header): every way of not quite giving the token."""
    return [
        ("missing", None),
        ("wrong", "Bearer not-the-token-4d2f"),
        ("basic", "Basic " + token),
        ("prefix", f"Bearer {token[:-1]}"),
        ("extended", f"Bearer {token}x"),
        ("empty", "Bearer "),
        ("non-ascii", "Bearer t\u00f6ken-\u00e9"),
    ]


@pytest.mark.parametrize("path", [path for path, _ in WRITES])
def test_every_write_refuses_every_wrong_token_without_echoing(
        guarded_client: TestClient, token: str, path: str) -> None:
    kwargs = dict(WRITES)[path]
    before = guarded_client.get("/status").json()
    for label, offered in _offers(token):
        headers = dict(kwargs.get("headers", {}))
        if offered is not None:
            # As bytes: httpx refuses str headers that are not ASCII; servers read latin-1.
            headers["Authorization"] = offered.encode("utf-8")  # type: ignore[assignment]
        response = guarded_client.post(path, **{**kwargs, "headers": headers})
        assert response.status_code == 401, (label, response.text)
        error = response.json()["error"]
        assert error["code"] == "unauthorized"
        assert "Authorization: Bearer <token>" in error["message"]
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert token not in response.text, label
        secret = (offered or "").partition(" ")[2].strip()
        if secret:  # an empty offer is a substring of everything
            assert secret not in response.text, label
            assert offered not in response.text and offered not in str(response.headers)
    assert guarded_client.get("/status").json() == before


def test_the_token_in_the_query_string_is_not_accepted(guarded_client: TestClient,
                                                         token: str) -> None:
    response = guarded_client.post("/actors", params={"token": token, "access_token": token},
                                   json={"id": "q", "name": "Q", "kind": "Person"})
    assert response.status_code == 401
    assert token not in response.text


def test_the_right_token_is_accepted(make_client: Callable[..., TestClient], token: str) -> None:
    client = make_client(writes_enabled=True, write_token=token)
    response = client.post("/actors", json={"id": "auth-ok", "name": "OK", "kind": "Person"},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.text
    assert response.json()["subjects"] == ["https://w3id.org/cred-kg/id/actor/auth-ok"]
    assert token not in response.text


def test_the_comparison_is_hmac_compare_digest_on_bytes(
        guarded_client: TestClient, token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.deps.hmac, "compare_digest", spy)
    response = guarded_client.post("/claims", json={"id": "x", "text": "y"},
                                   headers={"Authorization": "Bearer offered-value"})
    assert response.status_code == 401
    assert calls == [(b"offered-value", token.encode())]


def test_the_token_is_never_logged(make_client: Callable[..., TestClient], token: str,
                                   caplog: pytest.LogCaptureFixture) -> None:
    client = make_client(writes_enabled=True, write_token=token)
    with caplog.at_level(logging.DEBUG):
        ok = client.post("/actors", json={"id": "logged", "name": "L", "kind": "Person"},
                         headers={"Authorization": f"Bearer {token}"})
        refused = client.post("/actors", json={"id": "x", "name": "X", "kind": "Person"},
                              headers={"Authorization": f"Bearer {token}-wrong"})
        failed = client.post("/statements", json={"actor": "nobody", "claim": "nk-troops-in-russia",
                                                  "stance": "affirms"},
                             headers={"Authorization": f"Bearer {token}"})
    assert (ok.status_code, refused.status_code, failed.status_code) == (201, 401, 404)
    assert caplog.records, "nothing was logged: the test would prove nothing"
    for record in caplog.records:
        assert token not in record.getMessage()
        assert token not in str(record.args)


def test_uvicorn_logs_never_hold_the_token(make_store: Callable[..., Any], token: str,
                                           live_server: Callable[[Any], Any],
                                           make_settings: Callable[..., Any],
                                           caplog: pytest.LogCaptureFixture) -> None:
    """A real server: uvicorn's access log names each request; the token must not be in it,
    not even when a client puts it in the query string."""
    from api.app import create_app

    app = create_app(make_settings(writes_enabled=True, write_token=token), store=make_store())
    # uvicorn's loggers do not propagate to the root logger, where caplog listens.
    watched = [logging.getLogger(name) for name in ("uvicorn.access", "uvicorn.error")]
    with caplog.at_level(logging.DEBUG), live_server(app) as url, \
            httpx.Client(base_url=url, timeout=30) as http:
        # The fixture's uvicorn logs at WARNING; switch the access log on for this test.
        for logger in watched:
            logger.setLevel(logging.DEBUG)
            logger.addHandler(caplog.handler)
        ok = http.post("/actors", json={"id": "live", "name": "Live", "kind": "Person"},
                       headers={"Authorization": f"Bearer {token}"})
        refused = http.post("/claims", json={"id": "x", "text": "y"},
                            headers={"Authorization": f"Bearer {token}-nope"})
        in_query = http.post("/claims", params={"token": token[:8]},
                             json={"id": "x", "text": "y"})
        assert (ok.status_code, refused.status_code, in_query.status_code) == (201, 401, 401)
        for logger in watched:
            logger.removeHandler(caplog.handler)
    access = [r for r in caplog.records if r.name == "uvicorn.access"]
    assert access, "uvicorn wrote no access log: the test would prove nothing"
    assert any("/actors" in r.getMessage() for r in access)
    # The server's records (the client's own httpx/httpcore debug lines are not the server's).
    server = [r for r in caplog.records if r.name.startswith(("uvicorn", "kg", "api", "fastapi",
                                                                "starlette"))]
    for record in server:
        assert token not in record.getMessage(), record.getMessage()
        assert token[:8] not in record.getMessage(), record.getMessage()
