"""Forms two blind-written articles showed the extractor missing, on sentences written for these
tests (other names, other topics; none taken from an article): a headline below a section label,
a standfirst and a date line (none states anything), a publisher named only in the body ("The X
has obtained ...", "reviewed by X"), "denied wrongdoing", an outlet "citing" unnamed people, a
relative clause that speaks, roles as speakers ("the crew member"), a body's act followed by ",
saying P", "was more cautious, saying P", what material "appears to show, according to X",
"called the seizure unlawful", singular "they", "the retailer" again, "X, where Q, denied" (Q is
the writer's), a non-profit that is not "the company", "according to a report by" a body (it
speaks) and a lede's described source named in the next sentence (one actor); stances ("cannot
say whether", "did not show whether", "appears to" in any voice, "found no evidence of P or of
Q", "nothing came"); "according to X's document". The relays, clause splits and evidence forms
are in test_blind_clauses.py. Tests that also passed before the change guard the rules' bounds
(a person as the object of "denied", an outlet citing a document, "called for", a plain negation
...). Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract, load_lexicon
from kg.extract.attribution import find_frames
from kg.extract.sentences import split_sentences
from tests.extract.forms import draft_of, mention, said

# --- the header: a section label, a headline, a standfirst, a byline naming no outlet

_PAGE = ("Energy\n\n"
         "Harbour utility blamed for week-long blackout in Ostmark\n\n"
         "Consumer watchdog cites internal memos as grid operator says storms were to blame\n\n"
         "Pia Lund in Ostmark and Karl Brenner in Vienna\n\n"
         "Published 4 March 2026\n\n"
         "The Danube Ledger has obtained the memos, which warn of ageing transformers.\n\n"
         "Ostgrid said the storms had damaged its lines.\n")


def test_a_headline_below_a_section_label_is_the_title_and_no_statement() -> None:
    draft = extract(_PAGE)
    assert draft.document.title == "Harbour utility blamed for week-long blackout in Ostmark"
    assert all("blamed" not in s.claim_text and "watchdog" not in s.claim_text
               for s in draft.mentions)
    # neither the headline's nor the standfirst's phrases make actors
    assert {a.id for a in draft.actors} == {"danube-ledger", "ostgrid"}


def test_the_publisher_named_only_in_the_body_by_what_it_has_seen() -> None:
    draft = extract(_PAGE)
    assert draft.document.publisher == "danube-ledger"
    assert draft.document.date == "2026-03-04"
    own = [s for s in draft.mentions if s.own_voice]
    assert own and {s.actor for s in own} == {"danube-ledger"}
    assert mention(draft, "storms had damaged").relay[-1].outlet == "danube-ledger"


def test_a_date_line_between_headline_and_byline_dates_the_article() -> None:
    draft = extract("Ferry runs aground off Lusk\n\n4 March 2026\n\n"
                    "By Pia Lund, marine correspondent, Fjord News\n\n"
                    "The coast guard said the ferry had run aground.\n")
    assert (draft.document.date, draft.document.publisher) == ("2026-03-04", "fjord-news")


def test_figures_reviewed_by_an_outlet_name_it_as_the_publisher() -> None:
    draft = extract("Nordlys Bank's lending fell by a third in May, according to figures "
                    "reviewed by the Fjord Herald.\n")
    assert draft.document.publisher == "fjord-herald"


def test_another_outlet_that_reports_is_not_taken_for_the_publisher() -> None:
    draft = extract("Nordlys Bank cut 300 jobs, the Fjord Herald reported on Monday.\n")
    assert draft.document.publisher is None


# --- speakers


def test_denied_with_a_short_noun_object_denies_it() -> None:
    draft = draft_of("Velm Shipping denied wrongdoing. Mayor Ilse Brandt denied any involvement.")
    assert said(draft) == [("velm-shipping", "denies", "Wrongdoing."),
                            ("ilse-brandt", "denies", "Any involvement.")]


@pytest.mark.parametrize("sentence", ["The tribunal denied him bail.",
                                      "Police denied access to the site."])
def test_denied_as_a_refusal_to_grant_is_no_claim(sentence: str) -> None:
    assert said(draft_of(sentence)) == []


def test_an_outlet_citing_people_relays_what_they_said() -> None:
    draft = draft_of("The Arlo mine will close in June, Radio Nord reported on Friday, citing "
                   "three officials briefed on the plan.")
    (mention,) = draft.mentions
    assert (mention.actor, mention.stance) == ("three-officials-briefed-on-the-plan", "affirms")
    assert [step.outlet for step in mention.relay] == ["radio-nord", "test-gazette"]


def test_an_outlet_citing_a_document_reports_it_itself() -> None:
    draft = draft_of("The Arlo mine will close in June, Radio Nord reported, citing court "
                   "filings.")
    assert [(s.actor, [r.outlet for r in s.relay]) for s in draft.mentions] == [
        ("radio-nord", ["test-gazette"])]



def test_a_relative_clause_that_speaks_is_the_noun_phrase_before_it() -> None:
    draft = draft_of("The dockers' union, which says it has 300 members at the port, said "
                   "night shifts had been cut.")
    assert said(draft) == [("dockers-union", "affirms", "Dockers' union has 300 members at "
                             "the port."),
                            ("dockers-union", "affirms", "Night shifts had been cut.")]


def test_a_relative_clause_after_a_name_that_ends_a_clause_speaks() -> None:
    draft = draft_of("The fire spread to a warehouse owned by Velm Shipping, which said its staff "
                   "were safe.")
    assert [(s.actor, s.claim_text) for s in draft.mentions] == [
        ("velm-shipping", "Its staff were safe."),
        ("test-gazette", "The fire spread to a warehouse owned by Velm Shipping.")]


def test_a_described_person_with_a_relative_clause_speaks() -> None:
    draft = draft_of("A passenger, who asked not to be named, said the ferry had left early.")
    assert said(draft) == [("a-passenger", "affirms", "The ferry had left early.")]


@pytest.mark.parametrize("noun", ["crew member", "supervisor"])
def test_roles_added_to_the_titles_lexicon_speak(noun: str) -> None:
    draft = draft_of(f"The {noun} said the ferry had left early.")
    assert [(a, st) for a, st, _ in said(draft)] == [(noun.replace(" ", "-"), "affirms")]



def test_a_possessors_body_acting_then_saying() -> None:
    draft = draft_of("Ostmark's coast guard has detained a trawler off Lusk, saying it was "
                   "fishing illegally.")
    assert [(s.actor, s.stance, s.claim_text) for s in draft.mentions] == [
        ("ostmark-coast-guard", "affirms", "It was fishing illegally."),
        ("test-gazette", "affirms", "Ostmark's coast guard has detained a trawler off Lusk.")]


def test_a_cautious_body_saying_p_hedges_p() -> None:
    draft = draft_of("Ostmark's fisheries ministry was more cautious, saying the trawler had "
                   "strayed.")
    assert [(s.actor, s.stance) for s in draft.mentions] == [
        ("ostmark-fisheries-ministry", "hedges")]


def test_what_material_shows_according_to_someone_is_theirs() -> None:
    draft = draft_of("Satellite images taken by Skyline Imaging on Monday appear to show two "
                   "boats beside the ferry, according to Seawatch.")
    assert [(a, st) for a, st, _ in said(draft)] == [("seawatch", "hedges")]
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("SatelliteImagery",
                                                                  "skyline-imaging")]



def test_called_an_act_a_label_affirms_the_label() -> None:
    draft = draft_of("Ostmark denied that the trawler had been fishing illegally and called the "
                   "detention unlawful.")
    assert said(draft) == [("ostmark", "denies", "The trawler had been fishing illegally."),
                            ("ostmark", "affirms", "The detention was unlawful.")]


@pytest.mark.parametrize("sentence", ["The mayor called for an inquiry.",
                                      "The mayor called it unlawful."])
def test_called_for_or_called_a_pronoun_makes_no_label_claim(sentence: str) -> None:
    assert said(draft_of(sentence)) == []



def test_singular_they_is_the_unnamed_person_just_quoted() -> None:
    draft = draft_of("The passenger, who asked not to be named, said the ferry had left early. "
                   '"Nobody checked the doors," they told the Courier.')
    assert [(a, st) for a, st, _ in said(draft)] == [("passenger", "affirms"),
                                                      ("passenger", "denies")]


def test_they_after_a_named_person_is_no_one() -> None:
    draft = draft_of('Ana Voss said the ferry had left early. "Nobody checked the doors," they '
                   "told the Courier.")
    assert [a for a, _, _ in said(draft)] == ["ana-voss"]



def test_a_specific_description_keeps_its_referent_past_a_nearer_organisation() -> None:
    draft = draft_of("Velmart said sales had fallen. The retailer added that prices would rise. "
                   "Pricewatch said prices were already too high. The retailer said the rise "
                   "was small.")
    assert [a for a, _, _ in said(draft)] == ["velmart", "velmart", "pricewatch", "velmart"]



def test_a_non_profit_is_not_the_company() -> None:
    draft = draft_of("Fairline, an Oslo-based non-profit, said wages had been cut. The company "
                   "said wages had risen.")
    assert [a for a, _, _ in said(draft)] == ["fairline", "company"]



def test_a_where_clause_set_off_after_the_speaker_is_the_writers() -> None:
    draft = draft_of("Ostmark, where the trawler is registered, denied that the crew had fished "
                   "illegally.")
    assert [(s.actor, s.stance, s.claim_text) for s in draft.mentions] == [
        ("ostmark", "denies", "The crew had fished illegally."),
        ("test-gazette", "affirms", "The trawler is registered in Ostmark.")]


# --- stance


@pytest.mark.parametrize("sentence", [
    '"Until the audit ends we cannot say whether the wells were poisoned," said Ana Voss.',
    "Ana Voss said the photographs did not show whether the wells were poisoned.",
    "Ana Voss said the tests could not establish whether the wells were poisoned.",
])
def test_a_negated_verb_of_knowing_before_whether_hedges(sentence: str) -> None:
    assert said(draft_of(sentence)) == [("ana-voss", "hedges", "The wells were poisoned.")]


def test_a_plain_negation_still_denies() -> None:
    assert said(draft_of("Ana Voss said the wells were not poisoned.")) == [
        ("ana-voss", "denies", "The wells were poisoned.")]


def test_appears_to_hedges_inside_a_quotation() -> None:
    draft = draft_of('"What the survey found appears to be common across the region," said '
                   "Ana Voss, the union's secretary.")
    assert [(a, s) for a, s, _ in said(draft)] == [("ana-voss", "hedges")]


def test_appeared_to_hedges_a_paraphrase_before_the_attribution() -> None:
    draft = draft_of("Ana Voss said inspectors had visited the farm in May. That inspection "
                   "appeared to have been announced to the owners beforehand, she said.")
    assert [(a, s) for a, s, _ in said(draft)] == [("ana-voss", "affirms"),
                                                     ("ana-voss", "hedges")]


def test_appears_to_hedges_in_the_publishers_own_voice() -> None:
    draft = draft_of("The bridge appears to have been closed for a week.")
    assert [(s.actor, s.stance) for s in draft.mentions] == [("test-gazette", "hedges")]


def test_appeared_to_before_the_verb_still_hedges() -> None:
    assert said(draft_of("Ana Voss appeared to confirm that the wells were poisoned.")) == [
        ("ana-voss", "hedges", "The wells were poisoned.")]



def test_found_no_evidence_of_p_or_of_q_denies_both() -> None:
    draft = draft_of("Orla Foods said two audits carried out by Pell Labs in May had found no "
                   "evidence of mould or of pests in the store.")
    assert said(draft) == [("orla-foods", "denies", "Mould."),
                            ("orla-foods", "denies", "Pests in the store.")]


def test_found_no_evidence_of_one_thing_still_denies_it() -> None:
    assert [(a, st) for a, st, _ in said(draft_of(
        "Orla Foods said the inspectors had found no evidence of mould."))] == [
        ("orla-foods", "denies")]


# --- according to a document


def test_according_to_an_owners_document_the_owner_speaks() -> None:
    draft = draft_of("Pell Farms supplies a tenth of the wool, according to Halvard Mills' "
                   "published annual report.")
    assert said(draft) == [("halvard-mills", "affirms", "Pell Farms supplies a tenth of the "
                             "wool.")]
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("Document", "halvard-mills")]


def test_according_to_a_report_by_a_body_the_body_speaks() -> None:
    draft = draft_of("The mill dumped waste in the river, according to a report by Harbour Watch "
                   "published on Monday.")
    assert said(draft) == [("harbour-watch", "affirms", "The mill dumped waste in the river.")]
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("Document", "harbour-watch")]


def test_according_to_a_report_by_an_outlet_it_relays() -> None:
    draft = draft_of("The mill dumped waste in the river, according to a report by the Fjord "
                   "Herald.")
    assert [(s.actor, [r.outlet for r in s.relay]) for s in draft.mentions] == [
        ("test-gazette", ["fjord-herald"])]


def test_a_source_described_in_the_lede_and_named_next_is_one_actor() -> None:
    draft = draft_of("The mill dumped waste, according to a report by a conservation group. "
                   "Harbour Watch, an Oslo-based non-profit, said the river had died.")
    assert [a for a, _, _ in said(draft)] == ["harbour-watch", "harbour-watch"]
    assert [a.id for a in draft.actors] == ["harbour-watch", "test-gazette"]


def test_a_described_source_not_named_next_stays_its_own_actor() -> None:
    draft = draft_of("The mill dumped waste, according to a report by a conservation group. "
                   "The mayor said the river had died.")
    assert [a for a, _, _ in said(draft)] == ["a-conservation-group", "mayor"]


def test_per_cent_is_no_source() -> None:
    (sentence,) = split_sentences("Pell Farms supplies 10 per cent of the wool, according to "
                                  "Halvard Mills.")
    frames = find_frames(sentence, load_lexicon())
    assert [(f.kind, f.speaker_text) for f in frames] == [("according", "Halvard Mills")]


def test_a_document_by_a_body_stays_the_publishers_citation() -> None:
    draft = draft_of("Flooding is common in the valley, according to a 2021 survey by the "
                   "river trust Aster Watch.")
    assert [(s.actor, s.own_voice) for s in draft.mentions] == [("test-gazette", True)]



def test_nothing_before_an_irregular_past_tense_denies() -> None:
    draft = draft_of('"Nothing came ashore after we left Lusk," said Ana Voss.')
    assert said(draft) == [("ana-voss", "denies", "Something came ashore after we left Lusk.")]


def test_a_quotation_that_continues_splits_per_sentence() -> None:
    draft = draft_of('"The logs were kept daily," said Ana Voss.\n'
                   '"The logs show the pumps were off. These alarms were not being tested."')
    assert said(draft) == [("ana-voss", "affirms", "The logs were kept daily."),
                            ("ana-voss", "affirms", "The logs show the pumps were off."),
                            ("ana-voss", "denies", "These alarms were being tested.")]

