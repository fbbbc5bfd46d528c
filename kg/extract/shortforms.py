"""Short forms given in brackets after a full name, wherever the name stands.

"Four were killed, according to a report by the Harl Mining Inspectorate (HMI)" names the
inspectorate outside any speaker phrase; later the text says "HMI said" and "the
inspectorate said". The actor table only learns the letters in brackets when the bracketed
name is itself the speaker (``ActorTable.resolve``), so without this rule "HMI" and "the
inspectorate" became two actors, neither the named body. This module registers every such
name before the sentences are read, at the offset where it stands, so that the letters and
the head noun ("the inspectorate", "the ministry", "the board") name it from then on.

A bracketed pair counts only when the letters are the initials of the capitalised words of
the name just before them ("Ministry of External Affairs (MEA)", "Harl Mining Inspectorate
(HMI)"), or a blend of the first letters of each ("Kelda Shipping (KelShip)"), or an acronym
written as a word that holds the initials in order ("National Union of Dock Workers (Nudow)"),
possibly with a trailing "of Place" left out of the letters ("Civil Aviation Authority of
Norland (CAA)"); a possessor before the name is not part of it. Anything else in brackets
("190m (620ft)", "(AP)") is left alone.

Example:
    >>> [(m.short, m.name) for m in short_forms("a report by Dalmar's Air Safety Board (ASB)")]
    [('ASB', 'Air Safety Board')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.names import describe, outlet_name
from kg.extract.outlet_sources import with_described_outlets

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable
    from kg.extract.lexicon import Lexicon
    from kg.extract.sentences import Sentence

_WORD = r"[A-Z][\w\u2019'-]*"
_LINK = r"(?:of|for|and|on|the)"
_PAIR = re.compile(rf"({_WORD}(?:\s+(?:{_WORD}|{_LINK}))*)\s+\(([A-Z][A-Z&]{{1,7}}|"
                   r"(?:[A-Z][a-z]+){2,4}|[A-Z][a-z]{2,7})\)")


@dataclass(frozen=True)
class ShortForm:
    """A full name and the letters given for it, with the offset where the name starts."""

    name: str
    short: str
    start: int


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _blend(words: list[str], short: str) -> bool:
    """Whether ``short`` is made of the first letters of each capitalised word of ``words``
    in turn ("Kelda Shipping (KelShip)", "Nordic Power Grid (NorPowGrid)")."""
    parts = re.findall(r"[A-Z][a-z]+", short)
    capitals = [w for w in words if w[:1].isupper()]
    return len(parts) >= 2 and len(parts) == len(capitals) and all(
        w.lower().startswith(p.lower()) for p, w in zip(parts, capitals, strict=True))


def _acronym_word(words: list[str], short: str) -> bool:
    """Whether ``short`` is an acronym written as a word whose letters hold the initials of
    the capitalised words of ``words`` in order, the first first ("National Union of Platinum
    Workers (Nupaw)", "Harbour Area Nature Trust (Hanat)"): at least three initials."""
    initials = _initials(words)
    if len(initials) < 3 or short[0] != initials[0] or short[1:] != short[1:].lower():
        return False
    rest = iter(short.upper())
    return all(letter in rest for letter in initials)


def _name_for(words: list[str], short: str) -> list[str] | None:
    """The shortest tail of ``words`` (a capitalised word first) whose initials are
    ``short``, with or without a closing "of Place"."""
    letters = short.replace("&", "")
    for first in range(len(words) - 1, -1, -1):
        tail = words[first:]
        if not tail[0][:1].isupper() or tail[0].endswith(("\u2019s", "'s")):
            continue
        if _initials(tail) == letters or _blend(tail, short) or _acronym_word(tail, short):
            return tail
        if "of" in tail:
            cut = len(tail) - 1 - tail[::-1].index("of")
            if cut > 0 and _initials(tail[:cut]) == letters:
                return tail
    return None


def short_forms(text: str) -> list[ShortForm]:
    """Every "Full Name (LETTERS)" in ``text`` whose letters are the name's initials."""
    found = []
    for match in _PAIR.finditer(text):
        words = match.group(1).split()
        if (tail := _name_for(words, match.group(2))) is None:
            continue
        name = " ".join(tail)
        start = match.start(1) + match.group(1).rindex(name)
        found.append(ShortForm(name, match.group(2), start))
    return found


def register_short_forms(table: ActorTable, text: str, sentences: list[Sentence],
                         skip: set[int]) -> None:
    """Resolve each bracketed name in ``text`` (outside the sentences in ``skip``: the
    headline and byline) as if it were named there, so that its letters and its head noun
    refer to it later; the actor is not marked used (it appears in the draft only if it
    speaks or acts)."""
    starts = [s.start for s in sentences]
    for form in short_forms(text):
        index = bisect.bisect_right(starts, form.start) - 1
        if index < 0 or index in skip or sentences[index].in_quote(form.start):
            continue
        if describe(form.name, table.lex).kind == "Person":
            # a name the rules would take for a person's ("Kesaria Frontier Rifles"): with
            # letters for short it is a body (people are not known by their initials here)
            table.organisation(form.name, "Organization")
        word = re.fullmatch(r"[A-Z][a-z]+", form.short) is not None
        # (an acronym written as a word, "(Nupaw)", is not read as letters by the table: the
        # name alone is resolved, and the word made its short form here)
        record = table.resolve(form.name if word else f"{form.name} ({form.short})",
                               form.start, sentence=index)
        if record is not None and word and ("org", form.short.lower()) not in table.keys:
            record.add_form(form.short)
            table.keys[("org", form.short.lower())] = record.id
        if record is not None and (owner := _OWNER.search(text, 0, form.start)) is not None:
            _of_state(table, record, owner.group(1))  # "Kesaria's Ministry of ... (MEA)"



# a possessive just before a bracketed name: "Kesaria's" of "Kesaria's Ministry of ... (MEA)"
_OWNER = re.compile(r"\b([A-Z][a-z]+)['\u2019]s\s+$")


def _of_state(table: ActorTable, record: ActorRecord, owner: str) -> None:
    """A body of state a state's possessive names ("Kesaria's Ministry of External Affairs
    (MEA)") acts for that state, as it does when named without its letters: the possessor
    is no part of the name the letters stand for, so it was lost."""
    from kg.extract.namesakes import possessor_state
    if record.kind == "GovernmentBody" and not record.acts_for and \
            (state := possessor_state(table, owner, record.kind)) is not None:
        record.state, record.acts_for = state, table.state(
            table.lex.countries.get(state) or state).id


def with_outlet_short_forms(text: str, lex: Lexicon) -> Lexicon:
    """``lex`` with the short forms ``text`` gives news outlets as names of those outlets
    ("the state-run Karsovian News Agency (KNA)", then "KNA reported", "KNA quoted X as
    saying"): every rule that asks whether a name is an outlet knows the letters too (the
    same object when the text gives none).

    >>> from kg.extract.lexicon import load_lexicon
    >>> lex = with_outlet_short_forms("the Norland News Agency (NNA) said", load_lexicon())
    >>> lex.outlet_names["NNA"]
    'Norland News Agency'
    """
    added = {}
    for form in short_forms(text):
        outlet = outlet_name(form.name.removeprefix("the "), lex)
        if outlet and form.short not in lex.outlet_names:
            added[form.short] = outlet
    # a fresh index: the shipped lexicon is cached and shared
    lex = dataclasses.replace(lex, outlet_names=lex.outlet_names | added) if added else lex
    # (and the names it introduces as outlets: "Kessel Today, a television channel,")
    return with_described_outlets(text, lex)


__all__ = ["ShortForm", "register_short_forms", "short_forms", "with_outlet_short_forms"]
