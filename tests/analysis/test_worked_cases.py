"""The two worked cases, compiled, loaded into a pyoxigraph store and analysed.

The expected answers are the hand-worked tables of tests/data/cases/nk-troops-russia-expected.md
and tests/data/cases/port-fire-expected.md. Those files count as contesting only direct
denials and list two more rules as optional columns; the analysis applies both (a denial of a
broad claim denies its refinements, "broader-denial"; affirming a claim denies the claims it
contradicts, "contradiction"), so the contested columns below add those rows:

- seed: North Korea denies nk-sent-troops-to-assist-war-on-ukraine, so (broader-denial) also
  nk-troops-sent-for-possible-deployment-to-ukraine, which refines it;
- port-fire: Castellan denies fire-caused-by-stored-batteries (R1), so also R2, which refines it;
  Castellan affirms fire-started-on-aurelia, which contradicts fire-started-inside-warehouse
  (R0), so Castellan contests R0; Harbour Watch affirms R0 and so contests the Aurelia claim,
  which the city (Okonjo) also denies directly.

The credibility column is worked out from the table in kg/analysis/credibility.py.
"""

from __future__ import annotations

import pytest

from kg.analysis.serialize import short_id


def ids(items):
    return {short_id(i) for i in items}


def group_ids(groups):
    return {short_id(g.group) for g in groups}


# ---- The seed case ------------------------------------------------------------------------------

# (claim, status, affirming groups, contested by, hedged by, credibility)
# Credibility: forecasts, conditionals and policy -> 6; corroborated, uncontested -> 1; single
# source -> 3, or 2 with supporting evidence of prior >= 0.7 (the NIS satellite images 0.7, the
# treaty 0.8, its Article 4 0.8); denied only, D=1 < k -> 4.
SEED = [
    ("nk-troops-in-russia", "corroborated", {"united-states", "south-korea", "ukraine"}, set(),
     {"russia"}, 1),
    # The NIS's own images do not lift the NIS's claim: 3, not 2.
    ("nk-troops-at-far-east-training-ground", "single-source", {"south-korea"}, set(), set(), 3),
    ("nk-3000-troops-training-in-russia", "single-source", {"united-states"}, set(), set(), 3),
    ("nk-soldiers-sent-to-kursk", "single-source", {"ukraine"}, set(), set(), 3),
    ("nk-sent-troops-to-assist-war-on-ukraine", "unsupported", set(), {"north-korea"}, set(), 4),
    ("nk-troops-sent-for-possible-deployment-to-ukraine", "unsupported", set(), {"north-korea"},
     {"newsweek"}, 4),
    ("nk-soldier-sighted-in-ukraine", "single-source", {"south-korea"}, set(), set(), 3),
    ("nk-to-send-up-to-12000-personnel", "single-source", {"south-korea"}, set(), set(), 6),
    ("most-nk-personnel-in-russia-by-december", "single-source", {"south-korea"}, set(), set(), 6),
    ("very-serious-if-nk-troops-prepare-to-fight", "single-source", {"united-states"}, set(),
     set(), 6),
    ("nk-troops-fair-game-if-deployed", "single-source", {"united-states"}, set(), set(), 6),
    ("russia-nk-treaty-signed", "single-source", {"newsweek"}, set(), set(), 2),
    ("russia-nk-treaty-ratified", "single-source", {"russia"}, set(), set(), 3),
    ("russia-nk-treaty-has-mutual-defence-clause", "corroborated", {"newsweek", "russia"}, set(),
     set(), 1),
    ("russia-nk-treaty-article-4-mutual-defence", "single-source", {"russia"}, set(), set(), 2),
    ("nk-leadership-takes-treaty-seriously", "single-source", {"russia"}, set(), set(), 3),
    ("south-korea-wont-sit-idle", "single-source", {"south-korea"}, set(), set(), 6),
    ("south-korea-may-review-lethal-weapons-policy", "single-source", {"south-korea"}, set(),
     set(), 6),
    ("south-korea-no-lethal-weapons-policy", "single-source", {"south-korea"}, set(), set(), 3),
    ("ukraine-incursion-in-kursk", "single-source", {"newsweek"}, set(), set(), 3),
    ("nk-fighting-in-ukraine-would-be-first-foreign-war", "single-source", {"newsweek"}, set(),
     set(), 6),
    ("nk-among-russias-few-allies", "single-source", {"newsweek"}, set(), set(), 3),
    ("russia-invaded-ukraine-feb-2022", "single-source", {"newsweek"}, set(), set(), 3),
    ("russia-invasion-of-ukraine-unprovoked", "single-source", {"newsweek"}, set(), set(), 3),
    ("nk-supplies-russia-critical-weapons", "single-source", {"newsweek"}, set(), set(), 3),
    ("russia-weapons-supplies-dwindling", "single-source", {"newsweek"}, set(), set(), 3),
    ("putin-kim-met-at-vostochny-2023-09-13", "single-source", {"newsweek"}, set(), set(), 3),
]


