"""A person first known only by a role and named later: "Its medical director has denied P"
in the lede, then "Dr Ana Holt, the trust's medical director, said ...". News style names the
role first and the person paragraphs later, so the two are one actor when the role (its words
after the possessor) is exactly the role the named person was given in apposition, and
exactly one named person has it (two finance chiefs of two firms stay apart).

The same with the role as a title: "The governor of Vell province accused P" in the lede, then
"Vell Governor Ana Holt said Q", then "The governor said R": a definite description by a title
is the one named person with that title, when the place or body each names (its capitalised
words) is the same or one of them names none ("the mayor of Brenna" is not "Oslo Mayor X"),
and a possessor's noun is in the person's role ("the board's chairman", "Board chairman X").

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

from kg.extract.agency_names import join_agencies
from kg.extract.introduced_roles import join_body_roles
from kg.extract.possessed import (
    bodies_of_their_state,
    groups_from_nationality,
    owners_from_context,
)

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
    join_agencies(ctx)  # a body by description, name and staff (agency_names.py)
    owners_from_context(ctx)  # "the group's spokesman" after the group spoke (possessed.py)
    groups_from_nationality(ctx)  # "the officials" after "three Corvanian officials"
    bodies_of_their_state(ctx)  # "a spokeswoman for Corvania's Foreign Ministry"
    join_body_roles(ctx)  # "A second General Staff spokeswoman, Ilka Branz," (introduced_roles)


def _proper_words(text: str, title: str) -> set[str]:
    """The capitalised words of a description other than its title and "The"."""
    return {w for w in re.findall(r"\b[A-Z][\w-]+", text)
            if w.lower() not in {"the", *title.lower().split()}}


def join_titles(ctx: Context) -> None:
    """Give the statements of each person known only by a definite description with a title
    ("the governor of Vell province") to the one named person with that title (see the
    module docstring)."""
    records = ctx.table.records
    for record in list(records.values()):
        if record.kind != "Person" or record.named or not record.used or not record.title or \
                not any(a.startswith("the ") for a in record.aliases):
            continue  # ("a rescuer", "a witness": each indefinite one is someone new)
        people = [r for r in records.values() if r.kind == "Person" and r.named and
                  r.title == record.title and r.id != record.id]
        if len(people) != 1:
            continue
        person = people[0]
        here = _proper_words(record.name, record.title)
        there = _proper_words(" ".join([person.role or "", *person.aliases]), record.title) - \
            set(person.name.split())
        if here and there and not here & there:
            continue
        owner = _POSSESSOR.match(record.name)
        described = " ".join([person.role or "", *person.aliases]).lower()
        if owner and not re.search(rf"\b{re.escape(owner.group(0).split()[-1][:-2].lower())}",
                                   described):
            continue  # ("the company's chairman" is not "Rival Firm chairman Ola Berg")
        ctx.reassign(record.id, person.id)
        for form in (record.name, *record.aliases):
            person.add_form(form)
        record.used = False


__all__ = ["join_roles", "join_titles"]
