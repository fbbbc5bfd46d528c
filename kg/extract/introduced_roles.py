"""Whom a person introduced by a body's role-word acts for: "A second General Staff spokeswoman,
Major Ilka Branz, gave a different account." News style puts the body's name before the role
("General Staff spokeswoman", "Harbour Board official") when introducing a second voice of a
body named already; the person then speaks for that body, as "a spokeswoman for the General
Staff" would. Only a body the text has made an actor already counts (the capitalised words
are looked up, not created), and only a person who acts for no one yet.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Harbour Board said the quay was safe. A second Harbour Board "
    ...                 "official, Ana Holt, gave a different account. She told the Courier "
    ...                 "that the quay was shut.", publisher="The Test Gazette")
    >>> [(a.id, a.acts_for) for a in draft.actors if a.id == "ana-holt"]
    [('ana-holt', 'harbour-board')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.people import surname

if TYPE_CHECKING:
    from kg.extract.statements import Context

# "A second General Staff spokeswoman, Major Ilka Branz,": the body's capitalised name, a role
# word, then the person's name (a rank or honorific before it) set off by commas
_BODY_ROLE_NAME = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Aa]nother)\s+(?:(?:second|third|fourth|senior|junior|former|deputy)\s+)?"
    r"(?P<body>[A-Z][\w\u2019'&-]*(?:\s+[A-Z][\w\u2019'&-]*){0,4})\s+"
    r"(?:spokes(?:wo)?man|spokesperson|official|officer|adviser|advisor|representative|"
    r"press\s+officer)\s*,\s+(?:[A-Z][a-z]+\.?\s+)?(?P<name>[A-Z][a-z\u2019'-]+\s+"
    r"[A-Z][a-z\u2019'-]+),")


def join_body_roles(ctx: Context) -> None:
    """Give each used person the text introduces by a body's role-word the body, when that body
    is an actor already (see the module text)."""
    people = {r.name: r for r in ctx.table.records.values()
              if r.kind == "Person" and r.used and r.acts_for is None}
    for match in _BODY_ROLE_NAME.finditer(ctx.text):
        person = people.get(match.group("name"))
        body = ctx.table.keys.get(("org", match.group("body").lower()))
        if person is None or body is None or surname(person.name) == match.group("body"):
            continue
        person.acts_for = body
        person.role = person.role or match.group(0).split(",")[0].strip()


__all__ = ["join_body_roles"]
