"""Term-by-term conversion between pyoxigraph quads and rdflib graphs.

pyoxigraph parses, stores and queries; rdflib is what pySHACL and the case compiler speak.
Conversion is exact for IRIs, blank nodes and literals (lexical form, datatype, language).
Two points follow RDF 1.1 rather than either library's habits:

- A plain literal is an ``xsd:string`` (RDF 1.1 section 3.3). pyoxigraph always gives it that
  datatype; rdflib leaves it ``None``. ``"a"`` and ``"a"^^xsd:string`` are one term here.
- Lexical forms are kept as written: rdflib would turn ``"01"^^xsd:integer`` into ``"1"``.

RDF 1.2 triple terms have no rdflib counterpart; :mod:`kg.rdfio` refuses them on input.

Example:
    >>> import pyoxigraph as ox
    >>> quad = ox.Quad(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
    ...                ox.Literal("hi", language="en"), ox.NamedNode("https://e.org/g"))
    >>> dataset = to_rdflib([quad])
    >>> [str(o) for _s, _p, o, _g in dataset.quads()]
    ['hi']
    >>> from_rdflib_graph(dataset.graph(rdflib.URIRef("https://e.org/g")),
    ...                   rdflib.URIRef("https://e.org/g")) == [quad]
    True
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
import rdflib
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD

from kg.errors import Location, UnsupportedFormatError

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
RdflibTerm = rdflib.URIRef | rdflib.BNode | rdflib.Literal

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_rdflib_term(term: OxTerm | ox.Triple) -> RdflibTerm:
    """The rdflib form of a pyoxigraph term. Blank nodes keep their identifier.

    Raises:
        UnsupportedFormatError: for an RDF 1.2 triple term, which rdflib cannot hold.

    Example:
        >>> to_rdflib_term(ox.Literal("1", datatype=ox.NamedNode(str(XSD.integer)))).n3()
        '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language is not None:
            return rdflib.Literal(term.value, lang=term.language, normalize=False)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype), normalize=False)
    raise UnsupportedFormatError(
        f"RDF 1.2 triple term {term} cannot be converted to rdflib",
        location=Location("<conversion>"),
        term="triple term",
    )


def from_rdflib_term(
    term: rdflib.term.Node, blank_nodes: dict[rdflib.BNode, ox.BlankNode] | None = None
) -> OxTerm:
    """The pyoxigraph form of an rdflib term.

    Args:
        term: an IRI, blank node or literal.
        blank_nodes: where blank nodes are mapped to fresh pyoxigraph blank nodes, so that one
            graph's ``_:b1`` never merges with another's. Without it, identifiers are kept.

    Example:
        >>> from_rdflib_term(rdflib.Literal("x", lang="en"))
        <Literal value=x language=en>
    """
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        if blank_nodes is None:
            return ox.BlankNode(str(term))
        if term not in blank_nodes:
            blank_nodes[term] = ox.BlankNode()
        return blank_nodes[term]
    if isinstance(term, rdflib.Literal):
        if term.language is not None:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is None or str(term.datatype) == _LANG_STRING:
            return ox.Literal(str(term))
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    raise UnsupportedFormatError(
        f"rdflib term {term!r} ({type(term).__name__}) has no RDF counterpart",
        location=Location("<conversion>"),
        term="term",
    )


def to_rdflib(quads: Iterable[ox.Quad]) -> rdflib.Dataset:
    """An rdflib dataset holding ``quads``: default-graph quads in its default graph.

    Example:
        >>> q = ox.Quad(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
        ...             ox.BlankNode("b0"))
        >>> ds = to_rdflib([q])
        >>> [(str(s), str(o)) for s, _p, o in ds.graph(DATASET_DEFAULT_GRAPH_ID)]
        [('https://e.org/s', 'b0')]
    """
    dataset = rdflib.Dataset()
    graphs: dict[str, rdflib.Graph] = {}
    for quad in quads:
        graph_name = quad.graph_name
        key = str(graph_name)
        graph = graphs.get(key)
        if graph is None:
            identifier = (
                DATASET_DEFAULT_GRAPH_ID
                if isinstance(graph_name, ox.DefaultGraph)
                else to_rdflib_term(graph_name)
            )
            graph = graphs[key] = dataset.graph(identifier)
        graph.add(
            (
                to_rdflib_term(quad.subject),
                to_rdflib_term(quad.predicate),
                to_rdflib_term(quad.object),
            )
        )
    return dataset


def from_rdflib_graph(
    graph: rdflib.Graph, graph_name: rdflib.URIRef | rdflib.BNode | None = None
) -> list[ox.Quad]:
    """The triples of ``graph`` as pyoxigraph quads in the graph ``graph_name``.

    Args:
        graph: the triples. For an rdflib ``Dataset``, only its default graph is read; use
            ``dataset.graph(name)`` for a named one.
        graph_name: the named graph to put them in; ``None`` for the default graph.

    Returns:
        One quad per triple. Blank nodes get fresh identifiers, consistent within the call,
        so that they never merge with blank nodes already in a store.

    Example:
        >>> g = rdflib.Graph()
        >>> _ = g.add((rdflib.URIRef("https://e.org/s"), RDF.type, rdflib.URIRef("https://e.org/C")))
        >>> [str(q.graph_name) for q in from_rdflib_graph(g, rdflib.URIRef("https://e.org/g"))]
        ['<https://e.org/g>']
    """
    if isinstance(graph, rdflib.Dataset):  # (iterating a Dataset gives quads, of every graph)
        graph = graph.graph(DATASET_DEFAULT_GRAPH_ID)
    blank_nodes: dict[rdflib.BNode, ox.BlankNode] = {}
    target: ox.NamedNode | ox.BlankNode | ox.DefaultGraph = ox.DefaultGraph()
    if graph_name is not None:
        target = _resource(graph_name, blank_nodes)
    return [
        ox.Quad(
            _resource(s, blank_nodes),
            _iri(p),
            from_rdflib_term(o, blank_nodes),
            target,
        )
        for s, p, o in graph
    ]


# rdflib types a graph's subjects and predicates as any term (it allows generalized RDF);
# a quad takes only these, as RDF does.
def _resource(
    node: rdflib.term.Node, blank_nodes: dict[rdflib.BNode, ox.BlankNode]
) -> ox.NamedNode | ox.BlankNode:
    """A subject or graph name: an IRI or a blank node."""
    term = from_rdflib_term(node, blank_nodes)
    if isinstance(term, ox.Literal):
        raise _not_rdf(f"literal {node.n3()} as a subject")
    return term


def _iri(node: rdflib.term.Node) -> ox.NamedNode:
    """A predicate: an IRI."""
    if not isinstance(node, rdflib.URIRef):
        raise _not_rdf(f"{node!r} as a predicate")
    return ox.NamedNode(str(node))


def _not_rdf(what: str) -> UnsupportedFormatError:
    return UnsupportedFormatError(f"{what} has no RDF counterpart",
                                  location=Location("<conversion>"), term="term")


__all__ = ["from_rdflib_graph", "from_rdflib_term", "to_rdflib", "to_rdflib_term"]
