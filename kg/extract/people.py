"""People the text introduces by full name with a description ("Maren Holt, a former data
manager at the firm,"), so that the surname alone later ("Holt told the Courier") names that
person even when the introduction was in the publisher's own voice and never spoke.

Without this, a bare surname whose first mention with a given name was no speaker is read as
an organisation's one-word name, and "he" or "she" after it finds no one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.lexicon import Lexicon
from kg.extract.names import describe

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable

# "Maren Holt, a former data manager at ...", "Ivo Lind, the harbour's pilot,": a given name
# and a surname, then a description set off by a comma
# (or a title of `titles.tsv` with no article: "Dr Ana Holt, head of cardiology at ...")
_INTRODUCED = re.compile(r"\b([A-Z][a-z\u2019'-]+)\s+([A-Z][a-z\u2019'-]+),\s+"
                         r"((?P<article>(?:a|an|the)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})")
# "Marta Quell, 34, was on her way home": a given name and a surname, then an age set off by
# commas; only a person's name takes an age so
_AGED = re.compile(r"\b([A-Z][a-z\u2019'-]+)\s+([A-Z][a-z\u2019'-]+),\s+\d{1,3},")
# where the description's own noun phrase ends: "a biostatistician | at the University of X"
_PHRASE_END = re.compile(r"\s+(?:at|of|in|for|from|with|who|which|and)\b.*$")
# "A second ministry spokeswoman, Lina Morrat, gave ...", "the camp's doctor, Ivo Lind,": a
# description ending in a title of `titles.tsv` (checked below), then the given name and surname
# set off by commas; a rank or honorific may stand before the given name ("A second staff
# spokeswoman, Major Ilka Branz, gave ...")
_TITLED_FIRST = re.compile(r"\b(?:[Aa]n?|[Tt]he|[A-Z][\w-]*\u2019s)\s+((?:[\w-]+\s+){0,4}?"
                           r"[a-z][\w-]*),\s+(?:(?:Dr|Major|Colonel|Col|Maj|Gen|General|Captain|"
                           r"Capt|Lieutenant|Lt|Sergeant|Sgt|Commander|Cdr|Professor|Prof|Mr|Mrs|"
                           r"Ms|Sir|Dame)\.?\s+)?([A-Z][a-z\u2019'-]+)\s+([A-Z][a-z\u2019'-]+),")
# a romanised Korean given name, hyphenated and after the family name ("Lim Seon-hee"): the
# text later calls the person by the first word ("Lim said"), not the last
# a word of a name after the first, a capital after a hyphen too ("Vasquez-Holm", "Okafor")
NAME_PART = r"[A-Z](?:[a-z\u2019'.]|-[A-Z]?)+"
_GIVEN_LAST = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname(name: str) -> str:
    """The word of a person's full name that the text uses alone later: the last ("Maren
    Holt": "Holt"), or the first before a hyphenated given name ("Choi Eun-ji": "Choi")."""
    words = name.split()
    return words[0] if len(words) == 2 and _GIVEN_LAST.fullmatch(words[1]) else words[-1]


def introductions(text: str, lex: Lexicon) -> list[tuple[int, str, str]]:
    """(offset, surname in lower case, full name) of every person introduced as above whose
    description is not an organisation's ("Open Rivers, a conservation charity": a head noun
    of `org_heads.tsv` of another kind makes it no person), in the order of the text."""
    found = []
    for match in _INTRODUCED.finditer(text):
        if match.group(2).lower() in WEEKDAYS or match.group(2).lower() in MONTHS:
            continue  # "On Friday, the minister struck a cautious note": a time, no person
        phrase = _PHRASE_END.sub("", match.group(3))
        if not match.group("article") and phrase.lower() not in lex.titles:
            continue  # "Ana Holt, said ...": no description without an article or a title
        head = describe(phrase, lex).head
        if head is not None and head.kind != "Person" and not _ends_in_title(phrase, lex):
            continue  # (but "a ministry spokeswoman" is a person, whatever "ministry" is)
        full = f"{match.group(1)} {match.group(2)}"
        found.append((match.start(1), surname(full).lower(), full))
    for match in _AGED.finditer(text):
        if match.group(2).lower() not in WEEKDAYS and match.group(2).lower() not in MONTHS and \
                all(f[0] != match.start(1) for f in found):
            full = f"{match.group(1)} {match.group(2)}"
            found.append((match.start(1), surname(full).lower(), full))
    for match in _TITLED_FIRST.finditer(text):
        if _ends_in_title(match.group(1), lex) and \
                match.group(3).lower() not in (*WEEKDAYS, *MONTHS) and \
                all(f[0] != match.start(2) for f in found):
            full = f"{match.group(2)} {match.group(3)}"
            found.append((match.start(2), surname(full).lower(), full))
    return sorted(found)


def _ends_in_title(phrase: str, lex: Lexicon) -> bool:
    """Whether a description ends in a title or role of `titles.tsv` ("a ministry
    spokeswoman", "the camp's doctor"): a person's description, whatever the words before."""
    words = phrase.lower().split()
    return any(" ".join(words[i:]) in lex.titles for i in range(max(0, len(words) - 3),
                                                               len(words)))


def introduced_people(text: str, lex: Lexicon) -> dict[str, str]:
    """Surname (lower case) -> full name, for every person introduced as above (the first
    introduction of a surname wins)."""
    people: dict[str, str] = {}
    for _, surname, full in introductions(text, lex):
        people.setdefault(surname, full)
    return people


def introduced_person(table: ActorTable, surname: str) -> ActorRecord:
    """The person ``surname`` names in ``table`` (one of ``table.people``): "Holt told the
    Courier" after "Maren Holt, a former manager," in the writer's voice is Maren Holt, created
    by full name at the first mention that speaks."""
    full = table.people[surname.lower()]
    key = ("person", full.lower())
    record = table.records[table.keys[key]] if key in table.keys else \
        table.new_record(full, "Person", key)
    table.keys[("surname", surname.lower())] = record.id
    record.add_form(surname)
    return record


def introduced_since(table: ActorTable, found: ActorRecord | None, sentence: int,
                     start: int) -> ActorRecord | None:
    """"Ana Holt, a hydrologist, examined the records. She found that P": a person
    introduced in the writer's voice in this sentence or one of the two before (a reporter's
    "I spoke to Ana Holt, a hydrologist. She was angry. 'P,' she said"), after the last
    mention of the person a pronoun would otherwise name, is the pronoun's antecedent,
    though no statement has named her yet."""
    since = table.last_seen(found.id, start) if found is not None else -1
    for s, offset, surname in reversed(table.introduced):
        if offset < start and offset > since and sentence - s <= 2 and \
                surname in table.people:
            return introduced_person(table, surname)
    return None


__all__ = ["NAME_PART", "introduced_people", "introduced_person", "introduced_since",
           "introductions"]
