"""The registry of graphs a remote store wrote (private to :mod:`kg.backends.sparql`).

The graph :data:`REGISTRY` lists every graph the store wrote (``<registry> kgs:holds <graph>``),
written in the same request as the data. Counting, exporting and clearing touch those graphs
only, never the server's own (Virtuoso keeps thousands of system triples in graphs of its own).

Example:
    >>> print(registry_block({ox.NamedNode("https://e.org/g")}))  # doctest: +NORMALIZE_WHITESPACE
    GRAPH <https://w3id.org/cred-kg/graph/registry> { <https://w3id.org/cred-kg/graph/registry>
    <https://w3id.org/cred-kg/store#holds> <https://e.org/g> . }
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

#: The graph that lists the graphs this store wrote.
REGISTRY = "https://w3id.org/cred-kg/graph/registry"
HOLDS = "https://w3id.org/cred-kg/store#holds"

_REGISTRY = ox.NamedNode(REGISTRY)
_HOLDS = ox.NamedNode(HOLDS)
#: A graph pattern that binds ?g to each graph this store wrote.
OWNED = f"GRAPH <{REGISTRY}> {{ <{REGISTRY}> <{HOLDS}> ?g }}"


def registry_block(graphs: set[ox.NamedNode]) -> str:
    """The registry's lines for ``graphs``, as a ``GRAPH`` block of an ``INSERT DATA``."""
    lines = " ".join(f"<{REGISTRY}> <{HOLDS}> {g} ." for g in sorted(graphs, key=lambda g: g.value))
    return f"GRAPH <{REGISTRY}> {{ {lines} }}"


def registry_quads(graphs: Iterable[ox.NamedNode]) -> list[ox.Quad]:
    """The registry's quads for ``graphs``, for an N-Quads document."""
    return [ox.Quad(_REGISTRY, _HOLDS, graph, _REGISTRY) for graph in graphs]


__all__ = ["HOLDS", "OWNED", "REGISTRY", "registry_block", "registry_quads"]
