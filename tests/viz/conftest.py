"""Fixtures for the graph view: the seed case, a case full of hostile strings, and a small
HTML parser that turns a page into the facts the tests assert on."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kg.analysis import Analysis, analyse
from kg.seed import seed_paths
from kg.store import KnowledgeStore

DATA = Path(__file__).resolve().parents[1] / "data" / "viz"
XSS_CASE = DATA / "xss-case.yaml"
XSS_TITLE = "<script>alert('title')</script> <a href=\"javascript:alert('t')\">x</a>"


def _analyse(paths: list[Path]) -> Analysis:
    with KnowledgeStore() as store:
        store.load(paths)
        return analyse(store)


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    return _analyse(seed_paths())


@pytest.fixture(scope="session")
def xss_analysis() -> Analysis:
    return _analyse([XSS_CASE])


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class ParsedPage:
    """What a page holds: its elements in order, the text outside scripts and styles, and
    the embedded data."""

    elements: list[Element] = field(default_factory=list)
    text: str = ""

    def all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def by_id(self, ident: str) -> Element:
        (found,) = [e for e in self.elements if e.attrs.get("id") == ident]
        return found

    @property
    def data(self) -> dict[str, Any]:
        """The view's data: the ``kg-data`` block, with ``details`` from ``kg-details``."""
        data: dict[str, Any] = json.loads(self.by_id("kg-data").text)
        data["details"] = json.loads(self.by_id("kg-details").text)
        return data


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._open: list[Element] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.page.elements.append(element)
        if tag in ("script", "style", "title", "textarea"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1].tag == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1].text += data
            if self._open[-1].tag not in ("title", "textarea"):
                return
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._text)


def parse_page(html: str) -> ParsedPage:
    """Parse ``html`` with the standard library's parser."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.page


@pytest.fixture(scope="session")
def parse() -> Any:
    """The page parser, as a fixture: ``parse(html) -> ParsedPage``."""
    return parse_page


@pytest.fixture(scope="session")
def xss_title() -> str:
    """A page title that is a script and a link with ``href``."""
    return XSS_TITLE
