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

from api.routers import pages_as_of
from api.routers.pages_html import _page
from api.routers.pages_window import Window, query_string
from kg.analysis import RELIABILITY_NAMES
from kg.analysis.as_of import AsOfReport
from kg.analysis.serialize import short_id

GRADES = tuple(RELIABILITY_NAMES)


def _json_link(ident: str, json_path: str, as_of: str | None = None) -> str:
    """The muted line under a row's name: its id, linking to its JSON with every reason."""
    quoted = quote(ident, safe="") + pages_as_of.suffix(as_of, first=True)
    return f'<a class="muted" href="{json_path}{quoted}">{escape(ident)} (JSON)</a>'


def _empty(what: str, filtered: bool, window: Window, every: str = "?") -> str:
    """What a page says instead of an empty table; ``every`` is its "Show all" link."""
    if window.total:  # an offset past the last row
        return f"<p><strong>No {what} on this page</strong> (there are {window.total}).</p>"
    if filtered:
        return (f'<p><strong>No {what} match these filters.</strong> <a href="{every}">Show all'
                "</a>.</p>")
    return f"<p><strong>There are no {what} in the data.</strong></p>"


def actors_page(
    rows: Sequence[Mapping[str, Any]],
    reasons: Mapping[str, Sequence[str]],
    window: Window,
    *,
    grade: str | None,
    kind: str | None,
    group: str | None,
    as_of: AsOfReport | None = None,
) -> str:
    """The actors table: ``rows`` are ``/actors`` entries (in its order), ``reasons`` each
    actor's reliability reasons by IRI; the filters are echoed in the form. As of a date
    (``as_of``: what the analysis left out), the page says so and every link keeps it."""
    date = as_of.as_of if as_of is not None else None
    lines = []
    for row in rows:
        ident = row["id"]
        rel = row["reliability"]
        trust = "" if rel["trust"] is None else f"{rel['trust']:.2f}"
        group_link = query_string({"group": row["group"]["id"], "as_of": date})
        lines.append(
            "<tr>"
            f'<td><a href="/graph?focus={quote(ident, safe="")}'
            f'{pages_as_of.suffix(date, first=False)}">{escape(row["label"])}</a>'
            f"<br>{_json_link(ident, '/actors/', date)}</td>"
            f"<td>{escape(', '.join(row['kinds']))}</td>"
            f'<td><a href="{group_link}">{escape(row["group"]["label"])}</a></td>'
            f'<td data-grade="{escape(rel["grade"], quote=True)}"><strong>'
            f"{escape(rel['grade'])}</strong> <span class=muted>{escape(rel['name'])}</span></td>"
            f"<td>{'<br>'.join(escape(r) for r in reasons.get(row['iri'], ()))}</td>"
            f"<td class=num>{trust}</td><td class=num>{row['statements']}</td></tr>"
        )
    grade_links = " \u00b7 ".join(
        f'<a href="{query_string({"grade": g, "kind": kind, "group": group, "as_of": date})}">'
        f"{escape(g)}</a>"
        for g in GRADES
    )
    options = "".join(
        f'<option value="{g}"{" selected" if g == grade else ""}>{g} '
        f"({escape(RELIABILITY_NAMES[g])})</option>"
        for g in GRADES
    )
    form = (
        '<form method="get" action="/actors.html">' + _hidden_date(date)
        + '<label>Grade <select name="grade">'
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
        else _empty("actors", filtered, window, query_string({"as_of": date}))
    )
    filters = {"grade": grade, "kind": kind, "group": group, "as_of": date}
    body = (
        f"<h1>Actors{'' if date is None else ' as of ' + escape(date)}</h1>"
        f"{pages_as_of.banner(as_of, '/actors.html', filters)}"
        f"<p>{window.count('actors')} Show only grade: {grade_links} \u00b7 "
        f'<a href="{query_string({"as_of": date})}">all</a>. Click an actor to see it in the '
        "graph; actors in one source group count as one source. "
        f'<a href="/actors{query_string(filters)}">The same list as JSON</a>.</p>'
        f"{form}{table}{window.links(filters)}"
    )
    return _page("Actors", body, as_of=date)


