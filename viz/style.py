"""The visual vocabulary of the graph view: one fixed table of shapes, colours and edge styles.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies), plus a blue ramp for the reliability grades. Everything here is constant, so
the same data always draws the same way, and the legend is generated from these tables and
so cannot drift from the drawing.

Example:
    >>> CLAIM_STATUS["corroborated"].color
    '#009E73'
    >>> [row["label"] for row in legend() if row["section"] == "Stances"]
    ['affirms', 'denies', 'hedges']
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node is drawn: a vis-network shape, its fill and its border."""

    label: str
    shape: str
    color: str
    border: str
    description: str


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of edge is drawn: colour, dash pattern (empty: solid), arrow head."""

    label: str
    color: str
    dashes: tuple[int, ...]
    arrow: str  # a vis-network arrow type, or "" for none
    width: float
    description: str


CLAIM_SHAPE = "diamond"
ACTOR_SHAPE = "dot"
EVIDENCE_SHAPE = "triangle"
GROUP_SHAPE = "hexagon"

CLAIM_STATUS: dict[str, NodeStyle] = {
    "corroborated": NodeStyle("corroborated", CLAIM_SHAPE, "#009E73", "#00664A",
                              "Claim affirmed by at least k independent source groups."),
    "partly-corroborated": NodeStyle("partly-corroborated", CLAIM_SHAPE, "#7FD1B9", "#2E8B6E",
                                     "Claim affirmed by more than one independent source "
                                     "group, but fewer than k (only when k > 2)."),
    "single-source": NodeStyle("single-source", CLAIM_SHAPE, "#E69F00", "#9A6A00",
                               "Claim affirmed by one independent source group."),
    "unsupported": NodeStyle("unsupported", CLAIM_SHAPE, "#BDBDBD", "#757575",
                             "Claim that no source group affirms (only denied or hedged)."),
}
#: Border of a claim that a non-affirming group denies.
CONTESTED_BORDER = "#D55E00"

RELIABILITY: dict[str, NodeStyle] = {
    "A": NodeStyle("A completely reliable", ACTOR_SHAPE, "#08306B", "#041A3D",
                   "Source reliability A."),
    "B": NodeStyle("B usually reliable", ACTOR_SHAPE, "#2171B5", "#134673",
                   "Source reliability B."),
    "C": NodeStyle("C fairly reliable", ACTOR_SHAPE, "#6BAED6", "#3B7FA8",
                   "Source reliability C."),
    "D": NodeStyle("D not usually reliable", ACTOR_SHAPE, "#CC79A7", "#8E4A70",
                   "Source reliability D."),
    "E": NodeStyle("E unreliable", ACTOR_SHAPE, "#7B2D5B", "#4D1A38",
                   "Source reliability E."),
    "F": NodeStyle("F cannot be judged", ACTOR_SHAPE, "#FFFFFF", "#616161",
                   "Source reliability F: too few assessed claims to judge."),
}

EVIDENCE = NodeStyle("evidence", EVIDENCE_SHAPE, "#F0E442", "#8C8200",
                     "Evidence: a photograph, document, satellite image, ...")
GROUP = NodeStyle("source group (collapsed)", GROUP_SHAPE, "#56B4E9", "#1F6F9C",
                  "The members of one independent source group, drawn as one node.")

EDGES: dict[str, EdgeStyle] = {
    "affirms": EdgeStyle("affirms", "#009E73", (), "arrow", 2.0, "Actor affirms the claim."),
    "denies": EdgeStyle("denies", "#D55E00", (), "bar", 2.0, "Actor denies the claim."),
    "hedges": EdgeStyle("hedges", "#0072B2", (8, 6), "arrow", 1.5,
                        "Actor hedges: neither affirms nor denies."),
    "relays": EdgeStyle("relays", "#9E9E9E", (2, 4), "arrow", 1.0,
                        "Outlet relays statements about the claim."),
    "acts_for": EdgeStyle("acts for", "#616161", (3, 3), "arrow", 1.0,
                          "Actor acts on behalf of another (same source group)."),
    "supports": EdgeStyle("evidence supports", "#8C8200", (), "arrow", 1.5,
                          "Evidence supports the claim."),
    "disputes": EdgeStyle("evidence disputes", "#D55E00", (4, 4), "bar", 1.5,
                          "Evidence disputes the claim."),
    "produced": EdgeStyle("produced / released", "#B0A040", (2, 3), "arrow", 1.0,
                          "Actor produced, released or cited the evidence."),
    "refines": EdgeStyle("refines", "#CC79A7", (6, 3), "arrow", 1.0,
                         "Claim is a narrower case of the broader claim."),
    "contradicts": EdgeStyle("contradicts", "#D55E00", (1, 3), "", 1.5,
                             "The two claims cannot both be true."),
}
STANCE_EDGES = ("affirms", "denies", "hedges")

#: Claim size: base + per independent affirming group, capped.
CLAIM_SIZE = (14, 6, 44)
ACTOR_SIZE = (10, 1, 24)
EVIDENCE_SIZE = 12
GROUP_SIZE = (16, 2, 40)


def scaled(scale: tuple[int, int, int], count: int) -> int:
    """``base + step * count``, at most ``cap``."""
    base, step, cap = scale
    return min(cap, base + step * count)


def claim_statuses(min_groups: int) -> list[str]:
    """The statuses a claim can have with k = ``min_groups``: partly corroborated only when
    k is above 2 (below, no claim can be), so that legend and filters do not list it."""
    return [s for s in CLAIM_STATUS if s != "partly-corroborated" or min_groups > 2]


def legend(min_groups: int = 2) -> list[dict[str, Any]]:
    """Every shape, colour and edge style of the view, in drawing order, for the legend."""
    rows: list[dict[str, Any]] = []
    for name in claim_statuses(min_groups):
        style = CLAIM_STATUS[name]
        rows.append({"section": "Claims (by status)", "key": name, **asdict(style)})
    rows.append({"section": "Claims (by status)", "key": "contested", "label": "contested",
                 "shape": CLAIM_SHAPE, "color": "#FFFFFF", "border": CONTESTED_BORDER,
                 "description": "Red border: a group that does not affirm it denies it."})
    for grade, style in RELIABILITY.items():
        rows.append({"section": "Actors (by reliability)", "key": grade, **asdict(style)})
    rows.append({"section": "Other nodes", "key": "evidence", **asdict(EVIDENCE)})
    rows.append({"section": "Other nodes", "key": "group", **asdict(GROUP)})
    for kind, edge in EDGES.items():
        section = "Stances" if kind in STANCE_EDGES else "Other links"
        row = asdict(edge)
        row["dashes"] = list(edge.dashes)
        rows.append({"section": section, "key": kind, **row})
    rows.append({"section": "Size", "key": "size", "label": "larger claim",
                 "shape": CLAIM_SHAPE, "color": "#FFFFFF", "border": "#616161",
                 "description": "More independent affirming groups."})
    return rows


def edge_styles() -> dict[str, dict[str, Any]]:
    """vis-network edge options per edge kind, as small as possible.

    vis-network merges every option an edge carries, once per edge: on a graph of 15,000
    edges, plain values (a colour string, no arrow object where the default arrow does)
    halve the time to build the network. The defaults are in :func:`viz.options.vis_options`.
    """
    styles: dict[str, dict[str, Any]] = {}
    for kind, e in EDGES.items():
        entry: dict[str, Any] = {"color": e.color, "width": e.width}
        if e.dashes:
            entry["dashes"] = list(e.dashes)
        if e.arrow != "arrow":
            entry["arrows"] = ({"to": {"enabled": True, "type": e.arrow}} if e.arrow
                               else {"to": {"enabled": False}})
        styles[kind] = entry
    return styles


__all__ = ["CLAIM_STATUS", "CONTESTED_BORDER", "EDGES", "EVIDENCE", "GROUP", "RELIABILITY",
           "STANCE_EDGES", "EdgeStyle", "NodeStyle", "claim_statuses", "edge_styles", "legend",
           "scaled"]
