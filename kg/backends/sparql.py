"""A store kept by a SPARQL 1.1 Query+Update endpoint, with pyoxigraph's ``Store`` interface.

:class:`SparqlEngine` answers the part of ``pyoxigraph.Store``'s interface that
:class:`kg.store.KnowledgeStore` and its callers use (``query``, ``extend``, ``remove``,
``quads_for_pattern``, ``named_graphs``, ``len``, iteration, ``clear``, ``bulk_load``), so that
the same code runs on an embedded Oxigraph and on a server. Query results come back as
pyoxigraph objects (``QuerySolutions``, ``QueryBoolean``, triples), parsed as they stream in.

How the data is laid out on the endpoint, and why:

- **Writes are single requests.** :meth:`SparqlEngine.extend` sends one ``INSERT DATA``; a
  conforming endpoint applies a request atomically (SPARQL 1.1 Update, section 2.2: "each
  request SHOULD be treated atomically"), so a load is still all or nothing, unless its
  request would pass :data:`MAX_UPDATE_CHARS` or the endpoint refuses it for its size: then
  it goes in several requests, and a failure half way leaves the first ones in. Measured: on
  Oxigraph 0.5 a request whose last operation fails changes nothing; Virtuoso 7.2 applies
  the operations of a request one by one, but refuses a bad ``INSERT DATA`` as a whole.
  :meth:`SparqlEngine.write_batch` (an ingest batch and its records) is one request too: an
  ``INSERT DATA``, or with the opt-in bulk URL a ``POST`` of N-Quads to ``oxigraph serve``'s
  bulk loader (docs/backends.md, "Ingesting large files into a server").
- **The default graph is a named graph.** Many servers have no writable default graph of its
  own (Virtuoso, Neptune) or show the union of all graphs as the default graph. Quads of the
  default graph are kept in :data:`DEFAULT_GRAPH` and come back as default-graph quads.
- **Blank nodes are skolemised** (RDF 1.1 Concepts, section 3.5): ``_:b`` is written as
  ``<https://w3id.org/cred-kg/.well-known/genid/b>`` and read back as ``_:b``. A blank node
  label in a SPARQL answer cannot be named in the next request, and ``DELETE DATA`` may not
  contain blank nodes at all; a skolem IRI can be named, deleted and exported.
- **A registry of graphs.** The graph :data:`REGISTRY` lists every graph this store wrote
  (``<registry> kgs:holds <graph>``), written in the same request as the data. Counting,
  exporting and clearing touch those graphs only, never the server's own (Virtuoso keeps
  thousands of system triples in graphs of its own).
- **Queries see the union of all graphs as the default graph**, as on the embedded store.
  The endpoint must be set up that way (``oxigraph serve --union-default-graph``; Virtuoso,
  GraphDB and Neptune do it by default); :meth:`SparqlEngine.check_union` verifies it, with a
  probe that leaves nothing behind (:mod:`kg.backends.sparql_union`).

The engine is built in layers, one job per module: requests (:mod:`kg.backends.sparql_requests`),
the union check (:mod:`kg.backends.sparql_union`), writes (:mod:`kg.backends.sparql_writes`),
and here the reads; the registry of graphs is :mod:`kg.backends.sparql_registry`, how terms are
written :mod:`kg.backends.sparql_terms`, and the query protocol :mod:`kg.backends.sparql_protocol`.

Example:
    >>> engine = SparqlEngine(SparqlClient("http://127.0.0.1:7878/query"))
    >>> engine.location
    'http://127.0.0.1:7878/query'
    >>> skolemise(ox.BlankNode("b1")).value
    'https://w3id.org/cred-kg/.well-known/genid/b1'
    >>> deskolemise(skolemise(ox.BlankNode("b1")))
    <BlankNode value=b1>
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from kg.backends.http import BadRequest, SparqlClient
from kg.backends.sparql_protocol import (
    accept_header,
    endpoint_syntax_error,
    parse_answer,
    substitute,
)
from kg.backends.sparql_registry import HOLDS, OWNED, REGISTRY
from kg.backends.sparql_terms import (
    _DEFAULT,
    DEFAULT_GRAPH,
    GENID,
    Term,
    _read_graph,
    _sparql_term,
    _stored_graph,
    canonical_ntriples,
    deskolemise,
    skolemise,
)
from kg.backends.sparql_writes import (
    BULK_ATOMIC_QUADS,
    BULK_CHUNK,
    MAX_UPDATE_CHARS,
    SparqlWrites,
)
from kg.query_results import QueryResult


class SparqlEngine(SparqlWrites):
    """The data of a :class:`kg.store.KnowledgeStore` on a SPARQL 1.1 endpoint.

    Reads here; the union check, writes and requests in the layers it is built on (the module
    says which).

    Args:
        client: the endpoint's query and update URLs.
    """

    def query(
        self,
        query: str,
        *,
        prefixes: Mapping[str, str] | None = None,
        use_default_graph_as_union: bool = False,
        default_graph: Any = None,
        named_graphs: Iterable[Any] | None = None,
        substitutions: Mapping[ox.Variable, Term] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a query on the endpoint, with ``pyoxigraph.Store.query``'s arguments.

        The default graph is the endpoint's (the union of all graphs) with
        ``use_default_graph_as_union``, else this store's default graph, unless
        ``default_graph`` names graphs. ``substitutions`` replace their variables in the text
        (see :func:`substitute`).

        Raises:
            SyntaxError: the endpoint refused the query (its message; positions are those of
                ``query``).
            RuntimeError: a SELECT does not project a substituted variable (as pyoxigraph).
            OSError: the endpoint cannot be reached, failed, or ran past the deadline.
        """
        head = "".join(f"PREFIX {p}: <{iri}> " for p, iri in (prefixes or {}).items())
        if base_iri:
            head = f"BASE <{base_iri}> " + head
        text = head + "\n" + (substitute(query, substitutions) if substitutions else query)
        params: list[tuple[str, str]] = []
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, list | tuple) else [default_graph]
            params += [("default-graph-uri", _stored_graph(g).value) for g in graphs]
        elif not use_default_graph_as_union:
            params.append(("default-graph-uri", DEFAULT_GRAPH))
        if named_graphs is not None:
            params += [("named-graph-uri", _stored_graph(g).value) for g in named_graphs]
        try:
            answer = self.client.query(text, accept=accept_header(query), params=params)
        except BadRequest as refusal:
            raise endpoint_syntax_error(refusal.message) from None
        return parse_answer(answer)

    def quads_for_pattern(
        self, subject: Any = None, predicate: Any = None, obj: Any = None, graph_name: Any = None
    ) -> Iterator[ox.Quad]:
        """The quads matching a pattern (``None``: any), in the graphs this store wrote."""
        s = "?s" if subject is None else _sparql_term(subject)
        p = "?p" if predicate is None else _sparql_term(predicate)
        o = "?o" if obj is None else _sparql_term(obj)
        if graph_name is None:
            where = f"{OWNED} GRAPH ?g {{ {s} {p} {o} }}"
        else:
            graph = _stored_graph(graph_name)
            where = f"GRAPH {graph} {{ {s} {p} {o} }} BIND({graph} AS ?g)"
        solutions = self.select(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}")
        fixed = {"s": subject, "p": predicate, "o": obj}
        for row in solutions:
            terms = {
                k: fixed[k] if fixed[k] is not None else deskolemise(row[k])
                for k in ("s", "p", "o")
            }
            yield ox.Quad(terms["s"], terms["p"], terms["o"], _read_graph(row["g"]))

    def __iter__(self) -> Iterator[ox.Quad]:
        return self.quads_for_pattern()

    def __len__(self) -> int:
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {OWNED} GRAPH ?g {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))["n"].value)

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]:
        """The named graphs this store wrote that hold data (not the default graph)."""
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ {OWNED} GRAPH ?g {{ ?s ?p ?o }} }}")
        for row in rows:
            if row["g"] != _DEFAULT:
                yield deskolemise(row["g"])


__all__ = [
    "BULK_ATOMIC_QUADS",
    "BULK_CHUNK",
    "DEFAULT_GRAPH",
    "GENID",
    "HOLDS",
    "MAX_UPDATE_CHARS",
    "REGISTRY",
    "SparqlClient",
    "SparqlEngine",
    "canonical_ntriples",
    "deskolemise",
    "skolemise",
]
