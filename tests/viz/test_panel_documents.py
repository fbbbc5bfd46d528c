"""The graph view's panel data names each statement's source document, and a hostile
document (a script for a title, a ``javascript:`` URL) enters the page only as escaped JSON,
on the standalone page and on the service's ``/graph?focus=`` page alike. That the panel shows
it as text and links only http and https is checked in a browser
(tests/browser/test_panel_document_links.py)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from kg.analysis import Analysis, analyse  # noqa: E402
from kg.seed import SEED_CASE, seed_paths  # noqa: E402
from kg.store import KnowledgeStore  # noqa: E402
from tests.document_fields import document_of, fields  # noqa: E402
from viz import build_view, render_page  # noqa: E402

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "viz" / "hostile-document.yaml"
TROOPS = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"
BRIDGE = "https://w3id.org/cred-kg/id/claim/bridge-closed"
SPOKESMAN = "https://w3id.org/cred-kg/id/actor/spokesman"


def _statements(claim: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for side in ("affirming", "denying", "hedging") for g in claim[side]
            for s in g["statements"]]


@pytest.fixture(scope="module")
def hostile_analysis() -> Analysis:
    with KnowledgeStore() as store:
        store.load([HOSTILE])
        return analyse(store)


def test_the_panel_data_names_each_statements_document(seed_analysis: Analysis,
                                                       parse: Callable[[str], Any]) -> None:
    page = parse(render_page(build_view(seed_analysis)))
    details = page.data["details"]
    entries = _statements(details["claims"][TROOPS])
    assert len(entries) >= 5
    expected = document_of(SEED_CASE)
    assert [fields(e["document"]) for e in entries] == [expected] * len(entries)
    putin = details["actors"]["https://w3id.org/cred-kg/id/actor/putin"]
    assert {s["document"]["title"] for s in putin["statements"]} == {expected["title"]}


def _check_hostile(html: str, parse: Callable[[str], Any]) -> None:
    expected = document_of(HOSTILE)
    assert expected["title"] == "<script>alert(1)</script>"
    assert expected["url"] == "javascript:alert(1)"
    # Escaped in the JSON block: it cannot close the element, and reads back as stored.
    assert "<script>alert(1)" not in html and "\\u003cscript\\u003ealert(1)" in html
    page = parse(html)
    (entry,) = _statements(page.data["details"]["claims"][BRIDGE])
    assert fields(entry["document"]) == expected
    (stated,) = page.data["details"]["actors"][SPOKESMAN]["statements"]
    assert fields(stated["document"]) == expected
    # Nothing on the page itself links it; the panel links only http(s) URLs.
    assert not [a for a in page.all("a") if "javascript" in (a.attrs.get("href") or "").lower()]


def test_a_hostile_document_is_escaped_on_the_standalone_page(
    hostile_analysis: Analysis, parse: Callable[[str], Any]
) -> None:
    _check_hostile(render_page(build_view(hostile_analysis)), parse)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings(query_workers=1, data=[*seed_paths(), HOSTILE])
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_a_hostile_document_is_escaped_on_the_claims_page(
    client: TestClient, parse: Callable[[str], Any]
) -> None:
    response = client.get("/graph", params={"focus": "bridge-closed"})
    assert response.headers["content-type"].startswith("text/html")
    _check_hostile(response.text, parse)
