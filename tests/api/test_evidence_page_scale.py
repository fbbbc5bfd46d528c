"""``/evidence.html`` on a store too large to build every explanation at refresh weighs its
rows from the explanations of the claims that weigh them (Analysis.claims_with_evidence)."""

from __future__ import annotations

from typing import Any

import pytest

import api.state


def test_the_evidence_page_of_a_large_store_builds_only_what_it_shows(
        make_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a store too large to build every explanation at refresh, ``/evidence.html`` weighs
    its rows from the claims that can weigh them (it built every claim's explanation: 16 s
    at 1M triples, 1.0 s now), and shows the weights ``/evidence/{id}`` gives."""
    monkeypatch.setattr(api.state, "EXPLAIN_AT_REFRESH_MAX_CLAIMS", 0)
    client = make_client()
    page = client.get("/evidence.html", params={"limit": 2})
    assert page.status_code == 200
    analysis = client.app.state.kg.current.analysis
    assert not analysis.claims.complete
    items = client.get("/evidence", params={"limit": 2}).json()["items"]
    for item in items:
        for weight in client.get(item["url"]).json()["weights"]:
            assert f'data-claim="{weight["claim"].rsplit("/", 1)[-1]}"' in page.text
            assert f'data-weight="{weight["weight"]}"' in page.text
