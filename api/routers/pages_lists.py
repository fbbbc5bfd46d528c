"""HTML of the actors and evidence tables, ``/actors.html`` and ``/evidence.html``.

The rows are the entries of the JSON lists (``/actors``, ``/evidence``) that the routes pass
in, so the page and the JSON cannot disagree; this module only lays them out. Every string
from the data goes through :func:`html.escape` and every id through :func:`urllib.parse.quote`,
as in :mod:`api.routers.pages_html`, whose page frame (and so whose style and navigation)
they share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

from api.routers.pages_html import _page
from api.routers.pages_window import Window, query_string
from kg.analysis import RELIABILITY_NAMES
from kg.analysis.serialize import short_id

GRADES = tuple(RELIABILITY_NAMES)


def _json_link(ident: str, json_path: str) -> str:
    """The muted line under a row's name: its id, linking to its JSON with every reason."""
    quoted = quote(ident, safe="")
    return f'<a class="muted" href="{json_path}{quoted}">{escape(ident)} (JSON)</a>'


def _empty(what: str, filtered: bool, window: Window) -> str:
    if window.total:  # an offset past the last row
        return f"<p><strong>No {what} on this page</strong> (there are {window.total}).</p>"
    if filtered:
        return f'<p><strong>No {what} match these filters.</strong> <a href="?">Show all</a>.</p>'
    return f"<p><strong>There are no {what} in the data.</strong></p>"


def actors_page(
    rows: Sequence[Mapping[str, Any]],
    reasons: Mapping[str, Sequence[str]],
    window: Window,
    *,
    grade: str | None,
    kind: str | None,
    group: str | None,
) -> str:
    """The actors table: ``rows`` are ``/actors`` entries (in its order), ``reasons`` each
    actor's reliability reasons by IRI; the filters are echoed in the form."""
    lines = []
    for row in rows:
        ident = row["id"]
        rel = row["reliability"]
        trust = "" if rel["trust"] is None else f"{rel['trust']:.2f}"
        group_link = query_string({"group": row["group"]["id"]})
        lines.append(
            "<tr>"
            f'<td><a href="/graph?focus={quote(ident, safe="")}">{escape(row["label"])}</a>'
            f"<br>{_json_link(ident, '/actors/')}</td>"
            f"<td>{escape(', '.join(row['kinds']))}</td>"
            f'<td><a href="{group_link}">{escape(row["group"]["label"])}</a></td>'
            f'<td data-grade="{escape(rel["grade"], quote=True)}"><strong>'
            f"{escape(rel['grade'])}</strong> <span class=muted>{escape(rel['name'])}</span></td>"
            f"<td>{'<br>'.join(escape(r) for r in reasons.get(row['iri'], ()))}</td>"
            f"<td class=num>{trust}</td><td class=num>{row['statements']}</td></tr>"
        )
    grade_links = " \u00b7 ".join(
        f'<a href="{query_string({"grade": g, "kind": kind, "group": group})}">{escape(g)}</a>'
        for g in GRADES
    )
    options = "".join(
        f'<option value="{g}"{" selected" if g == grade else ""}>{g} '
        f"({escape(RELIABILITY_NAMES[g])})</option>"
        for g in GRADES
    )
    form = (
        '<form method="get" action="/actors.html"><label>Grade <select name="grade">'
        f'<option value="">any</option>{options}</select></label> '
        f'<label>Kind <input name="kind" value="{escape(kind or "", quote=True)}" '
        'placeholder="Person, State, ..."></label> '
        f'<label>Group (an actor id) <input name="group" value="{escape(group or "", quote=True)}"'
        '></label> <button type="submit">Filter</button></form>'
    )
    filtered = bool(grade or kind or group)
    table = (
        "<table><thead><tr><th>Actor</th><th>Kind</th><th>Source group</th>"
        "<th>Reliability (A-F)</th><th>Why</th><th>Trust</th><th>Statements</th></tr></thead>"
        f"<tbody>{''.join(lines)}</tbody></table>"
        if lines
        else _empty("actors", filtered, window)
    )
    filters = {"grade": grade, "kind": kind, "group": group}
    body = (
        f"<h1>Actors</h1><p>{window.count('actors')} Show only grade: {grade_links} \u00b7 "
        '<a href="?">all</a>. Click an actor to see it in the graph; actors in one source '
        "group count as one source. "
        f'<a href="/actors{query_string(filters)}">The same list as JSON</a>.</p>'
        f"{form}{table}{window.links(filters)}"
    )
    return _page("Actors", body)


