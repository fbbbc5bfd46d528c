"""The kinds, stances and settings a case file may name, read from the vocabulary.

The vocabulary (``ontology/vocab.ttl``) is the one place that lists them: adding a subclass of
``cred:Actor`` or ``cred:Evidence`` there, or an individual of ``cred:Setting``, makes it
available to authors without a code change. A case file can add more under ``extend:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespaces import CRED
from kg.vocabulary import vocabulary_graph  # (re-exported: the vocabulary, parsed once)

STANCES: dict[str, URIRef] = {
    "affirms": CRED.Affirms,
    "denies": CRED.Denies,
    "hedges": CRED.Hedges,
}

CLAIM_KINDS: dict[str, URIRef] = {
    "factual": CRED.FactualClaim,
    "forecast": CRED.Forecast,
    "conditional": CRED.ConditionalClaim,
    "policy": CRED.PolicyPosition,
}


@dataclass(frozen=True)
class Vocabulary:
    """Names an author may use, each mapped to its IRI."""

    actor_kinds: dict[str, URIRef]
    evidence_kinds: dict[str, URIRef]
    settings: dict[str, URIRef]


def setting_slug(local_name: str) -> str:
    """``PressConference`` -> ``press-conference``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local_name).lower()


def _subclasses(graph: Graph, root: URIRef) -> dict[str, URIRef]:
    found = {root}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for child in graph.subjects(RDFS.subClassOf, parent):
            if isinstance(child, URIRef) and child not in found:
                found.add(child)
                frontier.append(child)
    names = {_local(iri): iri for iri in found if str(iri).startswith(str(CRED))}
    return dict(sorted(names.items()))


def _local(iri: URIRef) -> str:
    return str(iri)[len(str(CRED)) :]


@cache
def vocabulary() -> Vocabulary:
    """The kinds and settings declared in the vocabulary."""
    graph = vocabulary_graph()
    settings = {
        setting_slug(_local(s)): s
        for s in graph.subjects(RDF.type, CRED.Setting)
        if isinstance(s, URIRef) and str(s).startswith(str(CRED))
    }
    return Vocabulary(
        actor_kinds=_subclasses(graph, CRED.Actor),
        evidence_kinds=_subclasses(graph, CRED.Evidence),
        settings=dict(sorted(settings.items())),
    )


__all__ = ["CLAIM_KINDS", "STANCES", "Vocabulary", "setting_slug", "vocabulary",
           "vocabulary_graph"]
