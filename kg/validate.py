"""Check a data graph against the SHACL shapes of the vocabulary (``ontology/shapes.ttl``).

A pure function API in the spirit of pySHACL's ``validate()``: graphs in, a sorted list of
:class:`~kg.errors.ShapeViolation` out. The only files read are the vocabulary and the shapes,
once, on first use.

Two things are done around pySHACL:

- The vocabulary is merged into a copy of the data graph, because SHACL counts instances of
  subclasses (``rdf:type/rdfs:subClassOf*``, SHACL 2.1.3.1 and 4.1.1) only through subclass
  triples in the *data* graph; with them a ``cred:Person`` is checked by the actor shape and
  satisfies ``sh:class cred:Actor``. No inference is run: it is the slow part of pySHACL and the
  shapes do not need it.
- ``known_types``: the ``rdf:type`` (and ``rdfs:subClassOf``) triples of nodes described
  elsewhere, such as actors already in the store, are merged too, so that a reference to them
  passes ``sh:class``. Nodes are only reported where the data describes them: a result whose
  focus node is not a subject of the data graph is dropped, so an actor typed only in
  ``known_types`` is not blamed for the label it has in its own graph.

The SHACL-SPARQL constraints of the shapes (cycles of ``cred:refines`` and the like) are run once
per graph by :mod:`kg.shacl_sparql` rather than once per node by pySHACL, which is much faster
and gives the same results.

Besides the shapes, one check SHACL Core cannot express is made here: every ``cred:`` property
and class the data uses must be declared (in the vocabulary, in the data, or in
``known_types``), so that a misspelt term is an error rather than a silently unchecked triple.

Two engines give the same results. By default (``engine="compiled"``) the graph is converted to
pyoxigraph terms and checked by :mod:`kg.shacl`, which compiles the shapes to SPARQL
and runs them in Oxigraph, about 20 times faster from 50,000 to 1,000,000 triples
(benchmarks/README.md, "Load").
``engine="pyshacl"`` runs pySHACL as described above: it is the reference the compiled engine is
tested against (``tests/test_shacl_compiled.py``), and the one to use for a shape the compiled
engine refuses. The conversion lower-cases language tags (pyoxigraph does), the one way rdflib
input can differ: ``"a"@EN`` is shown as ``"a"@en``, and ``"a"@EN`` and ``"a"@en`` are one value.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Literal as Choice

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, RDFS, SH, NamespaceManager
from rdflib.term import Node

from kg import shacl_sparql
from kg.errors import ShapeValidationError, ShapeViolation
from kg.namespaces import CRED, PREFIXES
from kg.typed_literals import quiet_rdflib
from kg.vocabulary import vocabulary_graph  # (re-exported: the vocabulary, parsed once)
from ontology import SHAPES_PATH

#: Namespace of the shapes in ``ontology/shapes.ttl``; :attr:`ShapeViolation.shape` uses it.
SHAPES = Namespace("https://w3id.org/cred-kg/shapes#")

_Triple = tuple[Node, Node, Node]

# Severities returned to callers; sh:Info results are dropped.
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning"}

# Path operators of SHACL 2.3.1, written as in SPARQL property paths.
_PATH_SUFFIXES = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``), parsed once. Do not modify it."""
    return Graph().parse(SHAPES_PATH, format="turtle")


@lru_cache(maxsize=1)
def _split_shapes() -> tuple[Graph, tuple[shacl_sparql.SparqlConstraint, ...]]:
    return shacl_sparql.split_sparql_constraints(shapes_graph())


@lru_cache(maxsize=1)
def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(Graph(bind_namespaces="none"))
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri)
    manager.bind("credsh", SHAPES)
    return manager


Engine = Choice["compiled", "pyshacl"]


