"""``kg ingest``: bulk ingest of large RDF files, atomic per batch, resumable.

Registered on the ``kg`` app by :func:`register` (see the end of :mod:`api.cli`); the work is
:func:`kg.ingest.ingest_file`'s. The command is defined inside :func:`register`, which imports
:mod:`api.cli` only when called, so that importing this module first starts no import cycle.
"""

# No "from __future__ import annotations": typer reads the command's annotations, which name
# types imported inside register(), so they must be evaluated where they are written.

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli_messages import quads

if TYPE_CHECKING:  # kg.ingest imports pyoxigraph, which `kg --help` does not need.
    from rich.console import Console

    from kg.ingest import IngestProgress, IngestReport
    from kg.store import KnowledgeStore

#: Exit code after Ctrl-C, as a shell reports a process stopped by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130

IngestFiles = Annotated[
    list[Path],
    typer.Argument(
        help="N-Triples (.nt), N-Quads (.nq), Turtle (.ttl) or TriG (.trig) files, "
        "ingested one after the other.",
        show_default=False,
    ),
]
# The defaults are kg.ingest.DEFAULT_BATCH_SIZE and DISK_BATCH_SIZE, named here rather than
# imported: kg.ingest loads pyoxigraph and rdflib, which `kg --help` does not need (a test
# keeps them equal).
BatchSizeOption = Annotated[
    int | None,
    typer.Option(
        "--batch-size",
        min=1,
        show_default=False,
        help="Quads per batch, each written all or nothing (N-Triples, N-Quads: "
        "lines) [default: 100,000; 400,000 into an on-disk store; the first batch of "
        "lines 8 times smaller].",  # tests/ingest/test_cli_ingest.py checks these figures
    ),
]
ResumeOption = Annotated[
    bool,
    typer.Option(
        "--resume",
        help="Skip the batches an earlier, interrupted run "
        "committed of the same file content; do nothing for a file already in.",
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="nt, nquads, turtle or trig; by default each file's extension says.",
        show_default=False,
    ),
]
ValidateOption = Annotated[
    bool,
    typer.Option(
        "--validate",
        help="After the last batch, check the file's data against "
        "the SHACL shapes, together with what the store held about its subjects, and report "
        "what the file breaks (the data stays loaded; the check holds the file's quads in "
        "memory).",
    ),
]
ScopeOption = Annotated[
    str | None,
    typer.Option(
        "--blank-node-scope",
        help="Derive blank node labels from this "
        "name instead of the file's SHA-256, so that an edited file keeps "
        "its blank nodes.",
        show_default=False,
    ),
]


