"""The bulk reader's TSV tokeniser (:mod:`kg.analysis._tsv`) against Oxigraph's own terms."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analysis import _tsv

EX = "https://example.org/"

# Values a literal may hold: raw control bytes below the tab (which the TSV writer leaves
# unescaped), the tab and newline themselves (escaped), quotes, backslashes, non-ASCII.
VALUES = [
    "plain",
    "bell\x07 and backspace\x08 and \x01 start",
    "tab\there, newline\nthere",
    'quote " and backslash \\',
    "é ü 中文",
    "",
]


@pytest.fixture
def store() -> ox.Store:
    s = ox.Store()
    for i, value in enumerate(VALUES):
        subject = ox.NamedNode(f"{EX}s{i}")
        s.add(ox.Quad(subject, ox.NamedNode(f"{EX}label"), ox.Literal(value)))
        s.add(ox.Quad(subject, ox.NamedNode(f"{EX}next"), ox.NamedNode(f"{EX}s{i + 1}")))
    return s


def test_cells_are_the_terms_values(store: ox.Store) -> None:
    query = f"SELECT ?s ?v ?n WHERE {{ ?s <{EX}label> ?v OPTIONAL {{ ?s <{EX}none> ?n }} }}"
    expected = sorted(
        (row["s"].value, row["v"].value)
        for row in store.query(query)  # type: ignore[union-attr]
    )
    table = _tsv.parse_tsv(_tsv.run_tsv(store, query))
    assert table.variables == ("s", "v", "n")
    got = sorted((table.text(r, 0), table.text(r, 1)) for r in range(table.n_rows))
    assert got == expected
    assert [table.text(r, 2) for r in range(table.n_rows)] == [None] * len(VALUES)


def test_interned_ids_follow_equal_values(store: ox.Store) -> None:
    query = f"SELECT ?s ?o WHERE {{ ?s <{EX}next> ?o }} ORDER BY ?s"
    table = _tsv.parse_tsv(_tsv.run_tsv(store, query))
    subjects, objects = _tsv.intern(table, 0), _tsv.intern(table, 1)
    # s1..s5 appear as subjects and objects; each column's ids name its distinct values.
    assert sorted(subjects.values) == sorted(f"{EX}s{i}" for i in range(len(VALUES)))
    assert [subjects.values[i] for i in subjects.ids] == [
        table.text(r, 0) for r in range(table.n_rows)
    ]
    assert [objects.values[i] for i in objects.ids] == [
        table.text(r, 1) for r in range(table.n_rows)
    ]


def test_a_ragged_result_is_refused() -> None:
    with pytest.raises(ValueError, match="ragged"):
        _tsv.parse_tsv(b"?a\t?b\n<x>\t<y>\n<z>\n")
