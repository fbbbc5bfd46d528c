"""Datelines, and a wire story republished inside a paper's own page.

A dateline in the header ("LUSK, Norway (Wire) - ") names where the story was filed and, in
brackets, the agency that filed it. A paper that republishes part of an agency's story under
its own staff-written top prints the agency's dateline inside the body ("OSLO, Norway (AP) -"):
from that paragraph on the text is the agency's, so what it says in no one's voice is the
agency's own statement (the paper relays it) and every speaker it reports is relayed by the
agency, then the paper. The editor's line just above the dateline that ends with a colon
("Here is the agency's report, in part:") introduces the republished text and says nothing.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Snow closes ring road\\n\\n"
    ...                 "The city council said the ring road would stay shut on Monday.\\n\\n"
    ...                 "Bus routes were changed.\\n\\n"
    ...                 "Here is the agency's report, in part:\\n\\n"
    ...                 "KIRUNA, Sweden (Reuters) - The mine stopped its lifts for six hours.",
    ...                 publisher="The Test Gazette")
    >>> [(s.actor, [r.outlet for r in s.relay]) for s in draft.statements]
    [('city-council', ['test-gazette']), ('test-gazette', []), ('reuters', ['test-gazette'])]

A dateline in the first paragraphs is the header's (:mod:`kg.extract.pipeline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.names import describe
from kg.extract.sentences import Sentence

_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December")
# "LUSK, Norway, 3 June 2026 (Wire) - ", "LUSK, 3 June (Wire) - " (no year), "LUSK (Wire) - ",
# "LUSK, Norway - ": the city in capitals, then any of country, date and outlet
DATELINE = re.compile(rf"^(?P<city>[A-Z][A-Z .'\u2019-]+?)"
                      rf"(?:,\s+(?P<country>(?!(?:{_MONTHS})\b)[A-Z][A-Za-z .'\u2019-]+?))?"
                      rf"(?:,?\s+(?P<date>[\w ,]+?(?:\d{{4}}|\d{{1,2}}|{_MONTHS})))?\s*"
                      r"(?:\((?P<outlet>[^)]+)\))?\s*"
                      r"(?:--|[-\u2014\u2013])\s+")  # "SEOUL -- ": a doubled hyphen too


@dataclass
class WireSection:
    """Where the republished wire text starts: the sentence the dateline ends in, how many of
    its characters the dateline takes, the sentences wholly inside the dateline ("OSLO,
    Norway." parted from "(AP) - ..." at the abbreviation's full stop), the editor's line
    introducing the text, if any, and the agency's name."""

    first: int  # sentence index
    cut: int
    skip: set[int]
    outlet: str


def wire_section(text: str, sentences: list[Sentence], header: set[int],
                 lex: Lexicon) -> WireSection | None:
    """The first dateline with a known outlet in brackets that opens a paragraph after the
    header (``header``: its sentences; a dateline there names the publisher)."""
    body = [s for s in sentences if s.index not in header]
    for number, sent in enumerate(body[1:], start=1):  # the body's first line is no wire text
        if body[number - 1].paragraph == sent.paragraph:
            continue  # not at the start of a paragraph
        paragraph = [s for s in body[number:] if s.paragraph == sent.paragraph]
        match = DATELINE.match(text[sent.start:paragraph[-1].end])
        if match is None or not match.group("outlet") or \
                (outlet := describe(match.group("outlet"), lex).outlet) is None:
            continue
        end = sent.start + match.end()
        inside = {s.index for s in paragraph if s.end <= end}
        first = next((s for s in paragraph if s.end > end), None)
        if first is None:
            continue
        skip = inside
        before = body[number - 1]
        if before.text.rstrip().endswith(":"):  # "Here is the agency's report, in part:"
            skip = skip | {before.index}
        return WireSection(first.index, max(0, end - first.start), skip, outlet)
    return None


def in_wire_voice(statements: list[StatementRecord], wire: str, publisher: str) -> None:
    """Statements read from the republished text: the publisher's own voice there is the
    agency's, relayed by the publisher; a speaker the agency reports is relayed by the agency
    before the publisher (unless the agency is named already, as in "told the AP")."""
    for statement in statements:
        if statement.actor == publisher and statement.own_voice:
            statement.actor = wire
            statement.relay = [RelayStep(publisher, "published")]
            statement.cues.append("republished wire text: the agency's own voice")
            continue
        if statement.actor == wire or any(step.outlet == wire for step in statement.relay):
            continue
        at = next((i for i, step in enumerate(statement.relay) if step.outlet == publisher),
                  len(statement.relay))
        statement.relay.insert(at, RelayStep(wire, "reported"))
        statement.cues.append("republished wire text: relayed by the agency")


__all__ = ["DATELINE", "WireSection", "in_wire_voice", "wire_section"]
