"""The graph view's neighbourhood (refinement), readable kind names, and a narrow window."""

from __future__ import annotations

import pytest

from kg.analysis import Analysis

TROOPS = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"


def _narrower(analysis: Analysis, claim: str) -> set[str]:
    """Every claim that refines ``claim``, at any depth, from the case itself."""
    found: set[str] = set()
    frontier = {claim}
    while frontier:
        frontier = {
            iri for iri, c in analysis.case.claims.items()
            if set(c.refines) & frontier and iri not in found
        }
        found |= frontier
    return found


def test_a_claims_neighbourhood_holds_its_narrower_claims_and_their_sources(
    graph, page_file, seed_analysis: Analysis
) -> None:
    narrower = _narrower(seed_analysis, TROOPS)
    assert narrower, "the seed case has claims that refine this one"
    backers = {s.actor for s in seed_analysis.case.statements if s.claim in narrower}
    labels = {seed_analysis.case.actors[a].label for a in backers}
    assert {"National Intelligence Service", "John Kirby"} <= labels
    g = graph()
    g.open(page_file(focus="nk-troops-in-russia"))
    drawn = set(g.drawn())
    assert narrower <= drawn
    assert backers <= drawn
    # Everything the panel names as affirming is drawn.
    g.js("(id) => window.kgView.select(id, false)", TROOPS)
    affirming = g.js(
        "(id) => JSON.parse(document.getElementById('kg-details').textContent)"
        ".claims[id].affirming.flatMap(gr => gr.actors.map(a => a.iri))", TROOPS)
    assert affirming and set(affirming) <= drawn
    # Already focused on it: no button to focus on it again; a narrower claim offers one.
    assert g.page.locator("#kg-panel .kg-focus").count() == 0
    g.js("(id) => window.kgView.select(id, false)", sorted(narrower)[0])
    assert g.page.locator("#kg-panel button.kg-focus").count() == 1
    assert g.errors == []


def test_a_summarys_counts_agree_and_say_what_they_count(graph, page_file) -> None:
    g = graph()
    g.open(page_file(summary_above=10, max_nodes=30, focus="nk-troops-in-russia"))
    drawn = g.drawn()
    held = g.js("window.kgView.data.nodes.length")
    header = g.page.inner_text("#kg-status")
    # One count of nodes on the page: the header's, of the nodes drawn.
    assert header.startswith(f"Showing {len(drawn)} of 55 nodes")
    assert "27 claims" in header and header.endswith(" in all")
    note = g.page.inner_text("#kg-summary-note")
    assert f"({held} of 55 nodes)" not in note and " nodes)" not in note
    labels = g.js("Array.from(document.querySelectorAll('#kg-statuses label'))"
                  ".map(l => l.textContent.trim()).filter(t => t.includes('('))")
    held_claims = g.js("window.kgView.data.nodes.filter(n => n.type === 'claim').length")
    counts = [int(t.split("(")[1].split()[0]) for t in labels]
    assert labels and all(t.endswith(" in this summary)") for t in labels)
    assert sum(counts) == held_claims < 27


NO_SIDEWAYS = "document.scrollingElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize(
    "path", ["/", "/claims.html", "/actors.html", "/evidence.html", "/graph"]
)
def test_a_400px_window_never_scrolls_sideways(graph, server: str, path: str) -> None:
    g = graph(width=400, height=800)
    if path == "/graph":
        g.open(server + path)
        # Controls above the graph, the graph the window's width, not squeezed beside them.
        width = g.js("document.getElementById('kg-graph').getBoundingClientRect().width")
        assert width >= 380
        g.click_node(TROOPS)
        panel = g.js("(() => { const r = document.getElementById('kg-panel')"
                     ".getBoundingClientRect(); return [r.left, r.right]; })()")
        assert panel[0] >= 0 and panel[1] <= 400
        assert g.js("document.getElementById('kg-graph').getBoundingClientRect().width") >= 380
    else:
        g.page.goto(server + path)
    assert g.js(NO_SIDEWAYS), g.js("[document.scrollingElement.scrollWidth, innerWidth]")
    if path == "/claims.html":
        # The table scrolls in its own box; every column is reachable there.
        table = g.js("(() => { const t = document.querySelector('table');"
                     " return [t.clientWidth, t.scrollWidth, getComputedStyle(t).overflowX]; })()")
        assert table[0] <= 400 and table[2] == "auto"
        assert g.page.locator("th:has-text('Status')").count() == 1
    if path == "/":
        nav = g.js("(() => { const r = document.querySelector('nav.top')"
                   ".getBoundingClientRect(); return r.right; })()")
        assert nav <= 400
