"""The errors :mod:`kg.rdfio` raises for bad input, placed as well as pyoxigraph lets us
(private to :mod:`kg.rdfio`): syntax errors turned into :class:`kg.errors.RdfSyntaxError`
with the best line and column we can find, a remote JSON-LD context, inputs over the size
limits, and a format that is not RDF."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.errors import (
    InputError,
    LimitExceededError,
    Location,
    RdfSyntaxError,
    UnsafeInputError,
    UnsupportedFormatError,
)
from kg.formats import NQUADS, NTRIPLES, Format, detect_format
from kg.rdf_guards import _position, _utf8_error

if TYPE_CHECKING:
    from kg.rdfio import Limits

# pyoxigraph's Turtle, TriG, N-Triples, N-Quads and JSON parsers hold one token in a buffer of
# at most this size and raise MemoryError beyond it (pyoxigraph 0.5).
_PARSER_BUFFER_BYTES = 16 * 1024 * 1024

# pyoxigraph prefixes messages with the position, which Location carries already.
_POSITION_PREFIX = re.compile(
    r"^Parser error (?:at line \d+ (?:column \d+|between columns \d+ and \d+)"
    r"|between line \d+ column \d+ and line \d+ column \d+): "
)
# pyoxigraph's words for a statement cut short: without its final dot (N-Triples/N-Quads,
# Turtle/TriG), or broken by its line's end (N-Triples/N-Quads). Both are reported where the
# next token starts, at column 1 of a later line.
_MISSING_DOT = re.compile(r"followed by a dot|dot is expected at the end|line jumps are not")
_QUOTED = re.compile(r"'([^']{3,200})'")
# Where a JSON-LD document names a remote context; the parser does not say where.
_REMOTE_CONTEXT = (
    re.compile(rb'"@import"\s*:'),
    re.compile(rb'"@context"\s*:\s*"'),
    re.compile(rb'"@context"\s*:\s*\[[^\]]*?"(?!@)'),
    re.compile(rb'"@context"'),
)


def _rdf_format(fmt: str | Format, source: str) -> Format:
    rdf_format = detect_format(source, fmt)
    if rdf_format.oxigraph is None:
        raise UnsupportedFormatError(
            f"{rdf_format.label} is not an RDF syntax; case files are compiled by kg.authoring",
            location=Location(source),
            term="format",
            expected="one of turtle, trig, nt, nquads, jsonld, rdfxml",
        )
    return rdf_format


def _too_big(source: str, size: int, limits: Limits) -> LimitExceededError:
    return LimitExceededError(
        f"file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}",
        location=Location(source),
        term="max_file_bytes",
        expected="a smaller file, or bulk loading for large trusted files",
    )


def _token_too_big(data: bytes, source: str, limits: Limits) -> LimitExceededError:
    """pyoxigraph's text parsers refuse a token (literal, IRI) over a fixed buffer size."""
    # The parser does not say where; the first line of that many bytes is a good guess.
    run = re.search(rb"[^\n]{%d,}" % _PARSER_BUFFER_BYTES, data)
    line, column = _position(data, run.start()) if run else (None, None)
    return LimitExceededError(
        f"a literal or IRI of more than {_PARSER_BUFFER_BYTES:,} bytes, which the parser "
        f"refuses; literals may have at most {limits.max_literal_chars:,} characters",
        location=Location(source, line, column),
        term="max_literal_chars",
        expected="a shorter literal",
    )


def _find(data: bytes, needle: bytes) -> tuple[int | None, int | None]:
    offset = data.find(needle) if needle else -1
    return _position(data, offset) if offset >= 0 else (None, None)


def _syntax_error(error: SyntaxError, data: bytes, fmt: Format, source: str) -> InputError:
    """Turn pyoxigraph's SyntaxError into one of ours, with the best location we can get."""
    raw = error.msg or str(error)
    text = _POSITION_PREFIX.sub("", raw)
    line, column = error.lineno, error.offset
    if "LoadDocumentCallback" in raw or "remote context" in raw:
        return _remote_context_error(data, source, raw)
    if "UTF-8" in raw:
        return _utf8_error(data, source, line, column) or RdfSyntaxError(
            f"not UTF-8: {text}", location=Location(source, line, column), term="encoding"
        )
    if line is None:
        # Some parsers (RDF/XML, JSON-LD processing) give no position, but often quote the
        # offending text: its first occurrence is a good guess.
        quoted = _QUOTED.search(text)
        if quoted:
            line, column = _find(data, quoted.group(1).encode("utf-8"))
    if line is not None and column == 1 and _MISSING_DOT.search(text):
        line, column = _statement_end(data, line)
    expected = None
    if "No scheme found" in text:
        # N-Triples and N-Quads have no relative IRIs (RDF 1.1 N-Triples: "absolute IRIs"), with
        # a base or without: saying that none is set would send the user after a base.
        expected = ("an absolute IRI (N-Triples and N-Quads allow no relative IRIs, even with "
                    "a base IRI)" if fmt in (NTRIPLES, NQUADS) else
                    "an absolute IRI (relative IRIs need a base IRI, and none is set)")
    return RdfSyntaxError(
        f"invalid {fmt.label}: {text}", location=Location(source, line, column), expected=expected
    )


def _statement_end(data: bytes, line: int) -> tuple[int, int]:
    """Where a statement without its final dot ends: the parser reports the missing dot where
    the next token starts (the next line, or past the end of the file), but the dot belongs
    after the last character before that."""
    starts = [0, *(m.end() for m in re.finditer(rb"\n", data))]
    before = data[: starts[min(line, len(starts)) - 1]].rstrip()
    if not before:
        return line, 1
    return _position(data, len(before))


def _remote_context_error(data: bytes, source: str, detail: str) -> UnsafeInputError:
    line = column = None
    term = "@context"
    for pattern in _REMOTE_CONTEXT:
        match = pattern.search(data)
        if match:
            line, column = _position(data, match.start())
            term = "@import" if b"@import" in match.group(0) else "@context"
            break
    return UnsafeInputError(
        f"the document uses a remote JSON-LD context, and remote contexts are never fetched "
        f"(parser: {detail})",
        location=Location(source, line, column),
        term=term,
        expected="the context inlined as a JSON object",
    )