def validate_graph(
    data: Graph,
    *,
    source: str = "<data>",
    known_types: Graph | None = None,
    engine: Engine = "compiled",
) -> list[ShapeViolation]:
    """Check ``data`` against the shapes and return every violation and warning, sorted.

    Args:
        data: the graph to check. A ``Dataset`` is checked as the union of its graphs. It is
            not modified.
        source: a name for the input (a file name), used if validation cannot finish.
        known_types: ``rdf:type`` triples of nodes that ``data`` refers to but that are
            described elsewhere (already in the store, in another file). Its ``rdfs:subClassOf``
            triples are used too, for kinds declared elsewhere; the subjects of its other
            triples count only as declared ``cred:`` terms.
        engine: ``"compiled"`` (:mod:`kg.shacl`, fast) or ``"pyshacl"`` (the
            reference). The results are the same.

    Returns:
        The results of severity Violation and Warning, sorted by focus node, path, shape,
        value and message. An empty list means the data conforms.

    Raises:
        ShapeValidationError: only if the engine cannot finish the check.
        ValueError: an unknown ``engine``.

    Example:
        >>> from rdflib import Graph
        >>> data = Graph().parse(format="turtle", data='''
        ...     @prefix cred: <https://w3id.org/cred-kg/ns#> .
        ...     <https://w3id.org/cred-kg/id/claim/c> a cred:FactualClaim .
        ... ''')
        >>> [v.message for v in validate_graph(data)]
        ['A cred:Claim has exactly one cred:text (the proposition as one sentence).']
    """
    if engine not in ("compiled", "pyshacl"):
        raise ValueError(f"unknown SHACL engine {engine!r}; expected 'compiled' or 'pyshacl'")
    # rdflib logs a traceback for each ill-typed literal it converts, and warns when it writes
    # one; the results report them (sh:datatype) in our own words.
    with quiet_rdflib():
        return _validate_graph(data, source=source, known_types=known_types, engine=engine)


def _validate_graph(
    data: Graph, *, source: str, known_types: Graph | None, engine: Engine
) -> list[ShapeViolation]:
    if engine == "compiled":
        from kg.shacl import validate_rdflib_graph

        return validate_rdflib_graph(data, source=source, known_types=known_types)
    # Imported here: pySHACL takes about half a second to import.
    import pyshacl

    check = Graph(bind_namespaces="none")
    check.addN((s, p, o, check) for s, p, o in _triples(data))
    if known_types is not None:
        check.addN((s, p, o, check) for s, p, o in _type_triples(known_types))
    check.addN((s, p, o, check) for s, p, o in vocabulary_graph())

    core_shapes, sparql_constraints = _split_shapes()
    # inplace: `check` is already a private copy, so pySHACL need not clone it again.
    _conforms, report, _text = pyshacl.validate(
        check,
        shacl_graph=core_shapes,
        inference="none",
        inplace=True,
        allow_warnings=True,
    )
    if not isinstance(report, Graph):
        # pySHACL returns its ValidationFailure in place of the report graph.
        failure = ShapeViolation(
            focus=source,
            path=None,
            message=f"SHACL validation could not finish: {report}",
            severity="Violation",
        )
        raise ShapeValidationError(source, [failure])

    described = set(_subjects(data))
    found = set(_read_report(report, described))
    for constraint in sparql_constraints:
        found.update(_sparql_violations(constraint, check, described))
    found.update(_undeclared_terms(data, known_types))
    return sorted(found, key=_sort_key)


def ensure_valid(
    data: Graph,
    *,
    source: str,
    known_types: Graph | None = None,
    engine: Engine = "compiled",
) -> None:
    """Raise if ``data`` has a violation of severity Violation; warnings pass.

    Args:
        data: the graph to check (see :func:`validate_graph`).
        source: a name for the input (a file name), shown in the error.
        known_types: ``rdf:type`` triples of nodes described elsewhere.
        engine: ``"compiled"`` or ``"pyshacl"`` (see :func:`validate_graph`).

    Raises:
        ShapeValidationError: with the violations of severity Violation, sorted.

    Example:
        >>> from rdflib import Graph
        >>> ensure_valid(Graph(), source="empty.ttl")
    """
    violations = [
        v
        for v in validate_graph(data, source=source, known_types=known_types, engine=engine)
        if v.severity == "Violation"
    ]
    if violations:
        raise ShapeValidationError(source, violations)


def _triples(graph: Graph) -> Iterator[_Triple]:
    if isinstance(graph, ConjunctiveGraph):
        # Dataset and ConjunctiveGraph: every named graph, not only the default one.
        for s, p, o, _g in graph.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from graph


def _subjects(graph: Graph) -> Iterator[Node]:
    for s, _p, _o in _triples(graph):
        yield s


