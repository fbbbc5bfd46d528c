"""The SHACL compiler at its edges: shapes with constructs the product's shapes do not use yet,
checked against plain pySHACL, and what it refuses."""

from __future__ import annotations

import re

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.convert import to_rdflib
from kg.errors import ShapeViolation
from kg.rdfio import parse_bytes
from kg.shacl import (
    ShapeCompileError,
    compile_shapes,
    compiled_shapes,
    validate_quads,
)
from kg.validate import _read_report, _sort_key, shapes_graph, validate_graph

# -- Custom shapes: constructs ours do not use yet, against plain pySHACL ------------------------

SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"

CUSTOM_PREFIXES = f"""\
@prefix sh: <{SH}> .
@prefix xsd: <{XSD}> .
@prefix rdfs: <{RDFS}> .
@prefix ex: <https://example.org/> .
"""

CUSTOM_SHAPES = """
ex:kinds a sh:NodeShape ; sh:targetNode ex:a, ex:b, ex:lit ; sh:nodeKind sh:IRI ;
    sh:message "an IRI" .
ex:inverse a sh:PropertyShape ; sh:targetObjectsOf ex:p ; sh:path [ sh:inversePath ex:p ] ;
    sh:minCount 2 ; sh:message "pointed to twice" .
ex:sequence a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ( ex:p ex:q ) ; sh:maxCount 2 ;
    sh:message "at most two p/q" .
ex:alternative a sh:PropertyShape ; sh:targetClass ex:C ;
    sh:path [ sh:alternativePath ( ex:p ex:q ) ] ; sh:class ex:D ; sh:message "p or q: a D" .
ex:exclusive a sh:PropertyShape ; sh:targetSubjectsOf ex:n ; sh:path ex:n ;
    sh:minExclusive 0 ; sh:maxExclusive 10 ; sh:severity sh:Warning ; sh:message "0 < n < 10" .
ex:flags a sh:PropertyShape ; sh:targetSubjectsOf ex:name ; sh:path ex:name ;
    sh:pattern "^a" ; sh:flags "i" ; sh:message "starts with a" .
ex:node-value a sh:NodeShape ; sh:targetNode ex:a, ex:b ; sh:hasValue ex:a ; sh:message "is a" .
ex:path-value a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:hasValue ex:a ;
    sh:message "p includes a" .
ex:one-or-more a sh:PropertyShape ; sh:targetClass ex:C ; sh:path [ sh:oneOrMorePath ex:p ] ;
    sh:nodeKind sh:BlankNodeOrIRI ; sh:message "p+ reaches nodes" .
ex:zero-or-one a sh:PropertyShape ; sh:targetClass ex:D ; sh:path [ sh:zeroOrOnePath ex:q ] ;
    sh:in ( ex:a ex:b ex:d1 ex:d2 ) ; sh:message "q? in the list" .
ex:datatypes a sh:PropertyShape ; sh:targetSubjectsOf ex:v ; sh:path ex:v ;
    sh:or ( [ sh:datatype rdfs:Literal ; sh:nodeKind sh:Literal ] [ sh:datatype xsd:integer ] ) ;
    sh:xone ( [ sh:datatype xsd:boolean ] [ sh:pattern "1" ] ) ; sh:message "v" .
ex:or-kinds a sh:NodeShape ; sh:targetObjectsOf ex:q ;
    sh:or ( [ sh:nodeKind sh:Literal ] [ sh:in ( ex:a ) ] [ sh:class ex:D ] ) ;
    sh:message "q: literal, a, or a D" .
ex:min-two a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 2 ;
    sh:maxCount 3 ; sh:message "two or three p" .
ex:info a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:r ; sh:minCount 1 ;
    sh:severity sh:Info ; sh:message "dropped" .
ex:disjoint a sh:PropertyShape ; sh:targetClass ex:C ; sh:path [ sh:inversePath ex:q ] ;
    sh:disjoint ex:p ; sh:message "p and ^q disjoint" .
"""

CUSTOM_DATA = """
ex:a ex:p ex:d1 ; ex:v true, 1, "1", "x"@en, 2 ; ex:n 5, 10, "5", -1.5 ; ex:name "Anna", "bob" .
ex:b ex:p ex:d1 , ex:x ; ex:q "lit", ex:a ; ex:v "2"^^xsd:integer, "01"^^xsd:integer, [] .
ex:c1 a ex:C ; ex:p ex:d1, ex:d2, ex:a ; ex:q ex:d2 .
ex:c2 a ex:C ; ex:p [ ex:p ex:a ] ; ex:r "r" .
ex:d1 a ex:D ; ex:q ex:c1, ex:d2 .
ex:d2 a ex:D ; ex:q ex:zz .
ex:e a ex:C ; ex:p "literal" ; ex:q ex:e .
ex:x ex:name ex:name .
"""


