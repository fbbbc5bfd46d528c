"""Data text is shown as stored: bidi controls become visible marks on every page.

The case (tests/data/viz/bidi-case.yaml) puts the controls in a claim, quotes, actor names,
an evidence description and the document; right-to-left text (Arabic, Hebrew with an RLM)
must come through unchanged. An evidence item's description is shown beside its label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from kg.analysis import Analysis, analyse
from kg.store import KnowledgeStore
from tests.api.conftest import settings
from viz import build_view, render_page
from viz.bidi import show_bidi_controls

CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "bidi-case.yaml"
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _case() -> dict[str, Any]:
    return yaml.safe_load(CASE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _shown(text: str) -> str:
    """What a page must show for ``text``: each control as a mark, all else unchanged."""
    return CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


@pytest.fixture(scope="module")
def bidi_analysis() -> Analysis:
    with KnowledgeStore() as store:
        store.load([CASE])
        return analyse(store)


def test_every_control_becomes_a_mark_and_rtl_text_stays() -> None:
    controls = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    shown = show_bidi_controls("a" + "b".join(controls) + "c")
    assert not CONTROLS.search(shown)
    assert [int(h, 16) for h in re.findall(r"\[U\+([0-9A-F]{4})\]", shown)] == [
        ord(c) for c in controls]
    rtl = "\u05e9\u05dc\u05d5\u05dd\u200f \u0645\u0631\u062d\u0628\u0627\u200e"
    assert show_bidi_controls(rtl) == rtl


def test_the_view_page_shows_marks_in_every_text(bidi_analysis: Analysis, parse: Any) -> None:
    page = render_page(build_view(bidi_analysis), title="Bidi \u202etitle")
    assert not CONTROLS.search(page)
    data = parse(page).data
    case = _case()
    claims = {c["text"] for c in data["details"]["claims"].values()}
    assert claims == {_shown(c["text"]) for c in case["claims"]}
    quotes = {s["quote"] for a in data["details"]["actors"].values() for s in a["statements"]}
    assert quotes == {_shown(s["quote"]) for s in case["statements"]}
    labels = {n["label"] for n in data["nodes"] if n["type"] == "actor"}
    assert _shown(case["actors"][0]["name"]) in labels
    # Hebrew with its RLM is unchanged
    assert case["actors"][2]["name"] in labels
    assert "[U+202E]" in page.split("</title>")[0]


def test_an_evidence_items_description_is_in_the_view(bidi_analysis: Analysis,
                                                      parse: Any) -> None:
    item = _case()["evidence"][0]
    data = parse(render_page(build_view(bidi_analysis))).data
    (node,) = [n for n in data["nodes"] if n["type"] == "evidence"]
    (details,) = data["details"]["evidence"].values()
    assert details["label"] == item["label"]
    assert details["description"] == _shown(item["description"])
    assert item["label"] in node["title"] and _shown(item["description"]) in node["title"]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(settings(query_workers=1, data=[CASE]))) as served:
        yield served


@pytest.mark.parametrize("path", ["/", "/claims.html", "/actors.html", "/evidence.html",
                                  "/graph"])
def test_served_pages_show_marks(client: TestClient, path: str) -> None:
    body = client.get(path).text
    assert not CONTROLS.search(body)
    case = _case()
    item = case["evidence"][0]
    wanted = {
        "/claims.html": [_shown(c["text"]) for c in case["claims"]],
        "/actors.html": [_shown(a["name"]) for a in case["actors"]],
        "/evidence.html": [item["label"], _shown(item["description"])],
        "/graph": [_shown(s["quote"]) for s in case["statements"]],
    }.get(path, [])
    for text in wanted:
        assert text in body, text


def test_the_evidence_json_has_its_description(client: TestClient) -> None:
    item = _case()["evidence"][0]
    body = client.get(f"/evidence/{item['id']}").json()
    # JSON is data, not a page: it keeps the text exactly as stored
    assert (body["label"], body["description"]) == (item["label"], item["description"])


def test_the_extract_page_shows_marks(client: TestClient) -> None:
    article = ("Defence Minister John Smith said on Monday that \u202etroops\u202c had "
               "withdrawn from the city.")
    body = client.post("/extract", data={"text": article, "date": "2025-01-02"}).text
    html_part, _, _ = body.partition('id="items"')
    assert not CONTROLS.search(html_part)
    assert "[U+202E]troops[U+202C]" in html_part


def test_the_favicon_is_served_as_an_image(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.text.startswith("<svg") and "</svg>" in response.text
