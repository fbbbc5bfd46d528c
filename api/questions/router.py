"""``/questions``: the named questions, listed and answered, one documented route each.

``GET /questions`` lists them with their parameters; ``GET /questions/{name}?param=value``
answers one. Every question also takes ``limit`` (default 100) and ``offset`` for paging.
Answers are JSON rows by default (``{"question", "parameters", "columns", "rows", "count",
"offset", "limit", "next"}``); ``Accept: text/csv``, ``text/tab-separated-values`` or
``application/sparql-results+json`` give the SPARQL results formats. A page with more after
it names the next in a ``Link: <url>; rel="next"`` header, whatever the format.
"""

from __future__ import annotations

import asyncio
import difflib
import json
from collections.abc import Awaitable, Callable
from dataclasses import replace
from functools import partial
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response

from api.deps import get_state
from api.errors import ApiError
from api.lookup import resolve
from api.questions.examples import served_examples
from api.questions.spec import ParameterError, Question, load_questions
from api.sparql.execute import execute
from api.sparql.guard import QueryRefused, check_query
from api.sparql.negotiation import ResultFormat, negotiate
from api.sparql.results import plain
from kg.analysis import Analysis
from kg.namespaces import PREFIXES

#: Formats of an answer: plain JSON rows first (the default), then the SPARQL formats.
ANSWER_TABLE: tuple[ResultFormat, ...] = (
    ResultFormat("rows", "application/json"),
    ResultFormat("json", "application/sparql-results+json"),
    ResultFormat("csv", "text/csv"),
    ResultFormat("tsv", "text/tab-separated-values"),
)
DEFAULT_LIMIT = 100
_PAGING = ("limit", "offset")


def describe(question: Question, base: str = "/questions") -> dict[str, Any]:
    """A question's listing entry: documentation, parameters and example URLs."""
    return {
        "name": question.name,
        "summary": question.summary,
        "description": question.description,
        "tags": list(question.tags),
        "url": f"{base}/{question.name}",
        "parameters": [
            {"name": p.name, "type": p.type.spec, "required": p.required, "default": p.default,
             "description": p.description, "schema": p.type.schema()}
            for p in question.parameters
        ],
        "examples": [f"{base}/{question.name}?{urlencode(e)}" if e else
                     f"{base}/{question.name}" for e in question.examples],
    }


def _openapi(question: Question) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = []
    for p in question.parameters:
        schema = p.type.schema()
        if p.default is not None:
            schema["default"] = p.default
        entry: dict[str, Any] = {"name": p.name, "in": "query", "required": p.required,
                                 "description": p.description, "schema": schema}
        examples = {f"example{i + 1}": {"value": e[p.name]}
                    for i, e in enumerate(question.examples) if p.name in e}
        if examples:
            entry["examples"] = examples
        parameters.append(entry)
    parameters += [
        {"name": "limit", "in": "query", "required": False,
         "description": "Rows per page (at most the server's result limit).",
         "schema": {"type": "integer", "minimum": 1, "default": DEFAULT_LIMIT}},
        {"name": "offset", "in": "query", "required": False, "description": "Rows to skip.",
         "schema": {"type": "integer", "minimum": 0, "default": 0}},
    ]
    return {
        "parameters": parameters,
        "responses": {"200": {"description": "The answer.", "content": {
            f.media_type: {} for f in ANSWER_TABLE}}},
    }


