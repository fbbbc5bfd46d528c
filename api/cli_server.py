"""``kg serve`` and ``kg ask``: the query service and its named questions on the command line.

Registered on the ``kg`` app by :func:`register` (see the end of :mod:`api.cli`). Every
setting of :class:`api.settings.Settings` has a ``kg serve`` flag; a flag that is not given
leaves the setting to its ``KG_*`` environment variable, then to its default.
"""

from __future__ import annotations

import json
import logging
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli import (
    EXIT_DATA,
    EXIT_STORE,
    EXIT_USAGE,
    FilesArgument,
    MethodOption,
    NoSeedOption,
    StoreOption,
    _check_files,
    _fail,
    _open_store,
    _progress,
    err,
    out,
)
from api.csv_out import write_csv
from kg.errors import KgError
from kg.methods import DEFAULT_METHOD


def _flag(help_text: str, *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False)


def serve(
    files: FilesArgument = None,
    store: StoreOption = None,
    store_update_url: Annotated[str | None, _flag(
        "Update URL of a SPARQL endpoint store [default: the query URL, or .../update for "
        "one ending in /query].", "--store-update-url")] = None,
    store_timeout: Annotated[float | None, _flag(
        "Seconds a request to a SPARQL endpoint store may take, 0 for no deadline "
        "[default: 600].", "--store-timeout")] = None,
    no_seed: NoSeedOption = False,
    host: Annotated[str | None, _flag("Address to listen on [default: 127.0.0.1].",
                                      "--host")] = None,
    port: Annotated[int | None, _flag("Port to listen on [default: 8000].", "--port")] = None,
    query_timeout: Annotated[float | None, _flag(
        "Seconds a query may take, waiting included, before its worker is killed [default: 5].",
        "--query-timeout")] = None,
    max_results: Annotated[int | None, _flag(
        "Most rows or triples a query may return [default: 10000].", "--max-results")] = None,
    max_request_bytes: Annotated[int | None, _flag(
        "Largest request body in bytes [default: 8 MiB].", "--max-request-bytes")] = None,
    max_query_depth: Annotated[int | None, _flag(
        "Deepest nesting of a SPARQL query [default: 32].", "--max-query-depth")] = None,
    query_workers: Annotated[int | None, _flag(
        "Query worker processes [default: the number of CPUs, at least 2].",
        "--query-workers")] = None,
    worker_memory_mb: Annotated[int | None, _flag(
        "Address-space limit of each query worker in MiB [default: 2048].",
        "--worker-memory-mb")] = None,
    writes_enabled: Annotated[bool | None, _flag(
        "Accept writes (also needs a write token) [default: off].",
        "--writes-enabled/--no-writes-enabled")] = None,
    write_token: Annotated[str | None, _flag(
        "Bearer token for writes. Prefer KG_WRITE_TOKEN: command lines are visible to other "
        "users.", "--write-token")] = None,
    cors_origins: Annotated[list[str] | None, _flag(
        "An origin allowed to call the API from a browser (repeatable) [default: none, CORS "
        "off].", "--cors-origin")] = None,
    min_groups: Annotated[int | None, _flag(
        "k: independent affirming groups needed for 'corroborated' [default: 2].",
        "--min-groups", "-k")] = None,
    method: Annotated[str | None, _flag(
        f"Truth-discovery method [default: {DEFAULT_METHOD}].",
        "--method")] = None,
    view_max_nodes: Annotated[int | None, _flag(
        "Above this many nodes the graph view opens on a summary [default: 1500].",
        "--view-max-nodes")] = None,
    log_level: Annotated[str | None, _flag(
        "debug, info, warning or error [default: info].", "--log-level")] = None,
) -> None:
    """Serve the query API: SPARQL at /sparql, named questions at /questions, and /claims,
    /actors, /evidence, /export.

    Without files or --store it serves the built-in seed case. Local only (127.0.0.1) and
    read only unless configured otherwise; see docs/settings.md for every setting.
    """
    import uvicorn

    from api.app import MAX_READ_URL_BYTES, create_app
    from api.settings import Settings

    # Values of the settings' several types: Settings validates each.
    given: dict[str, Any] = {
        "host": host, "port": port, "store": store, "store_update_url": store_update_url,
        "store_timeout": store_timeout,
        "query_timeout": query_timeout,
        "max_results": max_results, "max_request_bytes": max_request_bytes,
        "max_query_depth": max_query_depth, "query_workers": query_workers,
        "worker_memory_mb": worker_memory_mb, "writes_enabled": writes_enabled,
        "write_token": write_token, "cors_origins": cors_origins or None,
        "min_groups": min_groups, "method": method, "log_level": log_level,
        "view_max_nodes": view_max_nodes,
        "data": list(files) if files else None, "seed": False if no_seed else None,
    }
    try:
        settings = Settings(**{k: v for k, v in given.items() if v is not None})
    except ValueError as error:
        err.print(f"error: {_settings_error(error)}")
        raise typer.Exit(EXIT_USAGE) from None
    _check_files(settings.data)
    _check_port(settings.host, settings.port)
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(levelname)s:     %(name)s: %(message)s")
    with _serving_store(settings) as target:
        app = create_app(settings, store=target)
        writes = "on" if settings.writes_active else "off"
        # (the data only: not the progress records of `kg ingest`, nor an analysis graph a
        # previous `kg serve` left in the store; /status's data_quads counts the same)
        banner = (f"serving {target.data_size():,} quads of data on "
                  f"http://{settings.host}:{settings.port} "
                  f"(SPARQL at /sparql, questions at /questions; writes {writes}; "
                  f"query timeout {settings.query_timeout:g} s)")
        failed = _announce_after_start(app, banner)
        # uvicorn stops on SIGTERM, then restores the handler it found and raises the signal
        # again: with the default handler the process would end there, before the clean-up
        # below (the private copy of a memory store stayed in the temporary directory).
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        try:
            uvicorn.run(app, host=settings.host, port=settings.port,
                        log_level=settings.log_level, server_header=False,
                        h11_max_incomplete_event_size=MAX_READ_URL_BYTES)
        except SystemExit:
            if not failed:
                raise
        if failed:
            err.print(f"error: start-up failed: {failed[0]}", soft_wrap=True)
            raise typer.Exit(EXIT_STORE)


