"""The entry points: validate pyoxigraph quads, or an rdflib graph, against the shapes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from kg.convert import from_rdflib_term, to_rdflib_term
from kg.errors import ShapeViolation
from kg.shacl.checks import CompiledShapes
from kg.shacl.compile import compiled_shapes
from kg.shacl.model import RDF_TYPE, SUBCLASS_OF, OxTerm
from kg.shacl.results import shape_results, sort_key, undeclared_terms, unfinished
from kg.shacl.run import Run
from kg.typed_literals import quiet_rdflib


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
        if t.predicate == RDF_TYPE or t.predicate == SUBCLASS_OF:
            known.append(t)
        elif isinstance(t.subject, ox.NamedNode):  # only IRIs are looked up in ``declared``
            declared.add(t.subject)
    run = Run(quads, known, _originals or {})
    try:
        # rdflib would log a traceback for each ill-typed literal it converts; the results
        # report them (sh:datatype) in our own words.
        with quiet_rdflib():
            found = set(shape_results(run, program))
            found.update(undeclared_terms(run, declared))
    except (OSError, RuntimeError) as error:
        raise unfinished(source, error) from None
    return sorted(found, key=sort_key)


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

    def convert_triple(
        s: Node, p: Node, o: Node
    ) -> tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, OxTerm]:
        subject, predicate, value = convert(s), convert(p), convert(o)
        # rdflib holds any term anywhere (generalised RDF); RDF, and pyoxigraph, do not.
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise TypeError(f"not an RDF triple: {s!r} {p!r} {o!r}")
        return subject, predicate, value

    quads = [ox.Quad(*convert_triple(*t)) for t in _triples(data)]
    known = (
        []
        if known_types is None
        else [ox.Triple(*convert_triple(*t)) for t in _triples(known_types)]
    )
    return validate_quads(quads, source=source, known_types=known, _originals=originals)


def _triples(graph: Graph) -> Iterator[tuple[Node, Node, Node]]:
    if isinstance(graph, rdflib.graph.ConjunctiveGraph):
        for s, p, o, _g in graph.quads((None, None, None, None)):
            yield s, p, o
    else:
        yield from graph
