"""kg.ingest.batches.line_batches against a reference that iterates the file line by line.

The reader cuts blocks at newlines and counts statements with a few scans instead of one
Python object per line; the batches (text, quad counts, first lines, byte offsets, resume
positions) must be those of the plain way, which is the reference here.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.formats import NTRIPLES
from kg.ingest.batches import Batch, line_batches
from kg.ingest.blank_nodes import BlankNodes
from kg.ingest.records import START, Position
from kg.rdfio import Limits

E = "https://e.org/"
LINES = [
    f'<{E}s> <{E}p> "o" .',
    f"<{E}s> <{E}p> <{E}o#frag> .",
    f"<{E}s> <{E}p> _:b .",
    "# a comment",
    "   # an indented comment",
    "",
    "  \t",
    f'  <{E}s> <{E}p> "indented" .',
    f'<{E}s> <{E}p> "{"x" * 70}" .',
]


def reference(path: Path, batch_size: int, start: Position, limits: Limits) -> Iterator[Batch]:
    """The batches as they were cut before the block reader: ``islice`` over the file."""
    offset, line, done, index = start.offset, start.line, start.quads_done, start.batches
    with path.open("rb") as handle:
        handle.seek(offset)
        while lines := list(islice(handle, batch_size)):
            chunk = b"".join(lines)
            first = line + 1
            line += len(lines)
            offset += len(chunk)
            index += 1
            if b"_:" in chunk or b"<<" in chunk or max(map(len, lines)) > limits.max_literal_chars:
                yield Batch(None, None, -1, first, Position(index, -1, offset, line))
                return  # parsed: its count is the parser's, compared below as such
            count = sum(1 for raw in lines if (text := raw.strip()) and text[:1] != b"#")
            done += count
            yield Batch(None, chunk, count, first, Position(index, done, offset, line))


def compare(path: Path, batch_size: int, limits: Limits, start: Position = START) -> None:
    nodes = BlankNodes("test")
    ours = line_batches(
        path, NTRIPLES, batch_size=batch_size, start=start, nodes=nodes, limits=limits
    )
    for expected in reference(path, batch_size, start, limits):
        try:
            got = next(ours)
        except InputError:  # a literal over the limit, found by parsing the batch
            assert expected.text is None
            return
        assert (got.first_line, got.end.batches, got.end.offset, got.end.line) == (
            expected.first_line,
            expected.end.batches,
            expected.end.offset,
            expected.end.line,
        )
        if expected.text is None:
            assert got.text is None  # both parse this batch; the rest is the parser's
            return
        assert (got.text, got.count, got.end.quads_done) == (
            expected.text,
            expected.count,
            expected.end.quads_done,
        )
    assert next(ours, None) is None


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.sampled_from(LINES), max_size=40),
    ending=st.sampled_from(["\n", "\r\n"]),
    last_newline=st.booleans(),
    batch_size=st.integers(1, 12),
    limit=st.sampled_from([10, 60, 100, 10_000]),
)
def test_batches_are_those_of_line_by_line_reading(
    tmp_path_factory: pytest.TempPathFactory,
    lines: list[str],
    ending: str,
    last_newline: bool,
    batch_size: int,
    limit: int,
) -> None:
    text = ending.join(lines) + (ending if last_newline and lines else "")
    path = tmp_path_factory.mktemp("lines") / "a.nt"
    path.write_bytes(text.encode())
    compare(path, batch_size, Limits(max_literal_chars=limit))


def test_blocks_are_cut_at_the_right_newline(tmp_path: Path, monkeypatch) -> None:
    """Many blocks per batch and lines across block edges: a 16-byte block."""
    from kg.ingest import batches

    monkeypatch.setattr(batches._Lines, "_BLOCK", 16)
    lines = [LINES[i % 9] for i in range(300) if i % 9 != 2]  # no blank nodes
    path = tmp_path / "a.nt"
    path.write_text("\n".join(lines), encoding="utf-8")
    for size in (1, 7, 50, 299, 1000):
        compare(path, size, Limits(max_literal_chars=10_000))


def test_a_resume_starts_at_the_committed_offset(tmp_path: Path) -> None:
    lines = [f'<{E}s{n}> <{E}p> "{n}" .\n' for n in range(30)]
    path = tmp_path / "a.nt"
    path.write_text("".join(lines), encoding="utf-8")
    offset = len("".join(lines[:10]).encode())
    compare(path, 7, Limits(), Position(batches=2, quads_done=10, offset=offset, line=10))


def test_a_line_over_a_large_limit_is_found_between_short_ones(tmp_path: Path) -> None:
    """The limit is checked with windows of half its size; a line just over it is still
    found wherever it starts, and one at the limit is not over it."""
    limit = 10_000
    short = f'<{E}s> <{E}p> "o" .\n'
    for pad in (0, 1, 2_500, 4_999, 5_001):
        for length in (limit, limit + 1):
            literal = "x" * (length - len(f'<{E}s> <{E}p> "" .\n'))
            long_line = f'<{E}s> <{E}p> "{literal}" .\n'
            assert len(long_line) == length
            path = tmp_path / f"long-{pad}-{length}.nt"
            path.write_text(short * (pad // len(short) + 1) + long_line + short * 900)
            [batch] = line_batches(
                path,
                NTRIPLES,
                batch_size=10_000,
                start=START,
                nodes=BlankNodes("t"),
                limits=Limits(max_literal_chars=limit),
            )
            assert (batch.text is None) == (length > limit), (pad, length)


def test_a_smaller_first_batch_is_cut_then_the_usual_size(tmp_path: Path) -> None:
    lines = [f'<{E}s{n}> <{E}p> "{n}" .\n' for n in range(23)]
    path = tmp_path / "a.nt"
    path.write_text("".join(lines), encoding="utf-8")
    batches = list(line_batches(path, NTRIPLES, batch_size=8, start=START,
                                nodes=BlankNodes("t"), limits=Limits(), first_batch_size=3))
    assert [b.count for b in batches] == [3, 8, 8, 4]
    assert b"".join(b.text or b"" for b in batches) == path.read_bytes()
    assert [b.first_line for b in batches] == [1, 4, 12, 20]
