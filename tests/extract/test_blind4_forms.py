"""Forms two more blind-written articles (an aviation trade-press report and a South Asian
broadsheet's border story) showed the extractor missing, on sentences written for these tests
(other names, other topics; none taken from the articles). Tests that also passed before the
change guard the rules' bounds. Expected values were worked out by hand."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.shortforms import short_forms
from tests.extract.forms import draft_of, said

# --- the publisher named only in the body

_BYLINE = "Dam sluice jammed for a week, inspectors find\n\nBy Jo Lamm, Oslo\nMay 4, 2026\n\n"


def test_material_checked_by_a_name_spoken_to_marks_the_house() -> None:
    draft = extract(
        _BYLINE + "The sluice at Varde dam jammed on May 1.\n\n"
        '"We warned them twice," engineer Ivo Lund told DamWatch Weekly.\n\n'
        "A drone video of the spillway, checked by DamWatch Weekly against survey maps, "
        "appears to show water over the crest.\n"
    )
    assert draft.document.publisher == "damwatch-weekly"
    own = [(s.actor, s.stance) for s in draft.mentions if s.own_voice]
    assert own == [("damwatch-weekly", "affirms"), ("damwatch-weekly", "hedges")]


def test_a_paper_calling_itself_this_newspaper_is_the_outlet_told() -> None:
    draft = extract(
        "Mill fire kills two\n\nStaff Reporter\n\n"
        "Two workers died in a fire at the Orrin jute mill on Sunday.\n\n"
        "A fire-brigade log, seen by this newspaper, records the first call at 2.10 a.m.\n\n"
        "Sara Kell, a weaver, told The Valley Herald that the exits were locked.\n"
    )
    assert draft.document.publisher == "valley-herald"
    assert ("sara-kell", "affirms", "The exits were locked.") in said(draft)


def test_this_newspaper_with_two_outlets_told_names_no_house() -> None:
    draft = extract(
        "Mill fire kills two\n\nStaff Reporter\n\n"
        "A fire-brigade log, seen by this newspaper, records the first call at 2.10 a.m.\n\n"
        "Sara Kell told The Valley Herald that the exits were locked.\n\n"
        "Omar Pell told The Coast Chronicle that the alarm failed.\n"
    )
    assert draft.document.publisher is None


# --- a name with its letters in brackets, wherever it stands


def test_letters_in_brackets_are_the_initials_of_the_name_before_them() -> None:
    found = short_forms(
        "by Dalmar's Rail Safety Board (RSB), the Civil Ports Authority of "
        "Venn (CPA) and 40m (130ft) and Reuters (AP)"
    )
    assert [(f.short, f.name) for f in found] == [
        ("RSB", "Rail Safety Board"),
        ("CPA", "Civil Ports Authority of Venn"),
    ]


def test_letters_and_head_noun_name_a_body_first_named_outside_a_speaker() -> None:
    draft = draft_of(
        "The pier was closed after an inspection by the Harbour Works Directorate (HWD).\n\n"
        "HWD said the piles were rotten. The directorate said repairs would take a year.\n"
    )
    assert {a for a, _, _ in said(draft)} == {"harbour-works-directorate"}


def test_a_body_known_by_letters_is_not_taken_for_a_person() -> None:
    # "Northern Hill Rangers" alone reads like a person's name; with letters it is a body, so
    # "it" later refers to it
    draft = draft_of(
        "A ranger of the Northern Hill Rangers (NHR) was hurt on Sunday.\n\n"
        "The NHR has released footage which, it said, shows poachers at the fence.\n"
    )
    assert [a for a, _, _ in said(draft)] == ["northern-hill-rangers"]


def test_force_is_the_head_noun_of_an_armed_body() -> None:
    draft = draft_of(
        "The Coastal Rifles said its post came under fire. The force said a guard was hurt.\n"
    )
    assert [a for a, _, _ in said(draft)] == ["coastal-rifles", "coastal-rifles"]


# --- honorifics and titles before a name


def test_an_honorific_between_title_and_name_keeps_one_person() -> None:
    draft = draft_of(
        "Ten rifles were seized at the depot, Superintendent of Police Mr. Hari Dutt said.\n\n"
        "Mr. Dutt said two guards had been arrested.\n"
    )
    assert [a for a, _, _ in said(draft)] == ["hari-dutt", "hari-dutt"]


def test_a_named_spokesperson_with_an_honorific_speaks_as_a_person() -> None:
    draft = draft_of(
        "At the summit, a spokesperson for the Director-General, Ms. Ana Ruiz, "
        "said the agency was aware of the reports.\n"
    )
    assert said(draft) == [("ana-ruiz", "affirms", "The agency was aware of the reports.")]


# --- hedges


def test_in_all_likelihood_hedges() -> None:
    draft = draft_of(
        "The Harl Water Board said the main had in all likelihood burst in the frost.\n"
    )
    assert [(a, s) for a, s, _ in said(draft)] == [("harl-water-board", "hedges")]


def test_not_yet_established_in_quotation_marks_hedges_not_denies() -> None:
    draft = draft_of(
        "Coroner Ellen Vask said the inquest had \u201cnot yet established\u201d "
        "how the driver died.\n"
    )
    assert [s for _, s, _ in said(draft)] == ["hedges"]


# --- "according to a report ... by X" at the end of a sentence


def test_according_to_a_dated_report_by_a_body_makes_the_body_speak() -> None:
    draft = draft_of(
        "A freight train derailed near Holm on May 3, according to a preliminary "
        "report published on June 2 by the Rail Accident Branch.\n"
    )
    assert said(draft) == [
        ("rail-accident-branch", "affirms", "A freight train derailed near Holm on May 3.")
    ]
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [
        ("Document", "rail-accident-branch")
    ]


def test_according_to_a_source_on_a_day_still_ends_the_source_at_on() -> None:
    draft = draft_of("The road was closed, according to the police on Monday.\n")
    assert [(a, s) for a, s, _ in said(draft)] == [("police", "affirms")]


# --- who spoke, through whom


def test_quoted_by_an_outlet_as_saying_is_the_subject_speaking_through_it() -> None:
    draft = draft_of(
        "Across the lake, the park warden, Ola Brenn, was quoted by the weekly Nordposten as "
        "saying that the fence had been cut from outside.\n"
    )
    [statement] = draft.mentions
    assert (statement.actor, statement.stance, statement.claim_text) == (
        "ola-brenn",
        "affirms",
        "The fence had been cut from outside.",
    )
    assert [r.outlet for r in statement.relay] == ["nordposten", "test-gazette"]


def test_a_witness_described_with_a_relative_clause_tells_an_outlet() -> None:
    draft = draft_of(
        "Ivo Sand, a ferryman who said he was at the pier when it began, told The Lake "
        "Courier that the first boat came from the north.\n"
    )
    assert said(draft) == [("ivo-sand", "affirms", "The first boat came from the north.")]


def test_a_relative_clause_of_a_named_body_still_speaks() -> None:
    # the bound of the rule above: "which says" after a name is a statement of its own
    draft = draft_of("The union, which says wages fell, said it would strike.\n")
    assert said(draft)[0] == ("union", "affirms", "Wages fell.")


def test_citing_material_as_proof_that_p_affirms_p() -> None:
    draft = draft_of(
        "Videos posted online appear to show a boat near the bank, and the Harl Boat Club "
        "has cited them as proof that the boat was empty.\n"
    )
    assert [(s.actor, s.stance) for s in draft.mentions] == [
        ("harl-boat-club", "affirms"),
        ("test-gazette", "hedges"),
    ]
    assert said(draft) == [("harl-boat-club", "affirms", "The boat was empty.")]


def test_citing_material_without_a_conclusion_is_no_statement() -> None:
    draft = draft_of("The board pointed to the logs.\n")
    assert said(draft) == []


def test_a_passive_denial_makes_the_agent_deny() -> None:
    draft = draft_of(
        "The council said 12 homes were flooded.\n\n"
        "The council's figure was disputed by the Harl Tenants Union (HTU), a housing "
        "charity, which said 40 homes were flooded.\n"
    )
    assert [(a, s) for a, s, _ in said(draft)] == [
        ("council", "affirms"),
        ("harl-tenants-union", "denies"),
        ("harl-tenants-union", "affirms"),
    ]


def test_a_participle_with_by_inside_a_noun_phrase_names_no_speaker() -> None:
    # the bound of the rule above: no auxiliary before the participle, so no passive clause
    draft = draft_of("Claims denied by the Harl Boat Club were repeated on Monday.\n")
    assert said(draft) == []


# --- sources and material named after the claim


def test_according_to_figures_compiled_by_a_body_makes_the_body_speak() -> None:
    draft = draft_of(
        "The toll is the highest since 2019, according to figures compiled by the Harl "
        "Tenants Union.\n"
    )
    assert said(draft) == [("harl-tenants-union", "affirms", "The toll is the highest since 2019.")]
    assert [e.produced_by for e in draft.evidence] == ["harl-tenants-union"]


def test_according_to_a_survey_by_a_body_stays_the_publishers() -> None:
    # the bound of the rule above: a bare "by" after the document (lab-images' convention)
    draft = draft_of(
        "Most tenants want repairs, according to a survey by the Harl Tenants Union.\n"
    )
    assert said(draft) == []
    assert [(s.actor, s.stance) for s in draft.mentions] == [("test-gazette", "affirms")]


def test_a_released_map_marking_p_is_the_releaser_saying_p() -> None:
    draft = draft_of(
        "The Dalmar Navy later released a map marking the wreck some 200 metres from the reef.\n"
    )
    assert said(draft) == [("dalmar-navy", "affirms", "The wreck some 200 metres from the reef.")]
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("Document", "dalmar-navy")]


def test_readouts_and_transcripts_are_evidence() -> None:
    draft = draft_of(
        "The Harl Rail Board released sensor readouts showing the brakes failing.\n\n"
        "The board also pointed to the signal-box transcript.\n"
    )
    assert [(e.kind, e.produced_by, e.cited_by) for e in draft.evidence] == [
        ("Evidence", "harl-rail-board", []),
        ("Document", None, ["harl-rail-board"]),
    ]


# --- two claims in one clause


def test_a_quoted_verb_phrase_after_and_an_auxiliary_is_a_claim_of_its_own() -> None:
    draft = draft_of(
        "Ada Voss said the ferry had been cleared to sail and had \u201cfollowed every "
        "instruction\u201d.\n"
    )
    assert said(draft) == [
        ("ada-voss", "affirms", "The ferry had been cleared to sail."),
        ("ada-voss", "affirms", "The ferry had followed every instruction."),
    ]


def test_a_quotation_that_is_no_verb_phrase_stays_in_its_claim() -> None:
    draft = draft_of(
        "Ada Voss said the ferry was late and had \u201cno excuse at all\u201d for it.\n"
    )
    assert len(said(draft)) == 1


# --- an attribution set off inside a relative clause


def test_which_then_an_attribution_splits_speaker_from_writer() -> None:
    draft = draft_of(
        "The Harl council summoned the contractor and lodged a strong protest over the "
        "flooding, which, the council said, had been caused by blocked drains.\n"
    )
    assert said(draft) == [
        ("council", "affirms", "The flooding had been caused by blocked drains.")
    ]
    own = [(s.actor, s.claim_text) for s in draft.mentions if s.own_voice]
    assert own == [
        (
            "test-gazette",
            "The Harl council summoned the contractor and lodged a strong protest over the "
            "flooding.",
        )
    ]


def test_a_plain_attribution_after_a_paraphrase_keeps_the_paraphrase() -> None:
    # the bound of the rule above: no relative pronoun before the attribution
    draft = draft_of(
        "The flooding had been caused by blocked drains, the Harl council said on Monday.\n"
    )
    assert said(draft) == [
        ("harl-council", "affirms", "The flooding had been caused by blocked drains.")
    ]


def test_or_before_a_second_verb_under_a_denial_makes_two_denied_claims() -> None:
    draft = draft_of(
        "The Harl Boat Club denied that any member had crossed the line or fired a single "
        "flare before the race began.\n"
    )
    assert said(draft) == [
        ("harl-boat-club", "denies", "Any member had crossed the line."),
        ("harl-boat-club", "denies", "Any member fired a single flare before the race began."),
    ]


def test_or_under_an_affirmation_is_one_claim() -> None:
    draft = draft_of("The Harl Boat Club said its members had crossed the line or fired a flare.\n")
    assert len(said(draft)) == 1


# --- comparing claims


def test_an_intensifying_adverb_is_no_content_word() -> None:
    # "clearly" stemmed to "clear" made "was given, clearly, and the crew crossed" contain
    # "the crew had been cleared to cross"
    draft = draft_of(
        "Ada Voss said the barge had been cleared to dock.\n\n"
        "Omar Pell said a warning was given, clearly, and the barge docked anyway.\n"
    )
    assert len({s.claim for s in draft.mentions}) == len(draft.mentions)


# --- who made the material


def test_material_posted_apparently_by_someone_is_theirs() -> None:
    draft = draft_of(
        "Videos shot on mobile phones and posted online, apparently by residents of Holm, "
        "appear to show a boat near the bank.\n"
    )
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("Video", "residents-of-holm")]


def test_cartridges_collected_inside_what_was_said_are_the_speakers_evidence() -> None:
    draft = draft_of(
        "The Holm district police have collected 27 spent cartridges from the yard, Inspector "
        "Ada Voss said.\n"
    )
    assert [(e.kind, e.cited_by) for e in draft.evidence] == [("Evidence", ["ada-voss"])]


def test_pointing_to_material_after_a_claim_ends_the_claim() -> None:
    draft = draft_of(
        "Ada Voss said the gate lights had been broken for a week before the crash, pointing "
        "to an entry dated May 2 in the port\u2019s own maintenance log.\n"
    )
    assert said(draft) == [
        ("ada-voss", "affirms", "The gate lights had been broken for a week before the crash.")
    ]


def test_an_absolute_clause_with_a_speaker_leaves_the_main_clause_to_the_writer() -> None:
    draft = draft_of(
        "Two barges sank in the harbour at Holm on Monday, with residents saying the storm "
        "warning came too late.\n"
    )
    assert said(draft) == [("residents", "affirms", "The storm warning came too late.")]
    own = [s.claim_text for s in draft.mentions if s.own_voice]
    assert own == ["Two barges sank in the harbour at Holm on Monday."]


def test_material_supplied_by_a_body_is_released_by_it() -> None:
    draft = draft_of(
        "The Harl Water Board said data from the dam\u2019s flow gauges, supplied by operator "
        "Vell Hydro, placed the flood peak at midnight.\n"
    )
    assert [(e.produced_by, e.released_by) for e in draft.evidence] == [
        ("vell-hydro", "vell-hydro")
    ]


def test_a_report_on_something_prepared_by_a_body_is_made_by_it() -> None:
    draft = draft_of(
        "A post-mortem report on the driver, prepared by the Holm General Hospital and seen by "
        "this newspaper, records a head wound.\n"
    )
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [
        ("Document", "holm-general-hospital")
    ]


def test_a_title_word_inside_a_bodys_name_is_no_title() -> None:
    draft = draft_of(
        "The Holm General Hospital said the driver died of a head wound.\n\n"
        "Defense Secretary Ana Roth said the convoy was safe.\n"
    )
    assert [a for a, _, _ in said(draft)] == ["holm-general-hospital", "ana-roth"]
