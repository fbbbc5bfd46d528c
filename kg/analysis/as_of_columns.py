"""The bulk columns as of a date: the rule of :mod:`kg.analysis.as_of` on the arrays of
:func:`kg.analysis.store_columns.read_case_columns`, without a record per statement.

Only when a date is given, the reader runs two more single-pattern projections (every
``dcterms:date``, every ``cred:inDocument``, their subjects kept as hashes only, as the
statements are) and two small ones (the dates of the documents and of the evidence items);
:class:`DateFilter` gives each statement its date (its own smallest value, else its first
document's), and drops the statement rows and evidence items dated after the cut-off before
the analysis is computed. The tests check the result against the records' filter
(tests/analysis/test_as_of_fast_path.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from kg.analysis import _tsv
from kg.analysis._rows import rows as select_rows
from kg.analysis.as_of import AsOfReport, cutoff, last_day
from kg.analysis.closure import distinct_pairs
from kg.analysis.columns import EMPTY_PAIRS, CaseColumns

#: The extra projections (name -> query); their subject columns are read as hashes only.
QUERIES = {
    "as_of_dates": "SELECT ?s ?d WHERE { ?s <http://purl.org/dc/terms/date> ?d }",
    "as_of_documents": "SELECT ?s ?doc WHERE { ?s cred:inDocument ?doc }",
}
HASH_ONLY = {"as_of_dates": (0,), "as_of_documents": (0,)}

_DOCUMENT_DATES = """SELECT ?doc ?d WHERE { ?doc <http://purl.org/dc/terms/date> ?d
  FILTER EXISTS { ?x cred:inDocument ?doc } }"""
# As the records' reader: only items with one of these links have their date read.
_EVIDENCE_DATES = """SELECT ?e ?d WHERE { ?e <http://purl.org/dc/terms/date> ?d
  FILTER EXISTS { ?e cred:supports|cred:disputes|cred:producedBy|cred:releasedBy ?x } }"""


def _smallest(pairs: Any) -> dict[str, str]:
    """Subject -> its smallest value, as the records keep a date."""
    table: dict[str, str] = {}
    for subject, value in pairs:
        if subject and value is not None and (subject not in table or value < table[subject]):
            table[subject] = value
    return table


def _text_order(values: list[str]) -> np.ndarray:
    """The positions of ``values`` in text order (distinct values: few beside the rows)."""
    return np.array(sorted(range(len(values)), key=values.__getitem__), dtype=np.int64)


def _last_days(values: list[str]) -> np.ndarray:
    """Each date's last day (``""`` for one that is unreadable, taken as undated)."""
    return np.array([last_day(v) or "" for v in values] + [""], dtype="U10")


