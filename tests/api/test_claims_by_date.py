"""``/claims?since=...&until=...`` on a large store: the first date filter of a data version
reads the dated statements under the service's write lock; later ones read nothing and do not
wait for writes; and a write that lands while a request waits for the lock does not mix two
versions' claim ids into one answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import kg.analysis
from api import state
from api.state import ServiceState, Snapshot
from kg.namespaces import CRED
from kg.store import KnowledgeStore

CLAIM = "https://w3id.org/cred-kg/id/claim/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture
def explains(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The seed case served as a large store is (explanations on demand, no whole-graph read);
    counts the actions run under the write lock."""
    monkeypatch.setattr(kg.analysis, "EAGER_STATEMENTS", 0)
    monkeypatch.setattr(state, "EXPLAIN_AT_REFRESH_MAX_CLAIMS", 10)
    calls: list[int] = []
    original = ServiceState.explain

    async def counting(self: ServiceState, action: Callable[[Snapshot], Any]) -> Any:
        calls.append(1)
        return await original(self, action)

    monkeypatch.setattr(ServiceState, "explain", counting)
    yield calls


def _ids(client: TestClient, **params: Any) -> list[str]:
    page = client.get("/claims", params={"limit": 1000, **params}).json()
    return [c["id"] for c in page["items"]]


def test_only_the_first_date_filter_of_a_version_waits_for_writes(
    make_client: Callable[..., TestClient], explains: list[int]
) -> None:
    client = make_client()
    assert _ids(client, since="2024-10-24", until="2024-10-24", min_groups=3) == [
        "nk-troops-in-russia"
    ]
    assert explains == [1]
    # Read once: other ranges are answered from the rows read, without the lock.
    assert _ids(client, until="2024-09") == []
    assert "nk-troops-in-russia" in _ids(client, since="2024-10")
    assert explains == [1]


def test_a_write_while_a_date_filter_waits_is_not_mixed_into_its_answer(
    make_client: Callable[..., TestClient], token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.analysis, "EAGER_STATEMENTS", 0)
    monkeypatch.setattr(state, "EXPLAIN_AT_REFRESH_MAX_CLAIMS", 10)
    client = make_client(writes_enabled=True, write_token=token)
    before = client.get("/claims", params={"limit": 1}).json()["version"]
    original = ServiceState.explain

    async def write_first(self: ServiceState, action: Callable[[Snapshot], Any]) -> Any:
        # A claim whose IRI sorts before every other: it renumbers every claim of the new
        # version, so ids of one version read against the other's index pick wrong claims.
        def add(store: KnowledgeStore) -> None:
            store.load_bytes(
                f"<{CLAIM}aaa-first> <{RDF_TYPE}> <{CRED.Claim}> .\n".encode(),
                "ntriples",
                source="<test>",
                validate=False,
            )

        await self.write(add)
        monkeypatch.setattr(ServiceState, "explain", original)
        result: Awaitable[Any] = original(self, action)
        return await result

    monkeypatch.setattr(ServiceState, "explain", write_first)
    response = client.get(
        "/claims", params={"since": "2024-10-24", "until": "2024-10-24", "min_groups": 3}
    )
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["version"] > before  # answered from the version the dates were read in
    assert [c["id"] for c in page["items"]] == ["nk-troops-in-russia"]
    assert "aaa-first" in _ids(client)
