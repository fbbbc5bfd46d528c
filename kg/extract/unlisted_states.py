"""States the lexicon lacks, read from the forms a text uses for a country.

A text shows a country where ``countries.tsv`` has none when it writes a demonym before a
body of state ("the Borovian government", "Borovian defence ministry spokesman X") and
names the country too ("Borovia"), or a possessive before such a body ("Arland's foreign
ministry"). Each such country joins the lexicon for this text only, with its demonym, so
that every rule that reads a state (kind State, "acts for" through a title) reads it.

A text with no dateline state still says whose story it is when its first sentence has a
state as its subject ("Velmara on Tuesday accused ..."): that state is the home one, whose
ministers and spokespeople the text names without their state (:func:`lede_state`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from kg.extract.lexicon import Country, Lexicon
from kg.extract.names import slug

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence

__all__ = ["lede_state", "with_unlisted_states"]

# bodies only a state has; not "president" after a possessive ("Acme's president"); a
# ministry also by its name ("the Borovian Interior Ministry")
_STATE_BODY = (r"(?:[A-Z][a-z]+ Ministry|Ministry of [A-Z][a-z]+|government|cabinet|parliament|"
               r"foreign ministry|defen[cs]e ministry|interior ministry|\w+ ministry|"
               r"ministry of \w+|armed forces|army|air force|navy|military|embassy|authorities)")
# (a title capitalised before a name is one too: "Velmaran Foreign Minister X")
_DEMONYM = re.compile(r"\b([A-Z][a-z]+(?:ian|ean|an|ese|ish|i))\s+(?:" + _STATE_BODY +
                      r"|(?i:president|prime minister|foreign minister|defen[cs]e minister|"
                      r"\w+ minister|ambassador))\b")
# regions and words that make demonyms but are no state
_NOT_STATES = frozenset({"Europe", "Africa", "Asia", "America", "Republic", "Arctic", "Christ"})
# an envoy is sent to a state, never to a city or a firm ("ambassador in London" is not one)
_ENVOY_TO = re.compile(r"\b(?:ambassador|envoy|high commissioner) to ([A-Z][a-z]+)\b")
_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)[\u2019']s\s+" + _STATE_BODY + r"\b")


def _country_of(demonym: str, text: str) -> str | None:
    """The country's name that ``demonym`` comes from, if the text names it: "Borovian"
    -> "Borovia", "Veskan" -> "Veska", "Taronese" -> "Taron"."""
    stems = [demonym[:-1], demonym[:-2], demonym[:-3], demonym[:-3] + "a", demonym[:-2] + "a"]
    for stem in stems:
        if len(stem) >= 3 and stem not in _NOT_STATES and \
                re.search(rf"\b{re.escape(stem)}\b", text):
            return stem
    return None


def with_unlisted_states(text: str, lex: Lexicon) -> Lexicon:
    """``lex`` with the states that ``text`` shows and the lexicon lacks (the same object
    when there are none)."""
    found: dict[str, set[str]] = {}  # name -> demonyms
    for match in _DEMONYM.finditer(text):
        demonym = match.group(1)
        name = _country_of(demonym, text)
        if name and demonym not in lex.country_by_form and name not in lex.country_by_form:
            found.setdefault(name, set()).add(demonym)
    for match in _ENVOY_TO.finditer(text):  # "Kaldoria's ambassador to Estmark"
        if match.group(1) not in lex.country_by_form and match.group(1) not in _NOT_STATES:
            found.setdefault(match.group(1), set())
    for match in _POSSESSIVE.finditer(text):
        name = match.group(1)
        if name not in lex.country_by_form and name not in lex.org_by_form and \
                name not in _NOT_STATES:
            found.setdefault(name, set())
    if not found:
        return lex
    added = {slug(name): Country(slug(name), name, tuple(sorted(demonyms)), ())
             for name, demonyms in found.items() if slug(name) not in lex.countries}
    # fresh indexes: the shipped lexicon is cached and shared, so its own stay as they are
    return dataclasses.replace(lex, countries=lex.countries | added, country_by_form={},
                               org_by_form={})


# a dateline before the lede ("BRANNOCK, 3 June (Wire) - "): up to a dash
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^-\u2013\u2014]{0,60}?\s[-\u2013\u2014]\s+")
# the lede's subject and a verb or a when after it: "Velmara on Tuesday accused",
# "Velmara has demanded", "Velmara said"
_LEDE_SUBJECT = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:on|has|have|had|said|says|"
                           r"[a-z]+ed|[a-z]+s)\b")


def lede_state(text: str, sentences: list[Sentence], skip: set[int], lex: Lexicon) -> str | None:
    """The state the article's first sentence has as its subject ("Velmara on Tuesday
    accused ...", after any dateline; a headline the header does not skip counts as the
    first), as the table's home state: its id, when the lexicon or the text (above) knows it
    as a state; None when the first sentence starts otherwise. A story whose
    lede is a state's act is that state's story, and its unqualified "Interior Minister X"
    and "Government spokesperson Y" are that state's."""
    first = next((s for s in sentences if s.index not in skip and len(s.text.split()) > 6),
                 None)
    if first is None:
        return None
    body = _DATELINE.sub("", first.text.strip(), count=1)
    subject = _LEDE_SUBJECT.match(body)
    if subject is None:
        return None
    name = subject.group(1)
    country = lex.country_by_form.get(name)  # (a firm or a city is none: "Acme said")
    return country.id if country is not None and country.name == name else None