def test_seed_table_covers_every_claim(seed_analysis):
    assert ids(seed_analysis.claims) == {row[0] for row in SEED}
    assert len(SEED) == 27
    totals = [sum(1 for row in SEED if row[1] == s)
              for s in ("corroborated", "single-source", "unsupported")]
    assert totals == [2, 23, 2]


@pytest.mark.parametrize(("claim", "status", "affirming", "contested", "hedged", "grade"), SEED,
                         ids=[row[0] for row in SEED])
def test_seed_claim(seed_analysis, claim, status, affirming, contested, hedged, grade):
    assessment = seed_analysis.claim_by_id(claim)
    corroboration = assessment.corroboration
    assert corroboration.status == status
    assert group_ids(corroboration.affirming) == affirming
    assert ids(corroboration.contested_by) == contested
    assert corroboration.contested == bool(contested)
    assert group_ids(corroboration.hedging) == hedged
    assert assessment.credibility.grade == grade


# (claim, group, [(actor, via)]) for the corroborated claims: who stands behind each group.
SEED_AFFIRMERS = [
    ("nk-troops-in-russia", "united-states", [("austin", "direct"), ("kirby", "refinement")]),
    ("nk-troops-in-russia", "south-korea", [("nis", "refinement")]),
    ("nk-troops-in-russia", "ukraine", [("hur", "refinement")]),
    ("russia-nk-treaty-has-mutual-defence-clause", "newsweek", [("newsweek", "direct")]),
    ("russia-nk-treaty-has-mutual-defence-clause", "russia", [("putin", "refinement")]),
]


@pytest.mark.parametrize(("claim", "group", "entries"), SEED_AFFIRMERS)
def test_seed_affirming_actors(seed_analysis, claim, group, entries):
    (found,) = [g for g in seed_analysis.claim_by_id(claim).corroboration.affirming
                if short_id(g.group) == group]
    assert [(short_id(e.actor), e.via) for e in found.statements] == entries


# (claim, group, [(actor, via)]) for every hedge and denial in the case.
SEED_OTHER_STANCES = [
    ("nk-troops-in-russia", "hedges", "russia", [("putin", "direct")]),
    ("nk-troops-sent-for-possible-deployment-to-ukraine", "hedges", "newsweek",
     [("newsweek", "direct")]),
    ("nk-sent-troops-to-assist-war-on-ukraine", "denies", "north-korea",
     [("north-korea", "direct")]),
    ("nk-troops-sent-for-possible-deployment-to-ukraine", "denies", "north-korea",
     [("north-korea", "broader-denial")]),
]


@pytest.mark.parametrize(("claim", "stance", "group", "entries"), SEED_OTHER_STANCES)
def test_seed_hedges_and_denials(seed_analysis, claim, stance, group, entries):
    corroboration = seed_analysis.claim_by_id(claim).corroboration
    groups = corroboration.hedging if stance == "hedges" else corroboration.denying
    assert [(short_id(g.group), [(short_id(e.actor), e.via) for e in g.statements])
            for g in groups] == [(group, entries)]


def test_seed_has_no_other_hedges_or_denials(seed_analysis):
    found = {(short_id(c), s) for c, a in seed_analysis.claims.items()
             for s, groups in (("hedges", a.corroboration.hedging),
                               ("denies", a.corroboration.denying)) if groups}
    assert found == {(row[0], row[1]) for row in SEED_OTHER_STANCES}


def test_seed_north_korea_does_not_contest_the_broad_claim(seed_analysis):
    # It denies only the narrower claim that it sent troops to assist the war.
    assert seed_analysis.claim_by_id("nk-troops-in-russia").corroboration.denying == ()


def test_seed_groups(seed_analysis):
    groups = {short_id(a): short_id(g) for a, g in seed_analysis.groups.group_of.items()}
    assert groups["austin"] == groups["kirby"] == "united-states"
    assert groups["yoon"] == groups["nis"] == "south-korea"
    assert groups["hur"] == "ukraine"
    assert groups["smirnov"] == "afp"
    kirby = seed_analysis.actor_by_id("kirby")
    assert kirby.group.member(kirby.actor.iri).chain == (
        "John Kirby", "White House", "United States")


