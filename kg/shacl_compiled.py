"""A fast SHACL validator: the shapes compiled to SPARQL and run by Oxigraph.

It gives the same results as pySHACL (:func:`kg.validate.validate_graph` with
``engine="pyshacl"``, the reference) on ``ontology/shapes.ttl``: the same
:class:`~kg.errors.ShapeViolation` list, message for message, in the same order.
``tests/test_shacl_compiled.py`` checks this on every case of ``tests/test_shapes.py`` and on
corrupted synthetic graphs.

How it works:

1. **Compile** (once, with rdflib): every shape becomes one check per SHACL constraint
   component (SHACL 4), each a SPARQL ``SELECT`` whose solutions are validation results: a
   focus node and, where SHACL gives one, a value node (SHACL 3.6). A construct outside the
   subset below is refused with :class:`ShapeCompileError`, so that no shape is ever silently
   ignored.
2. **Run**: the quads to check go into a temporary in-memory Oxigraph store, with the
   vocabulary and ``known_types`` in a graph of their own. Each check runs over the union of
   the graphs. The subclasses of every class the shapes name are looked up first, in one query,
   and written into the queries as ``VALUES``, because SHACL instances are
   ``rdf:type/rdfs:subClassOf*`` (SHACL 2.1.3.1) and a path per row is slow in Oxigraph.
3. **Report**, as :mod:`kg.validate` does: a result is kept only if its focus node is a subject
   of the data (not only of the vocabulary or ``known_types``); severities Violation and
   Warning are kept, Info dropped; results are sorted.

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

Why some tests run in Python: pySHACL decides ``sh:datatype`` with rdflib's conversion of the
lexical form (``Literal.ill_typed``) and the Python type of the value, not with XSD's rules nor
Oxigraph's: it accepts ``"abc"^^xsd:gYear`` and ``"1e3"^^xsd:decimal`` and refuses
``"2024-02-30"^^xsd:date``. ``sh:pattern`` is Python's ``re``, whose ``\\S`` differs from the
Rust regex crate's on U+001C to U+001F. So these tests run on distinct values in Python, with
the same rules; there are few distinct values compared with triples.

Literals as written: Oxigraph stores typed literals by value (``"0"^^xsd:nonNegativeInteger``
becomes ``"0"^^xsd:integer``, ``"01"^^xsd:integer`` becomes ``"1"``), which would change
datatypes, merge values that SHACL counts apart, and change the values reported. In the
temporary store only, each literal Oxigraph would rewrite is replaced by a stand-in that it keeps
as written (``"0"^^<urn:x-kg-shacl:as-written:...>``) and that decodes back.

Besides the shapes, the check of :mod:`kg.validate` that every ``cred:`` property and class the
data uses is declared is made here too, with the same messages.

Example:
    >>> import pyoxigraph as ox
    >>> claim = ox.NamedNode("https://w3id.org/cred-kg/id/claim/c")
    >>> kind = ox.NamedNode("https://w3id.org/cred-kg/ns#FactualClaim")
    >>> rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    >>> [v.message for v in validate_quads([ox.Quad(claim, rdf_type, kind)])]
    ['A cred:Claim has exactly one cred:text (the proposition as one sentence).']
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import count
from operator import attrgetter
from urllib.parse import quote, unquote

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD, NamespaceManager
from rdflib.term import Node

from kg.convert import from_rdflib_term, to_rdflib_term
from kg.errors import (
    KgError,
    Location,
    ShapeValidationError,
    ShapeViolation,
    UnsupportedFormatError,
)
from kg.namespaces import CRED, PREFIXES
from ontology import SHAPES_PATH, VOCAB_PATH

#: Namespace of the shapes in ``ontology/shapes.ttl`` (as in :mod:`kg.validate`).
SHAPES_NS = "https://w3id.org/cred-kg/shapes#"
SPEC = "https://www.w3.org/TR/shacl/"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: None}
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
_XSD_STRING = str(XSD.string)


class ShapeCompileError(KgError, ValueError):
    """A shape uses a SHACL construct this engine does not evaluate; names it and its section.

    Validate with ``kg.validate.validate_graph(..., engine="pyshacl")`` meanwhile, or add the
    construct to :mod:`kg.shacl_compiled` with a cross-check case in its tests.
    """


def _refuse(shape: Node, what: str, section: str, anchor: str) -> ShapeCompileError:
    return ShapeCompileError(
        f"{shape}: {what} is not supported by kg.shacl_compiled (SHACL {section}, {SPEC}#{anchor})"
    )


# -- The compiled form --------------------------------------------------------------------------


@dataclass(frozen=True)
class Path:
    """A property path (SHACL 2.3.1) as SPARQL, and as :mod:`kg.validate` shows it."""

    sparql: str
    text: str
    #: The IRI if the path is a predicate or the inverse of one: then its triples can be
    #: scanned with both ends unbound, and the check skipped if the data never uses it.
    predicate: str | None = None

    @property
    def simple(self) -> bool:
        return self.predicate is not None


@dataclass(frozen=True)
class Targets:
    """The targets of a shape (SHACL 2.1.3), as IRIs."""

    classes: tuple[str, ...] = ()
    subjects_of: tuple[str, ...] = ()
    objects_of: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.classes or self.subjects_of or self.objects_of or self.nodes)


@dataclass(frozen=True)
class Shape:
    """What every result of one shape carries."""

    iri: str
    message: str
    severity: str | None
    targets: Targets
    path: Path | None


class _Query:
    """Builds one query's text: fresh variable names and the subclass lists of classes."""

    def __init__(self, subclasses: Mapping[str, tuple[str, ...] | None]) -> None:
        self._subclasses = subclasses
        self._names = count()

    def var(self, stem: str) -> str:
        return f"?_{stem}{next(self._names)}"

    def instance(self, node: str, cls: str) -> str:
        """A group pattern matching when ``node`` is a SHACL instance of ``cls`` (2.1.3.1)."""
        members = self._subclasses.get(cls)
        if members is None:
            # A blank-node subclass cannot go into VALUES; the path is exact, only slower.
            return f"{node} rdf:type/rdfs:subClassOf* <{cls}> ."
        t = self.var("t")
        return f"{node} rdf:type {t} . VALUES {t} {{ {_iris(members)} }}"

    def targets(self, targets: Targets, node: str = "?this") -> str:
        """A graph pattern binding ``node`` to each focus node (with repeats)."""
        parts = []
        classes = sorted({m for c in targets.classes for m in self._subclasses.get(c) or ()})
        if classes and all(self._subclasses.get(c) is not None for c in targets.classes):
            t = self.var("t")
            parts.append(f"{node} rdf:type {t} . VALUES {t} {{ {_iris(classes)} }}")
        else:
            parts += [self.instance(node, c) for c in targets.classes]
        parts += [f"{node} <{p}> {self.var('o')} ." for p in targets.subjects_of]
        parts += [f"{self.var('s')} <{p}> {node} ." for p in targets.objects_of]
        parts += [f"VALUES {node} {{ <{n}> }}" for n in targets.nodes]
        return " UNION ".join(f"{{ {p} }}" for p in parts)


