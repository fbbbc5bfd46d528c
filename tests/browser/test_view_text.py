"""The graph view in chromium: data text as stored (bidi controls shown as marks, right-to-left
text still right to left), evidence descriptions, search, Escape, and no favicon 404."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.analysis import Analysis, analyse
from kg.store import KnowledgeStore

CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "bidi-case.yaml"
ID = "https://w3id.org/cred-kg/id/"
REVERSED = ID + "claim/reversed-claim"
ARABIC = ID + "claim/arabic-claim"
PHOTO = ID + "evidence/labelled-photo"
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Where the first and the last letter of an element's text are drawn: right to left text
# has its first letter on the right.
ENDS = """(sel) => {
  const node = document.querySelector(sel), text = node.firstChild, r = document.createRange();
  r.setStart(text, 0); r.setEnd(text, 1); const first = r.getBoundingClientRect().left;
  const n = text.length; r.setStart(text, n - 1); r.setEnd(text, n);
  return [first, r.getBoundingClientRect().left];
}"""


@pytest.fixture(scope="module")
def bidi_analysis() -> Analysis:
    with KnowledgeStore() as store:
        store.load([CASE])
        return analyse(store)


@pytest.fixture(scope="module")
def case() -> dict[str, Any]:
    return yaml.safe_load(CASE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _tooltip(g: Any, node: str) -> str:
    """The tooltip's text, hovering ``node`` as a person would."""
    box = g.page.locator("#kg-graph canvas").bounding_box()
    g.page.mouse.move(box["x"] + 5, box["y"] + 5)
    x, y = g.js("""(id) => { const n = window.kgView.network, p = n.canvasToDOM(n.getPosition(id));
        const r = document.querySelector('#kg-graph canvas').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""", node)
    g.page.mouse.move(x, y)
    g.page.wait_for_selector("div.vis-tooltip", state="visible")
    return g.page.inner_text("div.vis-tooltip")


def _search(g: Any, text: str) -> None:
    g.page.fill("#kg-search", text)
    g.page.press("#kg-search", "Enter")


def test_bidi_controls_show_as_marks_and_rtl_text_stays_rtl(graph, page_file, bidi_analysis,
                                                           case) -> None:
    g = graph()
    g.open(page_file(bidi_analysis, title="Bidi"))
    g.click_node(REVERSED)
    text = g.panel_text()
    assert "Troops are [U+202E]reversed[U+202C] in the north." in text
    assert "No way [U+202E] evil" in text
    assert not CONTROLS.search(g.js("document.body.innerText"))
    assert g.js("getComputedStyle(document.querySelector('#kg-panel h2')).unicodeBidi") == "isolate"
    assert g.js("document.querySelector('#kg-panel blockquote bdi').textContent") == (
        "No way [U+202E] evil")
    assert "[U+202E]reversed[U+202C]" in _tooltip(g, REVERSED)
    g.js("(id) => window.kgView.select(id)", ARABIC)
    assert g.page.inner_text("#kg-panel h2") == case["claims"][1]["text"]
    first, last = g.js(ENDS, "#kg-panel h2")
    assert first > last  # drawn right to left, as before
    assert g.errors == []


def test_an_evidence_item_shows_label_and_description(graph, page_file, bidi_analysis,
                                                      case) -> None:
    g = graph()
    g.open(page_file(bidi_analysis, title="Bidi"))
    g.click_node(PHOTO)
    item = case["evidence"][0]
    assert g.page.inner_text("#kg-panel h2") == item["label"]
    assert g.page.inner_text("#kg-panel .kg-description") == (
        "A photograph of the [U+202E]eastern[U+202C] bridge, taken at dawn.")
    assert "taken at dawn" in _tooltip(g, PHOTO)


def test_search_is_forgiving_ranks_lists_and_says_no_match(graph, page_file,
                                                          bidi_analysis) -> None:
    g = graph()
    g.open(page_file(bidi_analysis, title="Bidi"))
    panel_id = "document.getElementById('kg-panel-body').dataset.id"
    _search(g, "photo of the bridge.")  # case and a final full stop do not matter
    assert g.js(panel_id) == PHOTO
    assert g.page.inner_text("#kg-search-results") == ""
    _search(g, "TROOPS")  # a prefix
    assert g.js(panel_id) == REVERSED
    _search(g, "labelled-photo")  # an id
    assert g.js(panel_id) == PHOTO
    _search(g, "the")  # two substrings: the shorter label first, both listed
    assert g.js(panel_id) == PHOTO
    buttons = g.page.locator("#kg-search-results button")
    assert buttons.count() == 2
    assert "2 matches" in g.page.inner_text("#kg-search-results")
    buttons.nth(1).click()
    assert g.js(panel_id) == REVERSED
    assert buttons.nth(1).get_attribute("aria-current") == "true"
    _search(g, "no such thing")
    assert g.page.is_hidden("#kg-panel")
    assert "No match for \u201cno such thing\u201d" in g.page.inner_text("#kg-search-results")


def test_escape_closes_the_panel_and_gives_focus_back(graph, page_file,
                                                      bidi_analysis) -> None:
    g = graph()
    g.open(page_file(bidi_analysis, title="Bidi"))
    g.page.focus("#kg-search")
    _search(g, "troops")
    g.page.focus("#kg-panel .kg-focus")  # the reader moves into the panel
    g.page.keyboard.press("Escape")
    assert g.page.is_hidden("#kg-panel")
    assert g.js("document.activeElement.id") == "kg-search"
    g.click_node(PHOTO)  # from the canvas: Escape closes it too
    assert g.page.is_visible("#kg-panel")
    g.page.keyboard.press("Escape")
    assert g.page.is_hidden("#kg-panel")


@pytest.mark.parametrize("path", ["/", "/claims.html", "/graph"])
def test_served_pages_log_no_error(graph, server: str, path: str) -> None:
    g = graph()
    g.page.goto(server + path)
    g.page.wait_for_load_state("networkidle")
    assert g.errors == []
    # headless chromium asks for no icon by itself; a headed one does, and gets this
    icon = g.page.request.get(server + "/favicon.ico")
    assert icon.ok and icon.headers["content-type"].startswith("image/svg+xml")
