"""An analysis as of a date on the bulk path: the explanations' records filtered by the same
rule as the columns (:mod:`kg.analysis.as_of`), so that an explanation read from the store
lists only what was known on the date, as its numbers count."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kg.analysis.as_of import case_as_of, known, statement_date
from kg.analysis.catalogue import Catalogue, read_catalogue
from kg.analysis.claim_dates import DatedRows, read_dated_rows
from kg.analysis.columns import CaseColumns
from kg.analysis.details import Details
from kg.analysis.extract import read_case_graph
from kg.analysis.model import Actor, CaseGraph, Claim, Evidence, Statement


class AsOfDetails:
    """``inner``'s records, without the statements and evidence items not known on ``last``
    (a :class:`kg.analysis.details.Details`)."""

    def __init__(self, inner: Details, last: str, count_undated: bool) -> None:
        self.inner, self.last, self.count_undated = inner, last, count_undated

    def actors(self, iris: Iterable[str]) -> dict[str, Actor]:
        return self.inner.actors(iris)

    def claims(self, iris: Iterable[str]) -> dict[str, Claim]:
        return self.inner.claims(iris)

    def evidence(self, iris: Iterable[str]) -> dict[str, Evidence]:
        return {iri: item for iri, item in self.inner.evidence(iris).items()
                if known(item.date, self.last, self.count_undated)}

    def _known(self, statements: list[Statement]) -> list[Statement]:
        return [s for s in statements
                if known(statement_date(s), self.last, self.count_undated)]

    def statements_about(self, claims: Iterable[str]) -> list[Statement]:
        return self._known(self.inner.statements_about(claims))

    def statements_by(self, actors: Iterable[str]) -> list[Statement]:
        return self._known(self.inner.statements_by(actors))


def loaders(source: Any, columns: CaseColumns, as_of: str, last: str, count_undated: bool
            ) -> tuple[Callable[[], CaseGraph], Callable[[], Catalogue], Callable[[], DatedRows]]:
    """The analysis's loaders of the whole graph's records, its catalogue and its dated
    statements, each filtered as of the date."""

    def case() -> CaseGraph:
        return case_as_of(read_case_graph(source), as_of, count_undated=count_undated)[0]

    def catalogue() -> Catalogue:
        read = read_catalogue(source, columns)
        index = columns.evidence_index
        return Catalogue(read.actors, read.claims, [e for e in read.evidence if e.iri in index])

    def dated() -> DatedRows:
        rows = read_dated_rows(source, columns)  # statements with a date of their own
        keep = rows.last <= last
        return DatedRows(rows.claim[keep], rows.stance[keep], rows.first[keep], rows.last[keep])

    return case, catalogue, dated


__all__ = ["AsOfDetails", "loaders"]
