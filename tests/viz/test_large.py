"""The summary page of a large graph (viz/large.py), on the seed and hostile cases with the
threshold lowered: which claims it picks, its bounds, its briefs, and that it explains nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.analysis import Analysis, _Everything, analyse
from kg.analysis.explain import Explainer
from kg.seed import seed_paths
from kg.store import KnowledgeStore
from viz import build_view, large, opening, render_page

CLAIM = "https://w3id.org/cred-kg/id/claim/"
PUTIN = "https://w3id.org/cred-kg/id/actor/putin"
STANCES = {"affirms": "affirming", "denies": "denying", "hedges": "hedging"}
LINKS = {"focus": "/graph?focus=", "claim": "/claims/", "actor": "/actors/"}
XSS_CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "xss-case.yaml"


def _summary(analysis: Analysis, **options):
    return build_view(analysis, summary_above=10, **options)


def _claims(view) -> set[str]:
    return {n["id"] for n in view.nodes if n["type"] == "claim"}


def test_small_graphs_hold_the_whole_graph(seed_analysis: Analysis) -> None:
    view = build_view(seed_analysis)
    assert large.graph_size(seed_analysis) == 55 <= large.SUMMARY_ABOVE
    assert len(view.nodes) == 55 and "partial" not in view.initial
    assert view.details["claims"] and "briefs" not in view.details


def test_above_the_threshold_the_page_says_it_is_a_summary_of_n_of_m_claims(
    seed_analysis: Analysis, parse
) -> None:
    view = _summary(seed_analysis, max_nodes=30)
    shown = len(_claims(view))
    assert view.initial["partial"] and view.initial["summary"]
    assert 1 <= shown < 27 and len(view.nodes) <= 30
    assert (
        f"Summary of a large graph: {shown} of 27 claims. It shows" in view.initial["note"]
    )
    # The node count is the header's alone (the nodes drawn): the note gives none.
    assert " nodes)" not in view.initial["note"]
    assert "/graph?focus=ID" in view.initial["note"] and "kg viz --focus ID" in view.initial["note"]
    # Nothing to show all of: the page holds no node that is not drawn.
    assert view.initial["claims"] is None and view.groups == {}
    assert view.stats["claims"] == 27 and view.stats["shown"] == {
        "nodes": len(view.nodes),
        "claims": shown,
    }
    data = parse(render_page(view)).data
    assert data["initial"]["note"] == view.initial["note"]
    assert set(data["details"]["briefs"]) == {n["id"] for n in view.nodes}


def test_the_summary_picks_the_most_corroborated_and_the_contested_claims(
    seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(large, "TOP_CLAIMS", 3)
    monkeypatch.setattr(large, "CONTESTED_CLAIMS", 2)
    summaries = seed_analysis.claim_summaries()
    best = sorted(summaries, key=lambda s: (-s.independent_groups, s.credibility, s.iri))[:3]
    contested = sorted(
        (s for s in summaries if s.contested),
        key=lambda s: (-len(s.contested_by), -s.independent_groups, s.iri),
    )[:2]
    # Worked out from the seed case: two corroborated claims, the best single-source claim
    # (grade 2), and the two claims only denied.
    assert [s.iri.removeprefix(CLAIM) for s in best + contested] == [
        "nk-troops-in-russia",
        "russia-nk-treaty-has-mutual-defence-clause",
        "russia-nk-treaty-article-4-mutual-defence",
        "nk-sent-troops-to-assist-war-on-ukraine",
        "nk-troops-sent-for-possible-deployment-to-ukraine",
    ]
    assert _claims(_summary(seed_analysis, max_nodes=1000)) == {s.iri for s in best + contested}


def test_a_tight_budget_keeps_the_best_claim_and_a_contested_one(seed_analysis: Analysis) -> None:
    view = _summary(seed_analysis, max_nodes=14)
    claims = _claims(view)
    assert len(view.nodes) <= 14
    assert CLAIM + "nk-troops-in-russia" in claims
    assert any(n["contested"] for n in view.nodes if n["type"] == "claim")


@pytest.mark.parametrize("max_nodes", [1, 5, 12, 20, 40, 1000])
def test_the_node_count_is_bounded(seed_analysis: Analysis, max_nodes: int) -> None:
    view = _summary(seed_analysis, max_nodes=max_nodes)
    claims = _claims(view)
    assert claims  # at least one claim, even when it alone is over the budget
    assert len(claims) == 1 or len(view.nodes) <= max_nodes
    ids = [n["id"] for n in view.nodes]
    assert len(ids) == len(set(ids))
    assert all(e["from"] in set(ids) and e["to"] in set(ids) for e in view.edges)


def test_stance_edges_are_the_groups_the_analysis_counts(
    seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(large, "SOURCES_PER_CLAIM", 2)
    view = _summary(seed_analysis, max_nodes=1000)
    numbers = {s.iri: s for s in seed_analysis.claim_summaries()}
    sources: dict[str, set[str]] = {}
    for edge in view.edges:
        if edge["kind"] in STANCES:
            group = edge["from"].removeprefix("group:")
            assert group in getattr(numbers[edge["to"]], STANCES[edge["kind"]])
            sources.setdefault(edge["to"], set()).add(edge["from"])
    assert max(len(s) for s in sources.values()) == 2
    # A claim that three groups affirm and one hedges shows an affirming and the hedging one.
    troops = CLAIM + "nk-troops-in-russia"
    kinds = Counter(e["kind"] for e in view.edges if e["to"] == troops and e["kind"] in STANCES)
    assert kinds == {"affirms": 1, "hedges": 1}
    # A group of several actors is one hexagon, a group of one is that actor.
    types = {n["id"]: n["type"] for n in view.nodes}
    assert types["group:https://w3id.org/cred-kg/id/actor/russia"] == "group"
    assert types["https://w3id.org/cred-kg/id/actor/newsweek"] == "actor"


def test_briefs_hold_the_numbers_of_each_node_drawn(seed_analysis: Analysis) -> None:
    view = _summary(seed_analysis, max_nodes=1000)
    briefs = view.details["briefs"]
    troops = briefs[CLAIM + "nk-troops-in-russia"]
    assert troops["text"] == "North Korean troops are in Russia."
    assert troops["status"] == "corroborated" and troops["independent_groups"] == 3
    assert troops["credibility"]["grade"] == 1
    assert troops["affirming"]["count"] == 3
    assert {g["label"] for g in troops["affirming"]["drawn"]} <= {
        "South Korea",
        "Ukraine",
        "United States",
    }
    # Evidence on the claim itself; the explanation adds its narrower claims' evidence.
    assert troops["evidence"]["count"] == 1
    russia = briefs["group:https://w3id.org/cred-kg/id/actor/russia"]
    assert russia["label"] == "Russia" and russia["members"] == 3
    assert "Vladimir Putin" in russia["listed"]
    # An evidence item's brief says what it is, as its explanation does (it had no
    # description).
    items = [b for b in briefs.values() if b["type"] == "evidence"]
    assert items
    for brief in items:
        record = seed_analysis.catalogue.evidence_index[brief["iri"]]
        assert brief["description"] == record.description and record.description


def test_a_summary_builds_no_explanation(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    # Every way an explanation is built: one at a time, or all at once.
    for owner, name in (
        (Explainer, "claim"),
        (Explainer, "actor"),
        (_Everything, "claims"),
        (_Everything, "actors"),
    ):
        original = getattr(owner, name)
        monkeypatch.setattr(
            owner, name, lambda self, *a, _o=original, _n=name: (built.append(_n), _o(self, *a))[1]
        )
    with KnowledgeStore() as store:
        store.load(seed_paths())
        analysis = analyse(store)
        view = _summary(analysis, max_nodes=40)
        render_page(view, node_links=LINKS)
        opening(view, analysis, focus="nk-troops-in-russia")
        opening(view, analysis, focus="putin")
        assert built == []
        assert "case" not in analysis.__dict__  # the whole graph was never read
        analysis.claim_by_id("nk-troops-in-russia")  # the spies see an explanation built
        build_view(analysis)  # and the whole graph's view, which explains everything
        assert built == ["claim", "claims", "actors"]


def test_focus_on_a_claim_draws_its_sources_first(
    seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(large, "SOURCES_PER_CLAIM", 1)
    monkeypatch.setattr(large, "TOP_CLAIMS", 1)
    monkeypatch.setattr(large, "CONTESTED_CLAIMS", 0)
    view = _summary(seed_analysis, max_nodes=40)
    troops = CLAIM + "nk-troops-in-russia"
    assert _claims(view) == {troops}
    focus = CLAIM + "nk-sent-troops-to-assist-war-on-ukraine"
    opened = opening(view, seed_analysis, focus="nk-sent-troops-to-assist-war-on-ukraine")
    assert opened.initial["focus"] == focus and opened.initial["partial"]
    # ... and the narrower claim that supports it (refinement), with its own sources.
    narrower = {i for i, c in seed_analysis.case.claims.items() if focus in c.refines}
    assert narrower and _claims(opened) == {focus, troops, *narrower}
    # The focus gets up to half the budget of sources; the others keep their one.
    into = Counter(e["to"] for e in opened.edges if e["kind"] in STANCES)
    summary = next(s for s in seed_analysis.claim_summaries([focus]))
    assert into[focus] == len({*summary.affirming, *summary.denying, *summary.hedging}) == 1
    assert into[troops] == 1
    assert "the neighbourhood of \u201cNorth Korea has sent troops" in opened.initial["note"]


def test_focus_on_an_actor_draws_it_with_its_own_stances(seed_analysis: Analysis) -> None:
    view = build_view(seed_analysis, summary_above=10, max_nodes=60, focus="putin")
    assert view.initial["focus"] == PUTIN
    assert PUTIN in {n["id"] for n in view.nodes}
    own = {(e["to"], e["kind"]) for e in view.edges if e["from"] == PUTIN}
    assert (CLAIM + "nk-troops-in-russia", "hedges") in own
    assert view.details["briefs"][PUTIN]["label"] == "Vladimir Putin"
    with pytest.raises(KeyError, match="no claim or actor"):
        build_view(seed_analysis, summary_above=10, focus="nobody")


def test_the_served_summary_links_to_neighbourhoods_and_explanations(
    seed_analysis: Analysis, parse
) -> None:
    view = _summary(seed_analysis, max_nodes=30)
    served = parse(render_page(view, node_links=LINKS)).data["initial"]
    assert served["links"] == LINKS
    assert "links" not in parse(render_page(view)).data["initial"]
    # A whole graph's page is unchanged by them.
    assert (
        "links"
        not in parse(render_page(build_view(seed_analysis), node_links=LINKS)).data["initial"]
    )
    with pytest.raises(ValueError, match="relative"):
        render_page(view, node_links={"focus": "javascript:alert(1)//"})


def test_hostile_labels_stay_escaped_in_a_summary(xss_analysis: Analysis, parse) -> None:
    from tests.viz.test_page import PAYLOAD_MARKERS

    view = build_view(xss_analysis, summary_above=5)
    assert view.initial["partial"]
    html = render_page(view, title="<script>alert(1)</script>", node_links=LINKS)
    page = parse(html)
    assert {e.tag for e in page.elements}.isdisjoint({"img", "svg", "iframe", "b", "i"})
    outside = html.replace(page.by_id("kg-data").text, "").replace(
        page.by_id("kg-details").text, ""
    )
    for marker in PAYLOAD_MARKERS:
        assert marker not in outside
    for block in ("kg-data", "kg-details"):
        raw = page.by_id(block).text
        assert "<" not in raw and ">" not in raw and "&" not in raw
    texts = {b["text"] for b in page.data["details"]["briefs"].values() if b["type"] == "claim"}
    assert "<img src=x onerror=alert(1)>" in texts
    assert any("href" in n["title"] for n in page.data["nodes"])


def test_focus_on_a_claim_draws_the_narrower_claims_that_support_it(
    seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No other claim makes the cut: only the focus brings its narrower claims in.
    monkeypatch.setattr(large, "TOP_CLAIMS", 0)
    monkeypatch.setattr(large, "CONTESTED_CLAIMS", 0)
    troops = CLAIM + "nk-troops-in-russia"
    narrower: set[str] = set()
    level = {troops}
    while level:
        level = {i for i, c in seed_analysis.case.claims.items()
                 if set(c.refines) & level and i not in narrower}
        narrower |= level
    assert narrower
    opened = _summary(seed_analysis, max_nodes=60, focus="nk-troops-in-russia")
    assert _claims(opened) == {troops, *narrower}
    refines = {(e["from"], e["to"]) for e in opened.edges if e["kind"] == "refines"}
    assert any(to == troops and source in narrower for source, to in refines)
