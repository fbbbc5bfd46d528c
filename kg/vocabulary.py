"""The vocabulary (``ontology/vocab.ttl``), parsed once per process.

Four parts of the code read it: the case compiler (its kinds and settings), the SHACL engine
(its quads beside the data), the analysis (the class hierarchy and reliability priors) and the
counts of ``kg stats`` (the hierarchy). ``kg serve`` started on a case needs three of them, and
each parsed the file for itself, twice with rdflib (about 60 ms each). Here it is parsed once,
by pyoxigraph (:func:`vocabulary_quads`), and :func:`vocabulary_graph` gives the same triples as
an rdflib graph, converted term by term (:mod:`kg.convert`, exact), with the file's prefixes
bound as rdflib's parser binds them.

Example:
    >>> len(vocabulary_graph()) == len(vocabulary_quads())
    True
    >>> vocabulary_graph() is vocabulary_graph()
    True
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Graph


@cache
def _parsed() -> tuple[tuple[ox.Quad, ...], dict[str, str]]:
    from ontology import VOCAB_PATH

    parser = ox.parse(path=str(VOCAB_PATH), format=ox.RdfFormat.TURTLE)
    quads = tuple(parser)
    return quads, dict(parser.prefixes)


def vocabulary_quads() -> tuple[ox.Quad, ...]:
    """The vocabulary's quads (all in the default graph), literals as written."""
    return _parsed()[0]


@cache
def vocabulary_graph() -> Graph:
    """The vocabulary as an rdflib graph, built once. Shared: do not modify it."""
    from rdflib import Graph

    from kg.convert import to_rdflib_term

    quads, prefixes = _parsed()
    graph = Graph()
    for prefix, iri in prefixes.items():
        graph.bind(prefix, iri)
    for quad in quads:
        graph.add((to_rdflib_term(quad.subject), to_rdflib_term(quad.predicate),
                   to_rdflib_term(quad.object)))
    return graph


__all__ = ["vocabulary_graph", "vocabulary_quads"]
