"""Actors named by a title or a head noun: "a company spokesperson", "the Russian president",
"the agency", "the South Korean spy agency", "the inspectorate" long after its name.

- a spokesperson or an official of a body is the body speaking; a title ("the president")
  is the earlier person with that title, else a new person acting for what the title or an
  "at X" names;
- a head noun with a state ("the South Korean spy agency") is the actor of that state and
  class; a definite head noun alone ("the agency") is the most recent actor it fits (within
  :data:`~kg.extract.descriptions.DESCRIPTION_WINDOW` sentences; "the company", "the group": the
  nearest named organisation), past that the one named actor with that head noun; an
  indefinite one ("a company") is someone new.

These functions work on an :class:`~kg.extract.actors.ActorTable` and are called by it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from kg.extract.affiliation import affiliate, capital, possessor
from kg.extract.descriptions import DESCRIPTION_WINDOW, WINDOW, kind_fits, other_modifier
from kg.extract.names import Description
from kg.extract.namesakes import of_state

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable
    from kg.extract.lexicon import Country

# words for someone who speaks for a body: the body is the speaker
_SPOKES = {"spokesperson", "spokesman", "spokeswoman", "press secretary", "official"}
# "a Tellwin spokesperson": a body's proper name between the article and the title (not the
# named spokesperson of another body in the sentence before, though both are "spokesperson")
_NAMED_BODY = re.compile(r"^(?:an?|the)\s+((?:[A-Z][\w\u2019'&.-]*\s+)+?)"
                         r"(?:spokesperson|spokesman|spokeswoman|press\s+secretary)$", re.I)
# words that only refer back to someone the text would not name ("the person", "the source")
_ANONYMOUS = {"person", "source", "individual"}
_GENERIC_CLASSES = {"company", "group"}  # "the company", "the firm", "the group"


def titled(table: ActorTable, d: Description, sentence: int, start: int) -> ActorRecord | None:
    """The actor a titled description names ("a company spokesperson", "the president")."""
    assert d.title
    if d.title.title in _SPOKES or d.title.affiliation == "org":
        # "a company spokesperson", "a spokesperson for the regulator": the body speaks.
        if d.known_org:
            org = d.known_org
            return table.organisation(org.name, org.kind, state=org.state)
        if d.head:
            known = set(table.records)
            headed_body = headed(table, d, sentence, start)
            if headed_body.id in known or not re.match(r"(?i)an?\s", d.text) or d.state or \
                    d.title.title not in _SPOKES - {"official"}:
                return headed_body  # (an official is one of many; a state's body is that state's)
            unnamed = _unnamed_voice(table, d, headed_body)
            # ("a government spokesperson": a country has one government, which speaks)
            return table.records[unnamed.acts_for] if d.head.cls == "government" and \
                unnamed.acts_for else unnamed
        if d.possessor:
            return possessor(table, d.possessor, "org")
    if (voice := _spoken_for(table, d, sentence, start)) is not None:
        return voice
    if d.definite and d.title.title in _ANONYMOUS and (found := table.recent_actor(
            sentence, start, lambda r: r.kind == "Person" and not r.named)) is not None:
        return found  # "the person said" after "a former employee, who asked not to be named,"
    # "a source familiar with ...", "a witness", "a nurse who works on the ward": each
    # indefinite one is someone new (but "a company spokesperson" is the company, above)
    indefinite = (d.title.affiliation == "none" or d.title.title not in _SPOKES) and \
        re.match(r"(?i)an?\s", d.text)
    named = _NAMED_BODY.match(d.text)
    body = table.owner(named.group(1), sentence, start) if named else None
    for record in table.records.values():
        if record.kind == "Person" and record.title == d.title.title and not indefinite \
                and (d.state is None or record.state == d.state.id) and \
                (body is None or record.acts_for == body.id):
            return record  # (not "A Tellwin spokesperson" after another body's spokesperson)
    if d.state is None and d.definite:
        # ("the spokesperson" after "the minister's official spokesperson": the same title's
        # last word)
        title = d.title.title
        found = table.recent_actor(sentence, start, lambda r: r.title == title or (
            r.title or "").endswith(" " + title), window=DESCRIPTION_WINDOW)
        if found:
            return found
    record = table.new_record(capital(d.text.removeprefix("the ").removeprefix("The ")),
                              "Person", ("description", d.text.lower()), title=d.title.title,
                              state=d.state.id if d.state else None, confidence=0.6)
    record.named = False  # known by what they are ("the crew member"): "they" may be them
    affiliate(table, record, d)
    if body is not None and body.kind != "Person" and not record.acts_for:
        record.acts_for = body.id  # "a Tellwin spokesperson" speaks for Tellwin
    owner = re.search(r"\b(at|of|for|with)\s+(.+)$", d.text)
    if not record.acts_for and owner and (employer := table.owner(owner.group(2), sentence,
                                                                  start)):
        if owner.group(1) == "at" and employer.kind == "Person" and not employer.title:
            employer.kind = "Organization"  # "an engineer at Kelby Cells": a workplace
            table.keys[("org", employer.name.lower())] = employer.id  # "the company" later
        if not _FORMER.match(d.text):  # "a former engineer at X" acts for X no longer
            record.acts_for = employer.id  # "a senior official at the election board"
    return record


_FORMER = re.compile(r"(?i)(?:an?|the)\s+(?:former|ex-)")


def _unnamed_voice(table: ActorTable, d: Description, made: ActorRecord) -> ActorRecord:
    """"An embassy spokesperson said P" when no embassy was named: the body is known only
    by its noun, so the spokesperson is someone unnamed acting for it (``made``, the record
    the description just got, becomes the body, "Embassy"). With the body named before, "a
    company spokesperson" stays the company speaking, as above."""
    assert d.title
    noun = re.sub(rf"(?i)^an?\s+|\s*\b{re.escape(d.title.title)}\b", "", d.text).strip()
    del table.records[made.id]
    table.keys = {k: v for k, v in table.keys.items() if v != made.id}
    body = table.new_record(capital(noun), made.kind, ("description", f"the {noun.lower()}"),
                            cls=made.cls, confidence=0.5)
    body.nouns, body.named = set(made.nouns), False
    person = table.new_record(capital(f"{noun} {d.title.title}"), "Person",
                              ("description", d.text.lower()), title=d.title.title,
                              acts_for=body.id, confidence=0.6)
    person.named = False
    return person


