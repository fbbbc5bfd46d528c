"""Speaker phrases common in news writing, on sentences written for these tests (none taken
from an article): a name after a long possessive role, an unnamed official inside a body, a
proper name whose last word is a word for a person, a head noun before a participle.
Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract

PUBLISHER = "The Test Gazette"


def _speakers(text: str) -> list[tuple[str, str, str | None]]:
    draft = extract(text, publisher=PUBLISHER)
    actors = {a.id: a for a in draft.actors}
    return [(actors[s.actor].name, actors[s.actor].kind, actors[s.actor].acts_for)
            for s in draft.statements if not s.own_voice]


ROLES = [
    ('Norvik makes sensors. "The sensor failed twice," Norvik\'s head of product safety, '
     'Ona Vik, said in an interview.', "Ona Vik", "norvik"),
    ("Norvik makes sensors. Norvik's head of product safety, Ona Vik, said the sensor had "
     "failed twice.", "Ona Vik", "norvik"),
    ("Norvik makes sensors. Norvik's chief scientist Ona Vik said the sensor had failed twice.",
     "Ona Vik", "norvik"),
    # a role ending in a proper noun: the name is what the commas set off
    ("Norway's ambassador to Sweden, Ivo Marsh, said the talks had failed.", "Ivo Marsh",
     "norway"),
]


@pytest.mark.parametrize(("text", "name", "owner"), ROLES)
def test_a_name_after_a_long_possessive_role_is_the_speaker(text: str, name: str,
                                                            owner: str) -> None:
    assert _speakers(text) == [(name, "Person", owner)]


def test_a_role_ending_in_an_organisation_names_no_person() -> None:
    # "head of the Interior Ministry": the capitalised words are the body, not a name
    [(name, kind, _)] = _speakers("The head of the Interior Ministry said the bridge had "
                                  "been closed.")
    assert kind == "Person" and name != "Interior Ministry"


@pytest.mark.parametrize("text", [
    "An official at the port authority, who spoke on condition of anonymity, told the Daily "
    "Wire that the crane had collapsed.",
    "An official at the port authority said the crane had collapsed.",
])
def test_an_unnamed_official_inside_a_body_is_a_person_acting_for_it(text: str) -> None:
    [(name, kind, owner)] = _speakers(text)
    assert (name, kind, owner) == ("An official at the port authority", "Person",
                                   "port-authority")


def test_a_spokesperson_for_a_body_is_still_the_body_speaking() -> None:
    [(name, kind, _)] = _speakers("A spokesperson for the port authority said the crane had "
                                  "collapsed.")
    assert (name, kind) == ("Port authority", "GovernmentBody")


@pytest.mark.parametrize(("text", "kind"), [
    ("Harbour Witness, a monitoring group based in Lusk, said the bridge had collapsed.",
     "Organization"),
    ("A witness said the bridge had collapsed.", "Person"),
    ("Norland's Maritime Safety Centre said the bridge had collapsed.", "Organization"),
])
def test_kinds_from_the_name_and_its_apposition(text: str, kind: str) -> None:
    [(_, found, _)] = _speakers(text)
    assert found == kind


def _voices(text: str) -> list[tuple[str, str]]:
    draft = extract(text, publisher=PUBLISHER)
    names = {a.id: a.name for a in draft.actors}
    return [(names[s.actor], s.claim_text) for s in draft.statements]


def test_the_company_is_the_named_organisation_just_before() -> None:
    found = _voices("Brenholt said its turbines were safe. The company denied reports that it "
                    "had hidden a fault.")
    assert [name for name, _ in found] == ["Brenholt", "Brenholt"]
    # "the group" may name an organisation of any class, a laboratory included
    found = _voices("Velm Labs said profits fell. The group said it had cut jobs.")
    assert [name for name, _ in found] == ["Velm Labs", "Velm Labs"]


@pytest.mark.parametrize("text", [
    # no organisation before it: a new, unnamed one
    "The mayor said the dam had failed. The company denied that it had hidden cracks.",
    # an institute is no company
    "The Velm Institute said the dam had failed. The company denied that it had hidden cracks.",
])
def test_the_company_does_not_take_a_person_or_another_kind_of_body(text: str) -> None:
    assert _voices(text)[1][0] == "Company"


def test_a_description_with_another_modifier_is_another_body() -> None:
    found = _voices("Norland's foreign ministry said the treaty was void. The health ministry "
                    "said the clinics were open. The ministry said it had sent a note.")
    assert [name for name, _ in found] == ["Norland's foreign ministry", "Health ministry",
                                           "Health ministry"]


def test_a_capitalised_name_has_no_modifier_to_conflict_with() -> None:
    found = _voices("The Food Safety Agency said the milk was safe. The federal agency said it "
                    "had tested it.")
    assert [name for name, _ in found] == ["Food Safety Agency", "Food Safety Agency"]


def test_a_named_spokesperson_for_a_body_described_before_acts_for_it() -> None:
    draft = extract("The Regional Flood Office said the river had peaked. Ivo Marsh, a "
                    "spokesperson for the office, said the dams were holding.",
                    publisher=PUBLISHER)
    actors = {a.name: a for a in draft.actors}
    assert actors["Ivo Marsh"].acts_for == actors["Regional Flood Office"].id
    # no body of that kind before: acts for no one rather than a guess
    alone = extract("Ivo Marsh, a spokesperson for the office, said the dams were holding.",
                    publisher=PUBLISHER)
    assert {a.name: a.acts_for for a in alone.actors}["Ivo Marsh"] is None


@pytest.mark.parametrize(("text", "name"), [
    ("A source familiar with the investigation told the Daily Wire that the pilot had been "
     "drinking.", "A source familiar with the investigation"),
    ("A person briefed on the talks said the deal had collapsed.",
     "A person briefed on the talks"),
    ("A senior diplomat, who asked not to be named, said the deal had collapsed.",
     "A senior diplomat"),
])
def test_an_anonymous_source_is_an_unnamed_person(text: str, name: str) -> None:
    assert _speakers(text) == [(name, "Person", None)]


def test_two_indefinite_sources_are_two_people() -> None:
    found = _voices("A source familiar with the talks said the deal had collapsed. A source at "
                    "the port said the ships had left.")
    assert [name for name, _ in found] == ["A source familiar with the talks",
                                           "A source at the port"]


def test_a_diplomat_acts_for_the_state_named_beside_it() -> None:
    assert _speakers("A Norwegian diplomat said the deal had collapsed.") == [
        ("A Norwegian diplomat", "Person", "norway")]
