"""The corroboration rules, one small hand-made graph each.

Each graph is written in the notation of ``conftest.py`` ("kirby > white-house > us" is an
affiliation chain, "kirby affirms c" a statement). The expected answers were worked out by hand
from the module docstrings of kg.analysis.groups, .stances and .corroboration; the reasoning is
in the comment above each table or test.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analysis import METHODS, analyse, analyse_case
from kg.analysis.corroboration import corroborate
from kg.analysis.groups import source_groups
from kg.analysis.model import Override
from kg.analysis.serialize import short_id
from kg.analysis.stances import stance_tables


def affirming(analysis, claim):
    return {g.group for g in analysis.claims[claim].corroboration.affirming}


def denying(analysis, claim):
    return {g.group for g in analysis.claims[claim].corroboration.denying}


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


# ---- Refinement ---------------------------------------------------------------------------------

# n2 refines n1 refines b. (statements, claim, affirming groups, denying groups), by the rules:
# affirmation flows up (narrow -> broad, transitively), denial flows down (broad -> narrow).
REFINEMENT = [
    ("narrow affirmation reaches the broad claim, 2 levels", ["x affirms n2"], "b", {"x"}, set()),
    ("narrow affirmation reaches the middle claim", ["x affirms n2"], "n1", {"x"}, set()),
    ("broad affirmation does not reach n1", ["x affirms b"], "n1", set(), set()),
    ("broad affirmation does not reach n2", ["x affirms b"], "n2", set(), set()),
    ("middle affirmation does not reach n2", ["x affirms n1"], "n2", set(), set()),
    ("broad denial reaches n1", ["y denies b"], "n1", set(), {"y"}),
    ("broad denial reaches n2, 2 levels", ["y denies b"], "n2", set(), {"y"}),
    ("narrow denial does not reach n1", ["y denies n2"], "n1", set(), set()),
    ("narrow denial does not reach b", ["y denies n2"], "b", set(), set()),
]
CHAIN = ["n2 refines n1", "n1 refines b"]


@pytest.mark.parametrize(("statements", "claim", "affirms", "denies"),
                         [r[1:] for r in REFINEMENT], ids=[r[0] for r in REFINEMENT])
def test_refinement_implications(analysed, statements, claim, affirms, denies):
    analysis = analysed(claims=CHAIN, statements=statements)
    assert affirming(analysis, claim) == affirms
    assert denying(analysis, claim) == denies
    assert analysis.claims[claim].corroboration.contested == bool(denies)


def test_implied_stances_say_how_they_got_there(case):
    stances, _ = stance_tables(case(claims=CHAIN, statements=["x affirms n2", "y denies b"]))
    assert [(e.actor, e.stance, e.via, e.source_claim) for e in stances["b"]] == [
        ("y", "denies", "direct", "b"), ("x", "affirms", "refinement", "n2")]
    assert [(e.actor, e.stance, e.via, e.source_claim) for e in stances["n2"]] == [
        ("x", "affirms", "direct", "n2"), ("y", "denies", "broader-denial", "b")]


def test_broad_claim_is_corroborated_while_its_refinements_stay_single_source(analysed):
    # x affirms n2, y affirms n1, z affirms b: b has x, y, z; n1 has x, y; n2 has x alone.
    analysis = analysed(claims=CHAIN, statements=["x affirms n2", "y affirms n1", "z affirms b"])
    assert affirming(analysis, "b") == {"x", "y", "z"}
    assert affirming(analysis, "n1") == {"x", "y"}
    assert affirming(analysis, "n2") == {"x"}
    assert [analysis.claims[c].corroboration.status for c in ("b", "n1", "n2")] == [
        "corroborated", "corroborated", "single-source"]


# ---- Contradiction ------------------------------------------------------------------------------


def test_affirming_a_contradicting_claim_contests(analysed):
    # a contradicts b, bn refines b; x affirms a, y affirms b. x denies b by contradiction, and
    # bn too (a claim narrower than b cannot hold if b does not): both are contested by x. b
    # stays single-source (y); nobody affirms bn.
    analysis = analysed(claims=["a contradicts b", "bn refines b"],
                        statements=["x affirms a", "y affirms b"])
    b, bn = analysis.claims["b"], analysis.claims["bn"]
    assert (b.corroboration.status, affirming(analysis, "b")) == ("single-source", {"y"})
    assert b.corroboration.contested_by == ("x",)
    assert [(e.actor, e.via, e.source_claim) for e in b.stances if e.stance == "denies"] == [
        ("x", "contradiction", "a")]
    assert (bn.corroboration.status, bn.corroboration.contested_by) == ("unsupported", ("x",))
    assert [(e.actor, e.stance, e.via) for e in bn.stances] == [
        ("x", "denies", "contradiction")]


def test_contradiction_stated_once_in_a_case_file_works_both_ways(analyse_yaml):
    # The case file says a contradicts b; the claim is symmetric, so x (affirming b) contests a
    # and y (affirming a) contests b.
    analysis = analyse_yaml(yaml_case(
        claims="  - {id: a, text: A.}\n  - {id: b, text: B., contradicts: [a]}\n",
        statements=[("x", "affirms", "b"), ("y", "affirms", "a")],
    ))
    assert [g.label for g in analysis.claim_by_id("a").corroboration.denying] == ["X"]
    assert [g.label for g in analysis.claim_by_id("b").corroboration.denying] == ["Y"]
    # Contested both ways too, a through the declaration it does not carry (docs/analysis.md).
    a, b = analysis.claim_by_id("a").corroboration, analysis.claim_by_id("b").corroboration
    assert (a.contested, [short_id(g) for g in a.contested_by]) == (True, ["x"])
    assert (b.contested, [short_id(g) for g in b.contested_by]) == (True, ["y"])


ONE_WAY_TTL = b"""
@prefix cred: <https://w3id.org/cred-kg/ns#> .
@prefix ex: <https://example.org/t/> .
ex:x a cred:Person . ex:z a cred:Person .
ex:a a cred:Claim ; cred:text "A." ; cred:contradicts ex:b .
ex:b a cred:Claim ; cred:text "B." .
ex:s1 cred:statedBy ex:x ; cred:about ex:a ; cred:stance cred:Affirms .
ex:s2 cred:statedBy ex:z ; cred:about ex:b ; cred:stance cred:Affirms .
"""


def test_contradiction_stated_once_in_raw_rdf_is_symmetric():
    store = ox.Store()
    store.load(ONE_WAY_TTL, ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://example.org/g"))
    analysis = analyse(store)
    assert analysis.claim_by_id("b").corroboration.contested  # x affirms a: works today
    assert analysis.claim_by_id("a").corroboration.contested  # z affirms b: fails


def test_contradiction_follows_implied_affirmations(analysed):
    # x affirms n, so x affirms a (refinement); a contradicts b, so x denies b.
    analysis = analysed(claims=["n refines a", "a contradicts b"],
                        statements=["x affirms n", "y affirms b"])
    assert analysis.claims["b"].corroboration.contested_by == ("x",)


def test_a_denial_through_contradiction_and_refinement_is_not_called_the_contradicting_claim(
        analysed):
    # a contradicts b; bn refines b; an refines a. x affirms a: it contradicts b directly, and
    # bn through b. z affirms an, narrower than a: it rules out b through a. Only a direct
    # declaration is "the contradicting claim"; the others name the claim and how it reaches.
    analysis = analysed(claims=["a contradicts b", "bn refines b", "an refines a"],
                        statements=["x affirms a", "y affirms b", "z affirms an"])
    through = "which rules it out through a contradiction and a refinement"

    def denied(claim):
        return [r for r in analysis.claims[claim].corroboration.reasons
                if r.startswith("Denied by")]

    assert denied("b") == [
        "Denied by X (X by affirming the contradicting claim \u201cClaim A.\u201d); "
        f"Z (Z by affirming \u201cClaim AN.\u201d, {through})."]
    assert denied("bn") == [
        f"Denied by X (X by affirming \u201cClaim A.\u201d, {through}); "
        f"Z (Z by affirming \u201cClaim AN.\u201d, {through})."]
    assert denied("a") == [
        "Denied by Y (Y by affirming the contradicting claim \u201cClaim B.\u201d)."]


# ---- Hedges -------------------------------------------------------------------------------------


def test_a_claim_only_hedged_is_unsupported_with_credibility_6(analysed):
    analysis = analysed(statements=["putin hedges c"])
    claim = analysis.claims["c"]
    assert claim.corroboration.status == "unsupported"
    assert claim.corroboration.affirming == ()
    assert not claim.corroboration.contested
    assert [g.group for g in claim.corroboration.hedging] == ["putin"]
    assert claim.credibility.grade == 6
    assert claim.credibility.stix_confidence is None


def test_a_hedge_never_counts_as_an_affirmation(analysed):
    # Three groups: one affirms, two hedge. One affirming group, so single-source, not
    # corroborated; and nobody contests it.
    analysis = analysed(statements=["austin affirms c", "putin hedges c", "newsweek hedges c"])
    corroboration = analysis.claims["c"].corroboration
    assert corroboration.status == "single-source"
    assert affirming(analysis, "c") == {"austin"}
    assert {g.group for g in corroboration.hedging} == {"putin", "newsweek"}
    assert corroboration.contested_by == ()


def test_a_hedge_is_never_propagated(analysed):
    # Hedging the narrow claim says nothing of the broad one, and hedging the broad one
    # nothing of the narrow one.
    analysis = analysed(claims=["n refines b"], statements=["x hedges n", "y hedges b"])
    assert [e.actor for e in analysis.claims["b"].stances] == ["y"]
    assert [e.actor for e in analysis.claims["n"].stances] == ["x"]


# ---- Denials ------------------------------------------------------------------------------------


def test_a_denial_contests_a_claim(analysed):
    analysis = analysed(statements=["austin affirms c", "north-korea denies c"])
    corroboration = analysis.claims["c"].corroboration
    assert corroboration.status == "single-source"
    assert corroboration.contested
    assert corroboration.contested_by == ("north-korea",)
    assert "Contested: NORTH-KOREA denies it and does not affirm it." in corroboration.reasons


def test_a_group_that_also_affirms_does_not_contest(analysed):
    # p1 and p2 are one group g; one affirms, the other denies: g is listed as denying, but it
    # affirms too, so the claim is not contested.
    analysis = analysed(actors=["p1 > g", "p2 > g"], statements=["p1 affirms c", "p2 denies c"])
    corroboration = analysis.claims["c"].corroboration
    assert denying(analysis, "c") == {"g"}
    assert not corroboration.contested
    assert corroboration.contested_by == ()


def test_corroborated_and_contested_at_once(analysed):
    # Three governments affirm, the party concerned denies.
    analysis = analysed(
        actors=["austin > us", "yoon > south-korea", "hur > ukraine"],
        statements=["austin affirms c", "yoon affirms c", "hur affirms c",
                    "north-korea denies c"],
    )
    corroboration = analysis.claims["c"].corroboration
    assert corroboration.status == "corroborated"
    assert affirming(analysis, "c") == {"us", "south-korea", "ukraine"}
    assert corroboration.contested
    assert corroboration.contested_by == ("north-korea",)


# ---- Status and k -------------------------------------------------------------------------------

# (affirming groups, k, status). A claim with n independent affirming groups g1..gn (and, for
# n = 0, a denial only) is corroborated when n >= k, single-source when n == 1 < k, and
# unsupported when n == 0.
STATUS = [
    (0, 1, "unsupported"), (0, 2, "unsupported"), (0, 3, "unsupported"),
    (1, 1, "corroborated"), (1, 2, "single-source"), (1, 3, "single-source"),
    (2, 1, "corroborated"), (2, 2, "corroborated"),
    (3, 1, "corroborated"), (3, 2, "corroborated"), (3, 3, "corroborated"),
    (4, 3, "corroborated"),
]


@pytest.mark.parametrize(("n", "k", "status"), STATUS)
def test_status_boundaries(analysed, n, k, status):
    statements = [f"g{i} affirms c" for i in range(n)] or ["z denies c"]
    claim = analysed(statements=statements, min_groups=k).claims["c"]
    assert claim.corroboration.status == status
    assert claim.corroboration.independent_groups == n
    assert claim.corroboration.min_groups == k


def test_k_defaults_to_two(case):
    analysis = analyse_case(case(statements=["g1 affirms c", "g2 affirms c"]), method="voting")
    assert analysis.min_groups == 2
    assert analysis.claims["c"].corroboration.status == "corroborated"


def test_two_groups_below_k_three_are_not_unsupported(analysed):
    claim = analysed(statements=["g1 affirms c", "g2 affirms c"], min_groups=3).claims["c"]
    assert claim.corroboration.status != "unsupported"
    assert "Status unsupported: nothing affirms it." not in claim.corroboration.reasons


@pytest.mark.parametrize("k", [0, -1])
def test_k_below_one_is_refused(case, k):
    records = case(statements=["g1 affirms c"])
    with pytest.raises(ValueError, match="min_groups must be at least 1"):
        analyse_case(records, min_groups=k, method="voting")
    groups = source_groups(records)
    stances, _ = stance_tables(records)
    with pytest.raises(ValueError, match="min_groups must be at least 1"):
        corroborate(records, groups, stances, {}, min_groups=k)


def test_k_below_one_is_refused_for_a_store():
    with pytest.raises(ValueError, match="min_groups must be at least 1"):
        analyse(ox.Store(), min_groups=0)


# ---- Robustness ---------------------------------------------------------------------------------


def test_default_method_runs_on_any_graph(case):
    analysis = analyse_case(case(statements=["x affirms c"]))
    assert analysis.claims["c"].corroboration.status == "single-source"


@pytest.mark.parametrize("method", list(METHODS))
def test_every_method_runs_on_any_graph(case, method):
    # No two actors speak to one claim: nothing to compare, and no pair for copy detection.
    analysis = analyse_case(case(statements=["x affirms c", "y denies d", "z hedges c"]),
                            method=method)
    assert [s.status for s in analysis.claim_summaries()] == ["single-source", "unsupported"]
    assert set(analysis.trust.trust) == {"x", "y"}
    assert set(analysis.trust.belief) == {"c", "d"}
    assert all(0.0 <= b <= 1.0 for b in analysis.trust.belief.values())


def yaml_case(claims: str, statements: list[tuple[str, str, str]]) -> str:
    """A minimal case file: an outlet, the speakers of the (actor, stance, claim) statements,
    and the claims given as YAML list items."""
    speakers = sorted({actor for actor, _, _ in statements})
    actors = "".join(f"  - {{id: {a}, name: {a.upper()}, kind: Person}}\n" for a in speakers)
    said = "".join(f"  - {{actor: {a}, claim: {c}, stance: {s}}}\n" for a, s, c in statements)
    return (
        "format: cred-kg/1\nbase: https://example.org/rules/\n"
        "document: {id: doc, publisher: outlet, date: 2024-01-01}\n"
        "actors:\n  - {id: outlet, name: Outlet, kind: NewsOutlet}\n" + actors
        + "claims:\n" + claims + "statements:\n" + said
    )