def test_seed_relay_outlets_take_no_side(seed_analysis):
    # The Washington Post and NBC News only relay: they are in no stance table.
    actors = {short_id(e.actor) for c in seed_analysis.claims.values() for e in c.stances}
    assert not actors & {"washington-post", "nbc-news", "afp", "getty-images"}
    relays = {short_id(r.outlet) for s in seed_analysis.case.statements for r in s.relays}
    assert relays == {"washington-post", "nbc-news", "newsweek"}


# (evidence, claim, weight, via, owner groups, independent); priors from ontology/vocab.ttl.
SEED_EVIDENCE = [
    ("nis-satellite-images", "nk-troops-at-far-east-training-ground", 0.7, "direct",
     {"south-korea"}, False),
    ("nis-satellite-images", "nk-troops-in-russia", 0.7, "refinement", {"south-korea"}, False),
    ("nis-facial-recognition-match", "nk-soldier-sighted-in-ukraine", 0.5, "direct",
     {"south-korea"}, False),
    ("austin-evidence-of-nk-troops", "nk-troops-in-russia", 0.5, "direct", set(), False),
    ("russia-nk-treaty", "russia-nk-treaty-signed", 0.8, "direct", set(), False),
    ("russia-nk-treaty-article-4", "russia-nk-treaty-article-4-mutual-defence", 0.8, "direct",
     set(), False),
    ("russia-nk-treaty-article-4", "russia-nk-treaty-has-mutual-defence-clause", 0.8,
     "refinement", set(), False),
    # Smirnov (AFP) took it, AFP released it; Newsweek, which affirms the claim, only cites it.
    ("putin-kim-vostochny-photograph", "putin-kim-met-at-vostochny-2023-09-13", 0.6, "direct",
     {"afp"}, True),
]


@pytest.mark.parametrize(("item", "claim", "weight", "via", "groups", "independent"),
                         SEED_EVIDENCE)
def test_seed_evidence(seed_analysis, item, claim, weight, via, groups, independent):
    evidence = seed_analysis.claim_by_id(claim).evidence
    (found,) = [w for w in evidence if short_id(w.evidence) == item]
    assert (found.weight, found.via, ids(found.groups), found.independent) == (
        weight, via, groups, independent)


def test_seed_evidence_table_is_complete(seed_analysis):
    found = {(short_id(w.evidence), short_id(c)) for c, a in seed_analysis.claims.items()
             for w in a.evidence}
    assert found == {(row[0], row[1]) for row in SEED_EVIDENCE}


# ---- The port-fire case -------------------------------------------------------------------------

# (claim, status, affirming groups, contested by, hedged by, credibility)
# Credibility: R0 has A=2, D=1 -> 2; R1, R2 A=1, D=1 -> 4; the Aurelia claim A=1, D=2 -> 4;
# the water samples (0.75) and the inspection report (0.8) lift their single-source claims to 2.
PORT_FIRE = [
    ("pier-7-warehouse-destroyed", "corroborated", {"coastal-ledger", "harbourton-city"}, set(),
     set(), 1),
    ("fire-started-inside-warehouse", "corroborated", {"harbour-watch", "harbourton-city"},
     {"castellan"}, set(), 2),
    ("fire-caused-by-stored-batteries", "single-source", {"harbourton-city"}, {"castellan"},
     {"kestrel-province"}, 4),
    ("fire-caused-by-overheating-battery-pallet", "single-source", {"harbourton-city"},
     {"castellan"}, set(), 4),
    ("fire-started-on-aurelia", "single-source", {"castellan"},
     {"harbour-watch", "harbourton-city"}, set(), 4),
    ("aurelia-moored-alongside", "single-source", {"coastal-ledger"}, set(), set(), 3),
    ("pier-7-closed-two-weeks", "single-source", {"harbourton-city"}, set(), set(), 6),
    ("fire-runoff-polluted-harbour", "corroborated", {"coastguard", "environment-agency"}, set(),
     set(), 1),
    # The agency's own water samples do not lift the agency's claim.
    ("battery-electrolyte-near-pier-7", "single-source", {"environment-agency"}, set(), set(), 3),
    # VBC is folded into Valmora by the dependence override; the merged group keeps Valmora's id.
    # The ministry's own inspection report does not lift the ministry's claim.
    ("suppression-system-passed-inspection", "single-source", {"valmora"}, set(), set(), 3),
]


def test_port_fire_table_covers_every_claim(port_fire_analysis):
    assert ids(port_fire_analysis.claims) == {row[0] for row in PORT_FIRE}
    totals = [sum(1 for row in PORT_FIRE if row[1] == s)
              for s in ("corroborated", "single-source", "unsupported")]
    assert totals == [3, 7, 0]


