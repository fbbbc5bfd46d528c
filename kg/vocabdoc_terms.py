"""How the vocabulary page (see :mod:`kg.vocabdoc`) names terms and quotes text.

Prefixed names from the project's one prefix table, the project's own terms told from the
others, and analyst text made safe inside Markdown.
"""

from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from kg.namespaces import CRED, PREFIXES


def namespaces() -> NamespaceManager:
    """The project's prefixes (:data:`kg.namespaces.PREFIXES`) and no others."""
    manager = NamespaceManager(Graph(bind_namespaces="none"))
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri)
    return manager


def qname(node: Node, names: NamespaceManager) -> str:
    """``prefix:local`` when a prefix of ``names`` covers ``node``; else the IRI, or a note."""
    if isinstance(node, BNode):
        return "(blank node)"
    try:
        prefix, _namespace, local = names.compute_qname(str(node), generate=False)
    except (KeyError, ValueError):
        return str(node)
    return f"{prefix}:{local}"


def is_cred(node: Node) -> bool:
    """Whether ``node`` is a term of the project's own namespace (``cred:``)."""
    return isinstance(node, URIRef) and node.startswith(str(CRED))


def local_name(node: Node) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def escape(text: str) -> str:
    """Make analyst text safe inside Markdown table cells and paragraphs."""
    text = " ".join(text.split())
    for char, replacement in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;")):
        text = text.replace(char, replacement)
    return text.replace("*", "\\*").replace("_", "\\_")


__all__ = ["escape", "is_cred", "local_name", "namespaces", "qname"]
