"""``kg sparql``: a SPARQL query from the shell, on a store or on the seed case and files.

The query is checked by the service's own guard (:mod:`api.sparql.guard`) before it runs, so
that what ``/sparql`` refuses is refused here too: no ``SERVICE`` (nothing is ever fetched),
no update, no ``FROM`` of a graph the store does not hold. The analysis graph is written first,
as ``kg serve`` and ``kg ask`` do, so that grades, trust and belief can be asked for.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
import typer

from api.cli import (
    EXIT_DATA,
    EXIT_USAGE,
    FilesArgument,
    MethodOption,
    NoSeedOption,
    StoreOption,
    _check_files,
    _fail,
    _open_store,
    err,
)
from api.cli_server import _print_answer
from kg.errors import KgError
from kg.methods import DEFAULT_METHOD

#: --format values for each kind of answer, with the pyoxigraph format they write.
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
                 "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
# The guard's refusals name the service's ways; on the command line, these are the ways.
_CLI_WORDS = {
    "update": "kg sparql answers queries only (SPARQL Update, including LOAD, is not "
              "accepted); add data with kg load or kg ingest",
    "service": "SERVICE is refused: kg sparql never contacts other endpoints",
}


def sparql(
    query: Annotated[str | None, typer.Argument(
        help="The query text, or - to read it from standard input (or give --query-file). "
        "Data files may follow it.", show_default=False)] = None,
    files: FilesArgument = None,
    query_file: Annotated[Path | None, typer.Option(
        "--query-file", "-q", help="Read the query from this file (.rq, .sparql).",
        show_default=False)] = None,
    store: StoreOption = None,
    no_seed: NoSeedOption = False,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="SELECT and ASK: table, csv, tsv, json or xml (the SPARQL "
        "results formats); CONSTRUCT and DESCRIBE: turtle, nt or rdfxml.")] = "",
    limit: Annotated[int | None, typer.Option(
        min=1, help="Most rows to show in a table (default 100), or triples of a CONSTRUCT; "
        "the results formats write every row (add LIMIT to the query).",
        show_default=False)] = None,
    corroboration_k: Annotated[int, typer.Option(
        "--corroboration-k", min=1,
        help="k: independent affirming groups the analysis needs for 'corroborated'.")] = 2,
    method: MethodOption = DEFAULT_METHOD,
) -> None:
    """Run a SPARQL query: kg sparql 'SELECT ?c ?g WHERE { ?a cred:credibilityGrade ?g ;
    schema:itemReviewed ?c }'.

    The prefixes cred:, rdf:, rdfs:, xsd:, schema:, dcterms:, prov:, owl: and skos: are
    declared. The default graph is the union of the store's graphs (FROM narrows it); the
    analysis graph <https://w3id.org/cred-kg/analysis> holds the grades, trust and belief
    (docs/api.md lists its terms). Data files follow the query as in the other commands.
    Queries the service refuses are refused here too: SERVICE, updates, FROM of a graph the
    store does not hold. Exit codes: 0 answered; 1 the query was refused or failed; 2 usage.
    """
    from kg.analysis import analyse
    from kg.analysis.rdf import ANALYSIS_GRAPH, analysis_quads

    files = files or []
    if query_file is not None and query is not None:
        files, query = [Path(query), *files], None  # with --query-file, all are data files
    _check_files(files, first="the query")
    text = _query_text(query, query_file)
    with _open_store(store, files, seed=not no_seed) as target:
        try:
            # Checked before the analysis, which takes minutes on a large store.
            checked = _checked(text, target)
            kind = "graph" if checked.form in ("CONSTRUCT", "DESCRIBE") else "rows"
            chosen = _format(fmt, kind)
            analysis = analyse(target, min_groups=corroboration_k, method=method)
            target.replace_graph(ANALYSIS_GRAPH, analysis_quads(analysis))
            result = _run(target, text, checked)
            _write(result, checked.form, chosen, limit)
        except KgError as error:
            raise _fail(error) from None


def _query_text(query: str | None, query_file: Path | None) -> str:
    if query is None and query_file is None:
        err.print("error: give the query: as text, - to read it from standard input, or "
                  "--query-file FILE")
        raise typer.Exit(EXIT_USAGE)
    if query_file is not None:
        try:
            text = query_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            err.print(f"error: {query_file}: cannot read the query: {error}")
            raise typer.Exit(EXIT_USAGE) from None
    else:
        text = sys.stdin.read() if query == "-" else str(query)
    if not text.strip():
        err.print("error: the query is empty")
        raise typer.Exit(EXIT_USAGE)
    return text.lstrip("\ufeff")


def _checked(text: str, target: Any) -> Any:
    from api.sparql.guard import QueryRefused, check_query
    from kg.analysis.rdf import ANALYSIS_GRAPH
    from kg.namespaces import PREFIXES

    # (the analysis graph is written after the check, so FROM may name it)
    graphs = {g.value for g in target.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)}
    graphs.add(ANALYSIS_GRAPH)
    try:
        return check_query(text, named_graphs=graphs, predeclared=PREFIXES)
    except QueryRefused as refusal:
        message = _CLI_WORDS.get(refusal.code, refusal.message)
        where = f":{refusal.line}:{refusal.column}" if refusal.line else ""
        err.print(f"error: <query>{where}: {message}")
        raise typer.Exit(EXIT_DATA) from None


def _format(fmt: str, kind: str) -> str:
    known = GRAPH_FORMATS if kind == "graph" else {"table": None, **RESULT_FORMATS}
    chosen = fmt or ("turtle" if kind == "graph" else "table")
    if chosen not in known:
        what = "a CONSTRUCT or DESCRIBE" if kind == "graph" else "a SELECT or ASK"
        err.print(f"error: --format {chosen!r} does not fit {what} query; expected "
                  + ", ".join(known))
        raise typer.Exit(EXIT_USAGE)
    return chosen


def _run(target: Any, text: str, checked: Any) -> Any:
    from kg.namespaces import PREFIXES
    from kg.store_read import query_error

    # A query's own FROM and FROM NAMED are passed on: the union default graph would
    # override them (the service does the same, api.sparql.protocol).
    dataset: dict[str, Any] = {"use_default_graph_as_union": True}
    if checked.from_graphs or checked.from_named_graphs:
        dataset = {"default_graph": [ox.NamedNode(g) for g in checked.from_graphs],
                   "named_graphs": [ox.NamedNode(g) for g in checked.from_named_graphs]}
    try:
        return target.oxigraph.query(text, prefixes=PREFIXES, **dataset)
    except (SyntaxError, RuntimeError, OSError) as error:
        raise query_error(error) from None


def _write(result: Any, form: str, fmt: str, limit: int | None) -> None:
    if form in ("CONSTRUCT", "DESCRIBE"):
        triples = list(result) if limit is None else [t for _, t in zip(range(limit), result,
                                                                          strict=False)]
        from kg.namespaces import PREFIXES

        rdf_format = GRAPH_FORMATS[fmt]
        prefixes = PREFIXES if rdf_format is ox.RdfFormat.TURTLE else None
        data = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        # Without an output pyoxigraph returns the document (its stub says bytes | None).
        assert data is not None
        sys.stdout.write(data.decode("utf-8"))
        return
    if form == "ASK":
        answer = bool(result)
        if fmt == "table":
            sys.stdout.write(f"{str(answer).lower()}\n")
        else:
            sys.stdout.write(result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8"))
        return
    if fmt != "table":
        if limit is not None:
            err.print("note: --limit applies to tables; add LIMIT to the query for the "
                      f"{fmt} answer")
        sys.stdout.write(result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8"))
        return
    from api.sparql.results import rows as plain_rows

    shown = limit or 100
    variables = [v.value for v in result.variables]
    solutions = [s for _, s in zip(range(shown + 1), result, strict=False)]
    # kg sparql has no --offset: the query pages itself.
    _print_answer("", plain_rows(variables, solutions[:shown]), "table",
                  len(solutions) > shown, shown,
                  next_page=f"raise --limit, add LIMIT and OFFSET {shown} to the query, or "
                  "write every row with -f csv")


def register(app: typer.Typer) -> None:
    """Add ``sparql`` to the ``kg`` command line."""
    app.command("sparql")(sparql)


__all__ = ["register", "sparql"]
