"""Compile a shapes graph into checks (SHACL 4, 5), refusing what the engine cannot evaluate.

Every shape becomes one check per SHACL constraint component (:mod:`kg.shacl.checks`). A
construct outside the subset below is refused with :class:`~kg.shacl.errors.ShapeCompileError`,
so that no shape is ever silently ignored.

The supported subset (SHACL section, how it is evaluated):

========================================  ======================================================
Targets (2.1.3)                           ``sh:targetClass`` (with subclasses),
                                          ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``,
                                          ``sh:targetNode`` (IRIs)
Property paths (2.3.1)                    predicate, ``sh:inversePath``, sequence,
                                          ``sh:alternativePath``, ``sh:zeroOrMorePath``,
                                          ``sh:oneOrMorePath``, ``sh:zeroOrOnePath``: SPARQL
                                          property paths
``sh:minCount``, ``sh:maxCount`` (4.2)    ``NOT EXISTS`` / ``COUNT(DISTINCT)``
``sh:class`` (4.1.1), ``sh:nodeKind``     SPARQL
(4.1.3), ``sh:in`` (4.8.3, IRIs)
``sh:hasValue`` (4.8.2, an IRI)           SPARQL
``sh:disjoint`` (4.5.2)                   SPARQL
``sh:or``, ``sh:xone`` (4.6.2, 4.6.4)     of node shapes using the constraints of this table:
                                          SPARQL, or Python if they only test the value itself
``sh:datatype`` (4.1.2), ``sh:pattern``   Python, once per distinct value, with pySHACL's rules;
(4.4.3, ``sh:flags``), ``sh:min/max-``    the values that fail enter SPARQL as ``VALUES``
``Inclusive/Exclusive`` (4.3)
``sh:sparql`` (5)                         run once, ``$this`` unbound, as :mod:`kg.shacl_sparql`
``sh:message``, ``sh:severity`` (2.1.5)   as pySHACL reports them (a shape needs a message)
========================================  ======================================================
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.namespaces import PREFIXES
from kg.rdf_terms import sorted_terms
from kg.shacl.checks import (
    Check,
    CompiledShapes,
    Disjoint,
    HasValue,
    MaxCount,
    MinCount,
    TermTest,
    ValueTest,
)
from kg.shacl.conditions import (
    NODE_KINDS,
    AllOf,
    AnyOf,
    ClassCondition,
    Condition,
    ExactlyOne,
    InCondition,
    NodeKindCondition,
)
from kg.shacl.errors import ShapeCompileError, refuse
from kg.shacl.model import Shape, SparqlConstraint, Targets
from kg.shacl.paths import compile_path
from kg.shacl.term_conditions import DatatypeCondition, PatternCondition, RangeCondition
from ontology import SHAPES_PATH

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: None}

_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
_NON_VALIDATING = {SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group}
_VALUE_PARAMS = {
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH["in"],
    SH.pattern,
    SH.flags,
    SH.minInclusive,
    SH.maxInclusive,
    SH.minExclusive,
    SH.maxExclusive,
    SH["or"],
    SH.xone,
}
_TOP_PARAMS = (
    _TARGETS
    | _NON_VALIDATING
    | _VALUE_PARAMS
    | {SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.disjoint, SH.sparql}
)
# Where an unsupported SHACL term is specified, for the error message.
_SECTIONS = {
    SH.property: ("2.3", "property-shapes"),
    SH.node: ("4.7.1", "NodeConstraintComponent"),
    SH["not"]: ("4.6.1", "NotConstraintComponent"),
    SH["and"]: ("4.6.3", "AndConstraintComponent"),
    SH.qualifiedValueShape: ("4.7.3", "QualifiedValueShapeConstraintComponent"),
    SH.closed: ("4.8.1", "ClosedConstraintComponent"),
    SH.equals: ("4.5.1", "EqualsConstraintComponent"),
    SH.lessThan: ("4.5.3", "LessThanConstraintComponent"),
    SH.lessThanOrEquals: ("4.5.4", "LessThanOrEqualsConstraintComponent"),
    SH.minLength: ("4.4.1", "MinLengthConstraintComponent"),
    SH.maxLength: ("4.4.2", "MaxLengthConstraintComponent"),
    SH.languageIn: ("4.4.4", "LanguageInConstraintComponent"),
    SH.uniqueLang: ("4.4.5", "UniqueLangConstraintComponent"),
    SH.deactivated: ("2.1.6", "deactivated"),
    SH.target: ("SHACL-AF 5", "targets"),
}
_SPARQL_CONSTRAINT_PARAMS = {SH.select, SH.message, SH.prefixes, SH.severity}


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile a shapes graph into checks.

    Args:
        shapes: the shapes graph. It is not modified.

    Returns:
        The checks, ordered by shape IRI, then by constraint.

    Raises:
        ShapeCompileError: a shape uses a construct outside the supported subset (see the
            module's table), or is malformed (no message, two datatypes, a blank-node IRI).

    Example:
        >>> from kg.validate import shapes_graph
        >>> program = compile_shapes(shapes_graph())
        >>> len(program.checks) > 100, len(program.sparql)
        (True, 6)
    """
    checks: list[Check] = []
    sparql: list[SparqlConstraint] = []
    for node in sorted_terms(_shape_nodes(shapes)):
        _check_vocabulary(shapes, node, _TOP_PARAMS, top=True)
        if shapes.value(node, SH.sparql) is not None:
            sparql.append(_compile_sparql_shape(shapes, node))
            continue
        targets = _targets(shapes, node)
        if not targets:
            # pySHACL validates shapes that have targets; others are only used by reference.
            continue
        if not isinstance(node, URIRef):
            raise ShapeCompileError(f"{node}: a shape with targets needs an IRI")
        checks += _compile_shape(shapes, node, targets)
    classes = sorted({c for check in checks for c in check.classes()})
    return CompiledShapes(checks=tuple(checks), sparql=tuple(sparql), classes=tuple(classes))


