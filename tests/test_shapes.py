"""The SHACL shapes (ontology/shapes.ttl) and the validator around them (kg.validate)."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.errors import ShapeValidationError, ShapeViolation
from kg.namespaces import CRED
from kg.validate import (
    SHAPES,
    ensure_valid,
    shapes_graph,
    validate_graph,
    vocabulary_graph,
)
from ontology import CASES_DIR
from tests.shape_cases import (
    CONTEXT,
    DCTERMS,
    INVALID,
    PREFIXES,
    STATEMENT,
    VALID,
    XSD,
    errors,
    node,
    parse,
    shape,
)


@pytest.mark.parametrize("turtle", VALID.values(), ids=list(VALID))
def test_valid_graph_conforms(turtle: str) -> None:
    assert validate_graph(parse(turtle)) == []


@pytest.mark.parametrize(
    ("turtle", "expected"),
    [(turtle, expected) for _, turtle, expected in INVALID],
    ids=[name for name, _, _ in INVALID],
)
def test_invalid_graph_reports_the_specific_violation(
    turtle: str, expected: set[tuple[str, str | None]]
) -> None:
    violations = validate_graph(parse(turtle), source="case.ttl")
    assert errors(violations) == {(node(f), shape(s)) for f, s in expected}
    for v in violations:
        # Messages are sentences that name the term at fault.
        assert any(p in v.message for p in ("cred:", "rdfs:", "dcterms:", "schema:")), v.message


@pytest.mark.parametrize(
    "turtle", [turtle for _, turtle, _ in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_same_results_as_plain_pyshacl(turtle: str) -> None:
    """kg.validate runs SPARQL constraints once per graph; pySHACL runs them per node."""
    data = parse(turtle)
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=vocabulary_graph(), inference="none"
    )
    subjects = set(data.subjects())
    expected = {
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.sourceShape)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(r, SH.focusNode) in subjects
    }
    found = {
        (_expand(v.focus), _expand(v.shape)) for v in validate_graph(data) if v.shape is not None
    }
    assert found == expected


def _expand(text: str | None) -> str:
    assert text is not None
    for prefix, namespace in (("cred:", str(CRED)), ("credsh:", str(SHAPES))):
        if text.startswith(prefix):
            return namespace + text.removeprefix(prefix)
    return text


def test_violation_fields() -> None:
    violations = validate_graph(parse('claim:c a cred:Claim ; cred:text "C"@en .'))
    assert violations == [
        ShapeViolation(
            focus=node("claim/c"),
            path="cred:text",
            message="cred:text must be a non-empty plain string (xsd:string).",
            severity="Violation",
            shape="credsh:Claim-text-value",
            value='"C"@en',
        )
    ]


def test_misspelt_term_gets_a_suggestion() -> None:
    violations = validate_graph(parse(f"{STATEMENT} ; cred:statdBy actor:putin ."))
    undeclared = [v for v in violations if v.shape is None]
    assert len(undeclared) == 1
    assert undeclared[0].path == "cred:statdBy"
    assert "did you mean cred:statedBy?" in undeclared[0].message


def test_known_types_satisfy_references_to_other_graphs() -> None:
    data = Graph().parse(
        data=PREFIXES + "statement:s a cred:Statement ; cred:statedBy actor:elsewhere ;"
        " cred:about claim:elsewhere ; cred:stance cred:Affirms .",
        format="turtle",
    )
    assert errors(validate_graph(data)) == {
        (node("statement/s"), shape("Statement-statedBy-value")),
        (node("statement/s"), shape("Statement-about-value")),
    }
    known = Graph()
    known.add((URIRef(node("actor/elsewhere")), RDF.type, CRED.Person))
    known.add((URIRef(node("claim/elsewhere")), RDF.type, CRED.Claim))
    # Other triples of known_types add nothing here (their subjects count as declared terms).
    known.add((URIRef(node("actor/elsewhere")), RDFS.label, Literal("A", lang="en")))
    assert validate_graph(data, known_types=known) == []


def test_known_types_may_declare_kinds() -> None:
    data = Graph().parse(
        data=PREFIXES
        + 'actor:w a kind:ArmedGroup ; rdfs:label "W" . claim:troops a cred:Claim ; cred:text "T" .'
        + f"{STATEMENT} ; cred:statedBy actor:w .",
        format="turtle",
    )
    assert errors(validate_graph(data)) == {
        (node("statement/s"), shape("Statement-statedBy-value"))
    }
    known = Graph()
    known.add((URIRef(node("kind/ArmedGroup")), RDFS.subClassOf, CRED.Organization))
    assert validate_graph(data, known_types=known) == []


def test_nodes_described_only_in_known_types_are_not_reported() -> None:
    known = Graph()
    # A claim without text in the store is that graph's problem, not this one's.
    known.add((URIRef(node("claim/elsewhere")), RDF.type, CRED.Claim))
    data = Graph().parse(
        data=PREFIXES
        + "statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about claim:elsewhere ;"
        + ' cred:stance cred:Affirms . actor:putin a cred:Person ; rdfs:label "Putin" .',
        format="turtle",
    )
    assert validate_graph(data, known_types=known) == []


def test_warnings_are_returned_but_do_not_raise() -> None:
    data = parse("document:d a cred:SourceDocument .")
    violations = validate_graph(data)
    assert {(v.shape, v.severity) for v in violations} == {
        ("credsh:SourceDocument-title-missing", "Warning"),
        ("credsh:SourceDocument-publishedBy-missing", "Warning"),
        ("credsh:SourceDocument-date-missing", "Warning"),
    }
    ensure_valid(data, source="doc.ttl")


def test_ensure_valid_raises_with_source_and_violations() -> None:
    data = parse("claim:c a cred:Claim . document:d a cred:SourceDocument .")
    with pytest.raises(ShapeValidationError) as caught:
        ensure_valid(data, source="case.ttl")
    error = caught.value
    assert error.source == "case.ttl"
    assert [v.shape for v in error.violations] == ["credsh:Claim-text-count"]
    assert str(error).startswith("case.ttl: 1 SHACL violation(s)")


def test_results_are_sorted_and_repeatable() -> None:
    data = parse(
        "claim:b a cred:Claim . claim:a a cred:Claim ; cred:text 1 . actor:z a cred:Person ."
    )
    first, second = validate_graph(data), validate_graph(data)
    assert first == second
    assert [v.focus for v in first] == sorted(v.focus for v in first)
    assert len(first) == 3


def test_data_graph_is_not_modified() -> None:
    data = parse(f"{STATEMENT} .")
    before = set(data)
    validate_graph(data, known_types=parse(""))
    assert set(data) == before


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    dataset = Dataset()
    case = dataset.graph(URIRef(node("document/a")))
    case.parse(data=PREFIXES + f"{STATEMENT} ; cred:statedBy actor:putin .", format="turtle")
    other = dataset.graph(URIRef(node("document/b")))
    other.parse(data=PREFIXES + CONTEXT, format="turtle")
    assert validate_graph(dataset) == []
    case.remove((None, CRED.statedBy, None))
    assert errors(validate_graph(dataset)) == {
        (node("statement/s"), shape("Statement-statedBy-count"))
    }


def test_seed_cases_conform() -> None:
    from kg.authoring import compile_case_file

    cases = sorted(CASES_DIR.glob("*.yaml"))
    assert cases
    for path in cases:
        case = compile_case_file(path)
        assert validate_graph(case.graph, source=str(path)) == [], path


def test_a_thousand_triples_validate_fast() -> None:
    data = parse("")
    for i in range(45):
        s = URIRef(node(f"statement/s{i}"))
        r = URIRef(node(f"report/r{i}"))
        c = URIRef(node(f"claim/c{i}"))
        a = URIRef(node(f"actor/a{i}"))
        e = URIRef(node(f"evidence/e{i}"))
        data.add((a, RDF.type, CRED.Person))
        data.add((a, RDFS.label, Literal(f"Actor {i}")))
        data.add((a, CRED.actsOnBehalfOf, URIRef(node("actor/russia"))))
        data.add((c, RDF.type, CRED.FactualClaim))
        data.add((c, CRED.text, Literal(f"Claim {i}.")))
        data.add((c, CRED.refines, URIRef(node("claim/troops"))))
        for p, o in (
            (RDF.type, CRED.Statement),
            (CRED.statedBy, a),
            (CRED.about, c),
            (CRED.stance, CRED.Affirms),
            (CRED.quote, Literal("q")),
            (CRED.setting, CRED.Interview),
            (CRED.reportedIn, r),
            (DCTERMS.date, Literal("2024-10-24", datatype=XSD.date)),
        ):
            data.add((s, p, o))
        for p, o in (
            (RDF.type, CRED.Report),
            (CRED.relays, s),
            (CRED.reportedBy, URIRef(node("actor/newsweek"))),
            (CRED.relayPosition, Literal(0, datatype=XSD.integer)),
        ):
            data.add((r, p, o))
        for p, o in (
            (RDF.type, CRED.Photograph),
            (DCTERMS.description, Literal("p")),
            (CRED.supports, c),
            (CRED.producedBy, a),
        ):
            data.add((e, p, o))
    assert len(data) >= 1000
    # Speed is measured by benchmarks, not asserted here; this checks a larger graph conforms.
    assert validate_graph(data) == []
