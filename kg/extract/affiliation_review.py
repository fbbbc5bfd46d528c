"""Speakers whose title says they speak for someone, with no one to speak for in the draft.

A spokesman, a minister or an ambassador speaks for a body or a state. When the draft ties
such a speaker to no one (``acts_for`` empty: the text named the body in a way the rules did
not read), the analysis takes the speaker for an independent source, so two voices of one
government count as two and a claim can look corroborated when it is not. The draft marks
these speakers for review (:mod:`kg.extract.draft`): the fix is one ``acts_for`` line.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Pavel Marek, a spokesman, said the report was false.",
    ...                 publisher="The Ledger")
    >>> [(a.id, unaffiliated_title(a)) for a in draft.actors if a.kind == "Person"]
    [('pavel-marek', 'spokesman')]
"""

from __future__ import annotations

import re

from kg.extract.actors import ActorRecord
from kg.extract.lexicon import load_lexicon

_ON_THEIR_OWN = re.compile(r"\b(?:independent|former|retired|ex|freelance)\b")


def unaffiliated_title(actor: ActorRecord) -> str | None:
    """The title (of ``titles.tsv``) by which ``actor``, a person acting for no one, speaks
    for a state, a body, an organisation or a place; None when there is none."""
    if actor.kind != "Person" or actor.acts_for:
        return None
    words = f" {(actor.role or actor.title or '').lower()} "
    if _ON_THEIR_OWN.search(words):  # "an independent analyst", "a former minister"
        return None
    titles = load_lexicon().titles
    found = [t for t in titles if re.search(rf"\b{re.escape(t)}\b", words)]
    if not found:
        return None
    longest = max(found, key=len)
    return longest if titles[longest].affiliation != "none" else None


__all__ = ["unaffiliated_title"]
