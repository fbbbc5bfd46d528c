"""The claims a list is filtered to, by actor, evidence kind or date, for one analysis.

Each set behind a filter (:mod:`kg.analysis.claim_sets`, :mod:`kg.analysis.claim_dates`) is
built on the filter's first use, from the bulk numbers: no explanation is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

import numpy as np

from kg.analysis.bulk import Numbers
from kg.analysis.claim_dates import DatedRows, claims_dated, dated_claims, dated_rows_from_case
from kg.analysis.claim_sets import claims_with, evidence_items, stance_actors
from kg.analysis.closure import PairSets, Refinement
from kg.analysis.model import CaseGraph, Evidence


class ClaimFilters:
    """The filters of one analysis.

    Args:
        numbers: the analysis's bulk numbers.
        refinement: the refinement graph (built on demand by the explainer).
        records: the whole graph's records if they have been read, else None.
        read_dated: reads the dated statements (from the store) when no records are read.
    """

    def __init__(
        self,
        numbers: Numbers,
        refinement: Callable[[], Refinement],
        records: Callable[[], CaseGraph | None],
        read_dated: Callable[[], DatedRows],
    ) -> None:
        self._numbers = numbers
        self._refinement = refinement
        self._records = records
        self._read_dated = read_dated

    def stance_of(self, actor: str) -> np.ndarray:
        """Ids of the claims whose explanation lists a stance of ``actor`` (an IRI)."""
        index = self._numbers.columns.actor_index
        if actor not in index:
            return np.zeros(0, dtype=np.int64)
        return claims_with(self._stance_actors, np.array([index[actor]]))

    def evidence_kind(self, kind: str, evidence: Iterable[Evidence]) -> np.ndarray:
        """Ids of the claims whose explanation lists an item of ``evidence`` of ``kind`` (its
        local name, in any case)."""
        wanted = kind.lower()
        return self.evidence(e.iri for e in evidence if any(k.lower() == wanted for k in e.kinds))

    def evidence(self, items: Iterable[str]) -> np.ndarray:
        """Ids of the claims whose explanation lists one of the evidence ``items`` (IRIs)."""
        index = self._numbers.columns.evidence_index
        ids = [index[iri] for iri in items if iri in index]
        return claims_with(self._evidence_items, np.array(ids, dtype=np.int64))

    def dated(self, low: str | None, high: str | None) -> np.ndarray:
        """Ids of the claims whose explanation lists a statement dated within the range."""
        rows, sets = self._dated
        return claims_dated(sets, rows, low, high)

    @property
    def dates_read(self) -> bool:
        """True once the dated statements are read: :meth:`dated` then reads nothing."""
        return "_dated" in self.__dict__

    @cached_property
    def _dated(self) -> tuple[DatedRows, PairSets]:
        # Once the whole graph's records are read (every explanation built at once), they
        # answer, and the store is not read again: the service then asks without holding its
        # write lock (api.state.ServiceState.explain).
        case = self._records()
        cols = self._numbers.columns
        rows = dated_rows_from_case(case, cols) if case is not None else self._read_dated()
        return rows, dated_claims(cols, self._refinement(), rows)

    @cached_property
    def _stance_actors(self) -> PairSets:
        return stance_actors(self._numbers)

    @cached_property
    def _evidence_items(self) -> PairSets:
        return evidence_items(self._numbers.columns, self._refinement())


__all__ = ["ClaimFilters"]
