"""``as_of`` where it is not offered: a 422 that says where it is, never the present.

``?as_of=DATE`` is answered on ``/claims``, ``/claims.csv`` and ``/claims/{id}`` only. Elsewhere
(the pages, the graph view, ``/actors``, ``/evidence``) an unknown parameter would be ignored,
so ``/claims.html?as_of=2024-10-18`` showed today's statuses as though they were that day's.
These routers refuse it instead (a dependency: nothing is added to the OpenAPI schema).
"""

from __future__ import annotations

from fastapi import Request

from api.errors import ApiError

#: Where an analysis as of a date is offered, for the message.
OFFERED = ("/claims?as_of=DATE, /claims.csv?as_of=DATE or /claims/{id}?as_of=DATE "
           "(actors' grades as of a date: kg grades --as-of DATE)")


async def refuse_as_of(request: Request) -> None:
    """422 ``invalid_parameter`` naming ``as_of`` if the request gives it."""
    if "as_of" in request.query_params:
        raise ApiError(422, "invalid_parameter",
                       f"as_of: not offered on {request.url.path}, which shows the current "
                       f"data; ask {OFFERED}")


__all__ = ["OFFERED", "refuse_as_of"]
