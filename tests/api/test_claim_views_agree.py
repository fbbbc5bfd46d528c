"""The same claim reads the same everywhere: belief and group order in the analysis graph, the
REST listing, the claim page, the named questions and ``kg corroborate --format json``.

Regressions from a new-user walk-through of the seed case: ``cred:belief`` was written rounded
to six decimals while the API served the full float, and the questions' ``affirmed_by`` listed
the groups in whatever order GROUP_CONCAT met them ("South Korea, United States, Ukraine")
while ``/claims`` listed them by group IRI ("South Korea", "Ukraine", "United States").
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli_app

ANALYSIS = "https://w3id.org/cred-kg/analysis"
REVIEWED = "https://schema.org/itemReviewed"
CRED = "https://w3id.org/cred-kg/ns#"


def _sparql(client: TestClient, query: str) -> list[dict[str, Any]]:
    response = client.get("/sparql", params={"query": query},
                          headers={"accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def _claims(client: TestClient) -> list[dict[str, Any]]:
    page = client.get("/claims", params={"limit": 1000}).json()
    assert page["items"], page
    return page["items"]


def _question(client: TestClient, name: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/questions/{name}", params=params,
                          headers={"accept": "application/json"})
    assert response.status_code == 200, response.text
    return response.json()["rows"]


def test_claim_belief_in_the_analysis_graph_equals_the_api(client: TestClient) -> None:
    rows = _sparql(client, f"""
        SELECT ?claim ?belief WHERE {{ GRAPH <{ANALYSIS}> {{
            ?a <{REVIEWED}> ?claim ; <{CRED}belief> ?belief }} }}""")
    stored = {row["claim"]["value"]: row["belief"]["value"] for row in rows}
    served = {item["iri"]: item["belief"] for item in _claims(client)
              if item["belief"] is not None}
    assert served and stored.keys() == served.keys()
    # Exactly equal, not approximately: one number, not two roundings of it.
    assert {iri: float(value) for iri, value in stored.items()} == served
    # The claim page serves the same value as the listing.
    iri = next(iter(served))
    page = client.get(f"/claims/{iri.rsplit('/', 1)[1]}").json()
    assert page["belief"] == served[iri]


def test_actor_trust_in_the_analysis_graph_equals_the_api(client: TestClient) -> None:
    rows = _sparql(client, f"""
        SELECT ?actor ?trust WHERE {{ GRAPH <{ANALYSIS}> {{
            ?a <{REVIEWED}> ?actor ; <{CRED}trust> ?trust }} }}""")
    stored = {row["actor"]["value"]: float(row["trust"]["value"]) for row in rows}
    served = {item["iri"]: item["reliability"]["trust"]
              for item in client.get("/actors", params={"limit": 1000}).json()["items"]
              if item["reliability"]["trust"] is not None}
    assert served and stored == served


def test_claim_groups_come_in_one_order_everywhere(client: TestClient) -> None:
    listing = {item["iri"]: item["affirmed_by"] for item in _claims(client)}
    result = CliRunner().invoke(cli_app, ["corroborate", "--format", "json"])
    assert result.exit_code == 0, result.output
    cli = {c["iri"]: [g["label"] for g in c["affirming"]] for c in json.loads(result.stdout)}
    questions = {
        row["claim"]: row["affirmed_by"].split(", ") if row.get("affirmed_by") else []
        for name, params in (("corroborated-claims", {"min_groups": 1}),
                             ("uncorroborated-claims", {}))
        for row in _question(client, name, **params)
    }
    several = [iri for iri, labels in listing.items() if len(labels) > 1]
    assert several, "the seed case should have claims affirmed by several groups"
    assert cli == listing
    assert {iri: questions[iri] for iri in listing if listing[iri]} == {
        iri: labels for iri, labels in listing.items() if labels}
    for iri in several:
        page = client.get(f"/claims/{iri.rsplit('/', 1)[1]}").json()
        groups = [g["group"] for g in page["affirming"]]
        # The documented order: by the IRI of the group's head.
        assert groups == sorted(groups)
        assert [g["label"] for g in page["affirming"]] == listing[iri]
