"""Property tests of the authoring-format compiler (``kg.authoring``), on generated cases.

- A valid case (``case_strategies.valid_cases``) compiles, from YAML and from JSON alike, to the
  same graph; the graph says what the case says (one labelled node per actor, claim, statement,
  evidence item); it conforms to the SHACL shapes; it round-trips through every RDF format.
- A broken case (a mutated valid one, or random bytes spliced into its YAML) either compiles or
  raises :class:`~kg.authoring.CaseCompileError`, whose every problem names the file, line and
  column; never another exception.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from case_strategies import mutated_cases, to_yaml, valid_cases
from fuzz_budget import budget
from hypothesis import event, example, given
from hypothesis import strategies as st
from rdf_strategies import assert_round_trips
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS

from kg.authoring import CaseCompileError, compile_case_bytes, compile_case_text
from kg.authoring.yamltree import read_yaml
from kg.convert import from_rdflib_graph
from kg.extract.draft import _scalar
from kg.namespaces import CRED
from kg.shacl import validate_quads

SOURCE = "fuzz.yaml"
# A case with every kind of entry, for the byte-mutation test to start from.
BASE_CASE = to_yaml(
    {
        "format": "cred-kg/1",
        "document": {"id": "doc", "title": "T", "publisher": "outlet", "date": "2024-10-24"},
        "actors": [
            {"id": "outlet", "name": "Outlet", "kind": "NewsOutlet"},
            {"id": "kirby", "name": "John Kirby", "kind": "Person", "acts_for": "outlet"},
        ],
        "claims": [
            {"id": "broad", "text": "Troops are in Russia"},
            {"id": "narrow", "text": "3,000 troops are in Russia", "refines": "broad"},
        ],
        "statements": [
            {
                "actor": "kirby",
                "claim": "narrow",
                "stance": "affirms",
                "relay": ["outlet"],
                "date": "2024-10",
            }
        ],
        "evidence": [
            {
                "id": "photo",
                "kind": "Photograph",
                "description": "A photo",
                "supports": ["narrow"],
                "released_by": "kirby",
            }
        ],
    }
).encode()


def _section_iri(case: dict[str, Any], section: str, ident: str) -> URIRef:
    return URIRef(f"{case.get('base', 'https://w3id.org/cred-kg/id/')}{section}/{ident}")


@budget(30)
@given(valid_cases())
# Found by fuzzing: a non-BMP character, written by JSON as an escaped surrogate pair, was
# read by PyYAML as two lone surrogates and refused (so the API refused an emoji).
@example(
    {
        "format": "cred-kg/1",
        "document": {"id": "d"},
        "actors": [{"id": "a", "name": "x\U0001f600y", "kind": "Person"}],
        "claims": [{"id": "c", "text": "\U00010000"}],
    }
)
def test_valid_cases_compile_conform_and_round_trip(case: dict[str, Any]) -> None:
    compiled = compile_case_text(to_yaml(case), source=SOURCE)
    # JSON is YAML too, and the API writes its entries as JSON (ASCII, escaped).
    as_json = compile_case_text(json.dumps(case), source=SOURCE)
    assert isomorphic(compiled.graph, as_json.graph)

    graph = compiled.graph
    for actor in case["actors"]:
        node = _section_iri(case, "actor", actor["id"])
        assert list(graph.objects(node, RDFS.label)) == [Literal(actor["name"])]
    for claim in case["claims"]:
        node = _section_iri(case, "claim", claim["id"])
        assert list(graph.objects(node, CRED.text)) == [Literal(claim["text"])]
    assert len(set(graph.subjects(RDF.type, CRED.Statement))) == len(case.get("statements", []))
    for item in case.get("evidence", []):
        node = _section_iri(case, "evidence", item["id"])
        assert list(graph.objects(node, DCTERMS.description)) == [Literal(item["description"])]

    quads = from_rdflib_graph(graph, compiled.graph_name)
    violations = [v for v in validate_quads(quads, source=SOURCE) if v.severity == "Violation"]
    assert violations == []

    assert_round_trips(quads)


def _assert_located(error: CaseCompileError) -> None:
    assert error.problems
    for problem in error.problems:
        assert problem.location.source == SOURCE
        assert problem.location.line is not None, str(problem)
        assert problem.location.column is not None, str(problem)
        assert problem.message


@budget(60)
@given(mutated_cases())
def test_mutated_cases_compile_or_fail_with_a_location(case: dict[str, Any]) -> None:
    try:
        compile_case_text(to_yaml(case), source=SOURCE)
    except CaseCompileError as error:
        event("refused")
        _assert_located(error)
    else:
        event("compiled")


@st.composite
def _byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(out)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "splice"]))
        if action == "flip" and at < len(out):
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del out[at : at + draw(st.integers(1, 8))]
        else:
            out[at:at] = draw(
                st.sampled_from(
                    [
                        b"\x00",
                        b"\xff",
                        b"\xc3",
                        b"\t",
                        b"\r",
                        b": ",
                        b"- ",
                        b"&a ",
                        b"*a",
                        b"!!python/",
                        b"{",
                        b"[",
                        b"'",
                        b'"',
                        b"\n---\n",
                        b"\xef\xbb\xbf",
                        b"\x85",
                        b"%YAML 1.1\n",
                    ]
                )
            )
    return bytes(out)


@budget(80)
@given(_byte_mutations(BASE_CASE))
# Found by fuzzing: PyYAML's reader errors (a control character, a byte that is not UTF-8 in
# the middle of a character) were reported without a line and column.
@example(BASE_CASE.replace(b"Outlet", b"Out\x01let"))
# Found by fuzzing: an unknown key holding "[" was taken for one of pydantic's tags and dropped
# from the error's path, and the compiler crashed with an IndexError.
@example(BASE_CASE.replace(b"format:", b"fo[[rmat:"))
def test_byte_mutated_cases_compile_or_fail_with_a_location(data: bytes) -> None:
    try:
        compile_case_bytes(data, source=SOURCE)
    except CaseCompileError as error:
        event("refused")
        _assert_located(error)
    else:
        event("compiled")


def test_blank_text_is_refused_by_the_compiler_with_its_place() -> None:
    """Found by fuzzing: a name of white space only (here U+00A0) compiled, and then broke
    the shapes' ``sh:pattern "\\S"`` with no line to point at."""
    text = (
        'format: cred-kg/1\ndocument: {id: d}\nactors:\n  - {id: a, name: "\\xa0 ", kind: Person}\n'
    )
    with pytest.raises(CaseCompileError) as caught:
        compile_case_text(text, source=SOURCE)
    problem = caught.value.problems[0]
    assert (problem.term, problem.location.line) == ("actors[0].name", 4)
    assert "blank" in problem.message


