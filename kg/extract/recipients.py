"""The one told, without "that": "The office told us the readings began at 3am", "She told me
the gate was shut". The pronoun after "told" is who heard it (the programme, the reporter), not
the first word of what was said; without this the claim read "Us the readings began at 3am".

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Lenby Water Board told us the reservoir was full.",
    ...                 publisher="Radio Nord")
    >>> [(s.actor, s.claim_text) for s in draft.statements]
    [('lenby-water-board', 'The reservoir was full.')]
"""

from __future__ import annotations

import re

from kg.extract.model import StatementRecord

# the pronoun of the one told, then the clause ("us the readings began", "me that it was")
_TOLD_TO = re.compile(r"(?i)(?:us|me|him|them)\s+(?:that\s+)?(?=[\w\u201c\"])")
_TELLING = {"told", "tell", "tells", "telling"}


def drop_recipient(statements: list[StatementRecord], text: str) -> None:
    """Start the claim of each statement framed by "told" after the pronoun of the one told."""
    for statement in statements:
        if (statement.verb or "").lower() not in _TELLING:
            continue
        told = _TOLD_TO.match(text, statement.span[0])
        if told is None or told.end() >= statement.span[1]:
            continue
        statement.span = (told.end(), statement.span[1])
        words = text[told.start():told.end()].strip()
        if statement.claim_text.lower().startswith(words.lower() + " "):
            rest = statement.claim_text[len(words) + 1:]
            statement.claim_text = rest[:1].upper() + rest[1:]


__all__ = ["drop_recipient"]
