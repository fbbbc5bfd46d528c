"""Every safety rule, each with a test that fails without the rule.

- SERVICE never reaches a listener on 127.0.0.1, however it is written;
- a slow query is cut at the timeout while another request is answered;
- results past the limit are an error, never a truncated 200; memory and size are bounded;
- CORS is off unless configured;
- a write without the token changes nothing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from api.sparql.pool import QueryPool

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CHEAP = "ASK { ?s ?p ?o }"


def _service_variants(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ ?x ?y ?z optional {{ service <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"PREFIX : <{url}> SELECT * WHERE {{ SERVICE:{{ ?s ?p ?o }} }}",
        f"PREFIX ex: <http://127.0.0.1:{port}/> "
        "SELECT * WHERE { SERVICEex:sparql { ?s ?p ?o } }",
    ]


def test_service_never_reaches_a_listener(client: TestClient, listener: Any) -> None:
    for query in _service_variants(listener.port):
        for response in (client.get("/sparql", params={"query": query}),
                         client.post("/sparql", data={"query": query})):
            assert response.status_code == 400, query
            assert response.json()["error"]["code"] == "service_refused"
    time.sleep(0.3)
    assert listener.connections == []


def test_a_parameter_value_cannot_inject_service(client: TestClient, listener: Any) -> None:
    # A value that would close the string and open a SERVICE block if it were pasted in.
    value = f'x" }} SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} #'
    response = client.get("/questions/uncorroborated-claims", params={"status": value})
    assert response.status_code == 422
    response = client.get("/questions/claims-by-actor", params={"actor": value})
    assert response.status_code == 404
    time.sleep(0.3)
    assert listener.connections == []


def test_workers_have_no_network_even_if_the_guard_missed(
        seed_store_dir: Any, listener: Any) -> None:
    """Defence in depth: a SERVICE query sent to a worker directly, past the guard."""
    async def run() -> tuple[str, dict[str, Any]]:
        pool = QueryPool(size=1, memory_mb=1024)
        await pool.start()
        try:
            reply = await pool.query({"store": str(seed_store_dir),
                                      "query": _service_variants(listener.port)[0],
                                      "select_format": "json", "max_results": 10},
                                     timeout=10)
            return pool.sandbox, reply.header
        finally:
            await pool.close()

    sandbox, header = asyncio.run(run())
    if not sandbox.startswith(("network", "user and network")):
        pytest.skip(f"this kernel refuses network namespaces here ({sandbox})")
    assert header["ok"] is False
    time.sleep(0.3)
    assert listener.connections == []


def test_slow_query_is_cut_while_another_request_is_answered(server: str) -> None:
    with httpx.Client(base_url=server, timeout=30) as http, \
            concurrent.futures.ThreadPoolExecutor(2) as threads:
        started = time.monotonic()
        slow = threads.submit(http.get, "/sparql", params={"query": SLOW})
        time.sleep(0.2)
        cheap_started = time.monotonic()
        cheap = http.get("/sparql", params={"query": CHEAP})
        cheap_took = time.monotonic() - cheap_started
        slow_response = slow.result()
        slow_took = time.monotonic() - started
        assert cheap.status_code == 200 and cheap_took < 0.8
        assert slow_response.status_code == 503
        error = slow_response.json()["error"]
        assert error["code"] == "query_timeout"
        assert error["details"] == {"timeout_seconds": 1.0}
        assert 0.9 < slow_took < 5
        # The killed worker was replaced: the service answers as before.
        for _ in range(4):
            assert http.get("/sparql", params={"query": CHEAP}).status_code == 200


def test_results_past_the_limit_are_an_error_not_a_truncated_answer(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_results=50)
    response = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "too_many_results"
    assert response.json()["error"]["details"] == {"max_results": 50}
    response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert response.status_code == 422
    exactly = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 50"})
    assert exactly.status_code == 200
    assert len(exactly.json()["results"]["bindings"]) == 50


def test_a_query_over_the_memory_limit_kills_only_its_worker(
        make_client: Callable[..., TestClient]) -> None:
    client = make_client(worker_memory_mb=512, query_timeout=30)
    query = "SELECT ?a ?c ?f ?i WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "query_aborted"
    assert client.get("/sparql", params={"query": CHEAP}).status_code == 200


def test_request_size_limit(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_request_bytes=2048)
    query = "ASK { ?s ?p ?o }" + " " * 3000
    declared = client.post("/sparql", content=query,
                           headers={"Content-Type": "application/sparql-query"})
    assert declared.status_code == 413
    assert declared.json()["error"]["code"] == "request_too_large"

    def chunks() -> Any:  # no Content-Length: counted while read
        yield query[:1500].encode()
        yield query[1500:].encode()

    streamed = client.post("/sparql", content=chunks(),
                           headers={"Content-Type": "application/sparql-query"})
    assert streamed.status_code == 413
    assert client.post("/sparql", content=CHEAP,
                       headers={"Content-Type": "application/sparql-query"}).status_code == 200


def test_deep_nesting_is_refused_before_it_runs(client: TestClient) -> None:
    query = "SELECT * WHERE " + "{" * 200 + "}" * 200
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "query_too_deep"


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/claims", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/sparql", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_only_the_configured_origins(make_client: Callable[..., TestClient]) -> None:
    client = make_client(cors_origins=["https://analyst.example"])
    allowed = client.get("/claims", headers={"Origin": "https://analyst.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
    assert "access-control-allow-credentials" not in allowed.headers
    other = client.get("/claims", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_security_headers(client: TestClient) -> None:
    response = client.get("/status")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "server" not in {k.lower() for k in response.headers if k.lower() == "x-powered-by"}


WRITES: list[tuple[str, dict[str, Any]]] = [
    ("/actors", {"json": {"id": "mallory", "name": "Mallory", "kind": "Person"}}),
    ("/claims", {"json": {"id": "moon-is-cheese", "text": "The moon is made of cheese."}}),
    ("/statements", {"json": {"actor": "putin", "claim": "nk-troops-in-russia",
                              "stance": "denies"}}),
    ("/evidence", {"json": {"id": "fake", "kind": "Photograph", "description": "A fake",
                            "supports": ["nk-troops-in-russia"]}}),
    ("/data", {"content": "<urn:a> <urn:b> <urn:c> .",
               "headers": {"Content-Type": "text/turtle"}}),
]


@pytest.mark.parametrize(("auth", "status"), [
    (None, 401), ("Bearer wrong-token", 401), ("Basic dGVzdDp0ZXN0", 401), ("Bearer", 401)])
def test_a_write_without_the_token_changes_nothing(
        guarded_client: TestClient, token: str, auth: str | None, status: int) -> None:
    client = guarded_client
    before = client.get("/status").json()
    export = client.get("/export", params={"format": "nquads"}).content
    for path, kwargs in WRITES:
        headers = dict(kwargs.get("headers", {}))
        if auth:
            headers["Authorization"] = auth
        response = client.post(path, **{**kwargs, "headers": headers})
        assert response.status_code == status, (path, response.text)
        assert token not in response.text
    assert client.get("/status").json() == before
    assert client.get("/export", params={"format": "nquads"}).content == export


def test_writes_are_off_by_default_even_with_the_token(
        make_client: Callable[..., TestClient], token: str) -> None:
    client = make_client(write_token=token)
    response = client.post("/actors", json={"id": "x", "name": "X", "kind": "Person"},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "writes_disabled"
