"""The view's data: an :class:`~kg.analysis.Analysis` turned into nodes, edges, a legend,
filter lists and the per-node explanations, built in bulk and in a fixed order.

Nothing here renders or escapes: :mod:`viz.page` embeds this data as JSON, and the page's
script shows every string as text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from kg.analysis import Analysis
from kg.analysis.serialize import analysis_to_dict, short_id
from viz import large, style
from viz.kinds import kind_labels
from viz.layout import force_layout
from viz.options import LARGE_GRAPH_EDGES, vis_options
from viz.records import ViewData, actor_node, claim_node, evidence_node, group_node
from viz.summary import summary_claims

#: Above this many nodes the view opens on a summary (see :func:`viz.summary.summary_claims`).
DEFAULT_MAX_NODES = 1500
#: Attraction in the layout per edge kind: an outlet that relays everything would otherwise
#: pull every claim into one knot around itself.
_PULL = {"relays": 0.1, "produced": 0.5}


def build_view(
    analysis: Analysis,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    focus: str | None = None,
    group_members: bool = False,
    seed: int = 0,
    layout_iterations: int | None = None,
    summary_above: int | None = None,
) -> ViewData:
    """The view of a whole analysis, or the summary of a large one.

    Three sizes: up to ``max_nodes`` nodes, the page holds and opens on the whole graph;
    up to ``summary_above``, it holds the whole graph and opens on a summary (the
    best-corroborated claims, actors collapsed into their source groups); above, it holds
    only a summary of at most ``max_nodes`` nodes (or more, when the first claim drawn brings
    more: one claim is always drawn), built from the bulk numbers without any explanation
    (:mod:`viz.large`).

    Args:
        analysis: the result of :func:`kg.analysis.analyse`.
        max_nodes: above this many nodes the page opens on a summary: the best-corroborated
            claims with actors collapsed into their source groups; 0 never summarises a
            graph that the page holds whole. Also the most nodes of a large graph's summary
            (0: :data:`DEFAULT_MAX_NODES`).
        focus: a claim or actor (IRI or id) whose neighbourhood the page opens on.
        group_members: open with every organisation's members collapsed into one node.
        seed: seed of the layout.
        layout_iterations: steps of the layout (default: by size).
        summary_above: above this many nodes the page holds a summary only (default
            :data:`viz.large.SUMMARY_ABOVE`; 0: always the whole graph).

    Raises:
        KeyError: ``focus`` names no claim or actor.

    Example:
        >>> from kg.analysis import analyse
        >>> from kg.store import KnowledgeStore
        >>> from kg.seed import seed_paths
        >>> with KnowledgeStore() as store:
        ...     _ = store.load(seed_paths())
        ...     view = build_view(analyse(store))
        >>> sorted({n["type"] for n in view.nodes})
        ['actor', 'claim', 'evidence']
    """
    above = large.SUMMARY_ABOVE if summary_above is None else summary_above
    if above and large.graph_size(analysis) > above:
        return large.summary_view(
            analysis,
            max_nodes=max_nodes or DEFAULT_MAX_NODES,
            summary_above=above,
            focus=None if focus is None else _resolve_focus(analysis, focus),
            seed=seed,
            layout_iterations=layout_iterations,
        )
    nodes = _claim_nodes(analysis) + _actor_nodes(analysis) + _evidence_nodes(analysis)
    edges = _edges(analysis)
    index = {node["id"]: i for i, node in enumerate(nodes)}
    positions = force_layout(
        len(nodes),
        [(index[e["from"]], index[e["to"]]) for e in edges],
        weights=[_PULL.get(e["kind"], 1.0) for e in edges],
        seed=seed,
        iterations=layout_iterations,
        spacing=95.0 if len(nodes) < 300 else 90.0,
    )
    for node, (x, y) in zip(nodes, positions.tolist(), strict=True):
        node["x"], node["y"] = round(x, 1), round(y, 1)
    groups = _groups(analysis, nodes)
    initial: dict[str, Any] = {
        "collapsed": group_members,
        "claims": None,
        "focus": None,
        "summary": False,
        "maxNodes": max_nodes,
        # Relay links are many and drawn last: off on large graphs.
        "relays": len(edges) < LARGE_GRAPH_EDGES,
    }
    if max_nodes and len(nodes) > max_nodes:
        initial.update(collapsed=True, summary=True, claims=summary_claims(analysis, max_nodes))
    view = ViewData(
        nodes=nodes,
        edges=edges,
        legend=style.legend(analysis.min_groups),
        filters=_filters(analysis, edges),
        details=_details(analysis),
        groups=groups,
        initial=initial,
        options=vis_options(len(nodes), len(edges)),
        stats={
            "nodes": len(nodes),
            "edges": len(edges),
            "claims": len(analysis.claims),
            "actors": len(analysis.actors),
            "evidence": len(analysis.case.evidence),
            "groups": len(analysis.groups.groups),
            "min_groups": analysis.min_groups,
        },
    )
    return opening(view, analysis, focus=focus) if focus is not None else view


def opening(
    view: ViewData, analysis: Analysis, *, focus: str | None = None, group_members: bool = False
) -> ViewData:
    """The same view opening on another state: a server lays a graph out once per data
    version and opens it on any node without laying it out again. A large graph's summary
    is built again around the focus, which it may not hold (a second or so: no explanation).

    Raises:
        KeyError: ``focus`` names no claim or actor.
    """
    initial = dict(view.initial)
    if initial.get("partial") and focus is not None:
        return large.summary_view(
            analysis,
            max_nodes=initial["maxNodes"],
            summary_above=initial["summaryAbove"],
            focus=_resolve_focus(analysis, focus),
        )
    initial["collapsed"] = bool(initial["collapsed"] or group_members)
    initial["focus"] = None if focus is None else _resolve_focus(analysis, focus)
    return replace(view, initial=initial)


def _resolve_focus(analysis: Analysis, ident: str) -> str:
    try:
        return analysis.claim_iri(ident)
    except KeyError as claim_error:
        try:
            return analysis.actor_iri(ident)
        except KeyError as actor_error:
            ambiguous = [
                str(e.args[0]) for e in (claim_error, actor_error) if "ambiguous" in str(e.args[0])
            ]
            raise KeyError(ambiguous[0] if ambiguous else f"no claim or actor {ident!r}") from None


def _claim_nodes(analysis: Analysis) -> list[dict[str, Any]]:
    nodes = []
    # items(): every explanation in one pass over the whole graph, which the page needs
    # anyway; one claim at a time would read each claim's neighbourhood from the store.
    for iri, item in sorted(analysis.claims.items()):
        c = item.corroboration
        nodes.append(
            claim_node(
                iri,
                item.claim.text,
                c.status,
                c.contested,
                c.independent_groups,
                c.min_groups,
                item.credibility.grade,
                item.credibility.name,
            )
        )
    return nodes


def _actor_nodes(analysis: Analysis) -> list[dict[str, Any]]:
    nodes = []
    for iri, item in sorted(analysis.actors.items()):
        nodes.append(
            actor_node(
                iri,
                item.actor.label,
                ", ".join(kind_labels(item.actor.kinds)) or "Actor",
                item.group.label,
                item.group.id,
                item.reliability.grade,
                item.reliability.name,
                len(item.statements),
            )
        )
    return nodes


def _evidence_nodes(analysis: Analysis) -> list[dict[str, Any]]:
    return [evidence_node(e) for e in sorted(analysis.case.evidence, key=lambda e: e.iri)]


def _edges(analysis: Analysis) -> list[dict[str, Any]]:
    case = analysis.case
    edges: list[dict[str, Any]] = []

    def add(source: str, target: str, kind: str, **extra: Any) -> None:
        edges.append({"id": f"e{len(edges)}", "from": source, "to": target, "kind": kind, **extra})

    for s in sorted(case.statements, key=lambda s: s.iri):
        add(s.actor, s.claim, s.stance, date=s.date, statement=s.iri)
    relays = sorted({(r.outlet, s.claim) for s in case.statements for r in s.relays})
    for outlet, claim in relays:
        add(outlet, claim, "relays")
    for iri in sorted(case.actors):
        parent = case.actors[iri].acts_for
        if parent and parent in case.actors:
            add(iri, parent, "acts_for")
    for iri in sorted(case.claims):
        for broader in case.claims[iri].refines:
            if broader in case.claims:
                add(iri, broader, "refines")
        for other in case.claims[iri].contradicts:
            if other in case.claims:
                add(iri, other, "contradicts")
    for e in sorted(case.evidence, key=lambda e: e.iri):
        for claim in e.supports:
            add(e.iri, claim, "supports", date=e.date)
        for claim in e.disputes:
            add(e.iri, claim, "disputes", date=e.date)
        for actor in dict.fromkeys((*e.producers, *e.releasers, *e.cited_by)):
            if actor in case.actors:
                add(actor, e.iri, "produced")
    return edges


def _groups(analysis: Analysis, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """Source groups of two or more actors, which the page can collapse into one node."""
    position = {n["id"]: (n["x"], n["y"]) for n in nodes}
    result = {}
    for gid in sorted(analysis.groups.groups):
        group = analysis.groups.groups[gid]
        members = sorted(group.actor_iris)
        if len(members) < 2:
            continue
        head = analysis.actors.get(gid) or analysis.actors[members[0]]
        xs = [position[m][0] for m in members]
        ys = [position[m][1] for m in members]
        node = group_node(gid, group.label, len(members), head.reliability.grade)
        node.update(x=round(sum(xs) / len(xs), 1), y=round(sum(ys) / len(ys), 1))
        result[gid] = {"label": group.label, "members": members, "node": node}
    return result


def _filters(analysis: Analysis, edges: list[dict[str, Any]]) -> dict[str, Any]:
    counts: dict[str, int] = defaultdict(int)
    for item in analysis.claims.values():
        counts[item.corroboration.status] += 1
    dates = sorted({e["date"] for e in edges if e.get("date")})
    return {
        "statuses": [{"value": s, "label": s, "count": counts[s]}
                     for s in style.claim_statuses(analysis.min_groups)],
        "groups": sorted(
            (
                {"value": g.id, "label": g.label, "count": len(g.members)}
                for g in analysis.groups.groups.values()
            ),
            key=lambda g: (g["label"].casefold(), g["value"]),
        ),
        "actors": sorted(
            (
                {"value": a.actor.iri, "label": a.actor.label, "group": a.group.id}
                for a in analysis.actors.values()
            ),
            key=lambda a: (a["label"].casefold(), a["value"]),
        ),
        "maxCorroboration": max(
            (c.corroboration.independent_groups for c in analysis.claims.values()), default=0
        ),
        "dates": {
            "min": dates[0][:10] if dates else None,
            "max": dates[-1][:10] if dates else None,
        },
    }


def _details(analysis: Analysis) -> dict[str, Any]:
    data = analysis_to_dict(analysis)
    labels = {iri: a.label for iri, a in analysis.case.actors.items()}
    weights: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for iri in sorted(analysis.claims):
        item = analysis.claims[iri]
        for w in item.evidence:
            weights[w.evidence].append(
                {
                    "claim": iri,
                    "claim_text": item.claim.text,
                    "supports": w.supports,
                    "via": w.via,
                    "weight": w.weight,
                    "independent": w.independent,
                    "groups": list(w.groups),
                    "reason": w.reason,
                }
            )
    evidence = {}
    for e in analysis.case.evidence:
        evidence[e.iri] = {
            "id": short_id(e.iri),
            "iri": e.iri,
            "label": e.label,
            "description": e.description,
            "kinds": kind_labels(e.kinds),
            "prior": e.prior,
            "date": e.date,
            "producers": [{"iri": a, "label": labels.get(a, a)} for a in e.producers],
            "releasers": [{"iri": a, "label": labels.get(a, a)} for a in e.releasers],
            "cited_by": [{"iri": a, "label": labels.get(a, a)} for a in e.cited_by],
            "weights": weights.get(e.iri, []),
        }
    # The panel shows kinds by name ("Factual claim"), not as class names.
    for c in data["claims"]:
        c["kinds"] = kind_labels(c["kinds"])
        for w in c["evidence"]:
            w["kinds"] = kind_labels(w["kinds"])
    for a in data["actors"]:
        a["kinds"] = kind_labels(a["kinds"])
    return {
        "method": data["method"],
        "min_groups": data["min_groups"],
        "claims": {c["iri"]: c for c in data["claims"]},
        "actors": {a["iri"]: a for a in data["actors"]},
        "groups": {g["id"]: g for g in data["groups"]},
        "evidence": evidence,
    }


__all__ = ["DEFAULT_MAX_NODES", "ViewData", "build_view", "opening"]
