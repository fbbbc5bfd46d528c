"""Which rows of a long table one HTML page shows, and the links to the pages around it
(shared by the claims, actors and evidence tables)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode


def query_string(params: Mapping[str, str | None]) -> str:
    """``?a=b`` of the parameters that are set, escaped for an attribute."""
    kept = {k: v for k, v in params.items() if v}
    return escape("?" + urlencode(kept), quote=True)


@dataclass(frozen=True)
class Window:
    """Which rows of the ``total`` that match a page shows: ``limit`` from ``offset``."""

    total: int
    offset: int
    limit: int

    def count(self, what: str) -> str:
        """ "12 actors." or, when the rows do not fit one page, "Rows 201-400 of 950 actors."."""
        shown = max(0, min(self.total, self.offset + self.limit) - self.offset)
        if shown == self.total:
            return f"{self.total} {what}."
        if not shown:  # an offset past the last row ("Rows 300-300 of 5" named rows not shown)
            return f"{self.total} {what}; none from row {self.offset + 1} on."
        return f"Rows {self.offset + 1}-{self.offset + shown} of {self.total} {what}."

    def links(self, params: Mapping[str, str | None]) -> str:
        """Links to the previous and the next page, keeping the filters ``params``."""
        out = []
        size = {"limit": str(self.limit)}
        if self.offset > 0:
            back = str(max(0, min(self.offset, self.total) - self.limit))
            out.append(f'<a href="{query_string({**params, **size, "offset": back})}">previous</a>')
        if self.offset + self.limit < self.total:
            ahead = str(self.offset + self.limit)
            out.append(f'<a href="{query_string({**params, **size, "offset": ahead})}">next</a>')
        return "<p>Page: " + " \u00b7 ".join(out) + "</p>" if out else ""


__all__ = ["Window", "query_string"]
