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
    # The filters by actor and evidence kind come from the bulk numbers too (by date: from
    # the explanations, test_claims_filters).
    by_actor = client.get("/claims", params={"actor": "north-korea", "limit": 100}).json()
    assert {c["id"] for c in by_actor["items"]} == {
        "nk-sent-troops-to-assist-war-on-ukraine",
        "nk-troops-sent-for-possible-deployment-to-ukraine"}
    by_kind = client.get("/claims", params={"evidence_kind": "satelliteimagery"}).json()
    assert {c["id"] for c in by_kind["items"]} == {
        "nk-troops-at-far-east-training-ground", "nk-troops-in-russia"}
    dated = client.get("/claims", params={"since": "2024-10-24", "until": "2024-10-24",
                                          "min_groups": 3}).json()
    assert [c["id"] for c in dated["items"]] == ["nk-troops-in-russia"]
    assert client.get("/claims", params={"until": "2024-09"}).json()["total"] == 0
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


@pytest.fixture
def statement_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The seed case read as a large store is: lazily (no whole-graph read at analysis), with
    every explanation on demand; counts the whole-graph reads (which read every statement)."""
    import kg.analysis

    reads: list[int] = []
    original = kg.analysis.read_case_graph

    def counting(source: Any) -> Any:
        reads.append(1)
        return original(source)

    monkeypatch.setattr(kg.analysis, "EAGER_STATEMENTS", 0)
    monkeypatch.setattr(kg.analysis, "read_case_graph", counting)
    monkeypatch.setattr(state, "EXPLAIN_AT_REFRESH_MAX_CLAIMS", 10)
    return reads


def test_a_large_store_starts_and_lists_without_reading_statements(
    make_client: Callable[..., TestClient], statement_reads: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from viz import large

    monkeypatch.setattr(large, "SUMMARY_ABOVE", 10)  # the graph view opens on a summary
    client = make_client()
    claims = client.get("/claims", params={"limit": 1000}).json()
    assert claims["items"][0]["text"].startswith("North Korean troops are in Russia")
    actors = {a["id"]: a for a in client.get("/actors", params={"limit": 1000}).json()["items"]}
    assert actors["kirby"]["label"] == "John Kirby"
    evidence = client.get("/evidence", params={"kind": "SatelliteImagery"}).json()
    assert [e["id"] for e in evidence["items"]] == ["nis-satellite-images"]
    by_actor = client.get("/claims", params={"actor": "putin", "status": "corroborated"}).json()
    assert {c["id"] for c in by_actor["items"]} == {
        "nk-troops-in-russia", "russia-nk-treaty-has-mutual-defence-clause"}
    dated = client.get("/claims", params={"since": "2024-10", "min_groups": 3}).json()
    assert [c["id"] for c in dated["items"]] == ["nk-troops-in-russia"]
    assert statement_reads == []
    assert "North Korean troops" in client.get("/graph").text
    assert statement_reads == []
    # One claim's explanation reads its own statements only (not the whole graph).
    one = client.get("/claims/nk-troops-in-russia").json()
    assert {g["label"] for g in one["affirming"]} == {"South Korea", "Ukraine", "United States"}
    assert statement_reads == []


def test_a_write_to_a_large_store_renews_the_records_lists_show(
    make_client: Callable[..., TestClient], statement_reads: list[int], token: str
) -> None:
    client = make_client(writes_enabled=True, write_token=token)
    client.headers["Authorization"] = f"Bearer {token}"
    made = client.post("/claims", json={"id": "bridge-closed", "text": "The bridge is closed."})
    assert made.status_code == 201, made.text
    listed = client.get("/claims", params={"limit": 1000}).json()["items"]
    assert {c["id"]: c["text"] for c in listed}["bridge-closed"] == "The bridge is closed."
    assert statement_reads == []


def _wait_for_indexes(state: Any, version: int) -> dict[str, Any]:
    """The cache of snapshot ``version`` once its background build has run (waits on it)."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        snapshot = state.current
        built = {"claims", "actors", "evidence"} <= snapshot.cache.keys()
        if snapshot.version == version and built:
            return snapshot.cache
        time.sleep(0.02)
    raise AssertionError(f"the list indexes of version {version} were not built")


def test_each_version_s_list_indexes_are_built_before_any_request(
    make_client: Callable[..., TestClient], statement_reads: list[int], token: str
) -> None:
    # No request has asked for a list: the indexes are there all the same, built after the
    # start-up and again after a write, so the first /claims of a large store does not wait.
    client = make_client(writes_enabled=True, write_token=token)
    client.headers["Authorization"] = f"Bearer {token}"
    state = client.app.state.kg  # type: ignore[attr-defined]
    first = _wait_for_indexes(state, 1)
    assert len(first["claims"].iris) == 27
    made = client.post("/claims", json={"id": "bridge-closed", "text": "The bridge is closed."})
    assert made.status_code == 201, made.text
    second = _wait_for_indexes(state, 2)
    assert len(second["claims"].iris) == 28
    listed = client.get("/claims", params={"limit": 1000}).json()
    assert listed["total"] == 28
    assert statement_reads == []