def _shape_nodes(shapes: Graph) -> set[Node]:
    # SHACL 2.1: instances of sh:NodeShape / sh:PropertyShape, subjects of targets and of
    # sh:path. Shapes reached through sh:or and sh:xone are compiled where they are used.
    found: set[Node] = set()
    for kind in (SH.NodeShape, SH.PropertyShape):
        found.update(shapes.subjects(RDF.type, kind))
    for predicate in (*_TARGETS, SH.path, SH.sparql):
        found.update(shapes.subjects(predicate, None))
    for node in found:
        for cls in shapes.objects(node, RDF.type):
            if cls in (RDFS.Class, rdflib.OWL.Class):
                raise refuse(
                    node, "a shape that is also a class", "2.1.3.3", "implicit-targetClass"
                )
    return found


def _check_vocabulary(shapes: Graph, node: Node, allowed: set[URIRef], *, top: bool) -> None:
    for predicate in set(shapes.predicates(node, None)):
        if not isinstance(predicate, URIRef):  # predicates are IRIs; rdflib says any node
            continue
        if not predicate.startswith(str(SH)) or predicate in allowed:
            continue
        section, anchor = _SECTIONS.get(predicate, ("", ""))
        where = "" if top else " in a shape of sh:or or sh:xone"
        raise refuse(node, f"{shapes.qname(predicate)}{where}", section or "4", anchor)


def _targets(shapes: Graph, node: Node) -> Targets:
    def iris(predicate: URIRef) -> tuple[str, ...]:
        found = []
        for value in shapes.objects(node, predicate):
            if not isinstance(value, URIRef):
                raise ShapeCompileError(
                    f"{node}: {shapes.qname(predicate)} {value!r} is not an IRI"
                )
            found.append(str(value))
        return tuple(sorted(found))

    return Targets(
        classes=iris(SH.targetClass),
        subjects_of=iris(SH.targetSubjectsOf),
        objects_of=iris(SH.targetObjectsOf),
        nodes=iris(SH.targetNode),
    )


def _one(shapes: Graph, node: Node, predicate: URIRef) -> Node | None:
    values = list(shapes.objects(node, predicate))
    if len(values) > 1:
        raise ShapeCompileError(f"{node}: more than one {shapes.qname(predicate)}")
    return values[0] if values else None


