"""Who says what, where: ``/claims/{id}`` and ``/actors/{id}`` name each statement's source
document (title, publisher, date, URL); the graph view's tests (tests/viz/
test_panel_documents.py, tests/browser/test_panel_document_links.py) show it on the claim's
page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from kg.seed import SEED_CASE
from tests.document_fields import document_of, fields

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "viz" / "hostile-document.yaml"


def _documents(claim: dict[str, Any]) -> list[dict[str, Any]]:
    return [s["document"] for side in ("affirming", "denying", "hedging")
            for g in claim[side] for s in g["statements"]]


def test_a_claims_statements_name_their_document(client: TestClient) -> None:
    body = client.get("/claims/nk-troops-in-russia").json()
    documents = _documents(body)
    assert len(documents) >= 5
    assert [fields(d) for d in documents] == [document_of(SEED_CASE)] * len(documents)
    assert {d["publisher"] for d in documents} == {"https://w3id.org/cred-kg/id/actor/newsweek"}


def test_an_actors_statements_name_their_document(client: TestClient) -> None:
    body = client.get("/actors/putin").json()
    assert body["statements"]
    assert {d["title"] for d in (s["document"] for s in body["statements"])} == {
        document_of(SEED_CASE)["title"]}


def test_a_hostile_document_is_returned_as_stored(make_client: Callable[..., TestClient]) -> None:
    client = make_client(files=(HOSTILE,))
    expected = document_of(HOSTILE)
    assert expected["title"] == "<script>alert(1)</script>"
    assert expected["url"] == "javascript:alert(1)"
    (document,) = _documents(client.get("/claims/bridge-closed").json())
    # JSON: the text as stored, for the client to escape (the graph view's tests show it is).
    assert fields(document) == expected
