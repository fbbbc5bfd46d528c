"""What was known on a date: the records an analysis "as of" a date counts.

A statement counts when its date is on or before the cut-off: its own ``dcterms:date``, else
the date of its source document (``cred:inDocument``), else it is undated. An evidence item
counts when its own ``dcterms:date`` is. A partial date (``2024-10``) counts only when every
day it can mean is on or before the cut-off (the last day of October here), so that nothing
that may have been said after the date is taken as known by then. Undated statements and items
count by default (most data dates only some statements; leaving them out would empty the
analysis), and :class:`AsOfReport` says how many were counted, so the answer is honest; with
``count_undated=False`` they are left out too.

Everything else in the analysis (groups, stances, grades, trust, determinism) then works on the
reduced records as before. The filter works on the records of the whole graph
(:func:`kg.analysis.extract.read_case_graph`: one single-pattern projection per predicate, the
statements' dates among them), so an analysis without a cut-off reads nothing more and costs
nothing more.

Example:
    >>> cutoff("2024-10"), cutoff("2024-02"), cutoff("2024")
    ('2024-10-31', '2024-02-29', '2024-12-31')
    >>> counts("2024-10", "2024-10-31"), counts("2024-10", "2024-10-30")
    (True, False)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.analysis.model import CaseGraph, Evidence, Statement

#: What a date written in the data may look like: a year, a month or a day, optionally
#: followed by a time (only the day is compared). ASCII digits only (``\d`` takes any script's,
#: which would then be compared as text), and no fifth digit of the year: ``10000-01-01`` is
#: unreadable (undated), not the year 1000.
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?![0-9])")
#: A cut-off: the whole value, so that neither "٢٠٢٤" nor "2024\n" is taken for 2024.
_CUTOFF = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def cutoff(value: str) -> str:
    """The last day (``YYYY-MM-DD``) that ``value`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)
    can mean. ValueError, naming the value, if it is none of those or no real date; TypeError
    if it is no string (a ``datetime.date`` or a year as a number, in a notebook: the regular
    expression's "expected string or bytes-like object" named neither the value nor the form).
    """
    if not isinstance(value, str):
        raise TypeError(f"as_of must be a string, YYYY-MM-DD, YYYY-MM or YYYY (for a "
                        f"datetime.date, its .isoformat()), not {type(value).__name__} "
                        f"{value!r}")
    if not _CUTOFF.fullmatch(value):
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = [*value.split("-"), None, None][:3]
    try:
        y = int(year or "")
        m = int(month) if month else 12
        d = int(day) if day else calendar.monthrange(y, m)[1]
        return dt.date(y, m, d).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None


def check_undated(as_of: str | None, count_undated: bool) -> None:
    """Refuse leaving undated records out without a date (it would be silently ignored, as
    ``--omit-undated`` without ``--as-of`` is refused).

    Raises:
        ValueError: ``count_undated`` is false and ``as_of`` is None.
    """
    if not count_undated and as_of is None:
        raise ValueError("count_undated=False needs as_of: without a date every statement "
                         "counts")


def last_day(date: str | None) -> str | None:
    """The last day a date of the data can mean (as comparable ``YYYY-MM-DD`` text), or
    ``None`` for a missing or unreadable date (taken as undated)."""
    found = _DATE.match(date or "")
    if not found:
        return None
    year, month, day = found.groups()
    if day:
        return f"{year}-{month}-{day}"
    return f"{year}-{month or '12'}-31"  # compared as text: -31 is after every day of a month


def counts(date: str | None, last: str) -> bool:
    """True if a record dated ``date`` (not ``None``) is certainly dated on or before ``last``."""
    end = last_day(date)
    return end is not None and end <= last


def known(date: str | None, last: str, count_undated: bool) -> bool:
    """True if a record dated ``date`` counts as of ``last``: dated on or before it, or
    undated (no readable date) and ``count_undated``."""
    return count_undated if last_day(date) is None else counts(date, last)


def statement_date(statement: Statement) -> str | None:
    """The date an as-of analysis gives a statement: its own, else its document's."""
    if statement.date:
        return statement.date
    return statement.document.date if statement.document is not None else None


@dataclass(frozen=True)
class AsOfReport:
    """What an analysis as of a date counted and left out (statements counted once each,
    whatever the number of claims or actors they name).

    Attributes:
        as_of: the cut-off as given (``2024-10``).
        last_day: the last day it means (``2024-10-31``).
        count_undated: whether undated statements and evidence items were counted.
        statements_after: statements dated after the cut-off (left out).
        undated_statements: statements with no date of their own or of their document (counted
            unless ``count_undated`` is false).
        statements_by_document_date: statements counted that had no date of their own and
            were dated by their document.
        evidence_after, undated_evidence: the same for evidence items.
        left_out_about: claim IRI -> statements about it (directly) left out.
        evidence_left_out_for: claim IRI -> evidence items supporting or disputing it left out.
    """

    as_of: str
    last_day: str
    count_undated: bool = True
    statements_after: int = 0
    undated_statements: int = 0
    statements_by_document_date: int = 0
    evidence_after: int = 0
    undated_evidence: int = 0
    left_out_about: Mapping[str, int] = field(default_factory=dict)
    evidence_left_out_for: Mapping[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for a person: the cut-off, what was left out and what undated was counted.

        Example:
            >>> AsOfReport("2024-10-20", "2024-10-20", statements_after=3).summary()
            'As of 2024-10-20: 3 statements dated after 2024-10-20 left out.'
        """
        parts = [f"{_n(self.statements_after, 'statement')} dated after {self.as_of} left out"]
        if self.evidence_after:
            parts.append(f"{_n(self.evidence_after, 'evidence item')} dated after it left out")
        undated = [_n(n, what) for n, what in ((self.undated_statements, "undated statement"),
                                               (self.undated_evidence, "undated evidence item"))
                   if n]
        if undated:
            parts.append(" and ".join(undated)
                         + (" counted" if self.count_undated else " left out"))
        return f"As of {self.as_of}: " + "; ".join(parts) + "."

    def claim_reason(self, claim: str) -> str:
        """The reason an explanation of ``claim`` starts with: :meth:`summary`, and what was
        left out about this claim itself."""
        own, items = self.left_out_about.get(claim, 0), self.evidence_left_out_for.get(claim, 0)
        here = [_n(own, "statement") + " about this claim"] if own else []
        if items:
            here.append(_n(items, "evidence item") + " for or against it")
        return self.summary() + (" Left out here: " + " and ".join(here) + "." if here else "")

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (without the per-claim tables)."""
        return {"as_of": self.as_of, "last_day": self.last_day,
                "count_undated": self.count_undated,
                "statements_after": self.statements_after,
                "undated_statements": self.undated_statements,
                "statements_by_document_date": self.statements_by_document_date,
                "evidence_after": self.evidence_after,
                "undated_evidence": self.undated_evidence}


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def case_as_of(case: CaseGraph, as_of: str, *,
               count_undated: bool = True) -> tuple[CaseGraph, AsOfReport]:
    """The records of ``case`` known on ``as_of`` (see the module docstring), and the report
    of what was left out. Actors, claims and overrides all stay: a claim nobody had stated yet
    is unsupported as of the date. ValueError for a bad ``as_of``."""
    last = cutoff(as_of)
    statements: list[Statement] = []
    left_out: dict[str, set[str]] = {}
    after: set[str] = set()
    undated: set[str] = set()
    by_document: set[str] = set()
    for s in case.statements:
        date = statement_date(s)
        if last_day(date) is None:
            undated.add(s.iri)
            kept = count_undated
        else:
            kept = counts(date, last)
            if not kept:
                after.add(s.iri)
            elif not s.date:
                by_document.add(s.iri)
        if kept:
            statements.append(s)
        else:
            left_out.setdefault(s.claim, set()).add(s.iri)
    evidence: list[Evidence] = []
    evidence_out: dict[str, set[str]] = {}
    items_after = items_undated = 0
    for item in case.evidence:
        if last_day(item.date) is None:
            items_undated += 1
            kept = count_undated
        else:
            kept = counts(item.date, last)
            items_after += not kept
        if kept:
            evidence.append(item)
        else:
            for claim in (*item.supports, *item.disputes):
                evidence_out.setdefault(claim, set()).add(item.iri)
    reduced = CaseGraph(actors=case.actors, claims=case.claims, statements=statements,
                        evidence=evidence, overrides=case.overrides)
    report = AsOfReport(
        as_of=as_of, last_day=last, count_undated=count_undated,
        statements_after=len(after), undated_statements=len(undated),
        statements_by_document_date=len(by_document),
        evidence_after=items_after, undated_evidence=items_undated,
        left_out_about={c: len(v) for c, v in sorted(left_out.items())},
        evidence_left_out_for={c: len(v) for c, v in sorted(evidence_out.items())},
    )
    return reduced, report


__all__ = ["AsOfReport", "case_as_of", "check_undated", "counts", "cutoff", "known", "last_day",
           "statement_date"]