def _announce_after_start(app: Any, banner: str) -> list[BaseException]:
    """Print ``banner`` once the app's start-up (analysis, writing its graph into the store,
    query workers) has succeeded, not before; on a failed start-up, keep the error for one
    clear message instead of uvicorn's traceback. Returns the list the error goes in."""
    from contextlib import asynccontextmanager

    failed: list[BaseException] = []
    started = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(inner: Any) -> Any:
        up = False
        try:
            async with started(inner) as state:
                up = True
                err.print(banner)
                yield state
        except Exception as error:
            if not up:
                failed.append(error)
            raise

    app.router.lifespan_context = lifespan

    class _Quiet(logging.Filter):
        # uvicorn logs a failed start-up as the traceback, then "Application startup failed".
        def filter(self, record: logging.LogRecord) -> bool:
            return not failed

    logging.getLogger("uvicorn.error").addFilter(_Quiet())
    return failed


def _check_port(host: str, port: int) -> None:
    """Refuse a port that cannot be listened on before the data is loaded and analysed
    (which takes minutes on a large store), not after. uvicorn binds it again."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            probe.bind((host, port))
    except OSError as error:
        err.print(f"error: cannot listen on {host}:{port}: {error.strerror or error}")
        raise typer.Exit(EXIT_USAGE) from None


def _exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM ends ``kg serve`` as an exception, so that its clean-up runs (exit 143)."""
    raise SystemExit(128 + signum)


def _settings_error(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
                         for e in errors())
    return str(error)


