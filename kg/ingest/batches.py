"""A file cut into batches, read as a stream: only one batch is ever held in memory.

N-Triples and N-Quads put one statement on a line, so a batch is ``batch_size`` lines, and a
resumed ingest seeks straight to the byte offset where the committed data ends. A batch with
no blank node, no ``<<`` and no line longer than the literal limit cannot break any check
that needs the parsed quads, so it is passed on as text and Oxigraph parses and writes it in
one call, with no Python object per quad (the fast path); any other batch is parsed here, its
blank nodes relabelled (:mod:`kg.ingest.blank_nodes`) and its quads checked.

N-Triples batches on the fast path are read by Oxigraph's N-Quads parser (N-Quads is a
superset of N-Triples, and the batch's progress record, in a named graph, goes in the same
call): a line of a ``.nt`` file with a fourth term, a graph name, is accepted into that graph
instead of being refused.

Turtle and TriG are parsed as one stream, ``batch_size`` quads at a time; a resumed ingest
parses the committed part again (prefixes and anonymous blank nodes depend on it) and skips
its quads without writing them.

JSON-LD and RDF/XML are not read here: JSON-LD cannot be streamed in general, and RDF/XML's
safety check (no entity declarations) reads the whole document; ``kg load`` takes them.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyoxigraph as ox

from kg.errors import InputError, LimitExceededError, Location, RdfSyntaxError
from kg.formats import NQUADS, NTRIPLES, TRIG, TURTLE, Format
from kg.ingest.blank_nodes import BlankNodes
from kg.ingest.locate import located_check_error, statement_end, whole_lines
from kg.ingest.records import Position
from kg.rdf_errors import _MISSING_DOT
from kg.rdfio import Limits, check_quads
from kg.typed_literals import is_ill_typed

#: The formats an ingest reads, and whether they are read line by line.
LINE_FORMATS = (NTRIPLES, NQUADS)
STREAM_FORMATS = (TURTLE, TRIG)

_NEWLINE, _LESS = ord("\n"), ord("<")
_POSITION_PREFIX = re.compile(r"^Parser error (?:at|between) [^:]*: ")
_XSD_TYPED_MARK = b'"^^<http://www.w3.org/2001/XMLSchema#'
_XSD_TYPED = re.compile(rb' "([^"\\\n]*)"\^\^<(http://www\.w3\.org/2001/XMLSchema#[A-Za-z]+)>')


@dataclass(frozen=True)
class Batch:
    """One batch, ready to be written.

    Attributes:
        quads: the parsed, relabelled and checked quads; ``None`` on the fast path.
        text: on the fast path, the batch's lines as they are in the file, to be parsed by
            Oxigraph as N-Quads (a superset of N-Triples) when written; else ``None``.
        count: the quads of the batch.
        first_line: the file's line where the batch starts (1-based; 0 if not line-based).
        end: how far the file's data reaches once this batch is committed.
    """

    quads: list[ox.Quad] | None
    text: bytes | None
    count: int
    first_line: int
    end: Position


class _Counting:
    """A binary reader that counts the bytes read, for the progress bar of streamed formats."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.bytes_read += len(data)
        return data


def syntax_error(
    error: SyntaxError, fmt: Format, source: str, first_line: int, *,
    data: bytes | None = None, path: Path | None = None,
) -> InputError:
    """pyoxigraph's SyntaxError as ours, its line counted from the start of the file.

    A statement cut short (no final dot, or a line's end inside it) is reported where the next
    token starts; it is placed where it ends instead, found in ``data`` (the text parsed, which
    starts at ``first_line``) or, for a streamed file, in ``path``.
    """
    message = _POSITION_PREFIX.sub("", error.msg or str(error))
    line = None if error.lineno is None else error.lineno + first_line - 1
    column = error.offset
    if error.lineno is not None and column == 1 and _MISSING_DOT.search(message):
        blocks = [data] if data is not None else whole_lines(path) if path is not None else None
        end_line, end_column = (
            statement_end(blocks, error.lineno) if blocks is not None else (None, None)
        )
        if end_line is not None:
            line, column = end_line + first_line - 1, end_column
        elif blocks is None and line is not None and line > 1:
            line, column = line - 1, None  # the line that ended too early, without its column
    return RdfSyntaxError(
        f"invalid {fmt.label}: {message}", location=Location(source, line, column)
    )


