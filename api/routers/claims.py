"""``/claims``: claims with their corroboration, credibility and reasons.

The list is filtered and paged over the bulk summaries of the current data version
(:meth:`kg.analysis.Analysis.claim_summaries`: no explanation is built for a listing); its
entries are encoded once per version, so a request only filters and slices. The filters by
actor, evidence kind and date come from the bulk numbers too (:meth:`kg.analysis.Analysis.
claims_with_stance_of` and the like): no explanation is built for them. The date filter's first
use in a data version reads every dated statement from the store (one query).

``?as_of=DATE`` answers from an analysis of what was known on that date, from the bounded
cache that every route offering it shares (:mod:`api.as_of`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import numpy as np
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel

from api.as_of import DATE_PATTERN, AsOf, explained, snapshot_as_of, snapshot_for
from api.csv_out import to_csv
from api.deps import get_state
from api.errors import ApiError
from api.lookup import check_kind, find
from api.routers.paging import Page, encode, page_response
from api.state import ServiceState, Snapshot
from kg.analysis import STATUSES, Analysis
from kg.analysis import ClaimSummary as Numbers
from kg.analysis.claim_dates import date_bounds
from kg.analysis.corroboration import Status
from kg.analysis.credibility import CREDIBILITY_NAMES
from kg.analysis.serialize import claim_to_dict, short_id

router = APIRouter(prefix="/claims", tags=["Claims"])

_ORDER = {status: index for index, status in enumerate(STATUSES)}

#: Dates of the filters: digits only (the shared pattern of :mod:`api.as_of`).
_DATE_PATTERN = DATE_PATTERN


class Credibility(BaseModel):
    grade: int
    name: str
    stix_confidence: int | None


class ClaimSummary(BaseModel):
    """One claim in a list; ``GET /claims/{id}`` has the whole assessment."""

    id: str
    iri: str
    text: str
    kinds: list[str]
    status: str
    independent_groups: int
    contested: bool
    affirmed_by: list[str]
    denied_by: list[str]
    contested_by: list[str]
    hedged_by: list[str]
    credibility: Credibility
    belief: float | None
    url: str


class ClaimPage(Page):
    items: list[ClaimSummary]


def _summary(analysis: Analysis, item: Numbers) -> dict[str, Any]:
    """A claim's list entry, from its bulk numbers and its record (no explanation)."""
    claim = analysis.catalogue.claims[item.iri]
    groups = analysis.groups.groups
    ident = short_id(item.iri)
    return {
        "id": ident,
        "iri": item.iri,
        "text": claim.text,
        "kinds": list(claim.kinds),
        "status": item.status,
        "independent_groups": item.independent_groups,
        "contested": item.contested,
        "affirmed_by": [groups[g].label for g in item.affirming],
        "denied_by": [groups[g].label for g in item.denying],
        # The deniers that contest it: not those that also affirm it (docs/analysis.md).
        "contested_by": [groups[g].label for g in item.contested_by],
        "hedged_by": [groups[g].label for g in item.hedging],
        "credibility": {
            "grade": item.credibility,
            "name": CREDIBILITY_NAMES[item.credibility],
            "stix_confidence": item.stix_confidence,
        },
        "belief": item.belief,
        "url": f"/claims/{ident}",
    }


@dataclass(frozen=True)
class _Index:
    """Every claim, most corroborated first: encoded list entries and the columns that the
    common filters test."""

    iris: list[str]
    ids: np.ndarray  # claim ids (positions in the analysis's columns)
    encoded: list[bytes]
    status: np.ndarray  # position of the status in STATUSES
    groups: np.ndarray
    contested: np.ndarray


def _index(snapshot: Snapshot) -> _Index:
    """The claims index of a data version, from the bulk summaries; built on first use, then
    shared by requests."""
    cached: _Index | None = snapshot.cache.get("claims")
    if cached is None:
        analysis = snapshot.analysis
        items = sorted(
            analysis.claim_summaries(),
            key=lambda c: (_ORDER[c.status], -c.independent_groups, c.iri),
        )
        index = analysis.columns.claim_index
        cached = snapshot.cache["claims"] = _Index(
            [c.iri for c in items],
            np.array([index[c.iri] for c in items], dtype=np.int64),
            [encode(_summary(analysis, c)) for c in items],
            np.array([_ORDER[c.status] for c in items], dtype=np.int8),
            np.array([c.independent_groups for c in items], dtype=np.int32),
            np.array([c.contested for c in items], dtype=bool),
        )
    return cached


