"""SHACL-SPARQL constraints evaluated once per graph instead of once per focus node.

pySHACL re-parses a constraint's query for every focus node (SHACL 5.3 pre-binds ``$this``),
which costs about 20 ms a node and dominated validation time. The constraints in
``ontology/shapes.ttl`` are written so that the query can run once with ``$this`` unbound (in
SPARQL ``$this`` and ``?this`` are one variable): each starts from a triple ``$this p ?x`` and
its shape targets the subjects of ``p``. Running it unbound and keeping the solutions whose
``?this`` is a focus node gives the same results as the pre-bound evaluation.

:func:`split_sparql_constraints` separates such shapes from the rest, which pySHACL evaluates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, URIRef, Variable
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.rdf_terms import sorted_terms


@dataclass(frozen=True)
class SparqlConstraint:
    """A node shape with one ``sh:sparql`` constraint and ``sh:targetSubjectsOf`` targets."""

    shape: URIRef
    targets: tuple[URIRef, ...]
    query: Query
    message: str
    severity: URIRef


@dataclass(frozen=True)
class SparqlResult:
    """One solution of a constraint's query: the focus node, the path and the value at fault."""

    constraint: SparqlConstraint
    focus: Node
    path: Node | None
    value: Node | None


def split_sparql_constraints(shapes: Graph) -> tuple[Graph, tuple[SparqlConstraint, ...]]:
    """Separate the SPARQL-constraint shapes from the others.

    Args:
        shapes: a shapes graph. It is not modified.

    Returns:
        A copy of ``shapes`` without the SPARQL-constraint shapes, and those shapes, sorted by IRI.

    Raises:
        ValueError: a SPARQL-constraint shape that this module cannot evaluate faithfully: with a
            blank-node IRI, a target other than ``sh:targetSubjectsOf``, other constraints beside
            ``sh:sparql``, or more than one ``sh:sparql``.
    """
    rest = Graph(bind_namespaces="none")
    rest += shapes
    found = []
    for shape in sorted_terms(set(shapes.subjects(SH.sparql))):
        found.append(_read_constraint(shapes, shape))
        for constraint in shapes.objects(shape, SH.sparql):
            rest.remove((constraint, None, None))
        rest.remove((shape, None, None))
    return rest, tuple(found)


def evaluate(constraint: SparqlConstraint, data: Graph) -> Iterator[SparqlResult]:
    """The violations of ``constraint`` in ``data``, one per distinct solution.

    Args:
        constraint: a constraint from :func:`split_sparql_constraints`.
        data: the data graph, with any subclass triples the query relies on.

    Yields:
        A result per solution whose ``?this`` is a focus node of the shape.
    """
    seen: set[tuple[Node, Node | None, Node | None]] = set()
    for row in data.query(constraint.query):
        solution = row.asdict()  # type: ignore[union-attr]
        focus = solution.get("this")
        if focus is None or not _is_focus(constraint, data, focus):
            continue
        key = (focus, solution.get("path"), solution.get("value"))
        if key not in seen:
            seen.add(key)
            yield SparqlResult(constraint, *key)


def _is_focus(constraint: SparqlConstraint, data: Graph, node: Node) -> bool:
    return any((node, p, None) in data for p in constraint.targets)


# The SHACL predicates a SPARQL-constraint shape may carry; any other SHACL term (another target,
# another constraint, sh:deactivated) would be ignored here, so it is refused rather than dropped.
_ALLOWED = {SH.targetSubjectsOf, SH.sparql}


def _read_constraint(shapes: Graph, shape: Node) -> SparqlConstraint:
    if not isinstance(shape, URIRef):
        raise ValueError(f"a SPARQL-constraint shape needs an IRI, not {shape!r}")
    extra = {
        p
        for p in shapes.predicates(shape)
        if isinstance(p, URIRef) and p.startswith(str(SH)) and p not in _ALLOWED
    }
    if extra:
        names = ", ".join(sorted(extra))
        raise ValueError(f"{shape}: only sh:targetSubjectsOf and sh:sparql are supported: {names}")
    constraints = list(shapes.objects(shape, SH.sparql))
    if len(constraints) != 1:
        raise ValueError(f"{shape}: exactly one sh:sparql constraint expected")
    constraint = constraints[0]
    targets = tuple(sorted_terms(shapes.objects(shape, SH.targetSubjectsOf)))
    select = shapes.value(constraint, SH.select)
    if not targets or select is None:
        raise ValueError(f"{shape}: sh:targetSubjectsOf and sh:select are required")
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for ontology in shapes.objects(constraint, SH.prefixes)
        for d in shapes.objects(ontology, SH.declare)
    )
    query = prepareQuery(prefixes + str(select))
    if Variable("this") not in query.algebra["PV"]:
        raise ValueError(f"{shape}: the query must select $this")
    messages = sorted(str(m) for m in shapes.objects(constraint, SH.message))
    severity = shapes.value(constraint, SH.severity) or SH.Violation
    return SparqlConstraint(
        shape=shape,
        targets=targets,  # type: ignore[arg-type]
        query=query,
        message=messages[0] if messages else f"violates {shape}",
        severity=severity,  # type: ignore[arg-type]
    )


__all__ = ["SparqlConstraint", "SparqlResult", "evaluate", "split_sparql_constraints"]
