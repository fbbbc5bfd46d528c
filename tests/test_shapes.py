"""The SHACL shapes (ontology/shapes.ttl) and the validator around them (kg.validate)."""

from __future__ import annotations

import pyoxigraph
import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.errors import ShapeValidationError, ShapeViolation
from kg.namespaces import CRED, DEFAULT_DATA_BASE
from kg.validate import (
    SHAPES,
    ensure_valid,
    shapes_graph,
    validate_graph,
    vocabulary_graph,
)
from ontology import CASES_DIR, SHAPES_PATH, VOCAB_PATH

# Plain Namespaces: pytest's introspection of rdflib's closed XSD namespace warns.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

PREFIXES = """\
@prefix cred: <https://w3id.org/cred-kg/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix actor: <https://w3id.org/cred-kg/id/actor/> .
@prefix claim: <https://w3id.org/cred-kg/id/claim/> .
@prefix statement: <https://w3id.org/cred-kg/id/statement/> .
@prefix report: <https://w3id.org/cred-kg/id/report/> .
@prefix evidence: <https://w3id.org/cred-kg/id/evidence/> .
@prefix document: <https://w3id.org/cred-kg/id/document/> .
@prefix override: <https://w3id.org/cred-kg/id/override/> .
@prefix request: <https://w3id.org/cred-kg/id/comment-request/> .
@prefix kind: <https://w3id.org/cred-kg/id/kind/> .
@prefix setting: <https://w3id.org/cred-kg/id/setting/> .
@prefix assessment: <https://w3id.org/cred-kg/id/assessment/> .
"""

# A small valid world that the cases below refer to.
CONTEXT = """\
actor:putin a cred:Person ; rdfs:label "Vladimir Putin" ; cred:role "President of Russia" ;
    cred:actsOnBehalfOf actor:russia .
actor:russia a cred:State ; rdfs:label "Russia" .
actor:nis a cred:IntelligenceAgency ; rdfs:label "National Intelligence Service" .
actor:newsweek a cred:NewsOutlet ; rdfs:label "Newsweek" .
claim:troops a cred:FactualClaim ; cred:text "North Korean troops are in Russia." .
claim:training a cred:FactualClaim ; cred:text "North Korean troops train in Russia." ;
    cred:refines claim:troops .
"""


def parse(turtle: str) -> Graph:
    return Graph().parse(data=PREFIXES + CONTEXT + turtle, format="turtle")


def node(name: str) -> str:
    """``statement/s`` -> the full data IRI; ``cred:X`` stays as it is (it is shown compacted)."""
    return name if name.startswith("cred:") else DEFAULT_DATA_BASE + name


def shape(name: str | None) -> str | None:
    return None if name is None else f"credsh:{name}"


def errors(violations: list[ShapeViolation]) -> set[tuple[str, str | None]]:
    return {(v.focus, v.shape) for v in violations if v.severity == "Violation"}


VALID = {
    "context alone": "",
    "statement with relay chain": """
        document:nw a cred:SourceDocument ; dcterms:title "Putin appears to confirm" ;
            cred:publishedBy actor:newsweek ; dcterms:date "2024-10-24"^^xsd:date .
        statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about claim:troops ;
            cred:stance cred:Hedges ; cred:quote "if there are images, they reflect something" ;
            cred:reportingVerb "appeared to confirm" ; cred:setting cred:PressConference ;
            cred:inDocument document:nw ; dcterms:date "2024-10"^^xsd:gYearMonth ;
            cred:dateText "on Thursday" ; cred:reportedIn report:r0, report:r1 ;
            cred:note "A hedge, not an affirmation." .
        report:r0 a cred:Report ; cred:relays statement:s ; cred:reportedBy actor:newsweek ;
            cred:relayPosition "0"^^xsd:integer ; cred:relayCue "told" .
        report:r1 a cred:Report ; cred:relays statement:s ; cred:reportedBy actor:newsweek ;
            cred:relayPosition "1"^^xsd:integer ; cred:relayedFrom report:r0 .
    """,
    "evidence with a part": """
        evidence:treaty a cred:Document ; dcterms:description "The 2024 treaty" ;
            rdfs:label "Treaty" ; cred:citedBy actor:putin ; dcterms:date "2024"^^xsd:gYear .
        evidence:art4 a cred:DocumentClause ; dcterms:description "Article 4" ;
            cred:partOf evidence:treaty ; cred:supports claim:troops .
        evidence:img a cred:SatelliteImagery ; dcterms:description "Satellite images" ;
            cred:producedBy actor:nis ; cred:releasedBy actor:nis ; cred:supports claim:training .
    """,
    "comment request and override": """
        document:nw a cred:SourceDocument ; dcterms:title "T" ; cred:publishedBy actor:newsweek ;
            dcterms:date "2024-10-24"^^xsd:date .
        request:r a cred:CommentRequest ; cred:requestedBy actor:newsweek ;
            cred:requestedFrom actor:russia ; cred:channel "email" ;
            cred:responseReported false ; cred:inDocument document:nw .
        override:o a cred:DependenceDeclaration ; cred:concernsActor actor:nis, actor:russia ;
            cred:reason "Both speak for one government." .
    """,
    "kinds and settings declared in the data": """
        kind:ArmedGroup a owl:Class ; rdfs:subClassOf cred:Organization ; rdfs:label "Armed group" .
        kind:InterceptedCall a owl:Class ; rdfs:subClassOf cred:Testimony ;
            cred:reliabilityPrior 0.45 .
        setting:court a cred:Setting ; rdfs:label "court filing" .
        actor:wagner a kind:ArmedGroup ; rdfs:label "Wagner" .
        evidence:call a kind:InterceptedCall ; dcterms:description "A call" ;
            cred:producedBy actor:wagner .
        statement:w a cred:Statement ; cred:statedBy actor:wagner ; cred:about claim:troops ;
            cred:stance cred:Denies ; cred:setting setting:court .
    """,
    "contradicting claims": """
        claim:none a cred:FactualClaim ; cred:text "No troops are in Russia." ;
            cred:contradicts claim:troops .
        claim:troops cred:contradicts claim:none .
    """,
    "assessments": """
        assessment:c a cred:CredibilityAssessment ; schema:itemReviewed claim:troops .
        assessment:a a cred:ReliabilityAssessment ; schema:itemReviewed actor:nis .
    """,
}

