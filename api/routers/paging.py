"""Paging for the list resources: one page shape, with a link to the next page."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel


class Page(BaseModel):
    """A page of a list: ``items``, the ``total`` that match, and where the next page is."""

    total: int
    limit: int
    offset: int
    next: str | None
    version: int


def page_of(request: Request, items: Sequence[Any], *, limit: int, offset: int,
            version: int) -> Response:
    """The page of ``items`` at ``offset``, with the URL of the next page if there is one.

    ``items`` are plain dicts, or the same already encoded as JSON (``bytes``): the list
    resources encode each summary once per data version, so that a request only slices and
    joins. Validating the items again against the response model on every request, as FastAPI
    does for a returned dict, would only cost time; the model still documents the shape.

    Example:
        >>> from starlette.requests import Request
        >>> request = Request({"type": "http", "method": "GET", "path": "/claims",
        ...                    "query_string": b"limit=1", "headers": [],
        ...                    "server": ("127.0.0.1", 8000), "scheme": "http"})
        >>> json.loads(page_of(request, ["a", "b"], limit=1, offset=0, version=1).body)["next"]
        'http://127.0.0.1:8000/claims?offset=1&limit=1'
    """
    return page_response(request, items[offset:offset + limit], total=len(items), limit=limit,
                         offset=offset, version=version)


def page_response(request: Request, page: Sequence[Any], *, total: int, limit: int,
                  offset: int, version: int) -> Response:
    """A page already cut out of ``total`` matches (see :func:`page_of`)."""
    end = offset + limit
    next_url = (str(request.url.include_query_params(offset=end, limit=limit))
                if end < total else None)
    encoded = [item if isinstance(item, bytes) else encode(item) for item in page]
    head = encode({"total": total, "limit": limit, "offset": offset, "next": next_url,
                   "version": version})
    body = head[:-1] + b',"items":[' + b",".join(encoded) + b"]}"
    return Response(body, media_type="application/json")


def encode(value: Any) -> bytes:
    """Compact JSON, UTF-8."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


__all__ = ["Page", "encode", "page_of", "page_response"]
