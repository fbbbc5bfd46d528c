"""Where in an ingested file an error lies, when the parser or the checks cannot say.

A statement cut short is reported by pyoxigraph where the next token starts, and it is placed
where it ends instead, in a line batch's text or a streamed file. The streamed parser (Turtle,
TriG) keeps no text, so a literal the quad checks refuse (ill-typed or over-long) is looked for
in the file again. Either way the place is the one ``kg load`` gives for the same file
(:mod:`kg.rdf_errors`, :mod:`kg.typed_literals`). This runs once, when the ingest stops, and
reads a file in blocks of whole lines: one block in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, Location
from kg.rdfio import Limits
from kg.typed_literals import _locate, is_ill_typed

_BLOCK = 1 << 20
Position = tuple[int | None, int | None]


def whole_lines(path: Path, end: int | None = None) -> Iterator[bytes]:
    """The file in blocks that end at a line's end (the last one at the file's), until the
    blocks cover ``end`` bytes."""
    rest, done = b"", 0
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            data = rest + block
            cut = data.rfind(b"\n") + 1
            data, rest = data[:cut], data[cut:]
            if data:
                yield data
                done += len(data)
                if end is not None and done >= end:
                    return
    if rest:
        yield rest


def _find_in_file(path: Path, find: Callable[[bytes], Position], end: int | None) -> Position:
    """``find`` run on each block of whole lines, its line counted from the file's start."""
    before = 0
    for block in whole_lines(path, end):
        line, column = find(block)
        if line is not None:
            return before + line, column
        before += block.count(b"\n")
    return None, None


def statement_end(blocks: Iterable[bytes], line: int) -> Position:
    """The end of the last line with text before ``line``, in ``blocks`` of whole lines: where
    a statement cut short ends (``kg load`` says the same, :func:`kg.rdf_errors._statement_end`)."""
    found: Position = (None, None)
    number = 0
    for block in blocks:
        for text in block.splitlines():
            number += 1
            if number >= line:
                return found
            stripped = text.rstrip()
            if stripped:
                found = (number, len(stripped.decode("utf-8", errors="replace")) + 1)
    return found


def located_check_error(
    error: InputError, quads: list[ox.Quad], path: Path, end: int, limits: Limits
) -> InputError:
    """A quad check's error (no line: the checks had no text) with the line and column of the
    literal at fault, looked for in the file's first ``end`` bytes."""
    if error.location.line is not None:
        return error
    literal = _culprit(error, quads, limits)
    if literal is None:
        return error
    if error.term == "max_literal_chars":
        needle = literal.value[:64].encode("utf-8")

        def find(block: bytes) -> Position:
            at = block.find(needle)
            return _locate_offset(block, at) if at >= 0 else (None, None)

        line, column = _find_in_file(path, find, end)
    else:
        line, column = _find_in_file(path, lambda block: _locate(block, literal), end)
    return error if line is None else _moved(error, line, column)


def _culprit(error: InputError, quads: list[ox.Quad], limits: Limits) -> ox.Literal | None:
    """The first literal of ``quads`` that the check refused, found again."""
    too_long = error.term == "max_literal_chars"
    for quad in quads:
        obj = quad.object
        if not isinstance(obj, ox.Literal):
            continue
        if too_long and len(obj.value) > limits.max_literal_chars:
            return obj
        if not too_long and obj.language is None and is_ill_typed(obj):
            return obj
    return None


def _locate_offset(block: bytes, offset: int) -> Position:
    line = block.count(b"\n", 0, offset) + 1
    start = block.rfind(b"\n", 0, offset) + 1
    return line, len(block[start:offset].decode("utf-8", errors="replace")) + 1


def _moved(error: InputError, line: int, column: int | None) -> InputError:
    return type(error)(
        error.message,
        location=Location(error.location.source, line, column),
        term=error.term,
        expected=error.expected,
        suggestions=error.suggestions,
    )


__all__ = ["located_check_error", "statement_end", "whole_lines"]
