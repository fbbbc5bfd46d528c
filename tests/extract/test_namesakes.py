"""Bodies of one name in different states are different actors (kg/extract/namesakes.py): a
wrong merge here would make two sides of a dispute one source. Sentences written for these
tests; expected values worked out by hand."""

from __future__ import annotations

from kg.extract import extract
from tests.extract.forms import draft_of

_TWO_MINISTRIES = (
    "Border row deepens\n\nBy Ana Holt\n\nMarch 3, 2026\n\n"
    "The Russian Foreign Ministry said on Monday that a drone had crossed the border.\n\n"
    "Ukraine's Foreign Ministry denied that any drone had crossed the border.\n\n"
    "The Polish Foreign Ministry said it was monitoring the situation.\n"
)


def _speakers(text: str) -> dict[str, tuple[str, str | None]]:
    """claim-text prefix -> (speaker's name, whom the speaker acts for)."""
    draft = draft_of(text)
    actors = {a.id: a for a in draft.actors}
    return {s.claim_text[:24]: (actors[s.actor].name, actors[s.actor].acts_for)
            for s in draft.statements}


def test_one_name_in_three_states_is_three_actors_each_acting_for_its_state() -> None:
    speakers = _speakers(_TWO_MINISTRIES)
    by_state = {acts_for: name for name, acts_for in speakers.values()}
    assert set(by_state) == {"russia", "ukraine", "poland"}
    assert by_state["ukraine"] == "Foreign Ministry of Ukraine"
    assert by_state["russia"] == "Foreign Ministry of Russia"
    # the denial is Ukraine's, not Russia's own: the claim is contested, not self-denied
    draft = draft_of(_TWO_MINISTRIES)
    actors = {a.id: a for a in draft.actors}
    assert sorted((s.stance, actors[s.actor].acts_for) for s in draft.statements
                  if "drone" in s.claim_text) == [("affirms", "russia"), ("denies", "ukraine")]


def test_the_same_state_named_two_ways_is_one_body() -> None:
    text = ("Moscow, May 4, 2026\n\n"
            "The Russian Defence Ministry said its radar had tracked the drone. "
            "Russia's Defence Ministry later said the drone had been shot down.\n")
    draft = draft_of(text)
    bodies = {a.id for a in draft.actors if "Defence Ministry" in a.name}
    assert len(bodies) == 1
    assert {s.actor for s in draft.statements} == bodies


def test_a_bare_name_after_namesakes_is_the_one_mentioned_last() -> None:
    text = ("The Russian Defence Ministry said its radar had tracked the drone. "
            "Ukraine's Defence Ministry said the radar data was false. "
            "The Defence Ministry added that no drone had been launched that night.\n")
    draft = extract(text, publisher="The Test Gazette")
    actors = {a.id: a for a in draft.actors}
    last = [s for s in draft.statements if "launched" in s.claim_text]
    assert [actors[s.actor].acts_for for s in last] == ["ukraine"]


def test_a_ministry_of_a_state_the_lexicon_lacks_is_told_apart_from_a_known_one() -> None:
    """("Esterland" is in no lexicon: a proper name that owns a ministry is a state.)"""
    text = ("The Russian Foreign Ministry said talks would resume. "
            "Esterland's Foreign Ministry said it was ready to host them.\n")
    speakers = _speakers(text)
    assert sorted(acts_for or "" for _, acts_for in speakers.values()) == [
        "esterland", "russia"]
