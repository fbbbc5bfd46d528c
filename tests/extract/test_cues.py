"""Each cue class, on sentences written for these tests (none is taken from an article the
extractor was developed on). Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract
from tests.extract.conftest import said

HEDGES = [
    ("Mayor Ana Ruiz appeared to confirm that the bridge would close.",
     "Ana Ruiz", "bridge would close"),
    ("The ministry declined to say whether the reactor had been shut down.",
     "Ministry", "reactor had been shut down"),
    ("Engineer Tom Reyes said the dam may have cracked during the storm.",
     "Tom Reyes", "dam may have cracked"),
    ('"It is too early to tell whether the vaccine caused the rash," the health agency said.',
     "Health agency", "vaccine caused the rash"),
    ('"If true, the figures would be alarming," Senator Maria Holt said.',
     "Maria Holt", "figures would be alarming"),
    ('"If there are documents, they will show it," said the minister.',
     "Minister", "they will show it"),
]


@pytest.mark.parametrize(("sentence", "speaker", "claim"), HEDGES)
def test_hedge_cues_make_a_hedge(sentence: str, speaker: str, claim: str) -> None:
    [(who, stance, text)] = said(sentence)
    assert (who, stance) == (speaker, "hedges")
    assert claim in text


DENIALS = [
    ("The airline denied that its pilots had been drinking.",
     "airline", "its pilots had been drinking"),
    ("The embassy dismissed reports that its staff had been expelled.",
     "embassy", "its staff had been expelled"),
    ('"We did not sell any customer data," the company said.',
     "company", "We did sell any customer data"),
    ("There is no evidence that the ballots were altered, the electoral commission said.",
     "commission", "ballots were altered"),
    ("A rumour that the mayor had resigned was false, the city council said.",
     "council", "mayor had resigned"),
    ("Harlow Mining rejected the claims, calling them baseless.",
     "Harlow Mining", "claims"),
]


@pytest.mark.parametrize(("sentence", "speaker", "claim"), DENIALS)
def test_denial_cues_make_a_denial(sentence: str, speaker: str, claim: str) -> None:
    [(who, stance, text)] = said(sentence)
    assert speaker.lower() in who.lower()
    assert stance == "denies"
    assert claim.lower() in text.lower()


def test_a_rejection_of_that_claim_denies_the_claim_before_it() -> None:
    draft = extract("Union leaders said the factory had cut wages. The company rejected that "
                    "claim.", publisher="The Test Gazette")
    union, company = draft.statements
    assert (union.stance, company.stance) == ("affirms", "denies")
    assert company.claim == union.claim


def test_future_negation_is_a_policy_not_a_denial() -> None:
    [(_, stance, text)] = said('"We will not back down," the union said.')
    assert stance == "affirms" and "will not back down" in text


CONDITIONALS = [
    ("The senator said sanctions would follow if the talks failed.", "affirms", "conditional"),
    ('"If the river rises, the levee will fail," engineer Ida Park said.', "affirms",
     "conditional"),
    ('"If the photos are real, they are troubling," the senator said.', "hedges",
     "conditional"),
]


@pytest.mark.parametrize(("sentence", "stance", "kind"), CONDITIONALS)
def test_conditionals(sentence: str, stance: str, kind: str) -> None:
    """A consequence conditional is affirmed as a conditional claim; a conditional that
    questions the fact at issue is a hedge."""
    draft = extract(sentence, publisher="The Test Gazette")
    [statement] = draft.statements
    assert statement.stance == stance
    assert statement.claim_kind == kind


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


def test_according_to_a_person_names_the_speaker_not_a_relay() -> None:
    draft = extract("According to Dr. Omar Haddad, the well water is safe.",
                    publisher="The Test Gazette")
    [statement] = draft.statements
    names = {a.id: a.name for a in draft.actors}
    assert names[statement.actor] == "Omar Haddad"
    assert [r.outlet for r in statement.relay] == ["test-gazette"]


COREFERENCE = [
    ("Norvia's environment agency said the lake was polluted. The agency added that fishing "
     "was banned.", 1),
    ("Senator Jane Holt said the bill would pass. She added that the vote was close.", 1),
    ("The Ukrainian defence ministry said the drone had been shot down. Ukraine's defence "
     "ministry later said the wreckage had been recovered.", 1),
    ("Brightline Foods said the recall was voluntary. The company said no one had fallen ill.",
     1),
    ("Brightline Foods said the recall was voluntary. Two retailers said they had removed the "
     "products.", 2),
]


@pytest.mark.parametrize(("text", "speakers"), COREFERENCE)
def test_coreference_joins_mentions_of_one_actor(text: str, speakers: int) -> None:
    draft = extract(text, publisher="The Test Gazette")
    assert len({s.actor for s in draft.statements}) == speakers


AFFILIATIONS = [
    ("French Foreign Minister Claire Dubois said the talks would resume.",
     ["Claire Dubois", "France Ministry of Foreign Affairs", "France"]),
    ("White House press secretary Dana Lee said the trip was cancelled.",
     ["Dana Lee", "White House", "United States"]),
    ("Japanese Prime Minister Ken Sato said the plan was approved.", ["Ken Sato", "Japan"]),
    ("Marlow County Governor Peter Vance said the roads were closed.",
     ["Peter Vance", "Marlow County"]),
    ("Nina Cole, chief of the Eastport Police Department, said two men were arrested.",
     ["Nina Cole", "Eastport Police Department"]),
]


@pytest.mark.parametrize(("sentence", "chain"), AFFILIATIONS)
def test_titles_give_the_affiliation_chain(sentence: str, chain: list[str]) -> None:
    draft = extract(sentence, publisher="The Test Gazette")
    actors = {a.id: a for a in draft.actors}
    [statement] = draft.statements
    names, current = [], actors[statement.actor]
    while True:
        names.append(current.name)
        if not current.acts_for:
            break
        current = actors[current.acts_for]
    assert names == chain


def test_a_spokesperson_for_a_body_speaks_for_the_body() -> None:
    [(who, _, _)] = said("A spokesperson for the Port Authority said the terminal was closed.")
    assert who == "Port Authority"


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
