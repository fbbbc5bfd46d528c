"""Who says what, where: ``/claims/{id}`` and ``/actors/{id}`` name each statement's source
document (title, publisher, date, URL); the graph view's tests (tests/viz/
test_panel_documents.py, tests/browser/test_panel_document_links.py) show it on the claim's
page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from fastapi.testclient import TestClient

from kg.seed import SEED_CASE

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "viz" / "hostile-document.yaml"


def _document_of(case: Path) -> dict[str, Any]:
    """A case file's document as a statement's JSON names it (title, publisher, date, URL)."""
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    names = {a["id"]: a["name"] for a in spec["actors"]}
    doc = spec["document"]
    return {"title": doc["title"], "publisher_label": names[doc["publisher"]],
            "date": str(doc["date"]), "url": doc.get("url")}


def _documents(claim: dict[str, Any]) -> list[dict[str, Any]]:
    return [s["document"] for side in ("affirming", "denying", "hedging")
            for g in claim[side] for s in g["statements"]]


def _fields(document: dict[str, Any]) -> dict[str, Any]:
    return {k: document[k] for k in ("title", "publisher_label", "date", "url")}


def test_a_claims_statements_name_their_document(client: TestClient) -> None:
    body = client.get("/claims/nk-troops-in-russia").json()
    documents = _documents(body)
    assert len(documents) >= 5
    assert [_fields(d) for d in documents] == [_document_of(SEED_CASE)] * len(documents)
    assert {d["publisher"] for d in documents} == {"https://w3id.org/cred-kg/id/actor/newsweek"}


def test_an_actors_statements_name_their_document(client: TestClient) -> None:
    body = client.get("/actors/putin").json()
    assert body["statements"]
    assert {d["title"] for d in (s["document"] for s in body["statements"])} == {
        _document_of(SEED_CASE)["title"]}


def test_a_hostile_document_is_returned_as_stored(make_client: Callable[..., TestClient]) -> None:
    client = make_client(files=(HOSTILE,))
    expected = _document_of(HOSTILE)
    assert expected["title"] == "<script>alert(1)</script>"
    assert expected["url"] == "javascript:alert(1)"
    (document,) = _documents(client.get("/claims/bridge-closed").json())
    # JSON: the text as stored, for the client to escape (the graph view's tests show it is).
    assert _fields(document) == expected
