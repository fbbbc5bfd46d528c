"""One body named three ways: by a description, by its name, and by its staff.

A national-security story describes an agency in the lede ("Corvania's foreign intelligence
service has concluded P"), names it further down ("The Foreign Intelligence Directorate
judges ..."), and has its staff speak for it ("Directorate analysts traced ...", "Its analysts
noted ..."). These are one source, so their statements are one actor's:

- a description "OWNER's w1 ... head" whose modifier words (all but its head noun) are words of
  exactly one body's name of no other owner ("foreign intelligence service": "Foreign
  Intelligence Directorate", not "Defence Intelligence Bureau") is that body;
- "NAME analysts" is the one body whose name ends with NAME ("Directorate analysts": the
  Foreign Intelligence Directorate); "Its analysts" the body last named as a possessor before
  it ("the Bureau's doubts ... Its analysts noted"). Analysts write a body's assessments, so
  they speak as the body (officials, spokespeople and members keep actors of their own).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Norland's water safety agency has concluded that the lake is clean. "
    ...                 "The Water Safety Board said the test was done in May. "
    ...                 "Board analysts said the pipes were sound.", publisher="The Test Gazette")
    >>> sorted({s.actor for s in draft.statements})
    ['water-safety-board']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.statements import Context

# "Corvania's foreign intelligence service": a possessor, lower-case modifiers, a head noun
_DESCRIPTION = re.compile(r"^(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*[\u2019']s\s+"
                          r"(?P<words>(?:[a-z][\w-]*\s+){1,3})[a-z][\w-]*$")
_STAFF = re.compile(r"^(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}|[Ii]ts)\s+analysts$")
_POSSESSOR = re.compile(r"(?:\bthe\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})[\u2019']s\b")


def join_agencies(ctx: Context) -> None:
    """Give each description's and each staff's statements to the body they name (see the
    module text)."""
    records = ctx.table.records
    bodies = [r for r in records.values() if r.kind != "Person" and r.named and
              r.kind != "NewsOutlet" and len(r.name.split()) > 1 and " and " not in r.name]
    # (not "the Directorate and the Bureau", two bodies read as one phrase)
    for record in list(records.values()):
        if not record.used:
            continue
        described = None if record.kind == "Person" else _described(record, bodies)
        target = described or _staff_of(ctx, record, bodies)
        if target is None or target.id == record.id:
            continue
        ctx.reassign(record.id, target.id)
        for form in (record.name, *record.aliases):
            target.add_form(form)
        if described is not None and target.acts_for is None and record.acts_for != target.id:
            target.acts_for = record.acts_for  # (the description's owner: "Corvania's")
        for other in records.values():
            if other.acts_for == record.id:
                other.acts_for = target.id
        target.used, record.used = True, False


def _described(record: ActorRecord, bodies: list[ActorRecord]) -> ActorRecord | None:
    match = _DESCRIPTION.match(record.name)
    if match is None:
        return None
    words = set(match.group("words").split())
    # (and of the same owner: "Latvia's civil aviation agency" is not the Lithuanian Civil
    # Aviation Administration)
    owner = record.acts_for or record.state
    found = [b for b in bodies if b.id != record.id and
             words <= {w.lower() for w in b.name.split()} and
             (owner is None or (b.acts_for or b.state) in {None, owner})]
    return found[0] if len(found) == 1 else None


def _staff_of(ctx: Context, record: ActorRecord,
              bodies: list[ActorRecord]) -> ActorRecord | None:
    match = _STAFF.match(record.name)
    if match is None:
        return None
    name = match.group("name")
    if name.lower() != "its":
        found = [b for b in bodies if b.id != record.id and
                 re.search(rf"(?:^|\s){re.escape(name)}$", b.name)]
        return found[0] if len(found) == 1 else None
    if not record.mentions:
        return None
    # ("Its analysts" after "the Bureau's doubts": the body last named as a possessor, within
    # the sentence before)
    at = record.mentions[0][0]
    before = ctx.text[max(0, at - 300):at]
    stop = max(before.rfind(". ", 0, len(before) - 2), 0)
    possessors = _POSSESSOR.findall(before[stop:])
    if not possessors:
        return None
    owner = possessors[-1].lower()
    # (by the body's name, or the last word of it: "the Bureau's" for the Defence
    # Intelligence Bureau)
    found = [b for b in bodies if b.id != record.id and (
        b.name.lower() == owner or b.name.lower().endswith(" " + owner) or
        any(a.lower().removeprefix("the ") == owner for a in b.aliases))]
    return found[0] if len(found) == 1 else None


__all__ = ["join_agencies"]