def evidence_page(
    rows: Sequence[Mapping[str, Any]],
    weights: Mapping[str, Sequence[Mapping[str, Any]]],
    window: Window,
    *,
    claim_texts: Mapping[str, str],
    actor_labels: Mapping[str, str],
    kind: str | None,
    as_of: AsOfReport | None = None,
) -> str:
    """The evidence table: ``rows`` are ``/evidence`` entries (in its order), ``weights``
    each item's weights on claims by IRI (as ``/evidence/{id}`` gives them). As of a date
    (``as_of``), the page says so and every link keeps it."""
    date = as_of.as_of if as_of is not None else None
    lines = []
    for row in rows:
        ident = row["id"]
        producers = escape(_names(row["produced_by"], actor_labels))
        if row["released_by"]:
            released = escape(_names(row["released_by"], actor_labels))
            line = f"<span class=muted>released by</span> {released}"
            producers = f"{producers}<br>{line}" if producers else line
        bears = "".join(_weight_item(w, claim_texts, date) for w in weights.get(row["iri"], ()))
        lines.append(
            "<tr>"
            f"<td>{escape(row['label'])}{_description(row)}<br>"
            f"{_json_link(ident, '/evidence/', date)}</td>"
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
        else _empty("evidence items", filtered, window, query_string({"as_of": date}))
    )
    form = (
        '<form method="get" action="/evidence.html">' + _hidden_date(date)
        + '<label>Kind <input name="kind" '
        f'value="{escape(kind or "", quote=True)}" placeholder="Video, SatelliteImagery, ...">'
        f'</label> <button type="submit">Filter</button> <a href="{query_string({"as_of": date})}">'
        "all</a></form>"
    )
    filters = {"kind": kind, "as_of": date}
    body = (
        f"<h1>Evidence{'' if date is None else ' as of ' + escape(date)}</h1>"
        f"{pages_as_of.banner(as_of, '/evidence.html', filters)}"
        f"<p>{window.count('evidence items')} An item's weight on a claim is how "
        "much it counts there: less when its producer is one of the sides. Click a claim to "
        f'see it in the graph. <a href="/evidence{query_string(filters)}">The same list as '
        "JSON</a>.</p>"
        f"{form}{table}{window.links(filters)}"
    )
    return _page("Evidence", body, as_of=date)


def _hidden_date(date: str | None) -> str:
    """The filter form's field that keeps the date of a page as of a date."""
    if date is None:
        return ""
    return f'<input type="hidden" name="as_of" value="{escape(date, quote=True)}">'


def _description(row: Mapping[str, Any]) -> str:
    """An evidence item's description under its label, unless the label is the description."""
    text = row.get("description")
    return f"<br><span class=muted>{escape(text)}</span>" if text and text != row["label"] else ""


def _names(iris: Sequence[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(a, short_id(a)) for a in iris)


def _weight_item(weight: Mapping[str, Any], claim_texts: Mapping[str, str],
                 as_of: str | None = None) -> str:
    claim = weight["claim"]
    ident = short_id(claim)
    side = "supports" if weight["supports"] else "disputes"
    via = "" if weight["via"] == "direct" else f" (via {escape(weight['via'])})"
    independent = ("independent" if weight["independent"] else "not independent"
                   if weight["groups"] else "source unknown")
    return (
        f'<li data-claim="{escape(ident, quote=True)}" '
        f'data-weight="{weight["weight"]!r}">{side}{via} '
        f'<a href="/graph?focus={quote(ident, safe="")}{pages_as_of.suffix(as_of, first=False)}">'
        f"{escape(claim_texts.get(claim, ident))}</a>: weight "
        f"<strong>{weight['weight']:.2f}</strong> <span class=muted>({independent}; "
        f"{escape(weight['reason'])})</span></li>"
    )


__all__ = ["Window", "actors_page", "evidence_page"]
