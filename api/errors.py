"""One JSON error shape for every error the service answers with.

Every error body is::

    {"error": {"status": 404, "code": "not_found", "message": "no claim 'x'", "details": null}}

``status`` repeats the HTTP status, ``code`` is a stable machine-readable name, ``message`` is
for people, and ``details`` (an object, a list or null) carries structured context: the line
and column of a syntax error, the SHACL violations of a rejected write. Unexpected exceptions
are logged with an id and answered with a generic 500 that carries only that id: never a stack
trace, never the exception's text.

Example:
    >>> error_body(404, "not_found", "no claim 'x'")
    {'error': {'status': 404, 'code': 'not_found', 'message': "no claim 'x'", 'details': None}}
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg.authoring.problems import suggest
from kg.authoring.structure import fields_at
from kg.errors import InputError, ShapeValidationError, StoreError

log = logging.getLogger("kg.api")

# Codes for the statuses that the framework raises by itself (unknown route, wrong method).
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error meant for the client: raise it anywhere in a request and it is answered
    in the one shape.

    Example:
        >>> ApiError(404, "not_found", "no claim 'x'").status
        404
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def error_body(status: int, code: str, message: str, details: Any = None) -> dict[str, Any]:
    """The error shape as a dict."""
    return {"error": {"status": status, "code": code, "message": message, "details": details}}


def error_response(error: ApiError) -> JSONResponse:
    """The JSON response for an :class:`ApiError`."""
    return JSONResponse(
        error_body(error.status, error.code, error.message, error.details),
        status_code=error.status,
        headers=error.headers,
    )


def input_error(error: InputError, status: int = 400, code: str = "invalid_input") -> ApiError:
    """An :class:`ApiError` for a core input error, with its location and suggestions."""
    return ApiError(status, code, str(error), details=error.to_dict())


def shape_error(error: ShapeValidationError) -> ApiError:
    """A 422 listing the SHACL violations of rejected data (at most 100)."""
    return ApiError(
        422,
        "shape_violation",
        f"{len(error.violations)} SHACL violation(s): the data does not conform to "
        "ontology/shapes.ttl; nothing was written",
        details=[
            {"focus": v.focus, "path": v.path, "message": v.message, "severity": v.severity,
             "shape": v.shape, "value": v.value}
            for v in error.violations[:100]
        ],
    )


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        # Framework messages are fixed strings ("Not Found"); say which path was not found.
        message = (f"no route {request.url.path}" if exc.status_code == 404
                   else f"{request.method} is not allowed on {request.url.path}"
                   if exc.status_code == 405 else str(exc.detail))
        return error_response(ApiError(exc.status_code, code, message,
                                       headers=getattr(exc, "headers", None)))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only where and what: pydantic's "input" and "ctx" echo the request back.
        details = [_validation_detail(request, error) for error in exc.errors()]
        unknown = next((d for d in details if d.get("suggestions")), None)
        message = "the request does not match the API's schema"
        if unknown is not None:
            message += (f": unknown field {unknown['location'][-1]!r}; did you mean "
                        f"{' or '.join(map(repr, unknown['suggestions']))}?")
        return error_response(ApiError(422, "invalid_request", message, details))

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return error_response(input_error(exc))

    @app.exception_handler(ShapeValidationError)
    async def _shape_error(request: Request, exc: ShapeValidationError) -> JSONResponse:
        return error_response(shape_error(exc))

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _internal(request, exc, "store_error", "the store could not be read or written")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _internal(request, exc, "internal_error", "internal error")


def _validation_detail(request: Request, error: Any) -> dict[str, Any]:
    """Where and what (pydantic's "input" and "ctx" would echo the request back), and for an
    unknown field of a JSON body the fields it may have meant, as a case file's loader says."""
    loc = tuple(error.get("loc", ()))
    detail: dict[str, Any] = {"location": [str(part) for part in loc],
                              "message": error.get("msg", ""), "type": error.get("type", "")}
    field = getattr(request.scope.get("route"), "body_field", None)
    body = getattr(getattr(field, "field_info", None), "annotation", None)
    if error.get("type") == "extra_forbidden" and loc[:1] == ("body",) and \
            isinstance(body, type) and issubclass(body, BaseModel):
        close = suggest(str(loc[-1]), fields_at(body, loc[1:-1]))
        if close:
            detail["suggestions"] = close
    return detail


def _internal(request: Request, exc: Exception, code: str, message: str) -> JSONResponse:
    incident = uuid.uuid4().hex[:12]
    log.error("%s %s failed (incident %s)", request.method, request.url.path, incident,
              exc_info=exc)
    return error_response(ApiError(500, code, f"{message} (incident {incident}; see the "
                                   "server log)", details={"incident": incident}))


__all__ = [
    "ApiError",
    "error_body",
    "error_response",
    "input_error",
    "install_error_handlers",
    "shape_error",
]
