"""The SPARQL 1.1 Protocol's query operation at ``/sparql``, as a reusable router.

- ``GET /sparql?query=...`` and ``POST /sparql`` with a form (``query=...``) or with the query
  as the body (``Content-Type: application/sparql-query``), each with any number of
  ``default-graph-uri`` and ``named-graph-uri`` (protocol sections 2.1.1 to 2.1.4);
- ``GET /sparql`` without a query: the service description (SPARQL 1.1 Service Description);
- results negotiated by ``Accept`` (:mod:`api.sparql.negotiation`);
- every query passes the guard (:mod:`api.sparql.guard`) and runs in a worker process with a
  deadline (:mod:`api.sparql.execute`). SPARQL Update is not accepted here.

The default graph is the union of all graphs; ``FROM`` and ``default-graph-uri`` narrow it to
graphs of the store.

Example:
    >>> from fastapi import FastAPI
    >>> app = FastAPI()
    >>> app.include_router(sparql_router())
    >>> sorted(app.openapi()["paths"]["/sparql"])
    ['get', 'post']
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response

from api.deps import get_state
from api.errors import ApiError
from api.sparql.execute import execute
from api.sparql.guard import CheckedQuery, QueryRefused, check_query
from api.sparql.negotiation import GRAPH_TABLE, SELECT_TABLE, negotiate
from kg.formats import format_by_name
from kg.namespaces import PREFIXES

_REFUSAL_CODES = {
    "service": "service_refused",
    "external_graph": "external_graph",
    "update": "update_refused",
    "too_deep": "query_too_deep",
    "syntax": "malformed_query",
}
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                   "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG")

_QUERY_PARAMETERS = [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "A SPARQL 1.1 query. Without it, the service description is returned.",
     "example": "SELECT ?claim ?text WHERE { ?claim a cred:Claim ; cred:text ?text } LIMIT 5"},
    {"name": "default-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}},
     "description": "Graphs of the store that make up the default graph (repeatable)."},
    {"name": "named-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}},
     "description": "Graphs of the store available to GRAPH (repeatable)."},
]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Results, in the negotiated format.",
          "content": {f.media_type: {} for f in (*SELECT_TABLE, *GRAPH_TABLE)}},
    400: {"description": "Malformed or refused query (SERVICE, external graph, update)."},
    406: {"description": "No acceptable result format for this query form."},
    413: {"description": "Request body over the size limit."},
    415: {"description": "POST body neither a form nor application/sparql-query."},
    422: {"description": "More results than the result limit."},
    503: {"description": "Timed out, over the memory limit, or all workers busy."},
}


def sparql_router(path: str = "/sparql") -> APIRouter:
    """A router serving the SPARQL protocol at ``path`` for the app's service state."""
    router = APIRouter(tags=["SPARQL"])

    @router.get(path, summary="SPARQL query (GET), or the service description",
                openapi_extra={"parameters": _QUERY_PARAMETERS}, responses=_RESPONSES,
                response_class=Response)
    async def sparql_get(request: Request) -> Response:
        params = _url_parameters(request)
        if "update" in params:
            raise _update_refused()
        queries = params.get("query", [])
        if not queries:
            # In a thread: it names every named graph (a store of 100,000 documents has as
            # many: 0.8 s to describe).
            return await asyncio.to_thread(_service_description, request)
        return await _answer(request, queries, params.get("default-graph-uri", []),
                             params.get("named-graph-uri", []))

    @router.post(
        path, summary="SPARQL query (POST: form or application/sparql-query)",
        responses=_RESPONSES, response_class=Response,
        openapi_extra={
            "parameters": _QUERY_PARAMETERS[1:],
            "requestBody": {"required": True, "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {"schema": {
                    "type": "object", "required": ["query"],
                    "properties": {"query": {"type": "string"},
                                   "default-graph-uri": {"type": "array",
                                                         "items": {"type": "string"}},
                                   "named-graph-uri": {"type": "array",
                                                       "items": {"type": "string"}}}}}}},
        },
    )
    async def sparql_post(request: Request) -> Response:
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        body = await request.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "bad_encoding", "the request body is not UTF-8") from None
        if media == "application/x-www-form-urlencoded":
            try:
                # strict: a %-escape that is not UTF-8 would otherwise become U+FFFD, and the
                # client would hear of an "unexpected character" it never sent. In a thread:
                # a form of 8 MiB of %-escapes takes more than a second to decode.
                form = await asyncio.to_thread(parse_qs, text, keep_blank_values=True,
                                               errors="strict")
            except UnicodeDecodeError:
                raise ApiError(400, "bad_encoding", "the form's %-escapes are not UTF-8") \
                    from None
            if "update" in form:
                raise _update_refused()
            # The protocol puts the graph parameters of a form POST in its body (2.1.2);
            # clients also put them in the URL, which would otherwise be ignored silently.
            params = _url_parameters(request)
            return await _answer(
                request, form.get("query", []),
                form.get("default-graph-uri", []) + params.get("default-graph-uri", []),
                form.get("named-graph-uri", []) + params.get("named-graph-uri", []))
        if media == "application/sparql-query":
            params = _url_parameters(request)
            return await _answer(request, [text], params.get("default-graph-uri", []),
                                 params.get("named-graph-uri", []))
        if media == "application/sparql-update":
            raise _update_refused()
        raise ApiError(415, "unsupported_media_type",
                       "send the query as application/x-www-form-urlencoded (query=...) or "
                       "as application/sparql-query", details={"content_type": media or None})

    return router


