"""Helpers for the tests of sentence forms (test_*_forms.py, test_blind_clauses.py): a draft of
a short text by a known publisher on a known date, and what it says."""

from __future__ import annotations

from kg.extract import Draft, extract, load_lexicon
from kg.extract.model import StatementRecord
from kg.extract.similarity import content_words, similarity

PUBLISHER = "The Test Gazette"


def draft_of(text: str, **options: object) -> Draft:
    """The draft of ``text``, published by :data:`PUBLISHER` on 7 March 2025 unless the
    options say otherwise."""
    return extract(text, **{"publisher": PUBLISHER, "date": "2025-03-07", **options})  # type: ignore[arg-type]


def said(draft: Draft, *, own: bool = False) -> list[tuple[str, str, str]]:
    """(speaker id, stance, claim text) of every statement read, merged or not; the
    publisher's own only with ``own``."""
    return [(s.actor, s.stance, s.claim_text) for s in draft.mentions or draft.statements
            if own or not s.own_voice]


def mention(draft: Draft, words: str) -> StatementRecord:
    """The first statement read whose claim text holds ``words``."""
    return next(s for s in draft.mentions or draft.statements if words in s.claim_text)


def claim_ids(text: str) -> list[tuple[str, str, str]]:
    """(speaker id, stance, claim id) of each statement of ``text``'s draft."""
    return [(s.actor, s.stance, s.claim or "") for s in draft_of(text).statements]


def word_similarity(a: str, b: str) -> float:
    """:func:`kg.extract.similarity.similarity` of two claim texts."""
    lex = load_lexicon()
    return similarity(content_words(a, lex), content_words(b, lex))


def chain_of(draft: Draft, ident: str) -> list[str]:
    """``ident`` and whom it acts for, nearest first (the chain the analysis follows to a
    source group)."""
    by_id = {a.id: a for a in draft.actors}
    chain = [ident]
    while (parent := by_id[chain[-1]].acts_for) and parent not in chain:
        chain.append(parent)
    return chain
