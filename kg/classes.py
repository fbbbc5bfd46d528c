"""The class hierarchy of the vocabulary, for subclass-aware queries without inference.

The store holds user data only, not the vocabulary, so ``?x a/rdfs:subClassOf* cred:Actor``
would miss a ``cred:Person``. Instead, queries ask for ``?x a ?type`` with ``VALUES ?type``
set to every subclass of the root: the vocabulary's (``ontology/vocab.ttl``, parsed once) plus
any that the data declares (a case file's ``extend:`` section adds ``rdfs:subClassOf``
triples).

Example:
    >>> from kg.namespaces import CRED
    >>> str(CRED.IntelligenceAgency) in subclasses(str(CRED.Actor))
    True
    >>> sorted(subclasses(str(CRED.Claim)))[0]
    'https://w3id.org/cred-kg/ns#Claim'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox
from rdflib.namespace import RDFS

_SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))


@cache
def vocabulary_subclass_edges() -> frozenset[tuple[str, str]]:
    """``(subclass, superclass)`` IRIs of the vocabulary's ``rdfs:subClassOf`` triples."""
    from kg.vocabulary import vocabulary_quads

    return frozenset(
        (q.subject.value, q.object.value)
        for q in vocabulary_quads()
        if q.predicate == _SUBCLASS_OF
        and isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
    )


def subclasses(root: str, extra_edges: Iterable[tuple[str, str]] = ()) -> frozenset[str]:
    """``root`` and every class below it, in the vocabulary and in ``extra_edges``.

    Args:
        root: the IRI of a class.
        extra_edges: more ``(subclass, superclass)`` pairs, such as those a store holds.

    Returns:
        The IRIs, ``root`` included.

    Example:
        >>> sorted(subclasses("https://e.org/A", [("https://e.org/B", "https://e.org/A")]))
        ['https://e.org/A', 'https://e.org/B']
    """
    children: dict[str, set[str]] = {}
    for child, parent in (*vocabulary_subclass_edges(), *extra_edges):
        children.setdefault(parent, set()).add(child)
    found = {root}
    frontier = [root]
    while frontier:
        for child in children.get(frontier.pop(), ()):
            if child not in found:
                found.add(child)
                frontier.append(child)
    return frozenset(found)


__all__ = ["subclasses", "vocabulary_subclass_edges"]
