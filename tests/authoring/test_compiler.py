"""The authoring format: what compiles to what, and every error names its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.authoring import CaseCompileError, compile_case_bytes, compile_case_file, compile_case_text
from kg.namespaces import CRED, DEFAULT_DATA_BASE

MINIMAL = """\
format: cred-kg/1
document:
  id: doc-a
  publisher: outlet
  date: 2024-10-24
actors:
  - id: outlet
    name: Outlet
    kind: NewsOutlet
  - id: gov
    name: Gov
    kind: State
  - id: spk
    name: Speaker
    kind: Person
    acts_for: gov
claims:
  - id: broad
    text: Something happened.
  - id: narrow
    text: Something specific happened.
    refines: broad
statements:
  - actor: spk
    claim: narrow
    stance: affirms
    quote: "it did"
    relay: [{outlet: outlet, cue: told}, outlet]
  - actor: spk
    claim: broad
    stance: hedges
evidence:
  - id: photo
    kind: Photograph
    description: a photo
    supports: [narrow]
"""


def iri(section: str, ident: str) -> URIRef:
    return URIRef(f"{DEFAULT_DATA_BASE}{section}/{ident}")


def test_minimal_case_compiles_to_expected_triples() -> None:
    case = compile_case_text(MINIMAL, source="case.yaml")
    g = case.graph
    assert case.graph_name == iri("document", "doc-a")
    speaker, statement = iri("actor", "spk"), iri("statement", "doc-a/spk--narrow")
    assert (speaker, RDF.type, CRED.Person) in g
    assert (speaker, CRED.actsOnBehalfOf, iri("actor", "gov")) in g
    assert (statement, CRED.statedBy, speaker) in g
    assert (statement, CRED.about, iri("claim", "narrow")) in g
    assert (statement, CRED.stance, CRED.Affirms) in g
    assert (iri("statement", "doc-a/spk--broad"), CRED.stance, CRED.Hedges) in g
    assert (iri("claim", "narrow"), CRED.refines, iri("claim", "broad")) in g
    assert (iri("evidence", "photo"), RDF.type, CRED.Photograph) in g
    assert (iri("document", "doc-a"), URIRef("http://purl.org/dc/terms/date"),
            Literal("2024-10-24", datatype=XSD.date)) in g
    # The relay chain: position 0 nearest the speaker, each later report derived from the one
    # before.
    first, second = URIRef(f"{statement}/relay/0"), URIRef(f"{statement}/relay/1")
    assert (first, CRED.relayCue, Literal("told")) in g
    assert (second, CRED.relayedFrom, first) in g
    assert (first, CRED.relayedFrom, None) not in g


def test_partial_dates_get_matching_datatypes() -> None:
    for written, datatype in (("2024-10", XSD.gYearMonth), ("2024", XSD.gYear)):
        case = compile_case_text(MINIMAL.replace("2024-10-24", written))
        dates = list(case.graph.objects(iri("document", "doc-a"),
                                        URIRef("http://purl.org/dc/terms/date")))
        assert dates == [Literal(written, datatype=datatype)]


def test_repeated_statement_gets_numbered_default_id() -> None:
    text = MINIMAL + """\
  - id: second-photo
    kind: Photograph
    description: another photo
"""
    text = text.replace(
        "  - actor: spk\n    claim: broad\n    stance: hedges\n",
        "  - actor: spk\n    claim: broad\n    stance: hedges\n"
        "  - actor: spk\n    claim: broad\n    stance: affirms\n",
    )
    g = compile_case_text(text).graph
    assert (iri("statement", "doc-a/spk--broad"), CRED.stance, CRED.Hedges) in g
    assert (iri("statement", "doc-a/spk--broad-2"), CRED.stance, CRED.Affirms) in g


def test_extensions_declare_new_kinds_with_priors() -> None:
    text = MINIMAL.replace("kind: Photograph", "kind: DroneFootage") + """\
extend:
  evidence_kinds:
    - id: DroneFootage
      parent: Video
      reliability_prior: 0.65
  actor_kinds:
    - id: ArmedGroup
      parent: Organization
"""
    g = compile_case_text(text).graph
    kind = iri("kind", "DroneFootage")
    assert (kind, RDFS.subClassOf, CRED.Video) in g
    assert (kind, CRED.reliabilityPrior, Literal("0.65", datatype=XSD.decimal)) in g
    assert (iri("evidence", "photo"), RDF.type, kind) in g


def test_overrides_compile_to_declarations() -> None:
    text = MINIMAL + """\
independence:
  - actors: [gov, outlet]
    independent: false
    reason: State-owned outlet.
