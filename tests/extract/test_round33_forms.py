"""Forms the writer of a held-out court report listed the extractor missing (in general terms
only), on sentences written for these tests: other names, other places, none taken from that
article. Expected values were worked out by hand."""

from __future__ import annotations

from tests.extract.forms import draft_of, said

# --- hedges that hold a negation, and negations that assert


def test_not_possible_to_say_whether_hedges() -> None:
    draft = draft_of("The engineer said it was \u201cnot possible to say from the logs alone\u201d "
                     "whether the pump had failed.")
    assert said(draft) == [("engineer", "hedges", "It was not possible to say from the logs "
                            "alone whether the pump had failed.")]


def test_could_not_swear_to_it_hedges() -> None:
    draft = draft_of("\u201cIt was late and I couldn\u2019t swear to it,\u201d Nora Pike said.")
    assert [(a, s) for a, s, _ in said(draft)] == [("nora-pike", "hedges")]
    draft = draft_of("Nora Pike said she could not swear that the car was blue.")
    assert [(a, s) for a, s, _ in said(draft)] == [("nora-pike", "hedges")]


def test_never_hidden_is_litotes_and_affirms() -> None:
    draft = draft_of("Nora Pike said the mayor had never hidden her support for the bypass.")
    assert [(a, s) for a, s, _ in said(draft)] == [("nora-pike", "affirms")]
    # (a plain "never" still denies)
    draft = draft_of("Nora Pike said the bypass was never built.")
    assert [(a, s) for a, s, _ in said(draft)] == [("nora-pike", "denies")]


def test_should_never_have_been_is_an_opinion_affirmed() -> None:
    draft = draft_of("Nora Pike said the bypass should never have been approved.")
    assert said(draft) == [("nora-pike", "affirms",
                            "The bypass should never have been approved.")]


# --- a refusal in other words states nothing


def test_not_appropriate_to_comment_is_no_statement() -> None:
    draft = draft_of("Harl Water said it was \u201cnot appropriate to comment on an ongoing "
                     "case\u201d.")
    assert said(draft) == []
    assert not any("appropriate" in t for _, _, t in said(draft, own=True))
    # (a matter described in the refusal is a claim of its own: not a bare refusal)
    draft = draft_of("Harl Water said it would be \u201cinappropriate to comment on a case "
                     "that may go to appeal\u201d.")
    assert [a for a, _, _ in said(draft)] == ["harl-water"]
    # (what is "not appropriate" to do, other than comment, is a claim)
    draft = draft_of("Harl Water said it was not appropriate to raise prices.")
    assert [a for a, _, _ in said(draft)] == ["harl-water"]


# --- a defendant denies the charges


def test_denies_a_charge_named_at_length() -> None:
    draft = draft_of("Anna Brell, 52, a baker from Coldwater, denies criminal damage and "
                     "obstructing the highway.")
    assert [(a, s) for a, s, _ in said(draft)] == [("anna-brell", "denies")]
    draft = draft_of("Anna Brell denies causing criminal damage to a police van.")
    assert [(a, s) for a, s, _ in said(draft)] == [("anna-brell", "denies")]
    # (a refusal to grant is no denial, even with an offence's word in it)
    draft = draft_of("The council denies the bakery a permit for the damage.")
    assert said(draft) == []


def test_a_plea_of_not_guilty_is_a_denial_and_a_guilty_plea_is_not() -> None:
    draft = draft_of("Anna Brell pleaded not guilty to fraud.")
    assert [(a, s) for a, s, _ in said(draft)] == [("anna-brell", "denies")]
    draft = draft_of("Anna Brell pleaded guilty to theft.")
    assert said(draft) == []


# --- court frames and witnesses


def test_heard_from_a_witness_who_said() -> None:
    draft = draft_of("On Monday, the inquest heard from Inspector Carl Dunne, of Harrow "
                     "Police, who said the van had been stolen.")
    assert said(draft) == [("carl-dunne", "affirms", "The van had been stolen.")]
    draft = draft_of("Reporters spoke to Carl Dunne, who said the van had been stolen.")
    assert said(draft) == [("carl-dunne", "affirms", "The van had been stolen.")]


def test_agreed_that_reports_the_witness() -> None:
    draft = draft_of("Under questioning, Carl Dunne agreed that the van was old and said "
                     "that no one had seen the driver.")
    assert [(a, s) for a, s, _ in said(draft)] == [("carl-dunne", "affirms"),
                                                   ("carl-dunne", "denies")]


# --- letters after a name


def test_a_name_with_letters_after_it_is_the_person_of_the_surname() -> None:
    draft = draft_of("Clara Vint KC told the jury that the fire was started deliberately.\n\n"
                     "\u201cIt was not an accident. It was arson,\u201d she said.\n\n"
                     "Ms Vint said the damage was severe.")
    assert {a for a, _, _ in said(draft)} == {"clara-vint"}
    assert [a.kind for a in draft.actors if a.id == "clara-vint"] == ["Person"]


# --- "Another X spokeswoman" speaks for X


def test_another_spokeswoman_of_a_body_acts_for_the_body() -> None:
    draft = draft_of("Another Harl Water spokeswoman, Ida Roe, said the pipe was old.")
    assert [(a.id, a.acts_for) for a in draft.actors if a.id == "ida-roe"] == \
        [("ida-roe", "harl-water")]
    assert not any(a.id.startswith("another") for a in draft.actors)


# --- an attribution set inside a paraphrase whose predicate quotes the speaker


def test_an_inserted_attribution_before_a_quoted_predicate() -> None:
    draft = draft_of("Carl Dunne told the jury his client was innocent.\n\nThe case against "
                     "her, Mr Dunne said, was \u201cbuilt on rumour and a grudge\u201d.")
    assert said(draft)[-1] == ("carl-dunne", "affirms",
                               "The case against her was built on rumour and a grudge.")


def test_a_police_rank_written_short_is_the_same_person() -> None:
    draft = draft_of("Detective Sergeant Ann Hale said the van was stolen.\n\n"
                     "DS Hale said the keys were missing.")
    assert {a for a, _, _ in said(draft)} == {"ann-hale"}


# --- a quotation reported inside another report is the inner speaker's


def test_a_colon_quotation_after_told_and_its_object() -> None:
    draft = draft_of("Tom Reed told officers: \u201cI was at home all night. I never saw the "
                     "van.\u201d")
    assert said(draft) == [("tom-reed", "affirms", "I was at home all night."),
                           ("tom-reed", "denies", "I saw the van.")]


def test_nested_speech_gives_the_quotation_to_the_inner_speaker() -> None:
    draft = draft_of("Ann Hale said Tom Reed told officers: \u201cI was at home all night.\u201d")
    assert said(draft) == [("tom-reed", "affirms", "I was at home all night.")]
    draft = draft_of("Ann Hale gave evidence.\n\nShe said that when Tom Reed was questioned he "
                     "told officers: \u201cI was at home all night.\u201d")
    assert said(draft) == [("tom-reed", "affirms", "I was at home all night.")]


def test_a_witness_heard_from_acts_for_the_force_of_her_apposition() -> None:
    draft = draft_of("The jury heard from Detective Sergeant Ann Hale, of Kessel "
                     "Constabulary\u2019s fraud unit, who said the van was stolen.")
    assert said(draft) == [("ann-hale", "affirms", "The van was stolen.")]
    assert [(a.id, a.acts_for) for a in draft.actors if a.id == "ann-hale"] == \
        [("ann-hale", "kessel-constabulary")]