def _shifted(error: InputError, first_line: int) -> InputError:
    """An error located in a batch, located in the file instead."""
    where = error.location
    line = None if where.line is None else where.line + first_line - 1
    return type(error)(
        error.message,
        location=Location(where.source, line, where.column),
        term=error.term,
        expected=error.expected,
        suggestions=error.suggestions,
    )


def _too_long_token(source: str, first_line: int) -> LimitExceededError:
    return LimitExceededError(
        "a literal or IRI longer than the parser's 16 MiB buffer",
        location=Location(source, first_line),
        term="max_literal_chars",
        expected="a shorter literal",
    )


def line_batches(
    path: Path, fmt: Format, *, batch_size: int, start: Position, nodes: BlankNodes, limits: Limits,
    first_batch_size: int | None = None,
) -> Generator[Batch, None, None]:
    """Batches of ``batch_size`` lines of an N-Triples or N-Quads file, from ``start``; the
    first one of ``first_batch_size`` lines if given."""
    source = str(path)
    offset, line, done, index = start.offset, start.line, start.quads_done, start.batches
    size = first_batch_size or batch_size
    with path.open("rb") as handle:
        handle.seek(offset)
        reader = _Lines(handle)
        while chunk := reader.take(size):
            size = batch_size
            lines = reader.newlines + (chunk[-1:] != b"\n")
            first = line + 1
            line += lines
            offset += len(chunk)
            index += 1
            count = _as_text(chunk, lines, limits.max_literal_chars)
            if count is None:
                quads = _parse_lines(chunk, fmt, source, first, limits)
                quads = nodes.relabel(quads, anonymous=False)
                done += len(quads)
                yield Batch(quads, None, len(quads), first, Position(index, done, offset, line))
            else:
                done += count
                yield Batch(None, chunk, count, first, Position(index, done, offset, line))


class _Lines:
    """Reads a binary file ``count`` lines at a time, lines ending at ``\\n`` as when the
    file is iterated, in blocks: no Python object per line (a profile of a 100k-line ingest
    on disk had a fifth of its time in cutting the file into batches line by line)."""

    _BLOCK = 1 << 20

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.rest = b""
        #: The newlines in what :meth:`take` returned last.
        self.newlines = 0

    def take(self, count: int) -> bytes:
        """The next ``count`` lines (fewer at the end of the file) as one bytes object."""
        parts, found = [self.rest], _newlines(self.rest)
        while found < count and (block := self.handle.read(self._BLOCK)):
            parts.append(block)
            found += _newlines(block)
        self.newlines = min(found, count)
        if found <= count:
            self.rest = b""
            if found < count or parts[-1][-1:] == b"\n":
                return b"".join(parts)
        # The count-th newline is in the last part: cut after it, keep the rest for next time.
        last = parts[-1]
        in_last = last.count(b"\n")
        cut = _after_newline(last, in_last - (found - count), in_last)
        parts[-1], self.rest = last[:cut], last[cut:]
        return b"".join(parts)


def _after_newline(data: bytes, nth: int, total: int) -> int:
    """The index just after ``data``'s ``nth`` newline (1-based) of ``total``, found from the
    nearer end."""
    if nth <= total // 2:
        at = -1
        for _ in range(nth):
            at = data.find(b"\n", at + 1)
        return at + 1
    at = len(data)
    for _ in range(total - nth + 1):
        at = data.rfind(b"\n", 0, at)
    return at + 1


def _longest_line(chunk: bytes, limit: int) -> bool:
    """Whether a line of ``chunk`` (its newline included) is longer than ``limit`` bytes."""
    if len(chunk) <= limit:
        return False
    # A line over the limit has at least ``limit`` bytes with no newline, so it covers one of
    # the windows of ``limit // 2`` bytes that start at multiples of ``limit // 2``: if each
    # has a newline, no line is that long, checked with a few searches instead of one
    # object per line. Small limits (tests) are checked line by line.
    width = limit // 2
    if width >= 4096 and all(
        chunk.find(b"\n", start, start + width) >= 0
        for start in range(0, len(chunk) - width + 1, width)
    ):
        return False
    pieces = chunk.split(b"\n")
    longest = max(max(map(len, pieces[:-1]), default=-1) + 1, len(pieces[-1]))
    return longest > limit


def _newlines(data: bytes) -> int:
    # numpy's comparison is vectorised: about three times as fast as bytes.count here.
    return int(np.count_nonzero(np.frombuffer(data, np.uint8) == _NEWLINE))