def questions_router(questions: dict[str, Question] | None = None) -> APIRouter:
    """A router for ``questions`` (by default, those shipped in ``api/questions``)."""
    table = questions if questions is not None else load_questions()
    router = APIRouter(prefix="/questions", tags=["Questions"])

    def listing(analysis: Analysis) -> list[dict[str, Any]]:
        # Examples that the data served can answer: the files' name items of the seed case.
        return [describe(replace(q, examples=served_examples(q, analysis)))
                for q in table.values()]

    @router.get("", summary="List the named questions and their parameters")
    async def list_questions(request: Request) -> list[dict[str, Any]]:
        # In a thread: choosing the examples ranks every actor, claim and evidence item.
        return await asyncio.to_thread(listing, get_state(request).current.analysis)

    for question in table.values():
        router.add_api_route(
            f"/{question.name}",
            _endpoint(question),
            methods=["GET"],
            summary=question.summary,
            description=question.description,
            operation_id=f"question_{question.name.replace('-', '_')}",
            response_class=Response,
            openapi_extra=_openapi(question),
        )

    # Registered after the questions, so that it answers only names that are none of them.
    @router.get("/{name}", include_in_schema=False)
    async def unknown_question(name: str) -> Response:
        close = difflib.get_close_matches(name, list(table), n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise ApiError(404, "not_found", f"no question {name!r}{hint} (GET /questions lists "
                       "them)", details={"suggestions": close})

    return router


def _endpoint(question: Question) -> Callable[[Request], Awaitable[Response]]:
    # A closure, not functools.partial: FastAPI reads the endpoint's signature, and would take
    # a bound ``question`` argument for a request body.
    async def endpoint(request: Request) -> Response:
        return await answer(request, question)

    return endpoint


async def answer(request: Request, question: Question) -> Response:
    """Answer ``question`` with the request's parameters."""
    state = get_state(request)
    params: dict[str, str] = {}
    for key in request.query_params:
        values = request.query_params.getlist(key)
        if len(values) > 1:
            raise ApiError(422, "invalid_parameter", f"give {key!r} once",
                           details={"parameter": key})
        params[key] = values[0]
    limit = _integer(params.pop("limit", None), "limit", DEFAULT_LIMIT, 1,
                     state.settings.max_results)
    offset = _integer(params.pop("offset", None), "offset", 0, 0, None)
    analysis = state.current.analysis
    try:
        # In a thread: an unknown id is compared with every id, for suggestions.
        terms = await asyncio.to_thread(question.bind, params, partial(resolve, analysis))
    except ParameterError as error:
        raise ApiError(error.status, "not_found" if error.status == 404 else
                       "invalid_parameter", error.message,
                       details={"parameter": error.name,
                                "suggestions": list(error.suggestions)}) from None
    text = question.render(terms)
    try:
        # Belt and braces: the values are pyoxigraph-serialised terms, but check anyway. Not
        # against max_query_depth: that bounds the queries clients write, and a question's
        # text is ours (contradictions nests 6 deep: a lower setting made every question a 500).
        check_query(text, named_graphs=state.current.named_graphs, predeclared=PREFIXES)
    except QueryRefused as refusal:  # pragma: no cover - would be a bug in a question file
        # Unexpected: answered as any other, with an incident id that the log has.
        raise RuntimeError(f"question {question.name} refused: {refusal.message}") from refusal
    fmt = negotiate(request.headers.get("accept"), ANSWER_TABLE)
    if fmt is None:
        raise ApiError(406, "not_acceptable", "no acceptable format for an answer",
                       details={"available": [f.media_type for f in ANSWER_TABLE]})
    reply = await execute(state, {"query": text, "prefixes": PREFIXES,
                                  "select_format": fmt.name, "offset": offset, "limit": limit})
    count = int(reply.header.get("rows", 0))
    next_url = None
    headers = {"Vary": "Accept"}
    if reply.header.get("more"):
        next_url = str(request.url.include_query_params(offset=offset + count, limit=limit))
        # RFC 8288: the CSV, TSV and SPARQL JSON answers have no envelope to carry `next`.
        headers["Link"] = f'<{next_url}>; rel="next"'
    if fmt.name != "rows":
        return Response(reply.body, media_type=fmt.media_type, headers=headers)
    envelope = {
        "question": question.name,
        "parameters": {name: plain(term) for name, term in terms.items()},
        "count": count, "offset": offset, "limit": limit, "next": next_url,
    }
    # The worker's body is {"columns": [...], "rows": [...]}: splice it into the envelope
    # rather than parse and re-encode a large answer.
    head = json.dumps(envelope, ensure_ascii=False).encode()
    body = head[:-1] + b", " + reply.body[1:]
    return Response(body, media_type="application/json", headers=headers)


def _integer(raw: str | None, name: str, default: int, low: int, high: int | None) -> int:
    if raw is None or raw == "":
        return min(default, high) if high is not None else default
    # isascii: str.isdigit() also accepts digits such as '²' that int() refuses.
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise ApiError(422, "invalid_parameter", f"{name} must be a whole number",
                       details={"parameter": name})
    value = int(raw)
    if value < low or (high is not None and value > high):
        raise ApiError(422, "invalid_parameter",
                       f"{name} must be between {low} and {high if high is not None else 'any'}",
                       details={"parameter": name})
    return value


__all__ = ["ANSWER_TABLE", "answer", "describe", "questions_router"]
