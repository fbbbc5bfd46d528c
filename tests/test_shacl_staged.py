"""The staged N-Triples load (kg.shacl.staged, kg.shacl.screen, kg.shacl.columns) gives the
general path's results, keeps loads all or nothing, and steps aside for what it cannot read.

The reference for results is the general engine, :func:`kg.shacl.validate_quads` on the parsed
quads, itself cross-checked against pySHACL (tests/test_shacl_compiled.py); one case here also
compares with pySHACL directly. N-Triples is valid Turtle, so loading the same file as
``turtle`` takes the general path in the store: the two store paths are compared that way.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pyoxigraph as ox
import pytest
from rdflib import Graph
from test_shacl_compiled import (
    CASES,
    CORRUPTIONS,
    STILL_VALID,
    base_triples,
    reference,
    to_quads,
    turtle_quads,
)
from test_shacl_compiler_edges import (
    CUSTOM_DATA,
    CUSTOM_PREFIXES,
    CUSTOM_SHAPES,
    pyshacl_results,
)

from kg.convert import to_rdflib
from kg.errors import InputError, ShapeValidationError, ShapeViolation
from kg.rdfio import parse_bytes, serialize
from kg.shacl import compile_shapes, validate_quads
from kg.shacl import staged as staged_module
from kg.shacl.columns import read_ntriples
from kg.shacl.staged import stage_ntriples, validate_staged
from kg.store import KnowledgeStore
from kg.typed_literals import is_ill_typed

pytestmark = pytest.mark.filterwarnings(
    "ignore:Serializing weird numerical:UserWarning", "ignore:Parsing weird boolean:UserWarning"
)

E = "https://e.org/"
LIMIT = 1_000_000


def nt(triples: list[tuple[str, str, str]]) -> bytes:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples).encode()


def staged_results(data: bytes) -> list[ShapeViolation] | None:
    staging = stage_ntriples(data, max_literal_bytes=LIMIT)
    if staging is None:
        return None
    before = set(staging.store)
    results = validate_staged(staging, source="case.nt")
    assert set(staging.store) == before, "validation must leave the staging store as it was"
    return results


# -- Same results as the general engine -----------------------------------------------------------


# Corruptions the staged path hands to the general one: blank nodes, literals Oxigraph
# would store in another form than the one written, and ill-typed literals, which the general
# path refuses on parse with their line (kg.typed_literals).
GENERAL = {
    "date that does not exist",
    "prior not a decimal",
    "comment request answered yes",
    "blank node as actor",
    "blank node as text",
    "relay position as a nonNegativeInteger",
    "one relay position twice, as two datatypes",
    "relay position not canonical (valid)",
    "one relay position twice, as two lexical forms",
}


def same_as_general(triples: list[tuple[str, str, str]]) -> bool:
    """Whether the staged path took the data; if it did, its results must be the general's."""
    found = staged_results(nt(triples))
    if found is not None:
        assert found == validate_quads(to_quads(triples))
    return found is not None


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_synthetic_graph_with_one_corruption(name: str) -> None:
    triples = CORRUPTIONS[name](base_triples(), random.Random(1))
    assert same_as_general(triples) == (name not in GENERAL)


def test_corruptions_are_seen_and_clean_data_passes() -> None:
    # Not vacuous: the clean graph has no violation, each corruption but the still-valid
    # ones has one, through the staged path.
    clean = staged_results(nt(base_triples()))
    assert clean is not None and [v for v in clean if v.severity == "Violation"] == []
    for name, corrupt in CORRUPTIONS.items():
        results = staged_results(nt(corrupt(base_triples(), random.Random(1))))
        if name in GENERAL:
            continue
        assert results is not None, name
        assert any(v.severity == "Violation" for v in results) == (name not in STILL_VALID), name


@pytest.mark.parametrize("seed", range(12))
def test_random_mixtures_of_corruptions(seed: int) -> None:
    rng = random.Random(seed)
    triples = base_triples(seed)
    names = rng.sample(sorted(CORRUPTIONS), k=rng.randint(2, 6))
    for name in names:
        triples = CORRUPTIONS[name](triples, rng)
    assert same_as_general(triples) or set(names) & GENERAL


def test_one_mixture_against_pyshacl() -> None:
    rng = random.Random(99)
    triples = base_triples(3)
    for name in ("untyped reference", "setting that is not a setting", "drop a statedBy"):
        triples = CORRUPTIONS[name](triples, rng)
    expected = reference(to_quads(triples))
    assert any(v.severity == "Violation" for v in expected)
    assert staged_results(nt(triples)) == expected


@pytest.mark.parametrize("turtle", [t for _, t in CASES], ids=[n for n, _ in CASES])
def test_shape_cases(turtle: str) -> None:
    quads = turtle_quads(turtle)
    data = serialize(quads, "nt")
    found = staged_results(data)
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
        assert found is None  # blank nodes take the general path
    elif any(isinstance(q.object, ox.Literal) and is_ill_typed(q.object) for q in quads):
        assert found is None  # so do ill-typed literals, refused there with their line
    else:
        assert found == validate_quads(quads)


