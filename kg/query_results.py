"""What a SPARQL query over a store gives back, by query form, for a type checker.

:meth:`kg.store.KnowledgeStore.query` answers every query form, so its result is typed as
any of them (:data:`QueryResult`). A caller that sent a SELECT or a CONSTRUCT knows which one
it gets: these helpers say so once, and raise ``TypeError`` on another form, instead of a
``type: ignore`` at each use.

The graph forms (CONSTRUCT, DESCRIBE) give an iterator of triples: pyoxigraph's
``QueryTriples`` from an Oxigraph store, a generator of the parsed triples from a SPARQL
endpoint (:mod:`kg.backends.sparql`), which has no ``serialize``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

__all__ = ["QueryResult", "solutions", "triples"]

#: The result of a query of any form, on any backend.
QueryResult = ox.QuerySolutions | ox.QueryBoolean | Iterator[ox.Triple]


def solutions(result: QueryResult) -> ox.QuerySolutions:
    """The result of a SELECT query as the solutions it is.

    Raises:
        TypeError: the result of another query form.

    Example:
        >>> store = ox.Store()
        >>> [row["x"].value for row in solutions(store.query("SELECT ?x { VALUES ?x { 1 } }"))]
        ['1']
    """
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"the solutions of a SELECT query were expected, not {result!r}")
    return result


def triples(result: QueryResult) -> Iterator[ox.Triple]:
    """The result of a CONSTRUCT or DESCRIBE query as the triples it is.

    Raises:
        TypeError: the result of a SELECT or an ASK query.

    Example:
        >>> store = ox.Store()
        >>> [t.object.value for t in triples(store.query("CONSTRUCT { <urn:s> <urn:p> 1 } {}"))]
        ['1']
    """
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        raise TypeError(f"the triples of a CONSTRUCT or DESCRIBE query were expected, "
                        f"not {result!r}")
    return result
