"""The view's data: every node and edge of the analysis, in a fixed order, with the
encodings the legend promises."""

from __future__ import annotations

import json

import pytest

from kg.analysis import Analysis
from viz import build_view, opening, style
from viz.summary import summary_claims


@pytest.fixture(scope="module")
def view(seed_analysis: Analysis):
    return build_view(seed_analysis)


def test_every_claim_actor_and_evidence_is_a_node(seed_analysis: Analysis, view) -> None:
    ids = [n["id"] for n in view.nodes]
    assert len(ids) == len(set(ids))
    assert set(ids) == (set(seed_analysis.claims) | set(seed_analysis.actors)
                        | {e.iri for e in seed_analysis.case.evidence})
    types = {n["id"]: n["type"] for n in view.nodes}
    assert {types[c] for c in seed_analysis.claims} == {"claim"}
    assert {types[a] for a in seed_analysis.actors} == {"actor"}


def test_every_statement_is_a_stance_edge(seed_analysis: Analysis, view) -> None:
    stance_edges = {(e["statement"], e["from"], e["to"], e["kind"]) for e in view.edges
                    if e["kind"] in style.STANCE_EDGES}
    assert stance_edges == {(s.iri, s.actor, s.claim, s.stance)
                            for s in seed_analysis.case.statements}
    node_ids = {n["id"] for n in view.nodes}
    assert all(e["from"] in node_ids and e["to"] in node_ids for e in view.edges)


def test_the_view_is_deterministic(seed_analysis: Analysis, view) -> None:
    again = build_view(seed_analysis)
    assert json.dumps(again.to_dict(), sort_keys=True) == json.dumps(view.to_dict(),
                                                                     sort_keys=True)
    claims = [n["id"] for n in view.nodes if n["type"] == "claim"]
    assert claims == sorted(claims)


def test_claims_are_coloured_by_status_and_sized_by_corroboration(
        seed_analysis: Analysis, view) -> None:
    for node in view.nodes:
        if node["type"] != "claim":
            continue
        item = seed_analysis.claims[node["id"]]
        assert node["color"]["background"] == style.CLAIM_STATUS[item.corroboration.status].color
        assert node["corroboration"] == item.corroboration.independent_groups
        if item.corroboration.contested:
            assert node["color"]["border"] == style.CONTESTED_BORDER
    sizes = {n["corroboration"]: n["size"] for n in view.nodes if n["type"] == "claim"}
    assert sizes[3] > sizes[2] > sizes[1] > sizes[0]


def test_actors_are_coloured_by_reliability_grade(seed_analysis: Analysis, view) -> None:
    for node in view.nodes:
        if node["type"] == "actor":
            grade = seed_analysis.actors[node["id"]].reliability.grade
            assert node["color"]["background"] == style.RELIABILITY[grade].color


def test_shapes_and_stance_styles_are_distinct() -> None:
    shapes = {style.CLAIM_SHAPE, style.ACTOR_SHAPE, style.EVIDENCE_SHAPE, style.GROUP_SHAPE}
    assert len(shapes) == 4
    stances = [style.EDGES[s] for s in style.STANCE_EDGES]
    assert len({s.color for s in stances}) == 3
    assert len({(s.dashes, s.arrow) for s in stances}) == 3
    assert len({s.color for s in style.CLAIM_STATUS.values()}) == len(style.CLAIM_STATUS) == 4
    assert len({s.color for s in style.RELIABILITY.values()}) == 6


def test_the_legend_explains_every_colour_shape_and_edge_kind(view) -> None:
    keys = {row["key"] for row in view.legend}
    # k = 2 here: no claim can be partly corroborated, so the legend leaves that row out.
    statuses = set(style.CLAIM_STATUS) - {"partly-corroborated"}
    assert statuses | set(style.RELIABILITY) | set(style.EDGES) <= keys
    assert {"evidence", "group", "contested"} <= keys
    used = {e["kind"] for e in view.edges}
    assert used <= set(view.to_dict()["edgeStyles"])
    assert all(row["label"] and row["description"] for row in view.legend)


