"""Organisations named as the subject of a sentence that quotes no one: "Kgosi Platinum
(JSE:KGP) has stopped all work at ...", "The Harl Port Authority put the cost at ...".

The actor table learns a name when it speaks. A body named first as the subject of what it
did, and only later referred to by its head noun ("the company said", "the authority
rejected ..."), was then unknown when the head noun came, so "the company" became an actor
of its own. This module registers such subjects before the sentences are read, at the offset
where they stand, as :mod:`kg.extract.shortforms` does for bracketed names, so that the head
noun names them from then on. A subject counts when its name is an organisation's by the
lexicons (a head noun of ``org_heads.tsv``, a body the lexicon knows) or is followed by a
stock ticker in brackets ("(JSE:KGP)", "(NYSE: HRL)"): a listed company. A capitalised subject
the rules would read as a person's name is left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.names import describe, named_like_organisation

if TYPE_CHECKING:
    from kg.extract.actors import ActorTable
    from kg.extract.sentences import Sentence

_NAME = r"[A-Z][\w\u2019'&-]*"
# a name opening the sentence, perhaps a bracket after it, then a lower-case word (its verb)
_SUBJECT = re.compile(rf"^(?P<name>(?:The\s+)?{_NAME}(?:\s+(?:{_NAME}|of|for|and|the)){{0,6}}"
                      r"(?<!\sof)(?<!\sfor)(?<!\sand)(?<!\sthe))"
                      r"(?:\s+\((?P<bracket>[^()]{1,20})\))?\s+(?=[a-z])")
# "Clean Shores, a campaign group,": a name, then an indefinite description set off by commas
_DESCRIBED = re.compile(rf"(?:^|(?<=[\s(]))(?P<name>(?:[Tt]he\s+)?{_NAME}(?:\s+(?:{_NAME}|of|for|"
                        rf"and|the)){{0,6}}(?<!\sof)(?<!\sfor)(?<!\sand)(?<!\sthe)),\s+"
                        r"(?P<desc>an?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4}),")
_TICKER = re.compile(r"[A-Z]{2,8}:\s?[A-Z][A-Z.]{0,7}")


def register_subject_bodies(table: ActorTable, sentences: list[Sentence],
                            skip: set[int]) -> None:
    """Resolve each organisation named as a sentence's subject (outside ``skip``: the
    headline and byline), so that its head noun refers to it later; the actor is not marked
    used (it appears in the draft only if it speaks or acts)."""
    for sent in sentences:
        match = _SUBJECT.match(sent.text)
        if sent.index in skip or match is None:
            continue
        name = match.group("name")
        listed = bool(match.group("bracket") and _TICKER.fullmatch(match.group("bracket")))
        d = describe(name, table.lex, initial=True)
        if not d.name or d.pronoun or d.is_state or _noun_as_title(d.name, sent.text[
                match.end():], table):
            continue
        if listed:
            table.organisation(d.name, "Organization", cls="company")
        elif d.kind == "Person" or not (d.head or d.known_org or
                                        named_like_organisation(d.name)):
            continue
        table.resolve(name, sent.start, sentence=sent.index, initial=True)
    for sent in sentences:
        if sent.index not in skip:
            _described_bodies(table, sent)
    table.recent.sort(key=lambda entry: entry[1])  # (in the order of the text)


def _noun_as_title(name: str, after: str, table: ActorTable) -> bool:
    """"Agency spokesperson Ana Holt said", "Ministry official X": a body's head noun alone
    opening the sentence before a title is part of the person's title, capitalised as the
    sentence's first word; it names no body called "Agency" (which the later "the agency"
    would then name instead of the agency the text named in full)."""
    head = table.lex.org_heads.get(name.lower())
    words = after.lower().split()
    return head is not None and " " not in name and any(
        " ".join(words[:n]) in table.lex.titles for n in (1, 2, 3))


def _described_bodies(table: ActorTable, sent: Sentence) -> None:
    """"Clean Shores, a campaign group, commissioned the tests": a name set off by an
    apposition whose head noun is an organisation's (not a person's role: "Ana Holt, a
    spokeswoman for X,") is that organisation, wherever it stands in the sentence, so that
    "the group" in a later sentence names it."""
    masked = sent.masked()
    for match in _DESCRIBED.finditer(masked):
        inner = describe(match.group("desc"), table.lex)
        if inner.head is None or inner.title is not None or inner.plural or \
                inner.head.kind == "Person":
            continue
        name = match.group("name")
        d = describe(name, table.lex, initial=match.start("name") == 0)
        if not d.name or d.pronoun or d.is_state or d.outlet or d.title:
            continue
        table.resolve(name, sent.start + match.start("name"), sentence=sent.index,
                      appositive=match.group("desc"), initial=match.start("name") == 0)


__all__ = ["register_subject_bodies"]