def warm(snapshot: Snapshot) -> None:
    """Build the claims list's index of ``snapshot`` (:attr:`api.state.ServiceState.warmers`)."""
    _index(snapshot)


@dataclass
class _Filters:
    """The filters of ``/claims`` and ``/claims.csv`` (query parameters)."""

    status: Annotated[
        Status | None, Query(description="Only claims with this corroboration status.")
    ] = None
    min_groups: Annotated[
        int | None,
        Query(
            ge=0,
            description="Only claims affirmed by at least this many independent source groups.",
        ),
    ] = None
    actor: Annotated[
        str | None,
        Query(
            description="Only claims this actor takes a stance on (directly, or through a "
            "claim that refines it); an actor id or IRI.",
        ),
    ] = None
    evidence_kind: Annotated[
        str | None,
        Query(description="Only claims with evidence of this kind (SatelliteImagery, ...)."),
    ] = None
    contested: Annotated[
        bool | None, Query(description="Only contested (or uncontested) claims.")
    ] = None
    since: Annotated[
        str | None,
        Query(
            pattern=_DATE_PATTERN,
            description="Only claims with a statement dated on or after this date (YYYY-MM-DD).",
        ),
    ] = None
    until: Annotated[
        str | None,
        Query(
            pattern=_DATE_PATTERN,
            description="Only claims with a statement dated on or before this date.",
        ),
    ] = None
    as_of: AsOf = None


async def _select(request: Request, f: _Filters) -> tuple[Snapshot, _Index, np.ndarray]:
    """The claims that pass the filters, as positions in the index of the data version
    returned with them (most corroborated first)."""
    state = get_state(request)
    snapshot = state.current
    if f.as_of is not None:
        snapshot = await snapshot_as_of(state, f.as_of)
    # In a thread: an unknown id is compared with every id of its kind, for
    # suggestions (0.4 s for the 128,000 claims of 10M triples).
    actor_iri = await asyncio.to_thread(find, snapshot.analysis, "actor", f.actor) \
        if f.actor else None
    kind = f.evidence_kind or None
    if kind is not None:
        check_kind(snapshot, kind, "evidence")
    low = date_bounds(_real_date("since", f.since))[0] if f.since else None
    high = date_bounds(_real_date("until", f.until))[1] if f.until else None
    dated: np.ndarray | None = None
    if (low is not None or high is not None) and f.as_of is not None:
        # The records are in memory: nothing to read from the store.
        dated = await asyncio.to_thread(snapshot.analysis.claims_dated, low, high)
    elif low is not None or high is not None:
        snapshot, dated = await _dated(state, low, high)
    # Built in the background after each refresh (warm); a request that comes first builds
    # it in a thread, not in the event loop: it sorts every claim (seconds at 10M triples).
    cached: _Index | None = snapshot.cache.get("claims")
    index = cached if cached is not None else await asyncio.to_thread(_index, snapshot)
    # The common filters are column tests over every claim at once; the rest look only at
    # the claims that passed them.
    mask = np.ones(len(index.iris), dtype=bool)
    if f.status is not None:
        mask &= index.status == _ORDER[f.status]
    if f.min_groups is not None:
        mask &= index.groups >= f.min_groups
    if f.contested is not None:
        mask &= index.contested == f.contested
    if actor_iri is not None:
        mask &= np.isin(index.ids, snapshot.analysis.claims_with_stance_of(actor_iri))
    if kind is not None:
        mask &= np.isin(index.ids, snapshot.analysis.claims_with_evidence_kind(kind))
    if dated is not None:
        mask &= np.isin(index.ids, dated)
    return snapshot, index, np.flatnonzero(mask)


