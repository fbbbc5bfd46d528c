"""Whom a possessed role or body acts for, when its possessor is a pronoun or a bare noun.

News names a body's people and parts by a possessive that points back: "The Ashvale Front
also rejected the accusation. '...,' the group's spokesman said", "Dareth's government has
accused X. Its defence ministry said P". The possessor is the body the sentence just before
had speak ("the group", "its": the Front, Dareth's government), so the spokesman and the
ministry act for it. Likewise a maker described by a possessor that names an actor
("Corvania's ambassador in Dareth, Helena Marsk") acts for the possessor.

A person described as speaking "for STATE's BODY" ("A spokeswoman for Corvania's Foreign
Ministry, Dana Kiel") acts for that state's body, not for the body of that name another state
has ("the Meravian Foreign Ministry" named before).

A group named again by its plural noun alone ("the officials") after a number and a
nationality named it ("according to three Corvanian officials") acts for that state too.

Only a role or body that acts for no one yet is given an owner; a possessor the text does not
resolve to a body leaves it alone.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Norland's government has accused Vestia of funding the strikes. Its "
    ...                 "defence ministry said the border was closed.", publisher="The Gazette")
    >>> {a.id: a.acts_for for a in draft.actors}["its-defence-ministry"]
    'norland-government'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.statements import Context

# "Its defence ministry", "the group's spokesman": a pronoun or a definite bare noun as owner,
# then a body's part or voice (not "its owner", "its captain": the thing's, not the speaker's)
_POINTING = re.compile(r"^(?:[Ii]ts|[Tt]he\s+[a-z][\w-]*[\u2019']s)\s+(?:[a-z][\w-]*\s+){0,2}"
                       r"(?:spokesman|spokeswoman|spokesperson|ministry|department|office|"
                       r"leader|leaders|commanders|officials)$")
# "the officials", "The diplomats": a group by its plural head noun alone
_PLURAL = re.compile(r"^(?:[Tt]he)\s+([a-z]+s)$")
_NUMBERS = r"two|three|four|five|six|several|\d+"
_KINDS = {"Organization", "GovernmentAgency", "GovernmentBody", "State", "Company",
          "ArmedGroup", "PoliticalParty"}


def owners_from_context(ctx: Context) -> None:
    """Give each used role or body named by a pointing possessive, acting for no one, the body
    the sentence before it had speak (see the module text)."""
    for record in ctx.table.records.values():
        if not record.used or record.acts_for is not None or not record.mentions or \
                not _pointing_only(record):
            continue
        owner = _previous_speaker(ctx, record)
        if owner is not None:
            record.acts_for = owner.id
            record.notes.append(f"acts for {owner.name}, the body the possessive points back "
                                "to")


def _pointing_only(record: ActorRecord) -> bool:
    """Whether ``record`` is known by a pointing possessive alone (the draft writes "the
    group's spokesman" as "Group's spokesman" too)."""
    forms = [f if _POINTING.match(f) or not f[:1].isupper() else "the " + f[:1].lower() + f[1:]
             for f in (record.name, *record.aliases)]
    return all(_POINTING.match(f) for f in forms)


# "A spokeswoman for Corvania's Foreign Ministry": a person's description naming a state's body
_FOR_STATES_BODY = re.compile(r"\bfor\s+(?P<state>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)[\u2019']s\s+"
                              r"(?P<body>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)$")


def bodies_of_their_state(ctx: Context) -> None:
    """Give a person who speaks "for STATE's BODY" that state's own body, when the body the
    person was taken to act for is another state's (see the module text)."""
    records = ctx.table.records
    for record in list(records.values()):
        body = records.get(record.acts_for or "")
        if not record.used or record.kind != "Person" or body is None or body.acts_for is None:
            continue
        for form in record.aliases:
            match = _FOR_STATES_BODY.search(form)
            state = _state_of(ctx, match.group("state")) if match else None
            if match is None or state is None or state.id == body.acts_for:
                continue
            own = ctx.table.organisation(f"{match.group('state')}'s {match.group('body')}",
                                         body.kind)
            own.acts_for, own.used, state.used = state.id, True, True
            record.acts_for = own.id
            break


def groups_from_nationality(ctx: Context) -> None:
    """"the officials" after "three Corvanian officials": the group acts for the state its
    nationality names (a demonym of a state the text names: "Corvanian" of "Corvania")."""
    for record in list(ctx.table.records.values()):
        plural = _PLURAL.match(record.name)
        if not record.used or record.acts_for is not None or not record.mentions or \
                plural is None:
            continue
        at = min(m[0] for m in record.mentions)
        named = re.search(rf"\b(?i:{_NUMBERS})\s+([A-Z][a-z]+)\s+{plural.group(1)}\b",
                          ctx.text[:at])
        state = _state_of(ctx, named.group(1)) if named else None
        if state is not None:
            record.acts_for, state.used = state.id, True


def _state_of(ctx: Context, demonym: str) -> ActorRecord | None:
    """The state record a demonym names: the form itself, or a state's name it extends
    ("Corvanian": "Corvania"; "Darethi": "Dareth")."""
    for cut in (0, 1, 2, 3):
        country = ctx.lex.country_by_form.get(demonym[:len(demonym) - cut])
        if country is not None and len(demonym) - cut >= 4:
            return ctx.table.state(country)
    return None


def _previous_speaker(ctx: Context, record: ActorRecord) -> ActorRecord | None:
    """The body that speaks in the statement just before ``record``'s first mention, in an
    earlier sentence; None when that speaker is no body."""
    at = min(m[0] for m in record.mentions)
    before = [s for s in ctx.statements if s.sentence[1] <= at and not s.own_voice]
    if not before:
        return None
    owner = ctx.table.records.get(before[-1].actor)
    if owner is None or owner.id == record.id or owner.kind == "Person" or \
            owner.kind == "NewsOutlet" or (owner.kind not in _KINDS and not owner.named):
        return None
    return owner


__all__ = ["bodies_of_their_state", "groups_from_nationality", "owners_from_context"]
