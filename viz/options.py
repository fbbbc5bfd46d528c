"""vis-network options, through pyvis's options model.

pyvis (0.3.2) supplies the option objects that vis-network reads; this module sets them for
a layout computed on the server: physics off, so that nothing moves and nothing iterates in
the browser; straight edges and hidden edges while dragging on large graphs, where curves
and redraws cost the most.
"""

from __future__ import annotations

import json
from typing import Any

#: From this many edges on, edges are straight, without arrow heads, and hidden during drag
#: and zoom; labels are not wrapped.
LARGE_GRAPH_EDGES = 1500


def vis_options(nodes: int, edges: int) -> dict[str, Any]:
    """Options for a network of ``nodes`` nodes and ``edges`` edges with fixed positions.

    Example:
        >>> vis_options(10, 10)["physics"]["enabled"]
        False
    """
    from pyvis.options import Options

    large = edges >= LARGE_GRAPH_EDGES
    options = Options()
    options.physics.enabled = False
    options.physics.toggle_stabilization(False)
    options.edges.inherit_colors(False)
    if large:
        options.edges.smooth.enabled = False
    else:
        options.edges.toggle_smoothness("continuous")
    options.interaction.hideEdgesOnDrag = large
    data: dict[str, Any] = json.loads(options.to_json())
    data["edges"]["color"] = {"inherit": False, "opacity": 0.85}
    # The common arrow head for every edge; kinds with another head say so (viz.style).
    # Arrow heads are a third of the drawing time of a large graph, where at the scale
    # that shows it all they are specks: there, stances are told by colour and dash alone.
    data["edges"]["arrows"] = {"to": {"enabled": not large, "scaleFactor": 0.6}}
    data["interaction"].update(
        hover=not large, tooltipDelay=150, hideEdgesOnZoom=large, navigationButtons=False,
        keyboard={"enabled": True, "bindToWindow": False}, multiselect=False,
    )
    data["layout"] = {"improvedLayout": False, "randomSeed": 0}
    data["nodes"] = {
        "font": {"size": 13 if large else 18,
                 "face": "system-ui, -apple-system, Segoe UI, sans-serif",
                 "color": "#212121", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "scaling": {"label": {"drawThreshold": 7 if large else 4}},
    }
    if not large:
        # Wrapping measures every word of every label; large graphs keep labels on one line.
        data["nodes"]["widthConstraint"] = {"maximum": 220}
    return data


__all__ = ["LARGE_GRAPH_EDGES", "vis_options"]
