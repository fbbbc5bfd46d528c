"""``/actors.html`` and ``/evidence.html``: parsed, and compared with the JSON they list.

Each page is read on the seed and on data that shares nothing with it (the port-fire case and
the hostile strings of the graph view's tests), so that nothing in them is fitted to the seed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.seed import seed_paths
from tests.api.conftest import settings

DATA = Path(__file__).resolve().parents[1] / "data"
PORT_FIRE = DATA / "cases" / "port-fire.yaml"
XSS_CASE = DATA / "viz" / "xss-case.yaml"


class _Table(HTMLParser):
    """The rows of a page's table (each cell's text, links and data- attributes), every link
    of the page, and the text of its ``<strong>`` elements."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict[str, Any]]] = []
        self.links: list[str] = []
        self.strong: list[str] = []
        self.next_links: list[str] = []
        self._href: str | None = None
        self._cell: dict[str, Any] | None = None
        self._in_body = self._in_strong = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a":
            self.links.append(found["href"] or "")
            self._href = found["href"]
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
        elif tag == "td" and self._in_body:
            self._cell = {"text": "", "links": [], "data": [], **found}
            self.rows[-1].append(self._cell)
        elif self._cell is not None:
            if tag == "a":
                self._cell["links"].append(found["href"])
            if any(k.startswith("data-") for k in found):
                self._cell["data"].append(found)
        if tag == "br" and self._cell is not None:
            self._cell["text"] += "\n"
        self._in_strong = self._in_strong or tag == "strong"

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "strong":
            self._in_strong = False

    def handle_data(self, data: str) -> None:
        if self._href is not None and data == "next":
            self.next_links.append(self._href)
        self._href = None
        if self._cell is not None:
            self._cell["text"] += data
        if self._in_strong:
            self.strong.append(data)


def _parse(html: str) -> _Table:
    table = _Table()
    table.feed(html)
    return table


def _page(client: TestClient, path: str, **params: str) -> _Table:
    # (an empty params would drop a query string that path carries)
    response = client.get(path, params=params or None)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    # The same policy as the claims table: no other origin, scripts only by hash.
    assert (
        response.headers["content-security-policy"]
        == client.get("/claims.html").headers["content-security-policy"]
    )
    return _parse(response.text)


@pytest.fixture(scope="module", params=["seed", "port-fire"])
def any_client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """A service on the seed with the hostile strings, or on the port-fire case with them."""
    base = [*seed_paths()] if request.param == "seed" else [PORT_FIRE]
    app = create_app(settings(query_workers=1, data=[*base, XSS_CASE]))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _every(client: TestClient, path: str, **params: str) -> list[dict[str, Any]]:
    body = client.get(path, params={**params, "limit": 1000}).json()
    assert body["total"] == len(body["items"])
    return body["items"]


def _actor_rows(page: _Table) -> list[dict[str, Any]]:
    out = []
    for name, kinds, group, grade, why, trust, statements in page.rows:
        graph, json_link = name["links"]
        label, ident = name["text"].split("\n")
        out.append(
            {
                "id": ident.removesuffix(" (JSON)"),
                "label": label,
                "graph": graph,
                "json": json_link,
                "kinds": kinds["text"],
                "group": group["text"],
                "grade": grade["data-grade"],
                "grade_text": grade["text"],
                "reasons": why["text"].split("\n"),
                "trust": trust["text"],
                "statements": statements["text"],
            }
        )
    return out


def test_the_actors_rows_are_the_json_actors(any_client: TestClient) -> None:
    rows = _actor_rows(_page(any_client, "/actors.html"))
    items = _every(any_client, "/actors")
    assert [r["id"] for r in rows] == [a["id"] for a in items]
    for row, item in zip(rows, items, strict=True):
        rel = item["reliability"]
        assert row["label"] == item["label"]
        assert row["kinds"] == ", ".join(item["kinds"])
        assert row["group"] == item["group"]["label"]
        assert row["grade"] == rel["grade"]
        assert row["grade_text"] == f"{rel['grade']} {rel['name']}"
        assert row["trust"] == ("" if rel["trust"] is None else f"{rel['trust']:.2f}")
        assert row["statements"] == str(item["statements"])
        assert row["graph"] == f"/graph?focus={item['id']}"
        assert row["json"] == item["url"]
        one = any_client.get(item["url"]).json()
        assert row["reasons"] == one["reliability"]["reasons"]


def test_the_actors_filters_are_those_of_the_json(any_client: TestClient) -> None:
    items = _every(any_client, "/actors")
    grades = sorted({a["reliability"]["grade"] for a in items})
    kinds = sorted({k for a in items for k in a["kinds"]})
    heads = sorted({a["group"]["id"] for a in items})[:3]
    asked = (
        [{"grade": g} for g in grades]
        + [{"kind": k} for k in kinds]
        + [{"group": h} for h in heads]
        + [{"grade": grades[0], "kind": kinds[0]}]
    )
    for params in asked:
        rows = _actor_rows(_page(any_client, "/actors.html", **params))
        assert [r["id"] for r in rows] == [
            a["id"] for a in _every(any_client, "/actors", **params)
        ], params
        assert rows, params
    # The form sends an empty field for "any": no filter, not an error.
    everyone = _actor_rows(_page(any_client, "/actors.html", grade="", kind="", group=""))
    assert len(everyone) == len(items)


def test_an_actors_filter_that_matches_nothing_says_so(any_client: TestClient) -> None:
    items = _every(any_client, "/actors")
    kinds = sorted({k for a in items for k in a["kinds"]})
    empty = next(
        {"grade": g, "kind": k}
        for g in "ABCDEF"
        for k in kinds
        if not _every(any_client, "/actors", grade=g, kind=k)
    )
    page = _page(any_client, "/actors.html", **empty)
    assert page.rows == []
    assert "No actors match these filters." in page.strong


