"""Forms the writer of a held-out national-security story listed the extractor missing (in
general terms only), on sentences written for these tests: other names, other places, none
taken from that article. Expected values were worked out by hand."""

from __future__ import annotations

from kg.extract import extract
from tests.extract.forms import draft_of, said

# --- a written document speaks for whoever made it


def test_records_compiled_by_a_firm_speak_for_the_firm() -> None:
    draft = draft_of("Port logs compiled by Kestrel Data, a tracking firm in Brenna, show that "
                     "the ferry left port at midnight.")
    assert said(draft, own=True) == [("kestrel-data", "affirms",
                                      "The ferry left port at midnight.")]
    assert draft.statements[0].relay[0].outlet == "test-gazette"


def test_a_letter_sent_by_a_named_official_and_obtained_by_the_paper_is_hers() -> None:
    draft = draft_of("A letter sent in June by the city's mayor, Ana Holt, and obtained by "
                     "The Test Gazette warned that the bridge was unsafe and that the council "
                     "had been told in May.")
    assert said(draft, own=True) == [
        ("ana-holt", "affirms", "The bridge was unsafe."),
        ("ana-holt", "affirms", "The council had been told in May."),
    ]


def test_the_document_named_again_after_a_quotation_is_still_its_makers() -> None:
    draft = draft_of("A diplomatic memo sent by the consul, Ivo Brenn, warned that the port "
                     "was closing. \u201cThe port is lost,\u201d the memo said.")
    assert [(a, s) for a, s, _ in said(draft, own=True)] == [("ivo-brenn", "affirms")] * 2


def test_a_definite_document_speaks_for_those_who_spoke_through_it() -> None:
    draft = draft_of("According to a summary of the review seen by The Test Gazette, Board "
                     "analysts traced the leak to a valve. The summary cites pressure readings "
                     "taken near the dam, which it says match a faulty batch. The review also "
                     "says repairs were delayed.")
    assert [a for a, _, _ in said(draft, own=True)] == ["board-analysts"] * 3
    assert ("board-analysts", "affirms", "Repairs were delayed.") in said(draft)
    # (the citing names the evidence: what the summary says is the clause after it)
    assert not any("cites" in t for _, _, t in said(draft, own=True))


def test_a_recording_and_a_document_read_by_the_paper_alone_stay_in_its_voice() -> None:
    draft = draft_of("A video filmed by a passenger shows the bus sliding.")
    assert [a for a, _, _ in said(draft, own=True)] == ["test-gazette"]
    draft = draft_of("According to a report seen by The Test Gazette, the dam leaked in May. "
                     "The report also says the valve was old.")
    assert {a for a, _, _ in said(draft, own=True)} == {"test-gazette"}
    # (while a maker named with its document speaks)
    draft = draft_of("Flight logs kept by Nordair show the plane landed late.")
    assert [a for a, _, _ in said(draft, own=True)] == ["nordair"]


# --- a judgement graded with its confidence


def test_a_graded_judgement_is_the_bodys_and_low_confidence_hedges() -> None:
    draft = draft_of("The Fire Service judges with \u201chigh confidence\u201d that the blaze "
                     "was arson, the officials said, while the Police Bureau has assessed with "
                     "only \u201clow confidence\u201d that the fuel came from the shop.")
    assert said(draft, own=True) == [
        ("fire-service", "affirms", "The blaze was arson."),
        ("police-bureau", "hedges", "The fuel came from the shop."),
    ]


def test_moderate_confidence_hedges_too() -> None:
    draft = draft_of("The Coast Guard concluded with moderate confidence that the tanker had "
                     "switched off its beacon.")
    assert said(draft) == [("coast-guard", "hedges", "The tanker had switched off its beacon.")]


# --- one body named by a description, by its name and by its analysts


def test_a_description_a_name_and_the_bodys_analysts_are_one_actor() -> None:
    draft = draft_of("Norland's water safety agency has concluded that the lake is clean. The "
                     "Water Safety Board said the test was done in May. Board analysts said the "
                     "pipes were sound.")
    assert [a for a, _, _ in said(draft)] == ["water-safety-board"] * 3
    # (a description of another state's body stays apart)
    draft = draft_of("The Lithuanian Civil Aviation Administration said flights were delayed. "
                     "Latvia's civil aviation agency said radar had failed.")
    assert len({a for a, _, _ in said(draft)}) == 2


