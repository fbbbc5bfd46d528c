"""``?as_of=DATE`` on ``/claims``, ``/claims.csv`` and ``/claims/{id}``: answers from an analysis
of what was known on the date, kept beside the current one, never in its place. The case is
the seed plus the hand-made one of tests/analysis/test_as_of.py (whose docstring works the
answers out)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api.as_of as shared
from api.state import ServiceState

CASE = tuple(sorted((Path(__file__).parents[1] / "analysis" / "data").glob("as-of-*.yaml")))
DAM = {"dam-breached", "dam-closed"}


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(files=CASE)


def _statuses(client: TestClient, **params: str) -> dict[str, str]:
    page = client.get("/claims", params={"limit": "1000", **params})
    assert page.status_code == 200, page.text
    return {c["id"]: c["status"] for c in page.json()["items"] if c["id"] in DAM}


def test_the_list_as_of_a_date(client: TestClient) -> None:
    assert _statuses(client) == {"dam-breached": "corroborated", "dam-closed": "corroborated"}
    assert _statuses(client, as_of="2024-10-20") == {"dam-breached": "single-source",
                                                     "dam-closed": "corroborated"}
    assert _statuses(client, as_of="2024-10-20", status="single-source") == {
        "dam-breached": "single-source"}
    # The seed case's statements are all dated 18-24 Oct: as of the 17th none is known.
    seed = client.get("/claims", params={"as_of": "2024-10-17", "status": "corroborated"})
    assert seed.json()["items"] == []
    # The current analysis is untouched: the same answer as before the dated ones.
    assert _statuses(client) == {"dam-breached": "corroborated", "dam-closed": "corroborated"}


def test_one_claim_as_of_a_date_says_what_was_left_out(client: TestClient) -> None:
    data = client.get("/claims/dam-breached", params={"as_of": "2024-10-20"}).json()
    assert data["status"] == "single-source"
    assert [g["label"] for g in data["affirming"]] == ["Atlantis"]
    assert data["evidence"] == []
    assert data["as_of"]["statements_after"] >= 1  # the seed's later statements count too
    assert data["reasons"][0].startswith("As of 2024-10-20: ")
    assert "Left out here: 1 statement about this claim and 1 evidence item" in data["reasons"][0]
    plain = client.get("/claims/dam-breached").json()
    assert plain["status"] == "corroborated" and "as_of" not in plain


def test_the_csv_as_of_a_date(client: TestClient) -> None:
    response = client.get("/claims.csv", params={"as_of": "2024-10-20"})
    rows = {r["id"]: r["status"] for r in csv.DictReader(io.StringIO(response.text))
            if r["id"] in DAM}
    assert rows == {"dam-breached": "single-source", "dam-closed": "corroborated"}


@pytest.mark.parametrize("path", ["/claims", "/claims.csv", "/claims/dam-breached"])
@pytest.mark.parametrize("bad", ["2024-02-30", "2024-13"])
def test_a_bad_date_is_a_422_naming_the_parameter(client: TestClient, path: str,
                                                  bad: str) -> None:
    response = client.get(path, params={"as_of": bad})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["message"] == f"as_of: {bad!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"


def test_analyses_as_of_a_date_are_cached_a_few_per_version(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    state: ServiceState = client.app.state.kg  # type: ignore[attr-defined]
    computed: list[str] = []
    original = shared.analyse_case

    def counting(*args: object, **kwargs: object) -> object:
        computed.append(str(kwargs.get("as_of")))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shared, "analyse_case", counting)
    main = state.current.analysis
    for date in ("2024-10-20", "2024-10-20", "2024-10-21", "2024-10-22", "2024-10-23",
                 "2024-10-24", "2024-10-20"):
        client.get("/claims", params={"as_of": date})
    # The 20th was dropped as the least recently used when the 24th came, so computed twice.
    assert computed == ["2024-10-20", "2024-10-21", "2024-10-22", "2024-10-23", "2024-10-24",
                        "2024-10-20"]
    assert len(state.current.cache["as_of"]) == shared.AS_OF_CACHED
    assert state.current.analysis is main and main.as_of is None


def test_a_store_too_large_for_an_analysis_on_demand_is_refused_saying_what_to_run(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each new date reads every record under the write lock: above the limit the service
    refuses (and computes nothing) rather than hold writes for tens of seconds."""
    state: ServiceState = client.app.state.kg  # type: ignore[attr-defined]
    size = state.current.analysis.columns.n_statements
    monkeypatch.setattr(shared, "AS_OF_MAX_STATEMENTS", size - 1)
    for path in ("/claims", "/claims.csv", "/claims/dam-breached"):
        refused = client.get(path, params={"as_of": "2024-10-20"})
        assert refused.status_code == 422, path
        error = refused.json()["error"]
        assert error["code"] == "too_large"
        assert f"{size:,} statements" in error["message"]
        assert "kg corroborate --as-of" in error["message"]
    assert "as_of" not in state.current.cache
    monkeypatch.setattr(shared, "AS_OF_MAX_STATEMENTS", size)
    assert client.get("/claims", params={"as_of": "2024-10-20"}).status_code == 200
