"""Read SPARQL SELECT results in bulk: TSV serialised by the store, tokenised and hashed in numpy
(private).

Iterating ``QuerySolutions`` builds a Python object per term, about 1 to 2 microseconds each, and
interning a million IRIs in a dict costs as much again. Here Oxigraph serialises the result to
TSV in Rust (it releases the GIL but to hand over each buffer, so two queries run on the two cores
at once) into a :class:`TableBuilder`, which every :data:`CHUNK_BYTES` has numpy find the tab and
newline bytes of the complete rows and hash every term's bytes in 8-byte words, so no Python
object is made per row and the serialised result is never held whole. Equal terms get equal ids
through the hash; each column keeps the text of its distinct values only (in one buffer), and a
column read as hashes only keeps none (statements, matched but never shown: at a million
statements the whole results held 0.3 GiB more at their peak).

The hash is 128 bits wide (two 64-bit lanes, each a strong mixer per word). Terms are compared by
the first lane and the second is checked on every match; a clash of the first lane between two
different terms (about one chance in 10^19 per pair) is detected that way and answered by the
exact path (the clashing values are kept apart under both lanes), so results never depend on
luck. Two different terms that clash in all 128 bits (about 10^-25 for ten million terms) are
taken as one.

Terms are keyed by their *value*, as :func:`kg.analysis.extract.select` keys them (``.value``):
``<x>``, ``_:x`` and ``"x"`` are all ``x``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyoxigraph as ox

from kg.analysis._hashing import hash_spans, unique_inverse
from kg.namespaces import sparql_prefixes

#: Bytes of TSV tokenised at a time. The serialised result is never held whole: only the hashes
#: of its cells, and the text of each distinct value of the columns that keep text.
CHUNK_BYTES = 8 << 20


def fetch(source: Any, sparql: str, hash_only: Sequence[int] = ()) -> Table:
    """Run a SELECT over the union of all graphs; its results read as Oxigraph writes them.

    ``source`` is a :class:`kg.store.KnowledgeStore`, a ``pyoxigraph.Store``, or anything whose
    ``query`` returns rows of terms (answered by the slower row-by-row path). The columns in
    ``hash_only`` keep their hashes and no text: for subjects (never literals) whose values are
    only matched, never shown.
    """
    solutions = run(source, sparql)
    builder = TableBuilder(hash_only)
    if hasattr(solutions, "serialize"):
        solutions.serialize(builder, format=ox.QueryResultsFormat.TSV)
    else:
        builder.write(_rows_to_tsv(solutions))
    return builder.finish()


def run_tsv(source: Any, sparql: str) -> bytes:
    """Run a SELECT over the union of all graphs; the results as TSV bytes (as :func:`fetch`,
    but whole)."""
    solutions = run(source, sparql)
    if hasattr(solutions, "serialize"):
        return solutions.serialize(format=ox.QueryResultsFormat.TSV)
    return _rows_to_tsv(solutions)


def run(source: Any, sparql: str) -> Any:
    """The solutions of a SELECT (prefixes added) over the union of all graphs."""
    text = sparql_prefixes() + sparql
    if isinstance(source, ox.Store):
        return source.query(text, use_default_graph_as_union=True)
    return source.query(text)


def _rows_to_tsv(solutions: Any) -> bytes:
    variables = [v.value if hasattr(v, "value") else str(v) for v in solutions.variables]
    lines = ["\t".join("?" + v for v in variables)]
    for solution in solutions:
        cells = []
        for v in variables:
            term = solution[v]
            cells.append("" if term is None else _quote(term.value))
        lines.append("\t".join(cells))
    return ("\n".join(lines) + "\n").encode()


def _quote(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace('"', '\\"')
    )
    return f'"{escaped}"'


class _Texts:
    """The value of each distinct cell of one column, keyed by its first hash lane: the values'
    UTF-8 bytes in one buffer, located through arrays sorted by the hash (about 70 bytes a
    value, against about 190 for a dict of str). The rare value whose second lane differs from
    that of the value kept under its first lane is kept apart, under both lanes."""

    def __init__(self) -> None:
        self.h1 = np.zeros(0, dtype=np.uint64)
        self.h2 = np.zeros(0, dtype=np.uint64)
        self.start = np.zeros(0, dtype=np.int64)
        self.length = np.zeros(0, dtype=np.int64)
        self.blob = bytearray()
        self.clashes: dict[tuple[int, int], str] = {}

    def add(self, h1: np.ndarray, h2: np.ndarray, cells: _Cells) -> None:
        """Keep the values of cells with hashes ``h1``/``h2`` not seen yet."""
        if not len(h1):
            return
        first, inverse = unique_inverse(h1)
        u1, u2 = h1[first], h2[first]
        at = np.minimum(np.searchsorted(self.h1, u1), max(len(self.h1) - 1, 0))
        known = (self.h1[at] == u1) if len(self.h1) else np.zeros(len(u1), dtype=bool)
        new = np.flatnonzero(~known)
        # Cells whose second lane differs from their value's: a clash of the first lane.
        kept2 = np.where(known, self.h2[at] if len(self.h2) else u2, u2)
        for cell in np.flatnonzero(h2 != kept2[inverse]).tolist():
            key = (int(h1[cell]), int(h2[cell]))
            if key not in self.clashes:
                self.clashes[key] = cells.raw(cell).decode("utf-8")
        if not new.size:
            return
        pieces = [cells.raw(int(i)) for i in first[new].tolist()]
        lengths = np.array([len(p) for p in pieces], dtype=np.int64)
        starts = len(self.blob) + np.r_[0, np.cumsum(lengths)[:-1]].astype(np.int64)
        self.blob += b"".join(pieces)
        order = np.argsort(np.concatenate([self.h1, u1[new]]), kind="stable")
        self.h1 = np.concatenate([self.h1, u1[new]])[order]
        self.h2 = np.concatenate([self.h2, u2[new]])[order]
        self.start = np.concatenate([self.start, starts])[order]
        self.length = np.concatenate([self.length, lengths])[order]

    def lookup(self, h1: np.ndarray, h2: np.ndarray) -> list[str]:
        if not len(h1):
            return []
        at = np.searchsorted(self.h1, h1)
        blob = self.blob
        ends = self.start[at] + self.length[at]
        out = [blob[a:b].decode("utf-8")
               for a, b in zip(self.start[at].tolist(), ends.tolist(), strict=True)]
        if self.clashes:
            for i in np.flatnonzero(self.h2[at] != h2).tolist():
                out[i] = self.clashes[(int(h1[i]), int(h2[i]))]
        return out


@dataclass(frozen=True, eq=False)
class _Cells:
    """Some cells of a block of TSV: the byte spans of their values, and which are literals
    with escapes (whose value is their unescaped text)."""

    data: bytes
    starts: np.ndarray
    lengths: np.ndarray
    escaped: np.ndarray

    def raw(self, i: int) -> bytes:
        """The UTF-8 bytes of the i-th cell's value."""
        start = int(self.starts[i])
        value = self.data[start:start + int(self.lengths[i])]
        return _unescape(value.decode("utf-8")).encode("utf-8") if self.escaped[i] else value