def _url_parameters(request: Request) -> dict[str, list[str]]:
    """The URL's parameters, strictly UTF-8, as a form's are: Starlette's query_params turn
    a %-escape that is not UTF-8 into U+FFFD, and the client would hear of an "unexpected
    character" it never sent."""
    try:
        raw = request.scope.get("query_string", b"").decode("utf-8")
        return parse_qs(raw, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_encoding", "the URL's parameters are not UTF-8") from None


def _update_refused() -> ApiError:
    # (no link: the server does not serve the docs; this names the routes instead)
    return ApiError(400, "update_refused", "SPARQL Update is not accepted at this endpoint; "
                    "add data through the write API (POST /data, /claims, /actors, "
                    "/statements, /evidence: docs/api.md, \"Writes\")")


async def _answer(request: Request, queries: list[str], default_graphs: list[str],
                  named_graphs: list[str]) -> Response:
    if len(queries) != 1:
        raise ApiError(400, "bad_request", "give exactly one query",
                       details={"queries": len(queries)})
    # A query file saved with a byte order mark (`curl --data-binary @query.rq`) starts
    # with U+FEFF, which is no SPARQL.
    queries = [queries[0].removeprefix("\ufeff")]
    state = get_state(request)
    snapshot = state.current
    try:
        # In a thread, not in the event loop: the guard reads the whole query, and a POST
        # body may hold megabytes of it (20 s of tokens for 8 MiB of "a.a.a..."), which would
        # stall every other client (benchmarks/safety/growth.py).
        checked = await asyncio.to_thread(
            check_query, queries[0], named_graphs=snapshot.named_graphs,
            default_graph_uris=default_graphs, named_graph_uris=named_graphs,
            predeclared=PREFIXES, max_depth=state.settings.max_query_depth)
    except QueryRefused as refusal:
        details: dict[str, object] = {"line": refusal.line, "column": refusal.column}
        if refusal.code == "syntax":
            # The same details as the engine's syntax errors (api.sparql.execute).
            details["reason"] = refusal.message
        raise ApiError(400, _REFUSAL_CODES.get(refusal.code, "query_refused"), refusal.message,
                       details=details) from None
    accept = request.headers.get("accept")
    table = GRAPH_TABLE if checked.form in ("CONSTRUCT", "DESCRIBE") else SELECT_TABLE
    fmt = negotiate(accept, table)
    if fmt is None:
        raise ApiError(406, "not_acceptable",
                       f"no acceptable format for {_article(checked.form)} {checked.form} result",
                       details={"available": [f.media_type for f in table]})
    default_graph, named = _dataset(checked, default_graphs, named_graphs)
    reply = await execute(state, {
        "query": queries[0],
        "prefixes": PREFIXES,
        "select_format": fmt.name if table is SELECT_TABLE else None,
        "graph_format": fmt.name if table is GRAPH_TABLE else None,
        "default_graph": default_graph,
        "named_graphs": named,
    })
    return Response(reply.body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def _article(word: str) -> str:
    """The article before a query form: "an ASK", "a SELECT", "a CONSTRUCT"."""
    return "an" if word[:1] in "AEIOU" else "a"


def _dataset(checked: CheckedQuery, default_graphs: list[str],
             named_graphs: list[str]) -> tuple[list[str] | None, list[str] | None]:
    """The default and named graphs to run the query on; ``None`` for the store's own.

    The protocol's ``default-graph-uri`` and ``named-graph-uri`` replace the query's dataset
    (SPARQL 1.1 Protocol, 2.1.4). Failing them, the query's ``FROM`` and ``FROM NAMED`` are
    passed on explicitly: the union default graph the service otherwise asks for would
    override them (Oxigraph ignores ``FROM`` under ``use_default_graph_as_union``, and a
    remote store's ``default-graph-uri`` replaces it), and ``FROM NAMED`` alone means an empty
    default graph (SPARQL 1.1 Query, 13.2).

    Example:
        >>> _dataset(CheckedQuery("SELECT", ("urn:g",)), [], [])
        (['urn:g'], [])
        >>> _dataset(CheckedQuery("SELECT"), [], [])
        (None, None)
    """
    if default_graphs or named_graphs:
        return default_graphs, named_graphs
    if checked.from_graphs or checked.from_named_graphs:
        return list(checked.from_graphs), list(checked.from_named_graphs)
    return None, None


def _service_description(request: Request) -> Response:
    state = get_state(request)
    fmt = negotiate(request.headers.get("accept"), GRAPH_TABLE) or GRAPH_TABLE[0]
    sd = ox.NamedNode
    service = ox.BlankNode()
    dataset = ox.BlankNode()
    default = ox.BlankNode()
    rdf_type = sd("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    triples = [
        ox.Triple(service, rdf_type, sd(_SD + "Service")),
        ox.Triple(service, sd(_SD + "endpoint"), sd(str(request.url.replace(query="")))),
        ox.Triple(service, sd(_SD + "supportedLanguage"), sd(_SD + "SPARQL11Query")),
        ox.Triple(service, sd(_SD + "feature"), sd(_SD + "UnionDefaultGraph")),
        ox.Triple(service, sd(_SD + "defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd(_SD + "Dataset")),
        ox.Triple(dataset, sd(_SD + "defaultGraph"), default),
        ox.Triple(default, rdf_type, sd(_SD + "Graph")),
        ox.Triple(service, sd("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal(
            "Source-credibility knowledge graph. Queries only: SERVICE, LOAD, updates and "
            "external FROM graphs are refused; each query has a "
            f"{state.settings.query_timeout:g} s time limit and at most "
            f"{state.settings.max_results:,} results.")),
    ]
    triples += [ox.Triple(service, sd(_SD + "resultFormat"), sd(_FORMATS + name))
                for name in _RESULT_FORMATS]
    for graph in sorted(state.current.named_graphs):
        node = ox.BlankNode()
        triples += [ox.Triple(dataset, sd(_SD + "namedGraph"), node),
                    ox.Triple(node, rdf_type, sd(_SD + "NamedGraph")),
                    ox.Triple(node, sd(_SD + "name"), sd(graph))]
    body = ox.serialize(triples, format=format_by_name(fmt.name).oxigraph,
                        prefixes={"sd": _SD, "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


__all__ = ["sparql_router"]
