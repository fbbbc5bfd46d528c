"""Loaders for the public truth-discovery data sets (Book, Population, Flight).

Each loader reads the files in place (they are never copied into the repository), normalises the
values once, and returns a :class:`Benchmark`: ``(source, object, value)`` triples with at most
one value per (source, object), plus the gold value of the evaluated objects, normalised the same
way. Every method, ours and the peer's, then runs on exactly these triples.

Normalisation (the same for claims and gold):

* **Book**: ISBN-10 and ISBN-13 both become ISBN-13. An author list becomes the sorted set of the
  authors' last names, lower case, letters only: "Knuth, Donald E.", "Donald E. Knuth" and
  "KNUTH, DONALD" are all ``knuth``. Lists are split on ``;``, ``/``, ``&``, " and " and role
  marks in parentheses ("(Author)", "(Joint Author)"); a comma part of one word starts a
  "Last, First" pair, otherwise each comma part is "First ... Last". "Not Available" and empty
  lists are no claim.
* **Population**: objects are (city, year); values are integers.
* **Flight**: objects are (day, flight, attribute). Times become the local clock time as
  ``HH:MM`` (24 h), read from the first ``h:mm`` with its am/pm mark; time zones and dates are
  ignored, so a source that reports another zone's clock disagrees, as it does for a reader.
  Gates are upper case without spaces or hyphens, the gate part of "Terminal X - G" is kept and
  terminal-only or placeholder values ("--", "TBA", "Not provided by airline") are no claim.

When a source gives several values for one object (duplicate listings), it keeps the value it
gives most often, ties to the smallest, so the result does not depend on row order.
"""

from __future__ import annotations

import csv
import gzip
import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Benchmark",
    "load_book",
    "load_flight",
    "load_population",
    "normalise_authors",
    "normalise_gate",
    "normalise_isbn",
    "normalise_time",
]

FLIGHT_ATTRIBUTES = (
    "scheduled_departure",
    "actual_departure",
    "departure_gate",
    "scheduled_arrival",
    "actual_arrival",
    "arrival_gate",
)
_GATE_COLUMNS = {2, 5}  # positions of the gates within FLIGHT_ATTRIBUTES


@dataclass(frozen=True)
class Benchmark:
    """One loaded data set: its triples and the gold value of the evaluated objects."""

    name: str
    triples: list[tuple[str, str, str]]
    gold: dict[str, str]
    raw_rows: int
    note: str

    def stats(self) -> dict[str, int]:
        return {
            "rows": self.raw_rows,
            "claims": len(self.triples),
            "sources": len({t[0] for t in self.triples}),
            "objects": len({t[1] for t in self.triples}),
            "facts": len({(t[1], t[2]) for t in self.triples}),
            "gold": len(self.gold),
        }


def _one_value_per_source(rows: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Keep each (source, object)'s most frequent value, ties to the smallest; sorted output."""
    seen: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for source, obj, value in rows:
        seen[(source, obj)][value] += 1
    out = []
    for (source, obj), values in seen.items():
        best = min(values.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        out.append((source, obj, best))
    out.sort()
    return out


# --- Book ---------------------------------------------------------------------------------------

_PAREN = re.compile(r"\([^)]*\)")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|/|&|\band\b|\(\s*[^)]*\))\s*", re.IGNORECASE)
_ROLE_WORDS = {"by", "author", "authors", "editor", "editors", "ed", "eds", "edited", "with"}
_NOT_AVAILABLE = {"", "not available", "n/a", "na", "unknown"}


def normalise_isbn(isbn: str) -> str:
    """ISBN-13 of an ISBN-10 or ISBN-13 string.

    >>> normalise_isbn("0201853949"), normalise_isbn("9780201853940")
    ('9780201853940', '9780201853940')
    """
    digits = re.sub(r"[^0-9Xx]", "", isbn)
    if len(digits) == 13:
        return digits
    if len(digits) != 10:
        return digits
    core = "978" + digits[:9]
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core))
    return core + str((10 - total % 10) % 10)


