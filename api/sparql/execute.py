"""Run a query on the worker pool and turn every way it can fail into one API error.

Shared by the SPARQL endpoint and the named questions, so that a timeout, a result over the
limit or a malformed query reads the same wherever it happens.

=====================  ======  ============================================================
Failure                Status  Code
=====================  ======  ============================================================
Malformed query        400     ``malformed_query`` (details: line, column, reason)
Refused by the guard   400     ``service_refused``, ``external_graph``, ``update_refused``,
                               ``query_too_deep``
Evaluation error       400     ``query_failed``
No acceptable format   406     ``not_acceptable``
Too many results       422     ``too_many_results`` (never a truncated 200)
Past the time limit    503     ``query_timeout`` (the worker was killed)
Over the memory limit  503     ``query_aborted`` (the worker died and was replaced)
All workers busy       503     ``busy`` (with ``Retry-After``)
=====================  ======  ============================================================
"""

from __future__ import annotations

import re
from typing import Any

from api.errors import ApiError
from api.sparql.pool import PoolBusy, QueryTimeout, Reply, WorkerLost
from api.state import ServiceState

_POSITION = re.compile(r"^error at (\d+):(\d+): ")
_MAX_REASON = 400


async def execute(state: ServiceState, request: dict[str, Any]) -> Reply:
    """Run ``request`` (see :func:`api.sparql.worker.run_query`); return a successful reply.

    Raises:
        ApiError: for every failure, per the table above.
    """
    settings = state.settings
    assert state.pool is not None
    request = {"max_results": settings.max_results, "union_default_graph": True, **request}
    try:
        reply = await state.pool.query(request, timeout=settings.query_timeout)
    except PoolBusy:
        raise ApiError(503, "busy", f"all {settings.query_workers} query workers are busy; "
                       "try again shortly", headers={"Retry-After": "1"}) from None
    except QueryTimeout:
        raise ApiError(
            503, "query_timeout",
            f"the query ran longer than {settings.query_timeout:g} s and was stopped; "
            "narrow it (bind more variables, add a LIMIT) or ask the operator for a longer "
            "KG_QUERY_TIMEOUT",
            details={"timeout_seconds": settings.query_timeout},
        ) from None
    except WorkerLost:
        raise ApiError(
            503, "query_aborted",
            "the query was stopped: it needed more memory than a query worker may use "
            f"({settings.worker_memory_mb} MiB); narrow it",
            details={"memory_limit_mb": settings.worker_memory_mb},
        ) from None
    if reply.header.get("ok"):
        return reply
    raise _failure(reply.header, settings.max_results)


def _failure(header: dict[str, Any], max_results: int) -> ApiError:
    code, message = header.get("code"), str(header.get("message", ""))
    if code == "syntax":
        found = _POSITION.match(message)
        reason = _POSITION.sub("", message)
        if len(reason) > _MAX_REASON:
            reason = reason[:_MAX_REASON] + " ..."
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        where = f" at line {line}, column {column}" if line else ""
        return ApiError(400, "malformed_query", f"the query does not parse{where}",
                        details={"line": line, "column": column, "reason": reason})
    if code == "too_many_results":
        return ApiError(422, "too_many_results",
                        f"{message}; add a LIMIT (at most {max_results:,}) or narrow the query",
                        details={"max_results": max_results})
    if code == "not_acceptable":
        return ApiError(406, "not_acceptable", message)
    if code == "resources":
        return ApiError(503, "query_aborted", message)
    if code == "store":
        return ApiError(500, "store_error", "the store could not be read")
    return ApiError(400, "query_failed", "the query failed while running (an evaluation "
                    "error, such as a type error the engine does not forgive)")


__all__ = ["execute"]
