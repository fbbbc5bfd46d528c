"""Forms two held-out articles (a broadcaster's live blog on a disputed audio clip, a
broadsheet's second-day story on a vaccine batch) showed the extractor missing, on sentences
written for these tests (other names, other topics; none taken from the articles). Expected
values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import Draft
from tests.extract.forms import draft_of, said


def _speakers(draft: Draft) -> list[str]:
    return [a.id for a in draft.actors if a.id != "test-gazette"]


# --- "none" as a negative subject


@pytest.mark.parametrize("text", [
    "The harbour office said it had checked all nine cranes and that none had failed.\n",
    "Varga Mining said that none of its shafts had flooded.\n",
])
def test_none_opening_a_claim_denies_it(text: str) -> None:
    """"none had failed" denies that some had failed, as "no crane had failed" does."""
    stances = [stance for _, stance, claim in said(draft_of(text)) if "failed" in claim
               or "flooded" in claim]
    assert stances == ["denies"]


# --- hedges: "takes no position on", "more likely"


def test_taking_no_position_on_a_question_hedges_it() -> None:
    draft = draft_of("Ruth Amadi, a spokeswoman for the growers' union, said the union "
                     "takes no position on the safety of the new pesticide.\n")
    assert said(draft) == [("ruth-amadi", "hedges", said(draft)[0][2])]


def test_making_a_link_more_likely_hedges_it() -> None:
    """A comparison of odds is not a finding: the speaker leaves the link open."""
    draft = draft_of("Karel Novak, the chief engineer, said the new readings made a failure "
                     "of the seal much more likely.\n")
    assert [(who, stance) for who, stance, _ in said(draft)] == [("karel-novak", "hedges")]


# --- a relative clause after a person's description, before the verb


@pytest.mark.parametrize("verb", ["said", "told reporters"])
def test_a_relative_clause_after_a_description_leaves_the_name_the_speaker(verb: str) -> None:
    """"NAME, the head of X, who first noticed Y, said P": NAME speaks, not "the head of X"."""
    draft = draft_of("Dr Ines Morra, the head of cardiology at Brask City Hospital, who first "
                     f"noticed the faulty monitors, {verb} the ward would reopen on Friday.\n")
    assert _speakers(draft)[:1] == ["ines-morra"]
    assert [who for who, _, claim in said(draft) if "reopen" in claim] == ["ines-morra"]


@pytest.mark.parametrize(("text", "speaker"), [
    # no description before the clause: read as before
    ("Tomas Brule, who runs the ferry, said the crossing would close.\n", "tomas-brule"),
    ("The nurse, who runs the clinic, said the ward would close.\n", "nurse"),
])
def test_a_relative_clause_right_after_the_subject_still_reads(text: str,
                                                               speaker: str) -> None:
    assert [who for who, _, _ in said(draft_of(text))] == [speaker]


# --- a person introduced by the reporter, a sentence of description, then a quotation


def test_a_person_the_reporter_spoke_to_is_the_she_two_sentences_on() -> None:
    """A first-person reporter introduces the speaker as an object ("I spoke to NAME, the
    owner of X"), a sentence describes her, and "she said" after a quotation is NAME."""
    draft = draft_of("I spoke this morning to Carla Mendez, the owner of a tile works. "
                     "She was calm.\n\n"
                     "\u201cWe have never shipped cracked tiles to the school,\u201d she said.\n")
    assert [(who, stance) for who, stance, _ in said(draft)] == [("carla-mendez", "denies")]


def test_the_she_two_sentences_on_is_a_person_named_since_when_there_is_one() -> None:
    """The window is no wider than that: a person named in the sentence between wins."""
    draft = draft_of("I spoke this morning to Carla Mendez, the owner of a tile works. "
                     "Her sister, Ana Mendez, said the kiln had been repaired.\n\n"
                     "\u201cWe have never shipped cracked tiles,\u201d she said.\n")
    assert [who for who, _, _ in said(draft)] == ["ana-mendez", "ana-mendez"]