def _last_name(words: list[str]) -> str:
    return re.sub(r"[^a-z]", "", words[-1].lower()) if words else ""


def _name_words(text: str) -> list[str]:
    """Words of a name, without initials ("E.", "J.N.") and role words."""
    words = []
    for w in text.replace(".", ". ").split():
        letters = re.sub(r"[^a-z]", "", w.lower())
        if len(letters) <= 1 or letters in _ROLE_WORDS:
            continue
        words.append(w)
    return words


def normalise_authors(text: str) -> str | None:
    """Sorted, ``;``-joined last names of an author list, or ``None`` for no authors.

    >>> normalise_authors("Knuth, Donald E.")
    'knuth'
    >>> normalise_authors("Kenneth L. Calvert, Michael J. Donahoo")
    'calvert; donahoo'
    >>> normalise_authors("Johnson, Michael K., Troan, Erik W.")
    'johnson; troan'
    >>> normalise_authors("Curland, Matthew J. (Author) Storage, Bill (Joint Author)")
    'curland; storage'
    >>> normalise_authors("Not Available") is None
    True
    """
    text = html.unescape(text).strip()
    if text.lower() in _NOT_AVAILABLE:
        return None
    names: set[str] = set()
    for piece in _AUTHOR_SPLIT.split(text):
        piece = _PAREN.sub(" ", piece).strip(" ,.")
        if not piece:
            continue
        parts = [p for p in (_name_words(p) for p in piece.split(",")) if p]
        if not parts:
            continue
        if len(parts[0]) == 1 and len(parts) > 1:
            # "Last, First[, Last, First ...]": the last names are the even parts.
            names.update(_last_name(p) for p in parts[0::2])
        else:
            names.update(_last_name(p) for p in parts)
    names.discard("")
    return "; ".join(sorted(names)) if names else None


def load_book(root: Path) -> Benchmark:
    """Book: authors of computer-science books from online bookstores; gold = 100 books."""
    folder = root / "book"
    rows = []
    raw = 0
    with open(folder / "book.txt", encoding="utf-8", newline="") as f:
        for line in f:
            raw += 1
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 4:
                continue
            value = normalise_authors(parts[3])
            if value is not None:
                rows.append((parts[0].strip(), normalise_isbn(parts[1]), value))
    gold = {}
    with open(folder / "book_golden.txt", encoding="utf-8") as f:
        for line in f:
            if "\t" not in line:
                continue
            isbn, authors = line.rstrip("\r\n").split("\t", 1)
            value = normalise_authors(authors)
            if value is not None:
                gold[normalise_isbn(isbn)] = value
    triples = _one_value_per_source(rows)
    objects = {t[1] for t in triples}
    return Benchmark(
        "book",
        triples,
        {k: v for k, v in gold.items() if k in objects},
        raw,
        "author lists as sorted last-name sets; gold = book_golden.txt (100 books)",
    )


# --- Population ---------------------------------------------------------------------------------


def load_population(root: Path) -> Benchmark:
    """Population: city populations from Wikipedia edits; gold = census figures."""
    folder = root / "population"
    rows = []
    raw = 0
    with open(folder / "population_claims.csv", encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            raw += 1
            obj = f"{rec['ObjectID']}|{rec['PropertyID']}"
            rows.append((rec["SourceID"], obj, str(int(rec["PropertyValue"]))))
    gold = {}
    with open(folder / "population_truth.csv", encoding="utf-8", newline="") as f:
        for rec in csv.DictReader(f):
            gold[f"{rec['ObjectID']}|{rec['PropertyID']}"] = str(int(rec["PropertyValue"]))
    triples = _one_value_per_source(rows)
    objects = {t[1] for t in triples}
    return Benchmark(
        "population",
        triples,
        {k: v for k, v in gold.items() if k in objects},
        raw,
        "objects = (city, year); integer values; gold = population_truth.csv",
    )


# --- Flight -------------------------------------------------------------------------------------

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s*m?\.?)?", re.IGNORECASE)
_NO_GATE = {"", "-", "--", "TBA", "TBD", "NA", "N/A", "NOTPROVIDEDBYAIRLINE", "CHK", "HOLD"}


