"""Queries forwarded to a remote store's endpoint keep the service's time limit and slot
bound, against a scripted endpoint that answers too slowly."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
from test_http import Scripted

from api.sparql.pool import PoolBusy, QueryTimeout
from api.sparql.remote import RemoteQueries
from kg.backends.http import SparqlClient
from kg.backends.sparql import SparqlEngine

REQUEST = {
    "query": "SELECT ?s WHERE { ?s ?p ?o }",
    "select_format": "json",
    "max_results": 10,
    "union_default_graph": True,
}


@pytest.fixture
def slow() -> Iterator[Scripted]:
    # Headers at once, then a space (which JSON allows) every 0.2 s for 10 s: only a total
    # deadline stops it.
    server = Scripted(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        b"Content-Length: 50\r\n\r\n",
        trickle=50,
        byte=b" ",
    )
    yield server
    server.sock.close()


def test_a_slow_endpoint_times_out_at_the_query_timeout(slow: Scripted) -> None:
    queries = RemoteQueries(SparqlEngine(SparqlClient(slow.url)), size=1)
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        asyncio.run(queries.query(dict(REQUEST), timeout=0.6))
    assert time.monotonic() - started < 2.5


def test_queries_past_the_slots_are_busy(slow: Scripted) -> None:
    queries = RemoteQueries(SparqlEngine(SparqlClient(slow.url)), size=1)

    async def two() -> list[BaseException | object]:
        return await asyncio.gather(
            queries.query(dict(REQUEST), timeout=0.6),
            queries.query(dict(REQUEST), timeout=0.3),
            return_exceptions=True,
        )

    first, second = asyncio.run(two())
    assert isinstance(first, QueryTimeout) and isinstance(second, PoolBusy)
