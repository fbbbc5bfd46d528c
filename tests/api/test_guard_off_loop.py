"""The query guard runs beside the event loop: while it reads one client's long query, the
service answers others (a POST may carry megabytes of query: benchmarks/safety/growth.py)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import api.sparql.protocol as protocol
from tests.off_loop import Held, answered_meanwhile


def test_another_request_is_answered_while_a_query_is_being_checked(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, protocol, "check_query")  # a guard busy with a huge query
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.post(
        f"{url}/sparql", data={"query": "ASK { ?s ?p ?o }"}, timeout=60))
    assert answer.status_code == 200
    assert answer.json()["boolean"] is True
