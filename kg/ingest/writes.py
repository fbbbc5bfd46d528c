"""Writing an ingest's batches: one writer per call, two at once into an on-disk store, the
next batch read in a thread meanwhile (private to :mod:`kg.ingest`)."""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from kg.errors import StoreError
from kg.formats import Format
from kg.ingest.batches import Batch, syntax_error

if TYPE_CHECKING:
    from kg.backends.sparql import SparqlEngine

# Oxigraph 0.5's bulk loader on RocksDB (lib/oxigraph/src/storage/rocksdb.rs) collects up to
# DEFAULT_BULK_LOAD_BATCH_SIZE = 1,000,000 quads, parsing them all first, then writes one sorted
# file per column family and hands them all to RocksDB in one IngestExternalFiles call, which
# RocksDB makes atomic across column families, crash included ("if this function returns NOK,
# or the process crashes, then none of the files will be ingested"). So a bulk load of fewer
# quads than that is all or nothing, like a transaction; tests/ingest/test_kill_resume.py kills
# ingests on disk to check it. pyproject pins pyoxigraph below 0.6.
_ATOMIC_BULK = 1_000_000


#: Batches written at once into an on-disk store: Oxigraph's bulk loader parses and sorts a
#: batch on one core, so two batches in flight keep both cores busy (10M triples: 30 s against
#: 39 s one after the other, and 34 s for one raw bulk load of the whole file).
DISK_WRITERS = 2


def writers(store: Any) -> int:
    """Two writers into an embedded on-disk store, where each write is its own RocksDB
    ingestion, and into a remote store with a bulk URL (``oxigraph serve``'s bulk loader, the
    same ingestion: the next batch is checked and sent while the server loads one); one
    elsewhere (an in-memory write is a transaction, an ``INSERT DATA`` a transaction the
    server runs one at a time: two at once measured no faster)."""
    if getattr(store, "kind", None) == "disk" or _bulk_url(store) is not None:
        return DISK_WRITERS
    return 1


def _bulk_url(store: Any) -> str | None:
    client = getattr(getattr(store, "oxigraph", None), "client", None)
    return getattr(client, "bulk_url", None)


def written_here(write: Write, batch: Batch, records: list[ox.Quad]) -> Future[None]:
    """The write, done now, as a finished future (its error kept, as a pool's would be)."""
    done: Future[None] = Future()
    try:
        write(batch, records)
    except Exception as error:  # handed on by _finish, as from a pool
        done.set_exception(error)
    else:
        done.set_result(None)
    return done


def finish(
    in_flight: deque[tuple[Batch, Future[None]]],
    committed: Callable[[Batch], None],
    written_after_stop: list[int],
    fmt: Format,
    source: str,
) -> None:
    """Wait for the oldest write. If it failed, wait for the others too: a batch written
    alongside the bad one may be in the store, and the report says which."""
    batch, future = in_flight.popleft()
    error = future.exception()  # waits for the write
    del future
    if error is None:
        committed(batch)
        return
    # The error's frames are the writer's, which hold the store: dropped, so that the store
    # closes when its owner closes it, not when a garbage collection finds the cycle.
    error.__traceback__ = None
    for later, other in in_flight:
        if other.exception() is None:  # waits: no write runs on after the ingest stopped
            written_after_stop.append(later.end.batches)
    in_flight.clear()
    if isinstance(error, SyntaxError):
        raise syntax_error(error, fmt, source, batch.first_line, data=batch.text) from None
    raise error


def prefetched(batches: Generator[Batch, None, None]) -> Generator[Batch, None, None]:
    """The batches, each read (and checked) in a thread while the one before it is written:
    Oxigraph writes without the GIL, so cutting the file overlaps the writes (it was 3 s of a
    49 s ingest of 10M triples on disk, profiled). At most two batches wait besides the ones
    being written. A reading error comes after the batches before it, as without the thread."""
    ready: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(item: tuple[str, Any]) -> bool:
        """Hand ``item`` over; False once the consumer has gone."""
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for batch in batches:
                if not put(("batch", batch)):
                    break
            else:
                put(("end", None))
        except BaseException as error:  # handed to the consumer, after the batches before it
            put(("error", error))
        finally:
            batches.close()  # the file, when stopped early

    reader = threading.Thread(target=read, name="kg-ingest-reader", daemon=True)
    reader.start()
    try:
        while True:
            kind, item = ready.get()
            if kind == "end":
                return
            if kind == "error":
                raise item
            yield item
    finally:
        stop.set()
        reader.join()


def writer(store: Any) -> Write:
    """One write per call: the batch (if any) and its records, all or nothing."""
    # KnowledgeStore.oxigraph: the embedded pyoxigraph Store, or a remote store's engine
    # (kg.backends.sparql.SparqlEngine), whose write_batch takes a batch and its records.
    target: ox.Store | SparqlEngine = store.oxigraph
    if isinstance(target, ox.Store):
        oxigraph = target
        on_disk = getattr(store, "kind", None) == "disk"

        def write_oxigraph(batch: Batch | None, records: list[ox.Quad]) -> None:
            size = len(records) + (batch.count if batch else 0)
            # On disk, a batch under the bulk loader's own batch goes in as one RocksDB
            # ingestion of sorted files (see _ATOMIC_BULK), about three times faster than a
            # transaction on a store of a million quads; in memory, and for bigger batches,
            # Store.load and Store.extend are each one transaction (pyoxigraph 0.5).
            bulk = on_disk and size < _ATOMIC_BULK
            try:
                if batch is not None and batch.text is not None:
                    # (without an output, serialize returns the bytes: pyoxigraph's stub says
                    # bytes | None for both uses)
                    text = batch.text + ox.serialize(  # type: ignore[operator]
                        records, format=ox.RdfFormat.N_QUADS)
                    (oxigraph.bulk_load if bulk else oxigraph.load)(
                        text, format=ox.RdfFormat.N_QUADS
                    )
                else:
                    quads = [*(batch.quads or [] if batch else []), *records]
                    (oxigraph.bulk_extend if bulk else oxigraph.extend)(quads)
            except OSError as error:
                raise StoreError(f"write failed: {error}") from None

        return write_oxigraph

    def write_remote(batch: Batch | None, records: list[ox.Quad]) -> None:
        # One request per batch, its records in it (SparqlEngine.write_batch; with a bulk URL,
        # the text and then the records). Fast-path text goes as text: checked and rewritten
        # by Oxigraph's N-Triples parser and serializer in one call (with a bulk URL, as it is,
        # the server checking it), not parsed into quads here and formatted again (a profile
        # of 1M triples into `oxigraph serve`: 3.8 s of Python per million triples that way).
        try:
            if batch is not None and batch.text is not None:
                try:
                    target.write_batch(batch.text, records)
                    return
                except SyntaxError:
                    # Not N-Triples: an N-Quads line with a graph name, which the embedded
                    # store accepts too, or a real error, which this parse locates (the
                    # caller turns it into the file's line). Nothing was sent.
                    quads = list(ox.parse(batch.text, format=ox.RdfFormat.N_QUADS))
            else:
                quads = (batch.quads or []) if batch is not None else []
            target.write_batch(b"", [*quads, *records])
        except OSError as error:
            raise StoreError(f"write failed: {error}") from None

    return write_remote


class Write(Protocol):
    """Writes one batch (if any) and its records, all or nothing."""

    def __call__(self, batch: Batch | None, records: list[ox.Quad]) -> None: ...
