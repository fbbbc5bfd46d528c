"""States the lexicon lacks, read from the forms a text uses for a country.

A text shows a country where ``countries.tsv`` has none when it writes a demonym before a
body of state ("the Borovian government", "Borovian defence ministry spokesman X") and
names the country too ("Borovia"), or a possessive before such a body ("Arland's foreign
ministry"). Each such country joins the lexicon for this text only, with its demonym, so
that every rule that reads a state (kind State, "acts for" through a title) reads it.
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.lexicon import Country, Lexicon
from kg.extract.names import slug

__all__ = ["with_unlisted_states"]

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
