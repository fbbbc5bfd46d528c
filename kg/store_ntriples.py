"""Two jobs of :class:`kg.store.KnowledgeStore` kept apart from it: opening its Oxigraph engine
(in memory, or a directory checked to hold an Oxigraph store), and the fast path of loading one
N-Triples file (:func:`load_ntriples`), validated in columns while Oxigraph's bulk loader stages
it, so that nothing touches the store before the data passed. Both are the store's own
helpers: the fast path writes through its private ``_write`` and ``_adopt``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.bulkload import BackgroundBulkLoad
from kg.errors import ShapeValidationError, StoreError, StoreInUseError
from kg.formats import NTRIPLES, detect_format
from kg.rdfio import Limits, read_limited
from kg.staging import FileReport, FormatArg, LoadReport
from kg.store_context import known_types_of_columns

if TYPE_CHECKING:
    from kg.store import KnowledgeStore, ProgressCallback

# Oxigraph 0.5's bulk loader on RocksDB ingests up to this many quads in one atomic step.
_ATOMIC_BULK_QUADS = 1_000_000


def load_ntriples(
    store: KnowledgeStore,
    path: Path,
    fmt: FormatArg,
    limits: Limits,
    progress: ProgressCallback | None,
    started: float,
) -> LoadReport | None:
    """:meth:`KnowledgeStore.load` of one N-Triples file by :mod:`kg.shacl.staged`; ``None``
    to load it the general way (other formats, and any file it does not read exactly).

    Oxigraph's bulk loader builds a staging store while the file is read into columns, and
    the validation runs on them. Nothing touches this store before the data passed: an
    empty in-memory store then adopts the staging store (no second insert); any other
    store gets the same bytes in one all-or-nothing write (see below).
    """
    if detect_format(path, fmt) is not NTRIPLES:
        return None
    source = str(path)
    before = file_state(path)
    if before is None or before[0] > limits.max_file_bytes:
        return None  # unreadable or too big: the general way says so, reading nothing
    adopt = store.kind == "memory" and is_empty(store.oxigraph)
    # Started before the validator is imported, which then overlaps with the load.
    loader = BackgroundBulkLoad(path=source)
    touches: list[bool] = []
    from kg.shacl.staged import stage_ntriples, validate_staged

    staging = stage_ntriples(
        lambda: read_limited(path, limits),
        max_literal_bytes=limits.max_literal_chars,
        path=source,
        known_types=None if adopt else lambda cols: known_types_of_columns(store, cols, touches),
        loader=loader,
    )
    # The bulk loader read the file again: if it changed meanwhile, the general way.
    if staging is None or touches or file_state(path) != before:
        return None
    if staging.cols.triples > limits.max_quads_per_load:
        return None
    if progress:
        progress("parsing", 1, 1)
    results = validate_staged(staging, source=source)
    violations = [v for v in results if v.severity == "Violation"]
    if violations:
        raise ShapeValidationError(source, violations)
    triples = staging.cols.triples
    if progress:
        progress("validating", 1, 1)
        progress("writing", 0, triples)
    # Adopted only if still empty: a write from elsewhere meanwhile is kept.
    if adopt and is_empty(store.oxigraph):
        store._adopt(staging.store)
    else:
        data, engine = staging.data, store.oxigraph
        # On disk, fewer quads than the bulk loader's batch go in as one atomic RocksDB
        # ingestion, crash included (kg/ingest/writes.py, _ATOMIC_BULK, says why and
        # tests/ingest kills loads to check it), several times faster than a transaction.
        atomic_bulk = store.kind == "disk" and triples < _ATOMIC_BULK_QUADS
        write = engine.bulk_load if atomic_bulk else engine.load
        store._write(lambda: write(input=data, format=ox.RdfFormat.N_TRIPLES))
    if progress:
        progress("writing", triples, triples)
    report = FileReport(
        path=source,
        format=NTRIPLES.name,
        quads=triples,
        graph_names=(),
        warnings=tuple(v for v in results if v.severity != "Violation"),
    )
    return LoadReport(
        files=(report,),
        total_quads=triples,
        elapsed_seconds=time.perf_counter() - started,
    )


def open_engine(path: Path | None) -> ox.Store:
    """A new in-memory Oxigraph store, or the on-disk one at ``path`` (created if missing).

    Raises:
        StoreError: ``path`` is a file, a directory holding something else, a store another
            process has open, or cannot be opened.
    """
    if path is None:
        return ox.Store()
    if path.exists():
        if not path.is_dir():
            raise StoreError(f"{path}: exists and is not a directory; a store is a directory")
        if any(path.iterdir()) and not is_oxigraph_dir(path):
            raise StoreError(
                f"{path}: exists and is not an Oxigraph store (no RocksDB files with Oxigraph's "
                "column families); give a new or empty directory"
            )
    else:
        # RocksDB creates the store's own directory only, and reports a missing parent as
        # "IO error: ... While mkdir if missing", which names no cause a person can act on.
        parent = path.parent
        if not parent.is_dir():
            what = "is not a directory" if parent.exists() else "no such directory"
            raise StoreError(
                f"{parent}: {what}; create it first or give an existing parent "
                f"(the store {path} is created inside it)"
            )
    try:
        return ox.Store(str(path))
    except OSError as error:
        text = str(error).lower()
        if "lock" in text:
            # RocksDB says which: "lock hold by current process" when this process holds it.
            raise StoreInUseError(path, in_this_process="current process" in text) from None
        raise StoreError(f"{path}: cannot open the store: {error}") from None


def is_empty(store: ox.Store) -> bool:
    """No quad and no named graph (an empty named graph is kept by a store)."""
    return next(iter(store), None) is None and next(iter(store.named_graphs()), None) is None


def file_state(path: Path) -> tuple[int, int] | None:
    """Size and modification time of ``path`` (None if unreadable): whether a file changed
    between two reads."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def is_oxigraph_dir(path: Path) -> bool:
    """Whether ``path`` holds a RocksDB database with Oxigraph's column families."""
    if not (path / "CURRENT").is_file():
        return False
    options = sorted(path.glob("OPTIONS-*"))
    if not options:
        return True
    try:
        text = options[-1].read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return '[CFOptions "spog"]' in text


__all__ = ["file_state", "is_empty", "is_oxigraph_dir", "load_ntriples", "open_engine"]