def test_bad_actor_filters_are_answered_as_the_json_answers_them(any_client: TestClient) -> None:
    for params in ({"grade": "Z"}, {"kind": "Persn"}, {"group": "nobody-at-all"}):
        page = any_client.get("/actors.html", params=params)
        json = any_client.get("/actors", params=params)
        assert page.status_code == json.status_code in (404, 422), params
        assert page.json()["error"]["code"] == json.json()["error"]["code"]
        mine, theirs = page.json()["error"]["details"], json.json()["error"]["details"]
        if page.status_code == 404:
            assert mine == theirs  # the same suggestions
        else:  # the page also takes "" (the form's "any"), so the message names it
            assert [d["location"] for d in mine] == [d["location"] for d in theirs]


def test_the_evidence_rows_are_the_json_evidence_with_their_weights(any_client: TestClient) -> None:
    page = _page(any_client, "/evidence.html")
    items = _every(any_client, "/evidence")
    assert len(page.rows) == len(items)
    labels = {a["iri"]: a["label"] for a in _every(any_client, "/actors")}
    for (name, kinds, producers, date, bears), item in zip(page.rows, items, strict=True):
        lines = name["text"].split("\n")  # the label, (a description,) the id
        assert (lines[0], lines[-1]) == (item["label"], f"{item['id']} (JSON)")
        assert name["links"] == [item["url"]]
        assert kinds["text"] == ", ".join(item["kinds"])
        assert producers["text"].startswith(", ".join(labels[a] for a in item["produced_by"]))
        assert date["text"] == (item["date"] or "")
        weights = any_client.get(item["url"]).json()["weights"]
        shown = bears["data"]
        assert [d["data-claim"] for d in shown] == [w["claim"].rsplit("/", 1)[-1] for w in weights]
        assert [float(d["data-weight"]) for d in shown] == [w["weight"] for w in weights]
        assert bears["links"] == [f"/graph?focus={d['data-claim']}" for d in shown]
        for w in weights:
            side = "supports" if w["supports"] else "disputes"
            assert f"{side}" in bears["text"] and f"weight {w['weight']:.2f}" in bears["text"]


def test_an_evidence_kind_is_checked_and_an_empty_one_says_so(client: TestClient) -> None:
    # Video is a kind of the vocabulary that no seed evidence has; SatelliteImagery is used.
    assert _every(client, "/evidence", kind="Video") == []
    empty = _page(client, "/evidence.html", kind="Video")
    assert empty.rows == [] and "No evidence items match these filters." in empty.strong
    some = _page(client, "/evidence.html", kind="satelliteimagery")
    assert len(some.rows) == len(_every(client, "/evidence", kind="satelliteimagery")) > 0
    misspelt = client.get("/evidence.html", params={"kind": "SatelliteImagry"})
    assert misspelt.status_code == 404
    assert misspelt.json()["error"]["details"]["suggestions"] == ["SatelliteImagery"]


def test_hostile_text_is_escaped(any_client: TestClient) -> None:
    actors = any_client.get("/actors.html").text
    evidence = any_client.get("/evidence.html").text
    for html in (actors, evidence):
        assert "<img src=x" not in html and "<svg onload" not in html
        assert "<script>" not in html.split("</style>", 1)[1]
    assert escape("<img src=x onerror=\"window.__xss='actor'\">Minister") in actors
    assert escape("Critic \" onmouseover=\"alert('attr')") in actors
    assert escape("<img src=x onerror=alert(1)>") in evidence  # a claim's text
    assert "<img src=x onerror=\"window.__xss='evidence'\"> photo" in [
        r[0]["text"].split("\n")[0] for r in _parse(evidence).rows
    ]


def test_every_link_of_the_pages_resolves(any_client: TestClient) -> None:
    seen: set[str] = set()
    for path in ("/actors.html", "/evidence.html"):
        for href in _page(any_client, path).links:
            target = urljoin(path, href)
            if target not in seen:
                seen.add(target)
                assert any_client.get(target).status_code == 200, (path, href)
    assert {
        "/actors/minister",
        "/evidence/hostile-photo",
        "/graph?focus=minister",
        "/graph?focus=img-claim",
    } <= seen


def test_the_front_page_and_the_claims_table_link_to_both(client: TestClient) -> None:
    for path in ("/", "/claims.html", "/actors.html", "/evidence.html"):
        links = _page(client, path).links
        assert {"/actors.html", "/evidence.html", "/claims.html"} <= set(links), path


def test_the_tables_are_paged_as_the_json_is(any_client: TestClient) -> None:
    for path, json_path in (("/actors.html", "/actors"), ("/evidence.html", "/evidence")):
        items = _every(any_client, json_path)
        # The data's most common kind: the filtered list has more than one page if any has.
        kind, count = Counter(k for item in items for k in item["kinds"]).most_common(1)[0]
        for params in ({}, {"kind": kind}):
            expected = [item["id"] for item in _every(any_client, json_path, **params)]
            ids: list[str] = []
            href: str | None = f"{path}?{urlencode({**params, 'limit': 1})}"
            while href is not None:
                page = _page(any_client, urljoin(path, href))
                ids += [r[0]["links"][-1].rsplit("/", 1)[-1] for r in page.rows]
                href = page.next_links[0] if page.next_links else None
            assert ids == expected, params  # the "next" links keep the filter
            assert len(expected) == (count if params else len(items)), params
        assert len(items) > 1  # so there was more than one page
        past = _page(any_client, path, offset="100000")
        assert past.rows == []
        assert any(s.startswith("No ") and "on this page" in s for s in past.strong)
