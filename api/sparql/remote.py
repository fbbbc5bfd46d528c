"""Queries on a remote store: forwarded to its SPARQL endpoint, with the pool's limits.

On a remote store (:mod:`kg.backends.sparql`) there is no local data for worker processes to
read: the endpoint evaluates every query. :class:`RemoteQueries` stands in for
:class:`api.sparql.pool.QueryPool` and gives the same replies and the same failures, so that
:mod:`api.sparql.execute` and everything above it do not know which store they run on.

What still holds, and what the endpoint must provide instead:

- the guard runs first, unchanged: ``SERVICE``, updates (``LOAD`` included) and graphs outside
  the store are refused before anything is sent, so the server never asks the endpoint to
  fetch anything, and it contacts no URL but the configured one (no redirects, no proxy);
- the time limit is a deadline on the HTTP exchange: at ``query_timeout`` the connection is
  closed and the client gets the same 503. Closing the connection stops a streaming engine
  (Oxigraph); others may finish the query on their own, so give the endpoint its own limit too
  (``oxigraph serve --timeout-s``, Virtuoso's ``MaxQueryExecutionTime``);
- the result limit holds: at most ``max_results + 1`` rows or triples are read, then the
  connection is closed;
- ``query_workers`` bounds the queries sent at once;
- the worker memory limit and network namespace do not apply: they are the endpoint's to set.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from api.sparql.pool import PoolBusy, QueryTimeout, Reply
from api.sparql.worker import answer

#: What /status reports instead of a worker's network isolation.
SANDBOX = "none: queries run on the remote SPARQL endpoint"


class RemoteQueries:
    """Runs query requests on a remote store's endpoint, at most ``size`` at a time.

    Args:
        engine: the store's :class:`kg.backends.sparql.SparqlEngine`.
        size: most queries in flight at once.
    """

    def __init__(self, engine: Any, *, size: int) -> None:
        self.engine = engine
        self.size = size
        self.sandbox = SANDBOX
        self._slots = asyncio.Semaphore(size)

    async def query(self, request: dict[str, Any], *, timeout: float) -> Reply:
        """Run a request (see :func:`api.sparql.worker.run_query`) within ``timeout``, which
        bounds the whole call, the wait for a slot included (as the pool's does).

        Raises:
            PoolBusy: no slot became free within ``timeout``.
            QueryTimeout: the endpoint did not answer within ``timeout``.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout)
        except TimeoutError:
            raise PoolBusy() from None
        try:
            left = max(0.001, deadline - loop.time())
            engine = self.engine.with_timeout(left)
            # The HTTP deadline stops the exchange itself; this one only guards the thread's
            # own work (parsing and writing the rows) from running on.
            header, body = await asyncio.wait_for(
                asyncio.to_thread(answer, engine, request), left + 1
            )
        except TimeoutError:
            raise QueryTimeout() from None
        finally:
            self._slots.release()
        if header.get("code") == "timeout":
            raise QueryTimeout()
        return Reply(header, body)

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        """Hold every slot while the data changes, as the pool holds every worker: no query
        sees new data with the analysis graph of the previous version."""
        taken = 0
        try:
            for _ in range(self.size):
                await self._slots.acquire()
                taken += 1
            yield
        finally:
            for _ in range(taken):
                self._slots.release()

    async def close(self) -> None:
        """Nothing to stop: each query has its own connection."""


__all__ = ["SANDBOX", "RemoteQueries"]
