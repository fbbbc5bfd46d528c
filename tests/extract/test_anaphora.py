"""Statements about a claim made before, named by a noun ("the accusation", "that reading",
"the Harbour Watch report", "the figures"), on texts written for these tests. Expected links
were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract

PUBLISHER = "The Test Gazette"


def _claims(text: str) -> list[tuple[str, str, str]]:
    draft = extract(text, publisher=PUBLISHER)
    names = {a.id: a.name for a in draft.actors}
    return [(names[s.actor], s.stance, s.claim or "") for s in draft.statements]


def test_an_accusation_is_the_claim_of_the_statement_that_accused() -> None:
    found = _claims(
        "Norway on Monday accused Velm Shipping Company of dumping oil off the coast. "
        "Harbour Watch said the oil slick was 12 kilometres long. "
        "Mayor Ana Ruiz said the beaches would stay closed. "
        "Velm Shipping Company dismissed the accusation as absurd.")
    accused, slick, _, dismissed = found
    assert dismissed[1] == "denies"
    assert dismissed[2] == accused[2] != slick[2]


def test_a_report_named_by_its_author_is_the_authors_conclusion() -> None:
    found = _claims(
        "Harbour Watch published a report on Tuesday concluding that the spill came from the "
        "refinery. Mayor Ana Ruiz said the beaches would stay closed. "
        "The refinery's owner, Velm Oil, rejected the Harbour Watch report as biased.")
    concluded, closed, rejected = found
    assert rejected[:2] == ("Velm Oil", "denies")
    assert rejected[2] == concluded[2] != closed[2]


def test_agreeing_with_someones_assessment_affirms_their_claim() -> None:
    found = _claims(
        "Norway accused Velm Shipping Company of dumping oil off the coast. "
        "Mayor Ana Ruiz said the beaches would stay closed. "
        "Sweden's coastguard said it shared Norway's assessment.")
    accused, closed, shared = found
    assert shared[1] == "affirms"
    assert shared[2] == accused[2] != closed[2]


def test_the_figures_called_wrong_and_left_unverified_are_the_figure_given_before() -> None:
    found = _claims(
        "At least 14 workers were injured in the blast, the regional health office said. "
        "Velm Chemicals said the health office's figure was exaggerated. "
        "Mayor Ana Ruiz said two families had left the town. "
        "The labour inspectorate said it could not verify the figures.")
    injured, exaggerated, families, unverified = found
    assert (exaggerated[1], unverified[1]) == ("denies", "hedges")
    assert injured[2] == exaggerated[2] == unverified[2] != families[2]


@pytest.mark.parametrize("text", [
    # "the findings" as the subject of a clause: a claim of its own, not a reference
    "Norland said the oil had come from a tanker. Dr. Ivo Marsh, a chemist, said the "
    "laboratory's findings made a tanker leak likely but did not prove it.",
    # "the figures had risen" states something new about the figures
    "Norland said 40 birds had died. Harbour Watch said the figures had risen since Monday.",
])
def test_a_referring_noun_that_starts_a_clause_is_no_reference(text: str) -> None:
    draft = extract(text, publisher=PUBLISHER)
    assert not any(s.anaphor for s in draft.statements)


def test_a_counted_claim_refines_the_claim_that_names_its_event() -> None:
    draft = extract("At least 14 workers were injured when a boiler burst at the Velm plant, "
                    "the regional health office said. Mayor Ana Ruiz said workers had been "
                    "injured in the blast.", publisher=PUBLISHER)
    counted, named = draft.statements
    [record] = [c for c in draft.claims if c.id == counted.claim]
    assert record.refines == [named.claim]


def test_a_claim_with_another_noun_is_not_refined() -> None:
    # "in the court" is no event noun: the claims share words, nothing more
    draft = extract("At least 14 workers were injured when a boiler burst at the Velm plant, "
                    "the regional health office said. Mayor Ana Ruiz said workers had been "
                    "injured in the canteen.", publisher=PUBLISHER)
    assert all(not c.refines for c in draft.claims)


def test_a_request_is_the_claim_that_someone_asked() -> None:
    found = _claims(
        "The Lusk Herald reported that two council members had asked for the vote to be "
        "delayed. Mayor Ana Ruiz said the budget was balanced. One of them, Ivo Marsh, "
        "confirmed the request to the Gazette.")
    asked, balanced, confirmed = found
    assert confirmed[1] == "affirms"
    assert confirmed[2] == asked[2] != balanced[2]


def test_the_claims_called_false_are_the_claim_before() -> None:
    found = _claims("The rebels said the army had shelled the town. The army said the claims "
                    "were false.")
    assert [(who, stance) for who, stance, _ in found] == [("The rebels", "affirms"),
                                                           ("Army", "denies")]
    assert found[0][2] == found[1][2]


def test_reports_of_something_keep_their_object() -> None:
    # "reports of a takeover": "of" keeps "reports" in the words (no "that"-clause to strip)
    draft = extract("The club denied reports of a takeover.", publisher=PUBLISHER)
    assert [s.claim_text for s in draft.statements] == ["Reports of a takeover."]


@pytest.mark.parametrize("second", [
    "Velm Shipping Company called the allegations baseless.",
    "Velm Shipping Company denied the allegations.",
])
def test_allegations_refer_to_the_accusation(second: str) -> None:
    found = _claims(f"Norway accused Velm Shipping Company of dumping oil. {second}")
    assert [(who, stance) for who, stance, _ in found] == [
        ("Norway", "affirms"), ("Velm Shipping Company", "denies")]
    assert found[0][2] == found[1][2]


def test_findings_rejected_as_flawed_are_the_studys_conclusion() -> None:
    found = _claims("Harbour Watch said in a study on Monday that the river had been poisoned. "
                    "Mayor Ana Ruiz said the beach would close. "
                    "Velm Chemicals rejected the findings as flawed.")
    poisoned, _, rejected = found
    assert rejected[1] == "denies" and rejected[2] == poisoned[2]
