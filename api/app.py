"""The query service: ``create_app(settings, store)`` builds a FastAPI app; nothing else does.

There is no module-level app or graph. The store is opened (or the given one used), loaded,
analysed and handed to the query workers in the app's ``lifespan``, so that building an app
costs nothing and each test builds its own.

Resources, one router each (:data:`ROUTERS`): ``/sparql`` (SPARQL 1.1 Protocol),
``/questions`` (named questions), ``/claims``, ``/actors``, ``/evidence``, ``/export``,
``/status``, the writes (``POST /claims`` ..., ``POST /data``), the HTML pages (``/``,
``/graph``, ``/claims.html`` ...) and ``/extract``. The OpenAPI document is at
``/openapi.json``; the interactive docs pages are off, because FastAPI's load their scripts
from a CDN.
Every GET route also answers HEAD (:class:`HeadAsGet`).

Example:
    >>> from fastapi.testclient import TestClient
    >>> with TestClient(create_app(Settings(query_workers=1))) as client:
    ...     client.get("/claims", params={"status": "corroborated"}).json()["total"]
    2
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import logredact
from api.errors import ApiError, error_response, install_error_handlers
from api.questions.router import questions_router
from api.routers import actors, claims, evidence, export, extract, pages, status, writes
from api.settings import Settings
from api.sparql.protocol import sparql_router
from api.state import ServiceState
from kg.store import KnowledgeStore

log = logging.getLogger("kg.api")

#: The routers every app includes, in order. Add a resource with one more entry.
ROUTERS: list[Callable[[], APIRouter]] = [
    lambda: status.router,
    sparql_router,
    questions_router,
    lambda: claims.router,
    lambda: actors.router,
    lambda: evidence.router,
    lambda: export.router,
    lambda: writes.router,
    lambda: pages.router,
    lambda: extract.router,
]


def create_app(settings: Settings | None = None, store: KnowledgeStore | None = None) -> FastAPI:
    """Build the service.

    Args:
        settings: the configuration; by default read from ``KG_*`` environment variables.
        store: a store to serve, on disk or remote (the caller keeps ownership; one in
            memory is copied to a temporary directory). By default the app opens
            ``settings.store``, or a temporary store, and loads ``settings.data`` or the
            seed case into it at start-up.

    Returns:
        The app; run it with any ASGI server (``kg serve`` uses uvicorn).
    """
    settings = settings or Settings()
    state = ServiceState(settings, store)
    # Each data version's list indexes are built in the background once it is published, so
    # that the first /claims of a large store does not wait for them (8 s at 10M triples).
    state.warmers = [claims.warm, actors.warm, evidence.warm]
    # No secret from a query string in the access log (api/logredact.py).
    logredact.install()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            await state.start()
            yield
        finally:
            # Also after a failed start: stop what did start, remove temporary folders.
            await state.stop()

    app = FastAPI(
        title="Source-credibility knowledge graph",
        summary="Claims, who affirms, denies or hedges them, on what evidence, and which "
        "claims independent sources corroborate.",
        version=_version(),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.kg = state
    install_error_handlers(app)
    for make_router in ROUTERS:
        app.include_router(make_router())
    # Outermost last: SecurityHeaders wraps BodyLimit, so that its early 413 gets the same
    # headers as every other answer, and HeadAsGet wraps everything.
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(UrlLimit)
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        # Only the configured origins, never with credentials: the write token travels in
        # a header that scripts must set on purpose.
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "Accept"],
                           allow_credentials=False)
    app.add_middleware(HeadAsGet)
    return app


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with a 413, before or while reading them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            # The same response as the error handlers give (api/errors.py), byte for byte.
            await error_response(ApiError(413, "request_too_large", self.message()))(
                scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                # An HTTPException, so that FastAPI's body reader passes it on as it is.
                raise HTTPException(413, self.message())
            return message

        await self.app(scope, limited, send)

    def message(self) -> str:
        """What the 413 says: the limit, and the setting that raises it."""
        return (f"the request body is over the limit of {self.max_bytes:,} bytes "
                "(setting max_request_bytes)")


#: The longest path and query string answered; a longer URL gets a 414 in the common error
#: shape. ``kg serve`` lets the HTTP layer read URLs up to :data:`MAX_READ_URL_BYTES`, so that
#: they reach this check (h11 refused some past 16 KiB, others not, with a plain-text 400).
MAX_URL_BYTES = 64 * 1024
MAX_READ_URL_BYTES = 1024 * 1024


class UrlLimit:
    """Refuse a URL over :data:`MAX_URL_BYTES` with a 414: a long query belongs in a POST."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            length = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            if length > MAX_URL_BYTES:
                await error_response(ApiError(
                    414, "uri_too_long",
                    f"the URL is {length:,} bytes, over the limit of {MAX_URL_BYTES:,}; send "
                    "a long query in a POST body (application/sparql-query, or a form)",
                ))(scope, receive, send)
                return
        await self.app(scope, receive, send)


class HeadAsGet:
    """Answer ``HEAD`` as ``GET`` would, without the body (RFC 9110, section 9.3.2).

    Starlette answers HEAD only on routes that declare it; FastAPI's ``@router.get`` does
    not, so ``curl -I`` and link checkers got a 405. Running the GET route and dropping the
    body keeps the status, the Content-Type and the Content-Length of the GET, for every GET
    route, with no second registration; a path that does not exist is still a 404.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` on responses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cred-kg")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


__all__ = ["ROUTERS", "BodyLimit", "HeadAsGet", "create_app"]
