"""The service's pages, ``/``, ``/graph`` and ``/claims.html``, parsed."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from kg.seed import seed_paths  # noqa: E402

XSS_CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "xss-case.yaml"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings(query_workers=1, data=[*seed_paths(), XSS_CASE])
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _policy(response) -> str:
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert not re.search(r"https?:", policy)
    assert "'unsafe-eval'" not in policy
    script_src = policy.split("script-src", 1)[1].split(";", 1)[0]
    assert script_src.strip().startswith("'sha256-") and "'unsafe-inline'" not in script_src
    return policy


def test_front_page_links_to_every_view(client: TestClient, parse) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    _policy(response)
    page = parse(response.text)
    hrefs = {a.attrs["href"] for a in page.all("a")}
    assert {"/graph", "/claims.html", "/openapi.json"} <= hrefs
    assert "/questions/corroborated-claims" in hrefs
    form = page.by_id("sparql-form")
    assert form.attrs["action"] == "/sparql" and form.attrs["method"] == "post"
    assert "SELECT" in page.all("textarea")[0].text
    assert "independent" in page.text and "29 claims" in page.text
    assert all("src" not in s.attrs for s in page.all("script"))


def test_graph_page_is_the_view_with_a_policy_header(client: TestClient, parse) -> None:
    response = client.get("/graph")
    assert response.status_code == 200
    policy = _policy(response)
    assert "frame-ancestors 'none'" in policy
    page = parse(response.text)
    ids = {n["id"] for n in page.data["nodes"]}
    assert "https://w3id.org/cred-kg/id/claim/img-claim" in ids
    assert {a.attrs["href"] for a in page.all("a")} == {"/", "/claims.html"}
    assert not {"img", "svg", "iframe"} & {e.tag for e in page.all("img") + page.all("svg")}


def test_graph_page_options(client: TestClient, parse) -> None:
    focused = parse(client.get("/graph", params={"focus": "putin", "group": "true"}).text)
    assert focused.data["initial"]["focus"] == "https://w3id.org/cred-kg/id/actor/putin"
    assert focused.data["initial"]["collapsed"] is True
    summary = parse(client.get("/graph", params={"max_nodes": 10}).text)
    assert summary.data["initial"]["summary"] is True
    missing = client.get("/graph", params={"focus": "nope"})
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    assert client.get("/graph", params={"max_nodes": -1}).status_code == 422


def test_a_misspelt_focus_gets_suggestions(client: TestClient) -> None:
    # As every other unknown id of the API does (it named only the parameter).
    error = client.get("/graph", params={"focus": "nk-troops-in-rusia"}).json()["error"]
    assert error["message"] == "no claim or actor 'nk-troops-in-rusia'"
    assert error["details"] == {"parameter": "focus", "suggestions": [
        "nk-troops-in-russia", "nk-3000-troops-training-in-russia"]}
    assert client.get("/graph", params={"focus": "puttin"}).json()["error"]["details"][
        "suggestions"][0] == "putin"


def test_graph_page_of_a_large_graph_is_a_summary_with_links(
        client: TestClient, parse, monkeypatch: pytest.MonkeyPatch) -> None:
    from viz import large

    monkeypatch.setattr(large, "SUMMARY_ABOVE", 20)
    # A limit no other test asks for: the server caches one view per limit.
    page = parse(client.get("/graph", params={"max_nodes": 33}).text)
    initial = page.data["initial"]
    assert initial["partial"] is True and len(page.data["nodes"]) <= 33
    assert "of 29 claims. " in initial["note"]  # the seed's 27 and the hostile case's 2
    assert initial["links"] == {"focus": "/graph?focus=", "claim": "/claims/",
                                "actor": "/actors/"}
    focused = parse(client.get("/graph", params={"max_nodes": 33, "focus": "putin"}).text)
    putin = "https://w3id.org/cred-kg/id/actor/putin"
    assert focused.data["initial"]["focus"] == putin
    assert putin in {n["id"] for n in focused.data["nodes"]}
    missing = client.get("/graph", params={"max_nodes": 33, "focus": "nope"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_claims_table_sorts_and_filters(client: TestClient, parse) -> None:
    response = client.get("/claims.html")
    assert response.status_code == 200
    _policy(response)
    page = parse(response.text)
    assert "<img" not in response.text and "&lt;img src=x onerror=alert(1)&gt;" in response.text
    rows = [a.attrs["href"] for a in page.all("a") if a.attrs["href"].startswith("/graph?")]
    assert len(rows) == 29
    assert rows[0] == "/graph?focus=nk-troops-in-russia"  # most independent groups first
    by_text = parse(client.get("/claims.html", params={"sort": "claim", "order": "asc"}).text)
    texts = [a for a in by_text.all("a") if a.attrs["href"].startswith("/graph?")]
    assert texts[0].attrs["href"] == "/graph?focus=script-claim"  # "</script>..." sorts first
    only = parse(client.get("/claims.html", params={"status": "unsupported"}).text)
    assert len([a for a in only.all("a") if a.attrs["href"].startswith("/graph?")]) == 3
    assert client.get("/claims.html", params={"sort": "nope"}).status_code == 422


def test_a_claims_filter_that_matches_nothing_says_so(client: TestClient, parse) -> None:
    # As the actors and evidence tables do (docs/api.md); it drew an empty table's headings.
    assert client.get("/claims", params={"status": "partly-corroborated"}).json()["total"] == 0
    text = client.get("/claims.html", params={"status": "partly-corroborated"}).text
    assert "No claims match this filter." in text and "<table" not in text
    assert "<table" in client.get("/claims.html", params={"status": "unsupported"}).text
