"""What the SHACL shapes say about each class of the vocabulary page (see :mod:`kg.vocabdoc`).

:class:`ShapeIndex` reads the shapes graph (``ontology/shapes.ttl``) once: the cardinality and
value constraints of each property of each targeted class, and the messages of the other rules,
by class and by property; :func:`cardinality` writes a constraint's count as the page shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.rdf_terms import literal, sorted_terms

# Constraint parameters on values (SHACL 4) that the Values column describes.
_VALUE_PARAMETERS = (SH["class"], SH.datatype, SH["or"], SH["in"], SH.pattern, SH.minInclusive)


@dataclass
class Constraint:
    """What the shapes say about one property of one class."""

    min_count: int = 0
    max_count: int | None = None
    recommended: bool = False  # a minCount of severity Warning
    shapes: list[Node] = field(default_factory=list)  # those that constrain the values


@dataclass
class ShapeIndex:
    """The shapes, by the class (or property) they target."""

    graph: Graph = field(default_factory=Graph)
    by_class: dict[Node, dict[Node, Constraint]] = field(default_factory=dict)
    class_rules: dict[Node, set[str]] = field(default_factory=dict)
    property_rules: dict[Node, set[str]] = field(default_factory=dict)
    shape_terms: set[Node] = field(default_factory=set)

    @classmethod
    def build(cls, shapes: Graph) -> ShapeIndex:
        """Index the property and node shapes of ``shapes`` by the class or property they target."""
        index = cls(graph=shapes)
        for shape in sorted_terms(set(shapes.subjects(RDF.type, SH.PropertyShape))):
            for prop in shapes.objects(shape, SH.targetSubjectsOf):
                index.property_rules.setdefault(prop, set()).add(_message(shapes, shape))
            path = shapes.value(shape, SH.path)
            if not isinstance(path, URIRef):
                continue
            index.shape_terms.add(path)
            for target in shapes.objects(shape, SH.targetClass):
                constraint = index.by_class.setdefault(target, {}).setdefault(path, Constraint())
                _add_property_shape(shapes, shape, constraint)
                if (shape, SH.disjoint, None) in shapes:
                    index.class_rules.setdefault(target, set()).add(_message(shapes, shape))
        for shape in sorted_terms(set(shapes.subjects(RDF.type, SH.NodeShape))):
            message = _message(shapes, shape)
            for target in shapes.objects(shape, SH.targetClass):
                index.class_rules.setdefault(target, set()).add(message)
            for prop in shapes.objects(shape, SH.targetSubjectsOf):
                index.property_rules.setdefault(prop, set()).add(message)
        return index


def _add_property_shape(shapes: Graph, shape: Node, constraint: Constraint) -> None:
    warning = shapes.value(shape, SH.severity) == SH.Warning
    min_count = shapes.value(shape, SH.minCount)
    if min_count is not None:
        if warning:
            constraint.recommended = True
        else:
            constraint.min_count = max(constraint.min_count, int(literal(min_count)))
    max_count = shapes.value(shape, SH.maxCount)
    if max_count is not None and not warning:
        limit = int(literal(max_count))
        current = constraint.max_count
        constraint.max_count = limit if current is None else min(current, limit)
    if any((shape, p, None) in shapes for p in _VALUE_PARAMETERS):
        constraint.shapes.append(shape)


def cardinality(constraint: Constraint) -> str:
    """The Count column's text: ``1``, ``0..1``, ``1..*``, ``0..*``, with any recommended one."""
    low, high = constraint.min_count, constraint.max_count
    if high is not None and low == high:
        text = str(low)
    else:
        text = f"{low}..{'*' if high is None else high}"
    return f"{text}, 1 recommended" if constraint.recommended and low == 0 else text


def _message(shapes: Graph, shape: Node) -> str:
    messages = sorted(str(m) for m in shapes.objects(shape, SH.message))
    for constraint in shapes.objects(shape, SH.sparql):
        messages += sorted(str(m) for m in shapes.objects(constraint, SH.message))
    return messages[0] if messages else str(shape)


__all__ = ["Constraint", "ShapeIndex", "cardinality"]
