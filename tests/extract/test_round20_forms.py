"""Forms the writers of two held-out articles reported the extractor missing (in general
terms only), on sentences written for these tests: other names, other topics, none taken from
those articles. Expected values were worked out by hand."""

from __future__ import annotations

from kg.extract import Draft
from tests.extract.forms import draft_of, mention, said


def _relays(draft: Draft, words: str) -> list[str]:
    return [step.outlet for step in mention(draft, words).relay]


# --- a fronted time adverbial is no person


def test_a_fronted_day_is_no_antecedent_of_she() -> None:
    """ "On Tuesday, the minister ..." once registered "On Tuesday" as a person introduced by
    a description, and "she said" in the next sentence became that person."""
    draft = draft_of(
        "Finance minister Mara Lindqvist said the deficit was growing.\n"
        "On Tuesday, the minister sounded a gloomier tone.\n"
        '"The budget is in trouble," she said in an interview with Radio Osland.\n'
    )
    assert "on-tuesday" not in {a.id for a in draft.actors}
    assert mention(draft, "budget is in trouble").actor == "mara-lindqvist"


# --- a person introduced by a title without an article, in a sentence that quotes no one


def test_a_title_without_an_article_introduces_the_next_she() -> None:
    draft = draft_of(
        "Anna Berg said the clinic was safe.\n"
        "Dr Karin Holm, head of cardiology at Vasa Hospital, which treated the patients, "
        "was unequivocal.\n"
        '"The drug caused this," she said.\n'
    )
    assert mention(draft, "drug caused this").actor == "karin-holm"


# --- a statement quoted by an outlet, then "that P and that Q"


def test_said_in_a_statement_quoted_by_an_outlet_that_p_and_that_q() -> None:
    draft = draft_of(
        "The port authority said in a statement quoted by the shipping newsletter Harbour "
        "Line that the crane had failed and that no one was hurt.\n"
    )
    assert said(draft) == [
        ("port-authority", "affirms", "The crane had failed."),
        ("port-authority", "denies", "Someone was hurt."),
    ]
    assert _relays(draft, "crane had failed") == ["harbour-line", "test-gazette"]


def test_a_statement_carried_by_an_outlet_with_no_clause_after_it_says_nothing() -> None:
    draft = draft_of("The port authority said in a statement carried by Baltpress.\n")
    assert said(draft) == []


# --- outlets inside longer noun phrases, and named again by their head noun


def test_told_a_named_agency_with_its_short_form_and_head_noun() -> None:
    draft = draft_of(
        "The minister told the Baltic News Service (BNS) news agency that the talks had failed.\n"
    )
    assert said(draft) == [("minister", "affirms", "The talks had failed.")]
    assert _relays(draft, "talks had failed") == ["baltic-news-service", "test-gazette"]


def test_told_a_section_of_an_outlet() -> None:
    draft = draft_of(
        "Anna Berg told the news section of the Nordic Journal that the talks had failed.\n"
    )
    assert _relays(draft, "talks had failed") == ["nordic-journal", "test-gazette"]


def test_according_to_the_journal_is_the_outlet_just_named() -> None:
    draft = draft_of(
        "Anna Berg told the news section of the Nordic Journal that the talks had failed.\n"
        '"We will not return," she said, according to the journal.\n'
    )
    assert _relays(draft, "will not return") == ["nordic-journal", "test-gazette"]


def test_according_to_the_journal_with_no_outlet_before_names_none() -> None:
    draft = draft_of(
        "Anna Berg said the talks had failed.\n"
        '"We will not return," she said, according to the journal.\n'
    )
    assert _relays(draft, "will not return") == ["test-gazette"]


def test_he_also_told_the_agency_is_the_agency_of_the_interview_before() -> None:
    draft = draft_of(
        "Tomas Berg told the news agency Nordpress that the clinic was safe.\n"
        "He also told the agency that the water was poisoned.\n"
    )
    assert _relays(draft, "water was poisoned") == ["nordpress", "test-gazette"]


def test_asked_by_the_agency_is_the_agency_of_the_interview_before() -> None:
    draft = draft_of(
        "Tomas Berg told the news agency Nordpress that the clinic was safe.\n"
        "Asked by the agency why the dam had failed, Berg said the concrete was too thin.\n"
    )
    assert mention(draft, "concrete was too thin").actor == "tomas-berg"
    assert _relays(draft, "concrete was too thin") == ["nordpress", "test-gazette"]


def test_asked_by_a_named_outlet() -> None:
    draft = draft_of(
        "Asked by Radio Nord whether the dam had failed, Tomas Berg said the concrete was too "
        "thin.\n"
    )
    assert _relays(draft, "concrete was too thin") == ["radio-nord", "test-gazette"]