def _iris(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


class Condition:
    """A test of one value node (SHACL 4.1, 4.3, 4.4, 4.6, 4.8), in SPARQL or in Python."""

    #: Whether :meth:`sparql` can express it exactly.
    in_sparql: bool = False
    #: Whether :meth:`holds` can decide it from the value alone (no graph).
    local: bool = False

    def sparql(self, node: str, q: _Query) -> str:
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

    def sparql(self, node: str, q: _Query) -> str:
        return f"EXISTS {{ {q.instance(node, self.cls)} }}"

    def classes(self) -> Iterator[str]:
        yield self.cls


_NODE_KINDS = {
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

    def sparql(self, node: str, q: _Query) -> str:
        return _NODE_KINDS[URIRef(self.kind)][0].format(node)

    def holds(self, term: Node) -> bool:
        return isinstance(term, _NODE_KINDS[URIRef(self.kind)][1])


@dataclass(frozen=True)
class InCondition(Condition):
    """``sh:in`` (4.8.3) with IRI members: rdflib's and Oxigraph's term equality agree there."""

    members: tuple[str, ...]
    in_sparql = True
    local = True

    def sparql(self, node: str, q: _Query) -> str:
        tests = " || ".join(f"sameTerm({node}, <{m}>)" for m in self.members)
        return f"({tests or 'false'})"

    def holds(self, term: Node) -> bool:
        return isinstance(term, URIRef) and str(term) in self.members


@dataclass(frozen=True)
class DatatypeCondition(Condition):
    """``sh:datatype`` (4.1.2), decided as pySHACL 0.40 does.

    pySHACL's ``DatatypeConstraintComponent.evaluate``: a literal matches if its datatype is
    the one required (a plain literal is an ``xsd:string``, a language-tagged one an
    ``rdf:langString``), rdflib does not flag it ``ill_typed``, and the Python value has the
    type expected of a few datatypes; ``rdfs:Literal`` matches any literal.
    """

    datatype: str
    local = True

    def holds(self, term: Node) -> bool:
        if not isinstance(term, Literal):
            return False
        rule = URIRef(self.datatype)
        if term.datatype == rule:
            if getattr(term, "ill_typed", None) is True:
                return False
            return _has_python_type(term, rule)
        if rule == RDFS.Literal:
            return True
        if rule == RDFS.Datatype and term.datatype:
            return True
        if term.datatype is None and term.language is None and rule == XSD.string:
            return _has_python_type(term, rule)
        if rule == RDF.langString and term.language:
            return _has_python_type(term, rule)
        return False


# pySHACL's DatatypeConstraintComponent._assert_actual_datatype: the Python type rdflib's value
# must have; other datatypes pass.
_PYTHON_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: datetime.date,
    XSD.time: datetime.time,
    XSD.dateTime: datetime.datetime,
}


def _has_python_type(term: Literal, rule: URIRef) -> bool:
    kind = _PYTHON_TYPES.get(rule)
    return True if kind is None else isinstance(term.value, kind)


@dataclass(frozen=True)
class PatternCondition(Condition):
    """``sh:pattern`` (4.4.3) with pySHACL's reading: Python ``re``, only flags ``i`` and ``m``.

    A blank node fails; a plain or language-tagged string is matched on its value, anything
    else on ``str(term)``.
    """

    pattern: str
    flags: str = ""
    local = True

    def holds(self, term: Node) -> bool:
        if isinstance(term, BNode):
            return False
        if (
            isinstance(term, Literal)
            and term.value is not None
            and term.datatype in (None, RDF.langString, XSD.string)
        ):
            text = str(term.value)
        else:
            text = str(term)
        return _regex(self.pattern, self.flags).search(text) is not None


@cache
def _regex(pattern: str, flags: str) -> re.Pattern[str]:
    mode = (re.I if "i" in flags.lower() else 0) | (re.M if "m" in flags.lower() else 0)
    return re.compile(pattern, mode)


_RANGE_TESTS: dict[str, Callable[[int], bool]] = {
    str(SH.minInclusive): lambda c: c >= 0,
    str(SH.minExclusive): lambda c: c > 0,
    str(SH.maxInclusive): lambda c: c <= 0,
    str(SH.maxExclusive): lambda c: c < 0,
}


@dataclass(frozen=True)
class RangeCondition(Condition):
    """``sh:minInclusive`` and its three siblings (4.3), with pySHACL's comparison.

    Only literals compare; a string never compares with a non-string; an incomparable pair
    fails.
    """

    operator: str
    bound: Literal
    local = True

    def holds(self, term: Node) -> bool:
        if not isinstance(term, Literal):
            return False
        if isinstance(self.bound.value, str) != isinstance(term.value, str):
            return False
        try:
            return _RANGE_TESTS[self.operator](_compare_literals(term, self.bound))
        except (TypeError, NotImplementedError):
            return False


def _compare_literals(left: Literal, right: Literal) -> int:
    # pySHACL's rdfutil.compare.compare_literal.
    if left.eq(right):
        return 0
    if left.value.__class__ in (datetime.datetime, datetime.time):
        if left.value == right.value:
            return 0
        if left.value > right.value:
            return 1
    elif left > right:
        return 1
    return -1


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

    def sparql(self, node: str, q: _Query) -> str:
        return "(" + " && ".join(p.sparql(node, q) for p in self.parts) + ")"

    def holds(self, term: Node) -> bool:
        return all(p.holds(term) for p in self.parts)

    def classes(self) -> Iterator[str]:
        for p in self.parts:
            yield from p.classes()


@dataclass(frozen=True)
class AnyOf(AllOf):
    """``sh:or`` (4.6.2): the value conforms to at least one of the shapes."""

    def sparql(self, node: str, q: _Query) -> str:
        return "(" + " || ".join(p.sparql(node, q) for p in self.parts) + ")"

    def holds(self, term: Node) -> bool:
        return any(p.holds(term) for p in self.parts)


@dataclass(frozen=True)
class ExactlyOne(AllOf):
    """``sh:xone`` (4.6.4): the value conforms to exactly one of the shapes."""

    def sparql(self, node: str, q: _Query) -> str:
        return "((" + " + ".join(f"IF({p.sparql(node, q)}, 1, 0)" for p in self.parts) + ") = 1)"

    def holds(self, term: Node) -> bool:
        return sum(p.holds(term) for p in self.parts) == 1


@dataclass(frozen=True)
class Check:
    """One constraint component of one shape; its solutions are ``?this`` (and ``?value``)."""

    shape: Shape

    def classes(self) -> Iterator[str]:
        yield from self.shape.targets.classes

    def query(self, q: _Query) -> str:
        raise NotImplementedError

    def _focus_filter(self, q: _Query) -> str:
        return f"FILTER EXISTS {{ {q.targets(self.shape.targets)} }}"

    def _focus_nodes(self, q: _Query) -> str:
        # A sub-select: Oxigraph evaluates it first, so the rest runs once per focus node.
        return f"{{ SELECT DISTINCT ?this WHERE {{ {q.targets(self.shape.targets)} }} }}"


@dataclass(frozen=True)
class MinCount(Check):
    """``sh:minCount`` (4.2.1): one result per focus node with fewer value nodes."""

    minimum: int

    def query(self, q: _Query) -> str:
        assert self.shape.path is not None
        path = self.shape.path.sparql
        if self.minimum == 1:
            return (
                f"SELECT DISTINCT ?this WHERE {{ {self._focus_nodes(q)} "
                f"FILTER NOT EXISTS {{ ?this {path} ?value }} }}"
            )
        return (
            f"SELECT ?this WHERE {{ {self._focus_nodes(q)} OPTIONAL {{ ?this {path} ?value }} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {self.minimum})"
        )


@dataclass(frozen=True)
class MaxCount(Check):
    """``sh:maxCount`` (4.2.2): one result per focus node with more value nodes."""

    maximum: int

    def query(self, q: _Query) -> str:
        assert self.shape.path is not None
        path, most = self.shape.path.sparql, self.maximum
        if self.shape.path.simple:
            # Scan the predicate, not the focus nodes: counting triples per subject is cheap
            # and finds the only candidates (a triple in two graphs counts twice there); the
            # distinct values and the targets are checked for those few alone.
            candidates = (
                f"SELECT ?this WHERE {{ ?this {path} ?v }} "
                f"GROUP BY ?this HAVING (COUNT(?v) > {most})"
            )
            found = (
                f"SELECT ?this WHERE {{ {{ {candidates} }} ?this {path} ?value }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {most})"
            )
            return f"SELECT ?this WHERE {{ {{ {found} }} {self._focus_filter(q)} }}"
        return (
            f"SELECT ?this WHERE {{ {self._focus_nodes(q)} ?this {path} ?value }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {most})"
        )


@dataclass(frozen=True)
class HasValue(Check):
    """``sh:hasValue`` (4.8.2): one result, without a value, per focus node lacking it."""

    value: str

    def query(self, q: _Query) -> str:
        if self.shape.path is None:
            test = f"FILTER (!sameTerm(?this, <{self.value}>))"
        else:
            test = f"FILTER NOT EXISTS {{ ?this {self.shape.path.sparql} <{self.value}> }}"
        return f"SELECT DISTINCT ?this WHERE {{ {self._focus_nodes(q)} {test} }}"


@dataclass(frozen=True)
class Disjoint(Check):
    """``sh:disjoint`` (4.5.2): a result per value node that is also a value of the predicate."""

    predicate: str

    def query(self, q: _Query) -> str:
        assert self.shape.path is not None
        path = self.shape.path
        both = f"?this {path.sparql} ?value . ?this <{self.predicate}> ?value ."
        if path.simple:
            return (
                f"SELECT DISTINCT ?this ?value WHERE {{ "
                f"{{ SELECT DISTINCT ?this ?value WHERE {{ {both} }} }} {self._focus_filter(q)} }}"
            )
        return f"SELECT DISTINCT ?this ?value WHERE {{ {self._focus_nodes(q)} {both} }}"


@dataclass(frozen=True)
class ValueTest(Check):
    """Constraints on each value node that SPARQL decides exactly (class, kind, in, or, xone).

    For a node shape the value node is the focus node itself (SHACL 2.2).
    """

    condition: Condition

    def classes(self) -> Iterator[str]:
        yield from super().classes()
        yield from self.condition.classes()

    def query(self, q: _Query) -> str:
        path = self.shape.path
        node = "?this" if path is None else "?value"
        failing = self._failing(node, q)
        if path is None:
            return (
                f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {self._focus_nodes(q)} "
                f"{failing} }}"
            )
        if path.simple:
            found = f"SELECT DISTINCT ?this ?value WHERE {{ ?this {path.sparql} ?value {failing} }}"
            return f"SELECT ?this ?value WHERE {{ {{ {found} }} {self._focus_filter(q)} }}"
        return (
            f"SELECT DISTINCT ?this ?value WHERE {{ {self._focus_nodes(q)} "
            f"?this {path.sparql} ?value {failing} }}"
        )

    def _failing(self, node: str, q: _Query) -> str:
        condition = self.condition
        classes = (
            [condition]
            if isinstance(condition, ClassCondition)
            else list(condition.parts)
            if type(condition) is AnyOf
            and all(isinstance(p, ClassCondition) for p in condition.parts)
            else []
        )
        if classes:
            # Not an instance of any of the classes. MINUS is a hash anti-join in Oxigraph,
            # several times faster than a NOT EXISTS per row.
            return " ".join(
                f"MINUS {{ {q.instance(node, c.cls)} }}"  # type: ignore[attr-defined]
                for c in classes
            )
        return f"FILTER (!{condition.sparql(node, q)})"


@dataclass(frozen=True)
class TermTest(Check):
    """Constraints on each value node decided in Python (datatype, pattern, ranges).

    :meth:`candidates` lists the distinct values; those failing :attr:`condition` come back
    into :meth:`query_failing` as ``VALUES``. Blank nodes are never listed (SPARQL cannot name
    them): every local test treats all blank nodes alike, so one flag covers them.
    """

    condition: Condition

    def candidates(self, q: _Query) -> tuple[str, str]:
        """A query for the distinct values (blank nodes are skipped later), and a key under
        which to share them between checks."""
        path = self.shape.path
        if path is None:
            text = f"SELECT DISTINCT ?value WHERE {{ {q.targets(self.shape.targets, '?value')} }}"
            return text, text
        if path.simple:
            return f"SELECT DISTINCT ?value WHERE {{ ?this {path.sparql} ?value }}", path.sparql
        text = (
            f"SELECT DISTINCT ?value WHERE {{ {self._focus_nodes(q)} ?this {path.sparql} ?value }}"
        )
        return text, text

    def query_failing(self, q: _Query, failing: Sequence[OxTerm], blanks_fail: bool) -> str:
        """The results, given the failing values and whether blank nodes fail."""
        path = self.shape.path
        values = " ".join(str(v) for v in failing)
        if path is None:
            parts = [f"VALUES ?this {{ {values} }}"] if failing else []
            if blanks_fail:
                parts.append(f"{q.targets(self.shape.targets)} FILTER (isBlank(?this))")
            body = " UNION ".join(f"{{ {p} }}" for p in parts)
            return (
                f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {body} "
                f"{self._focus_filter(q)} }}"
            )
        parts = [f"VALUES ?value {{ {values} }} ?this {path.sparql} ?value"] if failing else []
        if blanks_fail:
            parts.append(f"?this {path.sparql} ?value FILTER (isBlank(?value))")
        body = " UNION ".join(f"{{ {p} }}" for p in parts)
        if path.simple:
            return f"SELECT DISTINCT ?this ?value WHERE {{ {body} {self._focus_filter(q)} }}"
        return f"SELECT DISTINCT ?this ?value WHERE {{ {self._focus_nodes(q)} {body} }}"


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint (SHACL 5), run once with ``$this`` unbound.

    As in :mod:`kg.shacl_sparql`: the shape targets the subjects of some predicates and its
    query starts from ``$this <predicate> ...``, so the unbound run gives the pre-bound results
    (SHACL 5.3.1) for every focus node at once.
    """

    iri: str
    message: str
    severity: str | None
    subjects_of: tuple[str, ...]
    query: str


@dataclass(frozen=True)
class CompiledShapes:
    """The checks of a shapes graph, ready to run."""

    checks: tuple[Check, ...]
    sparql: tuple[SparqlConstraint, ...]
    classes: tuple[str, ...] = field(default=())


# -- The compiler ---------------------------------------------------------------------------------

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
_PATH_SUFFIXES = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}
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
    for node in sorted(_shape_nodes(shapes)):
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
                raise _refuse(
                    node, "a shape that is also a class", "2.1.3.3", "implicit-targetClass"
                )
    return found


def _check_vocabulary(shapes: Graph, node: Node, allowed: set[URIRef], *, top: bool) -> None:
    for predicate in set(shapes.predicates(node, None)):
        if not str(predicate).startswith(str(SH)) or predicate in allowed:
            continue
        section, anchor = _SECTIONS.get(predicate, ("", ""))
        where = "" if top else " in a shape of sh:or or sh:xone"
        raise _refuse(node, f"{shapes.qname(predicate)}{where}", section or "4", anchor)


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
        path=None if path_node is None else _path(shapes, path_node, node),
    )
    checks: list[Check] = []
    for predicate, kind in ((SH.minCount, MinCount), (SH.maxCount, MaxCount)):
        value = _one(shapes, node, predicate)
        if value is None:
            continue
        if shape.path is None:
            raise _refuse(
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
            raise _refuse(
                node,
                "sh:hasValue with a literal or blank node",
                "4.8.2",
                "HasValueConstraintComponent",
            )
        checks.append(HasValue(shape, str(has_value)))
    for other in sorted(shapes.objects(node, SH.disjoint)):
        if shape.path is None or not isinstance(other, URIRef):
            raise _refuse(
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
            raise _refuse(
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
    for cls in sorted(shapes.objects(node, SH["class"])):
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
        if kind not in _NODE_KINDS:
            raise ShapeCompileError(f"{node}: sh:nodeKind {kind} is not one of the six kinds")
        conditions.append(NodeKindCondition(str(kind)))
    members = _one(shapes, node, SH["in"])
    if members is not None:
        items = list(shapes.items(members))
        if not all(isinstance(m, URIRef) for m in items):
            raise _refuse(
                node, "sh:in with literals or blank nodes", "4.8.3", "InConstraintComponent"
            )
        conditions.append(InCondition(tuple(sorted(str(m) for m in items))))
    flags = _one(shapes, node, SH.flags)
    for pattern in sorted(shapes.objects(node, SH.pattern)):
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
        for members in sorted(shapes.objects(node, operator)):
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


def _path(shapes: Graph, node: Node, shape: Node) -> Path:
    """SHACL 2.3.1 paths as SPARQL property paths, with :mod:`kg.validate`'s text for them."""
    if isinstance(node, URIRef):
        return Path(sparql=f"<{node}>", text=_iri_text(node), predicate=str(node))
    for operator, suffix in _PATH_SUFFIXES.items():
        inner = shapes.value(node, operator)
        if inner is not None:
            p = _path(shapes, inner, shape)
            return Path(sparql=f"({p.sparql}){suffix}", text=p.text + suffix)
    inverse = shapes.value(node, SH.inversePath)
    if inverse is not None:
        p = _path(shapes, inverse, shape)
        return Path(
            sparql=f"^({p.sparql})",
            text="^" + p.text,
            predicate=p.predicate if isinstance(inverse, URIRef) else None,
        )
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        members = [_path(shapes, m, shape) for m in shapes.items(alternatives)]
        return Path(
            sparql="(" + "|".join(m.sparql for m in members) + ")",
            text="(" + "|".join(m.text for m in members) + ")",
        )
    members = [_path(shapes, m, shape) for m in shapes.items(node)]
    if len(members) < 2:
        raise ShapeCompileError(f"{shape}: sh:path {node} is not a SHACL path (SHACL 2.3.1)")
    return Path(
        sparql="(" + "/".join(m.sparql for m in members) + ")",
        text="/".join(m.text for m in members),
    )


def _compile_sparql_shape(shapes: Graph, node: Node) -> SparqlConstraint:
    # The same restrictions as kg.shacl_sparql, whose results kg.validate reports.
    if not isinstance(node, URIRef):
        raise ShapeCompileError(f"{node}: a SPARQL-constraint shape needs an IRI")
    extra = {
        p
        for p in shapes.predicates(node, None)
        if str(p).startswith(str(SH)) and p not in {SH.targetSubjectsOf, SH.sparql}
    }
    if extra:
        names = ", ".join(sorted(shapes.qname(p) for p in extra))
        raise _refuse(node, f"{names} beside sh:sparql", "5", "sparql-constraints")
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


# -- Display text, as kg.validate writes it -----------------------------------------------------


@cache
def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(Graph(bind_namespaces="none"))
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri)
    manager.bind("credsh", SHAPES_NS)
    return manager


