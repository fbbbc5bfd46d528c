"""What a table page says when it shows the data as of a date (``/claims.html?as_of=DATE``,
``/actors.html?as_of=DATE``), and the query its links carry so that they stay on that date.

The date has passed :data:`api.as_of.DATE_PATTERN` and :func:`api.as_of.check_date` before it
gets here (digits and hyphens only); it is escaped all the same, as any text in a page is.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from urllib.parse import quote, urlencode

from kg.analysis.as_of import AsOfReport

#: The banner's look: it must not be missed, since every number below it is that day's.
STYLE = """
.as-of { background: #fff4d6; border: 1px solid #d9a400; border-radius: 6px;
  padding: .5rem .8rem; margin: .6rem 0; }
"""


def suffix(as_of: str | None, first: bool) -> str:
    """``?as_of=DATE`` (``first``) or ``&as_of=DATE`` to end a link with, or ``""``."""
    if as_of is None:
        return ""
    return ("?" if first else "&") + "as_of=" + quote(as_of, safe="")


def banner(report: AsOfReport | None, today: str, params: Mapping[str, str | None]) -> str:
    """The notice above a table as of a date: which date, what was left out and counted
    (:meth:`AsOfReport.summary`), and a link to the same page on today's data (``today``, a
    path, with the page's other parameters ``params``). Empty without a date."""
    if report is None:
        return ""
    kept = {k: v for k, v in params.items() if v and k != "as_of"}
    href = today + ("?" + urlencode(kept) if kept else "")
    date = escape(report.as_of)
    # The summary without its own "As of DATE: ", which the banner starts with.
    counted = report.summary().removeprefix(f"As of {report.as_of}: ")
    return (
        f'<p class="as-of" role="status"><strong>As of {date}</strong>: this page shows the '
        f"data as of {date}: only statements and evidence dated on or before it count. "
        f"{escape(counted[:1].upper() + counted[1:])} "
        f'<a href="{escape(href, quote=True)}">Show the current data</a>.</p>'
    )


__all__ = ["STYLE", "banner", "suffix"]