@pytest.mark.parametrize(("claim", "status", "affirming", "contested", "hedged", "grade"),
                         PORT_FIRE, ids=[row[0] for row in PORT_FIRE])
def test_port_fire_claim(port_fire_analysis, claim, status, affirming, contested, hedged, grade):
    assessment = port_fire_analysis.claim_by_id(claim)
    corroboration = assessment.corroboration
    assert corroboration.status == status
    assert group_ids(corroboration.affirming) == affirming
    assert ids(corroboration.contested_by) == contested
    assert corroboration.contested == bool(contested)
    assert group_ids(corroboration.hedging) == hedged
    assert assessment.credibility.grade == grade


# (claim, group, [(actor, via)]) behind each affirming group of the corroborated claims.
PORT_FIRE_AFFIRMERS = [
    ("pier-7-warehouse-destroyed", "coastal-ledger", [("coastal-ledger", "direct")]),
    ("pier-7-warehouse-destroyed", "harbourton-city", [("harbourton-port-authority", "direct")]),
    ("fire-started-inside-warehouse", "harbour-watch", [("harbour-watch", "direct")]),
    ("fire-started-inside-warehouse", "harbourton-city",
     [("harbourton-port-authority", "refinement"), ("okonjo", "refinement")]),
    ("fire-runoff-polluted-harbour", "coastguard", [("coastguard", "direct")]),
    ("fire-runoff-polluted-harbour", "environment-agency", [("environment-agency", "direct")]),
]


@pytest.mark.parametrize(("claim", "group", "entries"), PORT_FIRE_AFFIRMERS)
def test_port_fire_affirming_actors(port_fire_analysis, claim, group, entries):
    (found,) = [g for g in port_fire_analysis.claim_by_id(claim).corroboration.affirming
                if short_id(g.group) == group]
    assert [(short_id(e.actor), e.via) for e in found.statements] == entries


# (claim, stance, {group: [(actor, via)]}) for every hedge and denial.
PORT_FIRE_OTHER_STANCES = [
    ("fire-caused-by-stored-batteries", "hedges", {"kestrel-province": [("brandt", "direct")]}),
    ("fire-caused-by-stored-batteries", "denies",
     {"castellan": [("castellan", "direct"), ("castellan", "contradiction")]}),
    ("fire-caused-by-overheating-battery-pallet", "denies",
     {"castellan": [("castellan", "broader-denial"), ("castellan", "contradiction")]}),
    ("fire-started-inside-warehouse", "denies", {"castellan": [("castellan", "contradiction")]}),
    ("fire-started-on-aurelia", "denies",
     # The port authority affirms R1 and Okonjo R2, so both affirm R0 (refinement), which
     # contradicts this claim: both deny it through contradiction, besides Okonjo's denial.
     {"harbour-watch": [("harbour-watch", "contradiction")],
      "harbourton-city": [("okonjo", "direct"), ("harbourton-port-authority", "contradiction"),
                          ("okonjo", "contradiction")]}),
]


@pytest.mark.parametrize(("claim", "stance", "groups"), PORT_FIRE_OTHER_STANCES)
def test_port_fire_hedges_and_denials(port_fire_analysis, claim, stance, groups):
    corroboration = port_fire_analysis.claim_by_id(claim).corroboration
    found = corroboration.hedging if stance == "hedges" else corroboration.denying
    assert {short_id(g.group): [(short_id(e.actor), e.via) for e in g.statements]
            for g in found} == groups


def test_port_fire_has_no_other_hedges_or_denials(port_fire_analysis):
    found = {(short_id(c), s) for c, a in port_fire_analysis.claims.items()
             for s, groups in (("hedges", a.corroboration.hedging),
                               ("denies", a.corroboration.denying)) if groups}
    assert found == {(row[0], row[1]) for row in PORT_FIRE_OTHER_STANCES}


def test_port_fire_groups_with_overrides(port_fire_analysis):
    groups = {short_id(a): short_id(g) for a, g in port_fire_analysis.groups.group_of.items()}
    expected = {
        "okonjo": "harbourton-city", "harbourton-fire-dept": "harbourton-city",
        "harbourton-port-authority": "harbourton-city", "harbour-watch": "harbour-watch",
        "castellan": "castellan", "brandt": "kestrel-province",
        "coastguard": "coastguard", "environment-agency": "environment-agency",
        "transport-ministry": "valmora", "vbc": "valmora", "coastal-ledger": "coastal-ledger",
        "meridian-press": "meridian-press", "northwind-wire": "northwind-wire",
    }
    assert {a: groups[a] for a in expected} == expected
    merged = port_fire_analysis.actor_by_id("vbc").group
    assert merged.label == "Valmora + VBC"


