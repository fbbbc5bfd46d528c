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

from kg.extract.dates import DateMention, date_line
from kg.extract.lexicon import Lexicon
from kg.extract.names import is_outlet
from kg.extract.sentences import Sentence

# "By Ana Reyes", "By: RDL International": the byline's lead, with or without a colon
BY = re.compile(r"^By:?\s+")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
# the writer's role in a byline ("Science Editor", "Staff Writer"), never the publication
BYLINE_ROLE = re.compile(r"(?i)\b(?:editor|correspondent|reporter|writer|columnist|"
                         r"contributor|staff|desk)s?$")
# "\u00a9 2026 Baltic Courier", "Copyright 2026 The Northern Almanac. All rights reserved.",
# "(c) 2025-2026 KTV News": the page's closing copyright line, furniture naming the publisher
COPYRIGHT = re.compile(r"^(?:\u00a9|\([cC]\)|Copyright(?:\s+\u00a9)?)\s*"
                       r"(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)\s+"
                       r"(?P<name>[A-Z][\w\u2019'&.-]*(?:\s+[A-Z][\w\u2019'&.-]*){0,5}?)"
                       r"\.?(?:\s+All\s+rights\s+reserved\.?)?$")


# words a masthead in capitals keeps in lower case when its name is written normally
_SMALL = {"THE": "The", "OF": "of", "AND": "and", "FOR": "for", "ON": "on", "IN": "in"}


def capitals_outlet(part: str, line: str, lex: Lexicon) -> str | None:
    """The outlet a masthead set in capitals names ("VELDMARK DAILY NEWS | Lundmark" above the
    headline): the name written normally, when the outlet lexicon takes that form, else None.
    A short word of capitals stays one (an acronym: "KTV NEWS" is "KTV News"); a name that is
    not wholly in capitals is left to :func:`is_outlet` itself, and so is a ``line`` wholly in
    capitals ("WORLD NEWS | EUROPE": a section's breadcrumb, not a masthead beside a place)."""
    words = part.split()
    if not 2 <= len(words) <= 5 or not part.isupper() or line.isupper():
        return None
    written = [_SMALL.get(w) or (w if len(w) <= 3 else w.capitalize()) for w in words]
    return is_outlet(" ".join([written[0][:1].upper() + written[0][1:], *written[1:]]), lex)


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
    # (or a dek straight under the headline, a line with no full stop, above the byline: a
    # house with a brand line and a section label above the headline pushes it down)
    if len(label) != 1 or not (re.fullmatch(r"[A-Z][a-z]+", label[0].text.strip()) or
                               (len(label[0].text.split()) >= 5 and
                                label[0].text.rstrip()[-1:] not in ".!?\u201d\"")):
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


def date_below(sentences: list[Sentence], deepest: int = 8) -> tuple[Sentence,
                                                                     DateMention] | None:
    """A paragraph that is nothing but a date among the first ``deepest`` ones, wherever the
    header's other lines stand ("28 November 2026 Saturday" below a headline, a bold intro
    and a byline, as some sites print it): the article's date, for when the header's own
    lines give none. Only a full date counts, with a weekday, clock time or time zone at most
    beside it, so a sentence that names a date is never taken."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sent in sentences:
        if sent.paragraph <= deepest:
            by_paragraph.setdefault(sent.paragraph, []).append(sent)
    for group in by_paragraph.values():
        if len(group) == 1 and (when := date_line(group[0].text.strip())) is not None and \
                when.iso and len(when.iso) == 10:
            return group[0], when
    return None


def copyright_owner(sentences: list[Sentence]) -> str | None:
    """The name a closing copyright line gives ("\u00a9 2026 Baltic Courier"): the page's
    owner, read as the publisher when the header names none. The last such line counts."""
    for sent in reversed(sentences):
        if (match := COPYRIGHT.match(sent.text.strip())) is not None:
            return match.group("name").rstrip(".")
    return None


def masthead(byline: str, lex: Lexicon) -> str | None:
    """"By Ana Reyes | 3 May 2026 | Quarry": in a byline (opening with "By"; a section label
    "NEWS | SCIENCE" is none) whose segments a pipe parts, the last
    segment that is a short proper name, after the author's and the date's, is the
    publication, though its name has no outlet head word; a job title ("Staff Writer",
    "Science Editor", or any title of `titles.tsv`) is not."""
    segments = [p.strip() for p in byline.split(" | ")]
    if len(segments) == 2:
        # "By Lena Vostrikova | Tallinn": the one segment after the writer's name is the place
        # the story was filed from, never the publication (which follows a date, if printed)
        return None
    for part in reversed(segments[1:]):
        words = part.split()
        if not 1 <= len(words) <= 4 or any(c.isdigit() for c in part) or \
                part.lower() in lex.titles or BYLINE_ROLE.search(part) or \
                not all(w[:1].isupper() for w in words):
            continue
        return part
    return None


def masthead_line(sentences: list[Sentence], lex: Lexicon) -> tuple[int, str] | None:
    """"The Carrow Herald" alone on the page's first line, above the section label and the
    headline: the masthead of a printed page names the publisher (the line's index and the
    outlet's name), and is no headline. A line of a few capitalised words without a full stop
    that the outlet lexicon takes as an outlet's name ("... Herald", "Radio ...")."""
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return None
    line = sentences[0].text.strip()
    if not 1 <= len(line.split()) <= 5 or line[-1:] in ".!?:\u201d\"":
        return None
    name = is_outlet(line, lex)
    return (sentences[0].index, name) if name else None


def section_label(line: str) -> bool:
    """Whether a header line is a section label set in capitals ("PORTS & TRADE"):
    a few words, each of them all capitals or a joining mark. A headline
    in capitals is longer than five words."""
    words = line.split()
    return 1 <= len(words) <= 5 and any(w.isalpha() for w in words) and \
        all(w.isupper() or not any(c.isalpha() for c in w) for w in words)
