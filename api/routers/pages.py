"""The pages people look at: ``/`` (front page), ``/graph`` (graph view), and the tables
``/claims.html``, ``/actors.html`` and ``/evidence.html``.

HTML, built from the app's current analysis, with a Content-Security-Policy header that
allows the pages' own inline scripts (by hash) and no other origin, so that even an escaping
bug could not load or run remote code. The graph page is built once per data version and
set of parameters and kept in the snapshot's cache; building it lays out the graph, which
for thousands of nodes takes a second, so it runs off the event loop.

``?as_of=DATE`` on the graph view and the claims, actors and evidence tables shows the analysis
as of that date (:mod:`api.as_of`: the same bounded cache and limits as ``/claims``); its views
and pages are cached with that analysis. The front page refuses it
(:mod:`api.routers.as_of_guard`).
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.as_of import AsOf, explained, snapshot_for
from api.deps import get_state
from api.errors import ApiError
from api.lookup import suggest_node
from api.routers import actors, evidence, pages_html, pages_lists
from api.routers.as_of_guard import refuse_as_of
from api.state import Snapshot
from kg.analysis.corroboration import Status
from viz import DEFAULT_MAX_NODES, build_view, content_security_policy, opening, render_page
from viz.bidi import show_bidi_controls

router = APIRouter(tags=["Pages"])


_GRAPH_LINKS = (("Home", "/"), ("Claims table", "/claims.html"))
#: Where a large graph's summary sends a node: its neighbourhood and its explanation.
_NODE_LINKS = {"focus": "/graph?focus=", "claim": "/claims/", "actor": "/actors/"}
_TITLE = "Source-credibility graph"
_CACHED = 16
#: Rows per page of the actors and evidence tables: each actor row builds its explanation.
PAGE_ROWS = 200


def _html(body: str, policy: str) -> HTMLResponse:
    # Every page shows data text as stored: bidi controls become visible marks, once, here
    # (the pages' own markup and scripts hold none, so only data text changes).
    return HTMLResponse(show_bidi_controls(body), headers={"Content-Security-Policy": policy,
                                       "Cache-Control": "no-cache"})


#: The site's icon: a small SVG (a node between two others), so that no page's request for
#: ``/favicon.ico`` ends in a 404 that browsers log as an error.
FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
    '<path d="M3 13 8 4l5 9" fill="none" stroke="#0b5cad" stroke-width="1.5"/>'
    '<circle cx="8" cy="4" r="2.5" fill="#0b5cad"/><circle cx="3" cy="13" r="2" fill="#444"/>'
    '<circle cx="13" cy="13" r="2" fill="#444"/></svg>'
)


@router.get("/favicon.ico", include_in_schema=False)
async def favicon() -> Response:
    return Response(FAVICON_SVG, media_type="image/svg+xml",
                    headers={"Cache-Control": "max-age=86400"})


@router.get("/", response_class=HTMLResponse, summary="Front page: what this is, and links",
            dependencies=[Depends(refuse_as_of)])
async def front_page(request: Request) -> HTMLResponse:
    from api.questions.examples import served_question
    from api.questions.router import describe
    from api.questions.spec import load_questions

    def build(snapshot: Snapshot) -> str:
        analysis = snapshot.analysis
        # The question files' examples name seed items: the links are filled from the data
        # served.
        questions = [describe(served_question(q, analysis)) for q in load_questions().values()]
        return pages_html.front_page(analysis, questions)

    snapshot = get_state(request).current
    # Once per data version, in a thread: the counts by status read every claim's summary
    # (a tenth of a second at 1M triples, a second at 10M, for every visit before).
    page: str | None = snapshot.cache.get("front:page")
    if page is None:
        page = snapshot.cache["front:page"] = await asyncio.to_thread(build, snapshot)
    return _html(page, pages_html.page_policy())


@router.get("/graph", response_class=HTMLResponse,
            summary="Graph view of actors, claims and evidence (HTML)")
async def graph_page(
    request: Request,
    focus: str | None = Query(None, description="Open on this claim's or actor's "
                              "neighbourhood (id or IRI)."),
    group: bool = Query(False, description="Open with organisations collapsed into their "
                        "source groups."),
    max_nodes: int | None = Query(None, ge=0, le=1_000_000, description="Open on a "
                                  "summary above this many nodes (0: never; a graph of "
                                  "more than 5,000 nodes is always a summary). Default: "
                                  "the view_max_nodes setting."),
    as_of: AsOf = None,
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

    # The whole graph of a large store (a limit above its size) reads every statement: so no
    # write may run meanwhile, and the view is of one version. As of a date, the view is kept
    # in that analysis's own cache (so the keys need not name the date).
    snapshot, view = await explained(state, as_of, layout)
    page_key = f"viz:page:{limit}:{focus}:{group}"
    page: str | None = snapshot.cache.get(page_key)
    if page is None:
        try:
            # Off the event loop: a large graph's summary is built again around its focus.
            opened = await asyncio.to_thread(opening, view, snapshot.analysis, focus=focus,
                                             group_members=group)
        except KeyError as error:
            # In a thread: the focus is compared with every claim's and actor's id.
            close = await asyncio.to_thread(suggest_node, snapshot.analysis, focus or "")
            raise ApiError(404, "not_found", str(error.args[0]), details={
                "parameter": "focus", "suggestions": close}) from None
        # "Current data" opens the same view without the date: the same focus and options.
        kept = {"focus": focus, "group": "true" if group else None,
                "max_nodes": None if max_nodes is None else str(max_nodes)}
        query = urlencode({k: v for k, v in kept.items() if v})
        current = "/graph" + (f"?{query}" if query else "")
        title, links, node_links = _graph_frame(as_of, current)
        page = await asyncio.to_thread(render_page, opened, title=title, links=links,
                                       node_links=node_links)
        _remember(snapshot.cache, page_key, page)
    return _html(page, content_security_policy(for_header=True))


def _graph_frame(
    as_of: str | None, current: str = "/graph",
) -> tuple[str, tuple[tuple[str, str], ...], dict[str, str]]:
    """The graph page's title, navigation and node links; as of a date (checked: digits and
    hyphens only), the title says so, every link keeps the date, and "Current data" goes to
    ``current`` (the same view without it)."""
    if as_of is None:
        return _TITLE, _GRAPH_LINKS, _NODE_LINKS
    dated = f"as_of={as_of}"
    return (f"{_TITLE} as of {as_of}",
            (("Home", "/"), ("Claims table", f"/claims.html?{dated}"),
             ("Current data", current)),
            {**_NODE_LINKS, "focus": f"/graph?{dated}&focus=", "query": f"?{dated}"})


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
    limit: int = Query(PAGE_ROWS, ge=1, le=1000, description="Claims per page."),
    offset: int = Query(0, ge=0, description="Claims to skip."),
    as_of: AsOf = None,
) -> HTMLResponse:
    state = get_state(request)
    analysis = (await snapshot_for(state, as_of)).analysis
    # In a thread: sorting every claim's summary takes a second or more on a large store.
    body = await asyncio.to_thread(pages_html.claims_page, analysis, sort=sort,
                                   descending=order == "desc", status=status, offset=offset,
                                   limit=limit)
    return _html(body, pages_html.page_policy())


@router.get("/actors.html", response_class=HTMLResponse,
            summary="Actors table (HTML): source group and reliability grade with its reasons")
async def actors_table(
    request: Request,
    # "" is the form's "any grade": a filter left empty, as kind and group can be.
    grade: Literal["A", "B", "C", "D", "E", "F", ""] | None = Query(
        None, description="Only actors with this reliability grade (empty: any)."),
    kind: str | None = Query(None, description="Only actors of this kind (Person, State, ...)."),
    group: str | None = Query(
        None, description="Only members of the source group of this actor, its head or any "
        "member (id or IRI)."),
    limit: int = Query(PAGE_ROWS, ge=1, le=1000, description="Actors per page."),
    offset: int = Query(0, ge=0, description="Actors to skip."),
    as_of: AsOf = None,
) -> HTMLResponse:
    # An empty form field comes as "": it means no filter, as a missing one does.
    grade, kind, group = grade or None, kind or None, group or None

    def build(snapshot: Snapshot) -> str:
        matches = actors.matching(snapshot, grade=grade, group=group, kind=kind)
        rows = matches[offset : offset + limit]
        # The reasons are in the explanations: built under ServiceState.explain, for this
        # page's actors only (all at once when they are many: LazyAssessments.many).
        assessed = snapshot.analysis.actors.many(row["iri"] for row in rows)
        reasons = {a.actor.iri: a.reliability.reasons for a in assessed}
        window = pages_lists.Window(len(matches), offset, limit)
        return pages_lists.actors_page(rows, reasons, window, grade=grade, kind=kind,
                                       group=group, as_of=snapshot.analysis.as_of)

    state = get_state(request)
    return _html(await explained(state, as_of, build), pages_html.page_policy())


@router.get("/evidence.html", response_class=HTMLResponse,
            summary="Evidence table (HTML): what each item bears on, and its weight there")
async def evidence_table(
    request: Request,
    kind: str | None = Query(None, description="Only evidence of this kind (Video, ...)."),
    limit: int = Query(PAGE_ROWS, ge=1, le=1000, description="Items per page."),
    offset: int = Query(0, ge=0, description="Items to skip."),
    as_of: AsOf = None,
) -> HTMLResponse:
    kind = kind or None

    def build(snapshot: Snapshot) -> str:
        analysis = snapshot.analysis
        # (a misspelt kind is a 404 with suggestions, as on /evidence: evidence.matching)
        matches = evidence.matching(snapshot, kind=kind, claim=None, actor=None)
        rows = matches[offset : offset + limit]
        # The weights of the page's items, as /evidence/{id} gives them: from the explanations
        # of the claims that can weigh them (a weight on a claim the item bears on through a
        # refinement is only in that claim's explanation), not from every claim's.
        weights = {row["iri"]: evidence.weights_of(analysis, row["iri"]) for row in rows}
        catalogue = analysis.catalogue
        return pages_lists.evidence_page(
            rows, weights, pages_lists.Window(len(matches), offset, limit), kind=kind,
            claim_texts={iri: c.text for iri, c in catalogue.claims.items()},
            actor_labels={iri: a.label for iri, a in catalogue.actors.items()},
            as_of=analysis.as_of,
        )

    state = get_state(request)
    return _html(await explained(state, as_of, build), pages_html.page_policy())


__all__ = ["router"]
