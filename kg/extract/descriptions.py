"""Tests on descriptions of actors, for coreference: whether a proper name in apposition
names the actor a description only describes ("The supplier, Brava Farms,"), whether two
descriptions of one head noun conflict ("the transport ministry" is not "the foreign ministry"),
and which kinds a bare head noun ("the agency") may name.

Example:
    >>> other_modifier("the transport ministry", ("Norland's foreign ministry",), "ministry")
    True
    >>> other_modifier("the ministry", ("Norland's foreign ministry",), "ministry")
    False
"""

from __future__ import annotations

import re

from kg.extract.names import Description

WINDOW = 3  # sentences a pronoun looks back
DESCRIPTION_WINDOW = 12  # sentences a definite description ("the agency") looks back
# a description in lower case after its article or possessive: "the supplier", "its new owner"
LOWER_DESCRIPTION = re.compile(r"^(?:the|a|an|its|their|his|her|your)\s+[a-z][\w\u2019'-]*"
                                r"(?:\s+[a-z][\w\u2019'-]*){0,3}$", re.I)
PROPER_NAME = re.compile(r"[A-Z][\w\u2019'&.-]*(?:\s+(?:of|for|and|&|[A-Z][\w\u2019'&.-]*)){0,5}")


def named_by_apposition(d: Description, appositive: str | None) -> bool:
    """Whether ``appositive`` is the name of the actor that ``d`` only describes: a lower-case
    description with no name or title ("The supplier", "a local grower") followed by a proper
    name set off by commas ("Brava Farms")."""
    if not appositive or d.name or d.title or d.pronoun or d.outlet or d.is_state:
        return False
    # ("The service's control room duty manager that night, Ana Holt,": a job of several
    # nouns, and when the speaker held it)
    text = _HELD_THEN.sub("", d.text)
    words = text.split()
    lower = bool(LOWER_DESCRIPTION.fullmatch(text) or _LONG_JOB.fullmatch(text)) and \
        all(w[:1].islower() for w in words[1:])
    return lower and bool(PROPER_NAME.fullmatch(appositive.strip()))


_HELD_THEN = re.compile(r"\s+(?:(?:that|this|on\s+the)\s+(?:night|day|morning|evening|"
                        r"afternoon|week|shift)|at\s+the\s+time|then)$")
# a possessive job title of up to five nouns ("the port's night shift duty manager")
_LONG_JOB = re.compile(r"(?i:the|its|their|his|her)\s+[a-z][\w-]*[\u2019']s\s+[a-z][\w-]*"
                       r"(?:\s+[a-z][\w-]*){0,4}")


def named_by_possessive_apposition(d: Description, appositive: str | None) -> bool:
    """Whether ``appositive`` names the actor that a possessive description only describes:
    a proper possessor and lower-case nouns ("Falcão's agent", "Orla Mint's distributor")
    followed by a proper name set off by commas. A title ("Kovac's lawyer") is read by the
    title rules instead."""
    if not appositive or not d.possessor or d.name or d.title or d.pronoun or d.outlet:
        return False
    tail = re.split(r"['\u2019]s?\s+", d.text, maxsplit=1)
    nouns = tail[1].split() if len(tail) == 2 else []
    return 1 <= len(nouns) <= 3 and all(w[:1].islower() for w in nouns) and \
        bool(PROPER_NAME.fullmatch(appositive.strip()))


def other_modifier(text: str, forms: tuple[str, ...], noun: str) -> bool:
    """"the transport ministry" is not "Norland's foreign ministry": both put a lower-case word
    before the same noun, and the words differ. A capitalised name ("Food Safety Agency") has
    no modifier to conflict with, and "the ministry" has none of its own."""
    def before(phrase: str) -> str | None:
        words = phrase.split()
        at = next((i for i in range(len(words) - 1, 0, -1) if words[i].lower() == noun), 0)
        word = words[at - 1] if at else ""
        return word if word.isalpha() and word.islower() and word not in {"the", "its",
                                                                            "their"} else None
    own = before(text)
    if own is None:
        return False
    theirs = {before(form) for form in forms} - {None}
    return bool(theirs) and own not in theirs


def kind_fits(kind: str, head_kind: str, noun: str, cls: str | None = None) -> bool:
    """"the agency" may be any government agency, an intelligence service included; "the
    regulator" a public body named as an authority, agency, commission or board (what
    regulates is named so: "the National Medicines Authority", not "the defence ministry")."""
    if noun == "regulator":
        return kind == "GovernmentBody" and cls in _REGULATING
    return noun in {"agency", "service"} and kind in {"GovernmentBody", "IntelligenceAgency"}


# the classes of `org_heads.tsv` whose bodies a later "the regulator" may name
_REGULATING = frozenset({"authority", "agency", "commission", "board"})


__all__ = ["DESCRIPTION_WINDOW", "LOWER_DESCRIPTION", "PROPER_NAME", "WINDOW", "kind_fits",
           "named_by_apposition", "named_by_possessive_apposition", "other_modifier"]
