"""Terms as :mod:`kg.validate` writes them in results: prefixed names, N3 for literals."""

from __future__ import annotations

from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.namespaces import PREFIXES

#: Namespace of the shapes in ``ontology/shapes.ttl`` (as in :mod:`kg.validate`).
SHAPES_NS = "https://w3id.org/cred-kg/shapes#"


@cache
def _namespace_manager() -> NamespaceManager:
    manager = NamespaceManager(Graph(bind_namespaces="none"))
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri)
    manager.bind("credsh", SHAPES_NS)
    return manager


def iri_text(term: URIRef) -> str:
    try:
        prefix, _namespace, name = _namespace_manager().compute_qname(term, generate=False)
    except (KeyError, ValueError):
        return str(term)
    return f"{prefix}:{name}"


def term_text(term: Node) -> str:
    """A term as :mod:`kg.validate` shows it: a prefixed name, N3 for literals, ``_:`` for blanks.

    Example:
        >>> term_text(URIRef("https://w3id.org/cred-kg/ns#Claim"))
        'cred:Claim'
    """
    if isinstance(term, URIRef):
        return iri_text(term)
    if isinstance(term, Literal):
        return term.n3(_namespace_manager())
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)
