"""Dates as articles write them, resolved against the document's date where they are relative.

"on Thursday" is the last Thursday on or before the document date (news writes "on Thursday"
for the same day too); "last week" is the calendar week before the document's week, given as
a month when that week lies in one month; "in January" is the last January on or before the
document date. Without a document date, relative expressions keep their words only.

Example:
    >>> import datetime as dt
    >>> doc = dt.date(2024, 10, 24)  # a Thursday
    >>> [(m.text, m.iso) for m in find_dates("He spoke on Wednesday, not on Thursday.", doc)]
    [('on Wednesday', '2024-10-23'), ('on Thursday', '2024-10-24')]
    >>> resolve("last week", doc).iso
    '2024-10'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Order matters: the first pattern that matches at a position wins.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(rf"\b(?:on\s+)?(\d{{1,2}})\s+({_MONTH})\s*,?\s+(\d{{4}})\b")),
    ("mdy", re.compile(rf"\b(?:on\s+)?({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b")),
    ("my", re.compile(rf"\b(?:in\s+)?({_MONTH})\s+(\d{{4}})\b")),
    ("dm", re.compile(rf"\b(?:on\s+)?(\d{{1,2}})\s+({_MONTH})\b")),
    ("md", re.compile(rf"\b(?:on\s+)?({_MONTH})\s+(\d{{1,2}})\b(?!,?\s+\d{{4}})")),
    ("weekday", re.compile(rf"\b(?:[Oo]n\s+|[Ll]ast\s+)?({_WEEKDAY}){_PART}\b")),
    ("relative", re.compile(r"\b(today|yesterday|tonight|this morning|this week|last week|"
                            r"last month|last year|earlier this week|earlier this month|"
                            r"earlier this year)\b", re.I)),
    ("month", re.compile(rf"\b(?:[Ii]n\s+|[Ll]ate\s+|[Ee]arly\s+|[Mm]id-)({_MONTH})\b")),
    ("vague", re.compile(r"\b(previously|earlier|recently|last year)\b", re.I)),
]

# a capitalised word just before: "Today" then ends a name ("Solvany Today"), no date
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w\u2019'&.-]*\s+$")


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text: its words, and the date it stands for where known."""

    start: int
    end: int
    text: str
    iso: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    basis: str | None = None


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else _MONTH_ABBR[name[:4] if
                                                                      name == "sept" else name[:3]]


def _last_month_before(month: int, doc: dt.date) -> int:
    return doc.year if month <= doc.month else doc.year - 1


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _resolve_match(kind: str, match: re.Match[str], doc: dt.date | None) -> tuple[str | None,
                                                                                 str | None]:
    groups = match.groups()
    if kind == "iso":
        return _iso(int(groups[0]), int(groups[1]), int(groups[2])), None
    if kind == "dmy":
        return _iso(int(groups[2]), _month(groups[1]), int(groups[0])), None
    if kind == "mdy":
        return _iso(int(groups[2]), _month(groups[0]), int(groups[1])), None
    if kind == "my":
        return _iso(int(groups[1]), _month(groups[0])), None
    if doc is None:
        return None, None
    if kind in {"dm", "md"}:
        day, name = (groups[0], groups[1]) if kind == "dm" else (groups[1], groups[0])
        month = _month(name)
        year = _last_month_before(month, doc)
        return _iso(year, month, int(day)), f"the year is that of the last {name} on or before " \
                                            f"the document date ({doc.isoformat()})"
    if kind == "month":
        month = _month(groups[0])
        year = _last_month_before(month, doc)
        return _iso(year, month), f"the last {groups[0]} on or before the document date " \
                                  f"({doc.isoformat()})"
    if kind == "weekday":
        target = WEEKDAYS.index(groups[0].lower())
        back = (doc.weekday() - target) % 7
        if match.group(0).lower().startswith("last") and back == 0:
            back = 7
        day = doc - dt.timedelta(days=back)
        if back == 0:
            return day.isoformat(), f"the document date itself, a {groups[0]}"
        return day.isoformat(), (f"the {groups[0]} before the document date "
                                 f"({doc.strftime('%A %d %B %Y')})")
    if kind == "relative":
        return _relative(groups[0].lower(), doc)
    return None, None


