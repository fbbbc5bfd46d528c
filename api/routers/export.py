"""``/export``: the whole graph, or one claim's neighbourhood, in an RDF format.

The analysis graph (derived data, rewritten after every change) is left out unless
``analysis=true``: an export is meant to be loaded elsewhere, where it would go stale. The
whole of an embedded store is streamed from the current version (:mod:`api.export_stream`).
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Literal, get_args

from fastapi import APIRouter, Depends, Query, Request, Response

from api.deps import get_state
from api.export_stream import stream_export
from api.lookup import find
from api.routers.as_of_guard import refuse_as_of
from kg.formats import format_by_name

router = APIRouter(tags=["Export"])

ExportFormat = Literal["turtle", "trig", "jsonld", "nt", "nquads", "rdfxml"]


@router.get(
    "/export",
    summary="Export the graph, or one claim's neighbourhood",
    response_class=Response,
    responses={200: {"description": "The RDF document.", "content": {
        format_by_name(name).media_type: {} for name in get_args(ExportFormat)}}},
    # An export is of the current data: an ignored ?as_of=DATE gave today's graph as though
    # it were that day's, to be loaded elsewhere and read as such.
    dependencies=[Depends(refuse_as_of)],
)
async def export(
    request: Request,
    format: Annotated[ExportFormat, Query(description="The RDF format.")] = "turtle",
    claim: str | None = Query(
        None, description="Only this claim's neighbourhood: its statements, actors and their "
        "affiliations, relays, evidence and documents (a claim id or IRI)."),
    analysis: bool = Query(False, description="Include the analysis graph (derived data)."),
) -> Response:
    state = get_state(request)
    store = state.store
    assert store is not None
    rdf_format = format_by_name(format)
    name = f"cred-kg.{rdf_format.extensions[0]}"
    if claim is not None:
        # In a thread: an unknown id is compared with every id, for suggestions.
        iri = await asyncio.to_thread(find, state.current.analysis, "claim", claim)
        data = await asyncio.to_thread(store.export, rdf_format, claim=iri)
    else:
        streamed = await stream_export(state, rdf_format, analysis, name)
        if streamed is not None:
            return streamed
        data = await asyncio.to_thread(store.export, rdf_format, include_analysis=analysis)
    return Response(data, media_type=rdf_format.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


__all__ = ["router"]
