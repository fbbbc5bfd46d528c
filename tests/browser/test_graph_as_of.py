"""The graph view as of a date, served, in headless chromium: the title says the date, the
panel explains that day's analysis, a summary's links keep the date, and the hostile case's
text runs nothing."""

from __future__ import annotations

from urllib.parse import quote

import pytest

TROOPS = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"
DATE = "2024-10-20"


def test_the_served_graph_as_of_a_date(graph, server: str) -> None:
    g = graph()
    response = g.open(f"{server}/graph?as_of={DATE}")
    assert response.status == 200
    assert g.page.title() == f"Source-credibility graph as of {DATE}"
    then = g.page.request.get(f"{server}/claims/nk-troops-in-russia?as_of={DATE}").json()
    # The seed's statements run 18-24 October: as of the 20th fewer groups had spoken.
    assert then["independent_groups"] < 3
    node = g.js("(id) => window.kgView.data.nodes.find(n => n.id === id)", TROOPS)
    assert (node["status"], node["corroboration"]) == (then["status"],
                                                        then["independent_groups"])
    g.click_node(TROOPS)
    text = g.panel_text()
    assert f"Independent affirming groups ({then['independent_groups']})" in text
    assert f"As of {DATE}: " in text
    assert g.dialogs == [] and g.js("window.__xss") is None
    assert [u for u in g.requests if not u.startswith((server, "data:"))] == []


def test_the_served_summary_as_of_a_date_keeps_the_date_in_its_links(
        graph, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from viz import large

    monkeypatch.setattr(large, "SUMMARY_ABOVE", 10)
    g = graph()
    g.open(f"{server}/graph?max_nodes=31&as_of={DATE}")
    assert g.js("window.kgView.data.initial.partial") is True
    g.js("(id) => window.kgView.select(id)", TROOPS)
    explanation = g.page.get_attribute("#kg-panel a:has-text('Full explanation')", "href")
    assert explanation == f"/claims/{quote(TROOPS, safe='')}?as_of={DATE}"
    neighbourhood = g.page.get_attribute("#kg-panel a:has-text('Open its neighbourhood')",
                                         "href")
    assert neighbourhood == f"/graph?as_of={DATE}&focus={quote(TROOPS, safe='')}"
    reply = g.page.request.get(server + explanation)
    assert reply.ok and reply.json()["as_of"]["as_of"] == DATE
    assert reply.json()["reasons"][0].startswith(f"As of {DATE}: ")
    g.open(server + neighbourhood + "&max_nodes=31")
    assert g.js("window.kgView.data.initial.focus") == TROOPS
    assert g.page.title() == f"Source-credibility graph as of {DATE}"
