"""``POST /extract`` limits the article's text to 2 MiB however it is sent: as the body, or as
the ``text`` field of a form, whose %-encoding makes the body up to three times longer
(docs/extraction.md). A form's body is still bounded before it is read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.errors import install_error_handlers
from api.routers import extract as extract_router

LIMIT = extract_router.MAX_ARTICLE_BYTES
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the extraction was given (it is replaced: a 2 MiB article takes minutes)."""
    seen: list[str] = []

    async def run(text: str, options: dict[str, Any]) -> tuple[Any, str]:
        seen.append(text)
        raise extract_router.ApiError(503, "extract_timeout", "stopped by the test")

    monkeypatch.setattr(extract_router, "_run", run)
    return seen


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(extract_router.router)
    return TestClient(app, raise_server_exceptions=False)


def _form(text: str) -> bytes:
    return urlencode({"text": text, "date": "2025-01-02"}).encode()


@pytest.mark.parametrize("text", [
    "é" * (LIMIT // 2),  # 2 MiB of text, 6 MiB once %-encoded
    "x" * LIMIT,
], ids=["non-ascii", "ascii"])
def test_a_form_article_of_the_limit_is_extracted(client: TestClient, extracted: list[str],
                                                  text: str) -> None:
    response = client.post("/extract", content=_form(text), headers=FORM)
    assert response.json()["error"]["code"] == "extract_timeout"  # it reached the extraction
    assert extracted == [text]


@pytest.mark.parametrize(("body", "headers"), [
    (_form("é" * (LIMIT // 2) + "x"), FORM),
    ("é" * (LIMIT // 2) + "x", {"Content-Type": "text/plain; charset=utf-8"}),
], ids=["form", "text"])
def test_an_article_one_byte_over_is_refused(client: TestClient, extracted: list[str],
                                             body: bytes | str, headers: dict[str, str]) -> None:
    content = body.encode() if isinstance(body, str) else body
    response = client.post("/extract", content=content, headers=headers)
    assert response.status_code == 413
    error = response.json()["error"]
    assert (error["code"], error["details"]) == ("request_too_large", {"limit_bytes": LIMIT})
    assert "the article" in error["message"]
    assert extracted == []


def test_a_form_body_over_its_own_bound_is_refused_without_a_declared_length(
        client: TestClient, extracted: list[str]) -> None:
    chunk = b"text=" + b"%C3%A9" * (64 * 1024)

    def chunks() -> Iterator[bytes]:  # sent chunked: no Content-Length to refuse it by
        for _ in range(extract_router.MAX_FORM_BYTES // len(chunk) + 2):
            yield chunk

    response = client.post("/extract", content=chunks(), headers=FORM)
    assert response.status_code == 413
    assert response.json()["error"]["details"] == {"limit_bytes": extract_router.MAX_FORM_BYTES}
    assert extracted == []
