"""The ``kg`` command line.

Every command works on one store: the one ``--store`` (or the ``KG_STORE`` environment
variable) names, an on-disk Oxigraph directory or a SPARQL endpoint's URL
(:func:`kg.backends.open_store`), or, without one (or with ``memory``), a fresh in-memory store
holding the built-in seed case plus the files named on the command line.

Exit codes: 0 success; 1 the data is bad (syntax, shapes, limits, unsafe input); 2 the command
was used wrongly (unknown option, missing file); 3 the store cannot be opened or written.
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    # ``python -m api.cli``: run the module under its own name, which the command modules
    # import (as __main__ it would be a second copy, and their imports of it would cycle).
    import api.cli

    api.cli.main()
    sys.exit()  # main() exits first; this only makes sure the rest of this copy never runs
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from api.cli_messages import in_use_advice, load_summary, other_version_warning
from kg.errors import (
    InputError,
    KgError,
    ShapeValidationError,
    StoreError,
    StoreInUseError,
)
from kg.formats import known_extensions
from kg.methods import METHOD_NAMES

if TYPE_CHECKING:
    from kg.analysis import Analysis
    from kg.staging import LoadReport
    from kg.store import KnowledgeStore, ProgressCallback

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

# Piped output gets a wide fixed width, so that tables stay readable in files and pagers.
# Text in the graph comes from the web: it is printed as it is, never read as rich markup
# ("[citation needed]" would vanish, "[/]" would crash) or emoji codes (":label:").
out = Console(highlight=False, markup=False, emoji=False,
              width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, markup=False, emoji=False, soft_wrap=True)


def store_option(default: str) -> Any:
    """The ``--store`` option (for ``Annotated[str | None, ...]``), whose help ends by saying
    what ``default`` is. (The type is spelled at each use, where a type checker sees it.)"""
    return typer.Option(
        "--store",
        envvar="KG_STORE",
        help="On-disk Oxigraph store directory (created if missing), or the query URL of a "
        "SPARQL 1.1 Query+Update endpoint (http://..., see docs/backends.md; its update "
        f"URL from KG_STORE_UPDATE_URL). Default: {default}.",
        show_default=False,
    )


StoreOption = Annotated[str | None, store_option("memory, starting from the built-in seed case")]
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
        # From the one table of formats: the help names every extension a file is read by.
        help=f"Data files: case files ({' '.join(known_extensions(rdf=False))}) or RDF "
        f"({' '.join(known_extensions(rdf=True))}).",
        show_default=False,
    ),
]


def _fail(error: KgError) -> typer.Exit:
    """Print a core error for a person and choose the exit code."""
    if isinstance(error, ShapeValidationError):
        err.print(Text.assemble(("invalid:", "red"), f" {error}"))
        return typer.Exit(EXIT_DATA)
    problems = getattr(error, "problems", None) or [error]
    for problem in problems:
        err.print(Text.assemble(("error:", "red"), f" {problem}"))
    return typer.Exit(EXIT_STORE if isinstance(error, StoreError) else EXIT_DATA)


def _check_files(files: Sequence[Path], *, first: str | None = None) -> None:
    """Refuse a data file that does not exist. ``first``: what the command takes before its
    files (``CLAIM``), named in the message when a missing "file" looks like one: the data
    files came first by mistake (kg explain case.yaml some-claim)."""
    for path in files:
        if not path.is_file():
            text = str(path)
            misplaced = first is not None and not path.exists() and not path.suffix \
                and "/" not in text
            hint = f" ({first} comes first, then the data files)" if misplaced else ""
            err.print(f"error: {path}: no such file{hint}")
            raise typer.Exit(EXIT_USAGE)


@contextmanager
def _progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A rich progress bar for loads; silent when output is not a terminal."""
    if not enabled:
        yield None
        return
    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total or None)
            progress.update(tasks[stage], completed=done, total=total or None)

        yield report


@contextmanager
def _open_store(
    store_path: str | None, files: Sequence[Path], *, seed: bool, validate: bool = True,
    sending: Sequence[Path] = (),
) -> Iterator[KnowledgeStore]:
    """Open the store the command works on and load ``files`` into it, atomically.

    ``sending``: the files a writing command means to add, named in the advice given when
    another process (a running ``kg serve`` or another ``kg`` command) holds the store.
    """
    import os

    from kg.backends import open_store, store_kind

    _check_files(files)
    # KG_STORE_BULK_URL is an ingest option for a SPARQL endpoint: exported in a shell, it
    # must not break every command run on a disk or in-memory store.
    remote = store_kind(store_path) == "remote"
    try:
        store = open_store(
            store_path,
            update_url=os.environ.get("KG_STORE_UPDATE_URL") or None,
            bulk_url=(os.environ.get("KG_STORE_BULK_URL") or None) if remote else None,
        )
    except KgError as error:
        exit_ = _fail(error)
        if isinstance(error, StoreInUseError):
            err.print(in_use_advice(sending), soft_wrap=True)
        raise exit_ from None
    try:
        to_load = _files_to_load(store_path, files, seed=seed)
        if to_load:
            _load_files(store, to_load, validate=validate)
        yield store
    except KgError as error:
        raise _fail(error) from None
    finally:
        store.close()


