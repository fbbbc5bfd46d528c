"""The front page and the list of questions are built beside the event loop: the front page
counts every claim by status and ranks items for the questions' examples (a tenth of a second
at 1M triples, for every visit), the list ranks them for its examples on every request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import api.questions.router as questions_router
import api.routers.pages_html as pages_html
from api.app import create_app
from api.settings import Settings
from kg.store import KnowledgeStore
from tests.off_loop import Held, answered_meanwhile


def test_the_front_page_is_built_beside_the_loop_once_per_version(
    make_store: Callable[..., KnowledgeStore], make_settings: Callable[..., Settings],
    live_server: Callable[[Any], Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    held = Held(monkeypatch, pages_html, "front_page")
    built = []
    holding = pages_html.front_page
    monkeypatch.setattr(pages_html, "front_page",
                        lambda *a, **k: built.append(1) or holding(*a, **k))
    app = create_app(make_settings(), store=make_store())
    with live_server(app) as url:
        page = answered_meanwhile(url, held, lambda: httpx.get(f"{url}/", timeout=60))
        assert page.status_code == 200 and "Named questions" in page.text
        # The next visit of the same data version is the same page, not built again.
        again = httpx.get(f"{url}/", timeout=60)
        assert again.text == page.text
        assert len(built) == 1


def test_the_questions_list_is_built_beside_the_loop(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, questions_router, "served_examples")
    url = make_server()
    listing = answered_meanwhile(url, held, lambda: httpx.get(f"{url}/questions", timeout=60))
    assert listing.status_code == 200
    names = {q["name"] for q in listing.json()}
    assert "claims-by-actor" in names
    by_actor = next(q for q in listing.json() if q["name"] == "claims-by-actor")
    assert by_actor["examples"][0] == "/questions/claims-by-actor?actor=putin"
