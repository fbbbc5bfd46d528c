"""The cases of the SHACL shape tests (tests/test_shapes.py, tests/test_shacl_compiled.py): a
small valid world, graphs that conform, and graphs that break one rule each with the violation
expected."""

from __future__ import annotations

from rdflib import Graph, Namespace

from kg.errors import ShapeViolation
from kg.namespaces import DEFAULT_DATA_BASE

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
