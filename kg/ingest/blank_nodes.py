"""Blank node identity that holds across batches and across reruns of one ingest.

A parser gives every blank node a label that is only meaningful inside one parse of one
document. An ingest writes a file batch by batch and may be rerun or resumed, so the
labels it writes must be a function of the document alone: ``_:x`` of a file becomes
``_:k<scope>_x`` in the store, where ``scope`` comes from the file's SHA-256 (or is chosen by
the caller). The same file ingested twice writes the same blank nodes, so RDF's set semantics
makes the second run add nothing; two different files never share a blank node.

Turtle and TriG also have anonymous blank nodes (``[ ... ]``, collections), which pyoxigraph
labels with a fresh random 128-bit id in every parse. Those are numbered in the order of
their first appearance instead (``_:k<scope>-<n>``), which the document fixes. They are
remembered only while they can still be referred to: an anonymous node's triples come out of
the parser together, so a bounded window of the most recently used ones is enough
(``_WINDOW``).

Example:
    >>> import pyoxigraph as ox
    >>> nodes = BlankNodes("0123456789abcdef0123456789abcdef")
    >>> nodes.labelled(ox.BlankNode("x")).value
    'k0123456789abcdef01234567_x'
    >>> first = nodes.any(ox.BlankNode("ae82a6cc0f875680daaf84902ed31721"))
    >>> first.value, nodes.any(ox.BlankNode("ae82a6cc0f875680daaf84902ed31721")) == first
    ('k0123456789abcdef01234567-0', True)
"""

from __future__ import annotations

import re
from collections import OrderedDict

import pyoxigraph as ox

# pyoxigraph's fresh blank node ids: 128 random bits in hex without leading zeros, redrawn
# until the first digit is a letter (oxrdf's BlankNode::default), so 32 characters, fewer with
# probability 1/16 per character; under 16 characters never in practice. A labelled node
# written this way (a dump that Oxigraph wrote, say) is numbered like an anonymous one, which
# is as deterministic, as long as it stays in the window.
_ANONYMOUS = re.compile(r"[a-f][0-9a-f]{15,31}")
# Anonymous nodes remembered at once, the least recently used forgotten first. Nested brackets
# keep only a few open at a time; the margin is for dumps whose labels look anonymous. At most
# about 150 MB.
_WINDOW = 1_000_000
# Characters of the scope kept in labels: 96 bits, so two files never meet by chance.
_SCOPE_CHARS = 24


class BlankNodes:
    """Relabels the blank nodes of one document deterministically.

    Args:
        scope: what makes this document's nodes its own; the file's SHA-256 in hex by default
            (:func:`kg.ingest.ingest_file`). Only letters, digits, ``_`` and ``-`` are kept.
    """

    def __init__(self, scope: str) -> None:
        cleaned = re.sub(r"[^A-Za-z0-9_-]", "", scope)[:_SCOPE_CHARS]
        self.prefix = f"k{cleaned}"
        self._anonymous: OrderedDict[str, ox.BlankNode] = OrderedDict()
        self._next = 0

    def labelled(self, node: ox.BlankNode) -> ox.BlankNode:
        """A node the document labels itself (every blank node of N-Triples and N-Quads)."""
        return ox.BlankNode(f"{self.prefix}_{node.value}")

    def any(self, node: ox.BlankNode) -> ox.BlankNode:
        """A node of a Turtle or TriG parse: labelled, or anonymous with a random id."""
        label = node.value
        if not _ANONYMOUS.fullmatch(label):
            return self.labelled(node)
        found = self._anonymous.get(label)
        if found is not None:
            self._anonymous.move_to_end(label)
        else:
            found = ox.BlankNode(f"{self.prefix}-{self._next}")
            self._next += 1
            self._anonymous[label] = found
            if len(self._anonymous) > _WINDOW:
                self._anonymous.popitem(last=False)
        return found

    def relabel(self, quads: list[ox.Quad], *, anonymous: bool) -> list[ox.Quad]:
        """``quads`` with every blank node relabelled; the others are returned as they are."""
        term = self.any if anonymous else self.labelled
        blank = ox.BlankNode
        out = []
        for quad in quads:
            s, o, g = quad.subject, quad.object, quad.graph_name
            if type(s) is blank or type(o) is blank or type(g) is blank:
                quad = ox.Quad(
                    term(s) if type(s) is blank else s,
                    quad.predicate,
                    term(o) if type(o) is blank else o,
                    term(g) if type(g) is blank else g,
                )
            out.append(quad)
        return out


__all__ = ["BlankNodes"]
