"""The analysis's view of the graph: plain records read from the store, and their networkx form.

The records hold only what the measures need. IRIs are kept as plain strings, so that the
measures do not depend on rdflib or pyoxigraph term classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import networkx as nx

Stance = Literal["affirms", "denies", "hedges"]
STANCES: tuple[Stance, ...] = ("affirms", "denies", "hedges")


@dataclass(frozen=True)
class Actor:
    iri: str
    label: str
    kinds: tuple[str, ...] = ()
    acts_for: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Claim:
    iri: str
    text: str
    kinds: tuple[str, ...] = ()
    refines: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relay:
    """One link of a relay chain; ``position`` 0 is nearest the speaker."""

    outlet: str
    position: int
    cue: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """The article or report a statement comes from (``cred:inDocument``): where it was said.

    ``url`` is the text as stored (``schema:url``), not checked: a renderer links it only when
    its scheme is http or https (:func:`kg.analysis.serialize.web_url`).
    """

    iri: str
    title: str | None = None
    publisher: str | None = None
    #: The publisher's label as its actor record gives it (its IRI's last segment if none).
    publisher_label: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Statement:
    iri: str
    actor: str
    claim: str
    stance: Stance
    date: str | None = None
    quote: str | None = None
    verb: str | None = None
    relays: tuple[Relay, ...] = ()
    document: SourceDocument | None = None


@dataclass(frozen=True)
class Evidence:
    iri: str
    label: str
    kinds: tuple[str, ...]
    prior: float
    producers: tuple[str, ...] = ()
    releasers: tuple[str, ...] = ()
    cited_by: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    disputes: tuple[str, ...] = ()
    date: str | None = None
    #: What the evidence is (dcterms:description, required by the shapes); the label, when
    #: the item has no rdfs:label of its own.
    description: str | None = None


@dataclass(frozen=True)
class Override:
    """An analyst's grouping decision: ``independent`` True splits, False merges."""

    iri: str
    actors: tuple[str, ...]
    independent: bool
    reason: str


@dataclass
class CaseGraph:
    """Everything the measures read, keyed by IRI and sorted, so results never depend on
    the order the data was loaded in."""

    actors: dict[str, Actor] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)

    @cached_property
    def statement_index(self) -> dict[str, Statement]:
        """Statements by IRI."""
        return {s.iri: s for s in self.statements}

    @cached_property
    def evidence_index(self) -> dict[str, Evidence]:
        """Evidence items by IRI."""
        return {e.iri: e for e in self.evidence}

    def to_networkx(self) -> nx.MultiDiGraph:
        """The actor-claim graph: actors, claims and evidence as nodes; stances, affiliation,
        refinement, contradiction and evidence links as edges (``kind`` attribute)."""
        graph = nx.MultiDiGraph()
        for actor in self.actors.values():
            graph.add_node(actor.iri, type="actor", label=actor.label, kinds=actor.kinds)
        for claim in self.claims.values():
            graph.add_node(claim.iri, type="claim", label=claim.text, kinds=claim.kinds)
        for item in self.evidence:
            graph.add_node(item.iri, type="evidence", label=item.label, kinds=item.kinds)
        for actor in self.actors.values():
            if actor.acts_for:
                graph.add_edge(actor.iri, actor.acts_for, kind="acts_for")
        for claim in self.claims.values():
            for broader in claim.refines:
                graph.add_edge(claim.iri, broader, kind="refines")
            for other in claim.contradicts:
                graph.add_edge(claim.iri, other, kind="contradicts")
        for statement in self.statements:
            graph.add_edge(statement.actor, statement.claim, key=statement.iri,
                           kind=statement.stance)
        for item in self.evidence:
            for supported in item.supports:
                graph.add_edge(item.iri, supported, kind="supports")
            for disputed in item.disputes:
                graph.add_edge(item.iri, disputed, kind="disputes")
            for producer in (*item.producers, *item.releasers):
                graph.add_edge(producer, item.iri, kind="produced")
        return graph

    def affiliation_graph(self) -> nx.DiGraph:
        """Actors with an edge from each to the actor it acts on behalf of."""
        graph = nx.DiGraph()
        graph.add_nodes_from(sorted(self.actors))
        graph.add_edges_from(
            (a.iri, a.acts_for) for a in self.actors.values() if a.acts_for
        )
        return graph

    def refinement_graph(self) -> nx.DiGraph:
        """Claims with an edge from each claim to the broader claim it refines."""
        graph = nx.DiGraph()
        graph.add_nodes_from(sorted(self.claims))
        graph.add_edges_from((c.iri, b) for c in self.claims.values() for b in c.refines)
        return graph


__all__ = ["STANCES", "Actor", "CaseGraph", "Claim", "Evidence", "Override", "Relay",
           "SourceDocument", "Stance", "Statement"]
