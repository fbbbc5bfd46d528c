"""Claim merging across paraphrases (kg/extract/similarity.py, kg/extract/claims.py): a hedge or
a denial of P and P itself are one claim; durations and rough numbers in other units; word
classes of synonyms.tsv; what does not merge. Sentences written for these tests, on topics of no
benchmark article."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract, load_lexicon
from kg.extract.similarity import MERGE_THRESHOLD, content_words, similarity, stance_spans
from tests.extract.forms import word_similarity

LEX = load_lexicon()



def _claims(text: str) -> list[tuple[str, str, str, str]]:
    """(speaker id, stance, claim id, last cue) of each statement of ``text``'s draft."""
    draft = extract(text, publisher="The Test Gazette", date="2025-03-07")
    return [(s.actor, s.stance, s.claim or "", (s.cues or [""])[-1]) for s in draft.mentions]


SAME = [
    # the stance is not the claim: a hedge, a denial frame or label, a contracted negation
    # (each pair has a word the other lacks, so only the stance words kept them apart)
    ("The pumps stayed idle.", "The pumps appeared to be idle."),
    ("The pumps stayed idle.", "The pumps may well have been idle."),
    ("The dam held firm.", "The dam hasn't held."),
    ("The dam held firm.", "There is no evidence that the dam held."),
    ("The ferry was overloaded.", "Reports of the ferry being overloaded as baseless."),
    # a duration in hours or weeks is a number of days
    (
        "The operator warned residents 48 hours before the release.",
        "The operator warned residents two days before the release.",
    ),
    ("The repairs will take two weeks.", "The repairs will take 14 days."),
    # a rough number covers the numbers in its range
    (
        "Thousands of volunteers cleared the beach.",
        "At least 3,000 volunteers cleared the beach.",
    ),
    (
        "Hundreds of thousands of litres leaked into the canal.",
        "About 400,000 litres leaked into the canal.",
    ),
    # word classes of synonyms.tsv (common members of a WordNet synset, or one phrase)
    ("The lease required repairs every year.", "The lease called for repairs every year."),
    ("The railings were corroded.", "The railings were rusting."),
    ("The lift was unserviceable.", "The lift was out of service."),
    ("The council concealed the report.", "The council covered up the report."),
    ("The inquiry into the crash was closed.", "The probe into the crash was closed."),
    ("The referee issued a warning.", "The referee gave a warning."),
    ("The donor funnelled money to the campaign.", "The donor channelled cash to the campaign."),
]

DIFFERENT = [
    # other durations and other rough numbers stay other claims
    (
        "The operator warned residents 36 hours before the release.",
        "The operator warned residents two days before the release.",
    ),
    ("Hundreds of volunteers cleared the beach.", "At least 3,000 volunteers cleared the beach."),
    # a claim of names only ("It was by X") is not contained in a claim that adds what X did
    ("It was by Arno Vell.", "Critics could not rule out that Arno Vell had a hand in it."),
    # a stance word dropped does not make two predicates one
    ("The pumps stayed idle.", "The pumps appeared to be late."),
    # a denial's label is left out only as what a thing was called ("rejected X as baseless")
    ("The ministry figures were inflated.", "The ministry figures were published."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_paraphrases_share_a_claim(a: str, b: str) -> None:
    assert word_similarity(a, b) >= MERGE_THRESHOLD
    assert word_similarity(b, a) == word_similarity(a, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_other_claims_stay_apart(a: str, b: str) -> None:
    assert word_similarity(a, b) < MERGE_THRESHOLD


def test_stance_words_are_found_and_names_keep_their_capitals() -> None:
    text = "The ferry appears to have been overloaded."
    assert [text[a:b] for a, b in stance_spans(text, LEX)] == ["appears to"]
    # "Perhaps Marlin ...": a name after a dropped first word is still a name (a qualifier)
    words = content_words("Perhaps Marlin Shipping overloaded the ferry.", LEX)
    assert {"marlin", "ship"} <= words.qualifiers
    assert "perhap" not in words.words
    # a hedged verb phrase is still a clause, not a noun phrase naming an earlier claim
    assert not content_words("The vaccine appears to work.", LEX).nominal


def test_a_users_hedge_cue_is_left_out_of_the_comparison(tmp_path: Path) -> None:
    a, b = "The ferry was overloaded.", "In all probability the ferry was overloaded."
    assert word_similarity(a, b) < 1.0
    (tmp_path / "hedge_cues.tsv").write_text(
        "cue\tscope\nin all probability\tclaim\n", encoding="utf-8"
    )
    lex = load_lexicon(tmp_path)
    assert similarity(content_words(a, lex), content_words(b, lex)) == 1.0


def test_a_hedge_on_another_speakers_claim_shares_it() -> None:
    found = _claims(
        "The port authority said the pumps stayed idle. The operator said the pumps "
        "appeared to be idle."
    )
    assert [(actor, stance) for actor, stance, _, _ in found] == [
        ("port-authority", "affirms"),
        ("operator", "hedges"),
    ]
    assert found[0][2] == found[1][2]


def test_two_days_and_48_hours_are_one_claim() -> None:
    found = _claims(
        "The union said the operator had notified residents 48 hours before the release. "
        "The regulator said the operator had notified residents two days before the release."
    )
    assert len(found) == 2
    assert found[0][2] == found[1][2]


def test_a_quotation_does_not_repeat_a_figure_it_leaves_out() -> None:
    # the paraphrase gives a count the quotation does not: the quotation says something else
    # (the quotation shares a word with the paraphrase: after a plain assertion, one that
    # shares none makes a point of its own, test_merging3_forms.py)
    with_figure = _claims(
        "Mayor Ines Dale said 412 homes were flooded on Sunday. \"The water came into every "
        'home on the seafront," she said.'
    )
    assert len(with_figure) == 2
    assert with_figure[0][2] != with_figure[1][2]
    # without a figure the quotation is still taken as support for the paraphrase
    without = _claims(
        "Mayor Ines Dale said homes along the seafront were flooded. \"The water came into "
        'every home on the seafront," she said.'
    )
    assert without[0][2] == without[1][2]
    assert without[1][3] == "quotation taken as support for the speaker's earlier statement"
