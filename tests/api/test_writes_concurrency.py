"""Queries go on during a write: they read the previous version until the switch, then the new.

Before, a write held every query worker for the whole write and analysis refresh, and under
load queries waited past their timeout (503 busy; docs/reliability.md, the load test).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import pyoxigraph as ox

from api.state import ServiceState
from kg.store import KnowledgeStore
from tests.api.conftest import settings

MARK = ox.Quad(
    ox.NamedNode("https://e.org/marker"),
    ox.NamedNode("https://e.org/p"),
    ox.Literal("written"),
    ox.NamedNode("https://e.org/g"),
)
ASK = {"query": "ASK { <https://e.org/marker> ?p ?o }", "select_format": "json"}


async def _has_marker(state: ServiceState) -> bool:
    assert state.pool is not None
    request = {"max_results": 10, "union_default_graph": True, **ASK}
    reply = await state.pool.query(request, timeout=5.0)
    assert reply.header.get("ok"), reply.header
    return b"true" in reply.body


def test_queries_are_answered_from_the_old_version_during_a_write(
    make_store: Callable[..., KnowledgeStore],
) -> None:
    started = threading.Event()
    release = threading.Event()

    def slow_write(store: KnowledgeStore) -> None:
        store.oxigraph.add(MARK)
        started.set()
        # Held open until the queries below have been answered.
        assert release.wait(timeout=20)

    async def scenario() -> tuple[list[bool], float, bool, int, int]:
        state = ServiceState(settings(), store=make_store())
        await state.start()
        try:
            version = state.current.version
            write = asyncio.create_task(state.write(slow_write))
            while not started.is_set():
                await asyncio.sleep(0.01)
            begun = time.perf_counter()
            during = [await _has_marker(state) for _ in range(3)]
            answered_in = time.perf_counter() - begun
            release.set()
            await write
            return during, answered_in, await _has_marker(state), version, state.current.version
        finally:
            release.set()
            await state.stop()

    during, answered_in, after, before_version, after_version = asyncio.run(scenario())
    # The written quad is in the live store, but the queries read the previous checkpoint,
    # and they were answered while the write was still open (not after it).
    assert during == [False, False, False]
    assert answered_in < 10
    assert after is True
    assert after_version == before_version + 1