def _iri_text(term: URIRef) -> str:
    try:
        prefix, _namespace, name = _namespace_manager().compute_qname(term, generate=False)
    except (KeyError, ValueError):
        return str(term)
    return f"{prefix}:{name}"


def term_text(term: Node) -> str:
    """A term as :mod:`kg.validate` shows it: a prefixed name, N3 for literals, ``_:`` for blanks.

    Example:
        >>> term_text(URIRef("https://w3id.org/cred-kg/ns#Claim"))
        'cred:Claim'
    """
    if isinstance(term, URIRef):
        return _iri_text(term)
    if isinstance(term, Literal):
        return term.n3(_namespace_manager())
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


# -- Literals as written ------------------------------------------------------------------------

# Stand-ins for literals that Oxigraph would rewrite: same lexical form, and a datatype IRI that
# Oxigraph does not know, which carries the real datatype.
_AS_WRITTEN = "urn:x-kg-shacl:as-written:"


class _Literals:
    """Replaces literals that Oxigraph would store differently by stand-ins, and back."""

    def __init__(self) -> None:
        self._stand_ins: dict[ox.Literal, ox.Literal | None] = {}
        self._scratch = ox.Store()
        self._s = ox.NamedNode("urn:x-kg-shacl:s")

    def prepare_data(self, quads: Sequence[ox.Quad]) -> tuple[Sequence[ox.Quad], set[ox.NamedNode]]:
        """The data with stand-ins, and the predicates it uses.

        A few passes over the quads at C speed (``map``, ``filter``, ``set``), not a Python
        loop: the distinct literals, the predicates (cheaper here than a scan of the store, for
        the check of undeclared terms), and any RDF 1.2 triple term. The quads are copied only
        if a literal needs a stand-in.
        """
        objects = attrgetter("object")
        if any(map(ox.Triple.__instancecheck__, map(objects, quads))):
            raise UnsupportedFormatError(
                "RDF 1.2 triple terms cannot be validated",
                location=Location("<validation>"),
                term="triple term",
            )
        predicates = set(map(attrgetter("predicate"), quads))
        literals = set(filter(ox.Literal.__instancecheck__, map(objects, quads)))
        if not any(self.stand_in(lit) is not None for lit in literals):
            return quads, predicates
        return self.prepare(quads), predicates

    def prepare(
        self, quads: Iterable[ox.Quad | ox.Triple], graph: ox.NamedNode | ox.BlankNode | None = None
    ) -> list[ox.Quad]:
        """The quads with stand-ins, moved to ``graph`` if given (a Python loop, for small sets
        or when some literal needs a stand-in)."""
        literal, quad_type, default = ox.Literal, ox.Quad, ox.DefaultGraph()
        out: list[ox.Quad] = []
        for q in quads:
            obj = q.object
            if type(obj) is literal:
                obj = self.stand_in(obj) or obj
            if graph is not None:
                target = graph
            else:
                target = q.graph_name if type(q) is quad_type else default  # type: ignore[union-attr]
            out.append(quad_type(q.subject, q.predicate, obj, target))
        return out

    def stand_in(self, lit: ox.Literal) -> ox.Literal | None:
        """The stand-in for a literal that Oxigraph would store differently; else ``None``."""
        found = self._stand_ins.get(lit, _UNSEEN)
        if found is _UNSEEN:
            found = self._stand_ins[lit] = self._make_stand_in(lit)
        return found  # type: ignore[return-value]

    def _make_stand_in(self, lit: ox.Literal) -> ox.Literal | None:
        if lit.language is not None:
            return None
        datatype = lit.datatype.value
        if datatype == _XSD_STRING:
            return None
        if not datatype.startswith(_AS_WRITTEN):
            # Ask Oxigraph itself what it stores: its rules change with its versions.
            self._scratch.add(ox.Quad(self._s, _RDF_TYPE, lit))
            stored = next(iter(self._scratch)).object
            self._scratch.clear()
            if stored == lit:
                return None
        return ox.Literal(lit.value, datatype=ox.NamedNode(_AS_WRITTEN + quote(datatype, safe="")))


