"""Helpers for the tests of sentence forms (test_*_forms.py, test_blind_clauses.py): a draft of
a short text by a known publisher on a known date, and what it says."""

from __future__ import annotations

from kg.extract import Draft, extract
from kg.extract.model import StatementRecord

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