STATEMENT = "statement:s a cred:Statement ; cred:about claim:troops ; cred:stance cred:Affirms"

# (case, Turtle added to CONTEXT, expected {(focus, shape)} of severity Violation; shape None is
# the check for undeclared cred: terms).
INVALID = [
    (
        "statement without actor",
        f"{STATEMENT} .",
        {("statement/s", "Statement-statedBy-count")},
    ),
    (
        "statement with two actors",
        f"{STATEMENT} ; cred:statedBy actor:putin, actor:nis .",
        {("statement/s", "Statement-statedBy-count")},
    ),
    (
        "statement by a claim",
        f"{STATEMENT} ; cred:statedBy claim:troops .",
        {("statement/s", "Statement-statedBy-value")},
    ),
    (
        "statement about an actor",
        "statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about actor:nis ;"
        " cred:stance cred:Denies .",
        {("statement/s", "Statement-about-value")},
    ),
    (
        "stance outside the three",
        "statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about claim:troops ;"
        " cred:stance cred:Confirms .",
        {("statement/s", "Statement-stance-value")},
    ),
    (
        "stance as a string",
        "statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about claim:troops ;"
        ' cred:stance "affirms" .',
        {("statement/s", "Statement-stance-value")},
    ),
    (
        "two stances",
        f"{STATEMENT}, cred:Denies ; cred:statedBy actor:putin .",
        {("statement/s", "Statement-stance-count")},
    ),
    (
        "setting that is not a setting",
        f"{STATEMENT} ; cred:statedBy actor:putin ; cred:setting actor:newsweek .",
        {("statement/s", "Statement-setting-value")},
    ),
    (
        "empty quote",
        f'{STATEMENT} ; cred:statedBy actor:putin ; cred:quote "  " .',
        {("statement/s", "Statement-quote-value")},
    ),
    (
        "date as a plain string",
        f'{STATEMENT} ; cred:statedBy actor:putin ; dcterms:date "2024-10-24" .',
        {("statement/s", "date-value")},
    ),
    (
        "date that does not exist",
        f'{STATEMENT} ; cred:statedBy actor:putin ; dcterms:date "2024-02-30"^^xsd:date .',
        {("statement/s", "date-value")},
    ),
    (
        "date with a time",
        f"{STATEMENT} ; cred:statedBy actor:putin ;"
        ' dcterms:date "2024-10-24T10:00:00"^^xsd:dateTime .',
        {("statement/s", "date-value")},
    ),
    (
        "evidence supporting an actor",
        'evidence:e a cred:Photograph ; dcterms:description "A photo" ; cred:supports actor:nis .',
        {("evidence/e", "Evidence-supports-value")},
    ),
    (
        "evidence supporting and disputing one claim",
        'evidence:e a cred:Video ; dcterms:description "A video" ; cred:supports claim:troops ;'
        " cred:disputes claim:troops .",
        {("evidence/e", "Evidence-supports-disputes")},
    ),
    (
        "satellite imagery without description",
        'evidence:e a cred:SatelliteImagery ; rdfs:label "Images" .',
        {("evidence/e", "Evidence-description-count")},
    ),
    (
        "evidence part of itself",
        'evidence:e a cred:Document ; dcterms:description "D" ; cred:partOf evidence:e .',
        {("evidence/e", "Evidence-partOf-cycle")},
    ),
    (
        "claim without text",
        "claim:c a cred:Forecast .",
        {("claim/c", "Claim-text-count")},
    ),
    (
        "claim with a language-tagged text",
        'claim:c a cred:Claim ; cred:text "Troops are in Russia."@en .',
        {("claim/c", "Claim-text-value")},
    ),
    (
        "claim refining itself",
        'claim:c a cred:Claim ; cred:text "C." ; cred:refines claim:c .',
        {("claim/c", "Claim-refines-cycle")},
    ),
    (
        "refinement cycle",
        "claim:troops cred:refines claim:training .",
        {("claim/troops", "Claim-refines-cycle"), ("claim/training", "Claim-refines-cycle")},
    ),
    (
        "claim refining and contradicting another",
        "claim:training cred:contradicts claim:troops .",
        {("claim/training", "Claim-refines-contradiction")},
    ),
    (
        "claim contradicting itself",
        "claim:troops cred:contradicts claim:troops .",
        {("claim/troops", "Claim-contradicts-self")},
    ),
    (
        "actor acting for itself",
        'actor:x a cred:Person ; rdfs:label "X" ; cred:actsOnBehalfOf actor:x .',
        {("actor/x", "Actor-actsOnBehalfOf-cycle")},
    ),
    (
        "affiliation cycle",
        "actor:russia cred:actsOnBehalfOf actor:putin .",
        {
            ("actor/russia", "Actor-actsOnBehalfOf-cycle"),
            ("actor/putin", "Actor-actsOnBehalfOf-cycle"),
        },
    ),
    (
        "actor for two principals",
        "actor:nis cred:actsOnBehalfOf actor:russia, actor:putin .",
        {("actor/nis", "Actor-actsOnBehalfOf-count")},
    ),
    (
        "person without a name",
        "actor:x a cred:Person .",
        {("actor/x", "Actor-label-count")},
    ),
    (
        "actor with two names",
        'actor:x a cred:GovernmentBody ; rdfs:label "A", "B" .',
        {("actor/x", "Actor-label-count")},
    ),
    (
        "override with one actor",
        "override:o a cred:IndependenceDeclaration ; cred:concernsActor actor:nis ;"
        ' cred:reason "R" .',
        {("override/o", "IndependenceOverride-concernsActor-count")},
    ),
    (
        "override without reason",
        "override:o a cred:IndependenceDeclaration ; cred:concernsActor actor:nis, actor:russia .",
        {("override/o", "IndependenceOverride-reason-count")},
    ),
    (
        "override of neither direction",
        "override:o a cred:IndependenceOverride ; cred:concernsActor actor:nis, actor:russia ;"
        ' cred:reason "R" .',
        {("override/o", "IndependenceOverride-kind")},
    ),
    (
        "override of an outlet and a claim",
        "override:o a cred:DependenceDeclaration ; cred:concernsActor actor:nis, claim:troops ;"
        ' cred:reason "R" .',
        {("override/o", "IndependenceOverride-concernsActor-value")},
    ),
    (
        "report without outlet",
        f"{STATEMENT} ; cred:statedBy actor:putin ; cred:reportedIn report:r .\n"
        "report:r a cred:Report ; cred:relays statement:s ;"
        ' cred:relayPosition "0"^^xsd:integer .',
        {("report/r", "Report-reportedBy-count")},
    ),
    (
        "negative relay position",
        f"{STATEMENT} ; cred:statedBy actor:putin .\n"
        "report:r a cred:Report ; cred:relays statement:s ; cred:reportedBy actor:newsweek ;"
        " cred:relayPosition -1 .",
        {("report/r", "Report-relayPosition-value")},
    ),
    (
        "report relayed from itself",
        f"{STATEMENT} ; cred:statedBy actor:putin .\n"
        "report:r a cred:Report ; cred:relays statement:s ; cred:reportedBy actor:newsweek ;"
        " cred:relayedFrom report:r .",
        {("report/r", "Report-relayedFrom-cycle")},
    ),
    (
        "comment request without requester",
        "request:r a cred:CommentRequest ; cred:requestedFrom actor:russia .",
        {("comment-request/r", "CommentRequest-requestedBy-count")},
    ),
    (
        "response reported as a string",
        "request:r a cred:CommentRequest ; cred:requestedBy actor:newsweek ;"
        ' cred:requestedFrom actor:russia ; cred:responseReported "no" .',
        {("comment-request/r", "CommentRequest-responseReported-value")},
    ),
    (
        "statement with a misspelt class",
        "statement:s a cred:Statment ; cred:statedBy actor:putin ; cred:about claim:troops ;"
        " cred:stance cred:Affirms .",
        {("statement/s", "Statement-domain"), ("statement/s", None)},
    ),
    (
        "statement with a misspelt property",
        f"{STATEMENT} ; cred:statdBy actor:putin .",
        {("statement/s", "Statement-statedBy-count"), ("statement/s", None)},
    ),
    (
        "untyped node using a claim property",
        'claim:c cred:text "Untyped." .',
        {("claim/c", "Claim-domain")},
    ),
    (
        "document reference on an actor",
        "document:d a cred:SourceDocument . actor:nis cred:inDocument document:d .",
        {("actor/nis", "inDocument-domain")},
    ),
    (
        "a fourth stance",
        "cred:Maybe a cred:Stance .",
        {("cred:Maybe", "Stance-individuals")},
    ),
    (
        "setting without label",
        "setting:court a cred:Setting .",
        {("setting/court", "Setting-label")},
    ),
    (
        "prior out of range",
        "kind:Rumour rdfs:subClassOf cred:Testimony ; cred:reliabilityPrior 1.5 .",
        {("kind/Rumour", "EvidenceKind-reliabilityPrior-value")},
    ),
    (
        "prior on an actor kind",
        "kind:Militia rdfs:subClassOf cred:Organization ; cred:reliabilityPrior 0.5 .",
        {("kind/Militia", "EvidenceKind-subClassOf-Evidence")},
    ),
    (
        "assessment of an actor as a claim",
        "assessment:c a cred:CredibilityAssessment ; schema:itemReviewed actor:nis .",
        {("assessment/c", "CredibilityAssessment-itemReviewed-value")},
    ),
    (
        "empty note",
        'actor:nis cred:note "" .',
        {("actor/nis", "note-value")},
    ),
]


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