_UNSEEN = object()
_A_BLANK_NODE = BNode("b0")


def original(term: OxTerm) -> OxTerm:
    """The literal a stand-in replaced; any other term as it is."""
    if isinstance(term, ox.Literal) and term.language is None:
        datatype = term.datatype.value
        if datatype.startswith(_AS_WRITTEN):
            return ox.Literal(
                term.value, datatype=ox.NamedNode(unquote(datatype[len(_AS_WRITTEN) :]))
            )
    return term


# -- Running --------------------------------------------------------------------------------------


@cache
def compiled_shapes() -> CompiledShapes:
    """The compiled form of ``ontology/shapes.ttl``, made once."""
    return compile_shapes(Graph().parse(SHAPES_PATH, format="turtle"))


# The graph of the vocabulary and known types in the temporary store: a blank node with a random
# label, which cannot be the name of a graph of the data (parsing renames blank nodes).
_CONTEXT = ox.BlankNode()


@cache
def _vocabulary() -> list[ox.Quad]:
    parsed = ox.parse(path=str(VOCAB_PATH), format=ox.RdfFormat.TURTLE)
    return _Literals().prepare(parsed, _CONTEXT)


@lru_cache(maxsize=1 << 16)
def _holds(condition: Condition, value: OxTerm) -> bool:
    # Shared across runs: vocabulary values, dates and labels recur from one load to the next.
    return condition.holds(to_rdflib_term(original(value)))


