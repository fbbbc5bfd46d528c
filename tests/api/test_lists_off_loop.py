"""Building a list's index (every claim sorted: seconds on a large store) or the claims
table's page happens beside the event loop: meanwhile the service answers other requests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import api.routers.claims as claims
import api.routers.pages_html as pages_html
from api.app import create_app
from api.settings import Settings
from kg.store import KnowledgeStore


@pytest.mark.parametrize(("module", "name", "path"), [
    (claims, "_index", "/claims"),
    (pages_html, "claims_page", "/claims.html"),
])
def test_another_request_is_answered_while_a_list_is_built(
    make_store: Callable[..., KnowledgeStore], make_settings: Callable[..., Settings],
    live_server: Callable[[Any], Any], monkeypatch: pytest.MonkeyPatch,
    module: Any, name: str, path: str,
) -> None:
    building, released = threading.Event(), threading.Event()
    real = getattr(module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        # Stands for a build over a hundred thousand claims: it holds until the test lets go.
        building.set()
        released.wait(timeout=30)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)
    app = create_app(make_settings(), store=make_store())
    # No background build after start-up: the request below is the one that builds.
    app.state.kg.warmers = []
    with live_server(app) as url:
        _list_while_asking_status(url, path, building, released)


def _list_while_asking_status(url: str, path: str, building: threading.Event,
                              released: threading.Event) -> None:
    answers: list[httpx.Response] = []
    listing = threading.Thread(target=lambda: answers.append(httpx.get(url + path, timeout=60)))
    listing.start()
    try:
        assert building.wait(timeout=30), "the list was never built"
        # Were the build in the event loop, this request would wait for it (and time out).
        status = httpx.get(f"{url}/status", timeout=10)
        assert not released.is_set()
        assert status.status_code == 200 and "version" in status.json()
    finally:
        released.set()
        listing.join(timeout=60)
    assert answers and answers[0].status_code == 200
    assert "nk-troops-in-russia" in answers[0].text
