"""``POST /extract`` and its form: JSON, YAML and HTML answers, limits, and no writes."""

from __future__ import annotations

import ast
import json
import warnings
from html.parser import HTMLParser

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from api.errors import install_error_handlers  # noqa: E402
from api.routers import extract as extract_router  # noqa: E402
from kg.authoring import compile_case_text  # noqa: E402
from tests.extract.conftest import ROOT  # noqa: E402

ARTICLE = (ROOT / "tests" / "data" / "cases" / "port-fire.txt").read_text(encoding="utf-8")


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(extract_router.router)
    return TestClient(app)


def test_post_text_returns_the_draft_and_items_with_spans(client: TestClient) -> None:
    response = client.post("/extract", content=ARTICLE.encode(),
                           headers={"Content-Type": "text/plain"})
    assert response.status_code == 200
    body = response.json()
    compile_case_text(body["draft"], source="draft.yaml")
    assert body["text"] == ARTICLE
    statements = [i for i in body["items"] if i["type"] == "statement"]
    assert {i["stance"] for i in statements} == {"affirms", "denies", "hedges"}
    for item in statements:
        start, end = item["spans"][0]
        assert ARTICLE[start:end].strip()


def test_accept_yaml_returns_the_case_file(client: TestClient) -> None:
    response = client.post("/extract", content=ARTICLE.encode(),
                           headers={"Content-Type": "text/plain", "Accept": "application/yaml"},
                           params={"threshold": "0.9"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    assert "# REVIEW" in response.text


def test_html_body_is_reduced_to_text(client: TestClient) -> None:
    page = ("<html><head><meta property='og:site_name' content='The Valley Times'></head>"
            "<body><p>The mayor said the dam was safe.</p></body></html>")
    response = client.post("/extract", content=page.encode(),
                           headers={"Content-Type": "text/html"})
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == "The mayor said the dam was safe."
    assert body["document"]["publisher"] == "valley-times"


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks: list[str] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.marks.append(dict(attrs).get("class") or "")
        if tag == "script":
            self.scripts.append(dict(attrs))


def test_the_form_shows_highlighted_spans_and_escapes_the_text(client: TestClient) -> None:
    form = client.get("/extract")
    assert form.status_code == 200 and "<form" in form.text
    text = 'The mayor said the <b>dam</b> was "safe" & sound.'
    response = client.post("/extract", data={"text": text, "publisher": "The Valley Times"})
    assert response.status_code == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "<b>dam</b>" not in response.text and "&lt;b&gt;dam&lt;/b&gt;" in response.text
    parser = _Marks()
    parser.feed(response.text)
    assert {"speaker", "cue", "claim"} <= {m.split()[0] for m in parser.marks}
    assert all(s.get("type") == "application/json" for s in parser.scripts)


#: Markup, quotes and ampersands that reach the items' strings (the claim's text).
HOSTILE = ("The mayor said the dam's \"Q&A\" </script><script>alert(1)</script> "
           "was safe & sound.\n\nThe engineer said the dam was <b>unsafe</b>.")


class _Scripts(HTMLParser):
    """Each <script> element's attributes and text, as a browser would split the page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append((dict(attrs), ""))
            self._open = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


def test_the_page_embeds_the_items_as_json_that_parses_back(client: TestClient) -> None:
    items = client.post("/extract", content=HOSTILE.encode(),
                        headers={"Content-Type": "text/plain"}).json()["items"]
    strings = json.dumps(items)
    assert "</script><script>alert(1)</script>" in strings and "&" in strings
    page = client.post("/extract", data={"text": HOSTILE}).text
    parser = _Scripts()
    parser.feed(page)
    # the hostile text closed no element: one script, the data block, and it ends the page
    assert [attrs for attrs, _ in parser.scripts] == [
        {"type": "application/json", "id": "items"}]
    raw = parser.scripts[0][1]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert json.loads(raw) == items
    assert page.endswith(f"{raw}</script></body></html>")


@pytest.mark.parametrize(("headers", "body", "status", "code"), [
    ({"Content-Type": "application/json"}, b"{}", 415, "unsupported_media_type"),
    ({"Content-Type": "text/plain"}, b"   ", 400, "empty_article"),
    ({"Content-Type": "text/plain"}, b"\xff\xfe\x00", 400, "invalid_encoding"),
    ({"Content-Type": "text/plain"}, b"x" * (extract_router.MAX_ARTICLE_BYTES + 1), 413,
     "request_too_large"),
])
def test_bad_requests_get_the_one_error_shape(client: TestClient, headers: dict[str, str],
                                              body: bytes, status: int, code: str) -> None:
    response = client.post("/extract", content=body, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_an_article_sent_as_a_form_by_mistake_is_told_how_to_send_it(
        client: TestClient) -> None:
    # what `curl --data-binary @article.txt` sends without a Content-Type
    response = client.post("/extract", content=b"The mayor said the dam was safe.",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 400
    assert "Content-Type: text/plain" in response.json()["error"]["message"]


def test_a_bad_date_is_refused(client: TestClient) -> None:
    response = client.post("/extract", content=b"The mayor said the dam was safe.",
                           headers={"Content-Type": "text/plain"}, params={"date": "2025-13-01"})
    assert response.status_code == 400
    assert json.loads(response.text)["error"]["details"] == {"parameter": "date"}


def test_the_router_never_touches_a_store() -> None:
    """The router imports nothing that reaches the service's state or a store."""
    tree = ast.parse((ROOT / "api" / "routers" / "extract.py").read_text(encoding="utf-8"))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    modules |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for a in node.names}
    assert not modules & {"api.deps", "api.state", "kg.store", "pyoxigraph"}
    assert "app.state" not in ast.unparse(tree)


class _Forms(HTMLParser):
    """Each <form>'s fields as a browser would submit them (inputs and textareas)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, str]] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({})
        elif tag == "input" and "name" in found:
            self.forms[-1][found["name"]] = found.get("value", "")
        elif tag == "textarea":
            self._textarea = found["name"]
            self.forms[-1][self._textarea] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.forms[-1][self._textarea] += data


def _forms(page: str) -> list[dict[str, str]]:
    parser = _Forms()
    parser.feed(page)
    parser.close()
    return parser.forms


def test_the_result_page_downloads_the_draft_and_offers_the_form_again(
    client: TestClient,
) -> None:
    sent = {"text": HOSTILE + "\n</textarea><b>x</b> \u202eevil\u202c", "date": "2025-03-04",
            "publisher": "The \"Valley\" Times", "title": "Dam <safe>", "threshold": "0.7"}
    page = client.post("/extract", data=sent).text
    assert "</textarea><b>x</b>" not in page
    download, again = _forms(page)
    # The download button sends the same article and options, and gets the file itself.
    assert download == {**sent, "download": "yaml"}
    response = client.post("/extract", data=download)
    assert response.headers["content-type"].startswith("application/yaml")
    assert response.headers["content-disposition"] == 'attachment; filename="draft.yaml"'
    query = {k: sent[k] for k in ("date", "publisher", "title", "threshold")}
    same = client.post("/extract", content=sent["text"].encode(), params=query,
                       headers={"Content-Type": "text/plain", "Accept": "application/yaml"})
    assert response.text == same.text
    assert "Dam <safe>" in compile_case_text(response.text, source="draft.yaml").graph.serialize()
    # The form below the draft is filled with what was sent, to correct and extract again.
    assert again == sent


def test_the_forms_threshold_is_checked(client: TestClient) -> None:
    response = client.post("/extract", data={"text": ARTICLE, "threshold": "high"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_threshold"
