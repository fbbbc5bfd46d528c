"""Forms the writer of a held-out article reported the extractor missing (in general terms
only), on sentences written for these tests: other names, other topics, none taken from that
article. Expected values were worked out by hand."""

from __future__ import annotations

from kg.extract import Draft, extract
from tests.extract.forms import draft_of, mention, said

# --- a byline "By NAME | City", and a closing copyright line naming the outlet

_FILED_FROM = (
    "Inspectors find forged papers on grain barge\n"
    "By Lena Vostrikova | Narvik\n"
    "The barge was held at the quay for two days.\n"
    "{closing}\n"
)


def test_the_place_after_the_bar_of_a_byline_is_not_the_publisher() -> None:
    draft = extract(_FILED_FROM.format(closing="Its cargo was unloaded."))
    assert draft.document.publisher != "narvik"
    assert "narvik" not in {a.id for a in draft.actors}


def test_a_closing_copyright_line_names_the_publisher() -> None:
    for closing in ("\u00a9 2026 Fjord Courier", "Copyright 2026 Fjord Courier. All rights "
                    "reserved.", "(c) 2026 Fjord Courier"):
        draft = extract(_FILED_FROM.format(closing=closing))
        assert draft.document.publisher == "fjord-courier", closing
        # page furniture: no statement, in the publisher's voice or anyone's
        assert not any("Fjord" in s.claim_text or "2026" in s.claim_text
                       for s in draft.mentions), closing


def test_a_named_publisher_in_the_header_wins_over_the_copyright_line() -> None:
    draft = extract("Barge held at quay\nBy Lena Vostrikova | The Harbour Times\n"
                    "The barge was held at the quay.\n\u00a9 2026 Fjord Media Group\n")
    assert draft.document.publisher == "harbour-times"


# --- a section label in capitals above the headline


def test_a_capitalised_section_label_is_not_the_headline() -> None:
    draft = extract("FARMS & FISHERIES\nSalmon farm fined over escaped fish\n"
                    "By Ola Brun | 3 May 2026 | Coastline Weekly\n"
                    "The farm was fined on Monday.\n")
    assert draft.document.title == "Salmon farm fined over escaped fish"
    assert said(draft) == []


# --- two subjects, each a definite noun phrase: both speak


def test_two_definite_subjects_are_two_speakers() -> None:
    draft = draft_of("The port authority and the coast guard said that the ferry had run "
                     "aground.\n")
    assert said(draft) == [("port-authority", "affirms", "The ferry had run aground."),
                           ("coast-guard", "affirms", "The ferry had run aground.")]
    assert "port-authority-and-the-coast-guard" not in {a.id for a in draft.actors}


def test_a_name_with_and_in_it_stays_one_speaker() -> None:
    draft = draft_of("The Food and Drug Administration said the pill was safe.\n")
    assert [s[0] for s in said(draft)] == ["food-and-drug-administration"]


# --- an attribution set off by commas inside a paraphrase


def test_an_attribution_inside_a_paraphrase_gives_its_speaker_the_whole() -> None:
    draft = draft_of("Harbour inspector Ana Berg said the lorries were late.\n"
                     "The crates, she said, were to be sent to Oslo.\n")
    assert said(draft)[1] == ("ana-berg", "affirms", "The crates were to be sent to Oslo.")
    assert said(draft, own=True) == said(draft)  # nothing left in the publisher's voice


def test_an_attribution_inside_a_paraphrase_with_a_described_speaker() -> None:
    draft = draft_of("The crates, the inspector said, are still held at the depot.\n")
    assert said(draft) == [("inspector", "affirms", "The crates are still held at the depot.")]


# --- a quotation introduced by a colon, sentence by sentence


def test_a_quotation_after_a_colon_is_one_statement_a_sentence() -> None:
    colon = draft_of('The fisheries minister said: \u201cThe quota is too high. We will cut it '
                     'next year.\u201d\n')
    trailing = draft_of('\u201cThe quota is too high. We will cut it next year,\u201d the '
                        'fisheries minister said.\n')
    assert said(colon) == said(trailing) == [
        ("fisheries-minister", "affirms", "The quota is too high."),
        ("fisheries-minister", "affirms", "We will cut it next year."),
    ]
    assert all(s.quote for s in colon.mentions)


# --- statements to an outlet, and an agency named before "news agency"


def _relays(draft: Draft, words: str) -> list[str]:
    return [step.outlet for step in mention(draft, words).relay]


def test_said_in_statements_to_an_outlet_is_a_relay() -> None:
    for channel in ("in statements to", "in a statement to"):
        draft = draft_of(f"The water board said {channel} the Valley Ledger that the dam was "
                         "sound.\n")
        assert said(draft) == [("water-board", "affirms", "The dam was sound.")], channel
        assert _relays(draft, "dam was sound") == ["valley-ledger", "test-gazette"], channel


def test_told_an_agency_named_before_news_agency() -> None:
    draft = draft_of("The water board told the Vesta news agency that the dam was sound.\n")
    assert said(draft) == [("water-board", "affirms", "The dam was sound.")]
    assert _relays(draft, "dam was sound") == ["vesta", "test-gazette"]


# --- stances: premature to speak of P, does not prove P


def test_premature_to_speak_of_hedges() -> None:
    draft = draft_of("The harbour authority said it was premature to speak of sabotage.\n")
    assert [(s[0], s[1]) for s in said(draft)] == [("harbour-authority", "hedges")]


def test_does_not_prove_hedges_rather_than_denies() -> None:
    draft = draft_of("\u201cThe missing log alone does not prove the pump failed,\u201d the "
                     "water board said.\n")
    assert [(s[0], s[1]) for s in said(draft)] == [("water-board", "hedges")]


# --- material released "that it said show P"


def test_material_that_its_releaser_said_shows_p() -> None:
    draft = draft_of("The Harbour Union released photographs that it said show the cranes "
                     "were unsafe.\n")
    assert said(draft, own=True) == [("harbour-union", "affirms", "The cranes were unsafe.")]
    photographs = next(e for e in draft.evidence if e.kind == "Photograph")
    assert photographs.released_by == "harbour-union"
    assert photographs.supports == [draft.statements[0].claim]


# --- "according to Y" after a reporting verb with no clause: Y says the whole sentence


def test_according_to_after_a_verb_with_no_clause_makes_the_source_the_speaker() -> None:
    draft = draft_of("Norlink Shipping had declared the cargo as farm machinery, according to "
                     "the Customs Agency.\n")
    assert said(draft, own=True) == [
        ("customs-agency", "affirms",
         "Norlink Shipping had declared the cargo as farm machinery.")]


def test_according_to_after_a_reported_clause_keeps_the_subject_speaking() -> None:
    draft = draft_of("The Harbour Union said the cranes were unsafe, according to the Labour "
                     "Inspectorate.\n")
    assert said(draft)[0][0] == "harbour-union"


# --- a possessive description, then "the <kind> NAME" set off by commas


def test_the_name_at_the_end_of_a_described_apposition_is_the_actor() -> None:
    draft = draft_of("The vessel's operator, the shipping line Arvik Lines, said the crew was "
                     "safe.\nArvik Lines said the hull was intact.\n")
    assert [s[0] for s in said(draft)] == ["arvik-lines", "arvik-lines"]
    assert "vessel-operator" not in {a.id for a in draft.actors}