def _type_triples(graph: Graph) -> Iterator[_Triple]:
    for s, p, o in _triples(graph):
        if p == RDF.type or p == RDFS.subClassOf:
            yield s, p, o


def _read_report(report: Graph, described: set[Node]) -> Iterator[ShapeViolation]:
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity_iri = report.value(result, SH.resultSeverity)
        severity = _SEVERITIES.get(severity_iri) if isinstance(severity_iri, URIRef) else None
        focus = report.value(result, SH.focusNode)
        if severity is None or focus not in described:
            continue
        path = report.value(result, SH.resultPath)
        shape = report.value(result, SH.sourceShape)
        value = report.value(result, SH.value)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        yield ShapeViolation(
            focus=_text(focus),
            path=None if path is None else _path_text(report, path),
            message=messages[0] if messages else "does not conform to its shape",
            severity=severity,
            # Shapes all have IRIs; a blank node here would be one of sh:or's inner shapes.
            shape=_text(shape) if isinstance(shape, URIRef) else None,
            value=None if value is None else _text(value),
        )


def _sparql_violations(
    constraint: shacl_sparql.SparqlConstraint, check: Graph, described: set[Node]
) -> Iterator[ShapeViolation]:
    severity = _SEVERITIES.get(constraint.severity)
    if severity is None:
        return
    for result in shacl_sparql.evaluate(constraint, check):
        if result.focus in described:
            yield ShapeViolation(
                focus=_text(result.focus),
                path=None if result.path is None else _text(result.path),
                message=constraint.message,
                severity=severity,
                shape=_text(constraint.shape),
                value=None if result.value is None else _text(result.value),
            )


def _undeclared_terms(data: Graph, known_types: Graph | None) -> Iterator[ShapeViolation]:
    declared = set(vocabulary_graph().subjects())
    declared.update(_subjects(data))
    if known_types is not None:
        declared.update(_subjects(known_types))
    names = sorted(_local_name(t) for t in declared if _in_cred(t))
    for s, p, o in _triples(data):
        if _in_cred(p) and p not in declared:
            yield _undeclared(s, p, "property", names, path=_text(p), value=None)
        if p == RDF.type and _in_cred(o) and o not in declared:
            yield _undeclared(s, o, "class", names, path="rdf:type", value=_text(o))


def _undeclared(
    focus: Node, term: Node, kind: str, names: Iterable[str], *, path: str, value: str | None
) -> ShapeViolation:
    message = f"{_text(term)} is not a {kind} of the cred: vocabulary (ontology/vocab.ttl)"
    close = difflib.get_close_matches(_local_name(term), list(names), n=1)
    if close:
        message += f"; did you mean cred:{close[0]}?"
    return ShapeViolation(
        focus=_text(focus), path=path, message=message, severity="Violation", value=value
    )


def _in_cred(term: Node) -> bool:
    return isinstance(term, URIRef) and term.startswith(CRED)


def _local_name(term: Node) -> str:
    return str(term)[len(CRED) :]


def _text(term: Node) -> str:
    if isinstance(term, URIRef):
        try:
            prefix, _namespace, name = _namespace_manager().compute_qname(term, generate=False)
        except (KeyError, ValueError):
            return str(term)
        return f"{prefix}:{name}"
    if isinstance(term, Literal):
        return term.n3(_namespace_manager())
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _path_text(report: Graph, path: Node) -> str:
    if not isinstance(path, BNode):
        return _text(path)
    for operator, suffix in _PATH_SUFFIXES.items():
        inner = report.value(path, operator)
        if inner is not None:
            return _path_text(report, inner) + suffix
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_text(report, inverse)
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        members = report.collection(alternatives)
        return "(" + "|".join(_path_text(report, m) for m in members) + ")"
    # Otherwise an RDF list: a sequence path.
    return "/".join(_path_text(report, m) for m in report.collection(path))


def _sort_key(v: ShapeViolation) -> tuple[str, ...]:
    return (v.focus, v.path or "", v.shape or "", v.value or "", v.message, v.severity)


__all__ = [
    "SHAPES",
    "Engine",
    "ensure_valid",
    "shapes_graph",
    "validate_graph",
    "vocabulary_graph",
]