@contextmanager
def _serving_store(settings: Any) -> Iterator[Any]:
    """The store to serve, loaded: ``--store`` (a directory or an endpoint), or for ``memory``
    a temporary directory removed after (the query workers read the store from disk)."""
    from api.leftovers import mark_owned
    from kg.backends import open_store, store_kind
    from kg.seed import seed_paths

    temp = None
    spec = settings.store
    in_memory = store_kind(spec) == "memory"
    if in_memory:
        temp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        mark_owned(temp)  # removed by the next start if this process is killed
        spec = str(temp / "store")
    try:
        try:
            target = open_store(spec, update_url=settings.store_update_url,
                                timeout=settings.store_timeout)
        except KgError as error:
            raise _fail(error) from None
        try:
            files = list(settings.data)
            if not files and in_memory and settings.seed:
                files = seed_paths()
            if files:
                with _progress(sys.stderr.isatty()) as report:
                    target.load(files, validate=True, progress=report)
            yield target
        except KgError as error:
            raise _fail(error) from None
        finally:
            target.close()
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def ask(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(
        help="The question (see `kg ask` without a name for the list); its parameters and "
        "any data files follow it.",
        metavar="NAME [--PARAM VALUE]... [FILE]...", show_default=False)] = None,
    data: Annotated[list[Path] | None, typer.Option(
        "--data", help="A data file to add (repeatable).", show_default=False)] = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    limit: Annotated[int, typer.Option(min=1, help="Most rows to show.")] = 100,
    offset: Annotated[int, typer.Option(min=0, help="Rows to skip first (the next page: "
                                        "--offset 100).")] = 0,
    corroboration_k: Annotated[int, typer.Option(
        "--corroboration-k", min=1,
        help="k: independent affirming groups the analysis needs for 'corroborated'.")] = 2,
    method: MethodOption = DEFAULT_METHOD,
) -> None:
    """Ask a named question, for people who do not write SPARQL.

    Parameters follow the name: kg ask corroborated-claims --min-groups 3. Data files too, as
    in the other commands (kg ask corroborated-claims --no-seed my-case.yaml), or with
    --data FILE. Without a name, lists the questions and their parameters. The same questions
    are served at /questions/NAME by `kg serve`.
    """
    import pyoxigraph as ox

    from api.lookup import resolve
    from api.questions.spec import ParameterError, load_questions
    from api.sparql.results import rows as plain_rows
    from kg.analysis import analyse
    from kg.analysis.rdf import ANALYSIS_GRAPH, analysis_quads

    if fmt not in ("table", "json", "csv"):
        err.print(f"error: unknown --format {fmt!r}; expected table, json or csv")
        raise typer.Exit(EXIT_USAGE)
    questions = load_questions()
    if name is None:
        _list_questions(questions)
        return
    if name not in questions:
        import difflib

        close = difflib.get_close_matches(name, list(questions), n=2)
        hint = f" (did you mean {' or '.join(close)}?)" if close else ""
        if _is_data_file(name):
            hint = ": the question's name comes first, then its parameters and data files"
        err.print(f"error: no question {name!r}{hint}; `kg ask` lists them")
        raise typer.Exit(EXIT_USAGE)
    question = questions[name]
    params, files = _question_args(ctx.args)
    files = [*(data or []), *files]
    _check_files(files)
    with _open_store(store, files, seed=not no_seed) as target:
        analysis = analyse(target, min_groups=corroboration_k, method=method)
        target.replace_graph(ANALYSIS_GRAPH, analysis_quads(analysis))
        try:
            terms = question.bind(params, partial(resolve, analysis))
        except ParameterError as error:
            if error.name not in {p.name for p in question.parameters}:
                # Named as typed on this command line: --min-groups, not min_groups.
                takes = ", ".join(_option(p.name) for p in question.parameters)
                hint = f" (did you mean {' or '.join(map(_option, error.suggestions))}?)" \
                    if error.suggestions else ""
                err.print(f"error: unknown option {_option(error.name)}{hint}; {name} takes "
                          f"{takes or 'no options but the common ones'}")
                raise typer.Exit(EXIT_USAGE) from None
            hint = f" (did you mean {' or '.join(error.suggestions)}?)" \
                if error.suggestions else ""
            err.print(f"error: {error.message}{hint}")
            raise typer.Exit(EXIT_DATA if error.status == 404 else EXIT_USAGE) from None
        result = target.query(question.render(terms))
        if not isinstance(result, ox.QuerySolutions):  # would be a bug in a question file
            raise RuntimeError(f"question {question.name} is not a SELECT query")
        variables = [v.value for v in result.variables]
        solutions = list(islice(result, offset, offset + limit + 1))
    more = len(solutions) > limit
    table = plain_rows(variables, solutions[:limit])
    _print_answer(question.summary, table, fmt, more, limit, offset)


