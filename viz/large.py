"""The view of a large graph: a summary built from the bulk numbers, not the whole graph.

Above :data:`SUMMARY_ABOVE` nodes (claims, actors and evidence items), the page holds only a
summary, built from the numbers :func:`kg.analysis.analyse` computed for every claim at once:

- **claims**: the focus, if one was asked for (a claim and the claims that refine it, at any
  depth; for an actor, its claims with the most independent affirming groups); then the
  :data:`TOP_CLAIMS` claims with the most independent affirming groups (then the best
  credibility grade, then IRI), two at a time, each pair
  followed by one of the :data:`CONTESTED_CLAIMS` contested claims with the most contesting
  groups (then the most affirming groups, then IRI), which the first list leaves to the
  second. A claim that would take the page over ``max_nodes`` is left out.
- **sources**: each claim's independent groups as the analysis counts them (implied stances
  included), at most :data:`SOURCES_PER_CLAIM` of them (for the focus claim, half of
  ``max_nodes`` when that is more), taken in turn from the affirming, denying and hedging
  groups, larger groups first. A group of one actor is drawn as that actor; a larger group
  as one hexagon, with the group's stances as edges.
- **evidence**: at most :data:`EVIDENCE_PER_CLAIM` items per claim, highest prior first, and
  who produced them when that source is drawn.

No explanation is built (the reference implementation, :mod:`kg.analysis.explain`, costs up to
seconds per busy claim at a million triples): the side panel shows a brief of each node drawn,
numbers and records read for those nodes only, and says where the full explanation is
(``/claims/ID`` on the server, ``kg explain ID`` offline) and how to open a node's
neighbourhood (``/graph?focus=ID``, ``kg viz --focus ID``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kg.analysis import STATUSES, Analysis
from kg.analysis.credibility import CREDIBILITY_NAMES
from kg.analysis.reliability import RELIABILITY_NAMES
from viz import style
from viz.kinds import kind_labels
from viz.large_briefs import NAMED_PER_SIDE, _briefs
from viz.layout import force_layout
from viz.options import vis_options
from viz.records import ViewData, actor_node, claim_node, evidence_node, group_node

#: Above this many nodes (claims + actors + evidence items) the page holds a summary only.
SUMMARY_ABOVE = 5000
#: Claims with the most independent affirming groups in a summary.
TOP_CLAIMS = 40
#: Contested claims (the most contesting groups) added to them.
CONTESTED_CLAIMS = 20
#: Source groups drawn per claim (the focus claim: as many as fit).
SOURCES_PER_CLAIM = 10
#: Evidence items drawn per claim.
EVIDENCE_PER_CLAIM = 5
#: Members named in a group's brief.
MEMBERS_LISTED = 8
_PULL = {"produced": 0.5}


def graph_size(analysis: Analysis) -> int:
    """Nodes of the whole graph: claims, actors and evidence items, from the columns."""
    cols = analysis.columns
    return cols.n_claims + cols.n_actors + len(cols.evidence)


@dataclass
class _Pick:
    """What the summary draws, by integer id (columns order), in the order chosen."""

    claims: list[int]
    sources: dict[int, dict[int, list[str]]]  # claim -> group id -> stances
    evidence: dict[int, list[int]]  # claim -> evidence ids
    focus_actor: int | None = None


class _Index:
    """Per-claim lookups on the columns and numbers, built once per summary."""

    def __init__(self, analysis: Analysis) -> None:
        n, cols = analysis.numbers, analysis.columns
        self.numbers, self.cols = n, cols
        self.affirming = n.independent_groups
        self.contesting = n.contested_count
        self.size = n.partition.members.counts()
        links = np.concatenate([cols.evidence_supports, cols.evidence_disputes])
        # By claim, then highest prior, then evidence IRI.
        order = np.lexsort((links[:, 0], -cols.evidence_prior[links[:, 0]], links[:, 1]))
        self.links = links[order]
        self.link_ptr = np.searchsorted(self.links[:, 1], np.arange(cols.n_claims + 1))

    def ranked(self) -> list[int]:
        """Claims by independent affirming groups, then best grade, then IRI."""
        n = self.cols.n_claims
        return np.lexsort((np.arange(n), self.numbers.grade, -self.affirming)).tolist()

    def contested(self) -> list[int]:
        ids = np.flatnonzero(self.contesting > 0)
        order = np.lexsort((ids, -self.affirming[ids], -self.contesting[ids]))
        return ids[order].tolist()

    def sources(self, claim: int, limit: int) -> dict[int, list[str]]:
        """Up to ``limit`` groups with a stance on ``claim`` and their stances on it: taken
        in turn from the affirming, denying and hedging groups, larger groups first, so that
        a claim that thousands affirm still shows who denies it."""
        n = self.numbers
        sides = [
            (stance, groups[np.lexsort((groups, -self.size[groups]))].tolist())
            for stance, groups in (
                ("affirms", n.affirm_groups.of(claim)),
                ("denies", n.deny_groups.of(claim)),
                ("hedges", n.hedge_groups.of(claim)),
            )
        ]
        chosen: dict[int, list[str]] = {}
        for rank in range(max((len(groups) for _, groups in sides), default=0)):
            if len(chosen) >= limit:
                break
            for _, groups in sides:
                if rank < len(groups) and len(chosen) < limit:
                    chosen.setdefault(groups[rank], [])
        for stance, groups in sides:
            for g in set(groups) & chosen.keys():
                chosen[g].append(stance)
        return chosen

    def evidence(self, claim: int, limit: int) -> list[int]:
        rows = self.links[self.link_ptr[claim] : self.link_ptr[claim + 1], 0]
        return list(dict.fromkeys(rows.tolist()))[:limit]


def _narrower(refines: np.ndarray, claim: int) -> list[int]:
    """The claims that refine ``claim``, at any depth, nearest first (``refines``: the
    ``(narrow, broad)`` pairs of :class:`kg.analysis.columns.CaseColumns`)."""
    pairs = np.asarray(refines, dtype=np.int64).reshape(-1, 2)
    found: dict[int, None] = {}
    level = {claim}
    while level:
        below = pairs[np.isin(pairs[:, 1], list(level)), 0].tolist()
        level = {c for c in sorted(below) if c != claim and c not in found}
        found.update(dict.fromkeys(sorted(level)))
    return list(found)


def _pick(analysis: Analysis, index: _Index, max_nodes: int, focus: str | None) -> _Pick:
    cols = analysis.columns
    budget = max(1, max_nodes)
    pick = _Pick(claims=[], sources={}, evidence={})
    drawn: set[tuple[str, int]] = set()

    def take(claim: int, sources: int) -> None:
        if claim in pick.sources:
            return
        chosen = index.sources(claim, sources)
        evidence = index.evidence(claim, EVIDENCE_PER_CLAIM)
        new = ({("c", claim)} | {("g", g) for g in chosen} | {("e", e) for e in evidence}) - drawn
        if pick.claims and len(drawn) + len(new) > budget:
            return
        pick.claims.append(claim)
        pick.sources[claim], pick.evidence[claim] = chosen, evidence
        drawn.update(new)

    candidates: list[int] = []
    if focus is not None and focus in cols.claim_index:
        take(cols.claim_index[focus], max(SOURCES_PER_CLAIM, budget // 2))
        # Support for a narrower claim is support for this one: its neighbourhood holds them.
        candidates.extend(_narrower(cols.refines, cols.claim_index[focus]))
    elif focus is not None:
        actor = cols.actor_index[focus]
        pick.focus_actor = actor
        drawn.add(("a", actor))
        own = np.unique(cols.stmt_claim[cols.stmt_actor == actor])
        order = np.lexsort((own, index.numbers.grade[own], -index.affirming[own]))
        candidates.extend(own[order][:TOP_CLAIMS].tolist())
    contested = index.contested()[:CONTESTED_CLAIMS]
    chosen = set(contested)
    top = [c for c in index.ranked()[: TOP_CLAIMS + len(contested)] if c not in chosen]
    top = top[:TOP_CLAIMS]
    # Two of the best, then one of the most contested: both kinds get a share of the budget.
    for start in range(0, max(len(top), 2 * len(contested)), 2):
        candidates.extend(top[start : start + 2])
        candidates.extend(contested[start // 2 : start // 2 + 1])
    for claim in candidates:
        take(claim, SOURCES_PER_CLAIM)
    return pick


def summary_view(
    analysis: Analysis,
    *,
    max_nodes: int,
    summary_above: int,
    focus: str | None = None,
    seed: int = 0,
    layout_iterations: int | None = None,
) -> ViewData:
    """The summary page's data (see the module docstring).

    Args:
        analysis: the result of :func:`kg.analysis.analyse`.
        max_nodes: most nodes the page holds (at least one claim is always drawn).
        summary_above: the threshold that sent this graph here (shown on the page).
        focus: a claim or actor IRI whose neighbourhood is drawn first and opened on.
        seed: seed of the layout.
        layout_iterations: steps of the layout (default: by size).
    """
    cols = analysis.columns
    index = _Index(analysis)
    pick = _pick(analysis, index, max_nodes, focus)
    group_iri = cols.actors  # a group's id is its representative actor's IRI
    groups = sorted({g for chosen in pick.sources.values() for g in chosen})
    claim_iris = [cols.claims[c] for c in pick.claims]
    evidence_ids = sorted({e for items in pick.evidence.values() for e in items})
    evidence = analysis.details.evidence(cols.evidence[e] for e in evidence_ids)
    singles = [g for g in groups if index.size[g] == 1]
    listed = {
        g: index.numbers.partition.members.of(g)[:MEMBERS_LISTED].tolist()
        for g in groups
        if index.size[g] > 1
    }
    actor_ids = {*groups, *(m for ms in listed.values() for m in ms)}
    if pick.focus_actor is not None:
        actor_ids.add(pick.focus_actor)
    people = {a for e in evidence.values() for a in (*e.producers, *e.releasers, *e.cited_by)}
    actors = analysis.details.actors({*(group_iri[a] for a in actor_ids), *people})
    texts = analysis.details.claims(claim_iris)
    labels = {g: _group_label(analysis, index, g, actors) for g in groups}
    claim_numbers = {s.iri: s for s in analysis.claim_summaries(claim_iris)}
    shown_actors = sorted({*singles, *([pick.focus_actor] if pick.focus_actor is not None else [])})
    actor_numbers = {
        s.iri: s
        for s in analysis.actor_summaries(sorted({group_iri[a] for a in (*groups, *shown_actors)}))
    }
    node_of = {g: group_iri[g] if index.size[g] == 1 else f"group:{group_iri[g]}" for g in groups}

    nodes: list[dict[str, Any]] = []
    for c in sorted(pick.claims):
        iri, s = cols.claims[c], claim_numbers[cols.claims[c]]
        nodes.append(
            claim_node(
                iri,
                texts[iri].text,
                s.status,
                s.contested,
                s.independent_groups,
                analysis.min_groups,
                s.credibility,
                CREDIBILITY_NAMES[s.credibility],
            )
        )
    for a in shown_actors:
        iri = group_iri[a]
        record, numbers = actors[iri], actor_numbers[iri]
        g = int(index.numbers.partition.group[a])
        nodes.append(
            actor_node(
                iri,
                record.label,
                ", ".join(kind_labels(record.kinds)) or "Actor",
                labels.get(g) or _group_label(analysis, index, g, actors),
                group_iri[g],
                numbers.reliability,
                RELIABILITY_NAMES[numbers.reliability],
                numbers.statements,
            )
        )
    for g in groups:
        if index.size[g] > 1:
            reliability = actor_numbers[group_iri[g]].reliability
            nodes.append(group_node(group_iri[g], labels[g], int(index.size[g]), reliability))
    nodes.extend(evidence_node(evidence[cols.evidence[e]]) for e in evidence_ids)
    edges = _edges(analysis, index, pick, node_of, evidence)
    _place(nodes, edges, seed, layout_iterations)

    counts = {
        "nodes": graph_size(analysis),
        "claims": cols.n_claims,
        "actors": cols.n_actors,
        "evidence": len(cols.evidence),
        "groups": len(analysis.groups.groups),
        "statements": cols.n_statements,
        "min_groups": analysis.min_groups,
    }
    focus_label = None
    if focus is not None:
        focus_label = (
            texts[focus].text
            if focus in texts
            else actors[focus].label
            if focus in actors
            else focus
        )
    initial: dict[str, Any] = {
        "collapsed": False,
        "claims": None,
        "focus": focus,
        "summary": True,
        "partial": True,
        "maxNodes": max_nodes,
        "summaryAbove": summary_above,
        "relays": False,
        "note": _note(counts, len(pick.claims), summary_above, focus_label),
    }
    briefs = _briefs(
        analysis,
        index,
        pick,
        node_of,
        labels,
        actors,
        texts,
        evidence,
        claim_numbers,
        actor_numbers,
        shown_actors,
        listed,
        groups,
    )
    return ViewData(
        nodes=nodes,
        edges=edges,
        legend=style.legend(analysis.min_groups),
        filters=_filters(nodes, labels, node_of, groups, index),
        details={
            "method": analysis.trust.method,
            "min_groups": analysis.min_groups,
            "claims": {},
            "actors": {},
            "groups": {},
            "evidence": {},
            "briefs": briefs,
        },
        groups={},
        initial=initial,
        options=vis_options(len(nodes), len(edges)),
        stats={**counts, "shown": {"nodes": len(nodes), "claims": len(pick.claims)}},
    )


def _group_label(analysis: Analysis, index: _Index, g: int, actors: dict[str, Any]) -> str:
    """A group's label: its head's, or the reference's record for groups that a dependence
    declaration merged (rare: few overrides)."""
    partition = index.numbers.partition
    members = partition.members.of(g)
    heads = np.unique(partition.head[members])
    iri = analysis.columns.actors[g]
    if len(heads) == 1 and iri in actors:
        return str(actors[iri].label)
    return analysis.groups.groups[iri].label


def _edges(
    analysis: Analysis,
    index: _Index,
    pick: _Pick,
    node_of: dict[int, str],
    evidence: dict[str, Any],
) -> list[dict[str, Any]]:
    cols = analysis.columns
    edges: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()

    def add(source: str, target: str, kind: str, **extra: Any) -> None:
        if (source, target, kind) not in seen:  # a focus actor may also be its own group
            seen.add((source, target, kind))
            edges.append(
                {"id": f"e{len(edges)}", "from": source, "to": target, "kind": kind, **extra}
            )

    claims = sorted(pick.claims)
    shown = set(claims)
    for c in claims:
        for g, stances in sorted(pick.sources[c].items()):
            for stance in stances:
                add(node_of[g], cols.claims[c], stance, group=True)
    if pick.focus_actor is not None:
        focus = pick.focus_actor
        rows = np.flatnonzero(cols.stmt_actor == focus)
        own = sorted({(int(cols.stmt_claim[r]), int(cols.stmt_stance[r])) for r in rows.tolist()})
        names = ("affirms", "denies", "hedges")
        for c, stance_id in own:
            if c in shown:
                add(cols.actors[focus], cols.claims[c], names[stance_id])
    pairs = [(int(x), int(y), "refines") for x, y in cols.refines.tolist()]
    pairs += [(int(x), int(y), "contradicts") for x, y in cols.contradicts.tolist() if x < y]
    for x, y, kind in sorted(pairs):
        if x in shown and y in shown:
            add(cols.claims[x], cols.claims[y], kind)
    by_iri = {node_of[g].removeprefix("group:"): node_of[g] for g in node_of}
    group_of = index.numbers.partition.group
    for c in claims:
        for e in pick.evidence[c]:
            iri = cols.evidence[e]
            item = evidence[iri]
            kind = "supports" if cols.claims[c] in item.supports else "disputes"
            add(iri, cols.claims[c], kind, date=item.date)
    for iri in sorted({cols.evidence[e] for items in pick.evidence.values() for e in items}):
        item = evidence[iri]
        owners = set()
        for actor in dict.fromkeys((*item.producers, *item.releasers, *item.cited_by)):
            a = cols.actor_index.get(actor)
            node = None if a is None else by_iri.get(cols.actors[int(group_of[a])])
            if a is not None and pick.focus_actor == a:
                node = actor
            if node is not None and node not in owners:
                owners.add(node)
                add(node, iri, "produced")
    return edges


def _place(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], seed: int, iterations: int | None
) -> None:
    where = {node["id"]: i for i, node in enumerate(nodes)}
    positions = force_layout(
        len(nodes),
        [(where[e["from"]], where[e["to"]]) for e in edges],
        weights=[_PULL.get(e["kind"], 1.0) for e in edges],
        seed=seed,
        iterations=iterations,
        spacing=95.0 if len(nodes) < 300 else 90.0,
    )
    for node, (x, y) in zip(nodes, positions.tolist(), strict=True):
        node["x"], node["y"] = round(x, 1), round(y, 1)


def _note(counts: dict[str, int], claims: int, above: int, focus: str | None) -> str:
    lead = f"the neighbourhood of \u201c{focus}\u201d, then " if focus else ""
    return (
        # No node count: the header counts the nodes drawn, which a focus or a filter changes.
        f"Summary of a large graph: {claims:,} of {counts['claims']:,} claims. "
        f"It shows {lead}the claims with the most "
        f"independent affirming groups and the most contested ones, each with up to "
        f"{SOURCES_PER_CLAIM} of its source groups and {EVIDENCE_PER_CLAIM} evidence items. "
        f"Graphs of more than {above:,} nodes open on a summary; click a node for its numbers, "
        "and its panel for its whole neighbourhood (/graph?focus=ID on the server, "
        "kg viz --focus ID offline) or its full explanation."
    )


def _filters(
    nodes: list[dict[str, Any]],
    labels: dict[int, str],
    node_of: dict[int, str],
    groups: Sequence[int],
    index: _Index,
) -> dict[str, Any]:
    claims = [n for n in nodes if n["type"] == "claim"]
    counts: dict[str, int] = {s: sum(1 for n in claims if n["status"] == s) for s in STATUSES}
    return {
        "statuses": [
            {"value": s, "label": s, "count": counts.get(s, 0)}
            for s in style.claim_statuses(index.numbers.min_groups)
        ],
        "groups": sorted(
            (
                {
                    "value": node_of[g].removeprefix("group:"),
                    "label": labels[g],
                    "count": int(index.size[g]),
                }
                for g in groups
            ),
            key=lambda g: (g["label"].casefold(), g["value"]),
        ),
        "actors": [],
        "maxCorroboration": max((n["corroboration"] for n in claims), default=0),
        "dates": {"min": None, "max": None},
    }


__all__ = [
    "CONTESTED_CLAIMS",
    "EVIDENCE_PER_CLAIM",
    "MEMBERS_LISTED",
    "NAMED_PER_SIDE",
    "SOURCES_PER_CLAIM",
    "SUMMARY_ABOVE",
    "TOP_CLAIMS",
    "graph_size",
    "summary_view",
]
