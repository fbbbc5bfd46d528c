"""An ingest names the place of what stopped it as `kg load` does: a streamed file (Turtle,
TriG) read again for it, a line-based one (N-Triples) in the batch's text."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.ingest.locate
from kg.errors import IllTypedLiteralError, InputError, LimitExceededError, RdfSyntaxError
from kg.ingest import IngestStopped, ingest_file
from kg.rdfio import Limits, parse_bytes
from kg.store import KnowledgeStore
from tests.ingest.conftest import E

HEAD = f"@prefix e: <{E}> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n"
ROWS = "".join(f'e:s{n} e:p "{n}" .\n' for n in range(6))  # lines 4-9


def _stopped(path: Path, **options: object) -> InputError:
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(KnowledgeStore(), path, batch_size=2, **options)  # type: ignore[arg-type]
    return stopped.value.cause


def _load_error(path: Path, **options: object) -> InputError:
    with pytest.raises(InputError) as refused:
        KnowledgeStore().load([path], **options)  # type: ignore[arg-type]
    return refused.value


def _place(error: InputError) -> tuple[int | None, int | None]:
    return error.location.line, error.location.column


# Small blocks, so that a line straddles blocks and the file is read in many.
@pytest.fixture(params=[1 << 20, 7], ids=["one block", "7-byte blocks"])
def block(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(kg.ingest.locate, "_BLOCK", request.param)
    return int(request.param)


@pytest.mark.parametrize("name", ["bad.ttl", "bad.trig"])
def test_an_ill_typed_literal_is_named_with_its_line_and_column(
    write, block: int, name: str
) -> None:
    body = ROWS + '\ne:t e:when "2024-13-45"^^xsd:date .\n'  # line 11, the literal at column 12
    if name.endswith(".trig"):
        body = "e:g {\n" + body + "}\n"  # one line more before it
    path = write(name, HEAD + body)
    cause = _stopped(path)
    assert isinstance(cause, IllTypedLiteralError)
    expected = (12, 12) if name.endswith(".trig") else (11, 12)
    assert _place(cause) == expected == _place(_load_error(path))
    assert str(cause).startswith(f'{path}:{expected[0]}:12: "2024-13-45"^^xsd:date: ill-typed')


def test_a_statement_without_its_dot_is_named_where_it_ends(write, block: int) -> None:
    # Line 6 lacks its dot; the parser notices on line 8, after a blank line.
    text = HEAD + ROWS.replace('"2" .\n', '"2"   \n\n')
    path = write("nodot.ttl", text)
    cause = _stopped(path)
    assert isinstance(cause, RdfSyntaxError)
    assert _place(cause) == (6, 13) == _place(_load_error(path))


def test_a_literal_over_the_limit_is_named_with_its_line(write, block: int) -> None:
    path = write("long.ttl", HEAD + ROWS + f'e:t e:p "{"x" * 50}" .\n')
    limits = Limits(max_literal_chars=40)
    cause = _stopped(path, limits=limits)
    assert isinstance(cause, LimitExceededError)
    with pytest.raises(LimitExceededError) as parsed:
        parse_bytes(path.read_bytes(), "turtle", source=str(path), limits=limits)
    assert _place(cause) == (10, 10) == _place(parsed.value)  # the literal's text starts there


def test_an_error_the_parser_places_keeps_its_place(write) -> None:
    path = write("bad.ttl", HEAD + ROWS + "e:z e:p .\n")
    assert _place(_stopped(path)) == _place(_load_error(path)) == (10, 9)


@pytest.mark.parametrize("blank", ["", "_:b"], ids=["fast path", "parsed here"])
@pytest.mark.parametrize(
    "cut",
    [
        f'<{E}s4> <{E}p> "4"  \n',  # no final dot: the end is after '"4"', column 41
        f"<{E}s4> <{E}p>\n",  # the line ends inside the triple: after '<...p>', column 37
    ],
    ids=["no dot", "line jump"],
)
def test_a_triple_cut_short_is_named_where_it_ends(write, blank: str, cut: str) -> None:
    lines = [f'<{E}s{n}> <{E}p> "{n}" .\n' for n in range(9)]
    lines[1] = f"<{E}s1> <{E}p> {blank or '<' + E + 'o>'} .\n"
    lines[5] = cut  # line 6, in batch 3 of 2 lines
    path = write("cut.nt", lines)
    cause = _stopped(path)
    assert isinstance(cause, RdfSyntaxError)
    expected = (6, 41 if cut.endswith("  \n") else 37)
    assert _place(cause) == expected == _place(_load_error(path))