def _compile_shape(shapes: Graph, node: URIRef, targets: Targets) -> list[Check]:
    messages = sorted(str(m) for m in shapes.objects(node, SH.message))
    if not messages:
        # pySHACL would make up a message per component; kg.validate shows the shape's own.
        raise ShapeCompileError(f"{node}: a shape needs an sh:message (SHACL 2.1.5)")
    severity_iri = _one(shapes, node, SH.severity) or SH.Violation
    if severity_iri not in _SEVERITIES:
        raise ShapeCompileError(f"{node}: unknown sh:severity {severity_iri}")
    path_node = _one(shapes, node, SH.path)
    shape = Shape(
        iri=str(node),
        message=messages[0],
        severity=_SEVERITIES[severity_iri],  # type: ignore[index]
        targets=targets,
        path=None if path_node is None else compile_path(shapes, path_node, node),
    )
    checks: list[Check] = []
    for predicate, kind in ((SH.minCount, MinCount), (SH.maxCount, MaxCount)):
        value = _one(shapes, node, predicate)
        if value is None:
            continue
        if shape.path is None:
            raise refuse(
                node, f"{shapes.qname(predicate)} on a node shape", "4.2", "core-components-count"
            )
        if not (isinstance(value, Literal) and value.datatype == XSD.integer):
            raise ShapeCompileError(f"{node}: {shapes.qname(predicate)} must be an xsd:integer")
        if predicate == SH.minCount and int(value) == 0:
            continue  # sh:minCount 0 always holds (pySHACL skips it).
        checks.append(kind(shape, int(value)))
    has_value = _one(shapes, node, SH.hasValue)
    if has_value is not None:
        if not isinstance(has_value, URIRef):
            # rdflib compares literals by term and Oxigraph by value; IRIs only, to be exact.
            raise refuse(
                node,
                "sh:hasValue with a literal or blank node",
                "4.8.2",
                "HasValueConstraintComponent",
            )
        checks.append(HasValue(shape, str(has_value)))
    for other in sorted_terms(shapes.objects(node, SH.disjoint)):
        if shape.path is None or not isinstance(other, URIRef):
            raise refuse(
                node,
                "sh:disjoint on a node shape or with a path",
                "4.5.2",
                "DisjointConstraintComponent",
            )
        checks.append(Disjoint(shape, str(other)))
    conditions = _value_conditions(shapes, node)
    # Results of one shape that differ only in their constraint component are one
    # ShapeViolation, so the tests of each kind are merged into one check.
    in_sparql = [c for c in conditions if c.in_sparql]
    local = [c for c in conditions if not c.in_sparql]
    for c in local:
        if not c.local:
            raise refuse(
                node,
                "sh:or or sh:xone mixing sh:class with datatype, pattern or range tests",
                "4.6",
                "core-components-logical",
            )
    if in_sparql:
        checks.append(
            ValueTest(shape, in_sparql[0] if len(in_sparql) == 1 else AllOf(tuple(in_sparql)))
        )
    if local:
        checks.append(TermTest(shape, local[0] if len(local) == 1 else AllOf(tuple(local))))
    return checks


def _value_conditions(shapes: Graph, node: Node) -> list[Condition]:
    """The value-node constraints of a shape (SHACL 4.1, 4.3, 4.4.3, 4.6.2, 4.6.4, 4.8.3)."""
    conditions: list[Condition] = []
    for cls in sorted_terms(shapes.objects(node, SH["class"])):
        if not isinstance(cls, URIRef):
            raise ShapeCompileError(f"{node}: sh:class {cls!r} is not an IRI")
        conditions.append(ClassCondition(str(cls)))
    datatype = _one(shapes, node, SH.datatype)
    if datatype is not None:
        if not isinstance(datatype, URIRef):
            raise ShapeCompileError(f"{node}: sh:datatype {datatype!r} is not an IRI")
        conditions.append(DatatypeCondition(str(datatype)))
    kind = _one(shapes, node, SH.nodeKind)
    if kind is not None:
        if kind not in NODE_KINDS:
            raise ShapeCompileError(f"{node}: sh:nodeKind {kind} is not one of the six kinds")
        conditions.append(NodeKindCondition(str(kind)))
    members = _one(shapes, node, SH["in"])
    if members is not None:
        items = list(shapes.items(members))
        if not all(isinstance(m, URIRef) for m in items):
            raise refuse(
                node, "sh:in with literals or blank nodes", "4.8.3", "InConstraintComponent"
            )
        conditions.append(InCondition(tuple(sorted(str(m) for m in items))))
    flags = _one(shapes, node, SH.flags)
    for pattern in sorted_terms(shapes.objects(node, SH.pattern)):
        if not isinstance(pattern, Literal):
            raise ShapeCompileError(f"{node}: sh:pattern must be a literal")
        conditions.append(PatternCondition(str(pattern), "" if flags is None else str(flags)))
    for operator in (SH.minInclusive, SH.minExclusive, SH.maxInclusive, SH.maxExclusive):
        bound = _one(shapes, node, operator)
        if bound is not None:
            if not isinstance(bound, Literal):
                raise ShapeCompileError(f"{node}: {shapes.qname(operator)} must be a literal")
            conditions.append(RangeCondition(str(operator), bound))
    for operator, combine in ((SH["or"], AnyOf), (SH.xone, ExactlyOne)):
        for members in sorted_terms(shapes.objects(node, operator)):
            parts = tuple(_inner_shape(shapes, m) for m in shapes.items(members))
            if not parts:
                raise ShapeCompileError(f"{node}: empty {shapes.qname(operator)} list")
            conditions.append(combine(parts))
    return conditions


