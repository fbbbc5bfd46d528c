"""Forms two blind-written articles showed the extractor missing (continued from
test_blind_forms.py), on sentences written for these tests (other names, other topics; none
taken from an article): "in a statement carried by" a news agency; clauses split inside one
paraphrase or quotation (no comma before "and we", "and refused to", "and would", "and
confiscated their", "so that"; a closing ", which" in the publisher's voice); evidence named
with its maker ("provided by", "figures from", "filmed by", "kept by", "carried out on its
behalf by", "interviews ... conducted by X researchers", "taken inside ... by"). Tests that also
passed before the change guard the rules' bounds ("moved to the city", two subjects joined by
"and", two verbs of one object). Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from tests.extract.forms import draft_of, said

# --- relays


def test_a_statement_carried_by_a_news_agency_is_relayed_by_it() -> None:
    draft = draft_of("The dam had burst overnight, the water ministry said in a statement "
                   "carried by the state news agency Valnet.")
    (mention,) = draft.mentions
    assert (mention.actor, mention.claim_text) == ("water-ministry", "The dam had burst "
                                                   "overnight.")
    assert [step.outlet for step in mention.relay] == ["valnet", "test-gazette"]


# --- claims split inside one paraphrase or quotation


@pytest.mark.parametrize(("sentence", "claims"), [
    ("Ana Voss said the mill had dumped the waste and its owners had been warned twice.",
     ["The mill had dumped the waste.", "Its owners had been warned twice."]),
    ('"We sold the grain legally and we have the receipts," Ana Voss said.',
     ["We sold the grain legally.", "We have the receipts."]),
    ("Ana Voss said the mill kept the permits and refused to show them to inspectors.",
     ["The mill kept the permits.", "The mill refused to show them to inspectors."]),
    ("Ana Voss said the mill had a strict policy and would close the plant if the reports "
     "were proven.",
     ["The mill had a strict policy.",
      "The mill would close the plant if the reports were proven."]),
])
def test_coordinated_clauses_without_a_comma_are_claims_of_their_own(
        sentence: str, claims: list[str]) -> None:
    assert [c for _, _, c in said(draft_of(sentence))] == claims


@pytest.mark.parametrize("sentence", [
    '"This ferry switched off its radio so that it could land the catch unseen," Ana Voss said.',
    "Ana Voss said the ferry switched off its radio so that it could land the catch unseen.",
])
def test_a_purpose_clause_is_a_claim_of_its_own(sentence: str) -> None:
    claims = [c for _, _, c in said(draft_of(sentence))]
    assert claims[1:] == ["It could land the catch unseen."]
    assert claims[0].endswith("ferry switched off its radio.")


def test_a_which_clause_ending_the_publishers_sentence_is_a_claim_of_its_own() -> None:
    draft = draft_of("Ostmark taxes imported diesel heavily, which keeps prices high in the north.")
    assert [s.claim_text for s in draft.mentions] == ["Ostmark taxes imported diesel heavily.",
                                                      "Keeps prices high in the north."]


def test_a_which_clause_inside_the_publishers_sentence_is_not_split() -> None:
    draft = draft_of("The ferry, which was built in 1990, ran aground near Lusk on Monday.")
    assert len(draft.mentions) == 1


def test_a_second_past_verb_with_its_own_object_is_a_claim_of_its_own() -> None:
    draft = draft_of("Ana Voss said the mill forced workers to stay late and confiscated their "
                   "passports.")
    assert [c for _, _, c in said(draft)] == ["The mill forced workers to stay late.",
                                               "The mill confiscated their passports."]


def test_two_verbs_of_one_object_are_not_split() -> None:
    assert len(said(draft_of("Ana Voss said the mill owned and operated the plant."))) == 1


def test_two_subjects_joined_by_and_are_not_split() -> None:
    draft = draft_of("Ana Voss said the mayor of Lusk and her deputy had resigned.")
    assert len(said(draft)) == 1


def test_a_verb_moving_to_a_place_is_not_split() -> None:
    draft = draft_of("Ana Voss said the family had sold the farm and moved to the city.")
    assert len(said(draft)) == 1


# --- evidence named with its maker


@pytest.mark.parametrize(("sentence", "kind", "producer"), [
    ("The Gazette has seen a copy of the cargo manifest, provided by Velm Shipping.",
     "Document", "velm-shipping"),
    ("Figures from the tracking firm Seawatch show that the ferry left at noon.", "Evidence",
     "seawatch"),
    ("A video filmed by a passenger shows the ferry listing.", "Video", "a-passenger"),
    ("The study is based on payroll records kept by Orla Foods.", "Document", "orla-foods"),
    ("Two audits carried out on its behalf by Pell Assurance found no fault.", "Document",
     "pell-assurance"),
    ("The study is based on interviews with 40 drivers conducted by Harbour Watch researchers "
     "in May.", "Testimony", "harbour-watch"),
    ("Photographs taken inside the depot by Ana Voss show the pumps.", "Photograph",
     "ana-voss"),
])
def test_material_named_with_its_maker(sentence: str, kind: str, producer: str) -> None:
    draft = draft_of(sentence)
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [(kind, producer)]


def test_a_purpose_clause_in_a_quotation_is_no_support_for_the_paraphrase() -> None:
    draft = draft_of('Ana Voss said the ferry had gone dark. "It switched off its radio so that it '
                   'could land the catch unseen," she said.')
    dark, purpose = (next(s for s in draft.mentions if words in s.claim_text)
                     for words in ("gone dark", "land the catch"))
    assert purpose.claim != dark.claim