def _files_to_load(store_path: str | None, files: Sequence[Path], *, seed: bool) -> list[Path]:
    """The files a command loads: in memory, the built-in seed case comes first."""
    from kg.backends import store_kind
    from kg.seed import seed_paths

    in_memory = store_kind(store_path) == "memory"
    return [*seed_paths(), *files] if in_memory and seed else list(files)


def _load_files(store: KnowledgeStore, paths: Sequence[Path], *, validate: bool,
                replace: bool = False) -> LoadReport:
    """Load ``paths`` in one atomic load, with a progress bar on a terminal."""
    with _progress(sys.stderr.isatty()) as report:
        return store.load(paths, validate=validate, progress=report, replace=replace)


@app.command()
def load(
    files: FilesArgument = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    validate: Annotated[
        bool, typer.Option(help="Check the data against the SHACL shapes before writing.")
    ] = True,
    replace: Annotated[
        bool, typer.Option(help="Replace what these files loaded before: the named graphs "
                           "they write (a case file's: its document's) are emptied first, in "
                           "the same write. For a corrected case or draft; a file with "
                           "triples in the default graph, which files share, is refused.")
    ] = False,
) -> None:
    """Load files into the store, all or nothing.

    Every file is parsed and checked before anything is written: if one file has an error,
    nothing is loaded and the error names the file, line and column. Without --store the
    result lives only for this command, which is a quick way to check that files load
    together with the seed case.
    """
    files = files or []
    _check_files(files)
    to_load = _files_to_load(store, files, seed=not no_seed)
    if not to_load:
        err.print("nothing to load: name one or more files")
        raise typer.Exit(EXIT_USAGE)
    with _open_store(store, [], seed=False, sending=to_load) as target:
        before = target.data_size()
        try:
            result = _load_files(target, to_load, validate=validate, replace=replace)
        except KgError as error:
            raise _fail(error) from None
        table = Table("file", "format", "quads", "graphs", title="Loaded")
        for item in result.files:
            graphs = ", ".join(str(g) for g in item.graph_names) or "default graph"
            table.add_row(str(item.path), item.format, f"{item.quads:,}", graphs)
        out.print(table)
        now = target.data_size()
        out.print(load_summary(result.total_quads, before, now,
                                replace=replace), soft_wrap=True)  # one line, for grep
        for item in result.files:
            for graph in item.other_versions:
                err.print(other_version_warning(item.path, graph, store), soft_wrap=True)


@app.command("validate")
def validate_command(files: FilesArgument = None) -> None:
    """Check files without loading them anywhere: syntax, authoring rules and SHACL shapes.

    Each file is checked alone; then, when there are several and each passed, all of them
    together, as `kg load` would load them at once: files that share an id must agree about
    it (one statement given as hedges in one file and as denies in another cannot be loaded
    together). Prints every problem with its file, line and column. Exit code 0 when every
    file is valid and they can be loaded together, 1 otherwise.
    """
    files = files or []
    if not files:
        err.print("nothing to validate: name one or more files")
        raise typer.Exit(EXIT_USAGE)
    _check_files(files)
    failed = False
    for path in files:
        try:
            quads = _validate_files([path])
            out.print(f"{path}: valid ({quads:,} quads)")
        except KgError as error:
            failed = True
            _fail(error)
    if failed:
        raise typer.Exit(EXIT_DATA)
    distinct = list(dict.fromkeys(files))
    if len(distinct) > 1:
        # Each file passing alone does not make them loadable together: the union is checked
        # by the same load, which names both files of a disagreement (kg.shacl.origins).
        try:
            _validate_files(distinct)
        except KgError as error:
            err.print(Text.assemble(("conflict:", "red"),
                                    f" the {len(distinct)} files are each valid, but cannot be "
                                    "loaded together:"))
            _fail(error)
            raise typer.Exit(EXIT_DATA) from None
        out.print(f"together: valid (the {len(distinct)} files can be loaded together)")


