"""Stance forms a new user's test article showed read wrongly (helper qa14's walk-through),
on sentences written for these tests. Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from tests.extract.forms import draft_of, said


@pytest.mark.parametrize("label", ["\u201cgroundless\u201d", '"pure fantasy"', "groundless"])
def test_a_dismissal_with_a_quoted_label_denies_its_object(label: str) -> None:
    draft = draft_of(f"The company dismissed as {label} the council's finding that a blast "
                     "cracked the school wall.\n")
    [(speaker, stance, claim)] = said(draft)
    assert (speaker, stance) == ("company", "denies")
    assert "a blast cracked the school wall" in claim


@pytest.mark.parametrize("words", ["categorically not", "clearly not", "in no way",
                                   "by no means"])
def test_an_adverb_inside_the_negation_still_denies(words: str) -> None:
    draft = draft_of(f"The company said it was {words} responsible for the cracks.\n")
    assert said(draft) == [("company", "denies", "It was responsible for the cracks.")]


@pytest.mark.parametrize("text", [
    "The council said the blast damaged a wall that had not been inspected since 2015.\n",
    "The council said the pipe that did not hold had burst.\n",
])
def test_a_negation_in_a_relative_clause_denies_nothing(text: str) -> None:
    [(speaker, stance, claim)] = said(draft_of(text))
    assert (speaker, stance) == ("council", "affirms")
    assert " not " in claim


def test_a_clause_after_that_keeps_its_negation() -> None:
    draft = draft_of("The council said the survey found that the wall had not been "
                     "inspected.\n")
    [(speaker, stance, claim)] = said(draft)
    assert (speaker, stance) == ("council", "denies")
    assert claim.lower().endswith("the wall had been inspected.")


def test_that_as_the_subject_is_kept() -> None:
    draft = draft_of("The council said that was not true.\n")
    assert said(draft) == [("council", "denies", "That was true.")]


@pytest.mark.parametrize("subject", [
    "The hydrologist Lea Moser",
    "A hydrologist at Arden University, Dr Lea Moser,",
    "Hydrologist Lea Moser",
])
def test_an_occupation_before_a_name_makes_a_speaker(subject: str) -> None:
    draft = draft_of(f"{subject} said the reservoir was leaking.\n\nShe said the dam was "
                     "sound.\n")
    assert said(draft) == [("lea-moser", "affirms", "The reservoir was leaking."),
                           ("lea-moser", "affirms", "The dam was sound.")]


@pytest.mark.parametrize("medium", ["in a report", "in a letter to the council",
                                    "in a brief statement"])
def test_the_medium_before_that_is_no_part_of_the_claim(medium: str) -> None:
    draft = draft_of(f"The water board said {medium} that the reservoir was leaking.\n")
    assert said(draft) == [("water-board", "affirms", "The reservoir was leaking.")]


def test_unlikely_hedges() -> None:
    draft = draft_of("The water board said it was unlikely that the reservoir was leaking.\n")
    assert [stance for _, stance, _ in said(draft)] == ["hedges"]


@pytest.mark.parametrize(("sentence", "channel"), [
    ("The Test Gazette contacted the water board for further comment.", None),
    ("The Test Gazette contacted the water board via email for comment.", "email"),
    ("The Test Gazette contacted the water board for comment but had not received a reply "
     "by the time of publication.", None),
])
def test_comment_requests_in_more_words(sentence: str, channel: str | None) -> None:
    draft = draft_of(sentence + "\n")
    assert [(r.by, r.to, r.channel, r.response_reported) for r in draft.comment_requests] == [
        ("test-gazette", "water-board", channel, False)]
    assert said(draft, own=True) == []


@pytest.mark.parametrize("adjunct", ["in a statement", "on Friday"])
def test_a_when_or_how_after_an_appositive_is_no_part_of_the_role(adjunct: str) -> None:
    draft = draft_of("\u201cThe reservoir is sound,\u201d said Lea Moser, the board's chief "
                     f"engineer, {adjunct}.\n")
    (moser,) = (a for a in draft.actors if a.id == "lea-moser")
    assert moser.role == "the board's chief engineer"


@pytest.mark.parametrize(("sentence", "claim"), [
    ("Jon Hale, a fisherman, said he had received no reply from the council.",
     "Hale had received some reply from the council."),
    ("The inspectors said they found no evidence of a leak.",
     "They found some evidence of a leak."),
])
def test_a_negative_object_is_denied_in_plain_words(sentence: str, claim: str) -> None:
    """The positive claim that a negative object denies reads as English ("some", where
    "any" is only English under a negation)."""
    [(_, stance, text)] = said(draft_of(sentence + "\n"))
    assert (stance, text) == ("denies", claim)
