"""An id is looked up beside the event loop: an unknown one is compared with every id of its
kind for suggestions (difflib: 0.1 s for the 12,820 claims of 1M triples, ten times that at
10M), and a 404 is cheap for a client to ask for, as often as it likes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import api.questions.router as questions_router
import api.routers.actors as actors
import api.routers.claims as claims
import api.routers.evidence as evidence
import api.routers.export as export
import api.routers.pages as pages
from tests.off_loop import Held, answered_meanwhile


@pytest.mark.parametrize(("module", "name", "path", "suggested"), [
    (claims, "find", "/claims/nk-troops-in-rusia", "nk-troops-in-russia"),
    (claims, "find", "/claims?actor=puttin", "putin"),
    (actors, "find", "/actors/puttin", "putin"),
    (evidence, "find", "/evidence/nis-satellite-image", "nis-satellite-images"),
    (export, "find", "/export?claim=nk-troops-in-rusia", "nk-troops-in-russia"),
    (pages, "suggest_node", "/graph?focus=puttin", "putin"),
    (questions_router, "resolve", "/questions/claims-by-actor?actor=puttin", "putin"),
])
def test_an_unknown_id_is_looked_up_beside_the_loop(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch,
    module: Any, name: str, path: str, suggested: str,
) -> None:
    held = Held(monkeypatch, module, name)
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.get(url + path, timeout=60))
    error = answer.json()["error"]
    assert (answer.status_code, error["code"]) == (404, "not_found")
    assert suggested in error["details"]["suggestions"]