@dataclass
class DateFilter:
    """The cut-off, and what :func:`read_case_columns` needs of it (see the module docstring).

    Args:
        as_of: the date as given (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
        count_undated: whether undated statements and evidence count.
    """

    as_of: str
    count_undated: bool = True
    last: str = field(init=False)
    _keep: np.ndarray = field(init=False, repr=False)
    _undated: np.ndarray = field(init=False, repr=False)
    _by_document: np.ndarray = field(init=False, repr=False)
    _report: dict[str, Any] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.last = cutoff(self.as_of)

    def statements(self, source: Any, t: dict[str, _tsv.Table], statements: Any) -> None:
        """Date each numbered statement (``statements``: the reader's interner of statement
        hashes, with ``lookup``), from the tables of :data:`QUERIES`."""
        n_st = statements.size
        dates, documents = t.pop("as_of_dates"), t.pop("as_of_documents")
        # Own date: the smallest value as text (the records' choice), then its last day.
        values = _tsv.intern(dates, 1)
        order = _text_order(values.values)
        rank = np.empty(len(order) + 1, dtype=np.int64)
        rank[order] = np.arange(len(order))
        rank[-1] = np.iinfo(np.int64).max  # an unbound value never wins
        stmt = statements.lookup(dates, 0)
        ok = (stmt >= 0) & (values.ids >= 0)
        own = np.full(n_st, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(own, stmt[ok], rank[values.ids[ok]])
        has_own = own < np.iinfo(np.int64).max
        by_rank = _last_days([values.values[i] for i in order.tolist()])
        own_last = by_rank[np.where(has_own, own, len(order))]
        # The document's date: its first document in IRI order, that document's smallest date.
        docs = _tsv.intern(documents, 1)
        doc_order = _text_order(docs.values)
        doc_rank = np.empty(len(doc_order), dtype=np.int64)
        doc_rank[doc_order] = np.arange(len(doc_order))
        stmt_d = statements.lookup(documents, 0)
        ok_d = (stmt_d >= 0) & (docs.ids >= 0)
        first_doc = np.full(n_st, len(doc_order), dtype=np.int64)
        np.minimum.at(first_doc, stmt_d[ok_d], doc_rank[docs.ids[ok_d]])
        doc_dates = _smallest(select_rows(source, _DOCUMENT_DATES))
        doc_last = _last_days([doc_dates.get(docs.values[i], "") for i in doc_order.tolist()])
        date_last = np.where(has_own, own_last, doc_last[first_doc])
        self._undated = date_last == ""
        self._keep = np.where(self._undated, self.count_undated, date_last <= self.last)
        self._by_document = ~has_own & ~self._undated & self._keep

    def rows(self, rows_s: np.ndarray, rows_a: np.ndarray, rows_c: np.ndarray,
             claims: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The statement rows known on the date; counts what was left out."""
        keep = self._keep[rows_s]
        statements = np.unique(rows_s)
        out = distinct_pairs(rows_c[~keep], rows_s[~keep]) if (~keep).any() else EMPTY_PAIRS
        per_claim = np.bincount(out[:, 0], minlength=len(claims)) if len(out) \
            else np.zeros(0, dtype=np.int64)
        self._report.update(
            statements_after=int((~self._keep[statements] & ~self._undated[statements]).sum()),
            undated_statements=int(self._undated[statements].sum()),
            statements_by_document_date=int(self._by_document[statements].sum()),
            left_out_about={claims[c]: int(per_claim[c])
                            for c in np.flatnonzero(per_claim).tolist()},
        )
        return rows_s[keep], rows_a[keep], rows_c[keep]

    def evidence(self, source: Any, columns: CaseColumns) -> tuple[CaseColumns, AsOfReport]:
        """``columns`` without the evidence items dated after the cut-off, and the report."""
        dates = _smallest(select_rows(source, _EVIDENCE_DATES))
        last = _last_days([dates.get(e, "") for e in columns.evidence])[:-1]
        undated = last == ""
        keep = np.where(undated, self.count_undated, last <= self.last)
        dropped = np.flatnonzero(~keep)
        links = np.concatenate([columns.evidence_supports, columns.evidence_disputes])
        hit = np.isin(links[:, 0], dropped) if len(links) else np.zeros(0, dtype=bool)
        against = distinct_pairs(links[hit, 1], links[hit, 0]) if hit.any() else EMPTY_PAIRS
        per_claim = np.bincount(against[:, 0], minlength=columns.n_claims) if len(against) \
            else np.zeros(0, dtype=np.int64)
        report = AsOfReport(
            as_of=self.as_of, last_day=self.last, count_undated=self.count_undated,
            evidence_after=int((~keep & ~undated).sum()), undated_evidence=int(undated.sum()),
            evidence_left_out_for={columns.claims[c]: int(per_claim[c])
                                   for c in np.flatnonzero(per_claim).tolist()},
            **self._report,
        )
        if keep.all():
            return columns, report
        new_id = np.cumsum(keep) - 1

        def pairs(table: np.ndarray) -> np.ndarray:
            if not len(table):
                return table
            kept = table[keep[table[:, 0]]]
            return np.stack([new_id[kept[:, 0]], kept[:, 1]], axis=1) if len(kept) \
                else EMPTY_PAIRS

        return replace(
            columns,
            evidence=tuple(e for e, k in zip(columns.evidence, keep.tolist(), strict=True) if k),
            evidence_prior=columns.evidence_prior[keep],
            evidence_owner=pairs(columns.evidence_owner),
            evidence_supports=pairs(columns.evidence_supports),
            evidence_disputes=pairs(columns.evidence_disputes),
        ), report


__all__ = ["HASH_ONLY", "QUERIES", "DateFilter"]
