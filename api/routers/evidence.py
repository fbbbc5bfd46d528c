"""``/evidence``: evidence items, what they support or dispute, and how much they weigh.

``?as_of=DATE`` answers from the analysis as of that date (:mod:`api.as_of`): the items dated
after it are not listed, and the weights are those of that day (a weight depends on who had
taken which side by then).
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel

from api.as_of import AsOf, explained, snapshot_as_of, snapshot_for
from api.deps import get_state
from api.errors import ApiError
from api.lookup import check_kind, find, resolve
from api.routers.paging import Page, page_of
from api.state import Snapshot
from kg.analysis import Analysis
from kg.analysis.evidence import EvidenceWeight
from kg.analysis.model import Evidence
from kg.analysis.serialize import short_id

router = APIRouter(prefix="/evidence", tags=["Evidence"])



class EvidenceItem(BaseModel):
    """One evidence item, as the data describes it."""

    id: str
    iri: str
    label: str
    description: str
    kinds: list[str]
    prior: float
    produced_by: list[str]
    released_by: list[str]
    cited_by: list[str]
    supports: list[str]
    disputes: list[str]
    date: str | None
    url: str


class EvidencePage(Page):
    items: list[EvidenceItem]


def _summary(item: Evidence) -> dict[str, Any]:
    return {
        "id": short_id(item.iri),
        "iri": item.iri,
        "label": item.label,
        "description": item.description,
        "kinds": list(item.kinds),
        "prior": item.prior,
        "produced_by": list(item.producers),
        "released_by": list(item.releasers),
        "cited_by": list(item.cited_by),
        "supports": list(item.supports),
        "disputes": list(item.disputes),
        "date": item.date,
        "url": f"/evidence/{short_id(item.iri)}",
    }


def _index(snapshot: Snapshot) -> list[tuple[Evidence, dict[str, Any]]]:
    cached: list[tuple[Evidence, dict[str, Any]]] | None = snapshot.cache.get("evidence")
    if cached is None:
        items = sorted(snapshot.analysis.catalogue.evidence, key=lambda e: e.iri)
        cached = snapshot.cache["evidence"] = [(e, _summary(e)) for e in items]
    return cached


def warm(snapshot: Snapshot) -> None:
    """Build the evidence list's index of ``snapshot`` (:attr:`api.state.ServiceState.warmers`)."""
    _index(snapshot)


@router.get("", response_model=EvidencePage, summary="List evidence, filtered and paged")
async def list_evidence(
    request: Request,
    kind: str | None = Query(None, description="Only evidence of this kind (Video, ...)."),
    claim: str | None = Query(
        None, description="Only evidence that supports or disputes this claim (id or IRI)."
    ),
    actor: str | None = Query(
        None, description="Only evidence this actor produced, released or cited."
    ),
    limit: int = Query(50, ge=1, le=1000, description="Items per page."),
    offset: int = Query(0, ge=0, description="Items to skip."),
    as_of: AsOf = None,
) -> Response:
    snapshot = await snapshot_for(get_state(request), as_of)
    # In a thread: the first request of a data version may build the sorted index itself.
    matches = await asyncio.to_thread(matching, snapshot, kind=kind, claim=claim, actor=actor)
    return page_of(request, matches, limit=limit, offset=offset, version=snapshot.version)


def matching(
    snapshot: Snapshot, *, kind: str | None, claim: str | None, actor: str | None
) -> list[dict[str, Any]]:
    """The list entries that pass the filters, in IRI order (shared with ``/evidence.html``,
    so that the page and the JSON show the same items). An unknown claim, actor or kind
    answers a 404 with suggestions: a misspelt kind would otherwise look like "no such
    evidence"."""
    claim_iri = find(snapshot.analysis, "claim", claim) if claim else None
    actor_iri = find(snapshot.analysis, "actor", actor) if actor else None
    if kind:
        check_kind(snapshot, kind, "evidence")
    wanted = kind.lower() if kind else None
    return [
        summary
        for item, summary in _index(snapshot)
        if (wanted is None or wanted in (k.lower() for k in item.kinds))
        and (claim_iri is None or claim_iri in item.supports or claim_iri in item.disputes)
        and (actor_iri is None or actor_iri in (*item.producers, *item.releasers, *item.cited_by))
    ]