class _Run:
    """One validation: the temporary store and what is learnt about it."""

    def __init__(
        self,
        quads: Sequence[ox.Quad],
        known_types: Iterable[ox.Quad | ox.Triple],
        originals: Mapping[OxTerm, Node],
    ) -> None:
        self.originals = originals
        self.literals = _Literals()
        # The vocabulary and known types go into a graph of their own, so that nodes described
        # only there can be told apart (they are not reported); a fresh blank node cannot clash
        # with a graph of the data.
        self.context = _CONTEXT
        self.store = ox.Store()
        data, self.predicates = self.literals.prepare_data(quads)
        self.store.extend(data)
        self.store.extend(_vocabulary())
        self.store.extend(self.literals.prepare(known_types, self.context))
        self.data_graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph()]
        self.data_graphs += [g for g in self.store.named_graphs() if g != self.context]
        self._described: dict[OxTerm, bool] = {}
        self._candidates: dict[str, list[OxTerm]] = {}
        self._uses: dict[str, bool] = {}
        self._instances: dict[str, bool] = {}

    def select(self, text: str, *, data_only: bool = False) -> Iterator[ox.QuerySolution]:
        """Solutions over all graphs, or over the data's only."""
        if data_only:
            found = self.store.query(text, default_graph=self.data_graphs, prefixes=PREFIXES)
        else:
            found = self.store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        return iter(found)  # type: ignore[arg-type]

    def subclasses(self, classes: Sequence[str]) -> dict[str, tuple[str, ...] | None]:
        found: dict[str, list[OxTerm]] = {c: [] for c in classes}
        if classes:
            values = " ".join(f"<{c}>" for c in classes)
            text = f"SELECT ?c ?sub WHERE {{ VALUES ?c {{ {values} }} ?sub rdfs:subClassOf* ?c }}"
            for row in self.select(text):
                found[row["c"].value].append(row["sub"])
        return {
            c: None
            if any(isinstance(m, ox.BlankNode) for m in members)
            else tuple(sorted({m.value for m in members}))
            for c, members in found.items()
        }

    def uses(self, predicate: str) -> bool:
        """Whether any triple, in any graph, has this predicate (an index lookup)."""
        found = self._uses.get(predicate)
        if found is None:
            matches = self.store.quads_for_pattern(None, ox.NamedNode(predicate), None)
            found = self._uses[predicate] = next(iter(matches), None) is not None
        return found

    def has_instances(self, members: tuple[str, ...] | None) -> bool:
        if members is None:
            return True
        for member in members:
            found = self._instances.get(member)
            if found is None:
                matches = self.store.quads_for_pattern(None, _RDF_TYPE, ox.NamedNode(member))
                found = self._instances[member] = next(iter(matches), None) is not None
            if found:
                return True
        return False

    def can_fire(self, check: Check, subclasses: Mapping[str, tuple[str, ...] | None]) -> bool:
        """False if the check has no focus node, or scans a predicate the graphs never use.

        Only a shortcut: a check that can fire is run and may find nothing. Small graphs
        trigger few of the shapes, and each query costs a fraction of a millisecond to plan.
        """
        targets = check.shape.targets
        if not (
            targets.nodes
            or any(self.has_instances(subclasses.get(c)) for c in targets.classes)
            or any(self.uses(p) for p in (*targets.subjects_of, *targets.objects_of))
        ):
            return False
        path = check.shape.path
        if (
            path is not None
            and path.predicate is not None
            and not isinstance(check, MinCount | HasValue)
        ):
            return self.uses(path.predicate)
        return True

    def described(self, node: OxTerm) -> bool:
        """Whether ``node`` is a subject of the data (kg.validate's rule for reporting)."""
        if not isinstance(node, ox.NamedNode | ox.BlankNode):
            return False
        known = self._described.get(node)
        if known is None:
            known = self._described[node] = any(
                q.graph_name != self.context for q in self.store.quads_for_pattern(node, None, None)
            )
        return known

    def rdflib(self, term: OxTerm) -> Node:
        """The term as the caller gave it, in rdflib's form."""
        term = original(term)
        given = self.originals.get(term)
        return given if given is not None else to_rdflib_term(term)

    def text(self, term: OxTerm) -> str:
        return term_text(self.rdflib(term))

    def term_rows(self, check: TermTest, q: _Query) -> Iterator[ox.QuerySolution]:
        text, key = check.candidates(q)
        candidates = self._candidates.get(key)
        if candidates is None:
            candidates = self._candidates[key] = [
                row["value"]
                for row in self.select(text)
                if not isinstance(row["value"], ox.BlankNode)
            ]
        condition, originals = check.condition, self.originals
        failing = [
            value
            for value in candidates
            if not (
                condition.holds(self.rdflib(value))
                if originals and original(value) in originals
                else _holds(condition, value)
            )
        ]
        blanks_fail = not check.condition.holds(_A_BLANK_NODE)
        if not failing and not blanks_fail:
            return iter(())
        return self.select(check.query_failing(q, failing, blanks_fail))


