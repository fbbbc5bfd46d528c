"""How quads are written for a SPARQL endpoint and read back (private to
:mod:`kg.backends.sparql`): blank nodes as skolem IRIs under :data:`GENID`, default-graph quads
in the named graph :data:`DEFAULT_GRAPH`, terms in N-Triples syntax, ``INSERT DATA`` blocks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

GENID = "https://w3id.org/cred-kg/.well-known/genid/"

#: Where the quads of the default graph are kept on the endpoint.
DEFAULT_GRAPH = "https://w3id.org/cred-kg/graph/default"

_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_DEFAULT = ox.NamedNode(DEFAULT_GRAPH)

Term = ox.NamedNode | ox.BlankNode | ox.Literal
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def skolemise(term: Any) -> Any:
    """A blank node as its skolem IRI; any other term as it is."""
    if isinstance(term, ox.BlankNode):
        return ox.NamedNode(GENID + term.value)
    return term


def deskolemise(term: Any) -> Any:
    """A skolem IRI as its blank node; any other term as it is (a boolean in its canonical
    form: Virtuoso answers ``"false"^^xsd:boolean`` as ``"0"``)."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(GENID):
        return ox.BlankNode(term.value[len(GENID) :])
    if (
        isinstance(term, ox.Literal)
        and term.value in ("0", "1")
        and term.datatype.value == _BOOLEAN
    ):
        return ox.Literal("true" if term.value == "1" else "false", datatype=term.datatype)
    return term


def _stored_graph(graph: GraphName) -> ox.NamedNode:
    if isinstance(graph, ox.DefaultGraph):
        return _DEFAULT
    return skolemise(graph)


def _read_graph(graph: ox.NamedNode) -> GraphName:
    return ox.DefaultGraph() if graph == _DEFAULT else deskolemise(graph)


def _sparql_term(term: Any) -> str:
    # pyoxigraph writes terms in N-Triples syntax, whose escapes SPARQL accepts as they are.
    term = skolemise(term)
    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise ValueError(
            f"{term} cannot be written to a SPARQL endpoint (RDF 1.2 triple terms "
            "are not supported by the remote backend)"
        )
    return str(term)


def _stored_quad(quad: ox.Quad) -> ox.Quad:
    """The quad as the endpoint keeps it: skolemised, the default graph named."""
    return ox.Quad(
        _sparql_ready(quad.subject),
        quad.predicate,
        _sparql_ready(quad.object),
        _stored_graph(quad.graph_name),
    )


def _sparql_ready(term: Any) -> Any:
    term = skolemise(term)
    if not isinstance(term, ox.NamedNode | ox.Literal):
        _sparql_term(term)  # raises: the same message as for INSERT DATA
    return term


def canonical_ntriples(text: bytes) -> bytes:
    """N-Triples ``text`` parsed and written out again by Oxigraph, one ``<s> <p> <o> .``
    line per triple (comments, spacing and optional escapes gone).

    What goes to the endpoint is then Oxigraph's own output, whatever the file held: no line
    of a file can be read by the endpoint as SPARQL syntax (a ``}`` closing the data block),
    and each line ends in ``" .\\n"`` and nowhere else (a literal's newline is written
    ``\\n``), which :meth:`SparqlEngine.write_batch` relies on to cut a batch that is too
    large for one request into halves, a line a triple.

    Raises:
        SyntaxError: ``text`` is not N-Triples (a fourth term, a graph name, included);
            positions are in ``text``.

    Example:
        >>> canonical_ntriples(b'<urn:s>   <urn:p> "a }"@en. # note\\n')
        b'<urn:s> <urn:p> "a }"@en .\\n'
    """
    # (without an output, serialize returns the bytes: pyoxigraph's stub says bytes | None)
    return ox.serialize(  # type: ignore[return-value]
        ox.parse(text, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES
    )


def data_block(quads: Iterable[ox.Quad]) -> tuple[str, set[ox.NamedNode]]:
    """The body of an ``INSERT DATA``/``DELETE DATA`` for ``quads``, and the graphs it names."""
    by_graph: dict[ox.NamedNode, list[str]] = defaultdict(list)
    for quad in quads:
        by_graph[_stored_graph(quad.graph_name)].append(
            f"{_sparql_term(quad.subject)} {_sparql_term(quad.predicate)} "
            f"{_sparql_term(quad.object)} ."
        )
    parts = [f"GRAPH {graph} {{\n" + "\n".join(lines) + "\n}" for graph, lines in by_graph.items()]
    return "\n".join(parts), set(by_graph)


__all__ = ["DEFAULT_GRAPH", "GENID", "canonical_ntriples", "data_block", "deskolemise",
           "skolemise"]
