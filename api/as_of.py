"""Analyses as of a date, shared by every route that offers ``?as_of=DATE``.

``/claims``, ``/claims.csv``, ``/claims/{id}``, ``/actors``, ``/actors/{id}``, ``/claims.html``,
``/actors.html`` and ``/graph`` answer from an analysis of what was known on the date
(:mod:`kg.analysis.as_of`), computed on demand under the write lock (it reads the whole
graph's records), kept beside the current analysis, never in its place: a few per data
version (:data:`AS_OF_CACHED`, one table for every route, so a date asked on the graph view
is the same analysis the claims table then shows), the least recently used dropped first; on
a store of more than :data:`AS_OF_MAX_STATEMENTS` statements it is refused on every route
alike (422 ``too_large``).

The analysis is built from records in memory (:func:`kg.analysis.analyse_case`), so its
explanations, list indexes and graph view are built without reading the store again: the
routes build them in a thread, without the write lock.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Query

from api.errors import ApiError
from api.state import ServiceState, Snapshot
from kg.analysis import analyse_case
from kg.analysis.as_of import cutoff
from kg.analysis.extract import read_case_graph

T = TypeVar("T")

#: Analyses as of a date kept per data version (each holds the whole graph's records).
AS_OF_CACHED = 4
#: The service analyses as of a date only a store of at most this many statements: the
#: analysis reads every record under the write lock (about 40 s for a million statements),
#: so a new date on a larger store would hold writes that long and the records would take
#: gigabytes. Above it, ``as_of`` is refused (422 ``too_large``) and ``kg corroborate
#: --as-of`` on the store, which takes the streaming path, is the tool.
AS_OF_MAX_STATEMENTS = 200_000

#: YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (``\d`` takes any script's: "٢٠٢٤" passed and
#: was then compared as text, so ``since`` left every claim out). A value that passes it can
#: go into a page: nothing but digits and hyphens.
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
AS_OF_HELP = ("Answer as of this date (YYYY-MM-DD; YYYY-MM or YYYY: the end of that month "
              "or year): statements and evidence dated after it are left out; a statement "
              "without a date takes its document's; undated ones count.")
#: The ``as_of`` query parameter of every route that offers it.
AsOf = Annotated[str | None, Query(pattern=DATE_PATTERN, description=AS_OF_HELP)]


def check_date(as_of: str) -> str:
    """``as_of`` if it is a real date (YYYY, YYYY-MM or YYYY-MM-DD), else a 422
    ``invalid_parameter`` naming it: before any work, and before it reaches a page."""
    try:
        cutoff(as_of)
    except ValueError as error:
        raise ApiError(422, "invalid_parameter", f"as_of: {error}") from None
    return as_of


async def snapshot_as_of(state: ServiceState, as_of: str) -> Snapshot:
    """The current data version analysed as of ``as_of``, as a snapshot of its own (its
    indexes, pages and views cached with it), from the cache of the current version or
    computed now. 422 for a date that is not one, or a store too large."""
    check_date(as_of)
    current = state.current
    size = current.analysis.columns.n_statements
    if size > AS_OF_MAX_STATEMENTS:
        raise ApiError(422, "too_large", f"as_of: the store holds {size:,} statements; the "
                       f"service analyses as of a date up to {AS_OF_MAX_STATEMENTS:,} "
                       "(run `kg corroborate --as-of DATE` on the store instead)")
    cached: OrderedDict[str, Snapshot] = current.cache.setdefault("as_of", OrderedDict())
    if as_of in cached:
        cached.move_to_end(as_of)
        return cached[as_of]
    store = state.store
    assert store is not None

    def compute(snapshot: Snapshot) -> Snapshot:
        # Under the write lock: the store holds exactly this snapshot's version. From the
        # whole graph's records, so that nothing is read from the store after this (the bulk
        # path reads explanations on demand: a write meanwhile would mix versions).
        table: OrderedDict[str, Snapshot] = snapshot.cache.setdefault("as_of", OrderedDict())
        if as_of in table:  # another request computed it while this one waited for the lock
            return table[as_of]
        analysis = analyse_case(read_case_graph(store), min_groups=state.settings.min_groups,
                                method=state.settings.method, as_of=as_of)
        dated = dataclasses.replace(snapshot, analysis=analysis, cache={})
        table[as_of] = dated
        while len(table) > AS_OF_CACHED:
            table.popitem(last=False)
        return dated

    return await state.explain(compute, reads_store=True)


async def snapshot_for(state: ServiceState, as_of: str | None) -> Snapshot:
    """The current snapshot, or (with ``as_of``) the one as of that date."""
    return state.current if as_of is None else await snapshot_as_of(state, as_of)


async def explained(state: ServiceState, as_of: str | None, action: Callable[[Snapshot], T]) -> T:
    """``action`` run off the event loop on the current snapshot, through
    :meth:`ServiceState.explain` (it may read the store: no write runs meanwhile), or on the
    snapshot as of ``as_of``, whose records are all in memory: in a thread, without the lock."""
    if as_of is None:
        return await state.explain(action)
    return await asyncio.to_thread(action, await snapshot_as_of(state, as_of))


__all__ = ["AS_OF_CACHED", "AS_OF_HELP", "AS_OF_MAX_STATEMENTS", "DATE_PATTERN", "AsOf",
           "check_date", "explained", "snapshot_as_of", "snapshot_for"]
