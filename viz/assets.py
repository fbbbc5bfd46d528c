"""The JavaScript and CSS the page inlines, read from installed packages, never the network.

- vis-network 9.1.2 (``vis-network.min.js`` and ``.css``, dual licensed Apache-2.0 / MIT) is
  the copy that the pinned pyvis 0.3.2 wheel ships in ``pyvis/lib/vis-9.1.2/``. It is read in
  place through the import system (the ``pyvis`` package is located, not imported), so that
  the repository carries no second copy and the licence header stays inside the file.
- The view's own script and style sheet are ``viz/static/*.js`` and ``*.css``.

Reading files is I/O of a kind, but only of the package's own resources: the view still
takes no path or URL from its caller.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib.resources import files
from pathlib import Path

from kg.errors import KgError

VIS_VERSION = "9.1.2"
#: The view's scripts, in load order: helpers and legend, side panel, then the view.
SCRIPTS = ("dom.js", "panel.js", "graph.js")
STYLES = ("graph.css",)


class AssetError(KgError):
    """A packaged asset is missing: the installation is incomplete."""


def _normalise(text: str) -> str:
    # The HTML parser turns CR LF and CR into LF inside <script>: normalise first, so that
    # the Content-Security-Policy hashes match the text the browser hashes.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in text.split("\n") if not line.startswith("//# sourceMappingURL=")]
    return "\n".join(lines)


@cache
def vis_network() -> tuple[str, str]:
    """``(javascript, css)`` of vis-network, from the pyvis wheel."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise AssetError("pyvis is not installed; it ships vis-network (pip install pyvis)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as error:
        raise AssetError(f"vis-network {VIS_VERSION} not found in {folder}: {error}") from None
    return _normalise(js), _normalise(css)


@cache
def own(name: str) -> str:
    """One of the view's own files under ``viz/static``."""
    return _normalise(files("viz").joinpath("static", name).read_text(encoding="utf-8"))


__all__ = ["SCRIPTS", "STYLES", "VIS_VERSION", "AssetError", "own", "vis_network"]