def test_its_analysts_are_the_body_named_as_a_possessor_just_before() -> None:
    draft = draft_of("The Harbour Police Bureau said the boat sank at noon. The officials said "
                     "the Bureau's doubts rest on the weather. Its analysts noted that the tide "
                     "was high, according to people briefed on the inquiry.")
    assert said(draft)[2] == ("harbour-police-bureau", "affirms", "The tide was high.")


# --- smaller forms of the same reporting


def test_has_for_months_accused() -> None:
    draft = draft_of("Norland's government has for years accused Vestia of funding the "
                     "strikes.")
    assert [(a, s) for a, s, _ in said(draft, own=True)] == [("norland-government", "affirms")]


def test_its_plausible_that_hedges() -> None:
    draft = draft_of("\u201cIt\u2019s plausible that the pump failed first,\u201d said Ana "
                     "Holt, an engineer at the Lake Trust.")
    assert [(a, s) for a, s, _ in said(draft)] == [("ana-holt", "hedges")]
    draft = draft_of("Ana Holt said it was plausible that the pump failed first.")
    assert [(a, s) for a, s, _ in said(draft)] == [("ana-holt", "hedges")]


def test_a_bodys_doubts_as_a_noun_are_no_hedge() -> None:
    draft = draft_of("The officials said the Bureau's doubts rest largely on the weather.")
    assert said(draft) == [("officials", "affirms",
                            "The Bureau's doubts rest largely on the weather.")]
    # (a believer who doubts still hedges)
    draft = draft_of("Ana Holt said the Bureau doubts that the boat sank.")
    assert [s for _, s, _ in said(draft)] == ["hedges"]


def test_a_negation_in_a_relative_clause_without_that_denies_nothing() -> None:
    draft = draft_of("Ana Holt said the rebels had \u201cacquired a skill they did not have in "
                     "the spring.\u201d")
    assert [s for _, s, _ in said(draft)] == ["affirms"]
    draft = draft_of("Ana Holt said the firm had found a flaw it could not explain.")
    assert [s for _, s, _ in said(draft)] == ["affirms"]
    # (what someone told a court is no relative clause)
    draft = draft_of("Ana Holt said the driver told the court he had never seen the van.")
    assert [s for _, s, _ in said(draft)] == ["denies"]


def test_claims_called_a_fabrication_are_denied() -> None:
    draft = draft_of("A second spokeswoman, Ana Holt, told the Valley Post that claims the port "
                     "was closed were \u201ca fabrication spread by people who want trouble.\u201d")
    assert [(a, s, t) for a, s, t in said(draft)] == [("ana-holt", "denies",
                                                       "The port was closed.")]


def test_a_quotation_before_said_and_a_source_who_spoke_anonymously() -> None:
    draft = draft_of("\u201cThe pump failed on Monday,\u201d said an engineer who asked not to "
                     "be named because she was not authorised to speak.")
    assert said(draft) == [("an-engineer", "affirms", "The pump failed on Monday.")]


def test_an_outlet_that_first_reported_p_citing_someone_who_said_q() -> None:
    draft = draft_of("The Valley Post first reported last week that inspectors were examining "
                     "the dam, citing a port worker in Brenna who said cracks had appeared in "
                     "the wall.")
    found = [(s.actor, s.claim_text, [r.outlet for r in s.relay]) for s in draft.mentions]
    assert found == [
        ("valley-post", "Inspectors were examining the dam.", ["test-gazette"]),
        ("a-port-worker-in-brenna", "Cracks had appeared in the wall.",
         ["valley-post", "test-gazette"]),
    ]


def test_nothing_as_an_object_denies() -> None:
    draft = draft_of("\u201cWe buy nothing from Vestia,\u201d Ana Holt said.")
    assert said(draft) == [("ana-holt", "denies", "We buy something from Vestia.")]
    # (possession, an omission charged and "nothing short of" are no denials)
    for text in ("\u201cWe have nothing to hide,\u201d Ana Holt said.",
                 "Ana Holt said the board had chosen to say nothing.",
                 "Ana Holt said the rescue was nothing short of a miracle."):
        assert [s for _, s, _ in said(draft_of(text))] == ["affirms"]


