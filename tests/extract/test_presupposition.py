"""Presupposing modifiers (``presupposition_cues.tsv``), on sentences written for these tests.
Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract, load_lexicon
from kg.extract.lexicon import PRESUPPOSITION_CLASSES
from tests.extract.conftest import said

NARRATION = [
    # the publisher's own voice: (sentence, presupposed claim)
    (
        "Estria has kept its embassy in Kovar open since France's illegal blockade of the port "
        "in 2019.",
        "France's blockade of the port in 2019 was illegal.",
    ),
    (
        "The ministry has struggled to pay pensions, drawing on Greece's shrinking reserves.",
        "Greece's reserves are shrinking.",
    ),
    (
        "Exporters have turned to rail since Egypt's botched dredging of the canal.",
        "Egypt's dredging of the canal was botched.",
    ),
]


@pytest.mark.parametrize(("sentence", "claim"), NARRATION)
def test_a_modifier_in_narration_is_the_publishers_claim(sentence: str, claim: str) -> None:
    found = said(sentence)
    assert ("The Test Gazette", "affirms", claim) in found


def test_an_evaluated_event_refines_the_event_itself() -> None:
    draft = extract(NARRATION[0][0], publisher="The Test Gazette")
    by_text = {c.text: c for c in draft.claims}
    narrow = by_text["France's blockade of the port in 2019 was illegal."]
    broad = by_text["France's blockade of the port in 2019 took place."]
    assert narrow.refines == [broad.id]
    # the event claim is supported through the refinement only
    assert not [s for s in draft.statements if s.claim == broad.id]
    # and the sentence's own claim is not taken to refine what it presupposes
    main = next(c for c in draft.claims if c.text.startswith("Estria"))
    assert main.refines == []


def test_a_pronoun_takes_the_nearest_state_named_before_it() -> None:
    found = said("Serbia has bought grain from Hungary to make up for its dwindling harvests.")
    assert ("The Test Gazette", "affirms", "Hungary's harvests are dwindling.") in found


def test_an_unresolved_pronoun_is_kept_and_marked_for_review() -> None:
    draft = extract(
        "The cooperative has sold land to cover its mounting debts.", publisher="The Test Gazette"
    )
    [record] = [s for s in draft.statements if "presupposition" in " ".join(s.cues)]
    assert record.claim_text == "Its debts are mounting."
    assert draft.needs_review(record.confidence)


def test_a_modifier_in_someones_words_is_not_the_publishers() -> None:
    # "unprovoked" here is the minister's wording: the publisher only reports it
    found = said(
        "Foreign Minister Lena Brandt said Austria's unprovoked raid on the "
        "border post had killed two guards."
    )
    assert [who for who, _, _ in found] == ["Lena Brandt"]


STANDING = [
    # (sentence, speaker, the speaker's stance on what was said, presupposed claim)
    (
        "Governor Paul Ames said the state would review its longstanding ban on fracking.",
        "Paul Ames",
        "affirms",
        "It has a longstanding ban on fracking.",
    ),
    (
        "The union denied that it would drop the firm's decades-old practice of paying overtime "
        "in cash.",
        "union",
        "denies",
        "The firm has a decades-old practice of paying overtime in cash.",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker", "stance", "claim"), STANDING)
def test_a_standing_policy_is_presupposed_whatever_the_stance(
    sentence: str, speaker: str, stance: str, claim: str
) -> None:
    found = said(sentence)
    assert any(speaker.lower() in who.lower() and s == stance for who, s, _ in found)
    # a presupposition survives negation: the speaker affirms it even while denying
    assert any(
        speaker.lower() in who.lower() and s == "affirms" and text == claim
        for who, s, text in found
    )


def test_a_possessive_without_a_listed_modifier_presupposes_nothing() -> None:
    found = said("The port has stayed open since Norway's new tariff on salmon in 2021.")
    assert len(found) == 1


def test_a_user_lexicon_can_add_a_cue_and_a_bad_class_is_named(tmp_path) -> None:
    (tmp_path / "presupposition_cues.tsv").write_text(
        "cue\tclass\nspiralling\ttrend\n", encoding="utf-8"
    )
    lex = load_lexicon(tmp_path)
    assert lex.presuppositions["spiralling"] == "trend"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "presupposition_cues.tsv").write_text("cue\tclass\nsoaring\tsteep\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"presupposition_cues.tsv: 'soaring'.*" + PRESUPPOSITION_CLASSES[0]
    ):
        load_lexicon(bad)
