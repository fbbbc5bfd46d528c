"""HTML of the service's own pages: the front page and the claims table.

Plain server-rendered HTML: every string from the data goes through :func:`html.escape`; the
one script (the SPARQL form's) is inline and allowed by its hash; nothing is loaded from
another origin. The graph view itself is rendered by :mod:`viz`.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from api.routers import pages_as_of
from api.routers.pages_window import Window
from kg.analysis import Analysis, ClaimSummary
from kg.analysis.credibility import CREDIBILITY_NAMES
from kg.analysis.serialize import short_id
from viz import style

#: Columns of the claims table: key, heading, sort key (of a :class:`_Row`).
CLAIM_COLUMNS: dict[str, tuple[str, Any]] = {
    "claim": ("Claim", lambda c: c.text.casefold()),
    "status": (
        "Status",
        lambda c: ("corroborated", "single-source", "unsupported").index(c.summary.status),
    ),
    "groups": ("Independent groups", lambda c: c.summary.independent_groups),
    "contested": ("Contested", lambda c: c.summary.contested),
    "credibility": ("Credibility (1-6)", lambda c: c.summary.credibility),
    "stix": (
        "STIX confidence",
        lambda c: -1 if c.summary.stix_confidence is None else c.summary.stix_confidence,
    ),
}


@dataclass(frozen=True)
class _Row:
    """One claim of the table: its bulk numbers and its text (no explanation is built)."""

    summary: ClaimSummary
    text: str


EXAMPLE_QUERY = """PREFIX cred: <https://w3id.org/cred-kg/ns#>
SELECT ?claim ?text (COUNT(?statement) AS ?statements)
WHERE {
  ?statement cred:about ?claim .
  ?claim cred:text ?text .
}
GROUP BY ?claim ?text
ORDER BY DESC(?statements)
LIMIT 10"""

# Sends the form with fetch and shows the JSON results as a table, built with textContent.
# Without JavaScript the form still posts to /sparql and the browser shows the raw result.
SPARQL_SCRIPT = """(function () {
  "use strict";
  var form = document.getElementById("sparql-form");
  var out = document.getElementById("sparql-result");
  function cell(tag, text) { var n = document.createElement(tag); n.textContent = text; return n; }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    out.textContent = "Running\\u2026";
    fetch(form.action, {method: "POST", body: new URLSearchParams(new FormData(form)),
      headers: {"Accept": "application/sparql-results+json, application/json"}})
      .then(function (r) { return r.json().then(function (body) { return [r.ok, body]; }); })
      .then(function (res) {
        out.textContent = "";
        var body = res[1];
        if (!res[0]) {
          out.appendChild(cell("p", (body.error && body.error.message) || "error"));
          return;
        }
        if (typeof body.boolean === "boolean") {
          out.appendChild(cell("p", String(body.boolean)));
          return;
        }
        var vars = body.head.vars, table = document.createElement("table");
        var head = document.createElement("tr");
        vars.forEach(function (v) { head.appendChild(cell("th", v)); });
        table.appendChild(head);
        body.results.bindings.forEach(function (b) {
          var row = document.createElement("tr");
          vars.forEach(function (v) { row.appendChild(cell("td", b[v] ? b[v].value : "")); });
          table.appendChild(row);
        });
        out.appendChild(cell("p", body.results.bindings.length + " row(s)"));
        out.appendChild(table);
      })
      .catch(function () { out.textContent = "The query failed."; });
  });
})();"""

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
a { color: #0b5cad; } h1 { margin-bottom: .2rem; } .lead { font-size: 1.1rem; color: #444; }
nav.top { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: .4rem 0 .8rem;
  border-bottom: 1px solid #d8dce1; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
.card { border: 1px solid #d8dce1; border-radius: 8px; padding: .8rem 1rem; }
.card h2 { font-size: 1.1rem; margin: 0 0 .3rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid #e3e6ea; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th a { text-decoration: none; } td.num { text-align: right; } td:first-child { min-width: 22rem; }
.badge { border-radius: 3px; padding: 0 .4rem; font-size: .82rem; font-weight: 600;
  white-space: nowrap; }
textarea { width: 100%; font-family: ui-monospace, monospace; font-size: .9rem; }
#sparql-result { overflow-x: auto; margin-top: .6rem; }
.muted { color: #5f6670; }
a, strong, span, td, li, h1, h2 { unicode-bidi: isolate; }
code { overflow-wrap: anywhere; }
@media (max-width: 700px) {
  body { padding: .6rem .8rem 2rem; }
  nav.top { gap: .3rem .9rem; }
  table { display: block; overflow-x: auto; }
  td:first-child { min-width: 12rem; }
}
"""