def _relative(words: str, doc: dt.date) -> tuple[str | None, str | None]:
    if words in {"today", "tonight", "this morning"}:
        return doc.isoformat(), "the document date"
    if words == "yesterday":
        return (doc - dt.timedelta(days=1)).isoformat(), "the day before the document date"
    if words in {"last week"}:
        monday = doc - dt.timedelta(days=doc.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        basis = (f"the week before the document's: {monday.isoformat()} to "
                 f"{sunday.isoformat()}")
        same_month = monday.month == sunday.month
        return (f"{monday.year:04d}-{monday.month:02d}" if same_month else None), basis
    if words in {"this week", "earlier this week"}:
        monday = doc - dt.timedelta(days=doc.weekday())
        same_month = monday.month == doc.month
        return (f"{doc.year:04d}-{doc.month:02d}" if same_month else None), \
            f"the document's week, from {monday.isoformat()}"
    if words in {"last month"}:
        first = doc.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", "the month before the document date"
    if words in {"earlier this month"}:
        return f"{doc.year:04d}-{doc.month:02d}", "the document's month"
    if words in {"earlier this year"}:
        return f"{doc.year:04d}", "the document's year"
    return None, None


def find_dates(text: str, doc: dt.date | None = None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``, left to right, without overlaps.

    Args:
        text: the text to search.
        doc: the document date, for relative expressions.
        offset: added to every position (the offset of ``text`` in the article).
    """
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if kind == "relative" and match.group(0)[0].isupper() and \
                    _NAME_BEFORE.search(text, 0, start):
                continue  # "told Solvany Today", "USA Today": the last word of a name
            iso, basis = _resolve_match(kind, match, doc)
            if kind == "vague":
                iso, basis = None, None
            taken.append((start, end))
            found.append(DateMention(start + offset, end + offset, match.group(0), iso, basis))
    return sorted(found, key=lambda m: m.start)


def resolve(expression: str, doc: dt.date | None) -> DateMention:
    """The date of one expression ("on Thursday", "last week", "5 March 2025")."""
    found = find_dates(expression, doc)
    if not found:
        return DateMention(0, len(expression), expression, None)
    return found[0]


_HEADER_DATE = re.compile(
    rf"(?:\b(\d{{1,2}})\s+({_MONTH})\s*,?\s+(\d{{4}})\b)|(?:\b({_MONTH})\s+(\d{{1,2}}),?\s+"
    rf"(\d{{4}})\b)|(?:\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b)|"
    # "Issued on: 27/11/2026 - 11:05": a numeric date, read only where its order is plain
    r"(?:\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b)")


def header_date(text: str) -> DateMention | None:
    """The first full date in ``text`` (a dateline or byline), or None."""
    match = _HEADER_DATE.search(text)
    if not match:
        return None
    g = match.groups()
    if g[0]:
        iso = _iso(int(g[2]), _month(g[1]), int(g[0]))
    elif g[3]:
        iso = _iso(int(g[5]), _month(g[3]), int(g[4]))
    elif g[6]:
        iso = _iso(int(g[6]), int(g[7]), int(g[8]))
    else:
        iso = _numeric(int(g[9]), int(g[10]), int(g[11]))
    return DateMention(match.start(), match.end(), match.group(0), iso) if iso else None


def _numeric(first: int, second: int, year: int) -> str | None:
    """A slashed date's ISO form when only one order makes a date: "27/11/2026" is day first
    (a European or broadcaster's header), "11/27/2026" month first (a US one); "05/11/2026"
    could be either, and a wrong date is worse than none, so it is left unread."""
    if first > 12 >= second:
        return _iso(year, second, first)
    if second > 12 >= first:
        return _iso(year, first, second)
    return None


# what may stand around the date on a header's date line: a weekday ("Mon", "Monday,"), a
# clock time ("19.42", "3:12", "PM") and a time zone ("BST", "UTC", "GMT+1")
_STAMP_WORD = re.compile(r"(?i)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\.?,?|"
                         r"wednesday,?|saturday,?|\d{1,2}[.:]\d{2}(?:[ap]\.?m\.?)?|[ap]\.?m\.?|"
                         r"[A-Z]{2,4}(?:[+-]\d{1,2})?|at|[-\u2013\u2014|,]")


def date_line(text: str) -> DateMention | None:
    """The date of a header line that is nothing but a time stamp ("Mon 13 Oct 2025 19.42 BST",
    "March 4, 2025 3:12 PM UTC"): a full date with only a weekday, a clock time and a time
    zone around it; None for a line with other words (a standfirst that names a date)."""
    when = header_date(text)
    if when is None:
        return None
    rest = (text[:when.start] + " " + text[when.end:]).split()
    return when if all(_STAMP_WORD.fullmatch(word) for word in rest) else None


__all__ = ["DateMention", "date_line", "find_dates", "header_date", "resolve"]
