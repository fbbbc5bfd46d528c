"""Building a list's index (every claim sorted: seconds on a large store) or the claims
table's page happens beside the event loop: meanwhile the service answers other requests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import api.routers.claims as claims
import api.routers.pages_html as pages_html
from api.app import create_app
from api.settings import Settings
from kg.store import KnowledgeStore
from tests.off_loop import Held, answered_meanwhile


@pytest.mark.parametrize(("module", "name", "path"), [
    (claims, "_index", "/claims"),
    (pages_html, "claims_page", "/claims.html"),
])
def test_another_request_is_answered_while_a_list_is_built(
    make_store: Callable[..., KnowledgeStore], make_settings: Callable[..., Settings],
    live_server: Callable[[Any], Any], monkeypatch: pytest.MonkeyPatch,
    module: Any, name: str, path: str,
) -> None:
    held = Held(monkeypatch, module, name)  # a build over a hundred thousand claims
    app = create_app(make_settings(), store=make_store())
    # No background build after start-up: the request below is the one that builds.
    app.state.kg.warmers = []
    with live_server(app) as url:
        answer = answered_meanwhile(url, held, lambda: httpx.get(url + path, timeout=60))
    assert answer.status_code == 200
    assert "nk-troops-in-russia" in answer.text
