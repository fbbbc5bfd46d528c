"""What an ingest reports: progress while it runs, a report at the end, or where it stopped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.errors import InputError, KgError, ShapeViolation


@dataclass(frozen=True)
class IngestProgress:
    """The state after a committed batch (and once before the first, with ``batch`` 0).

    Attributes:
        path: the file.
        sha256: the SHA-256 of its content, the key of its progress record.
        batch: the index of the last committed batch of the file, counted from its start.
        quads: quads of the file committed so far, earlier runs included.
        bytes_done: bytes of the file read so far.
        bytes_total: the file's size.
    """

    path: str
    sha256: str
    batch: int
    quads: int
    bytes_done: int
    bytes_total: int


#: Called with an :class:`IngestProgress` after each committed batch.
IngestProgressCallback = Callable[[IngestProgress], None]


@dataclass(frozen=True)
class IngestReport:
    """What one ingest of one file did.

    Attributes:
        path: the file.
        format: its format's short name.
        sha256: the SHA-256 of its content, the key of its progress record.
        first_batch: the index of the first batch this run wrote (1 unless resumed).
        batches: batches this run committed.
        quads: quads this run committed (a quad already in the store counts, though it is
            not added twice).
        skipped_batches: batches committed by an earlier run and skipped (``resume``).
        skipped_quads: their quads.
        complete: every batch of the file is in the store.
        elapsed_seconds: wall-clock time of the run.
        violations: SHACL results, if validation was asked for (they do not undo the load).
        written_after_stop: on an on-disk store (or a remote one with a bulk URL) two batches
            are written at once, so when one stops the ingest the next may be in the store
            already: its index (the resume point stays before the bad batch, and rewriting a
            batch adds nothing).
    """

    path: str
    format: str
    sha256: str
    first_batch: int
    batches: int
    quads: int
    skipped_batches: int
    skipped_quads: int
    complete: bool
    elapsed_seconds: float
    violations: tuple[ShapeViolation, ...] = ()
    written_after_stop: tuple[int, ...] = ()

    @property
    def last_batch(self) -> int:
        """The index of the last batch of the file in the store (0 if none)."""
        return self.skipped_batches + self.batches

    @property
    def total_quads(self) -> int:
        """Quads of the file in the store, this run's and earlier runs' together."""
        return self.skipped_quads + self.quads


class IngestStopped(KgError):
    """An ingest stopped at bad input: the batches before it stay, the bad batch is not
    written, and nothing after it is, but for a batch written alongside it (on disk, or with
    a bulk URL), which the message names.

    Attributes:
        report: what is in the store (``complete`` is false).
        cause: the error, with the file, line and column.
    """

    def __init__(self, report: IngestReport, cause: InputError) -> None:
        self.report = report
        self.cause = cause
        super().__init__(str(self))

    def __str__(self) -> str:
        r = self.report
        if r.last_batch:
            earlier = (
                f"; batches 1..{r.skipped_batches} by an earlier run" if r.skipped_batches else ""
            )
            loaded = f"loaded batches 1..{r.last_batch} ({r.total_quads:,} quads{earlier})"
        else:
            loaded = "loaded nothing"
        if r.written_after_stop:
            after = ", ".join(str(i) for i in r.written_after_stop)
            written = "batch" if len(r.written_after_stop) == 1 else "batches"
            tail = f"{written} {after}, written alongside it, also loaded; nothing else after it"
        else:
            tail = "nothing after it was loaded"
        return f"{r.path}: {loaded}; stopped at {self.cause}; {tail}"


__all__ = ["IngestProgress", "IngestProgressCallback", "IngestReport", "IngestStopped"]
