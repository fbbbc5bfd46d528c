"""Claim merging, second round (kg/extract/similarity.py, kg/extract/claims.py): a subject
that points back ("This ship ..."), "(no) doubt that P", the words a denial leaves behind
("anyone ever"), a pronoun between a verb and its particle, two figures or names in common,
a short claim about "the X" after a fuller one, and a statement that says again what any
statement of a claim said. Sentences written for these tests, on topics of no benchmark article."""

from __future__ import annotations

import pytest

from kg.extract import load_lexicon
from kg.extract.similarity import MERGE_THRESHOLD, content_words, says_again
from tests.extract.forms import claim_ids, word_similarity

LEX = load_lexicon()




SAME = [
    # a subject opened by a demonstrative points back: its noun may be the other's "it"
    ("This ship turned off its radar.",
     "The freighter had switched off its radar to avoid detection."),
    ("These records were kept for safekeeping.",
     "Visas were kept for safekeeping at the travellers' request."),
    # "(no) doubt (in our minds) that P" says how sure the speaker is of P
    ("There is no doubt in our minds that the levee failed first.",
     "The levee failed first."),
    # plane / aircraft, hit / struck (synonyms.tsv)
    ("The plane was hit by a drone.", "A drone struck the aircraft."),
    # a pronoun between a verb and its particle: "shut it off" is "switched off"
    ("The keeper shut it off at dawn.", "The keeper switched off the beacon at dawn."),
    # two figures in common pin one event down
    ("14 passengers on Flight 220 fell ill after the meal.",
     "Samples from 14 Flight 220 passengers tested positive after the meal."),
    # two names in common and half the words: the same participants, the same claim
    ("The signals came from Norvian radar sites in Kelmar.",
     "The interference was coming from Norvian radar equipment in Kelmar."),
]

DIFFERENT = [
    # the pointing subject's noun still counts when the other claim names it otherwise
    ("This ship sank.", "The ferry sank."),
    # a pointing subject does not make another predicate the same claim
    ("This ship carried grain.", "The freighter had switched off its radar."),
    # one figure in common and little else: apart
    ("14 passengers fell ill.", "14 pumps were replaced after the meal."),
    # two names in common, and little else
    ("The Norvian troops left Kelmar.", "The Norvian ministers praised Kelmar's new hospital."),
    # two figures in common, but hardly a word besides
    ("Route 9 trains ran 12 minutes late because of the snow and a broken signal.",
     "Bus 9 drivers were paid 12 euros extra for the night shift in the depot."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_proposition_in_other_words_is_one_claim(a: str, b: str) -> None:
    assert word_similarity(a, b) >= MERGE_THRESHOLD
    assert word_similarity(b, a) == word_similarity(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_propositions_stay_apart(a: str, b: str) -> None:
    assert word_similarity(a, b) < MERGE_THRESHOLD


def test_the_words_a_denial_leaves_behind_are_not_compared() -> None:
    # "No one had ever opened the safe": the claim is that the safe was opened
    assert sorted(content_words("Anyone had ever opened the safe.", LEX).words) == \
        ["open", "safe"]


def test_a_pointing_subject_is_read_only_at_the_start_and_before_a_verb() -> None:
    assert content_words("This ship turned off its radar.", LEX).soft == {"ship"}
    assert not content_words("That account.", LEX).soft  # no verb: names a statement
    assert not content_words("The crew saw this ship.", LEX).soft


def test_a_short_claim_about_the_x_says_a_fuller_one_again() -> None:
    fuller = content_words("Inspectors could not say whether the Route 9 signal had been "
                           "repaired.", LEX)
    short = content_words("The signal had been repaired.", LEX)
    assert short.definite and says_again(short, fuller)
    # only in that direction, and only for "the X": a fuller claim after a short one refines it
    assert not says_again(fuller, short)
    assert not content_words("Signals had been repaired.", LEX).definite
    # a word the fuller claim lacks: another claim
    assert not says_again(content_words("The signal had been replaced.", LEX), fuller)


def test_a_short_claim_about_the_x_shares_the_earlier_claim() -> None:
    found = claim_ids(
        "The rail authority said it could not say whether the Route 9 signal had been "
        "repaired. Belt Rail Services said the signal had been repaired."
    )
    assert [(actor, stance) for actor, stance, _ in found] == [
        ("rail-authority", "hedges"), ("belt-rail-services", "affirms")]
    assert found[0][2] == found[1][2]


def test_a_statement_may_say_again_any_statement_of_a_claim() -> None:
    # the third is too far from the first (0.33) but says the second again (0.75)
    found = claim_ids(
        "The Coast Guard said the crew switched off the radar at dawn near the cape to avoid "
        "detection. Harlan Shipping said the crew switched off the radar. Norvik Insurance "
        "said the crew deliberately switched off the radar."
    )
    assert len(found) == 3
    assert len({claim for _, _, claim in found}) == 1
