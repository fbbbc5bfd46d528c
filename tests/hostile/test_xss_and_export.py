"""XSS payloads in every text field, loaded through the API, never run in the pages; and file
names that an export could be tricked into.

The payloads are those of ``tests/data/viz/xss-case.yaml`` (uploaded as a case file) and, in
every text field of the four JSON write endpoints, :data:`PAYLOADS`. The front page, the
claims table and the graph view are then parsed: no payload appears unescaped, no element or
attribute that runs script comes from the data, and (with Debian's chromium, when installed)
a real browser opening the pages fires no dialog and sets no ``window.__xss`` (marked
``slow``: ``-m slow``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli_app
from api.settings import Settings
from kg.store import KnowledgeStore

XSS_CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "xss-case.yaml"
PAYLOADS = [
    "<script>window.__xss='P1'</script>",
    "\"><img src=x onerror=\"window.__xss='P2'\">",
    "'><svg/onload=alert('P3')>",
    "</textarea></title><script>alert('P4')</script>",
    "javascript:alert('P5')",
    "{{constructor.constructor('alert(\"P6\")')()}}",
    "<a href=\"javascript:alert('P7')\">P7</a>",
]
PAGES = ["/", "/claims.html", "/actors.html", "/evidence.html", "/graph", "/graph?group=true",
         "/graph?focus=xss-json-claim", "/graph?focus=xss-json-actor"]
# What the data put in: it may appear escaped, never as markup.
RAW = ["<script>window.__xss", "<img src=x onerror", "<svg/onload", "<svg onload",
       "</script><script>alert", "</script><script>window", "<iframe src",
       "onmouseover=\"alert", "<a href=\"javascript:"]


def _entries() -> list[tuple[str, dict[str, Any]]]:
    p = PAYLOADS
    document = {"id": "xss-json-doc", "title": p[0], "url": p[4], "note": p[1],
                "date": "2024-10-20", "date_text": p[2]}
    return [
        ("/actors", {"id": "xss-json-actor", "name": p[1], "kind": "Person", "role": p[2],
                     "aliases": [p[3], p[5]], "note": p[6], "document": document}),
        ("/claims", {"id": "xss-json-claim", "text": p[3], "note": p[0]}),
        ("/statements", {"actor": "xss-json-actor", "claim": "xss-json-claim",
                         "stance": "affirms", "verb": p[2], "quote": p[6],
                         "reported_as": p[1], "date_text": p[5], "note": p[4]}),
        ("/evidence", {"id": "xss-json-evidence", "kind": "Photograph", "description": p[0],
                       "label": p[1], "note": p[2], "supports": ["xss-json-claim"]}),
    ]


@pytest.fixture(scope="module")
def loaded(seed_dir: Path, tmp_path_factory: pytest.TempPathFactory, token: str
           ) -> Iterator[TestClient]:
    """A service whose data holds every payload, all loaded through the API."""
    path = tmp_path_factory.mktemp("xss") / "store"
    shutil.copytree(seed_dir, path)
    store = KnowledgeStore(path)
    app = create_app(Settings(query_workers=1, writes_enabled=True, write_token=token),
                     store=store)
    with TestClient(app, raise_server_exceptions=False) as client:
        auth = {"Authorization": f"Bearer {token}"}
        upload = client.post("/data", content=XSS_CASE.read_bytes(),
                             headers={**auth, "Content-Type": "application/yaml"})
        assert upload.status_code == 201, upload.text
        for path_, body in _entries():
            response = client.post(path_, json=body, headers=auth)
            assert response.status_code == 201, (path_, response.text)
        yield client
    store.close()


class _Markup(HTMLParser):
    """Collects what runs script: script elements' text and on* / javascript: attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.handlers: list[tuple[str, str, str]] = []
        self.script_sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.handlers.append((tag, name, value or ""))
            if tag == "script" and name == "src":
                self.script_sources.append(value or "")


@pytest.mark.parametrize("page", PAGES)
def test_payloads_are_escaped_in_every_page(loaded: TestClient, page: str) -> None:
    response = loaded.get(page)
    assert response.status_code == 200, response.text
    html = response.text
    # The data is there (escaped), so the test looks at a page that shows it.
    if page == "/claims.html":
        assert escape(PAYLOADS[3]) in html
    elif page in ("/actors.html", "/evidence.html"):
        assert escape(PAYLOADS[1]) in html  # the JSON actor's name, the JSON evidence's label
    elif page.startswith("/graph"):
        assert "xss-json-claim" in html or "xss-json-actor" in html
    for raw in RAW:
        assert raw not in html, (page, raw)
    markup = _Markup()
    markup.feed(html)
    assert markup.handlers == [], (page, markup.handlers)
    assert all(src.startswith("data:") or src.startswith("/") or not src
               for src in markup.script_sources), markup.script_sources
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy or "script-src" in policy


def test_json_answers_carry_the_payloads_as_data(loaded: TestClient) -> None:
    """The API returns the text as it was written (JSON escapes it), not altered."""
    claim = loaded.get("/claims/xss-json-claim").json()
    assert claim["text"] == PAYLOADS[3]
    actor = loaded.get("/actors/xss-json-actor")
    assert actor.status_code == 200
    assert actor.headers["content-type"].startswith("application/json")
    assert actor.json()["label"] == PAYLOADS[1]


@pytest.mark.slow  # 10 s; tests/browser checks the graph view's escaping by default
def test_a_real_browser_runs_no_payload(loaded: TestClient, live_server: Any) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("no chromium (apt-get install chromium)")
    with live_server(loaded.app) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message),
                                              dialog.dismiss()))
            for path_ in PAGES:
                page.goto(url + path_, wait_until="load")
                page.wait_for_timeout(300)
                # Hover every element: mouseover handlers are a classic route.
                page.evaluate("""() => { for (const e of document.querySelectorAll('*'))
                    e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); }""")
                assert page.evaluate("() => window.__xss === undefined"), path_
            assert dialogs == []
        finally:
            browser.close()


# --- file names ----------------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {}, {"format": "nt"}, {"format": "rdfxml"}, {"claim": "nk-troops-in-russia"},
    {"claim": "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia", "format": "jsonld"},
])
def test_export_file_names_never_come_from_the_request(loaded: TestClient,
                                                      params: dict[str, str]) -> None:
    response = loaded.get("/export", params=params)
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="cred-kg.')
    name = disposition.split('"')[1]
    assert "/" not in name and ".." not in name.removeprefix("cred-kg")


def test_kg_export_writes_only_where_the_operator_says(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "out.ttl"
    # A claim id that is a path names nothing, and nothing is written anywhere.
    result = runner.invoke(cli_app, ["export", "--claim", "../../../etc/passwd",
                                     "-o", str(target)])
    assert result.exit_code == 1
    assert "no claim" in result.stderr
    assert not target.exists()
    assert sorted(tmp_path.iterdir()) == []
    # A path that cannot be written is a clear error (exit 2), not a traceback.
    missing = tmp_path / "no" / "such" / "folder" / "out.ttl"
    result = runner.invoke(cli_app, ["export", "--no-seed", "-o", str(missing)])
    assert result.exit_code == 2
    assert f"cannot write {missing}: No such file or directory" in result.stderr
    result = runner.invoke(cli_app, ["export", "--no-seed", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "Is a directory" in result.stderr
    # The path the operator gives is used as given: the file name is theirs, never the data's.
    result = runner.invoke(cli_app, ["export", "--claim", "nk-troops-in-russia",
                                     "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ttl"]
