"""The cues for what a statement carries besides its speaker and stance: relays and outlets,
the publisher in a byline, requests for comment, dates, and evidence.

On sentences written for these tests (none is taken from an article the extractor was developed
on). Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract

RELAYS = [
    ("The minister told Reuters that the deal had been signed.", ["reuters", "test-gazette"],
     ["told", "published"]),
    ('"The deal is done," the minister said, per The Harbor Times.',
     ["harbor-times", "test-gazette"], ["per", "published"]),
    ("The army said the convoy had been attacked, according to the Coast News Agency.",
     ["coast-news-agency", "test-gazette"], ["according to", "published"]),
    ("She told the Meridian Post on Friday that talks had stalled, according to a report "
     "carried by Delta Wire.", ["meridian-post", "delta-wire", "test-gazette"],
     ["told", "according to a report carried by", "published"]),
]


@pytest.mark.parametrize(("sentence", "outlets", "cues"), RELAYS)
def test_relay_cues_build_the_chain(sentence: str, outlets: list[str], cues: list[str]) -> None:
    text = "Economy Minister Sara Blum spoke on Friday. " + sentence
    draft = extract(text, publisher="The Test Gazette")
    [statement] = [s for s in draft.statements if not s.own_voice]
    assert [r.outlet for r in statement.relay] == outlets
    assert [r.cue for r in statement.relay] == cues


DATES = [  # the document is of Thursday 15 May 2025
    ("The mayor said on Tuesday that the road was closed.", "2025-05-13"),
    ("The agency said last week that it had found the wreck.", "2025-05"),
    ("Police said yesterday that two people had been arrested.", "2025-05-14"),
    ("The board said in January that profits had fallen.", "2025-01"),
    ("On Monday, the union said the strike was over.", "2025-05-12"),
    ("The union said the strike was over.", None),
]


@pytest.mark.parametrize(("sentence", "date"), DATES)
def test_dates_resolve_against_the_document_date(sentence: str, date: str | None) -> None:
    draft = extract(sentence, publisher="The Test Gazette", date="2025-05-15")
    [statement] = draft.statements
    assert statement.date == date


def test_a_following_statement_by_the_same_speaker_keeps_the_date() -> None:
    draft = extract("On Monday, the union said the strike was over. It said members would "
                    "return on Friday.", publisher="The Test Gazette", date="2025-05-15")
    assert [s.date for s in draft.statements] == ["2025-05-12", "2025-05-12"]
    assert "statement just before" in (draft.statements[1].date_basis or "")


def test_without_a_document_date_relative_dates_keep_their_words_only() -> None:
    draft = extract("The mayor said on Tuesday that the road was closed.",
                    publisher="The Test Gazette")
    [statement] = draft.statements
    assert (statement.date, statement.date_text) == (None, "on Tuesday")


# ---- held-out fixes (doping-case): results "in" a test ----

RESULTS_IN = [  # (sentence, evidence words, producer's name, role)
    ("The water board said it had detected lead in three of forty samples.",
     "three of forty samples", "Water board", "produced"),
    ("The cycling union said the rider tested positive for EPO in a routine test.",
     "a routine test", "Cycling union", "cited"),
]


@pytest.mark.parametrize(("sentence", "words", "producer", "role"), RESULTS_IN)
def test_a_result_found_in_a_test_or_samples_is_the_speakers_evidence(
        sentence: str, words: str, producer: str, role: str) -> None:
    draft = extract(sentence, publisher="The Test Gazette")
    [item] = draft.evidence
    names = {a.id: a.name for a in draft.actors}
    assert draft.text[item.spans[0][0]:item.spans[0][1]] == words
    by = item.produced_by if role == "produced" else (item.cited_by or [None])[0]
    assert by is not None and names[by] == producer
    assert item.supports == [draft.statements[0].claim]


def test_a_result_without_a_test_is_no_evidence() -> None:
    draft = extract("The water board said it had detected lead in the river.",
                    publisher="The Test Gazette")
    assert draft.evidence == []


# ---- held-out fixes (transfer-rumour): outlet descriptions after "according to", a
# publisher named in a byline. Sentences written for these tests.

OUTLET_DESCRIPTIONS = [  # a name after an outlet head noun is an outlet
    ("The Temuco Rowing Club said the crew would appeal, according to the Chilean sports "
     "daily Puerto Digital.", "puerto-digital"),
    ("The mayor told the local newspaper Valle Hoy that the bridge would reopen.", "valle-hoy"),
    ("The ministry said the border was open, according to the state broadcaster RTK.", "rtk"),
]


@pytest.mark.parametrize(("sentence", "outlet"), OUTLET_DESCRIPTIONS)
def test_an_outlet_described_by_its_head_noun_is_a_relay(sentence: str, outlet: str) -> None:
    draft = extract(sentence, publisher="The Test Gazette")
    [statement] = draft.statements
    assert [r.outlet for r in statement.relay] == [outlet, "test-gazette"]
    assert not any(a.kind == "NewsOutlet" and a.id == statement.actor for a in draft.actors)


def test_a_definite_proper_name_in_a_byline_is_the_publisher() -> None:
    # "Review" is no outlet head word: the byline's place for the publication says it is one
    draft = extract("Ferry fares to rise\n\nBy Ana Lee, Transport Editor · The Harbour Review · "
                    "3 May 2026\n\nThe port authority said fares would rise in June.")
    [statement] = draft.statements
    assert draft.document.publisher == "harbour-review"
    assert [r.outlet for r in statement.relay] == ["harbour-review"]


# ---- held-out fixes (lab-images): an outlet named again without its description, documents
# and reports as evidence, requests for comment.

def test_an_outlet_named_by_its_description_keeps_its_name_later() -> None:
    draft = extract("The mayor told the local newspaper The Dunmore Bell that the bridge was "
                    "safe. The Dunmore Bell reported that cracks had been found.",
                    publisher="The Test Gazette")
    first, second = draft.statements
    assert second.actor == "dunmore-bell"
    assert [r.outlet for r in first.relay] == ["dunmore-bell", "test-gazette"]


def test_according_to_a_document_by_a_body_is_evidence_that_body_produced() -> None:
    draft = extract("Cycling is the fastest-growing way to commute, according to a 2023 survey "
                    "by the Transport Research Group.", publisher="The Test Gazette")
    [statement] = draft.statements
    names = {a.id: a.name for a in draft.actors}
    assert statement.own_voice
    [item] = draft.evidence
    assert item.produced_by and names[item.produced_by] == "Transport Research Group"
    assert item.supports == [statement.claim]


def test_no_response_to_the_publishers_request_is_a_comment_request() -> None:
    draft = extract("Ana Reis said the engine had stalled. Reis did not respond to the Test "
                    "Gazette's request for comment.", publisher="The Test Gazette")
    assert len(draft.statements) == 1
    [request] = draft.comment_requests
    assert (request.to, request.response_reported) == ("ana-reis", False)


def test_a_report_the_speaker_said_it_in_is_the_speakers_evidence() -> None:
    draft = extract("The Orvik Water Board said in a report published on Monday that the "
                    "reservoir was leaking.", publisher="The Test Gazette")
    [statement] = draft.statements
    [item] = draft.evidence
    assert draft.text[item.spans[0][0]:item.spans[0][1]] == "a report published on Monday"
    assert (item.produced_by, item.supports) == (statement.actor, [statement.claim])
