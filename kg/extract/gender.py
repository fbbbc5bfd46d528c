"""Which people the text itself shows to be a woman or a man, so that "she" does not name the
nearest man, nor "he" the nearest woman.

Only the text's own words count, never a list of given names: an honorific before the name
("Ms Bell", "Mrs Ana Bell", "Mr Hale", "Sir Tom Hale") or a gendered role word right before
the full name or in its apposition ("spokeswoman Ana Bell", "Tom Hale, a spokesman for the
port,"). A surname with cues both ways (two people of one family name) is left unknown, and
so is everyone the text gives no cue for: the pronoun then names the nearest person, as
before.

Example:
    >>> genders("Ms Ana Bell met Tom Hale, a spokesman for the port.")
    {'bell': 'f', 'hale': 'm'}
"""

from __future__ import annotations

import re

_WOMAN = frozenset(
    {
        "ms",
        "mrs",
        "miss",
        "dame",
        "lady",
        "madam",
        "spokeswoman",
        "chairwoman",
        "businesswoman",
        "congresswoman",
        "councilwoman",
        "policewoman",
        "actress",
        "headmistress",
        "sister",
        "mother",
        "grandmother",
        "wife",
        "daughter",
    }
)
_MAN = frozenset(
    {
        "mr",
        "sir",
        "lord",
        "spokesman",
        "chairman",
        "businessman",
        "congressman",
        "councilman",
        "policeman",
        "actor",
        "headmaster",
        "brother",
        "father",
        "grandfather",
        "husband",
        "son",
    }
)
_NAME = r"[A-Z][a-z\u2019'-]+"
# "Ms Bell", "Mrs Ana Bell", "Mr. Hale": the honorific, perhaps a given name, the surname
_HONORIFIC = re.compile(
    rf"\b(Ms|Mrs|Miss|Dame|Lady|Madam|Mr|Sir|Lord)\.?\s+"
    rf"(?:{_NAME}\s+)?({_NAME})\b(?!\s+[A-Z])"
)
# "spokeswoman Ana Bell": a role word straight before a given name and a surname
_ROLE_BEFORE = re.compile(rf"\b([A-Za-z]+)\s+{_NAME}\s+({_NAME})\b(?!\s+[A-Z])")
# "Tom Hale, a spokesman for the port,": the surname, then the role word ending its phrase
_ROLE_AFTER = re.compile(
    rf"\b{_NAME}\s+({_NAME}),\s+(?:a|an|the)\s+(?:[\w\u2019'-]+\s+){{0,3}}?"
    r"([a-z]+)(?=\s+(?:for|of|at|to|in|with|from|who)\b|[,.;])"
)


def genders(text: str) -> dict[str, str]:
    """Surname (lower case) -> "f" or "m", for each surname the text marks one way only."""
    seen: dict[str, set[str]] = {}
    cues = [(m.group(1).lower(), m.group(2)) for m in _HONORIFIC.finditer(text)]
    cues += [(m.group(1).lower(), m.group(2)) for m in _ROLE_BEFORE.finditer(text)]
    cues += [(m.group(2), m.group(1)) for m in _ROLE_AFTER.finditer(text)]
    for word, surname in cues:
        sex = "f" if word in _WOMAN else "m" if word in _MAN else None
        if sex is not None:
            seen.setdefault(surname.lower(), set()).add(sex)
    return {name: next(iter(sexes)) for name, sexes in seen.items() if len(sexes) == 1}


__all__ = ["genders"]
