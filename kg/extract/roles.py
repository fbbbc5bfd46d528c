"""A person first known only by a role and named later: "Its medical director has denied P"
in the lede, then "Dr Ana Holt, the trust's medical director, said ...". News style names the
role first and the person paragraphs later, so the two are one actor when the role (its words
after the possessor) is exactly the role the named person was given in apposition, and
exactly one named person has it (two finance chiefs of two firms stay apart).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Its finance chief denied that the loan was hidden. Ola Berg, the "
    ...                 "bank's finance chief, said the audit was complete.",
    ...                 publisher="The Test Gazette")
    >>> sorted({s.actor for s in draft.statements})
    ['ola-berg']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.statements import Context

# the possessor before a role: "its", "the trust's", "Harlow Bank's"
_POSSESSOR = re.compile(r"(?i)^(?:its|his|her|their|(?:the\s+)?[\w\u2019'&.-]+(?:\s+[A-Z][\w&.-]*)*"
                        r"['\u2019]s?)\s+")


def _role(form: str) -> str | None:
    """The role words of a possessed role ("medical director" of "the trust's medical
    director"), or None when ``form`` has no possessor."""
    match = _POSSESSOR.match(form.strip())
    return form.strip()[match.end():].lower() if match else None


def join_roles(ctx: Context) -> None:
    """Give the statements of each possessed role known by no name to the one named person
    whose role in apposition it is (see the module docstring)."""
    records = ctx.table.records
    named: dict[str, set[str]] = {}
    for record in records.values():
        if record.kind == "Person" and record.named:
            for form in (record.role or "", *record.aliases):
                if (role := _role(form)) is not None:
                    named.setdefault(role, set()).add(record.id)
    for record in list(records.values()):
        if record.kind != "Person" or record.named or not record.used:
            continue
        role = _role(record.name)
        people = named.get(role or "", set())
        if len(people) != 1:
            continue
        person = records[next(iter(people))]
        ctx.reassign(record.id, person.id)
        person.add_form(record.name)
        record.used = False


__all__ = ["join_roles"]