def test_port_fire_overrides_are_explained(port_fire_analysis):
    runoff = port_fire_analysis.claim_by_id("fire-runoff-polluted-harbour").corroboration.reasons
    split = [r for r in runoff if "heads a group of its own" in r]
    assert [r.split(" heads a group")[0] for r in split] == [
        "National Coastguard", "National Environment Agency"]
    assert all(", no longer part of Valmora + VBC, by an analyst's override: " in r for r in split)
    assert all("Separate collection: the Coastguard reports what it saw" in r for r in split)
    inspection = port_fire_analysis.claim_by_id("suppression-system-passed-inspection")
    reasons = inspection.corroboration.reasons
    assert any(r.startswith("Valmora + VBC was regrouped by an analyst's override: VBC is ")
               for r in reasons)
    assert ("Ministry of Transport, VBC count as one source, Valmora + VBC, by affiliation: "
            "Ministry of Transport \u2192 Valmora; VBC.") in reasons


def test_port_fire_without_overrides(analyse_yaml, case_texts):
    # Without the independence section the two agencies are Valmora again (one group) and VBC
    # is its own group again: the two verdicts the overrides change swap.
    text = case_texts[1]
    start, end = text.index("\nindependence:\n"), text.index("\ncomment_requests:\n")
    analysis = analyse_yaml(text[:start] + text[end:])
    runoff = analysis.claim_by_id("fire-runoff-polluted-harbour").corroboration
    inspection = analysis.claim_by_id("suppression-system-passed-inspection").corroboration
    assert (runoff.status, group_ids(runoff.affirming)) == ("single-source", {"valmora"})
    assert (inspection.status, group_ids(inspection.affirming)) == (
        "corroborated", {"valmora", "vbc"})


def test_port_fire_relays_add_no_group(port_fire_analysis):
    # Brandt's hedge passes through three outlets; the Coastguard's statement through
    # Northwind Wire. Neither wire agency appears in any stance table.
    (brandt,) = [s for s in port_fire_analysis.case.statements if short_id(s.actor) == "brandt"]
    assert [(short_id(r.outlet), r.position, r.cue) for r in brandt.relays] == [
        ("meridian-press", 0, "told"), ("northwind-wire", 1, "according to a report carried by"),
        ("coastal-ledger", 2, "published")]
    actors = {short_id(e.actor) for c in port_fire_analysis.claims.values() for e in c.stances}
    assert not actors & {"meridian-press", "northwind-wire"}
    runoff = port_fire_analysis.claim_by_id("fire-runoff-polluted-harbour").corroboration
    assert runoff.independent_groups == 2


# (evidence, claim, weight, via, owner groups, independent)
PORT_FIRE_EVIDENCE = [
    ("harbour-watch-drone-video", "fire-started-inside-warehouse", 0.6, "direct",
     {"harbour-watch"}, False),
    ("dockworker-accounts", "fire-caused-by-stored-batteries", 0.4, "direct", set(), False),
    ("dockworker-accounts", "fire-started-inside-warehouse", 0.4, "refinement", set(), False),
    # The custom kind's prior, declared in the case's `extend:`.
    ("environment-agency-water-samples", "battery-electrolyte-near-pier-7", 0.75, "direct",
     {"environment-agency"}, False),
    ("environment-agency-water-samples", "fire-runoff-polluted-harbour", 0.75, "direct",
     {"environment-agency"}, False),
    ("pier-7-inspection-report", "suppression-system-passed-inspection", 0.8, "direct",
     {"valmora"}, False),
]


@pytest.mark.parametrize(("item", "claim", "weight", "via", "groups", "independent"),
                         PORT_FIRE_EVIDENCE)
def test_port_fire_evidence(port_fire_analysis, item, claim, weight, via, groups, independent):
    evidence = port_fire_analysis.claim_by_id(claim).evidence
    (found,) = [w for w in evidence if short_id(w.evidence) == item]
    assert (found.weight, found.via, ids(found.groups), found.independent) == (
        weight, via, groups, independent)


def test_port_fire_evidence_table_is_complete(port_fire_analysis):
    found = {(short_id(w.evidence), short_id(c)) for c, a in port_fire_analysis.claims.items()
             for w in a.evidence}
    assert found == {(row[0], row[1]) for row in PORT_FIRE_EVIDENCE}
