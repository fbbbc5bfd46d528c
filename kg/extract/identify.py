"""Delayed identification: a lede names its source by a description ("..., according to a
report by a labour rights group"), and the next sentence names it ("Harbour Watch, an
Oslo-based non-profit, said ..."). News style does this on purpose, so the two are one actor
when the description is indefinite, unnamed, and of the class of the named organisation's
head noun (given by its name or its apposition), and the name speaks in the very next
sentence; so are an indefinite person ("according to an independent researcher") and the
person first named, as the first speaker, in the very next sentence, when the description
speaks in the first sentence that has a statement (the lede).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The mill dumped waste, according to a report by a conservation "
    ...                 "group. Harbour Watch, an Oslo-based non-profit, said the river had "
    ...                 "died.", publisher="The Test Gazette")
    >>> sorted({s.actor for s in draft.statements})
    ['harbour-watch']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.newsletter import item_ledes
from kg.extract.sentences import split_sentences

if TYPE_CHECKING:
    from kg.extract.statements import Context


def identify_later(ctx: Context) -> None:
    """Give the statements and evidence of each such description to the name after it."""
    records = ctx.table.records
    ledes = item_ledes(split_sentences(ctx.text))
    by_sentence: dict[int, list[str]] = {}
    for statement in ctx.statements:
        by_sentence.setdefault(statement.sentence_index, []).append(statement.actor)
    for index, actors in sorted(by_sentence.items()):
        described = records[actors[0]]
        if described.named or not described.name.lower().startswith(("a ", "an ")):
            continue
        following = by_sentence.get(index + 1)
        named = records[following[0]] if following else None
        if named is None or not named.named or named.id == described.id:
            continue
        if named.kind == "Person" and (described.kind == "Person" or described.name.split()[
                -1].lower() in ctx.lex.titles):
            # "..., according to an independent security researcher. Ana Lutz, who ..., says
            # P": a person (a title ends the description, whatever kind its other words gave
            # it) whom the text names, first, in the very next sentence
            # in the lede only: later, "a witness" then a name are usually two people
            # (a briefing's numbered item is a story of its own, with a lede of its own)
            if index not in (min(by_sentence), *ledes) or any(
                    named.id in earlier for i, earlier in by_sentence.items() if i <= index):
                continue
        elif described.kind != "Organization" or described.cls is None or \
                named.kind != "Organization" or named.cls != described.cls:
            continue
        ctx.reassign(described.id, named.id)
        named.add_form(described.name[:1].lower() + described.name[1:])
        described.used = False


__all__ = ["identify_later"]
