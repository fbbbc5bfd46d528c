"""The summary a large graph opens on: its best-corroborated claims, actors grouped.

A graph of more than ``max_nodes`` nodes opens on the claims with the most independent
affirming groups (then the best credibility grade, then IRI), taken while the view stays
within ``max_nodes``: each chosen claim brings its evidence, and the actors that state,
relay or produce them, each drawn as its source group's node. The page holds the full data
and expands a group, a claim's neighbourhood or the whole graph on demand; its script counts
nodes the same way, so a summary never shows more than ``max_nodes``.
"""

from __future__ import annotations

from collections import defaultdict

from kg.analysis import Analysis


def summary_claims(analysis: Analysis, max_nodes: int) -> list[str]:
    """The claims of the summary view, best first.

    Args:
        analysis: the analysis to summarise.
        max_nodes: most nodes the summary may draw (at least one claim is always chosen).

    Example:
        >>> from kg.analysis import analyse
        >>> from kg.store import KnowledgeStore
        >>> from kg.seed import seed_paths
        >>> with KnowledgeStore() as store:
        ...     _ = store.load(seed_paths())
        ...     a = analyse(store)
        >>> [c.rsplit("/", 1)[-1] for c in summary_claims(a, 8)]
        ['nk-troops-in-russia', 'russia-nk-treaty-has-mutual-defence-clause']
    """
    case = analysis.case
    speakers: dict[str, set[str]] = defaultdict(set)
    for statement in case.statements:
        speakers[statement.claim].add(statement.actor)
        speakers[statement.claim].update(r.outlet for r in statement.relays)
    evidence: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, set[str]] = {}
    for item in case.evidence:
        for claim in (*item.supports, *item.disputes):
            evidence[claim].add(item.iri)
        owners[item.iri] = {a for a in (*item.producers, *item.releasers, *item.cited_by)
                            if a in case.actors}

    def node_of(actor: str) -> str:
        group = analysis.groups.of(actor)
        return f"group:{group.id}" if len(group.members) > 1 else actor

    order = sorted(
        analysis.claims.values(),
        key=lambda c: (-c.corroboration.independent_groups, c.credibility.grade, c.claim.iri),
    )
    chosen: list[str] = []
    shown: set[str] = set()
    for assessed in order:
        iri = assessed.claim.iri
        new = {iri} | evidence[iri]
        new |= {node_of(a) for a in speakers[iri] if a in case.actors}
        new |= {node_of(a) for e in evidence[iri] for a in owners[e]}
        added = new - shown
        if chosen and len(shown) + len(added) > max_nodes:
            break
        chosen.append(iri)
        shown |= added
    return chosen


__all__ = ["summary_claims"]