def test_custom_shapes_give_pyshacl_results() -> None:
    # The constructs of tests/test_shacl_compiled.py's custom shapes (node kinds, inverse,
    # sequence and alternative paths, ranges, flags, hasValue, or/xone, minCount 2, disjoint),
    # on its data with IRIs for the blank nodes and canonical literals only (the others take
    # the general path).
    shapes = Graph().parse(data=CUSTOM_PREFIXES + CUSTOM_SHAPES, format="turtle")
    program = compile_shapes(shapes)
    data = (
        CUSTOM_DATA.replace(', "01"^^xsd:integer, []', ", ex:bn1")
        .replace("[ ex:p ex:a ]", "ex:bn2")
        .replace("ex:x ex:name ex:name .", "ex:x ex:name ex:name .\nex:bn2 ex:p ex:a .")
    )
    quads = parse_bytes((CUSTOM_PREFIXES + data).encode(), "turtle", source="custom.ttl")
    expected = pyshacl_results(to_rdflib(quads), shapes)
    assert len({v.shape for v in expected}) >= 12
    assert validate_quads(quads, shapes=program) == expected
    staging = stage_ntriples(serialize(quads, "nt"), max_literal_bytes=LIMIT, shapes=program)
    assert staging is not None
    assert validate_staged(staging, shapes=program) == expected


# -- Columns: one id per RDF term, and nothing read inexactly -------------------------------------


def test_spellings_of_one_term_get_one_id() -> None:
    data = (
        f'<{E}s> <{E}p> "ab" .\n'
        f'<{E}s> <{E}p> "a\\u0062" .\n'
        f'<{E}s> <{E}p> "ab"^^<http://www.w3.org/2001/XMLSchema#string> .\n'
        f'<{E}s> <{E}q> "x"@EN-gb .\n'
        f'<{E}s> <{E}q> "x"@en-GB .\n'
        f"<{E}\\u0073> <{E}r> <{E}s> .\n"
        f'<{E}s> <{E}t> "tab\\there" .\n'
        f'<{E}s> <{E}t> "tab\there" .\n'
        f'<{E}s> <{E}u> "\\uFFFE" .\n'
        f'<{E}s> <{E}u> "\ufffe" .\n'
    ).encode()
    cols = read_ntriples(data, max_literal_bytes=LIMIT)
    assert cols is not None
    objects = cols.o.tolist()
    assert objects[0] == objects[1] == objects[2]
    assert objects[3] == objects[4]
    assert objects[6] == objects[7]
    assert objects[8] == objects[9]
    assert cols.s[5] == cols.s[0] == cols.o[5]
    # The ids agree with Oxigraph's own parse: as many distinct terms.
    parsed = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    distinct = {t for q in parsed for t in (q.subject, q.predicate, q.object)}
    assert len(set(np.concatenate([cols.s, cols.p, cols.o]).tolist())) == len(distinct)
    assert {cols.term(i) for i in set(objects)} == {q.object for q in parsed}


@pytest.mark.parametrize(
    "line",
    [
        f"_:b1 <{E}p> <{E}o> .",  # a blank node (see kg.shacl.columns)
        f"<{E}s> <{E}p> _:b1 .",
        f"# a comment\n<{E}s> <{E}p> <{E}o> .",
        f"<{E}s>\t<{E}p> <{E}o> .",
        f"<{E}s> <{E}p> <{E}o> . # trailing comment",
        f'<{E}s> <{E}p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .',  # Oxigraph rewrites
        f'<{E}s> <{E}p> "{"x" * 50}" .',  # over the literal limit below
        f"<{E}s> <{E}p> <{E}o> .\n\n<{E}s> <{E}p> <{E}q> .",  # a blank line
    ],
)
def test_what_is_not_read_exactly_goes_the_general_way(line: str) -> None:
    assert read_ntriples(line.encode() + b"\n", max_literal_bytes=40) is None


@pytest.mark.parametrize(
    "line",
    [
        # Ill-typed literals: the general path refuses them naming their line.
        f'<{E}s> <{E}p> "x"^^<http://www.w3.org/2001/XMLSchema#integer> .',
        f'<{E}s> <{E}p> "2024-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .',
        f"<{E}s> <{E}p> <<( <{E}a> <{E}b> <{E}c> )>> .",  # an RDF 1.2 triple term
    ],
)
def test_ill_typed_literals_and_triple_terms_go_the_general_way(line: str) -> None:
    # Well under the literal limit, so that only what the line holds can send it away.
    assert read_ntriples(line.encode() + b"\n", max_literal_bytes=1000) is None


def test_a_syntax_error_goes_the_general_way() -> None:
    assert stage_ntriples(f"<{E}s> <{E}p> .\n".encode(), max_literal_bytes=LIMIT) is None


# -- The store: same reports, all or nothing -------------------------------------------------------


def write(tmp_path: Path, triples: list[tuple[str, str, str]], name: str = "data.nt") -> Path:
    path = tmp_path / name
    path.write_bytes(nt(triples))
    return path


