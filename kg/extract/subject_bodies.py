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

from kg.extract.names import describe

if TYPE_CHECKING:
    from kg.extract.actors import ActorTable
    from kg.extract.sentences import Sentence

_NAME = r"[A-Z][\w\u2019'&-]*"
# a name opening the sentence, perhaps a bracket after it, then a lower-case word (its verb)
_SUBJECT = re.compile(rf"^(?P<name>(?:The\s+)?{_NAME}(?:\s+(?:{_NAME}|of|for|and|the)){{0,6}}"
                      r"(?<!\sof)(?<!\sfor)(?<!\sand)(?<!\sthe))"
                      r"(?:\s+\((?P<bracket>[^()]{1,20})\))?\s+(?=[a-z])")
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
        if not d.name or d.pronoun or d.is_state:
            continue
        if listed:
            table.organisation(d.name, "Organization", cls="company")
        elif d.kind == "Person" or not (d.head or d.known_org):
            continue
        table.resolve(name, sent.start, sentence=sent.index, initial=True)
    table.recent.sort(key=lambda entry: entry[1])  # (in the order of the text)


__all__ = ["register_subject_bodies"]
