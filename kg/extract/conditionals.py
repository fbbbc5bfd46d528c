"""A conditional whose consequence is only possible: "He said that if his crews reached the
valleys, they could find more victims." The speaker commits to no outcome, even granted the
condition, so the statement hedges. A conditional with a firm consequence ("if the river
rises, the levee will fail") is affirmed as a conditional claim, as
:func:`kg.extract.stance.read_claim` reads it; only "could", "may" or "might" in the
consequence (not in the if-clause) makes the hedge.

Example:
    >>> possible_consequent("if the crews reach the valleys, they could find more victims")
    'could'
    >>> possible_consequent("if the river rises, the levee will fail") is None
    True
    >>> possible_consequent("sanctions might follow if the talks fail")
    'might'
    >>> possible_consequent("it was a sketch of what could happen if the talks failed") is None
    True
"""

from __future__ import annotations

import re

from kg.extract.model import StatementRecord

# a modal of possibility before a verb ("could find", "may spread"); "could not" is a negation,
# read as such
_POSSIBLE = re.compile(r"\b(could|may|might)\s+(?!not\b|no\b)[a-z]+", re.I)
# "if P, Q" or "unless P, Q": the consequence after the if-clause's comma (and after any
# clause set off by commas inside it: "if they reach the valleys, where roads are blocked, Q")
_LEADING = re.compile(r"^\W*(?:that\s+)?(?:if|unless)\s[^,]+,(?:\s+(?:where|while|as|which|who)"
                      r"\b[^,]+,)?\s+(?P<then>.+)$", re.I | re.S)
# "Q if P": the consequence before the if-clause
_TRAILING = re.compile(r"^(?P<then>.+?)\s+(?:if|unless)\s", re.I | re.S)
# "an illustration of what could happen if P": the modal and its if-clause sit in a clause
# that a wh-word opens, a thing named, not the speaker's consequence
_WH_BEFORE = re.compile(r"\b(?:what|which|who|how|where|whatever)\s+(?:[\w\u2019'-]+\s+){0,3}$",
                        re.I)


def possible_consequent(text: str) -> str | None:
    """The modal that makes the consequence of the conditional ``text`` only possible, or
    None (no conditional, or a firm consequence)."""
    match = _LEADING.match(text) or _TRAILING.match(text)
    if match is None:
        return None
    then = match.group("then")
    found = _POSSIBLE.search(then)
    if found is None or _WH_BEFORE.search(then[:found.start()]):
        return None
    return found.group(1).lower()


def hedge_possible_consequents(mentions: list[StatementRecord], text: str) -> None:
    """Turn each affirmed conditional claim whose consequence is only possible into a hedge
    (see the module docstring)."""
    for mention in mentions:
        if mention.stance != "affirms" or mention.claim_kind != "conditional":
            continue
        if (modal := possible_consequent(text[slice(*mention.span)])) is not None:
            mention.stance = "hedges"
            mention.cues.append(f"hedge: a consequence that only {modal} follow")


__all__ = ["hedge_possible_consequents", "possible_consequent"]