@dataclass(eq=False)
class Table:
    """A SELECT result read in bulk: per column, every cell's two hash lanes and whether it is
    bound, and the text of each distinct value (unless the column keeps hashes only).

    Attributes:
        variables: the projected variable names, without ``?``.
        h1, h2: per column, the two 64-bit hash lanes of each cell's value bytes (escapes in
            literals hashed as written: one value is always written the same way).
        bound_cells: per column, True where the variable is bound.
        literal: per column, True where the cell is a quoted literal.
    """

    variables: tuple[str, ...]
    h1: list[np.ndarray]
    h2: list[np.ndarray]
    bound_cells: tuple[np.ndarray, ...]
    literal: tuple[np.ndarray, ...]
    _texts: tuple[_Texts | None, ...] = field(repr=False)

    @property
    def n_rows(self) -> int:
        return len(self.bound_cells[0]) if self.bound_cells else 0

    def column(self, name: str) -> int:
        return self.variables.index(name)

    def bound(self, col: int) -> np.ndarray:
        return self.bound_cells[col]

    def hashes(self, col: int) -> tuple[np.ndarray, np.ndarray]:
        return self.h1[col], self.h2[col]

    def take(self, rows: np.ndarray) -> Table:
        """The table whose i-th row is row ``rows[i]`` of this one (values shared)."""
        return Table(self.variables, [h[rows] for h in self.h1], [h[rows] for h in self.h2],
                     tuple(b[rows] for b in self.bound_cells),
                     tuple(lit[rows] for lit in self.literal), self._texts)

    def beside(self, other: Table) -> Table:
        """This table's columns followed by ``other``'s (the same number of rows)."""
        if other.n_rows != self.n_rows:
            raise ValueError("tables side by side need the same rows")
        return Table(self.variables + other.variables, self.h1 + other.h1, self.h2 + other.h2,
                     self.bound_cells + other.bound_cells, self.literal + other.literal,
                     self._texts + other._texts)

    def forget_hashes(self, col: int) -> None:
        """Free a column's hashes once every use of them is done (large results)."""
        if self._texts[col] is not None:
            raise ValueError("only a hash-only column can forget its hashes")
        empty = np.zeros(0, dtype=np.uint64)
        self.h1[col], self.h2[col] = empty, empty

    def text(self, row: int, col: int) -> str | None:
        """One cell's value as a string, as ``term.value`` gives it."""
        return self.texts(col, np.array([row]))[0]

    def texts(self, col: int, rows: Sequence[int] | np.ndarray) -> list[str | None]:
        """The values of the cells ``rows`` of a column (None where unbound), in bulk."""
        texts = self._texts[col]
        if texts is None:
            raise LookupError(f"column ?{self.variables[col]} was read as hashes only")
        rows = np.asarray(rows, dtype=np.int64)
        bound = self.bound_cells[col][rows]
        found = texts.lookup(self.h1[col][rows[bound]], self.h2[col][rows[bound]])
        if bound.all():
            return list(found)
        out: list[str | None] = [None] * len(rows)
        for i, value in zip(np.flatnonzero(bound).tolist(), found, strict=True):
            out[i] = value
        return out