def validate_quads(
    quads: Sequence[ox.Quad],
    *,
    source: str = "<data>",
    known_types: Iterable[ox.Quad | ox.Triple] = (),
    shapes: CompiledShapes | None = None,
    _originals: Mapping[OxTerm, Node] | None = None,
) -> list[ShapeViolation]:
    """Check quads against the shapes; every violation and warning, sorted.

    The same results as :func:`kg.validate.validate_graph` with ``engine="pyshacl"`` for the
    same data, much faster.

    Args:
        quads: the data, as parsed (``kg.rdfio``); all its graphs are checked as one.
        source: a name for the input, used if validation cannot finish.
        known_types: ``rdf:type`` and ``rdfs:subClassOf`` triples of nodes described elsewhere
            (in the store, in another file of the load); subjects of other triples count only
            as declared terms, as in :mod:`kg.validate`.
        shapes: compiled shapes; by default those of ``ontology/shapes.ttl``.

    Returns:
        The results of severity Violation and Warning, sorted by focus node, path, shape,
        value and message. An empty list means the data conforms.

    Raises:
        ShapeValidationError: only if Oxigraph cannot run a check.
        ShapeCompileError: the shapes use a construct outside the supported subset.
        UnsupportedFormatError: the data holds RDF 1.2 triple terms.

    Example:
        >>> validate_quads([])
        []
    """
    program = compiled_shapes() if shapes is None else shapes
    known: list[ox.Quad | ox.Triple] = []
    declared: set[OxTerm] = set()
    for t in known_types:
        if t.predicate == _RDF_TYPE or t.predicate == _SUBCLASS_OF:
            known.append(t)
        else:
            declared.add(t.subject)
    run = _Run(quads, known, _originals or {})
    try:
        found = set(_shape_results(run, program))
        found.update(_undeclared_terms(run, declared))
    except (OSError, RuntimeError) as error:
        failure = ShapeViolation(
            focus=source,
            path=None,
            message=f"SHACL validation could not finish: {error}",
            severity="Violation",
        )
        raise ShapeValidationError(source, [failure]) from None
    return sorted(found, key=_sort_key)


