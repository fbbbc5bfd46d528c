"""A JSON entry is checked beside the event loop, and one too large to be an item is refused
before it is checked: an 8 MiB body of bad list items made pydantic report each of them
(900,000: 26 s in the event loop, every other client waiting, and a 97 MB answer)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import api.routers.writes as writes
from tests.off_loop import Held, answered_meanwhile


def test_another_request_is_answered_while_an_entry_is_checked(
    make_server: Callable[..., str], token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, writes, "check_entry")
    url = make_server(writes_enabled=True, write_token=token)
    actor = {"id": "osint-collective", "name": "OSINT Collective", "kind": "Organization"}
    answer = answered_meanwhile(url, held, lambda: httpx.post(
        f"{url}/actors", json=actor, headers={"Authorization": f"Bearer {token}"}, timeout=60))
    assert answer.status_code == 201, answer.text
    assert answer.json()["subjects"] == ["https://w3id.org/cred-kg/id/actor/osint-collective"]


def test_an_entry_of_too_many_values_is_refused_without_a_report_of_each(
    make_server: Callable[..., str], token: str
) -> None:
    url = make_server(writes_enabled=True, write_token=token)
    auth = {"Authorization": f"Bearer {token}"}
    version = httpx.get(f"{url}/status").json()["version"]
    # 200,000 aliases that are not text: before, a 422 listing 200,000 errors (20 MB).
    actor = {"id": "many-aliases", "name": "Many", "kind": "Person",
             "aliases": list(range(200_000))}
    answer = httpx.post(f"{url}/actors", json=actor, headers=auth, timeout=60)
    error = answer.json()["error"]
    assert (answer.status_code, error["code"]) == (413, "request_too_large")
    assert f"{writes.MAX_ENTRY_VALUES:,} values" in error["message"]
    assert "POST /data" in error["message"]
    assert len(answer.content) < 1000
    assert httpx.get(f"{url}/status").json()["version"] == version
    # An entry within the bound is still checked field by field, as before.
    small = httpx.post(f"{url}/actors", json={**actor, "aliases": [1, "ok"]}, headers=auth)
    details = small.json()["error"]["details"]
    assert small.status_code == 422
    assert [d["location"] for d in details] == [["body", "aliases", "0"]]
