"""A real browser for the graph view: Debian's chromium, driven by playwright.

The playwright wheel bundles its driver; no browser is ever downloaded (``playwright
install`` is never run). Tests are skipped, with the reason, when playwright or
``/usr/bin/chromium`` is missing; ``.ci/run`` installs chromium, so CI runs them.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.analysis import Analysis, analyse
from kg.seed import seed_paths
from kg.store import KnowledgeStore
from viz import build_view, render_page

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
XSS_CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "xss-case.yaml"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Graph:
    """A page showing the graph view, with what it did recorded: requests, dialogs, errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str) -> Any:
        response = self.page.goto(url)
        self.page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)
        return response

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def drawn(self) -> list[str]:
        """Ids of the nodes vis-network holds now."""
        return self.js("window.kgView.network.body.nodeIndices.slice()")

    def click_node(self, node_id: str) -> None:
        """Click a node where it is drawn on the canvas, as a person would."""
        self.js("(id) => window.kgView.network.focus(id, {scale: 1.2, animation: false})",
                node_id)
        x, y = self.js("""(id) => {
            const n = window.kgView.network, p = n.canvasToDOM(n.getPosition(id));
            const r = document.querySelector('#kg-graph canvas').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", node_id)
        self.page.mouse.click(x, y)
        self.page.wait_for_selector("#kg-panel:not([hidden])")

    def panel_text(self) -> str:
        return self.page.inner_text("#kg-panel")


@pytest.fixture
def graph(browser: Any) -> Iterator[Callable[..., Graph]]:
    contexts = []

    def make(width: int = 1400, height: int = 900) -> Graph:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        return Graph(context.new_page())

    yield make
    for context in contexts:
        context.close()


def _analyse(paths: list[Path]) -> Analysis:
    with KnowledgeStore() as store:
        store.load(paths)
        return analyse(store)


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    return _analyse(seed_paths())


@pytest.fixture(scope="session")
def page_file(tmp_path_factory: pytest.TempPathFactory, seed_analysis: Analysis
              ) -> Callable[..., str]:
    """``page_file(analysis=None, **build_options) -> file:// URL`` of a standalone page."""
    folder = tmp_path_factory.mktemp("pages")

    def make(analysis: Analysis | None = None, title: str = "Seed case", **options: Any) -> str:
        page = render_page(build_view(analysis or seed_analysis, **options), title=title)
        path = folder / f"page-{len(list(folder.iterdir()))}.html"
        path.write_text(page, encoding="utf-8")
        return path.as_uri()

    return make


@pytest.fixture(scope="session")
def xss_analysis() -> Analysis:
    return _analyse([XSS_CASE])


@pytest.fixture(scope="session")
def server(live_server: Callable[[Any], Any]) -> Iterator[str]:
    """A live service (as ``kg serve`` runs it) on the seed case plus the hostile case."""
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from api.app import create_app
    from api.settings import Settings

    settings = Settings(query_workers=1, data=[*seed_paths(), XSS_CASE])
    with live_server(create_app(settings)) as url:
        yield url
