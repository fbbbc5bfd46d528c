"""Modals in reported claims, on sentences written for these tests: a possibility hedges, a
negated ability denies (but not a policy or a hedge that holds the negation), and "could not
verify X" hedges X. Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from tests.extract.conftest import said

CASES = [
    # a possibility ("could be", "could still") hedges
    ("The inspector said the leak could still be spreading underground.",
     "Inspector", "hedges", "leak could still be spreading"),
    ("Doctors warned that the outbreak could be larger than reported.",
     "Doctors", "hedges", "outbreak could be larger"),
    # "could" of permission or ability is no hedge
    ("The mayor said residents could apply for compensation from Monday.",
     "Mayor", "affirms", "residents could apply"),
    # a negated ability denies that it can
    ("Officials said the radar images cannot show who fired.",
     "Officials", "denies", "radar images can show who fired"),
    ("The audit office said the ledgers can't explain the missing funds.",
     "Audit office", "denies", "ledgers can explain the missing funds"),
    # a hedge that holds the negation wins over it
    ("The pilot union said the crew did not rule out a bird strike.",
     "Pilot union", "hedges", "crew did not rule out a bird strike"),
    # a policy subject states what it will do: no denial
    ('"We cannot accept this verdict," the club said.',
     "Club", "affirms", "We cannot accept this verdict"),
    # "could not verify X": neither confirmed nor denied, so X is hedged
    ("The agency said it could not independently verify the casualty figures.",
     "Agency", "hedges", "casualty figures"),
    ("The coastguard said it was unable to confirm that the ferry had sunk.",
     "Coastguard", "hedges", "ferry had sunk"),
]


@pytest.mark.parametrize(("sentence", "speaker", "stance", "claim"), CASES)
def test_modals_in_the_claim(sentence: str, speaker: str, stance: str, claim: str) -> None:
    [(who, found, text)] = said(sentence)
    assert (who, found) == (speaker, stance)
    assert claim.lower() in text.lower()


def test_could_not_verify_keeps_the_next_clause_affirmed() -> None:
    found = said("The survey firm said it could not confirm the poll results, but that "
                 "turnout was high.")
    assert [(s, t) for _, s, t in found] == [("hedges", "The poll results."),
                                            ("affirms", "Turnout was high.")]


@pytest.mark.parametrize("sentence", [
    "Mayor Ana Ruiz spoke on Monday. It was too early to say whether the dam had cracked, "
    "she added.",
    "Mayor Ana Ruiz said it was too early to say whether the dam had cracked.",
])
def test_an_impersonal_hedge_frame_keeps_the_speaker_after_it(sentence: str) -> None:
    # "to say" after "too early" reports no one: the speaker is the one who added it
    assert said(sentence) == [("Ana Ruiz", "hedges", "The dam had cracked.")]


def test_an_impersonal_hedge_with_no_speaker_is_the_publishers() -> None:
    assert said("It is too early to say whether the dam cracked.") == [
        ("The Test Gazette", "hedges", "The dam cracked.")]


@pytest.mark.parametrize("sentence", [
    "The club refused to say how much it had paid.",
    "The police would not say who had been arrested.",
])
def test_refusing_to_answer_an_open_question_is_no_claim(sentence: str) -> None:
    assert said(sentence) == []


def test_a_refusal_after_a_claim_ends_that_claim_and_adds_none() -> None:
    assert said("Coach Ana Ruiz said the team would appeal, but she declined to say when the "
                "hearing would start.") == [("Coach Ana Ruiz", "affirms", "The team would appeal.")]


def test_declining_to_say_whether_still_hedges() -> None:
    assert said("The police declined to say whether anyone had been arrested.") == [
        ("Police", "hedges", "Anyone had been arrested.")]


@pytest.mark.parametrize(("sentence", "claim"), [
    ("The ministry would not confirm that the talks had failed.", "The talks had failed."),
    ("The ministry did not confirm that the talks had failed.", "The talks had failed."),
    ("The ministry could not immediately confirm that the talks had failed.",
     "The talks had failed."),
    ("The agency said the video could not be independently verified.", "The video."),
    ("The coastguard said it was unable to verify the footage independently.", "The footage."),
])
def test_an_unconfirmed_claim_is_hedged_once(sentence: str, claim: str) -> None:
    # "could not" is one cue: its "not" does not turn the hedge back into an affirmation
    [(_, stance, text)] = said(sentence)
    assert (stance, text) == ("hedges", claim)


def test_a_verified_claim_is_affirmed() -> None:
    [(_, stance, _)] = said("The agency said the video had been verified by two experts.")
    assert stance == "affirms"


def test_it_remains_to_be_seen_whether_hedges() -> None:
    assert said("Mayor Ana Ruiz spoke on Monday. It remains to be seen whether the dam "
                "cracked, she said.") == [("Ana Ruiz", "hedges", "The dam cracked.")]
