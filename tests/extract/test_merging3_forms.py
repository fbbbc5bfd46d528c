"""Claim merging, third round (kg/extract/claims.py, kg/extract/similarity.py,
kg/extract/anaphora.py with kg/extract/referents.py): when a quotation backs the paraphrase
before it, which earlier statement "the accusation", "X's account", "the Xn version", "the
version of the Y" and "that suggestion" name, a qualifier the claim has already given, a verb
phrase that stands for one said before ("do that"), and a short claim opened by a figure.
Sentences written for these tests, on topics of no benchmark article."""

from __future__ import annotations

from kg.extract import load_lexicon
from kg.extract.similarity import MERGE_THRESHOLD, content_words
from tests.extract.forms import draft_of, mention, word_similarity

LEX = load_lexicon()


def _same_claim(text: str, first: str, second: str) -> bool:
    draft = draft_of(text)
    return mention(draft, first).claim == mention(draft, second).claim


def test_a_quotation_after_a_plain_assertion_needs_a_word_or_a_pointer_in_common() -> None:
    # after an assertion, a quotation sharing no word with it makes a point of its own
    assert not _same_claim(
        'Mayor Ada Olsen said the ferry timetable would change in May. "Commuters deserve '
        'better," she said.', "timetable", "Commuters")
    # one sharing a word says it again ...
    assert _same_claim(
        'Mayor Ada Olsen said the ferries were running late. "Every ferry this week has been '
        'late," she said.', "running late", "Every ferry")
    # ... and so does one naming a thing of it as "that X"
    assert _same_claim(
        'Dr Ines Lind said the reservoir had been poisoned. "Someone tipped something into '
        'that water," she said.', "poisoned", "tipped")


def test_a_quotation_does_not_back_a_statement_that_only_names_a_claim() -> None:
    # "dismissed the allegations": a claim made before, not the speaker's words for one
    assert not _same_claim(
        'Coach Petra Lund dismissed the allegations. "Nobody in this dressing room has ever '
        'taken a bribe," she said.', "allegations", "bribe")


def test_a_qualifier_the_claim_already_gave_makes_no_narrower_claim() -> None:
    # "at Gate C" was said by the operator: the inspectors' hedge is on the same claim as
    # the port's denial of "the lights had been broken"
    text = ("The ferry operator said the lights at Gate C had been broken for a month before "
            "the accident. Port officials denied that the lights had been broken. Inspectors "
            "said the lights at Gate C may have been broken at the time.")
    draft = draft_of(text)
    claims = {s.claim for s in draft.mentions or draft.statements}
    assert len(claims) == 1
    # with no statement of the claim giving it, "at Gate C" still makes a narrower claim
    assert not _same_claim("Port officials denied that the lights had been broken. Inspectors "
                           "said the lights at Gate C may have been broken at the time.",
                           "lights had", "Gate C")


def test_an_account_is_its_owners_first_statement() -> None:
    text = ("The Miners Union said managers had ignored safety warnings for months. It said "
            "managers had also cut the night shift. The company rejected the union's account.")
    assert _same_claim(text, "union's account", "ignored safety warnings")


def test_a_place_adjective_names_whose_version_it_is() -> None:
    text = ("Caldera's defence ministry said Marvanian soldiers had fired first. A local "
            "fisherman said he had heard shots at dawn. Marvania's foreign ministry rejected "
            "the Calderan version of events.")
    assert _same_claim(text, "Calderan version", "fired first")
    assert not _same_claim(text, "Calderan version", "shots at dawn")


def test_of_the_x_after_the_noun_says_which_statement_of_the_account() -> None:
    text = ("Skyline Air said its pilots had followed procedure. Skyline Air said its crew had "
            "been cleared to land. Skyline Air also said the runway lights had failed. Harwick "
            "Airport rejected Skyline Air's version of the clearance.")
    assert _same_claim(text, "version", "cleared to land")


def test_that_suggestion_names_the_hedged_statement() -> None:
    text = ("The mayor said it was possible that the fire had been set deliberately, and that "
            "the police were investigating. The fire chief dismissed that suggestion.")
    assert _same_claim(text, "suggestion", "set deliberately")


def test_the_accusation_is_the_accusers_first_statement() -> None:
    text = ("The coast guard said the trawler was fishing illegally. It said crew members had "
            "thrown nets overboard. Nordhav Fisheries, which owns the trawler, rejected the "
            "accusation.")
    assert _same_claim(text, "accusation", "fishing illegally")
    assert not _same_claim(text, "accusation", "nets overboard")


def test_a_verb_phrase_standing_for_one_said_before_is_not_contained() -> None:
    # "do that" stands for what was said before: the words left say only who
    assert content_words("Paper kites do not do that.", LEX).proform
    assert not content_words("Paper kites do not fly.", LEX).proform
    assert word_similarity("Paper kites do not do that.",
                           "It was far too heavy for any paper kite.") < MERGE_THRESHOLD
    # a verb of its own is compared as before
    assert word_similarity("The paper kites were too heavy.",
                           "The paper kites were far too heavy to fly.") >= MERGE_THRESHOLD


def test_a_short_claim_opened_by_a_figure_says_a_fuller_one_again() -> None:
    text = ("The army said four soldiers were killed in an ambush near the border on Monday. "
            "A local official said four soldiers had been killed.")
    assert _same_claim(text, "ambush", "had been killed")
    # a word the fuller claim lacks: another claim
    assert not _same_claim(text.replace("had been killed", "had been wounded"), "ambush",
                           "had been wounded")
    assert content_words("Four soldiers had been killed.", LEX).definite
    assert not content_words("Four had been killed.", LEX).definite