def _real_date(name: str, value: str) -> str:
    """``value`` if it names a real year, month or day ("2024-13-01" does not), else a 422."""
    year, month, day = [*value.split("-"), "01", "01"][:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        raise ApiError(422, "invalid_parameter",
                       f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


@dataclass
class _Paging:
    """``limit`` and ``offset`` (a dependency of their own, so that they follow the filters
    in the OpenAPI document, as they always have)."""

    limit: Annotated[int, Query(ge=1, le=1000, description="Claims per page.")] = 50
    offset: Annotated[int, Query(ge=0, description="Claims to skip.")] = 0


@router.get("", response_model=ClaimPage, summary="List claims, filtered and paged")
async def list_claims(
    request: Request,
    filters: Annotated[_Filters, Depends()],
    paging: Annotated[_Paging, Depends()],
) -> Response:
    snapshot, index, selected = await _select(request, filters)
    limit, offset = paging.limit, paging.offset
    page = [index.encoded[i] for i in selected[offset : offset + limit]]
    return page_response(
        request, page, total=len(selected), limit=limit, offset=offset, version=snapshot.version
    )


#: The columns of ``/claims.csv``: a list entry, its lists joined by "; ".
CSV_COLUMNS = (
    "id",
    "text",
    "status",
    "independent_groups",
    "contested",
    "affirmed_by",
    "denied_by",
    "contested_by",
    "hedged_by",
    "credibility",
    "credibility_name",
    "stix_confidence",
    "belief",
    "iri",
)


@router.get(
    ".csv",
    summary="Every claim that passes the filters, as CSV for a spreadsheet",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
async def claims_csv(request: Request, filters: Annotated[_Filters, Depends()]) -> Response:
    """The same filters and order as ``/claims``, every match in one table (no paging). Text
    that a spreadsheet would run as a formula is written with a leading apostrophe."""
    snapshot, index, selected = await _select(request, filters)
    analysis = snapshot.analysis

    def rows() -> Iterator[dict[str, object]]:
        for item in analysis.claim_summaries([index.iris[i] for i in selected]):
            entry = _summary(analysis, item)
            credibility = entry.pop("credibility")
            yield {
                **entry,
                **{k: "; ".join(entry[k])
                   for k in ("affirmed_by", "denied_by", "contested_by", "hedged_by")},
                "credibility": credibility["grade"],
                "credibility_name": credibility["name"],
                "stix_confidence": credibility["stix_confidence"],
            }

    return Response(
        # In a thread: every claim of a large store is a table of tens of megabytes.
        await asyncio.to_thread(to_csv, rows(), CSV_COLUMNS),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="claims.csv"',
            "X-Data-Version": str(snapshot.version),
        },
    )


async def _dated(
    state: ServiceState, low: str | None, high: str | None
) -> tuple[Snapshot, np.ndarray]:
    """The claims dated within the range, with the snapshot whose ids they are: the rest of
    the request must use that one (a write may switch versions while this waits, and claim
    ids are numbered per version)."""
    snapshot = state.current
    if snapshot.analysis.dates_read:  # nothing to read from the store: no write to wait for
        return snapshot, await asyncio.to_thread(snapshot.analysis.claims_dated, low, high)
    # The first use in a data version reads the dated statements from the store.
    return await state.explain(lambda s: (s, s.analysis.claims_dated(low, high)))


@router.get("/{claim_id:path}", summary="One claim: stances by group, evidence, grades, reasons")
async def get_claim(
    request: Request,
    claim_id: str = PathParam(description="A claim id (nk-troops-in-russia) or IRI."),
    as_of: AsOf = None,
) -> dict[str, Any]:
    """The whole assessment of a claim: the stance table by source group, the evidence and
    its weight, the credibility grade with its STIX confidence, and every reason. As of a
    date, the first reason says what was left out."""
    state = get_state(request)
    # In a thread: an unknown id is compared with every id of its kind, for
    # suggestions (0.4 s for the 128,000 claims of 10M triples).
    analysis = (await snapshot_for(state, as_of)).analysis
    iri = await asyncio.to_thread(find, analysis, "claim", claim_id)

    def explain(snapshot: Snapshot) -> dict[str, Any]:
        data = claim_to_dict(snapshot.analysis, snapshot.analysis.claims[iri])
        data["version"] = snapshot.version
        return data

    return await explained(state, as_of, explain)


__all__ = ["router"]