@contextmanager
def _bar(enabled: bool, console: "Console") -> Iterator["Callable[[IngestProgress], None] | None"]:
    """A rich progress bar over the bytes of each file; nothing when not on a terminal."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        Progress,
        TaskID,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}", markup=False),  # a file name, not markup
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("batch {task.fields[batch]:,}, {task.fields[quads]:,} quads"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def report(event: "IngestProgress") -> None:
            if event.path not in tasks:
                tasks[event.path] = progress.add_task(
                    Path(event.path).name, total=event.bytes_total, batch=0, quads=0
                )
            progress.update(
                tasks[event.path], completed=event.bytes_done, batch=event.batch, quads=event.quads
            )

        yield report


def register(app: typer.Typer) -> None:
    """Add ``ingest`` to the ``kg`` command line."""
    from api.cli import EXIT_DATA, EXIT_USAGE, _check_files, _fail, _open_store, err, store_option
    from api.cli import out as console
    from kg.errors import KgError, ShapeValidationError, StoreError, UnsupportedFormatError

    # (an ingest without --store starts from nothing, not the seed case)
    IngestStore = Annotated[
        str | None, store_option("memory, empty, and gone when the command ends")
    ]

    @app.command("ingest")
    def ingest(
        files: IngestFiles,
        store: IngestStore = None,
        batch_size: BatchSizeOption = None,
        resume: ResumeOption = False,
        fmt: FormatOption = None,
        validate: ValidateOption = False,
        blank_node_scope: ScopeOption = None,
    ) -> None:
        """Ingest large RDF files in batches: streamed, each batch all or nothing, resumable.

        Memory holds a few batches at a time. A syntax error or an over-long literal stops
        the ingest: the batches before it stay loaded, nothing after it is written (on disk,
        but the batch written alongside it, which the message names), and the
        message names the batches and the file, line and column. Rerunning a file adds
        nothing already there (blank nodes included); --resume skips the batches an
        interrupted run committed. Without --store, the store is in memory and empty, and
        gone when the command ends.

        Exit codes: 0 every file is in; 1 bad data (what was loaded is said) or SHACL
        violations with --validate; 2 wrong usage; 3 the store cannot be opened or written
        (after a failed write, the batches in are named: rerun with --resume); 130
        interrupted (Ctrl-C): rerun with --resume.
        """
        import kg.ingest
        from kg.ingest import IngestStopped

        _check_files(files)
        last: dict[str, IngestProgress] = {}
        with _open_store(store, [], seed=False, sending=files) as target, \
                _bar(sys.stderr.isatty(), err) as bar:

            def progress(event: "IngestProgress") -> None:
                last["event"] = event
                if bar is not None:
                    bar(event)

            for index, path in enumerate(files):
                # Exits are raised after the except blocks, so that no exception (whose
                # traceback holds the store) stays attached to them as their context.
                code = None
                # The data before and after, counted exactly, to say what was new: a rerun,
                # or a file that overlaps one already in, writes quads the store holds.
                before = target.data_size()
                try:
                    report = kg.ingest.ingest_file(
                        target,
                        path,
                        fmt=fmt,
                        batch_size=batch_size,
                        resume=resume,
                        validate=validate,
                        blank_node_scope=blank_node_scope,
                        progress=progress,
                    )
                except IngestStopped as stopped:
                    err.print(f"error: {stopped}")
                    _not_ingested(files[index + 1 :], err)
                    code = EXIT_DATA
                except KeyboardInterrupt:
                    done = _committed(target, last.get("event"), str(path))
                    err.print(f"interrupted: {path}: {done}; rerun with --resume to continue")
                    code = EXIT_INTERRUPTED
                except UnsupportedFormatError as error:
                    err.print(f"error: {error}")
                    code = EXIT_USAGE
                except KgError as error:
                    code = _fail(error).exit_code
                    if isinstance(error, StoreError):
                        # A write failed (a server gone mid-way, a full disk): the batches
                        # before it are in, and --resume continues, as after Ctrl-C.
                        _resume_hint(target, last.get("event"), path, err)
                        _not_ingested(files[index + 1 :], err)
                if code is not None:
                    raise typer.Exit(code)
                added = target.data_size() - before
                console.print(_summary(report, added), soft_wrap=True)  # one line, for grep
                if report.violations:
                    _fail(ShapeValidationError(str(path), list(report.violations)))
                    err.print(f"{path}: the data stays loaded; fix it and rerun, or remove it")
                    raise typer.Exit(EXIT_DATA)


def _summary(r: "IngestReport", added: int) -> str:
    """The report of one file; ``added`` is how much the store's data grew."""
    if not r.batches and r.complete and r.skipped_batches:
        return (
            f"{r.path}: already in the store ({quads(r.skipped_quads)}, "
            f"{r.skipped_batches} batches); nothing to do"
        )
    batches = f"batches {r.first_batch}..{r.last_batch}" if r.batches else "no batch"
    text = (
        f"{r.path}: ingested {batches} ({quads(r.quads)}, {r.format}) in {r.elapsed_seconds:.1f} s"
    )
    # (a quad the file repeats is new once, then already there, as in `kg load`)
    if r.quads and not added:
        what = "the 1 quad was" if r.quads == 1 else f"all {r.quads:,} quads were"
        text += f"; nothing new: {what} already in the store"
    elif r.quads:
        already = f" ({r.quads - added:,} already in the store)" if r.quads > added else ""
        text += f"; {added:,} new {'quad' if added == 1 else 'quads'}{already}"
    if r.skipped_batches:
        text += (
            f"; skipped batches 1..{r.skipped_batches} ({quads(r.skipped_quads)}), "
            "committed by an earlier run"
        )
    return text


def _committed(store: "KnowledgeStore", event: "IngestProgress | None", path: str) -> str:
    """What the store holds of an interrupted file, read from its progress record: Ctrl-C
    may land after a batch's transaction and before its progress is reported."""
    from kg.ingest.records import committed

    if event is None or event.path != path:
        return "no batch of it is in the store"
    position, _ = committed(store, event.sha256)
    if not position.batches:
        return "no batch of it is in the store"
    return f"batches 1..{position.batches} are in the store ({quads(position.quads_done)})"


def _resume_hint(
    store: "KnowledgeStore", event: "IngestProgress | None", path: Path, console: "Console"
) -> None:
    """After a failed write, what of ``path`` is in the store and that --resume continues;
    nothing when no batch of it was committed, or the store was in memory (gone at exit). A
    store that no longer answers (a server that crashed) is described by the last batch
    reported committed."""
    from kg.errors import KgError

    if store.kind == "memory":
        return
    try:
        done = _committed(store, event, str(path))
    except (KgError, OSError):
        if event is None or event.path != str(path) or not event.batch:
            return
        done = f"batches 1..{event.batch} are in the store ({quads(event.quads)})"
    if not done.startswith("no batch"):
        console.print(f"stopped: {path}: {done}; rerun with --resume to continue")


def _not_ingested(paths: list[Path], console: "Console") -> None:
    for path in paths:
        console.print(f"not ingested: {path}")


__all__ = ["EXIT_INTERRUPTED", "register"]
