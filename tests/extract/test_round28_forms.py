"""Forms the writer of a held-out morning briefing newsletter listed the extractor missing (in
general terms only), on sentences written for these tests: other names, other places, none
taken from that article. Expected values were worked out by hand."""

from __future__ import annotations

from tests.extract.forms import draft_of, mention, said

# --- a briefing newsletter's own framing lines are headline matter, not statements

BRIEFING = (
    "The Lowmoor Courier\n\n"
    "Evening Digest\n\n"
    "Your Friday Digest: Floods close the ring road\n\n"
    "Storm water shuts the city\u2019s main route. Plus: nurses win a pay rise.\n\n"
    "By Nell Arden\n"
    "Friday, March 7, 2025\n\n"
    "Good evening. Here is what happened today.\n\n"
    "1. Floods close the ring road. The Highways Agency said the ring road would stay shut "
    "until Monday.\n\n"
    "Read more: How the storm hit the valley towns overnight \u203a\n\n"
    "2. A pay deal at last. Nurses at Lowmoor General will get a 4 percent rise, the hospital "
    "trust said on Friday.\n\n"
    "Read more: What the new nursing pay deal means for staff across the region \u203a\n\n"
    "Thanks for reading. See you on Monday.\n\n"
    "Got a question? Email us at digest@lowmoorcourier.example.\n"
)


def test_a_briefings_lead_ins_greeting_and_sign_off_are_not_statements() -> None:
    draft = draft_of(BRIEFING, publisher=None, date=None)
    own = [s.claim_text for s in draft.mentions or draft.statements if s.own_voice]
    assert own == []
    assert len(said(draft)) == 2


# --- "The agency's spokesman, Col. FIRST LAST, told ...": the ranked name is the speaker


def test_a_spokesman_named_with_an_abbreviated_rank_is_that_person() -> None:
    draft = draft_of("The agency\u2019s spokesman, Col. Tomas Ruell, told reporters on Monday "
                     "that the count was final.\n\nColonel Ruell said the report was wrong.\n")
    speakers = {s.actor for s in draft.mentions if not s.own_voice}
    assert speakers == {"tomas-ruell"}


# --- a hedge inside a partial quotation that runs to the end of the span


def test_likely_to_inside_a_partial_quotation_hedges() -> None:
    draft = draft_of("The governor, Petra Anvik, said inflation was \u201clikely to ease "
                     "through the summer\u201d but warned that rents remained high.\n")
    assert mention(draft, "ease").stance == "hedges"
    assert mention(draft, "ents remained").stance == "affirms"


# --- "Bus drivers will return ..., the union said": a capital opening a common noun phrase


def test_a_capitalised_modifier_before_a_plural_noun_is_no_speaker() -> None:
    draft = draft_of("Bus drivers will return to work on Monday after a vote on the offer, "
                     "the union said.\n")
    assert {a.id for a in draft.actors} == {"union", "test-gazette"}
    assert said(draft)[0][:2] == ("union", "affirms")


def test_a_name_opening_the_claim_is_still_the_described_speaker() -> None:
    draft = draft_of("Harlan Freight has laid off 40 drivers, the company said.\n")
    assert said(draft)[0][0] == "harlan-freight"


# --- a briefing item's lede: "A former engineer at X says P" and the name in the next sentence


def test_an_items_unnamed_lede_speaker_is_the_person_named_next() -> None:
    draft = draft_of("Good morning.\n\n1. A flood. The agency said the river rose.\n\n"
                     "2. A carmaker under fire. A former engineer at Kelby Cells says the "
                     "company hid failed brake tests.\n\nIn emails seen by the Gazette, the "
                     "engineer, Rosa Vell, warned managers in May that two cars had failed.\n")
    speakers = [s.actor for s in draft.mentions if not s.own_voice]
    assert speakers == ["agency", "rosa-vell", "rosa-vell"]


def test_a_former_employee_does_not_act_for_the_employer() -> None:
    draft = draft_of("A former engineer at Kelby Motors says the company hid failed brake "
                     "tests.\n")
    speaker = next(a for a in draft.actors if a.id == said(draft)[0][0])
    assert speaker.acts_for is None
    draft = draft_of("An engineer at Kelby Motors says the company hid failed brake tests.\n")
    speaker = next(a for a in draft.actors if a.id == said(draft)[0][0])
    assert speaker.acts_for == "kelby-motors"


def test_the_workplace_of_a_job_is_an_organisation_the_company_names() -> None:
    draft = draft_of("A former engineer at Kelby Cells says the company hid failed fire "
                     "tests.\n\nKelby Cells denied the accusation. The company said the "
                     "engineer had been dismissed.\n")
    kelby = next(a for a in draft.actors if a.id == "kelby-cells")
    assert kelby.kind == "Organization"
    assert [s[:2] for s in said(draft)][1:] == [("kelby-cells", "denies"),
                                                 ("kelby-cells", "affirms")]


# --- relays: an outlet the text introduced is an outlet later; "suggested" goes on speaking


def test_according_to_an_outlet_introduced_earlier_is_a_relay() -> None:
    draft = draft_of("Ana Holt told the news agency Telpress that the road was shut.\n\n"
                     "Prime Minister Ivo Lind said an inquiry would report within a month, "
                     "according to Telpress.\n")
    assert [r.outlet for r in mention(draft, "nquiry").relay] == ["telpress", "test-gazette"]


def test_a_suggestion_in_the_next_sentence_carries_the_interviews_outlet() -> None:
    draft = draft_of("A police spokeswoman, Ana Holt, said no shots were fired. \u201cNot one "
                     "shot was fired,\u201d she told the news agency Telpress. She suggested "
                     "that the noise may have come from fireworks.\n")
    assert [r.outlet for r in mention(draft, "fireworks").relay] == ["telpress", "test-gazette"]


# --- evidence: "a video filmed by a fan, FIRST LAST," was made by the person named


def test_material_made_by_a_described_and_named_person_is_that_persons() -> None:
    draft = draft_of("A video filmed by a fan, Ivo Marr, appears to show smoke over the north "
                     "stand. Mr. Marr told Radio Lusk that the police had fired.\n")
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("Video", "ivo-marr")]


def test_emails_opening_the_sentence_are_the_speakers_evidence() -> None:
    draft = draft_of("In emails seen by the Gazette, the engineer, Rosa Vell, warned managers "
                     "in May that two cars had failed.\n")
    assert [(e.description, e.produced_by) for e in draft.evidence] == [
        ("Emails seen by the Gazette", "rosa-vell")]


def test_an_outlet_met_as_a_speaker_is_the_outlet_a_later_told_names() -> None:
    """(Found by the lead in the benchmark: this round's outlet rule made "told X" a relay
    through a second actor named X.)"""
    draft = draft_of("Dagmar, the national sports daily, reported on Tuesday that the coach had "
                     "resigned.\n\nThe club captain told Dagmar that the squad had not been "
                     "told.\n")
    assert [a.id for a in draft.actors if a.name == "Dagmar"] == ["dagmar"]
    captain = [s for s in draft.mentions if s.actor == "club-captain"]
    assert [[r.outlet for r in s.relay][:1] for s in captain] == [["dagmar"]]