def _spoken_for(table: ActorTable, d: Description, sentence: int,
                start: int) -> ActorRecord | None:
    """"The spokesperson added ..." after "a spokesperson for the agency said ...": the body
    that spokesperson spoke for (it was the speaker then, so it is now), unless a person with
    that title was named since. Without this "the spokesperson" became a new actor."""
    if not d.definite or d.title is None or d.title.title not in _SPOKES - {"official"}:
        return None
    voice = next(((s, p, i) for s, p, i in reversed(table.voices) if p < start), None)
    if voice is None or sentence - voice[0] > DESCRIPTION_WINDOW:
        return None
    title = d.title.title
    titled_since = table.recent_actor(sentence, start, lambda r: r.kind == "Person" and (
        r.title or "").endswith(title), window=sentence - voice[0])
    if titled_since is not None and table.last_seen(titled_since.id, start) > voice[1]:
        return None
    return table.records[voice[2]]


def _only_named(table: ActorTable, noun: str, text: str) -> ActorRecord | None:
    """"the inspectorate" long after "the National Mining Inspectorate": past the
    window, a definite description still names the one named actor whose head noun it
    is, when the text names no other (with several, recency would have to choose). An actor
    known by a definite description of its own ("the city's Department of Transportation")
    counts as named: "a department" would not."""
    named = [r for r in table.records.values() if r.kind != "Person" and (r.named or any(
        a.lower().startswith("the ") for a in r.aliases)) and
             noun in r.nouns and not other_modifier(text, (r.name, *r.aliases), noun)]
    return named[0] if len(named) == 1 else None


# "the governor's office", "the prime minister's office": a body owned by a person's title
_TITLE_OWNS = re.compile(r"(?i)^the\s+((?:[a-z-]+\s+){0,2}[a-z-]+)['\u2019]s\s+")


def _office_of_title(d: Description, table: ActorTable) -> bool:
    """Whether ``d`` names a body by the title of the person it serves ("the governor's
    office"): such a body is never one named otherwise ("the UN humanitarian office" named
    just before is another office); only the same words name it again."""
    owned = _TITLE_OWNS.match(d.text)
    return owned is not None and owned.group(1).lower() in table.lex.titles


_ITS = re.compile(r"(?i)its\s")


