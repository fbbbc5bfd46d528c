"""``/status``: what the service holds and how it is configured (no secrets)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.deps import get_state
from api.sparql.pool import QueryPool
from kg.namespaces import INGEST_GRAPH

router = APIRouter(tags=["Service"])


@router.get("/status", summary="Data version, counts and the service's limits")
async def status(request: Request) -> dict[str, Any]:
    state = get_state(request)
    snapshot = state.current
    settings = state.settings
    analysis = snapshot.analysis
    counts = analysis.counts()  # off the arrays: no record or explanation is read
    local = isinstance(state.pool, QueryPool)
    return {
        "version": snapshot.version,
        "quads": snapshot.quads,
        # The data apart from the analysis graph and the ingest records: what `kg serve`
        # counts when it starts, and `kg stats` as "quads".
        "data_quads": snapshot.data_quads,
        "analysis_quads": snapshot.analysis_quads,
        "ingest_quads": snapshot.ingest_quads,
        # Named graphs of data, as `kg stats` counts them: the store's own left out.
        "named_graphs": len(snapshot.named_graphs - {state.analysis_graph, INGEST_GRAPH}),
        "claims": counts["claims"],
        "actors": counts["actors"],
        "statements": counts["statements"],
        "evidence": counts["evidence"],
        "analysis": {
            "min_groups": analysis.min_groups,
            "method": analysis.trust.method,
            "graph": state.analysis_graph,
        },
        "limits": {
            "query_timeout_seconds": settings.query_timeout,
            "max_results": settings.max_results,
            "max_request_bytes": settings.max_request_bytes,
            "max_query_depth": settings.max_query_depth,
            # Worker processes run queries on an embedded store only: a remote endpoint
            # answers them itself, under its own limits.
            "query_workers": settings.query_workers if local else None,
            "worker_memory_mb": settings.worker_memory_mb if local else None,
        },
        "query_worker_network_isolation": state.pool.sandbox if state.pool else None,
        "writes_enabled": settings.writes_active,
    }


__all__ = ["router"]
