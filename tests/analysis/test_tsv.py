"""The bulk reader's TSV tokeniser (:mod:`kg.analysis._tsv`) against Oxigraph's own terms."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analysis import _rows, _tsv

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


def test_rows_are_the_solutions_values() -> None:
    # Every kind of term a row may hold, including those the TSV writer leaves bare (numbers,
    # booleans) or writes with a language or a datatype, blank nodes and non-ASCII IRIs.
    s = ox.Store()
    xsd = "http://www.w3.org/2001/XMLSchema#"
    objects: list[ox.NamedNode | ox.BlankNode | ox.Literal] = [
        *(ox.Literal(v) for v in VALUES),
        ox.Literal("chat", language="fr"),
        ox.Literal('a "quoted" word', language="en-GB"),
        ox.Literal("42", datatype=ox.NamedNode(xsd + "integer")),
        ox.Literal("-0.50", datatype=ox.NamedNode(xsd + "decimal")),
        ox.Literal("1.5E3", datatype=ox.NamedNode(xsd + "double")),
        ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")),
        ox.Literal("2024-10-31", datatype=ox.NamedNode(xsd + "date")),
        ox.Literal("x\\y", datatype=ox.NamedNode(f"{EX}odd#type")),
        ox.NamedNode(f"{EX}é/中文?q=1&r=2#frag"),
        ox.BlankNode("b0"),
    ]
    for i, obj in enumerate(objects):
        s.add(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), obj))
    query = f"SELECT ?s ?o ?none WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}none> ?none }} }}"
    expected = sorted(
        tuple(None if row[v] is None else row[v].value for v in ("s", "o", "none"))
        for row in s.query(query)  # type: ignore[union-attr]
    )
    got = list(_rows.rows(s, query))
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert len(got) == len(objects)


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


def test_reading_in_chunks_gives_the_same_table(store: ox.Store) -> None:
    query = f"SELECT ?s ?v ?n WHERE {{ ?s <{EX}label> ?v . ?s <{EX}next> ?n }}"
    data = _tsv.run_tsv(store, query)
    whole = _tsv.parse_tsv(data)
    # Chunks far smaller than a row, written in uneven pieces, so rows and cells straddle them.
    builder = _tsv.TableBuilder(chunk_bytes=7)
    for start in range(0, len(data), 5):
        builder.write(data[start:start + 5])
    chunked = builder.finish()
    rows = range(whole.n_rows)
    assert chunked.n_rows == whole.n_rows == len(VALUES)
    for col in range(3):
        assert [chunked.text(r, col) for r in rows] == [whole.text(r, col) for r in rows]
        for lane_whole, lane_chunked in zip(whole.hashes(col), chunked.hashes(col), strict=True):
            assert lane_whole.tolist() == lane_chunked.tolist()


def test_a_hash_only_column_keeps_no_text_and_refuses_literals(store: ox.Store) -> None:
    query = f"SELECT ?s ?o WHERE {{ ?s <{EX}next> ?o }}"
    full = _tsv.fetch(store, query)
    hashed = _tsv.fetch(store, query, hash_only=[0])
    assert hashed.hashes(0)[0].tolist() == full.hashes(0)[0].tolist()
    assert hashed.texts(1, range(hashed.n_rows)) == full.texts(1, range(full.n_rows))
    with pytest.raises(LookupError, match=r"\?s was read as hashes only"):
        hashed.text(0, 0)
    with pytest.raises(ValueError, match=r"column \?v holds literals"):
        _tsv.fetch(store, f"SELECT ?v WHERE {{ ?s <{EX}label> ?v }}", hash_only=[0])


def test_values_whose_first_hash_lane_clashes_stay_apart() -> None:
    import numpy as np

    texts = _tsv._Texts()
    cells = ["a", "b", "a", "c"]
    # "a" and "b" share the first lane (as two values do about once in 10^19 pairs).
    h1 = np.array([7, 7, 7, 9], dtype=np.uint64)
    h2 = np.array([1, 2, 1, 3], dtype=np.uint64)
    data = "".join(cells).encode()
    texts.add(h1, h2, _tsv._Cells(data, np.arange(4), np.ones(4, dtype=np.int64),
                                  np.zeros(4, dtype=bool)))
    assert texts.lookup(h1, h2) == cells
    table = _tsv.Table(("x",), [h1], [h2], (np.ones(4, dtype=bool),),
                       (np.zeros(4, dtype=bool),), (texts,))
    terms = _tsv.intern(table, 0)
    assert [terms.values[i] for i in terms.ids] == cells


class _Unserialisable:
    """A source whose answers cannot be serialised, as a remote endpoint's."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.queries = 0

    def query(self, sparql: str) -> object:
        self.queries += 1
        answer = self.store.query(sparql, use_default_graph_as_union=True)

        class Rows:
            variables = answer.variables  # type: ignore[union-attr]

            def __iter__(self):  # type: ignore[no-untyped-def]
                return iter(answer)  # type: ignore[arg-type]

        return Rows()


def test_grouped_pairs_are_the_rows_grouped_on_either_path(store: ox.Store) -> None:
    store.add(ox.Quad(ox.NamedNode(f"{EX}s0"), ox.NamedNode(f"{EX}label"), ox.Literal("zz")))
    query = f"SELECT ?s ?v WHERE {{ ?s <{EX}label> ?v }}"
    expected: dict[str, set[str]] = {}
    for subject, value in _rows.rows(store, query):
        if subject and value is not None:
            expected.setdefault(subject, set()).add(value)
    remote = _Unserialisable(store)
    for source in (store, remote):
        got = _rows.grouped_pairs(source, query)
        assert got == {k: sorted(v) for k, v in expected.items()}
    assert got[f"{EX}s0"] == ["plain", "zz"]
    assert remote.queries == 1  # the query runs once on the row-by-row path too
