"""The query guard runs beside the event loop: while it reads one client's long query, the
service answers others (a POST may carry megabytes of query: benchmarks/safety/growth.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import api.sparql.protocol as protocol


def test_another_request_is_answered_while_a_query_is_being_checked(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    checking, released = threading.Event(), threading.Event()
    real_check = protocol.check_query

    def slow_check(*args: Any, **kwargs: Any) -> Any:
        # Stands for a guard busy with a huge query: it holds until the test lets it go.
        checking.set()
        released.wait(timeout=30)
        return real_check(*args, **kwargs)

    monkeypatch.setattr(protocol, "check_query", slow_check)
    url = make_server()
    answers: list[httpx.Response] = []
    query = threading.Thread(target=lambda: answers.append(
        httpx.post(f"{url}/sparql", data={"query": "ASK { ?s ?p ?o }"}, timeout=60)))
    query.start()
    try:
        assert checking.wait(timeout=30), "the query never reached the guard"
        # Were the guard in the event loop, this request would wait for it (and time out).
        status = httpx.get(f"{url}/status", timeout=10)
        assert not released.is_set()
        assert status.status_code == 200 and "version" in status.json()
    finally:
        released.set()
        query.join(timeout=60)
    assert answers and answers[0].status_code == 200
    assert answers[0].json()["boolean"] is True