def test_store_fast_and_general_paths_agree(tmp_path: Path) -> None:
    path = write(
        tmp_path, CORRUPTIONS["drop a document title (a warning)"](base_triples(), random.Random(1))
    )
    fast, general = KnowledgeStore(), KnowledgeStore()
    fast_report = fast.load([path])
    general_report = general.load([path], formats="turtle")
    assert fast_report.files[0].warnings == general_report.files[0].warnings
    assert fast_report.files[0].warnings  # the warning is there, not dropped
    assert fast_report.total_quads == general_report.total_quads
    assert set(fast.quads()) == set(general.quads())


def test_store_violations_are_the_general_paths(tmp_path: Path) -> None:
    path = write(tmp_path, CORRUPTIONS["untyped reference"](base_triples(), random.Random(2)))
    with pytest.raises(ShapeValidationError) as fast:
        KnowledgeStore().load([path])
    with pytest.raises(ShapeValidationError) as general:
        KnowledgeStore().load([path], formats="turtle")
    assert fast.value.violations == general.value.violations
    assert fast.value.violations


def test_the_fast_path_is_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = staged_module.validate_staged

    def counted(*args: object, **kwargs: object) -> list[ShapeViolation]:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(staged_module, "validate_staged", counted)
    store = KnowledgeStore()
    store.load([write(tmp_path, base_triples())])
    assert calls == [1]
    assert len(store) == len(set(base_triples()))


@pytest.mark.parametrize("kind", ["empty memory", "memory", "disk"])
def test_a_failed_load_changes_nothing(tmp_path: Path, kind: str) -> None:
    bad = write(tmp_path, CORRUPTIONS["untyped reference"](base_triples(), random.Random(2)))
    first = [(f"<{E}x>", f"<{E}p>", '"kept"')]
    store = KnowledgeStore(tmp_path / "db" if kind == "disk" else None)
    if kind != "empty memory":
        store.load([write(tmp_path, first, "first.nt")], validate=False)
    engine, before = store.oxigraph, set(store.quads())
    with pytest.raises(ShapeValidationError):
        store.load([bad])
    assert store.oxigraph is engine
    assert set(store.quads()) == before
    if kind == "disk":
        del engine  # the last reference to the RocksDB handle, so that close() releases it
        store.close()
        with KnowledgeStore(tmp_path / "db") as reopened:
            assert set(reopened.quads()) == before


@pytest.mark.parametrize("kind", ["memory", "disk"])
def test_a_load_into_a_store_with_data_uses_its_types(tmp_path: Path, kind: str) -> None:
    # The actors and documents are in the store; the statements that refer to them come later.
    triples = base_triples()
    later = {s for s, p, o in triples if o.endswith("#Statement>") or "/statement/" in s}
    first = [t for t in triples if t[0] not in later]
    second = [t for t in triples if t[0] in later]
    store = KnowledgeStore(tmp_path / "db" if kind == "disk" else None)
    store.load([write(tmp_path, first, "first.nt")])
    store.load([write(tmp_path, second, "second.nt")])
    assert set(store.quads()) == set(to_quads(triples))
    # Without the store's types the second file alone is invalid (a dangling actor).
    with pytest.raises(ShapeValidationError):
        KnowledgeStore().load([write(tmp_path, second, "second.nt")])
    store.close()


def test_a_syntax_error_is_reported_as_before(tmp_path: Path) -> None:
    path = tmp_path / "bad.nt"
    path.write_bytes(f'<{E}s> <{E}p> "o" .\n<{E}s> <{E}p> .\n'.encode())
    store = KnowledgeStore()
    with pytest.raises(InputError) as caught:
        store.load([path])
    assert caught.value.location.line == 2
    assert len(store) == 0


@pytest.mark.parametrize(
    "text", ["", " ", "a", " x ", "\u3000", "\u00a0", "\u2028", "\u001c", "tab\there", "é", "\\"]
)
def test_the_plain_string_shortcut_agrees_with_pyshacls_rules(text: str) -> None:
    from kg.shacl.checks import TermTest
    from kg.shacl.compile import compiled_shapes
    from kg.shacl.run import holds
    from kg.shacl.screen import _plain_string_holds

    literal = ox.Literal(text)
    key = str(literal).encode()
    conditions = {c.condition for c in compiled_shapes().checks if isinstance(c, TermTest)}
    decided = 0
    for condition in conditions:
        fast = _plain_string_holds(condition, key)
        if fast is not None:
            decided += 1
            assert fast == holds(condition, literal), (condition, text)
    # Strings with escapes in their N-Triples form are left to the general test.
    assert decided or "\\" in key.decode()


def test_on_clean_data_the_screens_keep_only_checks_with_results() -> None:
    # Not vacuous the other way either: the screens clear what has no result, so the fast
    # path does not fall back to running every check.
    staging = stage_ntriples(nt(base_triples()), max_literal_bytes=LIMIT)
    assert staging is not None
    results = validate_staged(staging)
    with_results = {v.shape for v in results}
    kept = {"credsh:" + c.shape.iri.rsplit("#", 1)[1] for c in staging.checks}
    assert kept <= with_results
    assert not staging.undeclared
