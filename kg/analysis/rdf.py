"""The analysis as RDF: one named graph of assessments, for SPARQL questions over the results.

Corroboration, groups and grades are computed in Python, not in the store. So that a SPARQL
query can ask "which claims do at least three independent groups affirm?", the results are
written as ``cred:CredibilityAssessment`` and ``cred:ReliabilityAssessment`` nodes (aligned
with schema.org's ``ClaimReview``: each has one ``schema:itemReviewed``) in the named graph
:data:`ANALYSIS_GRAPH`, which is replaced whole after every change to the data. It is derived
data: never edit it by hand, and leave it out of exports meant to be loaded elsewhere.

Example:
    >>> from kg.store import KnowledgeStore
    >>> from kg.seed import seed_paths
    >>> from kg.analysis import analyse
    >>> store = KnowledgeStore()
    >>> _ = store.load(seed_paths())
    >>> written = replace_analysis_graph(store.oxigraph, analyse(store))
    >>> row = next(iter(store.query('''
    ...     SELECT ?n WHERE { GRAPH <https://w3id.org/cred-kg/analysis> {
    ...         ?a schema:itemReviewed ?c ; cred:independentGroupCount ?n } }
    ...     ORDER BY DESC(?n) LIMIT 1''')))
    >>> row["n"].value
    '3'
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.namespaces import ANALYSIS_GRAPH, CRED, RDF, SCHEMA, XSD

if TYPE_CHECKING:
    from kg.analysis import Analysis

_GRAPH = ox.NamedNode(ANALYSIS_GRAPH)
_TYPE = ox.NamedNode(str(RDF.type))
_REVIEWED = ox.NamedNode(str(SCHEMA.itemReviewed))


@cache  # the same dozen predicates, a million times at 10M triples
def _cred(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(CRED[name]))


def _typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD[datatype])))


def decimal_lexical(value: float) -> str:
    """``value`` as an ``xsd:decimal`` that reads back as the same float.

    Belief and trust are written in full, not rounded, so that a SPARQL query on the analysis
    graph gives the number the API and the CLI give (Python's shortest round-trip digits,
    without an exponent, which ``xsd:decimal`` does not allow).

    Example:
        >>> decimal_lexical(0.9996201379818348), decimal_lexical(1e-07), decimal_lexical(1.0)
        ('0.9996201379818348', '0.0000001', '1.0')
    """
    text = format(Decimal(repr(value)), "f")
    return text if "." in text else f"{text}.0"


def _node(kind: str, iri: str) -> ox.NamedNode:
    # A stable IRI per assessed item: the same claim gets the same node after every rewrite.
    digest = hashlib.sha256(iri.encode()).hexdigest()[:20]
    return ox.NamedNode(f"{ANALYSIS_GRAPH}/{kind}/{digest}")


def analysis_quads(analysis: Analysis) -> list[ox.Quad]:
    """The quads of the analysis graph for ``analysis``.

    Per claim: status, independent group count, k, contested, the heads of the affirming,
    denying and hedging groups, credibility grade, STIX confidence and belief. Per actor:
    reliability grade, trust, and the head and name of its source group.
    """
    quads: list[ox.Quad] = []

    def add(subject: ox.NamedNode, predicate: ox.NamedNode,
            obj: ox.NamedNode | ox.Literal | None) -> None:
        if obj is not None:
            quads.append(ox.Quad(subject, predicate, obj, _GRAPH))

    # Read off the bulk numbers: no explanation needs to be built for this.
    for item in analysis.claim_summaries():
        node = _node("credibility", item.iri)
        add(node, _TYPE, _cred("CredibilityAssessment"))
        add(node, _REVIEWED, ox.NamedNode(item.iri))
        add(node, _cred("status"), ox.Literal(item.status))
        add(node, _cred("independentGroupCount"),
            _typed(item.independent_groups, "nonNegativeInteger"))
        add(node, _cred("minGroups"), _typed(analysis.min_groups, "positiveInteger"))
        add(node, _cred("contested"), ox.Literal(bool(item.contested)))
        for prop, sides in (("affirmingGroup", item.affirming), ("denyingGroup", item.denying),
                            ("hedgingGroup", item.hedging)):
            for group in sides:
                add(node, _cred(prop), ox.NamedNode(group))
        add(node, _cred("credibilityGrade"), _typed(item.credibility, "integer"))
        if item.stix_confidence is not None:
            add(node, _cred("stixConfidence"), _typed(item.stix_confidence, "integer"))
        if item.belief is not None:
            add(node, _cred("belief"), _typed(decimal_lexical(item.belief), "decimal"))
    groups = analysis.groups.groups
    labels = {g.id: g.label for g in groups.values()}
    for actor in analysis.actor_summaries():
        node = _node("reliability", actor.iri)
        add(node, _TYPE, _cred("ReliabilityAssessment"))
        add(node, _REVIEWED, ox.NamedNode(actor.iri))
        add(node, _cred("reliabilityGrade"), ox.Literal(actor.reliability))
        if actor.trust is not None:
            add(node, _cred("trust"), _typed(decimal_lexical(actor.trust), "decimal"))
        add(node, _cred("sourceGroup"), ox.NamedNode(actor.group))
        add(node, _cred("sourceGroupLabel"), ox.Literal(labels[actor.group]))
    return quads


def replace_analysis_graph(store: ox.Store, analysis: Analysis) -> int:
    """Make the analysis graph in ``store`` hold exactly ``analysis``; return its size.

    Only the difference is written: after a small change to the data most assessments stay
    as they were, and removing quads is what costs (measured on 1M triples: dropping the
    whole 225,000-quad graph took 10-14 s, adding it back 10 s). Two steps (removals, then
    additions), so callers that serve queries keep readers out in between, as the query
    service does by holding its worker pool.
    """
    new = set(analysis_quads(analysis))
    old = set(store.quads_for_pattern(None, None, None, _GRAPH))
    for quad in old - new:
        store.remove(quad)
    store.extend(new - old)
    return len(new)


__all__ = ["ANALYSIS_GRAPH", "analysis_quads", "decimal_lexical", "replace_analysis_graph"]
