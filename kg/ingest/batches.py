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
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import InputError, LimitExceededError, Location, RdfSyntaxError
from kg.formats import NQUADS, NTRIPLES, TRIG, TURTLE, Format
from kg.ingest.blank_nodes import BlankNodes
from kg.ingest.records import Position
from kg.rdfio import Limits, check_quads

#: The formats an ingest reads, and whether they are read line by line.
LINE_FORMATS = (NTRIPLES, NQUADS)
STREAM_FORMATS = (TURTLE, TRIG)

_POSITION_PREFIX = re.compile(r"^Parser error (?:at|between) [^:]*: ")


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


def syntax_error(error: SyntaxError, fmt: Format, source: str, first_line: int) -> InputError:
    """pyoxigraph's SyntaxError as ours, its line counted from the start of the file."""
    message = _POSITION_PREFIX.sub("", error.msg or str(error))
    line = None if error.lineno is None else error.lineno + first_line - 1
    column = error.offset
    if line is not None and line > 1 and column == 1 and "line jumps" in message:
        # A statement cut short by its line's end is reported at the start of the next line;
        # the line at fault is the one that ended too early.
        line, column = line - 1, None
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
    path: Path, fmt: Format, *, batch_size: int, start: Position, nodes: BlankNodes, limits: Limits
) -> Iterator[Batch]:
    """Batches of ``batch_size`` lines of an N-Triples or N-Quads file, from ``start``."""
    source = str(path)
    offset, line, done, index = start.offset, start.line, start.quads_done, start.batches
    with path.open("rb") as handle:
        handle.seek(offset)
        while True:
            lines = list(islice(handle, batch_size))
            if not lines:
                return
            chunk = b"".join(lines)
            first = line + 1
            line += len(lines)
            offset += len(chunk)
            index += 1
            if b"_:" in chunk or b"<<" in chunk or max(map(len, lines)) > limits.max_literal_chars:
                quads = _parse_lines(chunk, fmt, source, first, limits)
                quads = nodes.relabel(quads, anonymous=False)
                done += len(quads)
                yield Batch(quads, None, len(quads), first, Position(index, done, offset, line))
            else:
                # One statement per line (N-Triples section 2); blank and comment lines hold none.
                count = sum(1 for raw in lines if (text := raw.strip()) and text[:1] != b"#")
                done += count
                yield Batch(None, chunk, count, first, Position(index, done, offset, line))


def _parse_lines(
    chunk: bytes, fmt: Format, source: str, first: int, limits: Limits
) -> list[ox.Quad]:
    try:
        quads = list(ox.parse(chunk, format=fmt.oxigraph, rename_blank_nodes=False))
    except SyntaxError as error:
        raise syntax_error(error, fmt, source, first) from None
    except MemoryError:
        raise _too_long_token(source, first) from None
    try:
        check_quads(quads, source=source, limits=limits, data=chunk)
    except InputError as error:
        raise _shifted(error, first) from None
    return quads


def stream_batches(
    path: Path, fmt: Format, *, batch_size: int, start: Position, nodes: BlankNodes, limits: Limits
) -> Iterator[Batch]:
    """Batches of ``batch_size`` quads of a Turtle or TriG file, from ``start``.

    A batch's ``end.offset`` is the bytes the parser has read so far (it reads ahead), for
    progress only: a resumed ingest skips quads, not bytes.
    """
    source = str(path)
    done, index = 0, start.batches
    with path.open("rb") as handle:
        reader = _Counting(handle)
        parser = ox.parse(reader, format=fmt.oxigraph, rename_blank_nodes=False)
        while True:
            try:
                quads = list(islice(parser, batch_size))
            except SyntaxError as error:
                raise syntax_error(error, fmt, source, 1) from None
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
            check_quads(quads, source=source, limits=limits)
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
