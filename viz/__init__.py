"""The graph view: an analysis drawn as an explorable, offline, escaped HTML page.

Imports ``kg`` only, never ``api``; reads no file but its own package's assets and opens no
connection: callers write the returned string where they want.

- :func:`build_view`: :class:`~kg.analysis.Analysis` -> :class:`ViewData` (nodes, edges,
  legend, filters, explanations; positions laid out on the server), deterministic; above
  :data:`SUMMARY_ABOVE` nodes, a summary built from the bulk numbers (:mod:`viz.large`);
- :func:`opening`: the same view opening on a node's neighbourhood or with groups collapsed;
- :func:`render_page`: :class:`ViewData` -> one standalone HTML page (vis-network, the
  view's script and styles all inline; works from ``file://``);
- :func:`content_security_policy`: the policy a server should send with the page.

Example:
    >>> from kg.analysis import analyse
    >>> from kg.store import KnowledgeStore
    >>> from kg.seed import seed_paths
    >>> with KnowledgeStore() as store:
    ...     _ = store.load(seed_paths())
    ...     page = render_page(build_view(analyse(store)), title="Seed case")
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from viz.large import SUMMARY_ABOVE
from viz.page import DEFAULT_TITLE, content_security_policy, json_for_script, render_page
from viz.view import DEFAULT_MAX_NODES, ViewData, build_view, opening

__all__ = ["DEFAULT_MAX_NODES", "DEFAULT_TITLE", "SUMMARY_ABOVE", "ViewData", "build_view",
           "content_security_policy", "json_for_script", "opening", "render_page"]