class ChunkedSink:
    """A binary file for Oxigraph's TSV writer to write into (``write`` receives each buffer it
    fills), which hands what it holds to :meth:`_consume` every ``chunk_bytes``, so that memory
    never holds the whole serialised result. Subclasses read complete rows in ``_consume`` and
    keep the incomplete last one in ``_pending``."""

    def __init__(self, chunk_bytes: int = CHUNK_BYTES) -> None:
        self._chunk_bytes = chunk_bytes
        self._pending = bytearray()

    def write(self, data: bytes) -> int:
        self._pending += data
        if len(self._pending) >= self._chunk_bytes:
            self._consume(final=False)
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: rows are read when a chunk is full and by the subclass's finish."""

    def _consume(self, final: bool) -> None:
        raise NotImplementedError


class TableBuilder(ChunkedSink):
    """A :class:`ChunkedSink` whose complete rows are tokenised and hashed, so memory holds the
    hashes and the distinct values."""

    def __init__(self, hash_only: Sequence[int] = (), chunk_bytes: int = CHUNK_BYTES) -> None:
        super().__init__(chunk_bytes)
        self._hash_only = frozenset(hash_only)
        self._variables: tuple[str, ...] | None = None
        self._blocks: list[tuple[list[np.ndarray], ...]] = []
        self._texts: list[_Texts | None] = []

    def finish(self) -> Table:
        self._consume(final=True)
        variables = self._variables or ()
        n_cols = max(len(variables), 1)
        columns: list[list[np.ndarray]] = [[], [], [], []]
        for part, dtype in enumerate((np.uint64, np.uint64, bool, bool)):
            for col in range(n_cols):
                pieces = [block[part][col] for block in self._blocks]
                columns[part].append(np.concatenate(pieces) if pieces
                                     else np.zeros(0, dtype=dtype))
        texts = self._texts or [None] * n_cols
        return Table(variables, columns[0], columns[1], tuple(columns[2]), tuple(columns[3]),
                     tuple(texts))

    def _consume(self, final: bool) -> None:
        pending = self._pending
        if self._variables is None:
            header_end = pending.find(b"\n")
            if header_end < 0:
                if not final:
                    return
                header_end = len(pending)
            header = bytes(pending[:header_end]).decode()
            self._variables = tuple(v.lstrip("?") for v in header.split("\t") if v)
            n_cols = max(len(self._variables), 1)
            self._texts = [None if c in self._hash_only else _Texts() for c in range(n_cols)]
            del pending[: header_end + 1]
        cut = len(pending) if final else pending.rfind(b"\n") + 1
        if cut <= 0:
            return
        block = bytes(pending[:cut])
        del pending[:cut]
        self._add_block(block)

    def _add_block(self, block: bytes) -> None:
        variables = self._variables or ()
        n_cols = max(len(variables), 1)
        ends = _separators(block, 0)
        if block[-1:] != b"\n":
            ends = np.append(ends, len(block))
        if ends.size % n_cols:
            raise ValueError("TSV results with a ragged row")
        starts = np.empty_like(ends)
        starts[0] = 0
        starts[1:] = ends[:-1] + 1
        lengths = ends - starts
        padded = block + b"\0" * 16
        raw = np.frombuffer(padded, dtype=np.uint8)
        first = raw[starts]
        iri = first == ord("<")
        quoted = first == ord('"')
        escaped = np.zeros(len(starts), dtype=bool)
        if iri.all():  # the common case: a column of IRIs
            value_start, value_len = starts + 1, lengths - 2
        else:
            blank = (first == ord("_")) & (raw[starts + 1] == ord(":"))
            value_start = starts + np.where(iri, 1, np.where(blank, 2, 0))
            value_len = lengths - np.where(iri, 2, np.where(blank, 2, 0))
        if quoted.any():
            value_start, value_len, escaped = _literal_spans(
                padded, starts, lengths, quoted, value_start, value_len
            )
        value_len = np.where(lengths == 0, -1, value_len)
        shape = (ends.size // n_cols, n_cols)
        value_start, value_len = value_start.reshape(shape), value_len.reshape(shape)
        quoted, escaped = quoted.reshape(shape), escaped.reshape(shape)
        h1s, h2s, bounds, literals = [], [], [], []
        for col in range(n_cols):
            spans, sizes = value_start[:, col], value_len[:, col]
            h1, h2 = hash_spans(padded, spans, np.maximum(sizes, 0))
            bound = sizes >= 0
            texts = self._texts[col]
            if texts is None and quoted[:, col].any():
                name = variables[col] if col < len(variables) else str(col)
                raise ValueError(f"column ?{name} holds literals: it cannot be read as hashes")
            if texts is not None:
                rows = np.flatnonzero(bound)
                cells = _Cells(padded, spans[rows], sizes[rows], escaped[rows, col])
                texts.add(h1[rows], h2[rows], cells)
            h1s.append(h1)
            h2s.append(h2)
            bounds.append(bound)
            literals.append(quoted[:, col].copy())
        self._blocks.append((h1s, h2s, bounds, literals))


def parse_tsv(data: bytes, hash_only: Sequence[int] = ()) -> Table:
    """Tokenise TSV results (SPARQL 1.1 Query Results TSV, as Oxigraph writes them)."""
    builder = TableBuilder(hash_only)
    builder.write(data)
    return builder.finish()


def separators(data: bytes) -> np.ndarray:
    """Offsets of the tab and newline bytes of TSV ``data`` (see :func:`_separators`)."""
    return _separators(data, 0)


def _separators(data: bytes, offset: int) -> np.ndarray:
    """Offsets of the tab and newline bytes of ``data`` from ``offset`` on.

    Cells end at a tab or a newline; values never hold either (they are escaped in literals).
    One compare (``byte < 11``) finds both in a single pass with one temporary; the rare
    control bytes below 9, which a literal may hold raw, are then dropped from the hits.
    (``(byte - 9) < 2`` needed a second full-size temporary: measured at 10M triples, 97 MB
    of TSV, 0.30 s against 0.11 s.)
    """
    body = np.frombuffer(data, dtype=np.uint8, offset=offset)
    hits = np.flatnonzero(body < 11)
    low = body[hits] < 9
    if low.any():
        hits = hits[~low]
    return hits + offset


def _literal_spans(
    data: bytes,
    starts: np.ndarray,
    lengths: np.ndarray,
    quoted: np.ndarray,
    value_start: np.ndarray,
    value_len: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    # A literal is "lexical" optionally followed by ^^<datatype> or @lang: the value is what
    # lies between the first quote and the last unescaped quote. Literals are few in the
    # columns read in bulk, so a loop is fine. Also returns which cells hold escapes (their
    # value is not their bytes).
    value_start, value_len = value_start.copy(), value_len.copy()
    escaped = np.zeros(len(starts), dtype=bool)
    for i in np.flatnonzero(quoted).tolist():
        token = data[starts[i] : starts[i] + lengths[i]]
        close = _closing_quote(token)
        value_start[i] = starts[i] + 1
        value_len[i] = close - 1
        escaped[i] = b"\\" in token[1:close]
    return value_start, value_len, escaped


def _closing_quote(token: bytes) -> int:
    i = 1
    while i < len(token):
        c = token[i]
        if c == 0x5C:  # backslash: skip the escaped character
            i += 2
            continue
        if c == 0x22:
            return i
        i += 1
    return len(token)


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n in _ESCAPES:
                out.append(_ESCAPES[n])
                i += 2
                continue
            if n == "u":
                out.append(chr(int(text[i + 2 : i + 6], 16)))
                i += 6
                continue
            if n == "U":
                out.append(chr(int(text[i + 2 : i + 10], 16)))
                i += 10
                continue
        out.append(c)
        i += 1
    return "".join(out)


@dataclass(frozen=True, eq=False)
class Terms:
    """The distinct values of one column: ``ids[row]`` indexes ``values``."""

    ids: np.ndarray
    values: list[str]


def intern(table: Table, col: int, rows: np.ndarray | None = None) -> Terms:
    """Distinct values of a column (unbound cells get id -1), decoded once each."""
    rows = np.arange(table.n_rows) if rows is None else rows
    ids = np.full(len(rows), -1, dtype=np.int64)
    bound = rows[table.bound(col)[rows]]
    if not bound.size:
        return Terms(ids, [])
    h1, h2 = (lane[bound] for lane in table.hashes(col))
    first, inverse = unique_inverse(h1)
    if np.array_equal(h2, h2[first][inverse]):
        values = table.texts(col, bound[first])
    else:  # a clash of the first lane: decode every cell
        values, inverse = table.texts(col, bound), np.arange(len(bound))
    # Distinct hashes may still decode to one value (an IRI and a literal of the same text).
    by_value: dict[str, int] = {}
    remap = np.array([by_value.setdefault(v, len(by_value)) for v in values],  # type: ignore[arg-type]
                     dtype=np.int64)
    ids[table.bound(col)[rows]] = remap[inverse]
    return Terms(ids, list(by_value))


__all__ = ["Table", "TableBuilder", "Terms", "fetch", "intern", "parse_tsv", "run", "run_tsv",
           "separators"]
