"""People a speaker phrase names by a description rather than a name.

- "The 41-year-old said P": a person's age used as a noun refers back, as "she" would, to the
  person last mentioned (or last introduced in the writer's voice).
- "A woman who uses a wheelchair says P", in the lede: news writing often opens with an
  unnamed person and names them paragraphs later ("Marta Hale, 34, was on her way home
  ..."). When no person has been mentioned before the description, the first person the text
  introduces by full name with an age or a description set off by commas
  (:mod:`kg.extract.people`) within the next paragraphs is that person, unless the text
  shows that one to be of the other sex ("A woman ..." then "Mr ..."). Later in a story, "a
  man" and a name are usually two people, so only the lede's description is read so.

The actor table's own rules read neither (an age is no head noun; "woman" is no title), so
these are tried only when they found no actor.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("A man who lives by the canal says the lock was left open. "
    ...                 "Tom Hale, 61, has kept a boat there for years.", publisher="The Gazette")
    >>> [(s.actor, s.claim_text) for s in draft.statements if not s.own_voice]
    [('tom-hale', 'The lock was left open.')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.people import introduced_person, introduced_since

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.attribution import Frame
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_AGED = re.compile(r"(?i)^(?:the|this)\s+\d{1,3}-year-old(?:\s+[a-z]+)?$")
_FEMALE = {"woman", "girl", "mother", "grandmother", "daughter", "widow", "sister", "wife"}
_MALE = {"man", "boy", "father", "grandfather", "son", "widower", "brother", "husband"}
_PERSON = _FEMALE | _MALE | {"pensioner", "teenager", "student", "passenger", "parent",
                             "commuter", "resident", "customer", "patient", "worker"}
# "A woman who uses a wheelchair", "A pensioner from Dunley", "An elderly man in ..."
_UNNAMED = re.compile(r"(?i)^an?\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)(?:\s+(?:who|whose|with|from|"
                      r"in|of|at)\b.*)?$")
# how many sentences after the lede the person may be named
_NAMED_WITHIN = 8


def described_person(ctx: Context, sent: Sentence, frame: Frame) -> ActorRecord | None:
    """The person ``frame``'s speaker phrase describes (see the module text), or None."""
    assert frame.speaker is not None  # (the caller, statements._speaker, checked it has one)
    table, phrase, at = ctx.table, (frame.speaker_text or "").strip(), frame.speaker[0]
    if _AGED.match(phrase):
        found = table.recent_actor(sent.index, at, lambda r: r.kind == "Person")
        found = introduced_since(table, found, sent.index, at) or found
        return table._mention(found, at, at + len(phrase), sent.index, None) if found else None
    unnamed = _UNNAMED.match(phrase)
    if unnamed is None or unnamed.group("noun").lower() not in _PERSON or \
            any(r.kind == "Person" for r in table.records.values()):
        return None
    noun = unnamed.group("noun").lower()
    sex = "f" if noun in _FEMALE else "m" if noun in _MALE else None
    later = next(((s, surname) for s, offset, surname in table.introduced
                  if offset > at and s - sent.index <= _NAMED_WITHIN), None)
    if later is None or later[1] not in table.people or \
            (sex and table.genders.get(later[1], sex) != sex):
        return None
    record = introduced_person(table, later[1])
    record.add_form(phrase[:1].upper() + phrase[1:])
    return table._mention(record, at, at + len(phrase), sent.index, None)


__all__ = ["described_person"]
