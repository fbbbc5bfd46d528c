"""A filter value that names nothing is an error, not an empty answer: a misspelt kind or an
impossible date would otherwise look like "no such claims"."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "2024-00"])
def test_an_impossible_date_is_refused(client: TestClient, value: str) -> None:
    for name in ("since", "until"):
        response = client.get("/claims", params={name: value})
        assert response.status_code == 422
        error = response.json()["error"]
        assert error["code"] == "invalid_parameter"
        assert error["message"].startswith(f"{name}: {value!r} is not a date")


def test_real_partial_dates_still_filter(client: TestClient) -> None:
    assert client.get("/claims", params={"since": "2024-02-29"}).json()["total"] > 0
    assert client.get("/claims", params={"since": "2024-10"}).json()["total"] > 0


def test_an_unknown_evidence_kind_gets_suggestions(client: TestClient) -> None:
    response = client.get("/claims", params={"evidence_kind": "SatelliteImagry"})
    assert response.status_code == 404
    assert response.json()["error"]["details"]["suggestions"] == ["SatelliteImagery"]


def test_a_known_evidence_kind_in_any_case_filters(client: TestClient) -> None:
    found = client.get("/claims", params={"evidence_kind": "satelliteimagery"}).json()
    assert "nk-troops-in-russia" in [c["id"] for c in found["items"]]


def test_a_kind_of_the_vocabulary_that_no_item_has_is_an_empty_answer(
        client: TestClient) -> None:
    response = client.get("/claims", params={"evidence_kind": "Video"})
    assert response.status_code == 200 and response.json()["total"] == 0


def test_an_unknown_actor_kind_gets_suggestions(client: TestClient) -> None:
    response = client.get("/actors", params={"kind": "Persn"})
    assert response.status_code == 404
    assert response.json()["error"]["details"]["suggestions"] == ["Person"]
    assert client.get("/actors", params={"kind": "person"}).json()["total"] > 0


def test_the_claims_page_takes_every_status_its_links_name(client: TestClient) -> None:
    page = client.get("/claims.html", params={"status": "partly-corroborated"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert client.get("/claims.html", params={"status": "rumoured"}).status_code == 422


def test_an_unknown_kind_on_the_evidence_list_gets_suggestions(client: TestClient) -> None:
    # As /evidence.html and /claims?evidence_kind= answer it (it was an empty list).
    response = client.get("/evidence", params={"kind": "SatelliteImagry"})
    assert response.status_code == 404
    assert response.json()["error"]["details"]["suggestions"] == ["SatelliteImagery"]
    assert client.get("/evidence", params={"kind": "Video"}).json()["total"] == 0
