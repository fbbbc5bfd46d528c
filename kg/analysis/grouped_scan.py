"""Reading ``?s P ?o`` from an on-disk store with each object decoded once per distinct object
(private): the projection grouped by its object, the subjects of each group concatenated.

On an on-disk Oxigraph store the cost of a projection is decoding its terms, one read of the
string dictionary (RocksDB) per term and row. ``SELECT ?s ?a WHERE { ?s cred:statedBy ?a }``
at 1,025,641 statements decodes a million statements and a million actors, though there are
26,041 actors. Grouped by the actor (``GROUP_CONCAT(STR(?s))``), each actor is decoded once,
and the result is half the bytes to tokenise. Measured on the benchmark's 10M-triple store
(2026-11-29, other work on the machine): the query alone 4.7-5.0 s of CPU against 5.1-6.4 s for
the plain projection; the whole read (two queries at a time), medians of four calls of each
alternating in one process, 17.5 s of CPU against 18.6 s, the busier worker 8.3 s against
8.9 s. For ``cred:about`` (128,205 claims, eight statements each) the grouping cost what it
saved (5.40 s against 5.37 s), so only ``statedBy`` is read this way.

The result is split back into one row per subject in numpy: a subject's IRI never holds a
space, so the spaces of a group's cell separate its subjects, and the count of each group
(``COUNT(?s)``) checks the split. A group the split cannot give exactly (a blank-node subject,
whose ``STR`` is an error and leaves the cell unbound; a backslash, which TSV escapes) makes
:func:`fetch_grouped` return None, and the caller reads the plain projection instead. The
table has the columns of the plain projection, its subjects as hashes only, rows in another
order (which the reader does not depend on).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyoxigraph as ox

from kg.analysis import _tsv
from kg.analysis._hashing import hash_spans

_QUERY = ("SELECT ?o (COUNT(?s) AS ?n) (GROUP_CONCAT(STR(?s)) AS ?ss) "
          "WHERE {{ ?s {predicate} ?o }} GROUP BY ?o")
_SPACE, _BACKSLASH, _QUOTE = 0x20, 0x5C, 0x22


def fetch_grouped(source: Any, predicate: str) -> _tsv.Table | None:
    """``SELECT ?s ?o WHERE { ?s <predicate> ?o }`` read grouped by ``?o`` (see the module
    docstring), ``?s`` as hashes only; None when a group cannot be split back exactly.

    ``predicate`` is SPARQL text (``cred:statedBy``). ``source`` is anything
    :func:`kg.analysis._tsv.fetch` reads; a source that does not serialise its results is
    read by the plain projection, as is a result that cannot be split.
    """
    solutions = _tsv.run(source, _QUERY.format(predicate=predicate))
    if not hasattr(solutions, "serialize"):
        return None
    builder = GroupedBuilder()
    solutions.serialize(builder, format=ox.QueryResultsFormat.TSV)
    return builder.finish()


class GroupedBuilder(_tsv.ChunkedSink):
    """A binary file for Oxigraph's TSV writer (as :class:`kg.analysis._tsv.TableBuilder`) for
    the rows ``?o ?n ?ss`` of the grouped query: the objects are tokenised by a
    :class:`~kg.analysis._tsv.TableBuilder` (text kept), the subjects split and hashed here."""

    def __init__(self, chunk_bytes: int = _tsv.CHUNK_BYTES) -> None:
        super().__init__(chunk_bytes)
        self._header_seen = False
        self._objects = _tsv.TableBuilder()
        self._objects.write(b"?o\n")
        self._groups = 0
        self._h1: list[np.ndarray] = []
        self._h2: list[np.ndarray] = []
        self._group: list[np.ndarray] = []
        self.exact = True

    def finish(self) -> _tsv.Table | None:
        """The table ``?s ?o`` (``?s`` hashes only), or None if a group could not be split."""
        self._consume(final=True)
        if not self.exact:
            return None
        objects = self._objects.finish()
        group = _concat(self._group, np.int64)
        subjects = _tsv.Table(("s",), [_concat(self._h1, np.uint64)],
                              [_concat(self._h2, np.uint64)],
                              (np.ones(len(group), dtype=bool),),
                              (np.zeros(len(group), dtype=bool),), (None,))
        return subjects.beside(objects.take(group))

    def _consume(self, final: bool) -> None:
        pending = self._pending
        if not self._header_seen:
            end = pending.find(b"\n")
            if end < 0:
                if final:
                    self.exact = False  # no header: not the grouped query's result
                return
            if bytes(pending[:end]).split(b"\t") != [b"?o", b"?n", b"?ss"]:
                raise ValueError("not the grouped query's result")
            self._header_seen = True
            del pending[:end + 1]
        cut = len(pending) if final else pending.rfind(b"\n") + 1
        if cut <= 0:
            return
        block = bytes(pending[:cut])
        del pending[:cut]
        if self.exact and block:
            self._add_block(block)

    def _add_block(self, block: bytes) -> None:
        ends = _tsv.separators(block)
        if block[-1:] != b"\n":
            ends = np.append(ends, len(block))
        if ends.size % 3:
            raise ValueError("TSV results with a ragged row")
        ends = ends.reshape(-1, 3)
        row_start = np.r_[0, ends[:-1, 2] + 1]
        # The objects, one per line, tokenised as any column is (their text is kept).
        self._objects.write(b"\n".join(block[a:b] for a, b in
                                       zip(row_start.tolist(), ends[:, 0].tolist(), strict=True))
                            + b"\n")
        counts = np.array([int(block[a + 1:b]) for a, b in
                           zip(ends[:, 0].tolist(), ends[:, 1].tolist(), strict=True)],
                          dtype=np.int64)
        raw = np.frombuffer(block, dtype=np.uint8)
        cell_start, cell_end = ends[:, 1] + 1, ends[:, 2]
        # A bound cell is a plain literal "...": its subjects lie between the quotes.
        quoted = cell_end - cell_start >= 2
        if not quoted.all() or (raw[cell_start] != _QUOTE).any() \
                or (raw[cell_end - 1] != _QUOTE).any():
            self.exact = False  # an unbound cell: a subject without a string (a blank node)
            return
        inner_start, inner_end = cell_start + 1, cell_end - 1
        if _inside(np.flatnonzero(raw == _BACKSLASH), inner_start, inner_end).size:
            self.exact = False  # an escape: the cell's bytes are not the subjects' values
            return
        spaces = _inside(np.flatnonzero(raw == _SPACE), inner_start, inner_end)
        starts = np.sort(np.concatenate([inner_start, spaces + 1]))
        stops = np.sort(np.concatenate([spaces, inner_end]))
        lengths = stops - starts
        group = np.searchsorted(inner_start, starts, side="right") - 1
        if (lengths <= 0).any() or not np.array_equal(
                np.bincount(group, minlength=len(counts)), counts):
            self.exact = False  # an empty or extra piece: a subject the split cannot give
            return
        h1, h2 = hash_spans(block + b"\0" * 16, starts, lengths)
        self._h1.append(h1)
        self._h2.append(h2)
        self._group.append(group + self._groups)
        self._groups += len(counts)


def _inside(positions: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The ``positions`` that fall within one of the sorted spans ``[start, end)``."""
    span = np.searchsorted(starts, positions, side="right") - 1
    ok = span >= 0
    ok[ok] = positions[ok] < ends[span[ok]]
    return positions[ok]


def _concat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


__all__ = ["GroupedBuilder", "fetch_grouped"]