def script_hash(text: str) -> str:
    """The CSP source expression allowing the inline script ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page_policy() -> str:
    """Content-Security-Policy of the front page and the claims table."""
    return (
        "default-src 'none'; "
        f"script-src {script_hash(SPARQL_SCRIPT)}; style-src 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )


def _page(title: str, body: str, *, script: str = "", as_of: str | None = None) -> str:
    """A page of the site: its frame, style and navigation. As of a date, the title says so
    and the links to the views that offer ``as_of`` keep it."""
    dated = pages_as_of.suffix(as_of, first=True)
    if as_of is not None:
        title = f"{title} as of {as_of}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}{pages_as_of.STYLE}</style></head><body>"
        f'<nav class="top"><a href="/">Home</a><a href="/graph{dated}">Graph</a>'
        f'<a href="/claims.html{dated}">Claims</a><a href="/actors.html{dated}">Actors</a>'
        f'<a href="/evidence.html{dated}">Evidence</a><a href="/#questions">Questions</a>'
        '<a href="/#sparql">SPARQL</a><a href="/extract">Extract</a>'
        '<a href="/openapi.json">API</a></nav>'
        f"{body}" + (f"<script>{script}</script>" if script else "") + "</body></html>"
    )


def _badge(status: str) -> str:
    look = style.CLAIM_STATUS[status]
    return f'<span class="badge" style="background:{look.color};color:#111">{escape(status)}</span>'


def front_page(analysis: Analysis, questions: Sequence[dict[str, Any]]) -> str:
    """The front page: what this is, the counts, and links to every view."""
    # Off the bulk numbers: a status count needs no explanation.
    by_status: Counter[str] = Counter(c.status for c in analysis.claim_summaries())
    counts = {s: by_status[s] for s in style.CLAIM_STATUS}
    totals = analysis.counts()
    status_text = ", ".join(f"{n} {escape(s)}" for s, n in counts.items())
    question_items = "".join(_question_item(q) for q in questions)
    body = f"""