def test_details_carry_the_analysis_explanations(seed_analysis: Analysis, view) -> None:
    claim = view.details["claims"]["https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"]
    assert [g["label"] for g in claim["affirming"]] == ["South Korea", "Ukraine",
                                                        "United States"]
    assert claim["credibility"]["grade"] == 1
    assert set(view.details["actors"]) == set(seed_analysis.actors)
    photo = view.details["evidence"][
        "https://w3id.org/cred-kg/id/evidence/putin-kim-vostochny-photograph"]
    assert [p["label"] for p in photo["producers"]] == ["Vladimir Smirnov"]
    assert photo["weights"] and photo["weights"][0]["weight"] > 0


def test_filters_list_statuses_groups_actors_and_dates(seed_analysis: Analysis, view) -> None:
    f = view.filters
    assert [s["value"] for s in f["statuses"]] == ["corroborated", "single-source",
                                                   "unsupported"]
    assert sum(s["count"] for s in f["statuses"]) == len(seed_analysis.claims)
    assert len(f["groups"]) == len(seed_analysis.groups.groups)
    assert len(f["actors"]) == len(seed_analysis.actors)
    assert f["maxCorroboration"] == 3
    assert f["dates"] == {"min": "2023-09-13", "max": "2024-10-24"}


def test_groups_of_two_or_more_can_collapse(seed_analysis: Analysis, view) -> None:
    us = view.groups["https://w3id.org/cred-kg/id/actor/united-states"]
    assert len(us["members"]) == 5
    assert us["node"]["id"] == "group:https://w3id.org/cred-kg/id/actor/united-states"
    assert all(len(g["members"]) > 1 for g in view.groups.values())
    assert build_view(seed_analysis, group_members=True).initial["collapsed"] is True


def test_focus_opens_on_a_claim_or_actor_and_rejects_unknown_ids(
        seed_analysis: Analysis, view) -> None:
    assert (build_view(seed_analysis, focus="putin").initial["focus"]
            == "https://w3id.org/cred-kg/id/actor/putin")
    assert opening(view, seed_analysis, focus="nk-troops-in-russia").initial["focus"].endswith(
        "/claim/nk-troops-in-russia")
    with pytest.raises(KeyError, match="no claim or actor 'nope'"):
        opening(view, seed_analysis, focus="nope")


def test_a_graph_over_the_limit_opens_on_a_summary(seed_analysis: Analysis) -> None:
    small = build_view(seed_analysis, max_nodes=20)
    assert small.initial["summary"] and small.initial["collapsed"]
    claims = small.initial["claims"]
    assert claims[0] == "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"
    assert _summary_size(small, set(claims)) <= 20
    assert build_view(seed_analysis, max_nodes=0).initial["summary"] is False
    assert build_view(seed_analysis).initial["summary"] is False


def test_the_summary_always_has_one_claim(seed_analysis: Analysis) -> None:
    assert len(summary_claims(seed_analysis, 1)) == 1


def _summary_size(view, claims: set[str]) -> int:
    """Nodes the page draws for a summary, counted as graph.js does."""
    types = {n["id"]: n["type"] for n in view.nodes}
    source = {n["id"]: n.get("source") for n in view.nodes}
    shown = set(claims)
    evidence = set()
    for e in view.edges:
        if e["to"] in claims and types[e["from"]] == "evidence":
            evidence.add(e["from"])
        elif e["to"] in claims and types[e["from"]] == "actor":
            shown.add(e["from"])
    shown |= evidence
    shown |= {e["from"] for e in view.edges if e["kind"] == "produced" and e["to"] in evidence}
    drawn = {f"group:{source[i]}" if types[i] == "actor" and source[i] in view.groups else i
             for i in shown}
    return len(drawn)
