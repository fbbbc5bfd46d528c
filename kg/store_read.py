"""What :class:`kg.store.KnowledgeStore` reads out, kept apart from it: SPARQL over the union of
all graphs, with pyoxigraph's errors turned into ours (:func:`run_query`), and the store or one
claim's neighbourhood written in an RDF format (:func:`export_quads`, :func:`export_to`).

The store's methods (:meth:`~kg.store.KnowledgeStore.query`,
:meth:`~kg.store.KnowledgeStore.export`) keep the documented interface and call these."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import InputError, KgError, Location, StoreError
from kg.formats import Format, format_by_name
from kg.namespaces import ANALYSIS_GRAPH, INGEST_GRAPH, PREFIXES
from kg.neighbourhood import claim_neighbourhood, resolve_claim
from kg.query_results import QueryResult
from kg.rdf_stream import BinaryOutput, streams, write_store
from kg.rdfio import serialize

if TYPE_CHECKING:
    from kg.store import KnowledgeStore

_SPARQL_POSITION = re.compile(r"^error at (\d+):(\d+): ")
_CHARACTER_CLASSES = re.compile(r",?\s*\[(?:'|_)[^\]]*\]")


def run_query(
    store: KnowledgeStore,
    sparql: str,
    substitutions: dict[str, ox.NamedNode | ox.Literal] | None,
) -> QueryResult:
    """:meth:`KnowledgeStore.query <kg.store.KnowledgeStore.query>` (documented there)."""
    # (typed as pyoxigraph's argument, a dict of any term: dict is invariant)
    bindings: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(k): v for k, v in (substitutions or {}).items()
    }
    try:
        return store.oxigraph.query(
            sparql,
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
            substitutions=bindings or None,
        )
    except (SyntaxError, RuntimeError, OSError) as error:
        raise query_error(error) from None


def query_error(error: SyntaxError | RuntimeError | OSError) -> KgError:
    """What a failed query raised, as the product's error: a refused query as an
    ``InputError`` with the query's line and column, a failed store as a ``StoreError``."""
    if isinstance(error, SyntaxError):
        message = error.msg or str(error)
        found = _SPARQL_POSITION.match(message)
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
        # The parser lists the characters it expected as Unicode ranges, lines of them: the
        # tokens it names in quotes are what a person can act on.
        cleaned = _CHARACTER_CLASSES.sub("", message).rstrip()
        if cleaned.endswith("expected"):  # it named character classes only
            cleaned = cleaned[: -len("expected")] + "this is not valid SPARQL here"
        message = cleaned
        return InputError(
            _SPARQL_POSITION.sub("", message),
            location=Location("<query>", line, column),
            term="SPARQL",
        )
    if isinstance(error, RuntimeError):
        # pyoxigraph's complaint about the query itself, such as a substituted variable
        # that is not projected.
        return InputError(str(error), location=Location("<query>"), term="SPARQL")
    return StoreError(f"query failed: {error}")


def export_quads(
    store: KnowledgeStore, fmt: str | Format, claim: str | None, include_analysis: bool
) -> bytes:
    """:meth:`KnowledgeStore.export <kg.store.KnowledgeStore.export>` (documented there)."""
    output = io.BytesIO()
    export_to(store, fmt, output, claim=claim, include_analysis=include_analysis)
    return output.getvalue()


def export_to(
    store: KnowledgeStore,
    fmt: str | Format,
    output: BinaryOutput,
    *,
    claim: str | None = None,
    include_analysis: bool = False,
) -> None:
    """:meth:`KnowledgeStore.export <kg.store.KnowledgeStore.export>`, written to ``output``.

    The whole of an on-disk store is written as it is read, in bounded memory
    (:mod:`kg.rdf_stream`); anything else is built whole first, so that an error (a claim
    that does not exist, data RDF/XML cannot carry) is raised before anything is written.
    """
    rdf_format = format_by_name(fmt)
    if claim is not None:
        node = resolve_claim(store, claim)
        output.write(serialize(claim_neighbourhood(store, node), rdf_format))
        return
    skip = {ox.NamedNode(INGEST_GRAPH)}
    if not include_analysis:
        skip.add(ox.NamedNode(ANALYSIS_GRAPH))
    if streams(store, rdf_format):
        write_store(store.oxigraph, rdf_format, output, skip)
    else:
        output.write(serialize((q for q in store.quads() if q.graph_name not in skip),
                               rdf_format))


__all__ = ["export_quads", "export_to", "query_error", "run_query"]
