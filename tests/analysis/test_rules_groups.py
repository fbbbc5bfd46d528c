"""The grouping rules, one small hand-made graph each: affiliation, relays and analyst
overrides decide which actors count as one source.

Each graph is written in the notation of ``conftest.py`` ("kirby > white-house > us" is an
affiliation chain, "kirby affirms c" a statement). The expected answers were worked out by hand
from the module docstrings of kg.analysis.groups and .corroboration; the reasoning is in the
comment above each table or test.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analysis import analyse
from kg.analysis.groups import source_groups
from kg.analysis.model import Override
from tests.analysis.conftest import affirming


def partition(groups):
    return {frozenset(g.actor_iris) for g in groups.groups.values()}


# ---- Grouping by affiliation --------------------------------------------------------------------

# (name, actor chains, the partition worked out by following acts_for to the top)
GROUPINGS = [
    # Austin -> DoD -> US and Kirby -> White House -> US reach the same top: one source.
    ("secretary and spokesperson", ["austin > dod > us", "kirby > white-house > us"],
     [{"austin", "dod", "kirby", "white-house", "us"}]),
    # A president and his own intelligence service both act for the state.
    ("president and his intelligence service", ["yoon > south-korea", "nis > south-korea"],
     [{"yoon", "nis", "south-korea"}]),
    # Nobody acts for anybody: each actor is a top, so each is its own group.
    ("no affiliation", ["ngo", "castellan", "newsweek"],
     [{"ngo"}, {"castellan"}, {"newsweek"}]),
    # Two states with their officials stay apart.
    ("two states", ["austin > us", "hur > ukraine-mod > ukraine"],
     [{"austin", "us"}, {"hur", "ukraine-mod", "ukraine"}]),
    # A cycle a -> b -> c -> a (refused by the shapes, possible in raw data), and d joining it:
    # every actor on or into the cycle gets the same head.
    ("cycle", ["a > b > c > a", "d > b"], [{"a", "b", "c", "d"}]),
]


@pytest.mark.parametrize(("chains", "expected"), [g[1:] for g in GROUPINGS],
                         ids=[g[0] for g in GROUPINGS])
def test_groups_follow_affiliation_to_the_top(case, chains, expected):
    groups = source_groups(case(actors=chains))
    assert partition(groups) == {frozenset(g) for g in expected}


def test_group_is_named_by_its_head_and_each_member_keeps_its_chain(case):
    groups = source_groups(case(actors=["austin > dod > us", "kirby > white-house > us"]))
    assert groups.group_of == dict.fromkeys(["austin", "dod", "kirby", "us", "white-house"], "us")
    us = groups.groups["us"]
    assert us.label == "US"
    assert us.member("kirby").chain == ("KIRBY", "WHITE-HOUSE", "US")
    assert us.member("austin").chain == ("AUSTIN", "DOD", "US")
    assert us.member("us").chain == ("US",)


def test_a_cycle_gets_its_smallest_iri_as_head(case):
    # a -> b -> c -> a: the head of a cycle is its smallest IRI, "a", for all three.
    groups = source_groups(case(actors=["b > c > a > b"]))
    assert set(groups.group_of.values()) == {"a"}


def test_two_officials_of_one_state_are_one_affirming_group(analysed):
    # Austin and Kirby both affirm c, Yoon and the NIS both affirm d: one group each, so both
    # claims are single-source, never corroborated.
    analysis = analysed(
        actors=["austin > dod > us", "kirby > white-house > us", "yoon > south-korea",
                "nis > south-korea"],
        statements=["austin affirms c", "kirby affirms c", "yoon affirms d", "nis affirms d"],
    )
    assert affirming(analysis, "c") == {"us"}
    assert affirming(analysis, "d") == {"south-korea"}
    assert analysis.claims["c"].corroboration.status == "single-source"
    assert analysis.claims["d"].corroboration.status == "single-source"
    assert analysis.claims["c"].corroboration.affirming[0].actors == ("austin", "kirby")


def test_a_cycle_does_not_crash_the_analysis(analysed):
    # x and y act for each other; both affirm c. One group (head "x"), so single-source.
    analysis = analysed(actors=["x > y > x"], statements=["x affirms c", "y affirms c"])
    assert affirming(analysis, "c") == {"x"}
    assert analysis.claims["c"].corroboration.status == "single-source"


CYCLE_TTL = b"""
@prefix cred: <https://w3id.org/cred-kg/ns#> .
@prefix ex: <https://example.org/t/> .
ex:x a cred:Person ; cred:actsOnBehalfOf ex:y .
ex:y a cred:Person ; cred:actsOnBehalfOf ex:x .
ex:c a cred:Claim ; cred:text "C." .
ex:s1 cred:statedBy ex:x ; cred:about ex:c ; cred:stance cred:Affirms .
ex:s2 cred:statedBy ex:y ; cred:about ex:c ; cred:stance cred:Affirms .
"""


def test_a_cycle_in_raw_rdf_yields_one_group():
    # The compiler refuses cycles, so the data is loaded as raw Turtle. x and y are one group
    # (the cycle's smallest IRI, ex:x), so the claim has one affirming group.
    store = ox.Store()
    store.load(CYCLE_TTL, ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    analysis = analyse(store)
    claim = analysis.claim_by_id("c")
    assert claim.corroboration.status == "single-source"
    assert [g.group for g in claim.corroboration.affirming] == ["https://example.org/t/x"]
    assert analysis.actor_by_id("y").group.id == "https://example.org/t/x"


# ---- Relays -------------------------------------------------------------------------------------


def test_a_statement_relayed_by_three_outlets_counts_once(analysed, relay):
    # spk's statement reaches the reader through o1 -> o2 -> o3. The outlets make no statement,
    # so they are in no stance table: one affirming group, single-source.
    analysis = analysed(statements=[relay("spk affirms c", "o1", "o2", "o3")])
    assert affirming(analysis, "c") == {"spk"}
    assert analysis.claims["c"].corroboration.status == "single-source"
    assert {e.actor for e in analysis.claims["c"].stances} == {"spk"}


def test_two_speakers_through_the_same_outlets_are_two_groups_not_five(analysed, relay):
    analysis = analysed(statements=[relay("spk affirms c", "o1", "o2", "o3"),
                                    relay("other affirms c", "o1", "o2", "o3")])
    assert affirming(analysis, "c") == {"spk", "other"}
    assert analysis.claims["c"].corroboration.independent_groups == 2


def test_an_outlet_in_its_own_voice_is_its_own_group(analysed, relay):
    # The outlet relays spk's statement (adds nothing) and also affirms c itself: two groups.
    analysis = analysed(statements=[relay("spk affirms c", "outlet"), "outlet affirms c"])
    assert affirming(analysis, "c") == {"spk", "outlet"}
    assert analysis.claims["c"].corroboration.status == "corroborated"


# ---- Analyst overrides --------------------------------------------------------------------------

SEPARATE = Override("split", ("coastguard", "env"), True, "Separate collection.")
STATE_OWNED = Override("merge", ("valmora", "vbc"), False, "State-owned broadcaster.")


# (name, overrides, status of c, affirming groups). Coastguard and env both act for Valmora and
# both affirm c; vbc (an outlet, no affiliation) and the ministry (Valmora) both affirm d.
OVERRIDES = [
    ("no override", [], "single-source", {"valmora"}, "corroborated", {"valmora", "vbc"}),
    # The independence declaration detaches both agencies: two groups, corroborated.
    ("independence", [SEPARATE], "corroborated", {"coastguard", "env"}, "corroborated",
     {"valmora", "vbc"}),
    # The dependence declaration merges vbc into Valmora's group: one group on d. Valmora's
    # head has more members than vbc's, so the merged group keeps the id "valmora".
    ("dependence", [STATE_OWNED], "single-source", {"valmora"}, "single-source", {"valmora"}),
    ("both", [SEPARATE, STATE_OWNED], "corroborated", {"coastguard", "env"}, "single-source",
     {"valmora"}),
]


@pytest.mark.parametrize(("overrides", "c_status", "c_groups", "d_status", "d_groups"),
                         [o[1:] for o in OVERRIDES], ids=[o[0] for o in OVERRIDES])
def test_overrides_split_and_merge_groups(analysed, overrides, c_status, c_groups, d_status,
                                          d_groups):
    analysis = analysed(
        actors=["coastguard > valmora", "env > valmora", "ministry > valmora", "vbc"],
        statements=["coastguard affirms c", "env affirms c", "ministry affirms d",
                    "vbc affirms d"],
        overrides=overrides,
    )
    assert (analysis.claims["c"].corroboration.status, affirming(analysis, "c")) == (
        c_status, c_groups)
    assert (analysis.claims["d"].corroboration.status, affirming(analysis, "d")) == (
        d_status, d_groups)


def test_a_merged_group_is_named_by_its_largest_head_not_its_smallest_iri(analysed, case):
    # kg.analysis.groups: "The head with most members names the group; ties go to the smallest
    # IRI." Zeta heads three actors and sorts after abc, which heads one: zeta names the group.
    records = {"actors": ["coastguard > zeta", "env > zeta", "abc", "b", "a"],
               "statements": ["coastguard affirms c", "abc affirms c"],
               "overrides": [Override("m1", ("zeta", "abc"), False, "State-owned."),
                             Override("m2", ("b", "a"), False, "One desk.")]}
    for groups in (source_groups(case(**records)), analysed(**records).groups):
        assert groups.group_of["abc"] == groups.group_of["env"] == "zeta"
        assert groups.groups["zeta"].label == "ZETA + ABC"
        assert groups.group_of["b"] == "a"  # a tie of one member each: the smallest IRI
    analysis = analysed(**records)
    assert [s.group for s in analysis.actor_summaries(["abc", "b"])] == ["zeta", "a"]
    assert affirming(analysis, "c") == {"zeta"}


def test_independence_reason_is_in_the_explanation(analysed):
    analysis = analysed(actors=["coastguard > valmora", "env > valmora"],
                        statements=["coastguard affirms c", "env affirms c"],
                        overrides=[SEPARATE])
    groups = analysis.groups
    assert groups.of("coastguard").member("coastguard").overrides == ("Separate collection.",)
    # The explanation says what the override separated: each agency from Valmora.
    env = ("ENV heads a group of its own, no longer part of VALMORA, by an analyst's override: "
           "Separate collection.")
    assert groups.groups["env"].reasons == (env,)
    reasons = analysis.claims["c"].corroboration.reasons
    assert env in reasons
    assert env.replace("ENV", "COASTGUARD") in reasons


KHAN_DARA = ["minister > state", "spokesperson > state", "agency > state"]


def test_naming_two_officials_detaches_each_from_its_state(analysed):
    # The walk-through's case: "the agency and the minister are independent" written as
    # [agency, minister]. Each is detached from the state, so the minister no longer counts
    # with the spokesperson: the claim they both affirm has two groups, and the explanation
    # says from what each was separated (the state's group affirms too, so its side is told).
    override = Override("o", ("agency", "minister"), True, "Separate.")
    analysis = analysed(actors=KHAN_DARA, statements=["minister affirms c",
                                                      "spokesperson affirms c"],
                        overrides=[override])
    assert affirming(analysis, "c") == {"minister", "state"}
    reasons = analysis.claims["c"].corroboration.reasons
    told = [r for r in reasons if "override" in r]
    assert told == [
        "MINISTER heads a group of its own, no longer part of STATE, by an analyst's override: "
        "Separate.",
        "AGENCY heads a group of its own, no longer part of STATE, by an analyst's override: "
        "Separate.",
    ]


def test_naming_an_agency_with_its_state_detaches_the_agency_alone(analysed):
    # [agency, state]: the state acts for no one, so naming it changes nothing for it; the
    # minister and the spokesperson stay one source, and the agency is a second.
    override = Override("o", ("agency", "state"), True, "Separate.")
    analysis = analysed(actors=KHAN_DARA, statements=["minister affirms c",
                                                      "spokesperson affirms c",
                                                      "agency affirms c"],
                        overrides=[override])
    assert affirming(analysis, "c") == {"agency", "state"}
    assert analysis.groups.groups["state"].reasons == (
        "AGENCY heads a group of its own, no longer part of STATE, by an analyst's override: "
        "Separate.",)
    reasons = analysis.claims["c"].corroboration.reasons
    assert [r for r in reasons if "override" in r] == [  # told once, though both groups affirm
        "AGENCY heads a group of its own, no longer part of STATE, by an analyst's override: "
        "Separate."]


def test_a_detached_actor_merged_back_is_told_so(analysed):
    # Independence, then a dependence declaration that merges the agency back: one group, and
    # the explanation does not claim the agency is apart.
    analysis = analysed(actors=KHAN_DARA, statements=["minister affirms c", "agency affirms c"],
                        overrides=[Override("o1", ("agency", "state"), True, "Apart."),
                                   Override("o2", ("agency", "state"), False, "Together.")])
    assert affirming(analysis, "c") == {"state"}
    assert analysis.groups.groups["state"].reasons == (
        "AGENCY was detached from the actor it acts for by an analyst's independence override, "
        "but still counts with STATE + AGENCY (a dependence override or a loop of affiliation "
        "keeps it there): Apart.",
        "STATE + AGENCY was regrouped by an analyst's override: Together.",
    )


def test_dependence_merges_and_names_both_heads(analysed):
    analysis = analysed(actors=["ministry > valmora", "vbc"],
                        statements=["ministry affirms d", "vbc affirms d"],
                        overrides=[STATE_OWNED])
    group = analysis.groups.of("vbc")
    assert group.id == "valmora"
    assert group.label == "VALMORA + VBC"
    assert set(group.actor_iris) == {"ministry", "valmora", "vbc"}
    reasons = analysis.claims["d"].corroboration.reasons
    assert ("VALMORA + VBC was regrouped by an analyst's override: State-owned broadcaster."
            in reasons)
    # Two actors of the merged group affirm: the explanation shows each one's chain.
    assert ("MINISTRY, VBC count as one source, VALMORA + VBC, by affiliation: "
            "MINISTRY \u2192 VALMORA; VBC.") in reasons


def test_independence_detaches_the_actors_that_act_for_the_named_one(analysed):
    # officer -> coastguard -> valmora: detaching the coastguard takes its officer along, so the
    # officer and env (detached too) are two groups.
    analysis = analysed(actors=["officer > coastguard > valmora", "env > valmora"],
                        statements=["officer affirms c", "env affirms c"],
                        overrides=[SEPARATE])
    assert affirming(analysis, "c") == {"coastguard", "env"}
    assert analysis.groups.of("officer").member("officer").chain == ("OFFICER", "COASTGUARD")
