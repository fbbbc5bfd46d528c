"""The REST resources carry the analysis: filters, paging, details, export, and one
analysis per change to the data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient

import api.state
from kg.namespaces import CRED

ID = "https://w3id.org/cred-kg/id/"
BRIDGE = Path(__file__).parent / "data" / "bridge.yaml"


def _ids(page: dict[str, Any]) -> list[str]:
    return [item["id"] for item in page["items"]]


def test_claims_list_orders_and_pages(client: TestClient) -> None:
    page = client.get("/claims", params={"limit": 2}).json()
    assert page["total"] == 27 and page["limit"] == 2
    assert _ids(page) == ["nk-troops-in-russia", "russia-nk-treaty-has-mutual-defence-clause"]
    second = client.get(page["next"]).json()
    assert second["offset"] == 2 and not set(_ids(second)) & set(_ids(page))
    last = client.get("/claims", params={"limit": 2, "offset": 26}).json()
    assert len(last["items"]) == 1 and last["next"] is None


@pytest.mark.parametrize(("params", "expected"), [
    ({"status": "corroborated"}, {"nk-troops-in-russia",
                                  "russia-nk-treaty-has-mutual-defence-clause"}),
    ({"min_groups": 3}, {"nk-troops-in-russia"}),
    ({"contested": "true"}, {"nk-sent-troops-to-assist-war-on-ukraine",
                             "nk-troops-sent-for-possible-deployment-to-ukraine"}),
    ({"status": "unsupported", "contested": "false"}, set()),
    ({"evidence_kind": "SatelliteImagery"}, {"nk-troops-at-far-east-training-ground",
                                             "nk-troops-in-russia"}),
    ({"actor": "north-korea"}, {"nk-sent-troops-to-assist-war-on-ukraine",
                                "nk-troops-sent-for-possible-deployment-to-ukraine"}),
    ({"actor": "putin", "status": "corroborated"}, {
        "nk-troops-in-russia", "russia-nk-treaty-has-mutual-defence-clause"}),
    ({"since": "2024-10-24", "until": "2024-10-24", "min_groups": 3}, {"nk-troops-in-russia"}),
    ({"until": "2024-09"}, set()),
])
def test_claims_filters(client: TestClient, params: dict[str, Any], expected: set[str]) -> None:
    response = client.get("/claims", params={**params, "limit": 100})
    assert response.status_code == 200, response.text
    assert set(_ids(response.json())) == expected


def test_claim_detail_has_the_stance_table_groups_evidence_grades_and_reasons(
        client: TestClient) -> None:
    claim = client.get("/claims/nk-troops-in-russia").json()
    assert claim["status"] == "corroborated" and claim["independent_groups"] == 3
    assert {g["label"] for g in claim["affirming"]} == {"United States", "South Korea", "Ukraine"}
    assert [g["label"] for g in claim["hedging"]] == ["Russia"]
    kirby = next(e for g in claim["affirming"] for e in g["statements"]
                 if e["actor"] == f"{ID}actor/kirby")
    assert kirby["via"] == "refinement"
    assert claim["credibility"]["grade"] == 1 and claim["credibility"]["stix_confidence"] == 90
    assert claim["evidence"] and claim["reasons"] and claim["credibility"]["reasons"]
    by_iri = client.get(f"/claims/{ID}claim/nk-troops-in-russia").json()
    assert by_iri["id"] == "nk-troops-in-russia"


def test_actors(client: TestClient) -> None:
    page = client.get("/actors", params={"group": "united-states", "limit": 100}).json()
    assert set(_ids(page)) == {"united-states", "us-dod", "austin", "white-house", "kirby"}
    assert all(a["group"]["label"] == "United States" for a in page["items"])
    # any member names its group, as the head does (it gave an empty list)
    by_member = client.get("/actors", params={"group": "kirby", "limit": 100}).json()
    assert set(_ids(by_member)) == set(_ids(page))
    assert client.get("/actors", params={"grade": "A"}).json()["total"] == 0
    people = client.get("/actors", params={"kind": "person", "limit": 100}).json()
    assert {"putin", "austin", "kirby", "yoon"} <= set(_ids(people))
    putin = client.get("/actors/putin").json()
    assert putin["group"]["label"] == "Russia"
    assert putin["reliability"]["grade"] == "F" and putin["reliability"]["reasons"]
    assert len(putin["statements"]) == 4


def test_evidence(client: TestClient) -> None:
    page = client.get("/evidence", params={"kind": "SatelliteImagery"}).json()
    assert _ids(page) == ["nis-satellite-images"]
    by_actor = client.get("/evidence", params={"actor": "nis", "limit": 100}).json()
    assert "nis-satellite-images" in _ids(by_actor)
    item = client.get("/evidence/nis-satellite-images").json()
    assert item["produced_by"] == [f"{ID}actor/nis"]
    assert f"{ID}claim/nk-troops-at-far-east-training-ground" in {
        w["claim"] for w in item["weights"]}


@pytest.mark.parametrize(("fmt", "rdflib_format", "media"), [
    ("turtle", "turtle", "text/turtle"), ("nt", "nt", "application/n-triples"),
    ("trig", "trig", "application/trig"), ("jsonld", "json-ld", "application/ld+json"),
    ("nquads", "nquads", "application/n-quads"), ("rdfxml", "xml", "application/rdf+xml"),
])
def test_export_formats(client: TestClient, fmt: str, rdflib_format: str, media: str) -> None:
    response = client.get("/export", params={"format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "attachment" in response.headers["content-disposition"]
    data = rdflib.Dataset(default_union=True)
    data.parse(data=response.content, format=rdflib_format)
    assert (rdflib.URIRef(f"{ID}claim/nk-troops-in-russia"), CRED.text, None) in data
    # The analysis graph is derived data: not exported unless asked for.
    assert not list(data.triples((None, CRED.credibilityGrade, None)))


def test_export_with_analysis_and_of_one_claim(client: TestClient) -> None:
    everything = rdflib.Dataset(default_union=True)
    everything.parse(data=client.get("/export", params={"format": "trig", "analysis": "true"})
                     .content, format="trig")
    assert list(everything.triples((None, CRED.credibilityGrade, None)))
    one = rdflib.Graph().parse(data=client.get("/export", params={
        "format": "nt", "claim": "nk-troops-in-russia"}).content, format="nt")
    subjects = {str(s) for s in one.subjects()}
    assert f"{ID}actor/austin" in subjects and f"{ID}claim/russia-invaded-ukraine-feb-2022" \
        not in subjects
    assert client.get("/export", params={"claim": "nothing"}).status_code == 404


def test_status(client: TestClient) -> None:
    status = client.get("/status").json()
    assert (status["claims"], status["actors"], status["statements"]) == (27, 22, 27)
    assert status["writes_enabled"] is False
    assert status["limits"]["query_timeout_seconds"] == 5.0


def test_the_analysis_runs_once_per_change(make_client: Callable[..., TestClient],
                                           monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    calls = []
    real = api.state.analyse

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(api.state, "analyse", counting)
    client = make_client(writes_enabled=True, write_token=token)
    for path in ("/claims", "/claims/nk-troops-in-russia", "/actors", "/evidence",
                 "/questions/corroborated-claims", "/status") * 3:
        assert client.get(path).status_code == 200
    assert len(calls) == 1
    response = client.post("/data", content=BRIDGE.read_bytes(), headers={
        "Content-Type": "application/yaml", "Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.text
    for path in ("/claims", "/claims/bridge-destroyed", "/actors/lemuria") * 3:
        assert client.get(path).status_code == 200
    assert len(calls) == 2