"""
    g = compile_case_text(text).graph
    node = iri("override", "doc-a/dependent--gov--outlet")
    assert (node, RDF.type, CRED.DependenceDeclaration) in g
    assert (node, CRED.reason, Literal("State-owned outlet.")) in g
    assert set(g.objects(node, CRED.concernsActor)) == {iri("actor", "gov"), iri("actor", "outlet")}


# (name, edit to MINIMAL, expected line, column or None, field, message fragment, suggestion)
BROKEN = [
    ("unknown stance", ("stance: affirms", "stance: affrms"), 26, 13,
     "statements[0].stance", "is not a stance", "affirms"),
    ("misspelt field", ("quote:", "qoute:"), 27, 5, "statements[0].qoute", "unknown field",
     "quote"),
    ("statement without actor", ("  - actor: spk\n    claim: narrow", "  - claim: narrow"), 24, 5,
     "statements[0].actor", "required field is missing", None),
    ("evidence pointing nowhere", ("supports: [narrow]", "supports: [narow]"), 36, 16,
     "evidence[0].supports[0]", "no claim with id 'narow'", "narrow"),
    ("impossible date", ("2024-10-24", "2024-02-30"), 5, 9, "document.date", "not a real date",
     None),
    ("not a date", ("2024-10-24", "last Thursday"), 5, 9, "document.date", "is not a date", None),
    ("affiliation cycle", ("    kind: State\n", "    kind: State\n    acts_for: spk\n"), 13, 15,
     "actors[1].acts_for", "affiliation cycle: gov -> spk -> gov", None),
    ("unknown actor kind", ("kind: NewsOutlet", "kind: NewsOutle"), 9, 11, "actors[0].kind",
     "is not an actor kind", "NewsOutlet"),
    ("unknown evidence kind", ("kind: Photograph", "kind: Photo"), 34, 11, "evidence[0].kind",
     "is not an evidence kind", "Photograph"),
    ("unknown relay outlet", ("relay: [{outlet: outlet", "relay: [{outlet: outlett"), 28, 22,
     "statements[0].relay[0].outlet", "no actor with id 'outlett'", "outlet"),
    ("bad id", ("id: spk\n", "id: Spk Speaker\n"), 13, 9, "actors[2].id", "not a valid id", None),
    ("duplicate key", ("    name: Gov\n", "    name: Gov\n    name: Gov2\n"), 12, 5,
     "actors[1].name", "duplicate key", None),
    ("wrong format version", ("format: cred-kg/1", "format: cred-kg/9"), 1, 9, "format",
     "unknown format", None),
    ("yaml syntax", ("  - id: broad\n", "  - id: broad\n   x: [\n"), 19, 4, None,
     "YAML syntax error", None),
    ("claim refines itself", ("refines: broad", "refines: narrow"), 22, 14,
     "claims[1].refines[0]", "cannot be in 'refines' of itself", None),
    ("wrong type", ("supports: [narrow]", "supports: {a: 1}"), 36, 15, "evidence[0].supports",
     "valid list", None),
]


@pytest.mark.parametrize(
    ("edit", "line", "column", "term", "fragment", "suggestion"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_errors_name_file_line_field_and_suggest(
    edit: tuple[str, str], line: int, column: int | None, term: str | None, fragment: str,
    suggestion: str | None,
) -> None:
    old, new = edit
    assert old in MINIMAL
    with pytest.raises(CaseCompileError) as caught:
        compile_case_text(MINIMAL.replace(old, new, 1), source="case.yaml")
    error = caught.value
    assert error.location.source == "case.yaml"
    assert (error.location.line, error.location.column) == (line, column)
    assert error.term == term
    assert fragment in str(error)
    if suggestion:
        assert suggestion in error.suggestions
    assert str(error).startswith(f"case.yaml:{line}:")


def test_all_problems_are_reported_in_file_order() -> None:
    text = MINIMAL.replace("stance: affirms", "stance: affrms").replace(
        "supports: [narrow]", "supports: [nowhere]")
    with pytest.raises(CaseCompileError) as caught:
        compile_case_text(text, source="case.yaml")
    lines = [p.location.line for p in caught.value.problems]
    assert lines == sorted(lines) and len(lines) == 2
    assert "and 1 more problem" in str(caught.value)


def test_aliases_are_refused() -> None:
    bomb = "format: cred-kg/1\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    with pytest.raises(CaseCompileError, match="aliases are not allowed"):
        compile_case_text(bomb)


def test_non_utf8_bytes_name_line_and_column() -> None:
    raw = MINIMAL.encode().replace(b"name: Gov", b"name: G\xffov")
    with pytest.raises(CaseCompileError) as caught:
        compile_case_bytes(raw, source="case.yaml")
    assert (caught.value.location.line, caught.value.location.column) == (11, 12)
    assert "not valid UTF-8" in str(caught.value)


def test_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(CaseCompileError, match="cannot read file"):
        compile_case_file(tmp_path / "nope.yaml")