def evidence_page(
    rows: Sequence[Mapping[str, Any]],
    weights: Mapping[str, Sequence[Mapping[str, Any]]],
    window: Window,
    *,
    claim_texts: Mapping[str, str],
    actor_labels: Mapping[str, str],
    kind: str | None,
) -> str:
    """The evidence table: ``rows`` are ``/evidence`` entries (in its order), ``weights``
    each item's weights on claims by IRI (as ``/evidence/{id}`` gives them)."""
    lines = []
    for row in rows:
        ident = row["id"]
        producers = escape(_names(row["produced_by"], actor_labels))
        if row["released_by"]:
            released = escape(_names(row["released_by"], actor_labels))
            line = f"<span class=muted>released by</span> {released}"
            producers = f"{producers}<br>{line}" if producers else line
        bears = "".join(_weight_item(w, claim_texts) for w in weights.get(row["iri"], ()))
        lines.append(
            "<tr>"
            f"<td>{escape(row['label'])}{_description(row)}<br>"
            f"{_json_link(ident, '/evidence/')}</td>"
            f"<td>{escape(', '.join(row['kinds']))}</td><td>{producers}</td>"
            f"<td>{escape(row['date'] or '')}</td>"
            f"<td><ul>{bears or '<li class=muted>no claim</li>'}</ul></td></tr>"
        )
    filtered = bool(kind)
    table = (
        "<table><thead><tr><th>Evidence</th><th>Kind</th><th>Produced by</th><th>Date</th>"
        "<th>Claims it supports or disputes, and its weight on each</th></tr></thead>"
        f"<tbody>{''.join(lines)}</tbody></table>"
        if lines
        else _empty("evidence items", filtered, window)
    )
    form = (
        '<form method="get" action="/evidence.html"><label>Kind <input name="kind" '
        f'value="{escape(kind or "", quote=True)}" placeholder="Video, SatelliteImagery, ...">'
        '</label> <button type="submit">Filter</button> <a href="?">all</a></form>'
    )
    body = (
        f"<h1>Evidence</h1><p>{window.count('evidence items')} An item's weight on a claim is how "
        "much it counts there: less when its producer is one of the sides. Click a claim to "
        f'see it in the graph. <a href="/evidence{query_string({"kind": kind})}">The same list as '
        "JSON</a>.</p>"
        f"{form}{table}{window.links({'kind': kind})}"
    )
    return _page("Evidence", body)


def _description(row: Mapping[str, Any]) -> str:
    """An evidence item's description under its label, unless the label is the description."""
    text = row.get("description")
    return f"<br><span class=muted>{escape(text)}</span>" if text and text != row["label"] else ""


def _names(iris: Sequence[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(a, short_id(a)) for a in iris)


def _weight_item(weight: Mapping[str, Any], claim_texts: Mapping[str, str]) -> str:
    claim = weight["claim"]
    ident = short_id(claim)
    side = "supports" if weight["supports"] else "disputes"
    via = "" if weight["via"] == "direct" else f" (via {escape(weight['via'])})"
    independent = ("independent" if weight["independent"] else "not independent"
                   if weight["groups"] else "source unknown")
    return (
        f'<li data-claim="{escape(ident, quote=True)}" '
        f'data-weight="{weight["weight"]!r}">{side}{via} '
        f'<a href="/graph?focus={quote(ident, safe="")}">'
        f"{escape(claim_texts.get(claim, ident))}</a>: weight "
        f"<strong>{weight['weight']:.2f}</strong> <span class=muted>({independent}; "
        f"{escape(weight['reason'])})</span></li>"
    )


__all__ = ["Window", "actors_page", "evidence_page"]