def _validate_files(files: Sequence[Path]) -> int:
    """Load ``files`` into a scratch in-memory store with validation; the quads read."""
    from kg.store import KnowledgeStore

    scratch = KnowledgeStore(None)
    try:
        return scratch.load(files, validate=True).total_quads
    finally:
        scratch.close()


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
    from api.cli_export import write_export

    with _open_store(store, files or [], seed=not no_seed) as target:
        try:
            size = write_export(target, rdf_format, claim, output)
        except KgError as error:
            raise _fail(error) from None
        except OSError as error:  # a missing folder, a directory, no permission
            if output is None:
                raise
            err.print(f"error: cannot write {output}: {error.strerror or error}")
            raise typer.Exit(EXIT_USAGE) from None
    if output is not None:
        err.print(f"wrote {size:,} bytes to {output}")


@app.command()
def stats(
    files: FilesArgument = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
) -> None:
    """Count what the store holds: quads, graphs, claims, actors, statements by stance, ..."""
    with _open_store(store, files or [], seed=not no_seed) as target:
        figures = target.stats()
    table = Table("what", "count", title="Store")
    for name, value in figures.as_rows():
        table.add_row(name, f"{value:,}")
    out.print(table)


MinGroupsOption = Annotated[
    int,
    typer.Option(
        "--min-groups", "-k", min=1,
        help="k: independent affirming groups needed for 'corroborated'.",
    ),
]
MethodOption = Annotated[
    str,
    typer.Option(
        help="Truth-discovery method for trust and belief: " + ", ".join(METHOD_NAMES) + "."
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="DATE",
        help="Only what was known on DATE (YYYY-MM-DD, or YYYY-MM / YYYY for the end of that "
        "month or year): statements and evidence dated after it are left out; a statement "
        "without a date takes its document's.",
    ),
]
OmitUndatedOption = Annotated[
    bool,
    typer.Option("--omit-undated", help="With --as-of: leave out undated statements and "
                 "evidence too (by default they count, and the output says how many)."),
]
OutputFormatOption = Annotated[
    str, typer.Option("--format", "-f", help="table or json.")
]
TableFormatOption = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="table, json, or csv (for spreadsheets; one row per item)."
    ),
]


def _analyse(ctx: typer.Context, store_path: str | None, files: Sequence[Path], *, seed: bool,
             min_groups: int, method: str, as_of: str | None = None,
             count_undated: bool = True) -> Analysis:
    from kg.analysis import analyse
    from kg.analysis.as_of import cutoff

    if method not in METHOD_NAMES:
        err.print(f"error: unknown method {method!r}; expected one of {', '.join(METHOD_NAMES)}")
        raise typer.Exit(EXIT_USAGE)
    if as_of is None and not count_undated:
        # Without a date nothing is left out: the flag would be ignored, and the answer
        # would still count the undated statements it was given to leave out.
        err.print("error: --omit-undated: only with --as-of DATE (it leaves out the undated "
                  "statements and evidence as of that date)")
        raise typer.Exit(EXIT_USAGE)
    if as_of is not None:
        try:
            cutoff(as_of)
        except ValueError as error:
            err.print(f"error: --as-of: {error}")
            raise typer.Exit(EXIT_USAGE) from None
    # The analysis reads the details behind an explanation from the store when asked, so the
    # store stays open until the command has printed, and closes with the command's context.
    opened = _open_store(store_path, files, seed=seed)
    target = opened.__enter__()
    ctx.call_on_close(lambda: opened.__exit__(None, None, None))
    try:
        return analyse(target, min_groups=min_groups, method=method, as_of=as_of,
                       count_undated=count_undated)
    except KgError as error:
        raise _fail(error) from None


def _check_output_format(fmt: str, allowed: tuple[str, ...] = ("table", "json")) -> None:
    if fmt not in allowed:
        err.print(f"error: unknown --format {fmt!r}; expected {', '.join(allowed[:-1])} "
                  f"or {allowed[-1]}")
        raise typer.Exit(EXIT_USAGE)


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


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

from api.cli_analysis import register as _register_analysis_commands  # noqa: E402

_register_analysis_commands(app)
app.command("vocab-docs")(vocab_docs)  # after the analysis commands, as `kg --help` lists them

from api.cli_server import register as _register_server_commands  # noqa: E402

_register_server_commands(app)

from api.cli_sparql import register as _register_sparql_commands  # noqa: E402

_register_sparql_commands(app)  # after ask, as `kg --help` lists them

from api.cli_viz import register as _register_viz_commands  # noqa: E402

_register_viz_commands(app)

from api.cli_extract import register as _register_extract_commands  # noqa: E402

_register_extract_commands(app)

from api.cli_ingest import register as _register_ingest_commands  # noqa: E402

_register_ingest_commands(app)