def _its_state(table: ActorTable, d: Description, sentence: int, start: int) -> Country | None:
    """The state a body of state's description names: after "of" ("the embassy of Norway in
    Tarrow"), or by "its", the actor named last, within a sentence, when that is a state
    ("Belvany rejected the accusation. Its foreign ministry said ...": Belvany's ministry,
    one source with Belvany)."""
    if (named := of_state(table, d.text, "GovernmentBody")) is not None:
        return table.lex.countries.get(named)
    if not _ITS.match(d.text):
        return None
    last = table.recent_actor(sentence, start, lambda r: r.kind != "NewsOutlet", window=1)
    if last is None or last.kind != "State" or last.state is None:
        return None
    return table.lex.countries.get(last.state)


def headed(table: ActorTable, d: Description, sentence: int, start: int) -> ActorRecord:
    """The actor a description with an organisation's head noun names ("the agency")."""
    assert d.head
    head = d.head
    if d.state is None and head.kind == "GovernmentBody" and \
            (owner := _its_state(table, d, sentence, start)) is not None:
        d = dataclasses.replace(d, state=owner)  # "Belvany rejected it. Its foreign ministry"
    if d.state:
        class_key = ("class", d.state.id, head.cls)
        if class_key in table.keys:
            return table.records[table.keys[class_key]]
        noun, state_id = head.head.split()[-1], d.state.id
        if d.definite and head.head == head.cls and (same := table.recent_actor(
                sentence, start, lambda r: r.kind != "Person" and r.state == state_id and
                noun in r.nouns, window=10**9)):
            return same  # "the Valdorian ministry" after "Valdoria's defence ministry": that one
        record = table.new_record(capital(d.text.removeprefix("the ").removeprefix("The ")),
                                  head.kind, class_key, state=d.state.id, cls=head.cls,
                                  acts_for=table.state(d.state).id)
        record.nouns.add(head.head.split()[-1])
        record.notes.append("Unnamed in the text; named by its description.")
        record.named = False
        return record
    noun = head.head.split()[-1]
    office = _office_of_title(d, table)
    found = None if office else table.recent_actor(
        sentence, start, lambda r: r.kind != "Person" and (
            noun in r.nouns or r.cls == head.cls) and
        not other_modifier(d.text, (r.name, *r.aliases), noun),
        window=DESCRIPTION_WINDOW) or table.recent_actor(
        sentence, start, lambda r: r.kind != "Person" and kind_fits(r.kind, head.kind, noun, r.cls),
        window=DESCRIPTION_WINDOW)
    # "the retailer" again is the one called "the retailer" before: a noun more specific
    # than its class's ("company") keeps its referent, however near another organisation is
    bare = d.text.lower().removeprefix("the ").strip()
    called = table.recent_actor(sentence, start, lambda r: r.kind != "Person" and bare in {
        a.lower().removeprefix("the ") for a in r.aliases}, window=DESCRIPTION_WINDOW) \
        if d.definite and noun != head.cls and not d.state else None
    if called is not None:
        found = called
    elif d.definite and head.kind == "Organization" and head.cls in _GENERIC_CLASSES:
        # "Velm confirmed ... The company denied ...": a generic noun refers back to the
        # nearest named organisation of no other known class ("the group": of any class),
        # when it is nearer
        # (not one the text called by another noun: "Voice of Kessin, a Telegram channel,"
        # is no "group" when an armed group was named before it)
        nearest = table.recent_actor(sentence, start, lambda r: r.kind == "Organization" and
                                     table.keys.get(("org", r.name.lower())) == r.id and
                                     (r.cls in {None, head.cls} or head.head == "group") and
                                     (found is None or not r.nouns or noun in r.nouns),
                                     window=WINDOW)
        if nearest is not None and (found is None or table.last_seen(nearest.id, start) >
                                    table.last_seen(found.id, start)):
            found = nearest
    if found is None and d.definite and d.title is None and not office:
        found = _only_named(table, noun, d.text)
    # "the company", "a company spokesperson" refer back; "a company" is a new one
    if found is not None and (d.definite or d.title is not None):
        return found
    # ("the eight unions that called the strike": named without the relative clause)
    text = re.sub(r"\s+(?:that|who|which)\s.*$", "", d.text)
    if office and (at := re.search(rf"(?i)\b{re.escape(noun)}\b", text)) is not None:
        text = text[:at.end()]  # ("the governor's office on Friday released ...": the office)
    key = ("description", text.lower().replace("\u2019", "'"))  # (either apostrophe)
    if key in table.keys:
        return table.records[table.keys[key]]
    record = table.new_record(capital(text.removeprefix("the ").removeprefix("The ")),
                              head.kind, key, cls=head.cls, confidence=0.5)
    record.nouns.add(noun)
    record.named = False
    return record


__all__ = ["headed", "titled"]