# --- stance


def test_unrelated_to_denies_the_relation() -> None:
    draft = draft_of("The ministry said the deaths were unrelated to the vaccine.\n")
    assert said(draft) == [("ministry", "denies", "The deaths were related to the vaccine.")]


def test_no_higher_than_after_a_copula_denies_the_comparison() -> None:
    draft = draft_of("The agency said the rate was no higher than in other regions.\n")
    assert said(draft) == [("agency", "denies", "The rate was higher than in other regions.")]


def test_no_longer_than_after_a_verb_still_affirms() -> None:
    draft = draft_of("The council said the bridge was closed no longer than an hour.\n")
    assert said(draft)[0][1] == "affirms"


def test_a_quoted_no_signal_of_denies_what_follows() -> None:
    draft = draft_of('The company said its trial data showed "no signal of liver damage".\n')
    assert said(draft) == [("company", "denies", "Liver damage.")]


def test_a_fact_but_a_link_cannot_be_ruled_out() -> None:
    """Two claims: the fact affirmed, and a possibility left open (a hedge, not a denial:
    "ruled out" inside "cannot be ruled out" is no act of denial)."""
    draft = draft_of(
        "The inspector said the leak was small, but a link to the illness cannot be ruled out.\n"
    )
    assert said(draft) == [
        ("inspector", "affirms", "The leak was small."),
        ("inspector", "hedges", "A link to the illness cannot be ruled out."),
    ]


def test_ruled_out_alone_still_denies() -> None:
    draft = draft_of('"We have ruled that out," the inspector said.\n')
    assert said(draft)[0][1] == "denies"


def test_could_be_steered_is_an_ability_not_a_hedge() -> None:
    draft = draft_of("The engineers said the craft could be steered and was not simply drifting.\n")
    assert said(draft) == [
        ("engineers", "affirms", "The craft could be steered."),
        ("engineers", "denies", "The craft was simply drifting."),
    ]


def test_could_be_linked_is_still_a_hedge() -> None:
    draft = draft_of("The engineers said the fire could be linked to the storm.\n")
    assert said(draft)[0][1] == "hedges"


# --- evidence inside longer noun phrases


def test_evidence_named_with_where_it_was_made_or_dated() -> None:
    draft = draft_of(
        "Blood tests at the hospital's laboratory showed high levels of the toxin, the doctors "
        "said.\n"
        "An extract from the Nordic Adverse Events database shows 14 deaths, the agency said.\n"
        "An appendix to the Halvard trial shows two deaths, the agency said.\n"
        "The union said an internal email dated March 3 showed that managers knew.\n"
    )
    found = {e.description.lower() for e in draft.evidence}
    assert {
        "blood tests at the hospital's laboratory",
        "extract from the nordic adverse events database",
        "appendix to the halvard trial",
        "internal email dated march 3",
    } <= found


# --- a long or unlisted role before the name, after a quotation


def test_an_unlisted_lower_case_role_before_a_name_after_a_quote() -> None:
    draft = draft_of('"The channel is closed," harbour master Ilse Varga told reporters in Kell.\n')
    assert said(draft) == [("ilse-varga", "affirms", "The channel is closed.")]


def test_an_adverb_before_a_name_is_no_role() -> None:
    draft = draft_of('"The channel is closed," also Ilse Varga told reporters in Kell.\n')
    assert said(draft) == []


# --- a sentence-initial plural noun before "..., the ministry said"


def test_a_plural_noun_opening_the_claim_does_not_speak() -> None:
    draft = draft_of("Soldiers recovered the bodies after the crash, the defence ministry said.\n")
    assert said(draft) == [
        ("defence-ministry", "affirms", "Soldiers recovered the bodies after the crash.")
    ]
    assert "soldiers" not in {a.id for a in draft.actors}


def test_a_company_name_opening_the_claim_still_speaks() -> None:
    draft = draft_of("Harlan Freight has laid off 40 drivers, the company said.\n")
    assert said(draft)[0][0] == "harlan-freight"


# --- "X, citing Y, reported that P"


def test_an_outlet_citing_a_body_before_its_verb_relays_the_body() -> None:
    draft = draft_of(
        "Radio Norda, citing the fire service, reported that the blaze had been set deliberately.\n"
    )
    assert said(draft) == [("fire-service", "affirms", "The blaze had been set deliberately.")]
    assert _relays(draft, "blaze") == ["radio-norda", "test-gazette"]


def test_an_outlet_citing_a_document_before_its_verb_still_speaks() -> None:
    draft = draft_of("Radio Norda, citing court filings, reported that the firm had lied.\n")
    assert said(draft)[0][0] == "radio-norda"


