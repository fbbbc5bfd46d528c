"""A refresh (at start-up and after each write) counts the store's quads without pyoxigraph's
``len()``, which holds the GIL for the whole count: 0.4 s at 2.4M quads during which the event
loop, and so every client, waited. A query counts them and lets other threads run."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from kg.store import KnowledgeStore


def test_the_quads_are_counted_without_len(
    make_store: Callable[..., KnowledgeStore], make_client: Callable[..., TestClient],
    token: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = make_store()
    expected = len(store)

    def refused(self: KnowledgeStore) -> int:
        raise AssertionError("len() of an embedded store holds the GIL while it counts")

    monkeypatch.setattr(KnowledgeStore, "__len__", refused)
    client = make_client(writes_enabled=True, write_token=token)
    status = client.get("/status").json()
    # The analysis graph written at start-up is counted too.
    assert status["quads"] == expected + status["analysis_quads"]
    answer = client.post("/data", content=(
        "<https://example.org/s> <https://example.org/p> <https://example.org/o> .\n"),
        headers={"Content-Type": "application/n-triples", "Authorization": f"Bearer {token}"})
    assert answer.status_code == 201, answer.text
    after = client.get("/status").json()
    assert after["version"] == status["version"] + 1
    assert after["quads"] == status["quads"] + 1 + after["analysis_quads"] - status[
        "analysis_quads"]
