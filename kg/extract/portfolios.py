"""A minister's title in the order many countries print it: "Minister of the Interior X",
"Minister for Health X", "Secretary of State for Transport X", the same office as the
"interior minister", "health minister" and "transport secretary" of ``titles.tsv``.

Listing both orders by hand would double every portfolio entry and let the two drift apart;
deriving the long forms from the short ones keeps one entry per office, so a user who adds
"fisheries minister" gets "Minister of Fisheries" too. Without them the parser takes the bare
"Minister" as the title and "of the Interior X" spills into the name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

_LONG_FORMS = {
    "minister": ("minister of {p}", "minister of the {p}", "minister for {p}",
                 "minister for the {p}"),
    "secretary": ("secretary of state for {p}", "secretary of state for the {p}",
                  "secretary for {p}", "secretary of {p}"),
}


def portfolio_forms(titles: Mapping[str, T]) -> dict[str, T]:
    """The long forms of every "PORTFOLIO minister" and "PORTFOLIO secretary" title, each with
    the short form's entry; a long form the lexicon lists itself keeps its own entry."""
    found: dict[str, T] = {}
    for key, entry in titles.items():
        words = key.split()
        if len(words) < 2 or words[-1] not in _LONG_FORMS or words[-2] in {"prime", "deputy"}:
            continue
        portfolio = " ".join(words[:-1])
        for form in _LONG_FORMS[words[-1]]:
            long = form.format(p=portfolio)
            if long not in titles:
                found.setdefault(long, entry)
    return found
