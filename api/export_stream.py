"""``/export`` of a whole embedded store as it is written: bounded memory, one version.

Built whole, an export of 1M triples took 600-680 MiB more than the store in the service's
process (as N-Triples; 10M about ten times that), and the client got its first byte only when
the last was written. Here the current version's checkpoint (the immutable copy the query workers
read) is pinned by a copy of hard links, which a later write cannot remove, opened read-only,
and written by :func:`kg.rdf_stream.write_store` in a thread into a bounded queue that the
response drains: memory stays at a few chunks, a slow client slows the writer rather than
filling memory, and a client that goes away stops it.

The first chunk is awaited before the response starts, so that an export that fails at once
still gets an error status. A failure after that can only cut the body short: it is logged.
A remote store has no checkpoint: its export is built whole, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import tempfile
import threading
import weakref
from collections.abc import AsyncIterator
from pathlib import Path

import pyoxigraph as ox
from fastapi.responses import StreamingResponse

from api.state import ServiceState
from kg.formats import Format
from kg.namespaces import ANALYSIS_GRAPH, INGEST_GRAPH
from kg.rdf_stream import format_streams, write_store

log = logging.getLogger("kg.api")

#: Bytes per chunk handed to the response, and chunks waiting at most: memory per export.
CHUNK_BYTES = 1 << 20
QUEUED_CHUNKS = 4
#: How often a blocked writer or reader looks whether the other side has gone (seconds).
_POLL = 0.5
_END = object()


class _Stopped(Exception):
    """The response went away (the client left): the writer stops."""


async def stream_export(
    state: ServiceState, rdf_format: Format, include_analysis: bool, filename: str
) -> StreamingResponse | None:
    """The whole store in ``rdf_format`` as a streamed response, or None where the export
    cannot be streamed (a remote store, or RDF/XML: :func:`kg.rdf_stream.streams`)."""
    checkpoint = state.current.store_path
    if checkpoint is None or not format_streams(rdf_format):
        return None
    pinned = await asyncio.to_thread(_pin, state)
    skip = {ox.NamedNode(INGEST_GRAPH)}
    if not include_analysis:
        skip.add(ox.NamedNode(ANALYSIS_GRAPH))
    loop = asyncio.get_running_loop()
    chunks: asyncio.Queue[object] = asyncio.Queue(QUEUED_CHUNKS)
    stopped = threading.Event()
    sink = _QueueSink(loop, chunks, stopped)

    def write() -> None:
        try:
            store = ox.Store.read_only(str(pinned))
            write_store(store, rdf_format, sink, skip)
            del store
            sink.finish(_END)
        except _Stopped:
            pass
        except Exception as error:  # handed to the response, which reports or logs it
            with contextlib.suppress(_Stopped):
                sink.finish(error)
        finally:
            shutil.rmtree(pinned, ignore_errors=True)

    threading.Thread(target=write, name="kg-export", daemon=True).start()
    try:
        first = await chunks.get()
    except BaseException:  # the request cancelled (the client gone) before the first chunk
        stopped.set()
        raise
    if isinstance(first, BaseException):
        raise first

    async def body() -> AsyncIterator[bytes]:
        item = first
        try:
            while item is not _END:
                if isinstance(item, BaseException):
                    log.error("the export stopped part-way: %s", item)
                    return
                assert isinstance(item, bytes)
                yield item
                item = await chunks.get()
        finally:
            stopped.set()
            while not chunks.empty():  # a writer waiting to put a chunk sees the stop
                chunks.get_nowait()

    # A body that is never iterated (a response dropped before it was sent: the client gone
    # before the first byte, on a server that then skips the body) never runs its ``finally``:
    # the writer waited on the full queue for good and its pinned copy stayed on disk. So the
    # writer is also stopped when the body itself goes.
    iterator = body()
    weakref.finalize(iterator, stopped.set)
    return StreamingResponse(iterator, media_type=rdf_format.media_type,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _pin(state: ServiceState) -> Path:
    """A copy of the current checkpoint of hard links (a write publishes a new version and
    removes the old checkpoint; a copy taken while that happens is taken again)."""
    for _ in range(5):
        checkpoint = state.current.store_path
        assert checkpoint is not None
        copy = Path(tempfile.mkdtemp(prefix="export-", dir=checkpoint.parent))
        try:
            for entry in os.scandir(checkpoint):
                target = copy / entry.name
                if entry.name.endswith(".sst"):
                    os.link(entry.path, target)  # immutable: shared, not copied
                else:  # the small files RocksDB may rewrite (its log, its manifest)
                    shutil.copyfile(entry.path, target)
            return copy
        except FileNotFoundError:
            shutil.rmtree(copy, ignore_errors=True)
    raise RuntimeError("the data changed five times while the export was starting")


class _QueueSink:
    """A binary file for pyoxigraph's writer that hands chunks to the response's queue,
    waiting while the queue is full, and stops the writer once the response has gone."""

    def __init__(self, loop: asyncio.AbstractEventLoop, chunks: asyncio.Queue[object],
                 stopped: threading.Event) -> None:
        self._loop, self._chunks, self._stopped = loop, chunks, stopped
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= CHUNK_BYTES:
            self._put(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def flush(self) -> None:
        """Nothing: chunks go when full, and the rest at :meth:`finish`."""

    def finish(self, last: object) -> None:
        """Hand over what is buffered, then ``last`` (the end, or the error)."""
        if self._buffer and last is _END:
            self._put(bytes(self._buffer))
        self._put(last)

    def _put(self, item: object) -> None:
        if self._stopped.is_set():
            raise _Stopped
        future = asyncio.run_coroutine_threadsafe(self._chunks.put(item), self._loop)
        while True:
            try:
                future.result(_POLL)
                return
            except TimeoutError:
                if self._stopped.is_set():  # the response drains the queue as it stops
                    raise _Stopped from None


__all__ = ["stream_export"]