def _shape_results(run: _Run, program: CompiledShapes) -> Iterator[ShapeViolation]:
    subclasses = run.subclasses(program.classes)
    for check in program.checks:
        shape = check.shape
        if shape.severity is None or not run.can_fire(check, subclasses):
            continue
        q = _Query(subclasses)
        rows = (
            run.term_rows(check, q) if isinstance(check, TermTest) else run.select(check.query(q))
        )
        for row in rows:
            focus = row["this"]
            if not run.described(focus):
                continue
            value = row["value"]
            yield ShapeViolation(
                focus=run.text(focus),
                path=None if shape.path is None else shape.path.text,
                message=shape.message,
                severity=shape.severity,
                shape=_iri_text(URIRef(shape.iri)),
                value=None if value is None else run.text(value),
            )
    for constraint in program.sparql:
        if constraint.severity is None or not any(run.uses(p) for p in constraint.subjects_of):
            continue
        for row in run.select(constraint.query):
            focus = row["this"]
            if focus is None or not run.described(focus):
                continue
            if not any(
                next(iter(run.store.quads_for_pattern(focus, ox.NamedNode(p), None)), None)
                for p in constraint.subjects_of
            ):
                continue
            path, value = row["path"], row["value"]
            yield ShapeViolation(
                focus=run.text(focus),
                path=None if path is None else run.text(path),
                message=constraint.message,
                severity=constraint.severity,
                shape=_iri_text(URIRef(constraint.iri)),
                value=None if value is None else run.text(value),
            )


