"""Whether a live service answers other clients while one request's heavy work is under way.

The pattern of tests/api/test_lists_off_loop.py, shared: the heavy function is replaced by one
that holds until the test lets it go; meanwhile ``/status`` must be answered. Were the work
in the event loop, ``/status`` would wait for it (and time out). Nothing is timed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest


class Held:
    """``module.name`` replaced by a wrapper that signals :attr:`started` and waits for
    :attr:`released` before calling the real function."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        self.started, self.released = threading.Event(), threading.Event()
        real = getattr(module, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.started.set()
            self.released.wait(timeout=30)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, held)


def answered_meanwhile(url: str, held: Held,
                       send: Callable[[], httpx.Response]) -> httpx.Response:
    """Run ``send`` in a thread; once it reaches ``held``, ask ``/status``, which must be
    answered before the held work is released. Returns ``send``'s response."""
    answers: list[httpx.Response] = []
    request = threading.Thread(target=lambda: answers.append(send()))
    request.start()
    try:
        assert held.started.wait(timeout=30), "the request never reached the held work"
        # Were the work in the event loop, this request would wait for it (and time out).
        status = httpx.get(f"{url}/status", timeout=10)
        assert not held.released.is_set()
        assert status.status_code == 200 and "version" in status.json()
    finally:
        held.released.set()
        request.join(timeout=60)
    assert answers, "the held request got no answer"
    return answers[0]


__all__ = ["Held", "answered_meanwhile"]
