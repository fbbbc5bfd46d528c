"""``/export`` of a whole embedded store is streamed from the version current when it started
(api.export_stream): the same statements as the store's export, sent in chunks without a
length, unchanged by a write that lands while it is read, and stopped when the client goes."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

import api.export_stream as export_stream
from api.state import ServiceState
from kg.formats import format_by_name


def _triples(data: bytes, fmt: str) -> set[ox.Triple]:
    parsed = ox.Store()
    parsed.load(data, format=format_by_name(fmt).oxigraph)
    return {q.triple for q in parsed}


@pytest.fixture
def writer(make_client: Callable[..., TestClient], token: str) -> TestClient:
    client = make_client(writes_enabled=True, write_token=token)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _state(client: TestClient) -> ServiceState:
    state = client.app.state.kg  # type: ignore[attr-defined]
    assert isinstance(state, ServiceState)
    return state


@pytest.mark.parametrize("fmt", ["nt", "turtle", "trig"])
def test_the_streamed_export_is_the_store(writer: TestClient, fmt: str) -> None:
    response = writer.get("/export", params={"format": fmt})
    assert response.status_code == 200
    assert "content-length" not in response.headers  # streamed, not built whole
    assert response.headers["content-disposition"].endswith(
        f'"cred-kg.{format_by_name(fmt).extensions[0]}"')
    store = _state(writer).store
    assert store is not None
    expected = _triples(store.export(fmt), fmt)
    assert len(expected) > 500
    assert _triples(response.content, fmt) == expected


def test_a_write_after_the_export_started_is_not_in_it(writer: TestClient) -> None:
    """The export reads a pinned copy of the version current when it started: a write that
    publishes a new version (and removes the old checkpoint) leaves the copy whole."""
    state = _state(writer)
    before = _triples(writer.get("/export", params={"format": "nt"}).content, "nt")
    pinned = export_stream._pin(state)
    response = writer.post("/actors", json={"id": "late-actor", "name": "Late Actor",
                                            "kind": "Person"})
    assert response.status_code in (200, 201), response.text
    copy = ox.Store.read_only(str(pinned))
    held = {q.triple for q in copy}
    del copy
    assert not any("late-actor" in str(t.subject) for t in held)
    assert any("late-actor" in str(t.subject)
               for t in _triples(writer.get("/export", params={"format": "nt"}).content, "nt"))
    assert {t for t in held if "analysis" not in str(t.predicate)} >= {
        t for t in before if "analysis" not in str(t.predicate)}


@pytest.fixture
def pinned_copies(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Chunks of 64 bytes and a queue of one, and the pinned copies the exports make."""
    monkeypatch.setattr(export_stream, "CHUNK_BYTES", 64)
    monkeypatch.setattr(export_stream, "QUEUED_CHUNKS", 1)
    copies: list[Path] = []
    pin = export_stream._pin

    def recording_pin(s: ServiceState) -> Path:
        copies.append(pin(s))
        return copies[-1]

    monkeypatch.setattr(export_stream, "_pin", recording_pin)
    return copies


def test_a_client_that_leaves_stops_the_writer(writer: TestClient,
                                               pinned_copies: list[Path]) -> None:
    """Chunks of 64 bytes and a queue of one: after the first chunk the writer waits for the
    client; when the body is closed, the writer stops and removes its pinned copy."""
    state = _state(writer)

    async def first_chunk_then_leave() -> bytes:
        response = await export_stream.stream_export(state, format_by_name("nt"), False, "x.nt")
        assert response is not None
        body = response.body_iterator
        chunk = await body.__anext__()
        await body.aclose()  # type: ignore[attr-defined]
        return bytes(chunk)

    chunk = asyncio.run(first_chunk_then_leave())
    assert chunk.startswith(b"<") and len(chunk) >= 64
    writers = [t for t in threading.enumerate() if t.name == "kg-export"]
    for thread in writers:
        thread.join(30)
    assert not any(t.is_alive() for t in writers)
    assert pinned_copies and not pinned_copies[0].exists()


def test_a_body_never_sent_stops_the_writer(writer: TestClient,
                                           pinned_copies: list[Path]) -> None:
    """A response dropped before its body was iterated (the client gone before the first
    byte): the body's ``finally`` never runs, and the writer waited on the full queue for good,
    its pinned copy kept on disk until the service stopped."""
    state = _state(writer)

    async def drop_the_response() -> None:
        response = await export_stream.stream_export(state, format_by_name("nt"), False, "x.nt")
        assert response is not None
        await asyncio.sleep(2 * export_stream._POLL)  # the writer is waiting on the queue
        del response

    asyncio.run(drop_the_response())
    writers = [t for t in threading.enumerate() if t.name == "kg-export"]
    for thread in writers:
        thread.join(30)
    assert not any(t.is_alive() for t in writers)
    assert pinned_copies and not pinned_copies[0].exists()


def test_a_request_cancelled_before_the_first_chunk_stops_the_writer(
        writer: TestClient, pinned_copies: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The client leaves while the export waits for its first chunk (a large store's first
    megabyte): no body exists yet to stop the writer, so the cancelled wait does."""
    state = _state(writer)
    release = threading.Event()

    def slow_write(_store: object, _fmt: object, sink: Any, _skip: object) -> None:
        release.wait(10)
        sink.write(b"<x> <y> <z> .\n" * 10)  # one chunk of 64 bytes or more: the queue fills

    monkeypatch.setattr(export_stream, "write_store", slow_write)

    async def leave_before_the_first_chunk() -> list[threading.Thread]:
        task = asyncio.create_task(
            export_stream.stream_export(state, format_by_name("nt"), False, "x.nt"))
        while not pinned_copies:
            await asyncio.sleep(0.01)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        release.set()
        # The loop runs on meanwhile, as a server's does (a closed loop stops the writer too).
        writers = [t for t in threading.enumerate() if t.name == "kg-export"]
        for thread in writers:
            await asyncio.to_thread(thread.join, 10)
        return writers

    writers = asyncio.run(leave_before_the_first_chunk())
    assert writers and not any(t.is_alive() for t in writers)
    assert not pinned_copies[0].exists()