# The ontology files themselves


def test_vocabulary_parses_with_rdflib_and_pyoxigraph() -> None:
    rdflib_graph = Graph().parse(VOCAB_PATH, format="turtle")
    oxigraph_triples = list(
        pyoxigraph.parse(path=str(VOCAB_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    )
    assert len(rdflib_graph) == len(oxigraph_triples) > 300


def test_shapes_parse_with_pyoxigraph() -> None:
    triples = list(pyoxigraph.parse(path=str(SHAPES_PATH), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(Graph().parse(SHAPES_PATH, format="turtle"))


def test_shapes_conform_to_shacl_shacl() -> None:
    conforms, _report, text = pyshacl.validate(
        Graph(), shacl_graph=shapes_graph(), meta_shacl=True, inference="none"
    )
    assert conforms, text


def test_the_vocabulary_itself_conforms() -> None:
    # So that a store holding vocab.ttl as one of its graphs can be validated as a whole.
    assert validate_graph(vocabulary_graph()) == []


def test_every_cred_term_in_the_shapes_is_declared_in_the_vocabulary() -> None:
    vocab = vocabulary_graph()
    declared = {s for s in vocab.subjects() if isinstance(s, URIRef)}
    used = {
        term
        for triple in shapes_graph()
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(CRED))
    }
    # Terms inside SPARQL text are not RDF terms; check their local names as words.
    sparql = " ".join(str(o) for o in shapes_graph().objects(None, SH.select))
    used |= {
        CRED[w.removeprefix("cred:")]
        for w in sparql.replace("*", " ").replace("+", " ").split()
        if w.startswith("cred:")
    }
    assert used, "the shapes use cred: terms"
    assert sorted(used - declared) == []


def test_every_class_of_the_vocabulary_is_targeted() -> None:
    vocab, shapes = vocabulary_graph(), shapes_graph()
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in vocab.subjects(RDF.type, OWL.Class):
        lineage = set(vocab.transitive_objects(cls, RDFS.subClassOf))
        assert lineage & targeted, f"no shape targets {cls} or a superclass of it"


def test_every_property_with_a_cred_domain_has_a_domain_shape() -> None:
    vocab, shapes = vocabulary_graph(), shapes_graph()
    for prop, domain in vocab.subject_objects(RDFS.domain):
        if not str(domain).startswith(str(CRED)):
            continue
        domain_shape = SHAPES[f"{str(domain).removeprefix(str(CRED))}-domain"]
        assert (domain_shape, SH.targetSubjectsOf, prop) in shapes, (prop, domain)
        assert (domain_shape, SH["class"], domain) in shapes


def test_every_shape_has_an_iri_and_a_message() -> None:
    shapes = shapes_graph()
    for kind in (SH.NodeShape, SH.PropertyShape):
        for s in shapes.subjects(RDF.type, kind):
            assert isinstance(s, URIRef) and s.startswith(str(SHAPES)), s
            messages = list(shapes.objects(s, SH.message)) + [
                m for c in shapes.objects(s, SH.sparql) for m in shapes.objects(c, SH.message)
            ]
            assert len(messages) == 1, s
