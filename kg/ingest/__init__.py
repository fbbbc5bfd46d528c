"""Bulk ingest of large RDF files: streamed, atomic per batch, resumable, never duplicating.

:func:`ingest_file` reads a file in batches (:mod:`kg.ingest.batches`) and writes each batch,
all or nothing, together with a progress record (:mod:`kg.ingest.records`). It holds a few
batches at a time (the next one is read while the current one is written, and into an on-disk
store, or a remote one with a bulk URL, two are written at once), whatever the size of the file
(the store's own memory aside: an in-memory store holds everything, RocksDB's caches grow with
the data on disk). What it guarantees:

- **Atomic per batch.** A batch is written whole or not at all, with its record: in one
  transaction (in memory; on a SPARQL endpoint, one update request, or with the opt-in bulk
  URL two POSTs to ``oxigraph serve``'s bulk loader, the triples and then the record, each
  all or nothing; an endpoint that refuses a batch for its size gets it in parts, the record
  last: docs/backends.md), or on disk in one
  RocksDB ingestion of sorted files (:mod:`kg.ingest.writes` says why that is atomic; a kill while
  the files are being written leaves them unused in the store's directory). Bad input
  (a syntax error, a literal over the limit) stops the ingest before its batch is written:
  the batches before it stay, nothing after it is written but, on disk, the batch that was
  being written alongside it, and :class:`IngestStopped` says which batches are in and where
  the file is wrong.
- **Resumable.** The resume point is the end of the longest run of committed batches from
  the start of the file (:func:`kg.ingest.records.committed`), so a batch committed ahead of
  an earlier one is simply written again.
  After a crash, a kill or Ctrl-C, ``resume=True`` continues from there for the same content
  (the record is keyed by the file's SHA-256).
- **Never duplicating.** Blank nodes are relabelled from the file's content hash
  (:mod:`kg.ingest.blank_nodes`), so a rerun writes exactly the quads the first run wrote and
  the store, a set of quads, does not grow.

What is checked per batch: the syntax, literal length (``limits.max_literal_chars``) and RDF 1.2
triple terms, as :func:`kg.store.KnowledgeStore.load` checks them; the file-size and
quads-per-load limits do not apply, since nothing is held whole. SHACL shapes cannot be checked
per batch (a node's triples may straddle batches, and ``sh:minCount`` would fail on the first
half); ``validate=True`` checks the whole file's data against the shapes after the last batch
and reports the results without undoing the load. As :meth:`kg.store.KnowledgeStore.load` does
(:mod:`kg.shacl.touched`), it checks the file together with what the store held, before this
run, about the file's subjects, with the types the store gives the nodes both refer to: a
file that contradicts a stored claim is fine, a second text for it is a violation, and a
violation the stored description had on its own is not reported. That check holds the file's
quads in memory, and reads the file once more before the first write to find its subjects
(after a resume, the batches an earlier run wrote count as held before).

Ingest is the path for large files; :meth:`kg.store.KnowledgeStore.load` stays the path for
case files and for data that must be validated before anything is written.

Example:
    >>> import tempfile
    >>> from kg.store import KnowledgeStore
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "dump.nt")
    ...     _ = path.write_text('<https://e.org/s> <https://e.org/p> _:o .\\n' * 3)
    ...     store = KnowledgeStore()
    ...     first = ingest_file(store, path, batch_size=2)
    ...     again = ingest_file(store, path, batch_size=2)
    ...     data = [q for q in store.quads() if q.graph_name == ox.DefaultGraph()]
    ...     (first.batches, first.quads, again.quads, len(data))
    (2, 3, 3, 1)
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing, nullcontext
from operator import attrgetter
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import InputError, Location, ShapeViolation, UnsupportedFormatError
from kg.formats import Format, detect_format
from kg.ingest.batches import (
    LINE_FORMATS,
    STREAM_FORMATS,
    Batch,
    line_batches,
    stream_batches,
)
from kg.ingest.blank_nodes import BlankNodes
from kg.ingest.records import (
    INGEST_GRAPH,
    START,
    Position,
    batch_record,
    committed,
    completion_record,
    file_record,
)
from kg.ingest.report import (
    IngestProgress,
    IngestProgressCallback,
    IngestReport,
    IngestStopped,
)
from kg.ingest.writes import finish, prefetched, writers, written_here
from kg.ingest.writes import writer as _writer
from kg.query_results import QueryResult, solutions, triples
from kg.rdfio import DEFAULT_LIMITS, Limits

#: Quads (N-Triples, N-Quads: lines) per batch, by default: a few tens of MB in memory, few
#: enough writes that their cost does not show, and under ``kg.ingest.writes._ATOMIC_BULK``.
DEFAULT_BATCH_SIZE = 100_000
#: Into an on-disk store, where each batch is one RocksDB ingestion of sorted files: fewer,
#: larger files leave less compaction for later (10M triples: 100k-line batches took 33 s and
#: 11 s more to close the store, 400k-line batches 36 s and nothing; raw bulk load 34 s).
DISK_BATCH_SIZE = 400_000
#: With the default batch size, the first batch of N-Triples or N-Quads is this many times
#: smaller, so that the first write starts sooner.
FIRST_BATCH_FRACTION = 8
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
# IRIs per VALUES block, as in kg.store_context: keeps each query's text small.
_VALUES_CHUNK = 1000


class Store(Protocol):
    """What an ingest needs of a store: :class:`kg.store.KnowledgeStore` on any backend.

    Writes go to ``store.oxigraph``: an embedded pyoxigraph ``Store`` (the fast path parses
    and writes a batch in one ``Store.load`` call), or a remote backend's engine, whose
    ``write_batch`` writes a batch and its records in one request.
    """

    def query(self, sparql: str) -> QueryResult: ...

    @property
    def oxigraph(self) -> object: ...


def ingest_file(
    store: Store,
    path: Path | str,
    *,
    fmt: str | Format | None = None,
    batch_size: int | None = None,
    resume: bool = False,
    validate: bool = False,
    blank_node_scope: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: IngestProgressCallback | None = None,
) -> IngestReport:
    """Ingest one N-Triples, N-Quads, Turtle or TriG file, each batch all or nothing.

    Args:
        store: the store to write to.
        path: the file.
        fmt: its format; by default the one its extension says.
        batch_size: quads per batch (for N-Triples and N-Quads, lines); by default
            :data:`DEFAULT_BATCH_SIZE`, or :data:`DISK_BATCH_SIZE` into an on-disk store, the
            first batch of N-Triples or N-Quads :data:`FIRST_BATCH_FRACTION` times smaller.
        resume: skip what an earlier run committed of the same content (same SHA-256), and do
            nothing if it committed all of it. Without it, the whole file is written again,
            which adds nothing that is already there.
        validate: after the last batch, check the file's data against the SHACL shapes
            (holds the file's quads in memory); results go to ``report.violations``.
        blank_node_scope: what blank node labels are derived from; by default the file's
            SHA-256. Give a fixed name to keep blank nodes the same across edited versions of
            a file (after fixing a syntax error, for instance).
        limits: ``max_literal_chars`` applies to every batch.
        progress: called after each committed batch.

    Returns:
        What this run wrote, what it skipped, and whether the whole file is in.

    Raises:
        IngestStopped: bad input; the batches before it are in, nothing after.
        UnsupportedFormatError: not one of the four formats.
        InputError: the file cannot be read; ``batch_size`` is not positive.
        StoreError: a write failed; the batch being written is not recorded as written (on a
            remote bulk URL its triples may be in: writing it again adds nothing).
    """
    started = time.perf_counter()
    path = Path(path)
    source = str(path)
    rdf_format = _ingest_format(path, fmt)
    first_batch_size = None
    if batch_size is None:
        batch_size = DISK_BATCH_SIZE if writers(store) > 1 else DEFAULT_BATCH_SIZE
        # Nothing is written until the first batch has been cut and checked, and the next
        # one is cut while a batch is written: a small first batch starts the writes sooner
        # (a 100k-line file in memory is two batches, so its cutting was not overlapped at
        # all: 0.27 s against 0.21 s for a raw bulk load).
        first_batch_size = batch_size // FIRST_BATCH_FRACTION
    if batch_size < 1:
        raise InputError(
            f"batch size {batch_size} is not positive",
            location=Location(source),
            term="batch_size",
            expected="at least 1",
        )
    size, sha256 = _size_and_digest(path)
    position, complete = committed(store, sha256) if resume else (START, False)
    write = _writer(store)
    state = _Run(
        path=source,
        fmt=rdf_format,
        sha256=sha256,
        skipped=position,
        started=started,
        complete=complete,
    )
    if progress:
        progress(
            IngestProgress(
                source,
                sha256,
                position.batches,
                position.quads_done,
                position.offset if complete else 0,
                size,
            )
        )
    if complete:
        return state.report()
    scope = blank_node_scope or sha256
    # Read before the first write: what the store holds about the file's subjects must be the
    # description before this file, or the file's own data would count as already there.
    before = _before(store, path, rdf_format, scope, limits) if validate else None
    nodes = BlankNodes(scope)
    batches = prefetched(
        _batches(path, rdf_format, batch_size, position, nodes, limits, first_batch_size)
    )
    first = True

    def committed_batch(batch: Batch) -> None:
        state.add(batch)
        if progress:
            progress(
                IngestProgress(
                    source,
                    sha256,
                    batch.end.batches,
                    batch.end.quads_done,
                    min(batch.end.offset, size),
                    size,
                )
            )

    in_flight: deque[tuple[Batch, Future[None]]] = deque()
    n_writers = writers(store)
    # One writer writes in this thread: a pool would only add a hand-over per batch.
    pool = ThreadPoolExecutor(max_workers=n_writers) if n_writers > 1 else None
    with closing(batches), pool or nullcontext():
        try:
            for batch in batches:
                records = batch_record(sha256, batch.end, batch.count)
                if first:
                    records += file_record(sha256, path.name, rdf_format.name)
                    first = False
                submitted = (pool.submit(write, batch, records) if pool
                             else written_here(write, batch, records))
                in_flight.append((batch, submitted))
                if len(in_flight) >= n_writers:
                    finish(in_flight, committed_batch, state.written_after_stop, rdf_format, source)
            while in_flight:
                finish(in_flight, committed_batch, state.written_after_stop, rdf_format, source)
        except InputError as error:
            raise _stopped(error, in_flight, committed_batch, state, rdf_format, source) from None
    write(None, completion_record(sha256, state.total_quads))
    state.complete = True
    if validate:
        if before is None:  # the first read stopped, the ingest did not: read it again
            quads = _file_quads(path, rdf_format, scope, limits)
            before = quads, _described(store, quads)
        state.violations = _validate(store, str(path), *before)
    return state.report()


def _stopped(
    error: InputError,
    in_flight: deque[tuple[Batch, Future[None]]],
    committed: Callable[[Batch], None],
    state: _Run,
    fmt: Format,
    source: str,
) -> IngestStopped:
    """The stop, once the writes still in flight have finished: a reading error can come
    while earlier batches are being written, and the report must count them. An earlier
    batch that turns out bad is the stop instead."""
    stop = error
    while in_flight:
        try:
            finish(in_flight, committed, state.written_after_stop, fmt, source)
        except InputError as earlier:
            # Without its traceback: its frames would hold this one, and through it the store.
            stop = earlier.with_traceback(None)
    return IngestStopped(state.report(), stop)


class _Run:
    """The running totals of one ingest."""

    def __init__(
        self,
        *,
        path: str,
        fmt: Format,
        sha256: str,
        skipped: Position,
        started: float,
        complete: bool,
    ) -> None:
        self.path, self.fmt, self.sha256 = path, fmt, sha256
        self.skipped, self.started, self.complete = skipped, started, complete
        self.batches = self.quads = 0
        #: Batches after the one an ingest stopped at that were written alongside it.
        self.written_after_stop: list[int] = []
        self.violations: tuple[ShapeViolation, ...] = ()

    @property
    def total_quads(self) -> int:
        return self.skipped.quads_done + self.quads

    def add(self, batch: Batch) -> None:
        self.batches += 1
        self.quads += batch.count

    def report(self) -> IngestReport:
        return IngestReport(
            path=self.path,
            format=self.fmt.name,
            sha256=self.sha256,
            first_batch=self.skipped.batches + 1,
            batches=self.batches,
            quads=self.quads,
            skipped_batches=self.skipped.batches,
            skipped_quads=self.skipped.quads_done,
            complete=self.complete,
            elapsed_seconds=time.perf_counter() - self.started,
            violations=self.violations,
            written_after_stop=tuple(self.written_after_stop),
        )


def _ingest_format(path: Path, fmt: str | Format | None) -> Format:
    rdf_format = detect_format(path, fmt)
    if rdf_format not in (*LINE_FORMATS, *STREAM_FORMATS):
        raise UnsupportedFormatError(
            f"{rdf_format.label} cannot be ingested in batches",
            location=Location(str(path)),
            term="format",
            expected="N-Triples, N-Quads, Turtle or TriG; load JSON-LD, RDF/XML and case "
            "files with `kg load`",
        )
    return rdf_format


def _size_and_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
        return path.stat().st_size, digest.hexdigest()
    except OSError as error:
        raise InputError(
            f"cannot read file: {error.strerror or error}", location=Location(str(path))
        ) from None


def _batches(
    path: Path, fmt: Format, batch_size: int, start: Position, nodes: BlankNodes, limits: Limits,
    first_batch_size: int | None = None,
) -> Generator[Batch, None, None]:
    if fmt in LINE_FORMATS:
        return line_batches(
            path, fmt, batch_size=batch_size, start=start, nodes=nodes, limits=limits,
            first_batch_size=first_batch_size,
        )
    return stream_batches(path, fmt, batch_size=batch_size, start=start, nodes=nodes, limits=limits)


def _before(
    store: Store, path: Path, fmt: Format, scope: str, limits: Limits
) -> tuple[list[ox.Quad], list[ox.Triple]] | None:
    """The file's quads, and what the store holds (in any graph) about their IRI subjects.

    ``None`` if the file is bad: the ingest then stops at the batch that is, with the error
    it gives there.
    """
    try:
        quads = _file_quads(path, fmt, scope, limits)
    except (InputError, SyntaxError):
        return None
    return quads, _described(store, quads)


def _file_quads(path: Path, fmt: Format, scope: str, limits: Limits) -> list[ox.Quad]:
    quads: list[ox.Quad] = []
    for batch in _batches(path, fmt, DEFAULT_BATCH_SIZE, START, BlankNodes(scope), limits):
        if batch.text is not None:
            quads += ox.parse(batch.text, format=ox.RdfFormat.N_QUADS)
        else:
            quads += batch.quads or []
    return quads


def _described(store: Store, quads: list[ox.Quad]) -> list[ox.Triple]:
    # A blank node of the file is relabelled from its scope: only IRIs can be described
    # already (as kg.store's _named_subjects).
    subjects = set(filter(ox.NamedNode.__instancecheck__, map(attrgetter("subject"), quads)))
    described: list[ox.Triple] = []
    for values in _values(subjects):
        rows = solutions(store.query(
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"
        ))
        described += (ox.Triple(row["s"], row["p"], row["o"]) for row in rows)
    return described


def _validate(
    store: Store, source: str, quads: list[ox.Quad], described: list[ox.Triple]
) -> tuple[ShapeViolation, ...]:
    """The file's data against the shapes, with the store's earlier description of its
    subjects (:func:`kg.shacl.touched.validate_touching`) and the types the store knows."""
    from kg.shacl.touched import validate_touching

    referenced = {q.object for q in quads if isinstance(q.object, ox.NamedNode)}
    referenced.update(t.object for t in described if isinstance(t.object, ox.NamedNode))
    known: list[ox.Triple] = []
    for values in _values(referenced):
        # Full IRIs: a store other than KnowledgeStore may predeclare no prefix.
        known += triples(store.query(
            f"CONSTRUCT {{ ?n <{_RDF_TYPE}> ?t . ?c <{_SUBCLASS_OF}> ?d }} WHERE {{ "
            f"VALUES ?n {{ {values} }} "
            f"{{ ?n <{_RDF_TYPE}> ?t "
            f"OPTIONAL {{ ?t <{_SUBCLASS_OF}>* ?c . ?c <{_SUBCLASS_OF}> ?d }} }} "
            f"UNION {{ ?n <{_SUBCLASS_OF}>* ?c . ?c <{_SUBCLASS_OF}> ?d }} }}"
        ))
    return tuple(validate_touching(quads, described, source=source, known_types=known))


def _values(nodes: set[ox.NamedNode]) -> Iterator[str]:
    """The nodes as SPARQL ``VALUES`` lists of ``_VALUES_CHUNK``: one query per chunk, not
    one per node, and no query text that grows with the file."""
    ordered = sorted(nodes, key=attrgetter("value"))
    for start in range(0, len(ordered), _VALUES_CHUNK):
        # The IRIs come from parsed data, so str() gives valid SPARQL; no user text here.
        yield " ".join(map(str, ordered[start : start + _VALUES_CHUNK]))


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DISK_BATCH_SIZE",
    "INGEST_GRAPH",
    "IngestProgress",
    "IngestProgressCallback",
    "IngestReport",
    "IngestStopped",
    "Store",
    "ingest_file",
]
