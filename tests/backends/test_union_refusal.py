"""An ``oxigraph serve`` started without ``--union-default-graph``: writing commands refuse
before writing anything, so the server is left holding nothing (the check used to run after
the first write, which stayed, with its registry quad)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.backends.http import SparqlClient

runner = CliRunner()


@pytest.fixture(scope="module")
def no_union(
    oxigraph_server: Callable[..., AbstractContextManager[str]],
) -> Iterator[str]:
    """The query URL of an ``oxigraph serve`` without ``--union-default-graph``."""
    with oxigraph_server() as url:
        yield url


def _quads(url: str) -> int:
    """Quads in every graph of the server, the default graph included."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    with SparqlClient(url, timeout=10).query(
        query, accept="application/sparql-results+json"
    ) as answer:
        rows = json.loads(answer.read())["results"]["bindings"]
    return int(rows[0]["n"]["value"])


@pytest.mark.parametrize("command", ["load", "ingest"])
def test_refused_before_writing(no_union: str, tmp_path: Path, command: str) -> None:
    one = tmp_path / "one.nt"
    one.write_text("<https://e.org/a> <https://e.org/b> <https://e.org/c> .\n", encoding="utf-8")
    result = runner.invoke(app, [command, "--store", no_union, str(one)])
    assert result.exit_code != 0
    assert "--union-default-graph" in result.stderr
    assert _quads(no_union) == 0
