"""Forms a held-out article showed the extractor missing, on sentences written for these tests
(other names, other topics; none taken from an article): an organisation's name with a
description before a coordinated verb, "questioned X's method", "said ... as it published",
"as first reported by" an outlet, "traced X to Y", a quotation split by its attribution,
clauses coordinated after a number, a quantifier, a negative object or a mid-sentence
attribution, a quotation after the speaker's paraphrase of another stance, a description far
from its name, a test made at a laboratory, a temporal clause in the publisher's voice, and
denial labels a user adds. Expected values were worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import load_lexicon
from tests.extract.forms import draft_of, mention, said

# --- denial labels: one lexicon (denial_cues.tsv, scope "label") for every rule that reads them


@pytest.fixture
def overblown(tmp_path: Path) -> Path:
    (tmp_path / "denial_cues.tsv").write_text("cue\tscope\noverblown\tlabel\n", encoding="utf-8")
    return tmp_path


def test_a_users_label_calls_a_figure_wrong(overblown: Path) -> None:
    text = ("The Ostrava health office said 40 people had been poisoned at the fair. "
            "Mayor Jan Novak said the health office's figure was overblown.")
    shipped = draft_of(text)
    assert mention(shipped, "figure").stance == "affirms"  # no label: a claim of its own
    draft = draft_of(text, lexicon=load_lexicon(overblown))
    figure, called = mention(draft, "40 people"), mention(draft, "figure")
    assert called.stance == "denies" and called.claim == figure.claim


def test_a_users_label_after_called_denies_the_claim_named(overblown: Path) -> None:
    text = ("Velm Shipping accused the port authority of hiding the leak. "
            "The port authority called the accusation overblown.")
    assert [a for a, _, _ in said(draft_of(text), own=True)] == ["velm-shipping", "test-gazette"]
    draft = draft_of(text, lexicon=load_lexicon(overblown))
    accused, called = draft.mentions
    assert (called.actor, called.stance) == ("port-authority", "denies")
    assert called.claim == accused.claim


@pytest.mark.parametrize("label", ["inflated", "biased", "exaggerated"])
def test_the_labels_once_written_in_the_code_are_in_the_lexicon(label: str) -> None:
    assert load_lexicon().denials[label] == "label"


# --- speakers


def test_a_name_with_a_description_then_a_verb_phrase_and_but_said() -> None:
    draft = draft_of("Open Rivers, a conservation charity, praised the decision but said the "
                   "river authority had acted too late, noting that the first fish deaths were "
                   "seen in May.")
    assert said(draft) == [
        ("open-rivers", "affirms", "The river authority had acted too late."),
        ("open-rivers", "affirms", "The first fish deaths were seen in May.")]
    assert next(a for a in draft.actors if a.id == "open-rivers").kind == "Organization"


def test_said_as_it_published_is_no_content_clause() -> None:
    draft = draft_of("Soft cheese from a single dairy caused the listeria outbreak, the Norland "
                   "Food Agency said on Monday as it published its findings.")
    assert said(draft) == [("norland-food-agency", "affirms",
                             "Soft cheese from a single dairy caused the listeria outbreak.")]


def test_questioning_a_method_hedges_the_conclusion_it_reached() -> None:
    draft = draft_of(
        "Soft cheese from a single dairy caused the listeria outbreak, the Norland Food Agency "
        "said on Monday as it published its findings. At least 30 people have fallen ill, "
        "according to the agency. Greenleaf Dairies, which makes the cheese, said its milk "
        "was safe. In a statement, the company questioned the agency's method, saying that "
        "one sample \u201ccannot represent a whole herd\u201d.")
    cause, count = mention(draft, "Soft cheese"), mention(draft, "30 people")
    method = mention(draft, "method")
    assert (method.actor, method.stance) == ("greenleaf-dairies", "hedges")
    assert method.claim == cause.claim != count.claim
    sample = mention(draft, "sample can represent")
    assert (sample.actor, sample.stance) == ("greenleaf-dairies", "denies")


def test_questioning_a_person_is_no_statement() -> None:
    draft = draft_of("Police questioned the driver, who said he had been speeding.")
    assert [a for a, _, _ in said(draft)] == []


@pytest.mark.parametrize(("name", "noun"), [("National Water Quality Directorate", "directorate"),
                                          ("National Mining Inspectorate", "inspectorate")])
def test_a_description_far_from_its_name_is_still_that_name(name: str, noun: str) -> None:
    filler = " ".join(f"Crews cleared road {n} of snow." for n in range(14))
    draft = draft_of(f"The {name} said on Monday that the well water was unsafe. {filler} "
                   f"The {noun} said the ban would last a week.")
    assert {a for a, _, _ in said(draft)} == {name.lower().replace(" ", "-")}


# --- relays


def test_as_first_reported_by_an_outlet_relays_the_publishers_sentence() -> None:
    draft = draft_of("The council has closed the bridge to lorries, as first reported by Radio "
                   "Nord on Monday.")
    [statement] = draft.statements
    assert statement.own_voice and [r.outlet for r in statement.relay] == ["radio-nord"]
    assert statement.claim_text == "The council has closed the bridge to lorries."
    assert next(a for a in draft.actors if a.id == "radio-nord").kind == "NewsOutlet"


def test_what_investigators_traced_is_their_finding_relayed_by_the_outlet() -> None:
    draft = draft_of("The Varne Fire Service said the blaze was out. Its investigators have since "
                   "traced the blaze to a faulty heater in the basement, as first reported by "
                   "Radio Nord on Monday.")
    traced = draft.mentions[-1]
    names = {a.id: a.name for a in draft.actors}
    assert names[traced.actor] == "Its investigators" and traced.stance == "affirms"
    assert traced.claim_text == "The blaze came from a faulty heater in the basement."
    assert [r.outlet for r in traced.relay] == ["radio-nord", "test-gazette"]
    # "Its investigators" work for what "it" names: not a source independent of it
    assert next(a for a in draft.actors if a.id == traced.actor).acts_for == "varne-fire-service"


def test_as_reported_by_a_person_is_no_relay() -> None:
    draft = draft_of("The council has closed the bridge, as reported by Mayor Jan Kos.")
    [statement] = draft.statements
    assert statement.relay == []


# --- a quotation split by its attribution


@pytest.mark.parametrize("attribution", ["she said on Monday", "she said", "said Ruiz"])
def test_a_split_quotation_is_one_statement(attribution: str) -> None:
    text = (f"Dr. Ana Ruiz said the plant was safe. \u201cThe pumps,\u201d {attribution}, "
            "\u201cwere never switched off.\u201d")
    draft = draft_of(text)
    _, statement = draft.mentions
    assert (statement.actor, statement.stance, statement.claim_text) == (
        "ana-ruiz", "denies", "The pumps were switched off.")
    assert statement.quote == "The pumps were never switched off"
    assert text[statement.span[0]:statement.span[1]].startswith("The pumps")


def test_two_quoted_sentences_around_an_attribution_stay_two() -> None:
    draft = draft_of("Dr. Ana Ruiz said the plant was safe. \u201cWe checked the log,\u201d she "
                   "said. \u201cThe pumps were never switched off.\u201d")
    assert [t for _, _, t in said(draft)][1:] == ["We checked the log.",
                                               "The pumps were switched off."]


# --- coordinated clauses


def test_a_clause_with_a_number_for_its_subject_is_a_claim_of_its_own() -> None:
    draft = draft_of("The Varne Health Agency said it had opened a clinic. At least 20 people "
                   "have been "
                   "injured since Monday, four of them seriously, and 6 have needed surgery, "
                   "according to the agency.")
    assert [(a, t) for a, _, t in said(draft)][1:] == [
        ("varne-health-agency", "At least 20 people have been injured since Monday, four of "
                                "them seriously."),
        ("varne-health-agency", "6 have needed surgery.")]


def test_a_clause_with_a_quantifier_for_its_subject_is_a_claim_of_its_own() -> None:
    draft = draft_of("\u201cOur ferries are inspected every month, and every engine we buy is "
                   "tested before it enters service,\u201d said the operator's chief engineer, "
                   "Ola Brandt.")
    assert [t for _, _, t in said(draft)] == [
        "Our ferries are inspected every month.",
        "Every engine we buy is tested before it enters service."]


def test_a_second_verb_with_a_negative_object_is_denied_with_its_subject() -> None:
    draft = draft_of("Harbour Lines said its own divers had inspected the hull last week and "
                   "found no sign of damage.")
    assert [(s, t) for _, s, t in said(draft)] == [
        ("affirms", "Its own divers had inspected the hull last week."),
        ("denies", "Its own divers found some sign of damage.")]


def test_a_clause_after_a_mid_sentence_attribution_goes_on_with_the_paraphrase() -> None:
    draft = draft_of("Dr. Ines Moreau said the pupils were ill. None of the pupils had left the "
                   "village, she said, and most had drunk water from the old well.")
    assert said(draft)[1:] == [
        ("ines-moreau", "denies", "Some of the pupils had left the village."),
        ("ines-moreau", "affirms", "Most had drunk water from the old well.")]


@pytest.mark.parametrize("rest", ["and added that the filters were clogged",
                                  "and the crowd cheered loudly"])
def test_a_clause_after_an_attribution_that_is_not_the_paraphrase(rest: str) -> None:
    draft = draft_of(f"The mayor said the pool was shut. The pump had failed twice, he said, "
                   f"{rest}.")
    found = [(a, t) for a, _, t in said(draft)][1:]
    if rest.startswith("and added"):  # a frame of its own, the same speaker
        assert found == [("mayor", "The pump had failed twice."),
                         ("mayor", "The filters were clogged.")]
    else:  # no auxiliary of reported speech: not taken as hers
        assert found == [("mayor", "The pump had failed twice.")]


# --- a quotation and the speaker's paraphrase before it


def test_a_quotation_backs_no_paraphrase_behind_one_of_another_stance() -> None:
    draft = draft_of("Dr. Ines Moreau said the ward had treated nine pupils. None of them had "
                   "left the village, she said. \u201cCases like this are rare here,\u201d "
                   "Moreau said.")
    treated, _, rare = draft.mentions
    assert rare.claim != treated.claim
    assert not any("taken as support" in cue for cue in rare.cues)


@pytest.mark.parametrize("quote", [
    "\u201cThese results leave no doubt about the source,\u201d she said.",
    "\u201cThe results,\u201d she said, \u201cleave no doubt about the source.\u201d"])
def test_a_quotation_about_the_results_is_a_claim_of_its_own(quote: str) -> None:
    draft = draft_of(f"Dr. Ana Ruiz said the two water samples were identical. {quote}")
    identical, shows = draft.mentions
    assert shows.claim != identical.claim
    assert shows.claim_text.endswith("results leave no doubt about the source.")


def test_a_quotation_still_backs_the_paraphrase_right_before_it() -> None:
    draft = draft_of("Dr. Ines Moreau said the well had been poisoned. \u201cSomebody put "
                   "something in that water,\u201d Moreau said.")
    poisoned, quoted = draft.mentions
    assert quoted.claim == poisoned.claim


# --- evidence


def test_a_test_made_at_a_laboratory_is_produced_by_its_owner() -> None:
    draft = draft_of("The agency closed the farm on Friday, after genome sequencing at the "
                   "Varne Institute's reference laboratory matched samples from two patients.")
    [item] = draft.evidence
    names = {a.id: a.name for a in draft.actors}
    assert names[item.produced_by or ""] == "Varne Institute"
    assert draft.text[item.spans[0][0]:item.spans[0][1]].startswith("genome sequencing at")


def test_samples_a_speakers_laboratory_tested_are_its_evidence() -> None:
    draft = draft_of("Harbour Foods said its own laboratory had tested samples from the same "
                   "batches and found no trace of the virus.")
    [item] = draft.evidence
    assert item.produced_by == "harbour-foods"
    assert "samples from the same batches" in draft.text[item.spans[0][0]:item.spans[0][1]]


# --- the publisher's own voice


@pytest.mark.parametrize(("text", "expected"), [
    ("The council closed the bridge on Friday, after engineers at the Varne Institute had found "
     "cracks in two piers.", ["The council closed the bridge on Friday.",
                              "Engineers at the Varne Institute had found cracks in two piers."]),
    # a relative "after which" opens no claim of its own
    ("The council closed the bridge on Friday, after which lorries were sent through the "
     "town.", ["The council closed the bridge on Friday, after which lorries were sent through "
               "the town."]),
])
def test_a_temporal_clause_with_a_finite_verb_is_a_claim_of_its_own(
        text: str, expected: list[str]) -> None:
    assert [t for _, _, t in said(draft_of(text), own=True)] == expected
