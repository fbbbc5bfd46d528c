"""rdflib's ``Node`` narrowed to the terms a graph of this project holds.

rdflib types every term it gives back from a graph (``subjects``, ``objects``, ``value``) as
``Node``, the base class of terms and of N3 formulae, which is neither ordered nor a string for
a type checker. The graphs read here (Turtle, JSON-LD, RDF/XML, SHACL reports) hold only terms:
``URIRef``, ``BNode`` and ``Literal``, all ``Identifier`` (ordered, and strings). These helpers
say so once, and raise ``TypeError`` on anything else, instead of a cast at each use.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal
from rdflib.term import Identifier, Node

__all__ = ["literal", "sorted_terms", "term"]


def term(node: Node) -> Identifier:
    """``node`` as the term it is.

    Raises:
        TypeError: ``node`` is not a term (an N3 formula).

    Example:
        >>> from rdflib import URIRef
        >>> term(URIRef("https://example.org/a"))
        rdflib.term.URIRef('https://example.org/a')
    """
    if not isinstance(node, Identifier):
        raise TypeError(f"an RDF term was expected, not {node!r}")
    return node


def sorted_terms(nodes: Iterable[Node]) -> list[Identifier]:
    """The nodes in rdflib's order of terms (by kind, then by text), as ``sorted`` gives them.

    Raises:
        TypeError: one of the nodes is not a term.

    Example:
        >>> from rdflib import BNode, URIRef
        >>> sorted_terms([URIRef("urn:b"), URIRef("urn:a"), BNode("x")])
        [rdflib.term.BNode('x'), rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b')]
    """
    return sorted(term(node) for node in nodes)


def literal(node: Node) -> Literal:
    """``node`` as the literal it is (a count, a number read from a graph).

    Raises:
        TypeError: ``node`` is not a literal.

    Example:
        >>> int(literal(Literal(2)))
        2
    """
    if not isinstance(node, Literal):
        raise TypeError(f"a literal was expected, not {node!r}")
    return node
