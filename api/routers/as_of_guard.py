"""``as_of`` where it is not offered: a 422 that says where it is, never the present.

``?as_of=DATE`` is answered on ``/claims``, ``/claims.csv``, ``/claims/{id}``, ``/actors``,
``/actors/{id}``, ``/evidence``, ``/evidence/{id}``, the tables ``/claims.html``,
``/actors.html`` and ``/evidence.html``, and the graph view ``/graph`` (:mod:`api.as_of`).
Elsewhere an unknown parameter would be ignored, so a page would show today's data as though
it were that day's. The front page refuses it instead (a dependency: nothing is added to the
OpenAPI schema): its counts could be dated, but its named questions and SPARQL form answer
the current data only, and a page mixing the two would mislead. ``/export`` refuses it too:
an export is of the current data, and one asked as of a date would be loaded elsewhere and
read as that day's.
"""

from __future__ import annotations

from fastapi import Request

from api.errors import ApiError

#: Where an analysis as of a date is offered, for the message.
OFFERED = ("/claims?as_of=DATE (also /claims.csv, /claims/{id}, /actors, /actors/{id}, "
           "/evidence, /evidence/{id}, /claims.html, /actors.html, /evidence.html and /graph)")


async def refuse_as_of(request: Request) -> None:
    """422 ``invalid_parameter`` naming ``as_of`` if the request gives it."""
    if "as_of" in request.query_params:
        raise ApiError(422, "invalid_parameter",
                       f"as_of: not offered on {request.url.path}, which shows the current "
                       f"data; ask {OFFERED}")


__all__ = ["OFFERED", "refuse_as_of"]