def _as_text(chunk: bytes, lines: int, limit: int) -> int | None:
    """The statements in ``chunk``, of ``lines`` lines, if it can go on the fast path as
    text; ``None`` if it must be parsed here (blank nodes, ``<<``, a line over ``limit``)."""
    # A single byte is found with memchr, ``_:`` several times slower: a chunk without any
    # ``_`` (no blank node, no underscore in an IRI) costs one fast search.
    if b"_" in chunk and b"_:" in chunk:
        return None
    data = np.frombuffer(chunk, np.uint8)
    less = data == _LESS
    if np.any(less[1:] & less[:-1]) or _longest_line(chunk, limit):
        return None
    # One statement per line (N-Triples section 2), but blank and comment lines hold none.
    # Every line starting with ``<`` (an IRI or triple term subject) holds one: counted with
    # vector operations, not one object per line.
    if _ill_typed_in(chunk):
        return None  # parsed here, so that the literal is refused with its line
    if less[0] and 1 + int(np.count_nonzero(less[1:] & (data[:-1] == _NEWLINE))) == lines:
        return lines
    return sum(1 for raw in chunk.split(b"\n") if (text := raw.strip()) and text[:1] != b"#")


def _ill_typed_in(chunk: bytes) -> bool:
    """Whether ``chunk`` may hold an ill-typed XSD literal (``"x"^^xsd:integer``), which
    Oxigraph would store as it is: each distinct typed literal is judged once
    (:func:`kg.typed_literals.is_ill_typed`); one written with an escape is not read here,
    and the chunk then counts as suspect, for the parser to decide."""
    if _XSD_TYPED_MARK not in chunk:
        return False
    found = _XSD_TYPED.findall(chunk)
    if len(found) != chunk.count(_XSD_TYPED_MARK):
        return True
    return any(_ill_typed(value, datatype) for value, datatype in set(found))


@lru_cache(maxsize=1 << 16)
def _ill_typed(value: bytes, datatype: bytes) -> bool:
    return is_ill_typed(ox.Literal(value.decode("utf-8", "replace"),
                                   datatype=ox.NamedNode(datatype.decode("ascii"))))


def _parse_lines(
    chunk: bytes, fmt: Format, source: str, first: int, limits: Limits
) -> list[ox.Quad]:
    try:
        quads = list(ox.parse(chunk, format=fmt.oxigraph, rename_blank_nodes=False))
    except SyntaxError as error:
        raise syntax_error(error, fmt, source, first, data=chunk) from None
    except MemoryError:
        raise _too_long_token(source, first) from None
    try:
        check_quads(quads, source=source, limits=limits, data=chunk)
    except InputError as error:
        raise _shifted(error, first) from None
    return quads


def stream_batches(
    path: Path, fmt: Format, *, batch_size: int, start: Position, nodes: BlankNodes, limits: Limits
) -> Generator[Batch, None, None]:
    """Batches of ``batch_size`` quads of a Turtle or TriG file, from ``start``.

    A batch's ``end.offset`` is the bytes the parser has read so far (it reads ahead), for
    progress only: a resumed ingest skips quads, not bytes.
    """
    source = str(path)
    done, index = 0, start.batches
    with path.open("rb") as handle:
        reader = _Counting(handle)
        # (pyoxigraph reads any object with a read method; its stub asks for a typing.IO)
        parser = ox.parse(reader, format=fmt.oxigraph, rename_blank_nodes=False)  # type: ignore[arg-type]
        while True:
            try:
                quads = list(islice(parser, batch_size))
            except SyntaxError as error:
                raise syntax_error(error, fmt, source, 1, path=path) from None
            except MemoryError:
                raise _too_long_token(source, 1) from None
            if not quads:
                return
            # Relabelled even when skipped: anonymous nodes are numbered in document order.
            quads = nodes.relabel(quads, anonymous=True)
            before, done = done, done + len(quads)
            if done <= start.quads_done:
                continue
            quads = quads[max(0, start.quads_done - before) :]
            try:
                check_quads(quads, source=source, limits=limits)
            except InputError as error:
                # The stream keeps no text: the literal at fault is looked for in the file.
                raise located_check_error(error, quads, path, reader.bytes_read, limits) from None
            index += 1
            yield Batch(quads, None, len(quads), 0, Position(index, done, reader.bytes_read, 0))


__all__ = [
    "LINE_FORMATS",
    "STREAM_FORMATS",
    "Batch",
    "line_batches",
    "stream_batches",
    "syntax_error",
]