def _option(parameter: str) -> str:
    """A question's parameter as an option of `kg ask`: ``min_groups`` is ``--min-groups``."""
    return "--" + parameter.replace("_", "-")


def _question_args(args: Sequence[str]) -> tuple[dict[str, str], list[Path]]:
    """``--min-groups 3 --actor=putin case.yaml`` as ``{"min_groups": "3", "actor": "putin"}``
    and ``[Path("case.yaml")]``.

    Every parameter takes a value, so an argument that is not one and does not start with
    ``--`` can only be a data file; it is taken as one if it names a file, or has the extension
    of a format we read (a missing file is then reported as such).
    """
    params: dict[str, str] = {}
    files: list[Path] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if not arg.startswith("--") or len(arg) == 2:
            if _is_data_file(arg):
                files.append(Path(arg))
                index += 1
                continue
            err.print(f"error: unexpected argument {arg!r}; give parameters as --name value, "
                      "and data files by name (with the extension of their format) or as "
                      "--data FILE")
            raise typer.Exit(EXIT_USAGE)
        key, eq, value = arg[2:].partition("=")
        if not eq:
            if index + 1 >= len(args):
                err.print(f"error: {arg} needs a value")
                raise typer.Exit(EXIT_USAGE)
            index += 1
            value = args[index]
        params[key.replace("-", "_")] = value
        index += 1
    return params, files


def _is_data_file(arg: str) -> bool:
    """Whether a plain argument names a data file: an existing file, or a name whose extension
    is that of a format we read (``case.yaml``, ``data.ttl``)."""
    from kg.errors import UnsupportedFormatError
    from kg.formats import detect_format

    if arg.startswith("-"):
        return False
    if Path(arg).is_file():
        return True
    try:
        detect_format(arg)
    except UnsupportedFormatError:
        return False
    return True


def _list_questions(questions: dict[str, Any]) -> None:
    table = Table("question", "parameters", "what it answers", title="Named questions",
                  show_lines=True)
    for q in questions.values():
        params = "\n".join(
            f"--{p.name.replace('_', '-')} {p.type.spec}"
            + ("" if p.required else " (optional)" if p.default is None
               else f" (default {p.default})")
            for p in q.parameters)
        table.add_row(q.name, params, q.summary)
    out.print(table)


def _print_answer(title: str, table: dict[str, Any], fmt: str, more: bool, limit: int,
                  offset: int = 0, next_page: str | None = None) -> None:
    columns, rows = table["columns"], table["rows"]
    if fmt == "json":
        sys.stdout.write(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        # For spreadsheets, as kg corroborate's: text that starts like a formula is made inert.
        write_csv(rows, columns, sys.stdout)
    else:
        shown = Table(*columns, title=title, show_lines=True)
        for row in rows:
            shown.add_row(*(_cell(row.get(c)) for c in columns))
        out.print(shown)
        out.print(f"{len(rows)} row(s)")
    if more:
        hint = next_page or f"the next page: --offset {offset + limit}, or raise --limit"
        err.print(f"(more rows follow; {hint})")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.rsplit("/", 1)[-1] if text.startswith("https://w3id.org/cred-kg/id/") else text


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``ask`` to the ``kg`` command line."""
    app.command("serve")(serve)
    app.command("ask", context_settings={"allow_extra_args": True,
                                         "ignore_unknown_options": True})(ask)


__all__ = ["ask", "register", "serve"]
