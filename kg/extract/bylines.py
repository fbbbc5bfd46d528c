"""A byline that names the outlet, not a writer: "By: RDL International", as broadcasters'
and agencies' sites print it when a story has no single author.

The outlet lexicon knows the big names and the head words of many ("... Times", "Radio ...");
a house name like "RDL International" has neither. What sets it apart from a writer's name
is an acronym: a person's name in a byline is never a run of capitals among normal words
("By Ana Reyes"), while an outlet's often is ("KTV News", "RDL International"). A byline
set wholly in capitals ("By ANA REYES") is a house style for names, so it is left alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extract.lexicon import Lexicon
from kg.extract.names import is_outlet
from kg.extract.sentences import Sentence

# "By Ana Reyes", "By: RDL International": the byline's lead, with or without a colon
BY = re.compile(r"^By:?\s+")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
# "\u00a9 2026 Baltic Courier", "Copyright 2026 The Northern Almanac. All rights reserved.",
# "(c) 2025-2026 KTV News": the page's closing copyright line, furniture naming the publisher
COPYRIGHT = re.compile(r"^(?:\u00a9|\([cC]\)|Copyright(?:\s+\u00a9)?)\s*"
                       r"(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)\s+"
                       r"(?P<name>[A-Z][\w\u2019'&.-]*(?:\s+[A-Z][\w\u2019'&.-]*){0,5}?)"
                       r"\.?(?:\s+All\s+rights\s+reserved\.?)?$")


def byline_outlet(line: str, lex: Lexicon) -> str | None:
    """The outlet a byline line names as its whole author, or None (a writer's name, or a
    line with anything beside the name: those are read by the header's other rules)."""
    lead = BY.match(line)
    if lead is None:
        return None
    name = line[lead.end():].strip()
    if (known := is_outlet(name, lex)) is not None:
        return known
    words = name.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or \
            any(c.isdigit() or c in ",|" for c in name):
        return None
    capitals = [w for w in words if _ACRONYM.fullmatch(w)]
    return name if capitals and len(capitals) < len(words) else None


def _labelled_summary(sentences: list[Sentence], last: int,
                      is_header_line: Callable[[str], bool]) -> int | None:
    """The paragraph of a summary under a one-word label that ends the header's paragraphs
    ("Synopsis", then a paragraph of one or two sentences, then the byline or time stamp):
    the summary is a standfirst, so the header lines below it are read too. None when the
    header's last paragraph is no such label or no header line follows the summary."""
    label = [s for s in sentences if s.paragraph == last]
    if len(label) != 1 or not re.fullmatch(r"[A-Z][a-z]+", label[0].text.strip()):
        return None
    summary = [s for s in sentences if s.paragraph == last + 1]
    after = next((s for s in sentences if s.paragraph == last + 2), None)
    if not 1 <= len(summary) <= 2 or after is None or not is_header_line(after.text):
        return None
    return last + 1


def header_paragraphs(sentences: list[Sentence], body_at: int,
                      is_header_line: Callable[[str], bool], deepest: int = 6) -> list[Sentence]:
    """The sentences the header reads: the first three paragraphs (up to five when the text
    starts late), then the byline and time-stamp lines right after them. A site that prints
    headline, standfirst, "Issued on: ..." and "By: ..." as four paragraphs puts its byline
    below the paragraphs read by default. Only whole lines ``is_header_line`` takes, in an
    unbroken run, are added, so the text's first sentence stops it."""
    last = max(3, min(body_at - 1, 5))
    found = [s for s in sentences if s.paragraph <= last]
    labelled = _labelled_summary(sentences, last, is_header_line)
    for sent in sentences:
        if sent.paragraph <= last:
            continue
        if sent.paragraph == labelled:
            found.append(sent)
            continue
        if sent.paragraph > deepest or not is_header_line(sent.text):
            break
        found.append(sent)
    return found


def copyright_owner(sentences: list[Sentence]) -> str | None:
    """The name a closing copyright line gives ("\u00a9 2026 Baltic Courier"): the page's
    owner, read as the publisher when the header names none. The last such line counts."""
    for sent in reversed(sentences):
        if (match := COPYRIGHT.match(sent.text.strip())) is not None:
            return match.group("name").rstrip(".")
    return None


def section_label(line: str) -> bool:
    """Whether a header line is a section label set in capitals ("PORTS & TRADE"):
    a few words, each of them all capitals or a joining mark. A headline
    in capitals is longer than five words."""
    words = line.split()
    return 1 <= len(words) <= 5 and any(w.isalpha() for w in words) and \
        all(w.isupper() or not any(c.isalpha() for c in w) for w in words)
