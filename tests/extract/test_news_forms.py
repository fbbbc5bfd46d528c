"""Forms common in news writing, on sentences and headers written for these tests (none taken
from an article): a byline "By X in Place for The Outlet", a headline with a question in it,
an unnamed group of people with a modifier as the speaker, and a verb with a negative object.
Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract
from tests.extract.conftest import said

HEADER = ("Flood or sabotage? What the dam records show\n\n"
          "By Tove Harrin in Lusk for The Northern Almanac, 4 March 2026\n\n"
          "The reservoir lies 40 kilometres north of Lusk.\n")


def test_a_byline_with_in_and_for_names_the_publisher_and_the_headline_keeps_its_question(
) -> None:
    draft = extract(HEADER)
    publisher = next(a for a in draft.actors if a.id == draft.document.publisher)
    assert publisher.name == "The Northern Almanac"
    assert draft.document.title == "Flood or sabotage? What the dam records show"
    assert draft.document.date == "2026-03-04"
    # the own-voice sentence is the publisher's, the headline is no statement
    assert [(s.actor, s.claim_text) for s in draft.statements] == [
        (publisher.id, "The reservoir lies 40 kilometres north of Lusk.")]


def test_a_question_that_ends_the_first_line_is_no_headline_of_two_parts() -> None:
    draft = extract("Was the bridge safe?\n\nBy Tove Harrin for The Northern Almanac\n\n"
                    "Engineers said the bridge had passed its last inspection.\n")
    assert draft.document.title is None or "?" not in draft.document.title[:-1]


PLURALS = [
    ("Shoppers questioned by the Gazette outside the mall said the siren had sounded.",
     "Shoppers questioned by the Gazette outside the mall"),
    ("Farmers near the river said the water had turned brown.", "Farmers near the river"),
    ("Witnesses said the car was speeding.", "Witnesses"),
    ("People familiar with the matter said the siren had sounded.",
     "People familiar with the matter"),
    ("Officials close to the talks said the siren had sounded.", "Officials close to the talks"),
]


@pytest.mark.parametrize(("sentence", "speaker"), PLURALS)
def test_an_unnamed_group_with_a_modifier_speaks(sentence: str, speaker: str) -> None:
    [(who, stance, _)] = said(sentence)
    assert (who, stance) == (speaker, "affirms")


def test_a_plural_noun_that_names_no_people_is_no_speaker() -> None:
    found = said("Prices near the coast said nothing about the storm, the agency said.")
    assert [w for w, _, _ in found] == ["Agency"]


NEGATIVE_OBJECTS = [
    ("The coroner's office said the victims showed no signs of a struggle.",
     "denies", "victims showed some signs of a struggle"),
    ("The inspectors said they had found no trace of the chemical.",
     "denies", "found some trace of the chemical"),
    # possession and fixed phrases are left as said
    ("The registry said it had no record of the sale.", "affirms", "had no record of the sale"),
    ("The council said the road had been closed no longer than an hour.",
     "affirms", "no longer than an hour"),
]


@pytest.mark.parametrize(("sentence", "stance", "claim"), NEGATIVE_OBJECTS)
def test_a_negative_object_denies_the_positive_claim(sentence: str, stance: str,
                                                     claim: str) -> None:
    [(_, found, text)] = said(sentence)
    assert found == stance
    assert claim in text


RELEASED_AND_SAID = [
    ("Harbour Watch, a monitoring group based in Lusk, published a report on Tuesday "
     "concluding that the spill had come from the refinery.",
     "Harbour Watch", "The spill had come from the refinery."),
    ("The Lusk Institute released a study finding that the dam had been poorly maintained.",
     "Lusk Institute", "The dam had been poorly maintained."),
]


@pytest.mark.parametrize(("sentence", "speaker", "claim"), RELEASED_AND_SAID)
def test_a_participle_after_what_was_published_says_it_for_the_publisher(
        sentence: str, speaker: str, claim: str) -> None:
    assert said(sentence) == [(speaker, "affirms", claim)]


def test_a_new_clause_after_a_publication_keeps_its_own_speaker() -> None:
    found = said("Harbour Watch published a report on Tuesday, and the mayor said the beach "
                 "would reopen.")
    assert ("Mayor", "affirms", "The beach would reopen.") in found
    assert all(who != "Harbour Watch" for who, _, _ in found)


CLAUSE_LISTS = [
    # three clauses in a quotation, the last with "and"
    ('"We closed the gate at noon, we warned the drivers before the storm, and we reject any '
     'suggestion that our staff ignored the alarm," said Captain Ivo Marsh.',
     [("affirms", "We closed the gate at noon."),
      ("affirms", "We warned the drivers before the storm."),
      ("denies", "Our staff ignored the alarm.")]),
    # the same list in indirect speech
    ("Captain Ivo Marsh said the gate had closed at noon, the drivers had been warned, and the "
     "alarm had been tested.",
     [("affirms", "The gate had closed at noon."), ("affirms", "The drivers had been warned."),
      ("affirms", "The alarm had been tested.")]),
    # a negative subject with a present-tense verb in the second clause
    ('"Every camera we checked shows the gate closed, and none of them shows a truck inside," '
     "said Ivo Marsh.",
     [("affirms", "Every camera we checked shows the gate closed."),
      ("denies", "Some of them shows a truck inside.")]),
    # a verb phrase with an irregular participle after a long parenthetical
    ("The port authority said it had checked the cameras, taken by the operator the day "
     "before, and had found no sign of a truck at the gate.",
     [("affirms", "Port authority had checked the cameras, taken by the operator the day "
                  "before."),
      ("denies", "It had found some sign of a truck at the gate.")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CLAUSE_LISTS)
def test_a_list_of_clauses_is_a_list_of_claims(sentence: str,
                                               expected: list[tuple[str, str]]) -> None:
    assert [(stance, text) for _, stance, text in said(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "Ivo Marsh said the ship, the captain said, had sunk near the pier.",
    '"The gate, the oldest in the port, had closed, and we said so," said Ivo Marsh.',
    '"We reject the ruling and will appeal," said Ivo Marsh.',
])
def test_parentheticals_and_reporting_clauses_do_not_split(sentence: str) -> None:
    [(_, stance, _)] = said(sentence)
    assert stance == "affirms"


@pytest.mark.parametrize("sentence", [
    "Norway accused Velm Shipping Company of dumping oil off the coast.",
    "Norway on Monday accused a shipping company of dumping oil off the coast.",
])
def test_accused_x_of_y_is_a_claim_whatever_the_case_of_x(sentence: str) -> None:
    [(who, stance, text)] = said(sentence)
    assert (who, stance) == ("Norway", "affirms")
    assert "dumping oil" in text


def test_accused_with_no_charge_is_no_claim() -> None:
    assert all(who != "Norway" for who, _, _ in said("Norway accused Velm Shipping Company."))


def test_a_wire_dateline_without_the_year_is_cut_from_the_first_sentence() -> None:
    draft = extract("Storm closes northern ports\n\nBy Ana Pell - Coastline Wire - 2 May 2026\n\n"
                    "LUSK, 2 May (Coastline Wire) - Norway on Friday closed three ports, the "
                    "coastguard said.\n")
    names = {a.id: [a.name, *a.aliases] for a in draft.actors}
    assert not any(form.startswith(("-", "LUSK")) for forms in names.values() for form in forms)
    [statement] = draft.statements
    assert statement.claim_text == "Norway on Friday closed three ports."


def test_a_date_inside_a_quotation_is_not_when_it_was_said() -> None:
    draft = extract('"The road was closed on Saturday," Mayor Ana Ruiz said, adding that it '
                    "would reopen soon.", publisher="The Test Gazette", date="2026-03-04")
    assert [s.date for s in draft.statements] == [None, None]
    dated = extract("Mayor Ana Ruiz said on Monday that the road would reopen soon.",
                    publisher="The Test Gazette", date="2026-03-04")
    assert [s.date for s in dated.statements] == ["2026-03-02"]


@pytest.mark.parametrize(("dateline", "publisher", "date"), [
    ("LUSK (Coastline Wire) - ", "coastline-wire", None),
    ("LUSK, Norway \u2014 ", None, None),
    ("LUSK, 2 May (Coastline Wire) - ", "coastline-wire", None),
    ("LUSK, Norway, May 2, 2026 (Coastline Wire) \u2014 ", "coastline-wire", "2026-05-02"),
])
def test_dateline_forms(dateline: str, publisher: str | None, date: str | None) -> None:
    draft = extract(f"Storm closes ports\n\n{dateline}Norway on Friday closed three ports, the "
                    "coastguard said.\n")
    assert (draft.document.publisher, draft.document.date) == (publisher, date)
    assert [s.claim_text for s in draft.statements] == ["Norway on Friday closed three ports."]


@pytest.mark.parametrize(("sentence", "claim"), [
    ("Norway accused Velm Shipping Company of dumping oil off the coast.",
     "Velm Shipping Company was responsible for dumping oil off the coast."),
    # the "of" before the gerund, not the one inside the name of the accused
    ("The union accused the head of the agency of lying to workers.",
     "The head of the agency was responsible for lying to workers."),
])
def test_an_accusation_claims_the_accused_was_responsible(sentence: str, claim: str) -> None:
    [(_, stance, text)] = said(sentence)
    assert (stance, text) == ("affirms", claim)
