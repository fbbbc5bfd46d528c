"""Claim merging, fourth round (kg/extract/claims.py, kg/extract/similarity.py,
lexicons/synonyms.tsv): a statement that two fuller wordings of a claim both hold makes them
one claim, a short claim opened by a personal pronoun says a fuller one again, a speaker says
a thing once in a sentence (a relative clause and the sentence around it are two claims), and
"alter" and "gather" are "change" and "collect". Sentences written for these tests, on topics
of no benchmark article."""

from __future__ import annotations

from kg.extract import load_lexicon
from kg.extract.similarity import MERGE_THRESHOLD, content_words
from tests.extract.forms import draft_of, mention, word_similarity

LEX = load_lexicon()


def _same_claim(text: str, first: str, second: str) -> bool:
    draft = draft_of(text)
    return mention(draft, first).claim == mention(draft, second).claim


def test_a_statement_two_fuller_wordings_both_hold_makes_them_one_claim() -> None:
    # each hedge adds words the other lacks; the family's plain claim is in both
    text = ("The gallery's review board said it could not say whether the portrait was genuine "
            "while its review was ongoing. Art historian Lena Brask said she did not know "
            "whether the portrait was genuine, only where it was bought. The Brask family said "
            "the portrait was genuine.")
    assert _same_claim(text, "while its review", "only where it was bought")
    assert _same_claim(text, "while its review", "was genuine.")
    # but not a statement that is less than half of a fuller claim: "caused by a transformer"
    # is a third of the engineers' claim, which says far more (where, which fault)
    text = ("Engineers said the blackout was caused by a faulty transformer at the old "
            "substation beside the ring road. The grid operator said the blackout was caused "
            "by a transformer overload. The energy minister said the blackout was caused by a "
            "transformer.")
    assert _same_claim(text, "transformer overload", "by a transformer.")
    assert not _same_claim(text, "ring road", "transformer overload")


def test_a_short_claim_opened_by_a_pronoun_says_a_fuller_one_again() -> None:
    text = ("The coastguard said its radar showed the tanker entering the strait at 03:10 on "
            'Friday, sailing at about 12 knots. "It entered at 03:10," a coastguard officer '
            "said.")
    assert _same_claim(text, "radar showed", "It entered")
    assert content_words("It entered at 03:10.", LEX).definite
    assert content_words("They were fired on Monday.", LEX).definite
    # a pronoun opening a longer claim: a claim with words of its own
    assert not content_words("It entered the strait at night without lights.", LEX).definite
    # another time: another claim
    assert not _same_claim(text.replace('"It entered at 03:10,"', '"It entered at 04:20,"'),
                           "radar showed", "It entered")


def test_a_relative_clause_and_the_sentence_around_it_are_two_claims() -> None:
    text = ("The 40-page audit, which is due to go to the finance committee next month, has "
            "not been made public. It is the fullest account yet of how the depot, which has "
            "been run by the city since 2021, lost its funding.")
    assert not _same_claim(text, "is due to go", "made public")
    assert not _same_claim(text, "fullest account", "How the depot has been run")


def test_alter_is_change_and_gather_is_collect() -> None:
    assert word_similarity("The software altered the address.",
                           "The software changed the address.") >= MERGE_THRESHOLD
    assert word_similarity("The attaché had been gathering military information.",
                           "The attaché had collected military information.") >= MERGE_THRESHOLD


def test_of_any_kind_left_by_a_denial_is_no_word_of_the_claim() -> None:
    # "never ... any documents of any kind" (its claim text once the negation is read: "He
    # took any documents of any kind.") says how much is denied: the claim is "he took
    # documents"
    denial = content_words("He took any documents of any kind.", LEX)
    assert "kind" not in " ".join(denial.words)
    assert denial.words == content_words("He took documents.", LEX).words
    # "kind" that says what the thing is stays ("a kind of drone")
    assert any(w.startswith("kind") for w in content_words("It was a kind of drone.", LEX).words)
