"""Forms the writer of a held-out article reported the extractor missing (in general terms
only), on sentences written for these tests: other names, other topics, none taken from that
article. Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.conditionals import possible_consequent
from tests.extract.forms import draft_of, mention, said

# --- a fact-checker's page: kicker, claim under check, rating box, Verdict section, footer

_PAGE = (
    "Ledgerline | Fact check\n"
    "No, the river authority did not drain Lake Ormen\n"
    "A satellite image said to show an empty lake is eleven years old\n"
    "By Petra Lund\n"
    "3 February 2026\n"
    "Claim: A satellite image shows that the river authority drained Lake Ormen last "
    "month.\n"
    "Our verdict: False. The image was taken during the drought of 2015.\n"
    "The lake held its usual volume of water on Monday, the authority told Ledgerline.\n"
    "Verdict\n"
    "False. The image shows the lake in the dry summer of 2015.\n"
    "Ledgerline is a non-partisan verification project run by journalists in Varby.\n"
    "Seen something you want us to check? Write to desk@ledgerline.example.\n"
)


def test_a_kicker_with_the_kind_of_piece_names_the_publisher() -> None:
    draft = extract(_PAGE)
    assert draft.document.publisher == "ledgerline"
    assert said(draft, own=True)[0][0] == "ledgerline"
    # the name must come back in the body: a section above a piece is not the house
    page = _PAGE.replace("Ledgerline | Fact check", "Environment | Analysis")
    page = "\n".join(line for line in page.splitlines() if "Ledgerline is" not in line)
    assert extract(page).document.publisher is None


def test_the_footer_about_the_outlet_names_it_and_states_nothing() -> None:
    page = _PAGE.replace("Ledgerline | Fact check\n", "")
    draft = extract(page)
    assert draft.document.publisher == "ledgerline"
    words = " ".join(s.claim_text for s in draft.mentions)
    assert "non-profit" not in words and "desk@" not in words


def test_the_claim_under_check_is_no_statement_and_the_rating_denies_it() -> None:
    draft = extract(_PAGE)
    ratings = [s for s in draft.mentions if any("rating" in c for c in s.cues)]
    assert [(s.actor, s.stance, draft.text[slice(*s.span)]) for s in ratings] == \
        [("ledgerline", "denies", "False"), ("ledgerline", "denies", "False")]
    # the claim rated is the one under check, without the material it cites
    assert ratings[0].claim_text == "The river authority drained Lake Ormen last month."
    assert not any(s.span[0] < draft.text.index("Our verdict") and s.stance == "affirms" and
                   "drained" in s.claim_text for s in draft.mentions)
    # the rest of the box and of the Verdict section are the publisher's own
    assert mention(draft, "taken during the drought").stance == "affirms"


@pytest.mark.parametrize(("rating", "stance"), [("Mostly true", "affirms"),
                                                ("Misleading", "hedges"),
                                                ("Pants on fire", "denies")])
def test_a_rating_under_a_verdict_heading_takes_its_stance(rating: str, stance: str) -> None:
    draft = extract(_PAGE.replace("False. The image shows", f"{rating}. The image shows"))
    last = [s for s in draft.mentions if any("rating" in c for c in s.cues)][-1]
    assert (draft.text[slice(*last.span)], last.stance) == (rating, stance)
    # a word alone that opens a paragraph under no verdict heading is no rating
    page = _PAGE.replace("Verdict\n", "Background\n")
    assert len([s for s in extract(page).mentions if any("rating" in c for c in s.cues)]) == 1


# --- a post that speaks before its author is named

_POST = ("A post claiming that the council had sold the harbour has been shared 9,000 times "
         "since Friday. \u201cThe harbour is gone. They sold it in secret,\u201d the post reads. "
         "It was first posted by Marta Keller, a shopkeeper in Varby.\n"
         "Keller told the Gazette she stood by it.\n")


def test_a_posts_words_are_its_authors_named_after_them() -> None:
    draft = draft_of(_POST)
    post = [s for s in said(draft) if s[0] == "marta-keller"]
    assert post[:3] == [("marta-keller", "affirms", "The council had sold the harbour."),
                        ("marta-keller", "affirms", "The harbour is gone."),
                        ("marta-keller", "affirms", "They sold it in secret.")]
    assert [step.outlet for step in mention(draft, "harbour is gone").relay] == ["test-gazette"]
    assert mention(draft, "harbour is gone").verb == "reads"
    # the sharing is still the publisher's own report
    assert mention(draft, "shared 9,000 times").actor == "test-gazette"
    # with no author named, the post's words stay the publisher's
    alone = draft_of(_POST.replace("It was first posted by Marta Keller, a shopkeeper in "
                                   "Varby.", "Nobody knows who wrote it."))
    assert mention(alone, "harbour is gone").actor == "test-gazette"


# --- "repeated the claim"; "told the channel" after an interview with a named outlet

_REPEATED = ("Marco Ruiz, a councillor, said the harbour had been sold.\n"
             "Speaking to Radio Ostra, Ruiz later repeated the claim. \u201cThey sold it and "
             "they lied about it,\u201d he told the station.\n")


def test_repeated_the_claim_affirms_it_and_the_channel_is_the_outlet_named_before() -> None:
    draft = draft_of(_REPEATED)
    repeated = next(s for s in draft.mentions if (s.verb or "").endswith("repeated"))
    assert (repeated.actor, repeated.stance) == ("marco-ruiz", "affirms")
    assert [step.outlet for step in repeated.relay] == ["radio-ostra", "test-gazette"]
    assert [step.outlet for step in mention(draft, "They sold it").relay] == \
        ["radio-ostra", "test-gazette"]
    # "repeated" with an object that names no claim makes no statement
    assert said(draft_of("Marco Ruiz repeated the test twice.")) == []
    assert said(draft_of("The engineers repeated their offer to the council.")) == []


# --- a negative possessive subject

def test_a_negative_possessive_subject_denies() -> None:
    draft = draft_of("\u201cNobody\u2019s rent will rise this year,\u201d the housing minister "
                     "said.")
    assert said(draft)[0][:2] == ("housing-minister", "denies")


# --- a modal inside a clause a wh-word opens is no consequence of the speaker's

def test_what_could_happen_if_is_no_hedged_consequence() -> None:
    assert possible_consequent("the map was a sketch of what could happen if the dam "
                               "failed") is None
    assert possible_consequent("the dam could fail if the rain goes on") == "could"
    draft = draft_of("\u201cThe map was a sketch of what could happen if the dam failed,\u201d "
                     "the engineer said.")
    assert said(draft)[0][:2] == ("engineer", "affirms")


# --- a negated relative clause closing the publisher's own sentence

def test_a_negated_closing_relative_clause_is_a_statement_of_its_own() -> None:
    draft = draft_of("The pills came from a batch that was never approved by the regulator.")
    assert [(s[1], s[2]) for s in said(draft, own=True)] == [
        ("affirms", "The pills came from a batch."),
        ("denies", "A batch was approved by the regulator.")]
    # "shows that": a complement, not a relative clause
    draft = draft_of("The audit shows that the funds were not spent.")
    assert [s[1] for s in said(draft, own=True)] == ["denies"]



def test_told_the_station_after_a_quotation_is_the_outlet_named_before() -> None:
    draft = draft_of("Marco Ruiz told Radio Ostra that the harbour had been sold. "
                     "\u201cThey lied about it,\u201d he told the station.\n")
    assert [step.outlet for step in mention(draft, "They lied").relay] == \
        ["radio-ostra", "test-gazette"]
    # a head noun that names no outlet is no relay
    draft = draft_of("Marco Ruiz told Radio Ostra that the harbour had been sold. "
                     "\u201cThey lied about it,\u201d he told the court.\n")
    assert [step.outlet for step in mention(draft, "They lied").relay] == ["test-gazette"]


# --- "and even" + a new subject inside a quotation

def test_and_even_with_a_new_subject_is_a_second_claim() -> None:
    draft = draft_of("\u201cThe tunnel is safe to use, and even the inspectors have said so,"
                     "\u201d the mayor said.")
    assert [s[2] for s in said(draft)] == ["The tunnel is safe to use.",
                                           "Even the inspectors have said so."]


# --- a weekday inside a relative clause about the speaker dates what the clause tells

def test_a_weekday_in_a_relative_clause_about_the_speaker_is_not_the_statements_date() -> None:
    draft = draft_of("Marco Ruiz, a councillor who visited the site on Sunday, told the "
                     "Gazette the pumps were working.")
    assert draft.mentions[0].date is None
    draft = draft_of("Ana Berg, who chairs the board, said on Tuesday that the pier was shut.")
    assert draft.mentions[0].date == "2025-03-04"


# --- "stood by the post" as the second of two joined verbs

def test_standing_by_a_post_upholds_it() -> None:
    draft = draft_of("Marco Ruiz, a councillor, posted the claim online.\n"
                     "Contacted by the Gazette, Ruiz said he had seen the contract and stood by "
                     "the post.\n")
    upheld = next(s for s in draft.mentions if s.verb == "stood by")
    assert (upheld.actor, upheld.stance, draft.text[slice(*upheld.span)]) == \
        ("marco-ruiz", "affirms", "the post")
    # reporting a post to a platform flags it: no statement
    assert said(draft_of("Marco Ruiz reported the post to the platform.")) == []


# --- a dated relative clause set off by commas: the writer's own statement

def test_a_dated_relative_clause_on_a_thing_is_the_writers_statement() -> None:
    draft = draft_of("The tram line, which the city council approved on Tuesday, will cost "
                     "40 million euros.")
    assert ("affirms", "The tram line the city council approved on Tuesday.") in \
        [(s[1], s[2]) for s in said(draft, own=True)]
    # undated, it says what the thing is; on a speaker, it says who the speaker is
    assert len(said(draft_of("The club, which runs the stadium, raised its prices."),
                    own=True)) == 1
    draft = draft_of("The regulator, which licensed the firm in 2021, said it had opened an "
                     "inquiry.")
    assert said(draft, own=True) == said(draft)
