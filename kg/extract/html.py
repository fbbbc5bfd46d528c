"""Reduce a saved HTML page to article text, with the standard library's parser only.

Nothing referenced by the page is fetched: scripts, styles, images and links are ignored, and
no URL is resolved. Block elements (paragraphs, headings, list items, table rows, ``<br>``)
become line breaks, so that each paragraph is one line, as :mod:`kg.extract.sentences`
expects. Page furniture is dropped with its element: ``script``, ``style``, ``nav``,
``header``, ``footer``, ``aside``, ``form``, ``noscript``, ``svg``, ``template``, ``button``;
but a ``header`` inside an ``article`` is the article's own (headline, byline, date) and is
kept. The page's ``<title>``, its first ``<h1>`` and, when present, ``og:site_name`` and
``article:published_time`` are returned as metadata.

Example:
    >>> page = ('<html><head><title>Fire at Pier 7</title></head><body><nav>Home</nav>'
    ...         '<p>The chief said the fire was <b>out</b>.</p><script>x()</script></body></html>')
    >>> text, meta = html_to_text(page)
    >>> text
    'The chief said the fire was out.'
    >>> meta["title"]
    'Fire at Pier 7'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg",
         "template", "button", "iframe", "object", "select"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "blockquote",
          "figcaption", "section", "article", "pre", "dd", "dt", "hr", "title"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col",
         "embed", "param", "track"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_title = False
        self.meta: dict[str, str] = {}
        self.articles = 0  # open <article> elements
        self.headers: list[bool] = []  # for each open <header>: whether it is skipped
        self.h1: list[str] | None = None  # the first <h1>'s words, while it is open

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            key = values.get("property") or values.get("name") or ""
            if key in {"og:site_name", "article:published_time", "og:title", "author"} and \
                    values.get("content"):
                self.meta[key] = values["content"] or ""
            return
        if tag == "article":
            self.articles += 1
        if tag == "header":
            self.headers.append(not self.articles)
            self.skipping += not self.articles
        elif tag in _SKIP and tag not in _VOID:
            self.skipping += 1
        if tag == "h1" and "h1" not in self.meta and not self.skipping:
            self.h1 = []
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.articles:
            self.articles -= 1
        if tag == "header":
            if self.headers and self.headers.pop() and self.skipping:
                self.skipping -= 1
        elif tag in _SKIP and tag not in _VOID and self.skipping:
            self.skipping -= 1
        if tag == "h1" and self.h1 is not None:
            self.meta["h1"] = re.sub(r"\s+", " ", "".join(self.h1)).strip()
            self.h1 = None
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.meta["title"] = (self.meta.get("title", "") + data).strip()
        elif not self.skipping:
            self.parts.append(data)
            if self.h1 is not None:
                self.h1.append(data)


def html_to_text(page: str) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page, one paragraph a line, and its metadata.

    Args:
        page: the HTML, as text.

    Returns:
        ``(text, meta)``; ``meta`` may hold ``title``, ``h1``, ``og:site_name``,
        ``og:title``, ``author`` and ``article:published_time``.
    """
    parser = _TextParser()
    parser.feed(page)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip()
        if line:
            lines.append(line)
    return "\n\n".join(lines), parser.meta


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than plain text."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:p|div|body|article|head)\b", head))


__all__ = ["html_to_text", "looks_like_html"]