def _undeclared_terms(run: _Run, declared: set[OxTerm]) -> Iterator[ShapeViolation]:
    """kg.validate's check that every ``cred:`` property and class the data uses is declared.

    Declared means: a subject in the vocabulary, the data or ``known_types`` (``declared`` holds
    the subjects of known triples that are not in the store: those other than types).
    """
    cred = str(CRED)

    def undeclared(term: OxTerm) -> bool:
        return (
            isinstance(term, ox.NamedNode)
            and term.value.startswith(cred)
            and term not in declared
            and next(iter(run.store.quads_for_pattern(term, None, None)), None) is None
        )

    found: list[tuple[OxTerm, OxTerm, str]] = []
    for predicate in sorted(run.predicates, key=str):
        if undeclared(predicate):
            uses = f"SELECT DISTINCT ?s WHERE {{ ?s {predicate} ?o }}"
            found += [(r["s"], predicate, "property") for r in run.select(uses, data_only=True)]
    for row in run.select("SELECT DISTINCT ?c WHERE { ?s rdf:type ?c }", data_only=True):
        if undeclared(row["c"]):
            uses = f"SELECT DISTINCT ?s WHERE {{ ?s rdf:type {row['c']} }}"
            found += [(r["s"], row["c"], "class") for r in run.select(uses, data_only=True)]
    if not found:
        return
    # Suggestions come from every declared cred: term, as in kg.validate; only on this path.
    subjects = f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER (STRSTARTS(STR(?s), "{cred}")) }}'
    terms = {row["s"] for row in run.select(subjects)} | declared
    names = sorted(
        t.value[len(cred) :]
        for t in terms
        if isinstance(t, ox.NamedNode) and t.value.startswith(cred)
    )
    for focus, term, kind in found:
        message = f"{run.text(term)} is not a {kind} of the cred: vocabulary (ontology/vocab.ttl)"
        close = difflib.get_close_matches(term.value[len(cred) :], names, n=1)
        if close:
            message += f"; did you mean cred:{close[0]}?"
        yield ShapeViolation(
            focus=run.text(focus),
            path=run.text(term) if kind == "property" else "rdf:type",
            message=message,
            severity="Violation",
            value=None if kind == "property" else run.text(term),
        )


def _sort_key(v: ShapeViolation) -> tuple[str, ...]:
    return (v.focus, v.path or "", v.shape or "", v.value or "", v.message, v.severity)


# -- rdflib input -------------------------------------------------------------------------------


def validate_rdflib_graph(
    data: Graph, *, source: str = "<data>", known_types: Graph | None = None
) -> list[ShapeViolation]:
    """:func:`validate_quads` for an rdflib graph (a ``Dataset``: the union of its graphs).

    Terms are converted one to one: blank nodes keep their identifiers, and results show each
    term as the graph holds it. One difference with pySHACL remains, from pyoxigraph: language
    tags are lower-cased, so ``"a"@EN`` and ``"a"@en`` count as one value.

    Example:
        >>> validate_rdflib_graph(Graph())
        []
    """
    originals: dict[OxTerm, Node] = {}
    blank_nodes: dict[BNode, ox.BlankNode] = {}

    def convert(term: Node) -> OxTerm:
        if isinstance(term, BNode):
            found = blank_nodes.get(term)
            if found is None:
                try:
                    found = ox.BlankNode(str(term))
                except ValueError:
                    found = ox.BlankNode()
                blank_nodes[term] = found
                originals[found] = term
            return found
        converted = from_rdflib_term(term)
        if isinstance(term, Literal) and to_rdflib_term(converted) != term:
            originals[converted] = term
        return converted

    quads = [ox.Quad(convert(s), convert(p), convert(o)) for s, p, o in _triples(data)]  # type: ignore[arg-type]
    known = (
        []
        if known_types is None
        else [
            ox.Triple(convert(s), convert(p), convert(o))
            for s, p, o in _triples(known_types)  # type: ignore[arg-type]
        ]
    )
    return validate_quads(quads, source=source, known_types=known, _originals=originals)


def _triples(graph: Graph) -> Iterator[tuple[Node, Node, Node]]:
    if isinstance(graph, rdflib.graph.ConjunctiveGraph):
        for s, p, o, _g in graph.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from graph


__all__ = [
    "CompiledShapes",
    "ShapeCompileError",
    "compile_shapes",
    "compiled_shapes",
    "original",
    "term_text",
    "validate_quads",
    "validate_rdflib_graph",
]