def test_a_dek_between_a_headline_and_a_two_name_byline_is_no_statement() -> None:
    text = ("The Lakeside Ledger\n\nEnvironment\n\nMill polluted the Arne for years, state "
            "inspectors find\n\nA leaked audit says the Brenn paper mill dumped dye into the "
            "river. The mill's owners are far less sure.\n\nBy Ola Berg and Nina Sand\n\n"
            "March 3, 2026 at 7:00 a.m.\n\nThe Arne River Board said on Monday that dye levels "
            "downstream of the mill had tripled since 2024.\n")
    draft = extract(text)
    assert not any("leaked audit" in s.claim_text for s in draft.mentions)
    assert ("arne-river-board", "affirms",
            "Dye levels downstream of the mill had tripled since 2024.") in said(draft)


# --- whom a body's part, a group and a spokeswoman act for


def _acts_for(text: str) -> dict[str, str | None]:
    return {a.id: a.acts_for for a in draft_of(text).actors}


def test_its_ministry_acts_for_the_body_that_spoke_just_before() -> None:
    found = _acts_for("Norland's government has accused Vestia of funding the strikes. Its "
                      "defence ministry said the border was closed. Its owner said the ship was "
                      "late.")
    assert found["its-defence-ministry"] == "norland-government"
    # ("its owner" is the thing's, not the speaker's: no statement of the government's)
    assert "its-owner" not in found


def test_the_officials_act_for_the_state_of_the_officials_named_before() -> None:
    found = _acts_for("Norway's navy has seized a tanker, according to three Norwegian "
                      "officials familiar with the matter. The officials said the crew was "
                      "safe.")
    assert found["officials"] == "norway"


def test_a_spokeswoman_for_another_states_ministry_acts_for_that_states_ministry() -> None:
    found = _acts_for("The Norwegian Foreign Ministry denied the report. A spokeswoman for "
                      "Sweden's Foreign Ministry, Ana Holt, said Sweden was concerned.")
    assert found["ana-holt"] == "sweden-foreign-ministry"
    assert found["sweden-foreign-ministry"] == "sweden"
    assert found["foreign-ministry"] == "norway"


def test_the_maker_of_a_letter_acts_for_the_state_that_possesses_her_role() -> None:
    assert _acts_for("A letter sent by Norland's consul in Brenna, Ana Holt, warned that the "
                     "port was closing.")["ana-holt"] == "norland"


# --- the publisher's own reporting, and speech announced without content


def test_said_in_a_message_sent_through_an_intermediary_is_the_medium() -> None:
    draft = draft_of("\u201cWe pay our own way,\u201d the group's spokesman said in a message "
                     "sent to The Test Gazette through an intermediary.")
    assert said(draft) == [("group-spokesman", "affirms", "We pay our own way.")]


def test_has_not_independently_verified_hedges() -> None:
    draft = draft_of("The Valley Post reported that the dam leaked. The Test Gazette has not "
                     "independently verified that account.")
    assert ("test-gazette", "hedges",
            "The Test Gazette has not independently verified that account.") in \
        said(draft, own=True)


def test_urged_caution_announces_speech_and_states_nothing() -> None:
    draft = draft_of("Outside engineers urged caution. \u201cThe dam will hold,\u201d said Ana "
                     "Holt, a hydrologist.")
    assert said(draft, own=True) == [("ana-holt", "affirms", "The dam will hold.")]


def test_told_an_outlet_on_a_weekday_is_one_relay() -> None:
    draft = draft_of("Defence Minister Ana Holt told the broadcaster NTV on Wednesday that the "
                     "missile was foreign.")
    assert [r.outlet for r in draft.statements[0].relay] == ["ntv", "test-gazette"]


def test_the_accused_denies_the_allegations_made_about_it() -> None:
    draft = draft_of("Vestia's navy seized a fishing trawler in Norland's waters, the coast "
                     "guard said. Two officials said the crew was held at the port of Brenna. "
                     "Vestia's government denied the allegations.")
    claims = {s.actor: s.claim for s in draft.mentions}
    assert claims["vestia-government"] == claims["coast-guard"]
