"""The graph view's panel, in chromium: each statement names its source document; a hostile
title is shown as text and a ``javascript:`` URL is not linked; a web URL is, with
``rel="noopener noreferrer nofollow"``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.analysis import Analysis, analyse
from kg.store import KnowledgeStore

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "viz" / "hostile-document.yaml"
TROOPS = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"
BRIDGE = "https://w3id.org/cred-kg/id/claim/bridge-closed"
SPOKESMAN = "https://w3id.org/cred-kg/id/actor/spokesman"
LINKS = ("[...document.querySelectorAll('#kg-panel a')]"
         ".map(a => [a.getAttribute('href'), a.rel, a.target])")


def _analyse(path: Path) -> Analysis:
    with KnowledgeStore() as store:
        store.load([path])
        return analyse(store)


@pytest.fixture(scope="module")
def hostile() -> Analysis:
    return _analyse(HOSTILE)


def test_a_claims_statements_name_their_document(graph, page_file) -> None:
    g = graph()
    g.open(page_file())
    g.click_node(TROOPS)
    text = g.panel_text()
    assert "In: Putin appears to confirm North Korean troops in Russia \u2014 Newsweek, " \
           "2024-10-24" in text
    assert g.js(LINKS) == []  # the seed's document has no URL
    assert g.errors == []


@pytest.mark.parametrize("node", [BRIDGE, SPOKESMAN])
def test_a_hostile_document_is_text_and_not_linked(graph, page_file, hostile: Analysis,
                                                   node: str) -> None:
    g = graph()
    g.open(page_file(hostile))
    g.js("(id) => window.kgView.select(id)", node)
    g.page.wait_for_selector("#kg-panel .kg-doc")
    assert g.page.inner_text("#kg-panel .kg-doc") == (
        "In: <script>alert(1)</script> \u2014 The <b>Paper</b>, 2024-11-02 \u00b7 "
        "javascript:alert(1)")
    assert g.js(LINKS) == []
    g.page.click("#kg-panel .kg-doc-url")
    g.page.wait_for_timeout(200)
    assert g.dialogs == [] and g.errors == []
    assert g.js("document.querySelectorAll('#kg-panel script, #kg-panel b').length") == 0


def test_a_web_url_is_linked_without_an_opener(graph, page_file, tmp_path: Path) -> None:
    case = tmp_path / "web.yaml"
    case.write_text(HOSTILE.read_text(encoding="utf-8").replace(
        '"javascript:alert(1)"', '"https://example.org/bridge?a=1&b=2"'), encoding="utf-8")
    g = graph()
    g.open(page_file(_analyse(case)))
    g.js("(id) => window.kgView.select(id)", BRIDGE)
    g.page.wait_for_selector("#kg-panel .kg-doc")
    assert g.js(LINKS) == [["https://example.org/bridge?a=1&b=2", "noopener noreferrer nofollow",
                            "_blank"]]
    assert g.page.inner_text("#kg-panel a.kg-doc-url") == "https://example.org/bridge?a=1&b=2"
