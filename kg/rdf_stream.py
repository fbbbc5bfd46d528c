"""The whole of an on-disk store written in an RDF format as it is read, in bounded memory.

:func:`kg.rdf_write.serialize` takes a list: it drops repeated statements and groups each
subject's statements in a dict of every quad before writing. For a whole store that is the
store again in Python objects: 1M triples took 600-680 MiB more than the store to export as
N-Triples, and 10M about ten times that, in the process of a service that other clients share.
An on-disk Oxigraph store needs none of it: it yields its quads grouped by graph and subject
(its ``gspo`` index), each once, so the quads can go to the writer as they come. Only a triple
format, which merges the graphs, needs more: a subject's triples may lie in several graphs and
must be written together and once each: at each subject's first run in a graph, one index
lookup finds its quads in every graph, and its block is written at the run of the graph its
first quad is in, and only there, so memory is bounded by the largest subject, not by the
store. A store whose data is in one graph needs no lookup (1M triples in the default graph:
peak memory 94 MiB against 726 MiB, and 6.5 s against 10.1 s as N-Triples, one run each on a
shared machine).

An in-memory pyoxigraph store yields its quads in no useful order (a subject's quads are
spread over the whole iteration), so it is written as before, as is RDF/XML, whose output is
parsed back as a whole before it is given out (:mod:`kg.rdf_write`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any, Protocol

import pyoxigraph as ox

from kg.formats import RDFXML, Format
from kg.namespaces import PREFIXES


class BinaryOutput(Protocol):
    """Where :func:`write_store` writes: a binary file, or anything with its ``write``."""

    def write(self, data: bytes, /) -> int: ...


def streams(store: Any, rdf_format: Format) -> bool:
    """Whether :func:`write_store` can write ``store`` in ``rdf_format`` as it reads it."""
    return getattr(store, "kind", None) == "disk" and format_streams(rdf_format)


def format_streams(rdf_format: Format) -> bool:
    """Whether :func:`write_store` can write ``rdf_format`` (not RDF/XML, checked whole)."""
    return rdf_format is not RDFXML


def write_store(
    engine: ox.Store, rdf_format: Format, output: BinaryOutput, skip: set[ox.NamedNode]
) -> None:
    """Write every quad of an on-disk ``engine`` outside the graphs ``skip`` to ``output``.

    The same statements as :func:`kg.rdf_write.serialize` of the same quads: each quad once
    in a format that keeps the named graphs; each triple once, with its subject's others, in
    one that merges them.
    """
    quads = (q for q in engine if q.graph_name not in skip)
    items: Iterable[ox.Quad] | Iterable[ox.Triple]
    if rdf_format.named_graphs:
        items = quads
    elif _one_graph(engine, skip):
        items = (q.triple for q in quads)  # nothing to merge: each triple comes once
    else:
        items = _merged(engine, quads, skip)
    # (pyoxigraph calls only the output's write; its stub asks for a whole binary file)
    ox.serialize(items, output, rdf_format.oxigraph, prefixes=PREFIXES)  # type: ignore[arg-type]


def _one_graph(engine: ox.Store, skip: set[ox.NamedNode]) -> bool:
    """Whether at most one graph outside ``skip`` may hold data (the default graph or one
    named graph), so that no triple can come twice."""
    named = (g for g in engine.named_graphs() if g not in skip)
    if next(named, None) is None:
        return True
    if next(named, None) is not None:
        return False
    default = engine.quads_for_pattern(None, None, None, ox.DefaultGraph())
    return next(iter(default), None) is None


def _merged(
    engine: ox.Store, quads: Iterator[ox.Quad], skip: set[ox.NamedNode]
) -> Iterator[ox.Triple]:
    """The triples of ``quads`` (grouped by graph and subject), each once, a subject's all
    together at the first of its graphs."""
    for (graph, subject), _run in groupby(quads, key=lambda q: (q.graph_name, q.subject)):
        held = [q for q in engine.quads_for_pattern(subject, None, None)
                if q.graph_name not in skip]
        if held and held[0].graph_name == graph:
            yield from dict.fromkeys(q.triple for q in held)


__all__ = ["BinaryOutput", "format_streams", "streams", "write_store"]
