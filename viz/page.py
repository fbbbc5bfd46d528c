"""The standalone HTML page: the view's data as JSON, the scripts and styles inline.

The page works from ``file://`` with no server and loads nothing from the network. Safety
rests on three layers:

1. The data is embedded in ``<script type="application/json">`` with ``<``, ``>``, ``&`` and
   the two JavaScript line separators written as ``\\uXXXX`` escapes, so that no string in
   the data can close the element or open a comment; the browser never executes it.
2. The page's script puts every string from the data into the page with ``textContent`` or
   as a vis-network plain-text title (shown with ``innerText``), never as HTML.
3. A Content-Security-Policy (a ``<meta>`` element, and the same policy as a header where a
   server sends the page) allows only the page's own inline scripts, by hash: even an
   escaping bug could neither run an injected script nor load anything remote.

The title and the navigation links are the only strings written as HTML, through
:func:`html.escape`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from viz import assets
from viz.bidi import show_bidi_controls
from viz.view import ViewData

DEFAULT_TITLE = "Source-credibility graph"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_SLOT = re.compile(r"<!--kg:(\w+)-->")
_SCHEME = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:")
# What a browser drops from a URL before reading it (the WHATWG URL standard): every tab and
# newline, and C0 controls and spaces at either end; "java\tscript:" is "javascript:" to it.
_URL_DROPPED = re.compile("[\t\n\r]")
_URL_TRIMMED = "".join(map(chr, range(0x21)))


def json_for_script(data: Any) -> str:
    """JSON text that is safe inside a ``<script>`` element.

    Example:
        >>> json_for_script({"t": "</script><b>"})
        '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _scripts() -> tuple[str, ...]:
    vis_js, _ = assets.vis_network()
    scripts = (vis_js, *(assets.own(name) for name in assets.SCRIPTS))
    for text in scripts:
        # Inline scripts end at the first "</script": none of ours may contain one.
        if "</script" in text.lower() or "<!--" in text:
            raise assets.AssetError("an inline script contains '</script' or '<!--'")
    return scripts


def content_security_policy(*, for_header: bool = False) -> str:
    """The policy of the graph page: its own inline scripts (by hash) and nothing remote.

    Args:
        for_header: add the directives that only work as an HTTP header.
    """
    hashes = " ".join(_hash(text) for text in _scripts())
    policy = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return policy + ("; frame-ancestors 'none'" if for_header else "")


def render_page(
    view: ViewData,
    *,
    title: str = DEFAULT_TITLE,
    links: Sequence[tuple[str, str]] = (),
    node_links: Mapping[str, str] | None = None,
) -> str:
    """The standalone HTML page of ``view``.

    Args:
        view: from :func:`viz.build_view`.
        title: page title and heading (escaped).
        links: ``(label, href)`` pairs for the page's navigation bar (escaped), e.g. a
            server's front page; none for a standalone file. Each href must be relative
            (``/``, ``/claims.html``): a scheme such as ``javascript:`` is refused.
        node_links: where a server shows one node, as relative href prefixes that the page
            completes with the node's IRI, URL-encoded: ``focus`` (its neighbourhood),
            ``claim`` and ``actor`` (its full explanation), and optionally ``query``, a
            query string (``?as_of=2024-10-20``) that ends the ``claim`` and ``actor`` links.
            A large graph's summary links to them from its side panel; without them, it
            names the commands instead.

    Raises:
        ValueError: a link with a scheme or to another host.

    Example:
        >>> from viz.view import build_view
        >>> from kg.analysis import analyse
        >>> from kg.store import KnowledgeStore
        >>> with KnowledgeStore() as store:
        ...     page = render_page(build_view(analyse(store)), title="<Empty>")
        >>> "<title>&lt;Empty&gt;</title>" in page
        True
    """
    for href in (*(href for _, href in links), *(node_links or {}).values()):
        seen = _URL_DROPPED.sub("", href).strip(_URL_TRIMMED).replace("\\", "/")
        if _SCHEME.match(seen) or seen.startswith("//"):
            raise ValueError(f"navigation links must be relative to the site: {href!r}")
    vis_js, own_js, panel_js, graph_js = _scripts()
    _, vis_css = assets.vis_network()
    data = view.to_dict()
    if node_links and view.initial.get("partial"):  # only a summary's panel links out
        data["initial"] = {**data["initial"], "links": dict(node_links)}
    # The explanations are most of the bytes and are needed only on a click: a block of
    # their own, parsed on first use, keeps them off the path to the first drawing.
    details = data.pop("details")
    nav = "".join(
        f'<a href="{html.escape(href, quote=True)}">{html.escape(label)}</a>'
        for label, href in links
    )
    # Data text is shown as stored: a bidi control becomes a visible mark (viz.bidi) in the
    # labels, tooltips, panel and search alike, since they all read these JSON blocks.
    slots = {
        "csp": html.escape(content_security_policy(), quote=True),
        "title": show_bidi_controls(html.escape(title)),
        "nav": show_bidi_controls(nav),
        "styles": "".join(f"<style>{text}</style>" for text in
                          (vis_css, *(assets.own(n) for n in assets.STYLES))),
        "data": show_bidi_controls(json_for_script(data)),
        "details": show_bidi_controls(json_for_script(details)),
        "scripts": "".join(f"<script>{text}</script>"
                           for text in (vis_js, own_js, panel_js, graph_js)),
    }
    # One pass over the template: text put into a slot is never searched for slots.
    return _SLOT.sub(lambda m: slots[m.group(1)], assets.own("graph.html"))


__all__ = ["DEFAULT_TITLE", "content_security_policy", "json_for_script", "render_page"]
