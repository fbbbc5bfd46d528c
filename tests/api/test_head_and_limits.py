"""HEAD answers as GET without the body; the 413 has the one error shape (api/app.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from api.errors import error_body


@pytest.mark.parametrize("path", ["/", "/graph", "/claims?status=corroborated", "/status",
                                  "/no-such-page"])
def test_head_answers_as_get_without_a_body(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert head.content == b""


def test_head_of_an_unknown_path_is_a_404_not_a_405(client: TestClient) -> None:
    head = client.head("/no-such-page")
    assert (head.status_code, head.headers["content-type"]) == (404, "application/json")


def test_413_has_the_common_error_shape(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_request_bytes=2048)
    query = "ASK { ?s ?p ?o }" + " " * 3000

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        yield query[:1500].encode()
        yield query[1500:].encode()

    declared = client.post("/sparql", content=query,
                           headers={"Content-Type": "application/sparql-query"})
    streamed = client.post("/sparql", content=chunks(),
                           headers={"Content-Type": "application/sparql-query"})
    other = client.get("/no-such-page")
    for response in (declared, streamed):
        error = json.loads(response.content)["error"]
        assert isinstance(error, dict)
        assert set(error) == set(error_body(0, "", "")["error"])
        assert (error["status"], error["code"]) == (413, "request_too_large")
        assert "2,048 bytes" in error["message"]
        assert "max_request_bytes" in error["message"]
        assert error["details"] is None
        # Formatted and headed like every other error, whichever path refused it.
        assert response.headers["content-type"] == other.headers["content-type"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.content.startswith(b'{"error":{"status":413,')
    assert declared.content == streamed.content
