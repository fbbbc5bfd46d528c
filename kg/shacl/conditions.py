"""Tests of one value node that SPARQL decides exactly: class, node kind, ``sh:in``, and their
combinations (``sh:or``, ``sh:xone``, several constraints of one shape).

The tests decided in Python with pySHACL's rules are in :mod:`kg.shacl.term_conditions`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.shacl.query import Query


class Condition:
    """A test of one value node (SHACL 4.1, 4.3, 4.4, 4.6, 4.8), in SPARQL or in Python."""

    #: Whether :meth:`sparql` can express it exactly.
    in_sparql: bool = False
    #: Whether :meth:`holds` can decide it from the value alone (no graph).
    local: bool = False

    def sparql(self, node: str, q: Query) -> str:
        raise NotImplementedError

    def holds(self, term: Node) -> bool:
        raise NotImplementedError

    def classes(self) -> Iterator[str]:
        return iter(())


@dataclass(frozen=True)
class ClassCondition(Condition):
    """``sh:class`` (4.1.1): the value is a SHACL instance of the class."""

    cls: str
    in_sparql = True

    def sparql(self, node: str, q: Query) -> str:
        return f"EXISTS {{ {q.instance(node, self.cls)} }}"

    def classes(self) -> Iterator[str]:
        yield self.cls


NODE_KINDS = {
    SH.IRI: ("isIRI({0})", (URIRef,)),
    SH.BlankNode: ("isBlank({0})", (BNode,)),
    SH.Literal: ("isLiteral({0})", (Literal,)),
    SH.BlankNodeOrIRI: ("(isBlank({0}) || isIRI({0}))", (BNode, URIRef)),
    SH.BlankNodeOrLiteral: ("(isBlank({0}) || isLiteral({0}))", (BNode, Literal)),
    SH.IRIOrLiteral: ("(isIRI({0}) || isLiteral({0}))", (URIRef, Literal)),
}


@dataclass(frozen=True)
class NodeKindCondition(Condition):
    """``sh:nodeKind`` (4.1.3)."""

    kind: str
    in_sparql = True
    local = True

    def sparql(self, node: str, q: Query) -> str:
        return NODE_KINDS[URIRef(self.kind)][0].format(node)

    def holds(self, term: Node) -> bool:
        return isinstance(term, NODE_KINDS[URIRef(self.kind)][1])


@dataclass(frozen=True)
class InCondition(Condition):
    """``sh:in`` (4.8.3) with IRI members: rdflib's and Oxigraph's term equality agree there."""

    members: tuple[str, ...]
    in_sparql = True
    local = True

    def sparql(self, node: str, q: Query) -> str:
        tests = " || ".join(f"sameTerm({node}, <{m}>)" for m in self.members)
        return f"({tests or 'false'})"

    def holds(self, term: Node) -> bool:
        return isinstance(term, URIRef) and str(term) in self.members


@dataclass(frozen=True)
class AllOf(Condition):
    """Every part holds: the constraints of one shape, or several of one component."""

    parts: tuple[Condition, ...]

    @property
    def in_sparql(self) -> bool:  # type: ignore[override]
        return all(p.in_sparql for p in self.parts)

    @property
    def local(self) -> bool:  # type: ignore[override]
        return all(p.local for p in self.parts)

    def sparql(self, node: str, q: Query) -> str:
        return "(" + " && ".join(p.sparql(node, q) for p in self.parts) + ")"

    def holds(self, term: Node) -> bool:
        return all(p.holds(term) for p in self.parts)

    def classes(self) -> Iterator[str]:
        for p in self.parts:
            yield from p.classes()


@dataclass(frozen=True)
class AnyOf(AllOf):
    """``sh:or`` (4.6.2): the value conforms to at least one of the shapes."""

    def sparql(self, node: str, q: Query) -> str:
        return "(" + " || ".join(p.sparql(node, q) for p in self.parts) + ")"

    def holds(self, term: Node) -> bool:
        return any(p.holds(term) for p in self.parts)


@dataclass(frozen=True)
class ExactlyOne(AllOf):
    """``sh:xone`` (4.6.4): the value conforms to exactly one of the shapes."""

    def sparql(self, node: str, q: Query) -> str:
        return "((" + " + ".join(f"IF({p.sparql(node, q)}, 1, 0)" for p in self.parts) + ") = 1)"

    def holds(self, term: Node) -> bool:
        return sum(p.holds(term) for p in self.parts) == 1
