"""The records the page draws: :class:`ViewData`, and one node record per kind of node.

Shared by the whole view (:mod:`viz.view`) and the summary of a large graph
(:mod:`viz.large`), so that a node looks the same in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.analysis.model import Evidence
from viz import style
from viz.kinds import kind_labels

_LABEL_CHARS = 48


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
            (:func:`kg.analysis.serialize.analysis_to_dict`) and ``evidence``, each by IRI;
            in a large graph's summary, ``briefs`` instead: node id -> its numbers.
        groups: collapsible source groups: id -> label, members, collapsed-node record.
        initial: the state the page opens in (summary, collapsed groups, focus; ``partial``
            and ``note`` for a large graph's summary).
        options: vis-network options.
        stats: counts of the full graph (and, in a summary, ``shown``: what the page holds).
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
            "nodes": self.nodes,
            "edges": self.edges,
            "legend": self.legend,
            "filters": self.filters,
            "details": self.details,
            "groups": self.groups,
            "initial": self.initial,
            "options": self.options,
            "stats": self.stats,
            "edgeStyles": style.edge_styles(),
        }


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "\u2026"


def claim_node(
    iri: str,
    text: str,
    status: str,
    contested: bool,
    groups: int,
    min_groups: int,
    grade: int,
    grade_name: str,
) -> dict[str, Any]:
    """The node record of a claim: a diamond coloured by status, sized by corroboration."""
    look = style.CLAIM_STATUS[status]
    border = style.CONTESTED_BORDER if contested else look.border
    return {
        "id": iri,
        "type": "claim",
        "label": _short(text),
        "title": (
            f"Claim: {text}\nStatus: {status}"
            + (", contested" if contested else "")
            + f"\nIndependent affirming groups: {groups} "
            f"(k={min_groups})\nCredibility: {grade} ({grade_name})"
        ),
        "shape": look.shape,
        "size": style.scaled(style.CLAIM_SIZE, groups),
        "color": {
            "background": look.color,
            "border": border,
            "highlight": {"background": look.color, "border": "#000000"},
        },
        "borderWidth": 4 if contested else 1.5,
        "status": status,
        "contested": contested,
        "corroboration": groups,
        "grade": grade,
    }


def actor_node(
    iri: str,
    label: str,
    kinds: str,
    group_label: str,
    group_id: str,
    grade: str,
    grade_name: str,
    statements: int,
) -> dict[str, Any]:
    """The node record of an actor: a dot coloured by reliability, sized by statements."""
    look = style.RELIABILITY[grade]
    return {
        "id": iri,
        "type": "actor",
        "label": _short(label),
        "title": (
            f"{kinds}: {label}\nSource group: {group_label}"
            f"\nReliability: {grade} ({grade_name})"
            f"\nStatements: {statements}"
        ),
        "shape": look.shape,
        "size": style.scaled(style.ACTOR_SIZE, statements),
        "color": {
            "background": look.color,
            "border": look.border,
            "highlight": {"background": look.color, "border": "#000000"},
        },
        "borderWidth": 1.5,
        "grade": grade,
        "source": group_id,
    }


def evidence_node(e: Evidence) -> dict[str, Any]:
    """The node record of an evidence item: a triangle."""
    look = style.EVIDENCE
    return {
        "id": e.iri,
        "type": "evidence",
        "label": _short(e.label),
        "title": f"Evidence ({', '.join(kind_labels(e.kinds))}): {e.label}"
        + (f"\n{e.description}" if e.description and e.description != e.label else "")
        + (f"\nDate: {e.date}" if e.date else ""),
        "shape": look.shape,
        "size": style.EVIDENCE_SIZE,
        "color": {
            "background": look.color,
            "border": look.border,
            "highlight": {"background": look.color, "border": "#000000"},
        },
        "borderWidth": 1.5,
        "date": e.date,
    }


def group_node(gid: str, label: str, members: int, grade: str) -> dict[str, Any]:
    """The node record of a source group drawn as one node: a hexagon."""
    look = style.RELIABILITY[grade]
    return {
        "id": f"group:{gid}",
        "type": "group",
        "source": gid,
        "label": _short(f"{label} ({members})"),
        "title": f"Source group: {label}\n{members} actors, counted as "
        f"one source\nReliability: {grade}",
        "shape": style.GROUP_SHAPE,
        "size": style.scaled(style.GROUP_SIZE, members),
        "color": {
            "background": look.color,
            "border": style.GROUP.border,
            "highlight": {"background": look.color, "border": "#000000"},
        },
        "borderWidth": 3,
        "grade": grade,
    }


__all__ = ["ViewData", "actor_node", "claim_node", "evidence_node", "group_node"]
