"""The ``kg`` command line.

Every command works on one store: the on-disk Oxigraph directory given by ``--store`` (or the
``KG_STORE`` environment variable), or, without one, a fresh in-memory store holding the
built-in seed case plus the files named on the command line.

Exit codes: 0 success; 1 the data is bad (syntax, shapes, limits, unsafe input); 2 the command
was used wrongly (unknown option, missing file); 3 the store cannot be opened or written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.errors import InputError, KgError, ShapeValidationError, StoreError

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_STORE = 3

app = typer.Typer(
    name="kg",
    help=(
        "Source-credibility knowledge graph: who says what, on what evidence, and which "
        "claims independent sources corroborate.\n\n"
        "Without --store, commands run in memory on the built-in seed case (Newsweek, "
        "October 2024: North Korean troops in Russia) plus any files you name."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        envvar="KG_STORE",
        help="On-disk Oxigraph store directory (created if missing). Default: in memory, "
        "starting from the built-in seed case.",
        show_default=False,
    ),
]
NoSeedOption = Annotated[
    bool,
    typer.Option(
        "--no-seed",
        help="In memory, start from an empty store instead of the built-in seed case.",
    ),
]
FilesArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Data files: case files (.yaml) or RDF (.ttl .trig .nt .nq .jsonld .rdf).",
        show_default=False,
    ),
]


def _fail(error: KgError) -> typer.Exit:
    """Print a core error for a person and choose the exit code."""
    if isinstance(error, ShapeValidationError):
        err.print(f"[red]invalid:[/red] {error}", markup=True)
        return typer.Exit(EXIT_DATA)
    problems = getattr(error, "problems", None) or [error]
    for problem in problems:
        err.print(f"[red]error:[/red] {problem}", markup=True)
    return typer.Exit(EXIT_STORE if isinstance(error, StoreError) else EXIT_DATA)


def _check_files(files: Sequence[Path]) -> None:
    for path in files:
        if not path.is_file():
            err.print(f"error: {path}: no such file")
            raise typer.Exit(EXIT_USAGE)


@contextmanager
def _progress(enabled: bool) -> Iterator[object]:
    """A rich progress bar for loads; silent when output is not a terminal."""
    if not enabled:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        tasks: dict[str, object] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total or None)
            progress.update(tasks[stage], completed=done, total=total or None)

        yield report


@contextmanager
def _open_store(
    store_path: Path | None, files: Sequence[Path], *, seed: bool, validate: bool = True
) -> Iterator[object]:
    """Open the store the command works on and load ``files`` into it, atomically."""
    from kg.seed import seed_paths
    from kg.store import KnowledgeStore

    _check_files(files)
    try:
        store = KnowledgeStore(store_path)
    except KgError as error:
        raise _fail(error) from None
    try:
        to_load = list(files)
        if store_path is None and seed:
            to_load = [*seed_paths(), *to_load]
        if to_load:
            with _progress(sys.stderr.isatty()) as report:
                store.load(to_load, validate=validate, progress=report)
        yield store
    except KgError as error:
        raise _fail(error) from None
    finally:
        store.close()


@app.command()
def load(
    files: FilesArgument = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    validate: Annotated[
        bool, typer.Option(help="Check the data against the SHACL shapes before writing.")
    ] = True,
) -> None:
    """Load files into the store, all or nothing.

    Every file is parsed and checked before anything is written: if one file has an error,
    nothing is loaded and the error names the file, line and column. Without --store the
    result lives only for this command, which is a quick way to check that files load
    together with the seed case.
    """
    from kg.store import KnowledgeStore

    files = files or []
    _check_files(files)
    try:
        target = KnowledgeStore(store)
    except KgError as error:
        raise _fail(error) from None
    try:
        before = len(target)
        to_load = list(files)
        if store is None and not no_seed:
            from kg.seed import seed_paths

            to_load = [*seed_paths(), *to_load]
        if not to_load:
            err.print("nothing to load: name one or more files")
            raise typer.Exit(EXIT_USAGE)
        with _progress(sys.stderr.isatty()) as report:
            result = target.load(to_load, validate=validate, progress=report)
        table = Table("file", "format", "quads", "graphs", title="Loaded")
        for item in result.files:
            graphs = ", ".join(str(g) for g in item.graph_names) or "default graph"
            table.add_row(str(item.path), item.format, f"{item.quads:,}", graphs)
        out.print(table)
        out.print(f"store now holds {len(target):,} quads ({len(target) - before:+,})")
    except KgError as error:
        raise _fail(error) from None
    finally:
        target.close()


@app.command("validate")
def validate_command(files: FilesArgument = None) -> None:
    """Check files without loading them anywhere: syntax, authoring rules and SHACL shapes.

    Prints every problem with its file, line and column. Exit code 0 when all files are
    valid, 1 otherwise.
    """
    from kg.store import KnowledgeStore

    files = files or []
    if not files:
        err.print("nothing to validate: name one or more files")
        raise typer.Exit(EXIT_USAGE)
    _check_files(files)
    failed = False
    for path in files:
        scratch = KnowledgeStore(None)
        try:
            result = scratch.load([path], validate=True)
            out.print(f"{path}: valid ({result.total_quads:,} quads)")
        except KgError as error:
            failed = True
            _fail(error)
        finally:
            scratch.close()
    if failed:
        raise typer.Exit(EXIT_DATA)


@app.command()
def export(
    files: FilesArgument = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="turtle, trig, nt, nquads, jsonld or rdfxml."
        ),
    ] = "turtle",
    claim: Annotated[
        str | None,
        typer.Option(
            help="Export only this claim's neighbourhood: its statements, actors and their "
            "affiliations, relays, evidence and documents. A claim id or full IRI.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
) -> None:
    """Export the whole graph, or one claim's neighbourhood, as RDF."""
    from kg.formats import format_by_name

    try:
        rdf_format = format_by_name(fmt)
    except InputError as error:
        err.print(f"error: {error}")
        raise typer.Exit(EXIT_USAGE) from None
    with _open_store(store, files or [], seed=not no_seed) as target:
        try:
            data = target.export(rdf_format, claim=claim)  # type: ignore[attr-defined]
        except KgError as error:
            raise _fail(error) from None
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)
        err.print(f"wrote {len(data):,} bytes to {output}")


@app.command()
def stats(
    files: FilesArgument = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
) -> None:
    """Count what the store holds: quads, graphs, claims, actors, statements by stance, ..."""
    with _open_store(store, files or [], seed=not no_seed) as target:
        figures = target.stats()  # type: ignore[attr-defined]
    table = Table("what", "count", title="Store")
    for name, value in figures.as_rows():
        table.add_row(name, f"{value:,}")
    out.print(table)


@app.command("vocab-docs")
def vocab_docs(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the Markdown page.")
    ] = Path("docs/vocabulary.md"),
) -> None:
    """Regenerate the vocabulary's documentation page from ontology/vocab.ttl and shapes.ttl."""
    from kg.vocabdoc import write_vocabulary_docs

    write_vocabulary_docs(output)
    err.print(f"wrote {output}")


def main() -> None:
    """Entry point of the ``kg`` script."""
    app()


__all__ = ["app", "main"]