def test_a_claim_that_refines_and_contradicts_another_is_refused_with_its_place() -> None:
    """Found by fuzzing: narrow refines broad, and broad contradicts narrow (contradiction is
    symmetric). The compiler accepted it and the shapes then refused it, without a line."""
    text = (
        "format: cred-kg/1\ndocument: {id: d}\nclaims:\n"
        "  - {id: broad, text: B, contradicts: narrow}\n"
        "  - {id: narrow, text: N, refines: broad}\n"
    )
    with pytest.raises(CaseCompileError) as caught:
        compile_case_text(text, source=SOURCE)
    problem = caught.value.problems[0]
    assert (problem.term, problem.location.line) == ("claims[1].refines", 5)
    assert "'narrow' refines 'broad'" in problem.message


@budget(60)
@given(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30))
# Found by fuzzing, three ways a draft changed or broke the text it quotes: U+0085 (NEL) was
# written raw inside double quotes, where YAML reads a line break (it came back as a space);
# other C1 controls were written raw, which YAML refuses in a stream (the draft did not load);
# a plain value ending in a newline was written unquoted and lost it.
@example("a\x85b")
@example("y\x8e")
@example("s_\n")
def test_draft_scalars_read_back_as_written(text: str) -> None:
    """``kg extract`` writes each value with ``_scalar``; the case reader must read back the
    very text (a quote is evidence: it must not change on the way)."""
    written = f"key: {_scalar(text)}\n"
    assert read_yaml(written, SOURCE).value == {"key": text}
