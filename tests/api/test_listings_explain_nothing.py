"""On a large store, the start-up and the listings build no explanation: they read the bulk
summaries, so that they stay cheap at a million triples, and one claim's explanation is built
when it is asked for. On a small store a refresh builds them all at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import state
from kg.analysis import _Everything
from kg.analysis.explain import Explainer


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many claim and actor explanations were built, one at a time or all at once."""
    calls = {"claim": 0, "actor": 0, "all": 0}

    def count(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return original(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(Explainer, "claim", count("claim", Explainer.claim))
    monkeypatch.setattr(Explainer, "actor", count("actor", Explainer.actor))
    monkeypatch.setattr(_Everything, "claims", count("all", _Everything.claims))
    monkeypatch.setattr(_Everything, "actors", count("all", _Everything.actors))
    return calls


def test_listings_and_pages_build_no_explanation(
    make_client: Callable[..., TestClient], counted: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The seed case stands in for a large store.
    monkeypatch.setattr(state, "EXPLAIN_AT_REFRESH_MAX_CLAIMS", 10)
    client = make_client()
    claims = client.get("/claims", params={"limit": 1000}).json()
    assert claims["total"] == 27 and len(claims["items"]) == 27
    top = claims["items"][0]
    assert top["id"] == "nk-troops-in-russia"
    assert top["affirmed_by"] == ["South Korea", "Ukraine", "United States"]
    actors = client.get("/actors", params={"limit": 1000}).json()
    assert any(a["id"] == "putin" for a in actors["items"])
    status = client.get("/status").json()
    assert (status["claims"], status["statements"], status["evidence"]) == (27, 27, 6)
    assert "27</strong> claims" in client.get("/").text
    assert "nk-troops-in-russia" in client.get("/claims.html").text
    assert counted == {"claim": 0, "actor": 0, "all": 0}

    one = client.get("/claims/nk-troops-in-russia").json()
    assert [g["label"] for g in one["affirming"]] == top["affirmed_by"]
    assert counted["all"] == 0


def test_a_small_store_is_explained_at_refresh(
    make_client: Callable[..., TestClient], counted: dict[str, int]
) -> None:
    client = make_client()
    assert counted["all"] == 2  # claims and actors, each in one pass
    built = dict(counted)
    one = client.get("/claims/nk-troops-in-russia").json()
    assert {g["label"] for g in one["affirming"]} == {"South Korea", "Ukraine", "United States"}
    putin = client.get("/actors/putin").json()
    assert putin["id"] == "putin"
    assert counted == built  # answered from what the refresh built
