"""The pages people look at: ``/`` (front page), ``/graph`` (graph view), ``/claims.html``.

HTML, built from the app's current analysis, with a Content-Security-Policy header that
allows the pages' own inline scripts (by hash) and no other origin, so that even an escaping
bug could not load or run remote code. The graph page is built once per data version and
set of parameters and kept in the snapshot's cache; building it lays out the graph, which
for thousands of nodes takes a second, so it runs off the event loop.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import get_state
from api.errors import ApiError
from api.routers import pages_html
from api.state import Snapshot
from kg.analysis.corroboration import Status
from viz import DEFAULT_MAX_NODES, build_view, content_security_policy, opening, render_page

router = APIRouter(tags=["Pages"])

_GRAPH_LINKS = (("Home", "/"), ("Claims table", "/claims.html"))
#: Where a large graph's summary sends a node: its neighbourhood and its explanation.
_NODE_LINKS = {"focus": "/graph?focus=", "claim": "/claims/", "actor": "/actors/"}
_TITLE = "Source-credibility graph"
_CACHED = 16


def _html(body: str, policy: str) -> HTMLResponse:
    return HTMLResponse(body, headers={"Content-Security-Policy": policy,
                                       "Cache-Control": "no-cache"})


@router.get("/", response_class=HTMLResponse, summary="Front page: what this is, and links")
async def front_page(request: Request) -> HTMLResponse:
    from api.questions.examples import served_question
    from api.questions.router import describe
    from api.questions.spec import load_questions

    snapshot = get_state(request).current
    analysis = snapshot.analysis
    # The question files' examples name seed items: the links are filled from the data
    # served, once per data version.
    questions = snapshot.cache.get("front:questions")
    if questions is None:
        questions = [describe(served_question(q, analysis)) for q in load_questions().values()]
        snapshot.cache["front:questions"] = questions
    return _html(pages_html.front_page(analysis, questions), pages_html.page_policy())


@router.get("/graph", response_class=HTMLResponse,
            summary="Graph view of actors, claims and evidence (HTML)")
async def graph_page(
    request: Request,
    focus: str | None = Query(None, description="Open on this claim's or actor's "
                              "neighbourhood (id or IRI)."),
    group: bool = Query(False, description="Open with organisations collapsed into their "
                        "source groups."),
    max_nodes: int | None = Query(None, ge=0, le=1_000_000, description="Open on a "
                                  "summary above this many nodes (0: never). Default: the "
                                  "view_max_nodes setting."),
) -> HTMLResponse:
    state = get_state(request)
    limit = max_nodes if max_nodes is not None else getattr(
        state.settings, "view_max_nodes", DEFAULT_MAX_NODES)
    # One layout per data version and size limit; the opening state varies per request.
    view_key = f"viz:view:{limit}"

    def layout(snapshot: Snapshot) -> tuple[Snapshot, Any]:
        view = snapshot.cache.get(view_key)
        if view is None:
            view = build_view(snapshot.analysis, max_nodes=limit)
            _remember(snapshot.cache, view_key, view)
        return snapshot, view

    # The whole graph of a large store (a limit above its size) reads every statement: through
    # ServiceState.explain, so that no write runs meanwhile and the view is of one version.
    snapshot, view = await state.explain(layout)
    page_key = f"viz:page:{limit}:{focus}:{group}"
    page = snapshot.cache.get(page_key)
    if page is None:
        try:
            # Off the event loop: a large graph's summary is built again around its focus.
            opened = await asyncio.to_thread(opening, view, snapshot.analysis, focus=focus,
                                             group_members=group)
        except KeyError as error:
            raise ApiError(404, "not_found", str(error.args[0]),
                           details={"parameter": "focus"}) from None
        page = await asyncio.to_thread(render_page, opened, title=_TITLE, links=_GRAPH_LINKS,
                                       node_links=_NODE_LINKS)
        _remember(snapshot.cache, page_key, page)
    return _html(page, content_security_policy(for_header=True))


def _remember(cache: dict[str, object], key: str, value: object) -> None:
    """Keep at most :data:`_CACHED` views and pages: keys come from request parameters.

    Other threads add to the same cache meanwhile (the list indexes, built in the background
    after each refresh), so its keys are copied in one step before they are looked at: a
    loop over the dict itself could meet a new key and fail.
    """
    ours = [k for k in list(cache) if k.startswith("viz:")]
    for old in ours[: max(0, len(ours) - _CACHED + 1)]:
        cache.pop(old, None)
    cache[key] = value


@router.get("/claims.html", response_class=HTMLResponse,
            summary="Claims table (HTML), sortable by column")
async def claims_table(
    request: Request,
    sort: Literal["claim", "status", "groups", "contested", "credibility", "stix"] = "groups",
    order: Literal["asc", "desc"] = "desc",
    status: Status | None = None,
) -> HTMLResponse:
    analysis = get_state(request).current.analysis
    body = pages_html.claims_page(analysis, sort=sort, descending=order == "desc",
                                  status=status)
    return _html(body, pages_html.page_policy())


__all__ = ["router"]
