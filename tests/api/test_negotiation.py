"""Content negotiation (api/sparql/negotiation.py): what a ``q=0`` excludes."""

from __future__ import annotations

import pytest

from api.sparql.negotiation import GRAPH_TABLE, SELECT_TABLE, ResultFormat, negotiate


@pytest.mark.parametrize(("accept", "table", "expected"), [
    # A range refused with q=0 refuses every type under it, also through */*.
    ("text/*;q=0, */*", GRAPH_TABLE, "nt"),
    ("application/*;q=0, */*", SELECT_TABLE, "csv"),
    ("text/turtle;q=0, text/*", GRAPH_TABLE, None),
    # ... but a range that names the type exactly is more specific, and wins.
    ("text/*;q=0, text/turtle", GRAPH_TABLE, "turtle"),
    ("application/sparql-results+json;q=0, */*", SELECT_TABLE, "xml"),
    ("*/*;q=0", SELECT_TABLE, None),
])
def test_q_zero_excludes_what_it_covers(
    accept: str, table: tuple[ResultFormat, ...], expected: str | None
) -> None:
    chosen = negotiate(accept, table)
    assert (chosen.name if chosen else None) == expected