<h1>Source-credibility knowledge graph</h1>
<p class="lead">Who says what, on what evidence, and which claims independent sources
corroborate. Actors <em>affirm</em>, <em>deny</em> or <em>hedge</em> claims; actors that act
for one another count as one source group; a claim is <em>corroborated</em> when at least
k={analysis.min_groups} independent groups affirm it. Sources get an Admiralty reliability
grade (A-F) and claims a credibility grade (1-6), each with its reasons.</p>
<p>This server holds <strong>{totals["claims"]}</strong> claims ({status_text}),
<strong>{totals["actors"]}</strong> actors in <strong>{totals["groups"]}</strong>
independent source groups, and <strong>{totals["evidence"]}</strong> evidence items.</p>
<div class="cards">
<div class="card"><h2><a href="/graph">Graph view</a></h2><p>Actors, claims and evidence as an
explorable graph. Click a claim for its explanation: the independent groups, every stance with
its quote, date and relay chain, the evidence and the grades.</p></div>
<div class="card"><h2><a href="/claims.html">Claims table</a></h2><p>Every claim with its
status, independent groups and credibility grade. Click a column heading to sort.</p></div>
<div class="card"><h2><a href="/actors.html">Actors table</a></h2><p>Every actor with its
source group and its reliability grade (A-F) and why; filter by grade, kind or group.</p></div>
<div class="card"><h2><a href="/evidence.html">Evidence table</a></h2><p>Every evidence item,
who produced it, the claims it supports or disputes and its weight on each.</p></div>
<div class="card"><h2><a href="#questions">Named questions</a></h2><p>Ready-made questions
with parameters, answered as JSON or CSV.</p></div>
<div class="card"><h2><a href="/extract">Extract from text</a></h2><p>Paste an article and get
a draft case (who said what, with which stance, relayed by whom, on what evidence) with the
source spans highlighted, to review and load. Nothing is stored.</p></div>
<div class="card"><h2><a href="/openapi.json">API reference</a></h2><p>The OpenAPI document
of every endpoint: <code>/claims</code>, <code>/actors</code>, <code>/evidence</code>,
<code>/export</code>, <code>/questions</code>, <code>/sparql</code>.</p></div>
</div>
<h2 id="questions">Named questions</h2>
<ul>{question_items or "<li>None.</li>"}</ul>
<h2 id="sparql">SPARQL query</h2>
<p>Read-only SPARQL 1.1 over all the data, bounded in time and size. The form posts to
<code>/sparql</code>; tools can use the same endpoint.</p>
<form id="sparql-form" method="post" action="/sparql">
<textarea name="query" rows="10" aria-label="SPARQL query">{escape(EXAMPLE_QUERY)}</textarea>
<p><button type="submit">Run query</button></p>
</form>
<div id="sparql-result" aria-live="polite"></div>
"""
    return _page("Source-credibility knowledge graph", body, script=SPARQL_SCRIPT)


def _question_item(question: dict[str, Any]) -> str:
    """A question's line: its name links to its answer unless it needs a parameter (then it
    would answer 422), and its example, if any, links to the answer for that example."""
    name = escape(question["name"])
    if not any(p["required"] for p in question["parameters"]):
        name = f'<a href="{escape(question["url"], quote=True)}">{name}</a>'
    example = "".join(
        f' <a class="muted" href="{escape(ex, quote=True)}">example</a>'
        for ex in question.get("examples", [])[:1]
    )
    return f"<li>{name}: {escape(question['summary'])}{example}</li>"


def claims_page(analysis: Analysis, *, sort: str, descending: bool, status: str | None,
                offset: int = 0, limit: int = 200) -> str:
    """The claims table, sorted on the server by ``sort`` (a key of :data:`CLAIM_COLUMNS`),
    ``limit`` rows from ``offset`` (a store of a hundred thousand claims would otherwise make
    a page of a hundred megabytes), with links to the pages before and after. An analysis as
    of a date (:attr:`Analysis.as_of`) is said so above the table, and every link keeps it."""
    report = analysis.as_of
    as_of = report.as_of if report is not None else None
    and_as_of = pages_as_of.suffix(as_of, first=False)
    claims = analysis.catalogue.claims
    labels = {gid: g.label for gid, g in analysis.groups.groups.items()}
    rows = [
        _Row(c, claims[c.iri].text)
        for c in analysis.claim_summaries()
        if not status or c.status == status
    ]
    key = CLAIM_COLUMNS[sort][1]
    ordered = sorted(rows, key=lambda c: c.summary.iri)
    ordered.sort(key=key, reverse=descending)
    heads = []
    for name, (label, _) in CLAIM_COLUMNS.items():
        flip = name == sort and not descending
        params = {"sort": name, "order": "desc" if flip else "asc"}
        if status:
            params["status"] = status
        if as_of:
            params["as_of"] = as_of
        arrow = (" \u25bc" if descending else " \u25b2") if name == sort else ""
        aria = (
            ' aria-sort="{}"'.format("descending" if descending else "ascending")
            if name == sort
            else ""
        )
        heads.append(
            f'<th{aria}><a href="?{escape(urlencode(params), quote=True)}">'
            f"{escape(label)}{arrow}</a></th>"
        )
    heads.append("<th>Affirmed by</th><th>Denied by</th>")
    window = Window(len(ordered), offset, limit)
    lines = []
    for row in ordered[offset : offset + limit]:
        c = row.summary
        ident = short_id(c.iri)
        lines.append(
            "<tr>"
            f'<td><a href="/graph?focus={quote(ident, safe="")}{and_as_of}">{escape(row.text)}</a>'
            f'<br><a class="muted" href="/claims/{quote(ident, safe="")}'
            f'{pages_as_of.suffix(as_of, first=True)}">{escape(ident)}</a></td>'
            f"<td>{_badge(c.status)}</td><td class=num>{c.independent_groups}</td>"
            f"<td>{'yes' if c.contested else ''}</td>"
            f"<td class=num>{c.credibility} <span class=muted>"
            f"{escape(CREDIBILITY_NAMES[c.credibility])}</span></td>"
            f"<td class=num>{'' if c.stix_confidence is None else c.stix_confidence}</td>"
            f"<td>{escape(', '.join(labels[g] for g in c.affirming))}</td>"
            f"<td>{escape(', '.join(labels[g] for g in c.denying))}</td></tr>"
        )
    filters = " \u00b7 ".join(
        f'<a href="?{escape(urlencode(_set(status=s, sort=sort, as_of=as_of)), quote=True)}">'
        f"{escape(s)}</a>"
        for s in style.CLAIM_STATUS
    )
    # "all" (and "Show all") drops the status filter, not the date.
    every = escape("?" + urlencode(_set(as_of=as_of)), quote=True)
    csv_params = _set(status=status, as_of=as_of)
    csv_query = "?" + urlencode(csv_params) if csv_params else ""
    # As the actors and evidence tables say it (pages_lists._empty), not an empty table.
    table = (
        f"<table><thead><tr>{''.join(heads)}</tr></thead><tbody>{''.join(lines)}"
        "</tbody></table>" if lines
        else f"<p><strong>No claims on this page</strong> (there are {window.total}).</p>"
        if window.total
        else f'<p><strong>No claims match this filter.</strong> <a href="{every}">Show all</a>.</p>'
        if status else "<p><strong>There are no claims in the data.</strong></p>"
    )
    kept: dict[str, str | None] = {"sort": sort, "order": "desc" if descending else "asc",
                                   "status": status, "as_of": as_of}
    pages = window.links(kept)
    body = (
        f"<h1>Claims{'' if as_of is None else ' as of ' + escape(as_of)}</h1>"
        f"{pages_as_of.banner(report, '/claims.html', kept)}"
        f"<p>{escape(window.count('claims'))[:-1]}, k={analysis.min_groups}. "
        "Show only: "
        f'{filters} \u00b7 <a href="{every}">all</a>. Click a claim to see it in the graph. '
        f'<a href="/claims.csv{escape(csv_query, quote=True)}" download>Download as CSV</a>'
        f" (for a spreadsheet).</p>{table}{pages}"
    )
    return _page("Claims", body, as_of=as_of)


def _set(**params: str | None) -> dict[str, str]:
    """The parameters that are set, for a link's query."""
    return {k: v for k, v in params.items() if v}


__all__ = ["CLAIM_COLUMNS", "claims_page", "front_page", "page_policy", "script_hash"]