def pyshacl_results(data: Graph, shapes: Graph) -> list[ShapeViolation]:
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    return sorted(set(_read_report(report, set(data.subjects()))), key=_sort_key)


def test_custom_shapes_give_pyshacl_results() -> None:
    shapes = Graph().parse(data=CUSTOM_PREFIXES + CUSTOM_SHAPES, format="turtle")
    text = CUSTOM_PREFIXES + CUSTOM_DATA
    quads = parse_bytes(text.encode(), "turtle", source="custom.ttl")
    expected = pyshacl_results(to_rdflib(quads), shapes)
    # Most shapes find something: the comparison is not vacuous.
    assert len({v.shape for v in expected}) >= 12
    assert validate_quads(quads, shapes=compile_shapes(shapes)) == expected


# -- What the compiler refuses ------------------------------------------------------------------

REFUSED = [
    ("sh:not", "ex:s a sh:NodeShape ; sh:targetNode ex:a ; sh:not [ sh:class ex:C ] ;"),
    ("sh:property", "ex:s a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:p ] ;"),
    ("sh:node", "ex:s a sh:NodeShape ; sh:targetNode ex:a ; sh:node ex:t ;"),
    ("sh:equals", "ex:s sh:targetNode ex:a ; sh:path ex:p ; sh:equals ex:q ;"),
    ("sh:deactivated", "ex:s sh:targetNode ex:a ; sh:path ex:p ; sh:deactivated true ;"),
    ("sh:languageIn", "ex:s sh:targetNode ex:a ; sh:path ex:p ; sh:languageIn ( 'en' ) ;"),
    ("sh:in with literals", "ex:s sh:targetNode ex:a ; sh:path ex:p ; sh:in ( 'a' ) ;"),
    ("sh:hasValue with a literal", "ex:s sh:targetNode ex:a ; sh:path ex:p ; sh:hasValue 1 ;"),
    (
        "mixing sh:class",
        "ex:s sh:targetNode ex:a ; sh:path ex:p ;"
        " sh:or ( [ sh:class ex:C ] [ sh:datatype xsd:string ] ) ;",
    ),
    ("sh:path in a shape of sh:or", "ex:s sh:targetNode ex:a ; sh:or ( [ sh:path ex:p ] ) ;"),
    ("sh:minCount on a node shape", "ex:s a sh:NodeShape ; sh:targetNode ex:a ; sh:minCount 1 ;"),
    ("a shape that is also a class", "ex:s a sh:NodeShape, rdfs:Class ; sh:class ex:C ;"),
    ("sh:target ", "ex:s a sh:NodeShape ; sh:target [ a ex:T ] ; sh:class ex:C ;"),
]


@pytest.mark.parametrize(("term", "turtle"), REFUSED, ids=[t for t, _ in REFUSED])
def test_unsupported_constructs_are_refused(term: str, turtle: str) -> None:
    shapes = Graph().parse(data=CUSTOM_PREFIXES + turtle + ' sh:message "m" .', format="turtle")
    with pytest.raises(ShapeCompileError, match=re.escape(term)) as caught:
        compile_shapes(shapes)
    assert "https://www.w3.org/TR/shacl/#" in str(caught.value)


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown SHACL engine"):
        validate_graph(Graph(), engine="fast")  # type: ignore[arg-type]


def test_a_shape_without_message_is_refused() -> None:
    shapes = Graph().parse(
        data=CUSTOM_PREFIXES + "ex:s sh:targetNode ex:a ; sh:path ex:p ; sh:minCount 1 .",
        format="turtle",
    )
    with pytest.raises(ShapeCompileError, match="sh:message"):
        compile_shapes(shapes)


def test_every_shape_with_targets_is_compiled() -> None:
    graph = shapes_graph()
    program = compiled_shapes()
    targeted = {
        str(s)
        for p in ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")
        for s in graph.subjects(URIRef(SH + p), None)
    }
    compiled = {check.shape.iri for check in program.checks} | {c.iri for c in program.sparql}
    assert compiled == targeted