def _inner_shape(shapes: Graph, node: Node) -> Condition:
    # A member of sh:or / sh:xone: a node shape, conforming if all its constraints hold.
    # Its sh:message is allowed, and unused: results name the shape that holds the sh:or.
    allowed = _VALUE_PARAMS | {SH.name, SH.description, SH.message}
    _check_vocabulary(shapes, node, allowed, top=False)
    conditions = _value_conditions(shapes, node)
    if not conditions:
        raise ShapeCompileError(f"{node}: a shape in sh:or or sh:xone without a constraint")
    return conditions[0] if len(conditions) == 1 else AllOf(tuple(conditions))


def _compile_sparql_shape(shapes: Graph, node: Node) -> SparqlConstraint:
    # The same restrictions as kg.shacl_sparql, whose results kg.validate reports.
    if not isinstance(node, URIRef):
        raise ShapeCompileError(f"{node}: a SPARQL-constraint shape needs an IRI")
    extra = {
        p
        for p in shapes.predicates(node, None)
        if isinstance(p, URIRef)
        and p.startswith(str(SH))
        and p not in {SH.targetSubjectsOf, SH.sparql}
    }
    if extra:
        names = ", ".join(sorted(shapes.qname(p) for p in extra))
        raise refuse(node, f"{names} beside sh:sparql", "5", "sparql-constraints")
    constraints = list(shapes.objects(node, SH.sparql))
    if len(constraints) != 1:
        raise ShapeCompileError(f"{node}: exactly one sh:sparql constraint expected (SHACL 5)")
    constraint = constraints[0]
    _check_vocabulary(shapes, constraint, _SPARQL_CONSTRAINT_PARAMS, top=True)
    targets = tuple(sorted(str(o) for o in shapes.objects(node, SH.targetSubjectsOf)))
    select = shapes.value(constraint, SH.select)
    if not targets or select is None:
        raise ShapeCompileError(f"{node}: sh:targetSubjectsOf and sh:select are required")
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for ontology in shapes.objects(constraint, SH.prefixes)
        for d in shapes.objects(ontology, SH.declare)
    )
    text = prefixes + str(select)
    try:
        # Parsed now, against an empty store, so that a broken query fails at compile time.
        solutions = ox.Store().query(text, prefixes=PREFIXES)
    except SyntaxError as error:
        raise ShapeCompileError(f"{node}: sh:select does not parse: {error}") from None
    if not isinstance(solutions, ox.QuerySolutions) or ox.Variable("this") not in (
        solutions.variables
    ):
        raise ShapeCompileError(f"{node}: the query must be a SELECT of $this (SHACL 5.3)")
    messages = sorted(str(m) for m in shapes.objects(constraint, SH.message))
    severity = shapes.value(constraint, SH.severity) or SH.Violation
    if severity not in _SEVERITIES:
        raise ShapeCompileError(f"{node}: unknown sh:severity {severity}")
    return SparqlConstraint(
        iri=str(node),
        message=messages[0] if messages else f"violates {node}",
        severity=_SEVERITIES[severity],  # type: ignore[index]
        subjects_of=targets,
        query=text,
    )


@cache
def compiled_shapes() -> CompiledShapes:
    """The compiled form of ``ontology/shapes.ttl``, made once."""
    return compile_shapes(Graph().parse(SHAPES_PATH, format="turtle"))