@router.get("/{evidence_id:path}", summary="One evidence item and its weight on each claim")
async def get_evidence(
    request: Request,
    evidence_id: str = PathParam(description="An evidence id (nis-satellite-images) or IRI."),
    as_of: AsOf = None,
) -> dict[str, Any]:
    """An evidence item with, for each claim it bears on, the weight the analysis gave it,
    whether it counts as independent, and why. As of a date, an item dated after it is not
    found, and the weights are that day's."""
    state = get_state(request)
    dated = None if as_of is None else await snapshot_as_of(state, as_of)
    # In a thread: an unknown id is compared with every id of its kind, for
    # suggestions (0.4 s for the 128,000 claims of 10M triples).
    try:
        iri = await asyncio.to_thread(find, (dated or state.current).analysis, "evidence",
                                      evidence_id)
    except ApiError:
        # Not there as of the date: say so when the item exists and is dated after it, or
        # "no evidence 'x'" reads as a wrong id (and the suggestions leave it out too).
        later = None if as_of is None else await asyncio.to_thread(
            _dated_after, state.current.analysis, evidence_id, as_of)
        if later is None:
            raise
        raise ApiError(404, "not_found", later, details={"suggestions": []}) from None

    def explain(snapshot: Snapshot) -> dict[str, Any]:
        # The weights are in the explanations of the claims that weigh the item (each built
        # once, on a large store: Analysis.claims_with_evidence).
        data = _summary(snapshot.analysis.catalogue.evidence_index[iri])
        data["weights"] = weights_of(snapshot.analysis, iri)
        if snapshot.analysis.as_of is not None:
            data["as_of"] = snapshot.analysis.as_of.to_dict()
        data["version"] = snapshot.version
        return data

    return await explained(state, as_of, explain)


def _dated_after(current: Analysis, evidence_id: str, as_of: str) -> str | None:
    """Why the item ``evidence_id`` of the current data is not found as of ``as_of`` (its date
    is after it), or None when the current data has no such item either."""
    try:
        iri = resolve(current, "evidence", evidence_id)
    except LookupError:
        return None
    date = current.catalogue.evidence_index[iri].date
    if date is None:  # undated items count on every date: not this one's reason
        return None
    return (f"evidence {evidence_id!r} is dated {date}, after as_of {as_of}: it was not known "
            "then (ask without as_of, or with a later date)")


def weights_of(analysis: Analysis, iri: str) -> list[dict[str, Any]]:
    """One item's weight on each claim it bears on, in claim order (as
    :func:`weights_by_evidence` gives it): from the explanations of the claims that weigh it
    (:meth:`Analysis.claims_with_evidence`) unless every explanation is built already."""
    if analysis.claims.complete:
        return weights_by_evidence(analysis).get(iri, [])
    claims = analysis.columns.claims
    return [_entry(claims[c], w) for c in analysis.claims_with_evidence([iri]).tolist()
            for w in analysis.claims[claims[c]].evidence if w.evidence == iri]


def weights_by_evidence(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """Evidence IRI -> its weight on each claim it bears on, in claim order: every claim's
    explanation is built (call it through :meth:`api.state.ServiceState.explain`)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for claim_iri, item in analysis.claims.items():
        for w in item.evidence:
            out.setdefault(w.evidence, []).append(_entry(claim_iri, w))
    return out


def _entry(claim_iri: str, w: EvidenceWeight) -> dict[str, Any]:
    return {
        "claim": claim_iri,
        "supports": w.supports,
        "via": w.via,
        "weight": w.weight,
        "independent": w.independent,
        "groups": list(w.groups),
        "reason": w.reason,
    }


__all__ = ["router", "weights_by_evidence", "weights_of"]
