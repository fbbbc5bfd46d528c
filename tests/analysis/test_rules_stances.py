"""How stances reach a claim and whether they contest it, one small hand-made graph each:
refinement, contradiction, hedges and denials.

Each graph is written in the notation of ``conftest.py`` ("kirby > white-house > us" is an
affiliation chain, "kirby affirms c" a statement). The expected answers were worked out by hand
from the module docstrings of kg.analysis.stances and .corroboration; the reasoning is in the
comment above each table or test.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analysis import analyse
from kg.analysis.serialize import short_id
from kg.analysis.stances import stance_tables
from tests.analysis.conftest import affirming


def denying(analysis, claim):
    return {g.group for g in analysis.claims[claim].corroboration.denying}


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
