"""The view's data: an :class:`~kg.analysis.Analysis` turned into nodes, edges, a legend,
filter lists and the per-node explanations, built in bulk and in a fixed order.

Nothing here renders or escapes: :mod:`viz.page` embeds this data as JSON, and the page's
script shows every string as text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from kg.analysis import Analysis
from kg.analysis.serialize import analysis_to_dict, short_id
from viz import style
from viz.layout import force_layout
from viz.options import LARGE_GRAPH_EDGES, vis_options
from viz.summary import summary_claims

#: Above this many nodes the view opens on a summary (see :func:`viz.summary.summary_claims`).
DEFAULT_MAX_NODES = 1500
_LABEL_CHARS = 48
#: Attraction in the layout per edge kind: an outlet that relays everything would otherwise
#: pull every claim into one knot around itself.
_PULL = {"relays": 0.1, "produced": 0.5}


@dataclass(frozen=True)
class ViewData:
    """Everything the page draws, as JSON-ready values.

    Attributes:
        nodes: vis-network node records (``id`` is the IRI), plus ``type`` and the fields the
            filters use (``status``, ``corroboration``, ``grade``, ``source``: the source
            group's id; not ``group``, which vis-network reads as a style group).
        edges: vis-network edge records with ``kind`` and, for stances, ``date``.
        legend: one row per shape, colour and edge style (:func:`viz.style.legend`).
        filters: the choices of the filter controls.
        details: the explanations shown on click: ``claims``, ``actors``, ``groups``
            (:func:`kg.analysis.serialize.analysis_to_dict`) and ``evidence``, each by IRI.
        groups: collapsible source groups: id -> label, members, collapsed-node record.
        initial: the state the page opens in (summary, collapsed groups, focus).
        options: vis-network options.
        stats: counts of the full graph.
    """

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[dict[str, Any]]
    filters: dict[str, Any]
    details: dict[str, Any]
    groups: dict[str, Any]
    initial: dict[str, Any]
    options: dict[str, Any]
    stats: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The data as one JSON-ready dict, as the page embeds it."""
        return {
            "nodes": self.nodes, "edges": self.edges, "legend": self.legend,
            "filters": self.filters, "details": self.details, "groups": self.groups,
            "initial": self.initial, "options": self.options, "stats": self.stats,
            "edgeStyles": style.edge_styles(),
        }


def build_view(
    analysis: Analysis,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    focus: str | None = None,
    group_members: bool = False,
    seed: int = 0,
    layout_iterations: int | None = None,
) -> ViewData:
    """The view of a whole analysis.

    Args:
        analysis: the result of :func:`kg.analysis.analyse`.
        max_nodes: above this many nodes the page opens on a summary: the best-corroborated
            claims with actors collapsed into their source groups; 0 never summarises.
        focus: a claim or actor (IRI or id) whose neighbourhood the page opens on.
        group_members: open with every organisation's members collapsed into one node.
        seed: seed of the layout.
        layout_iterations: steps of the layout (default: by size).

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
    nodes = _claim_nodes(analysis) + _actor_nodes(analysis) + _evidence_nodes(analysis)
    edges = _edges(analysis)
    index = {node["id"]: i for i, node in enumerate(nodes)}
    positions = force_layout(
        len(nodes), [(index[e["from"]], index[e["to"]]) for e in edges],
        weights=[_PULL.get(e["kind"], 1.0) for e in edges],
        seed=seed, iterations=layout_iterations, spacing=95.0 if len(nodes) < 300 else 90.0,
    )
    for node, (x, y) in zip(nodes, positions.tolist(), strict=True):
        node["x"], node["y"] = round(x, 1), round(y, 1)
    groups = _groups(analysis, nodes)
    initial: dict[str, Any] = {"collapsed": group_members, "claims": None, "focus": None,
                               "summary": False, "maxNodes": max_nodes,
                               # Relay links are many and drawn last: off on large graphs.
                               "relays": len(edges) < LARGE_GRAPH_EDGES}
    if max_nodes and len(nodes) > max_nodes:
        initial.update(collapsed=True, summary=True,
                       claims=summary_claims(analysis, max_nodes))
    view = ViewData(
        nodes=nodes, edges=edges, legend=style.legend(), filters=_filters(analysis, edges),
        details=_details(analysis), groups=groups, initial=initial,
        options=vis_options(len(nodes), len(edges)),
        stats={"nodes": len(nodes), "edges": len(edges), "claims": len(analysis.claims),
               "actors": len(analysis.actors), "evidence": len(analysis.case.evidence),
               "groups": len(analysis.groups.groups), "min_groups": analysis.min_groups},
    )
    return opening(view, analysis, focus=focus) if focus is not None else view


def opening(view: ViewData, analysis: Analysis, *, focus: str | None = None,
            group_members: bool = False) -> ViewData:
    """The same view opening on another state: a server lays a graph out once per data
    version and opens it on any node without laying it out again.

    Raises:
        KeyError: ``focus`` names no claim or actor.
    """
    initial = dict(view.initial)
    initial["collapsed"] = bool(initial["collapsed"] or group_members)
    initial["focus"] = None if focus is None else _resolve_focus(analysis, focus)
    return replace(view, initial=initial)


def _resolve_focus(analysis: Analysis, ident: str) -> str:
    try:
        return analysis.claim_by_id(ident).claim.iri
    except KeyError as claim_error:
        try:
            return analysis.actor_by_id(ident).actor.iri
        except KeyError as actor_error:
            ambiguous = [str(e.args[0]) for e in (claim_error, actor_error)
                         if "ambiguous" in str(e.args[0])]
            raise KeyError(ambiguous[0] if ambiguous
                           else f"no claim or actor {ident!r}") from None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "\u2026"


def _claim_nodes(analysis: Analysis) -> list[dict[str, Any]]:
    nodes = []
    for iri in sorted(analysis.claims):
        item = analysis.claims[iri]
        c = item.corroboration
        look = style.CLAIM_STATUS[c.status]
        border = style.CONTESTED_BORDER if c.contested else look.border
        nodes.append({
            "id": iri, "type": "claim", "label": _short(item.claim.text),
            "title": (f"Claim: {item.claim.text}\nStatus: {c.status}"
                      + (", contested" if c.contested else "")
                      + f"\nIndependent affirming groups: {c.independent_groups} "
                      f"(k={c.min_groups})\nCredibility: {item.credibility.grade} "
                      f"({item.credibility.name})"),
            "shape": look.shape, "size": style.scaled(style.CLAIM_SIZE, c.independent_groups),
            "color": {"background": look.color, "border": border,
                      "highlight": {"background": look.color, "border": "#000000"}},
            "borderWidth": 4 if c.contested else 1.5,
            "status": c.status, "contested": c.contested,
            "corroboration": c.independent_groups, "grade": item.credibility.grade,
        })
    return nodes


def _actor_nodes(analysis: Analysis) -> list[dict[str, Any]]:
    nodes = []
    for iri in sorted(analysis.actors):
        item = analysis.actors[iri]
        look = style.RELIABILITY[item.reliability.grade]
        kinds = ", ".join(item.actor.kinds) or "Actor"
        nodes.append({
            "id": iri, "type": "actor", "label": _short(item.actor.label),
            "title": (f"{kinds}: {item.actor.label}\nSource group: {item.group.label}"
                      f"\nReliability: {item.reliability.grade} ({item.reliability.name})"
                      f"\nStatements: {len(item.statements)}"),
            "shape": look.shape, "size": style.scaled(style.ACTOR_SIZE, len(item.statements)),
            "color": {"background": look.color, "border": look.border,
                      "highlight": {"background": look.color, "border": "#000000"}},
            "borderWidth": 1.5, "grade": item.reliability.grade, "source": item.group.id,
        })
    return nodes


def _evidence_nodes(analysis: Analysis) -> list[dict[str, Any]]:
    look = style.EVIDENCE
    return [
        {
            "id": e.iri, "type": "evidence", "label": _short(e.label),
            "title": f"Evidence ({', '.join(e.kinds)}): {e.label}"
            + (f"\nDate: {e.date}" if e.date else ""),
            "shape": look.shape, "size": style.EVIDENCE_SIZE,
            "color": {"background": look.color, "border": look.border,
                      "highlight": {"background": look.color, "border": "#000000"}},
            "borderWidth": 1.5, "date": e.date,
        }
        for e in sorted(analysis.case.evidence, key=lambda e: e.iri)
    ]


def _edges(analysis: Analysis) -> list[dict[str, Any]]:
    case = analysis.case
    edges: list[dict[str, Any]] = []

    def add(source: str, target: str, kind: str, **extra: Any) -> None:
        edges.append({"id": f"e{len(edges)}", "from": source, "to": target, "kind": kind,
                      **extra})

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
        claim = case.claims[iri]
        for broader in claim.refines:
            if broader in case.claims:
                add(iri, broader, "refines")
        for other in claim.contradicts:
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
        look = style.RELIABILITY[head.reliability.grade]
        xs = [position[m][0] for m in members]
        ys = [position[m][1] for m in members]
        result[gid] = {
            "label": group.label, "members": members,
            "node": {
                "id": f"group:{gid}", "type": "group", "source": gid,
                "label": _short(f"{group.label} ({len(members)})"),
                "title": f"Source group: {group.label}\n{len(members)} actors, counted as "
                         f"one source\nReliability: {head.reliability.grade}",
                "shape": style.GROUP_SHAPE,
                "size": style.scaled(style.GROUP_SIZE, len(members)),
                "color": {"background": look.color, "border": style.GROUP.border,
                          "highlight": {"background": look.color, "border": "#000000"}},
                "borderWidth": 3, "grade": head.reliability.grade,
                "x": round(sum(xs) / len(xs), 1), "y": round(sum(ys) / len(ys), 1),
            },
        }
    return result


def _filters(analysis: Analysis, edges: list[dict[str, Any]]) -> dict[str, Any]:
    counts: dict[str, int] = defaultdict(int)
    for item in analysis.claims.values():
        counts[item.corroboration.status] += 1
    dates = sorted({e["date"] for e in edges if e.get("date")})
    return {
        "statuses": [{"value": s, "label": s, "count": counts[s]}
                     for s in style.CLAIM_STATUS],
        "groups": sorted(
            ({"value": g.id, "label": g.label, "count": len(g.members)}
             for g in analysis.groups.groups.values()),
            key=lambda g: (g["label"].casefold(), g["value"]),
        ),
        "actors": sorted(
            ({"value": a.actor.iri, "label": a.actor.label, "group": a.group.id}
             for a in analysis.actors.values()),
            key=lambda a: (a["label"].casefold(), a["value"]),
        ),
        "maxCorroboration": max(
            (c.corroboration.independent_groups for c in analysis.claims.values()), default=0),
        "dates": {"min": dates[0][:10] if dates else None,
                  "max": dates[-1][:10] if dates else None},
    }


def _details(analysis: Analysis) -> dict[str, Any]:
    data = analysis_to_dict(analysis)
    labels = {iri: a.label for iri, a in analysis.case.actors.items()}
    weights: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for iri in sorted(analysis.claims):
        item = analysis.claims[iri]
        for w in item.evidence:
            weights[w.evidence].append({
                "claim": iri, "claim_text": item.claim.text, "supports": w.supports,
                "via": w.via, "weight": w.weight, "independent": w.independent,
                "reason": w.reason,
            })
    evidence = {}
    for e in analysis.case.evidence:
        evidence[e.iri] = {
            "id": short_id(e.iri), "iri": e.iri, "label": e.label, "kinds": list(e.kinds),
            "prior": e.prior, "date": e.date,
            "producers": [{"iri": a, "label": labels.get(a, a)} for a in e.producers],
            "releasers": [{"iri": a, "label": labels.get(a, a)} for a in e.releasers],
            "cited_by": [{"iri": a, "label": labels.get(a, a)} for a in e.cited_by],
            "weights": weights.get(e.iri, []),
        }
    return {
        "method": data["method"], "min_groups": data["min_groups"],
        "claims": {c["iri"]: c for c in data["claims"]},
        "actors": {a["iri"]: a for a in data["actors"]},
        "groups": {g["id"]: g for g in data["groups"]},
        "evidence": evidence,
    }


__all__ = ["DEFAULT_MAX_NODES", "ViewData", "build_view", "opening"]