def test_according_to_the_agency_after_an_interview_with_a_named_agency() -> None:
    draft = draft_of(
        "Tomas Berg told the news agency Nordpress that the clinic was safe.\n"
        '"The water is poisoned," he said, according to the agency.\n'
    )
    assert _relays(draft, "water is poisoned") == ["nordpress", "test-gazette"]


# --- "the regulator" after a regulating body named by its full name


def test_the_regulator_is_the_authority_named_before() -> None:
    draft = draft_of(
        "The National Medicines Authority said it was reviewing the data.\n"
        "The regulator said it had received 14 reports of serious injury.\n"
    )
    assert {who for who, _, _ in said(draft)} == {"national-medicines-authority"}


def test_the_regulator_is_not_a_ministry_named_before() -> None:
    draft = draft_of(
        "The defence ministry said the plane was safe.\n"
        "The regulator said it had received 14 reports of serious injury.\n"
    )
    assert mention(draft, "14 reports").actor != "defence-ministry"


# --- page furniture: a labelled summary above the byline, a link line


_LABELLED_PAGE = (
    "Health\n\n"
    "Watchdog orders review of arthritis pill\n\n"
    "Synopsis\n\n"
    "Norvex says its arthritis pill is safe despite reports of liver damage.\n\n"
    "By Ana Vell, The Test Gazette\n\n"
    "Last Updated: Nov 28, 2026, 07:45 PM IST\n\n"
    "The National Medicines Authority said on Friday that it had ordered a review of the pill.\n\n"
    "Also read: Norvex shares fall after a trial is halted in Osland\n\n"
    '"We take every report seriously," the company said.\n'
)


def test_a_labelled_summary_is_a_standfirst_and_the_lines_below_it_are_read() -> None:
    """ "Synopsis" and its paragraph above the byline: the byline and the time stamp below
    them are still the header's (the date is read), and the summary, which attributes,
    drafts no statement."""
    draft = draft_of(_LABELLED_PAGE, publisher=None, date=None)
    assert draft.document.title == "Watchdog orders review of arthritis pill"
    assert draft.document.date == "2026-11-28"
    assert all("pill is safe" not in s.claim_text for s in draft.mentions)


def test_an_also_read_line_is_no_statement() -> None:
    draft = draft_of(_LABELLED_PAGE)
    assert all("shares fall" not in s.claim_text for s in draft.mentions)


# --- a manner of speaking after a fronted time, and as a note struck


def test_a_cautious_note_after_a_fronted_day_hedges_the_next_quotation() -> None:
    """ "On Friday, the minister struck a more cautious note." describes how the minister
    spoke: no statement of its own, no actor "On Friday", and the next quotation hedges."""
    draft = draft_of(
        "Finance minister Mara Lindqvist said the deficit was growing.\n"
        "On Friday, the minister struck a more cautious note.\n"
        '"The budget will recover," she said in an interview with Radio Osland.\n'
    )
    assert said(draft, own=True) == [
        ("mara-lindqvist", "affirms", "The deficit was growing."),
        ("mara-lindqvist", "hedges", "The budget will recover."),
    ]
    assert _relays(draft, "budget will recover") == ["radio-osland", "test-gazette"]


def test_was_more_cautious_after_a_fronted_day_names_the_speaker() -> None:
    draft = draft_of(
        "Finance minister Mara Lindqvist said the deficit was growing.\n"
        "On Friday, the minister was more cautious.\n"
        '"The budget will recover," she said.\n'
    )
    assert {a.id for a in draft.actors} == {"mara-lindqvist", "test-gazette"}
    assert mention(draft, "budget will recover").stance == "hedges"


# --- one company named four ways


def test_a_pharma_company_named_four_ways_is_one_actor() -> None:
    """ "Norvex Pharma" ends in an organisation's head noun (not a person's two-word name),
    so "Norvex's head of drug safety", "the drugmaker" and "Norvex" all name it."""
    draft = draft_of(
        "Norvex Pharma said the pill was safe.\n"
        '"We see no signal," Norvex\'s head of drug safety, Lena Ostrom, told the Osland '
        "Herald.\n"
        "The drugmaker said it would appeal.\n"
        "Norvex said sales had risen.\n"
    )
    kinds = {a.id: a.kind for a in draft.actors}
    assert kinds["norvex-pharma"] == "Organization"
    assert "norvex" not in kinds
    assert [who for who, _, _ in said(draft)] == [
        "norvex-pharma",
        "lena-ostrom",
        "norvex-pharma",
        "norvex-pharma",
    ]
    assert next(a for a in draft.actors if a.id == "lena-ostrom").acts_for == "norvex-pharma"
