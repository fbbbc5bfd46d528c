"""Claim merging (kg/extract/claims.py, kg/extract/similarity.py): statements of one
proposition in other words share one claim; different numbers, different subjects and a
narrower claim do not. Sentences written for these tests, on topics of no benchmark article."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract, load_lexicon
from kg.extract.similarity import (
    MERGE_THRESHOLD,
    content_words,
    names_earlier,
    normal_form,
    similarity,
)
from tests.extract.forms import claim_ids, word_similarity

LEX = load_lexicon()




SAME = [
    # numbers in words and in digits, and the passive
    (
        "The inspectors seized 400 kilograms of cocaine.",
        "Four hundred kilograms of cocaine were seized by the inspectors.",
    ),
    ("Two thousand five hundred homes lost power.", "2,500 homes lost power."),
    ("The bank lost 2.5 million euros.", "The bank lost 2,500,000 euros."),
    # irregular past forms and participles: one lemma
    ("The council took the decision in private.", "The council has taken the decision in private."),
    ("The goalkeeper broke his wrist.", "The goalkeeper has broken his wrist."),
    # a phrase of synonyms.tsv, with its particle (a stop word on its own)
    ("The pilot switched off the autopilot.", "The pilot turned off the autopilot."),
    # words of one class of synonyms.tsv
    ("The mayor bought the old stadium.", "The old stadium was purchased by the mayor."),
    (
        "Customs officers confiscated the forged paintings.",
        "Customs officers seized the forged paintings.",
    ),
    # derived forms share a stem
    ("The firm traded the shares illegally.", "The firm's trading of the shares was illegal."),
]

DIFFERENT = [
    # different numbers: different claims, however many words they share
    ("Two ferries sank near the harbour.", "Three ferries sank near the harbour."),
    ("The bank lost 2.5 million euros.", "The bank lost 3.5 million euros."),
    # different subjects
    ("Orvel Mining polluted the lake.", "Dunmore Chemicals polluted the lake."),
    # a narrower claim refines, it does not merge
    ("The river bridge was closed.", "The river bridge was closed for 3 days."),
    # a particle that makes another verb: "turned down" is not "turned off"
    ("The board turned off the pumps.", "The board turned down the pumps."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_proposition_in_other_words_is_one_claim(a: str, b: str) -> None:
    assert word_similarity(a, b) >= MERGE_THRESHOLD
    assert word_similarity(b, a) == word_similarity(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_propositions_stay_apart(a: str, b: str) -> None:
    assert word_similarity(a, b) < MERGE_THRESHOLD


def test_numbers_are_read_in_words_and_digits() -> None:
    words = content_words(
        "Three thousand four hundred and twenty people and 1,000,000 ducks; one of them left.", LEX
    )
    assert {"3420", "1000000"} <= words.numbers
    assert "1" not in words.words  # "one of them": a pronoun, no number
    assert {"3420", "1000000"} <= words.qualifiers


def test_a_noun_variant_does_not_fold_a_verb_with_the_same_stem() -> None:
    # synonyms.tsv folds "forces" into "troops"; "forced" is another word
    assert normal_form("forced") == normal_form("forces")
    assert "troop" not in content_words("Forced overtime.", LEX).words
    assert "troop" in content_words("Russian forces crossed the river.", LEX).words


def test_a_nominal_names_an_earlier_claim_that_holds_its_words() -> None:
    fuller = content_words("The mill forced its weavers to work overtime.", LEX)
    nominal = content_words("Forced overtime.", LEX)
    assert nominal.nominal and not fuller.nominal
    assert names_earlier(nominal, fuller)
    # only in that direction: a fuller statement after a noun phrase adds to it
    assert not names_earlier(fuller, nominal)
    # a word the earlier claim lacks: another claim
    assert not names_earlier(content_words("Forced labour.", LEX), fuller)
    # a finite verb makes a clause, not a noun phrase ("The dam holds.")
    assert not content_words("The dam holds.", LEX).nominal
    assert not content_words("Wages were cut.", LEX).nominal
    assert content_words("Wages being cut.", LEX).nominal


def test_a_denied_noun_phrase_shares_the_claim_it_names() -> None:
    found = claim_ids(
        "The Coastal Union said that Marlin Shipping forced its deckhands to work "
        "overtime. Marlin Shipping denied forced overtime."
    )
    assert [(actor, stance) for actor, stance, _ in found] == [
        ("coastal-union", "affirms"),
        ("marlin-shipping", "denies"),
    ]
    assert found[0][2] == found[1][2]


def test_a_denied_noun_phrase_with_other_words_is_a_claim_of_its_own() -> None:
    found = claim_ids(
        "The Coastal Union said that Marlin Shipping forced its deckhands to work "
        "overtime. Marlin Shipping denied forced labour."
    )
    assert len(found) == 2
    assert found[0][2] != found[1][2]


def test_a_paraphrase_with_a_synonym_phrase_shares_the_claim() -> None:
    found = claim_ids(
        "The airline said that the pilot switched off the autopilot. The regulator "
        "said that the pilot turned off the autopilot."
    )
    assert [actor for actor, _, _ in found] == ["airline", "regulator"]
    assert found[0][2] == found[1][2]


def test_other_subjects_and_other_numbers_are_otherclaim_ids() -> None:
    subjects = claim_ids(
        "The league said that Dunmore Rovers had broken the spending rules. The "
        "league said that Harlow Athletic had broken the spending rules."
    )
    numbers = claim_ids(
        "Harbour Watch said that 3,000 litres of oil leaked into the bay. Harbour "
        "Watch said that 4,000 litres of oil leaked into the bay."
    )
    for found in (subjects, numbers):
        assert len(found) == 2
        assert found[0][2] != found[1][2]


def test_a_narrower_claim_refines_the_broader_one() -> None:
    draft = extract(
        "The ministry said that the river bridge was closed. The mayor said that the "
        "river bridge was closed for 3 days.",
        publisher="The Test Gazette",
    )
    broad = next(c for c in draft.claims if c.text == "The river bridge was closed.")
    narrow = next(c for c in draft.claims if "3 days" in c.text)
    assert narrow.refines == [broad.id]


def test_a_users_synonym_row_folds_words(tmp_path: Path) -> None:
    a, b = "The courier stole the bicycle.", "The courier stole the bike."
    assert word_similarity(a, b) < MERGE_THRESHOLD
    (tmp_path / "synonyms.tsv").write_text(
        "word\tvariants\nbicycle\tbike|bikes|bicycles\n", encoding="utf-8"
    )
    lex = load_lexicon(tmp_path)
    assert similarity(content_words(a, lex), content_words(b, lex)) == 1.0