def normalise_time(text: str) -> str | None:
    """Local clock time ``HH:MM`` (24 h) of a time string in any of the sources' formats.

    >>> [normalise_time(t) for t in ("12/1/11 2:06 PM (-05:00)", "1:55pDec 1", "9:55P 11-30-11")]
    ['14:06', '13:55', '21:55']
    >>> normalise_time("Thu., Dec.01, 2011 12:21 a.m."), normalise_time("2011-12-01 Thu  22:15")
    ('00:21', '22:15')
    >>> normalise_time("Dec 01 - Contact Airline") is None
    True
    """
    m = _TIME.search(text)
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    mark = (m.group(3) or "").lower()
    if mark == "p" and hour < 12:
        hour += 12
    elif mark == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def normalise_gate(text: str) -> str | None:
    """Gate label, or ``None`` for terminal-only and placeholder values.

    >>> [normalise_gate(g) for g in (" D10 ", "Terminal T4 - 44I", "C-43", "15?", "Terminal 3")]
    ['D10', '44I', 'C43', '15', None]
    """
    text = text.strip()
    if " - " in text:
        text = text.rsplit(" - ", 1)[1]
    elif text.lower().startswith("term"):
        return None
    gate = re.sub(r"[\s\-?*]", "", text.upper())
    return None if gate in _NO_GATE else gate


def _flight_values(fields: list[str]) -> list[str | None]:
    return [
        normalise_gate(v) if i in _GATE_COLUMNS else normalise_time(v)
        for i, v in enumerate(fields[: len(FLIGHT_ATTRIBUTES)])
    ]


def load_flight(root: Path, days: int | None = None) -> Benchmark:
    """Flight: 38 sources on ~1,200 flights a day in December 2011; gold = airline sites.

    All days form one data set whose objects are (day, flight, attribute), so source trust and
    copying are learnt over the whole month. ``days`` limits the run to the first days.
    """
    folder = root / "flight"
    data_files = sorted((folder / "clean_flight").glob("*-data.txt.gz"))
    if days is not None:
        data_files = data_files[:days]
    rows = []
    raw = 0
    gold = {}
    for path in data_files:
        day = path.name[: len("2011-12-01")]
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            for line in f:
                raw += 1
                parts = line.rstrip("\r\n").split("\t")
                if len(parts) < 2 + len(FLIGHT_ATTRIBUTES):
                    continue
                source, flight = parts[0].strip(), parts[1].strip()
                for attr, value in zip(FLIGHT_ATTRIBUTES, _flight_values(parts[2:]), strict=True):
                    if value is not None:
                        rows.append((source, f"{day}|{flight}|{attr}", value))
        truth = folder / "flight_truth" / "flight_truth" / f"{day}-truth.txt"
        if truth.exists():
            with open(truth, encoding="utf-8", errors="replace") as f:
                for line in f:
                    parts = line.rstrip("\r\n").split("\t")
                    if len(parts) < 1 + len(FLIGHT_ATTRIBUTES):
                        continue
                    flight = parts[0].strip()
                    for attr, value in zip(
                        FLIGHT_ATTRIBUTES, _flight_values(parts[1:]), strict=True
                    ):
                        if value is not None:
                            gold[f"{day}|{flight}|{attr}"] = value
    triples = _one_value_per_source(rows)
    objects = {t[1] for t in triples}
    return Benchmark(
        "flight",
        triples,
        {k: v for k, v in gold.items() if k in objects},
        raw,
        f"{len(data_files)} days as one data set; objects = (day, flight, attribute); "
        "times as local HH:MM, gates normalised",
    )
