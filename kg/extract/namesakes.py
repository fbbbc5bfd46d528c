"""Bodies of one name in different states.

"The Russian Foreign Ministry said ... Ukraine's Foreign Ministry denied ...": both are named
"Foreign Ministry", but they are two actors acting for two states, and merging them would make
two sides of a dispute one source. A body's name is its key in the actor table; when the
description gives a state and the body already known by that name acts for another state, the
new one is a namesake: an actor of its own, named "Foreign Ministry of Ukraine", and the first
is renamed "Foreign Ministry of Russia" (its id is kept, statements already point to it).

A later mention of the bare name ("the Foreign Ministry said") names the namesake mentioned
last before it, as a reader takes it.

A body met first by the bare name ("Foreign Ministry spokesperson X said ...", "The Foreign
Ministry said ...") is the home country's, as news writing names it; a later mention that
gives a state other than the dateline's ("the Karsovian Foreign Ministry") is a namesake, and
the bare name goes on naming the first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.affiliation import capital

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable
    from kg.extract.names import Description

_PROPER = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


def namesake_of(table: ActorTable, d: Description, start: int) -> ActorRecord | None:
    """The body a named description at ``start`` names when the text has namesakes (see the
    module docstring), else None."""
    if not d.name or d.title or d.kind == "Person" or \
            ("org", d.name.lower().removeprefix("the ")) not in table.keys:
        return None  # (a name met for the first time resolves as usual)
    state = d.state.id if d.state else possessor_state(table, d.possessor, d.kind)
    if state is None:
        return latest_namesake(table, d.name, start)
    record = namesake(table, d.name, d.kind or "Organization", state,
                      d.head.cls if d.head else None, start)
    if record is not None and d.head:
        record.nouns.add(d.head.head.split()[-1])  # ("the ministry" names it later)
    return record


def possessor_state(table: ActorTable, possessor: str | None, kind: str | None) -> str | None:
    """The state a possessor names: a country the lexicon or the text knows, or the proper
    name that owns a government body and names no other actor ("Esterland's Foreign
    Ministry": a ministry belongs to a state); else None."""
    if possessor is None:
        return None
    if possessor in table.lex.country_by_form or possessor in table.places:
        return table.state(table.lex.country_by_form.get(possessor) or possessor).state
    known = table.keys.get(("org", possessor.lower())) or table.keys.get(
        ("person", possessor.lower()))
    if kind == "GovernmentBody" and known is None and _PROPER.fullmatch(possessor):
        return table.state(possessor).state
    return None


# the last word of a public body's name: a state's centre, service or board works for it
# (not "bank", "airline" or "association": a state's firm or union is a source of its own)
_PUBLIC = frozenset({"agency", "authority", "board", "bureau", "centre", "center", "commission",
                     "directorate", "inspectorate", "service", "office", "guard", "police"})


def public_kind(table: ActorTable, d: Description, kind: str) -> str:
    """A government body's kind for a public body a known state owns by its possessive
    ("Norveland's National Cyber Security Centre", "Marrenland's Air Accident Investigation
    Board") or its people's name ("the Norwegian Police Directorate"), which acts for the
    state as its ministries do; ``kind`` otherwise."""
    owner = d.possessor
    if kind == "Organization" and d.name and (d.state is not None or (owner is not None and (
            owner in table.lex.country_by_form or owner in table.places))) and \
            d.name.split()[-1].lower() in _PUBLIC:
        return "GovernmentBody"
    return kind


# a body of state named "<head> of <State>" ("the Embassy of Sweden", "the Government of
# Norway"): never "the Ministry of Defence" (no state) nor "the Bank of England" (a bank)
_OF_STATE = re.compile(r"(?:Embassy|Consulate|Government|Mission|Parliament|Army|Navy|"
                       r"Ministry of [A-Z]\w+(?: [A-Z]\w+)?) of (?:the )?([A-Z][\w ]+?)"
                       r"(?: in [A-Z][\w ]+)?$", re.I)


def of_state(table: ActorTable, name: str, kind: str) -> str | None:
    """The state a body of state's own name gives after "of" ("Embassy of Sweden in
    Tarrow": Sweden), when the lexicon or the text knows it as a state; else None."""
    found = _OF_STATE.search(name) if kind == "GovernmentBody" else None
    if found is None or ((place := found.group(1)) not in table.lex.country_by_form and \
            place not in table.places):
        return None
    return table.state(table.lex.country_by_form.get(place) or place).state


def _other_state(table: ActorTable, record: ActorRecord, state: str | None,
                 start: int) -> bool:
    """Whether a body named with ``state`` at offset ``start`` cannot be ``record``: it acts
    for another state; or it is known so far only by the bare name, met before ``start`` in
    the text, and ``state`` is not the dateline's. News writing names the home country's body
    bare ("Foreign Ministry spokesperson X said ...") and a foreign one with its state ("the
    Karsovian Foreign Ministry"), so a state named only later is another country's. (A bare
    mention registered from later in the text, before the sentences are read, does not count:
    only one met before this one.)"""
    if not state:
        return False
    if record.state:
        return record.state != state
    return state != table.home_state and any(at < start for at, _ in record.mentions)


def _state_name(table: ActorTable, state: str) -> str:
    record = table.records.get(state)
    return record.name if record is not None else capital(state)


def namesake(table: ActorTable, name: str, kind: str, state: str | None,
             cls: str | None, start: int = 0) -> ActorRecord | None:
    """The body called ``name`` that acts for ``state``, when a body of that name acting for
    another state is known already (created on first use); None otherwise, and the name
    resolves as usual."""
    bare = name.lower().removeprefix("the ")
    first_id = table.keys.get(("org", bare))
    if state is None or first_id is None or not _other_state(
            table, table.records[first_id], state, start):
        return None
    own = ("org", bare, state)
    if own in table.keys:
        return table.records[table.keys[own]]
    first = table.records[first_id]
    plain = capital(name.removeprefix("the "))
    if first.name == plain and first.state:
        first.name = f"{plain} of {_state_name(table, first.state)}"
        table.keys.setdefault(("org", bare, first.state), first.id)
    country = table.state(table.lex.countries.get(state) or state)
    record = table.new_record(f"{plain} of {country.name}", kind, own, cls=cls)
    record.acts_for, record.state = country.id, country.state
    return record


def latest_namesake(table: ActorTable, name: str, before: int) -> ActorRecord | None:
    """The body of this bare name mentioned last before offset ``before``, when the text has
    namesakes in several states (None when it has at most one)."""
    bare = name.lower().removeprefix("the ")
    idents = {ident for key, ident in table.keys.items()
              if len(key) == 3 and key[:2] == ("org", bare)}
    if len(idents) < 2:
        return None
    return table.records[max(idents, key=lambda ident: table.last_seen(ident, before))]


__all__ = ["latest_namesake", "namesake", "namesake_of", "of_state", "possessor_state",
           "public_kind"]
