"""Writes that add to items already in the store are checked with what the store says about
them (kg.shacl.touched): a contradiction to a stored claim is written, a second text refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

ID = "https://w3id.org/cred-kg/id/"
STORED = "nk-troops-in-russia"


@pytest.fixture
def writer(make_client: Callable[..., TestClient], token: str) -> TestClient:
    client = make_client(writes_enabled=True, write_token=token)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _contradictions(client: TestClient) -> set[tuple[str, str]]:
    query = "SELECT ?a ?b WHERE { ?a cred:contradicts ?b }"
    bindings = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    return {(b["a"]["value"], b["b"]["value"]) for b in bindings}


def _texts(client: TestClient, claim: str) -> list[str]:
    query = f"SELECT ?t WHERE {{ <{ID}claim/{claim}> cred:text ?t }}"
    bindings = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    return [b["t"]["value"] for b in bindings]


def test_a_claim_contradicting_a_stored_claim_is_written_both_ways(writer: TestClient) -> None:
    texts = _texts(writer, STORED)
    response = writer.post(
        "/claims",
        json={
            "id": "no-nk-troops-in-russia",
            "text": "No North Korean troops are in Russia.",
            "contradicts": [STORED],
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["subjects"] == [f"{ID}claim/no-nk-troops-in-russia"]
    new, old = f"{ID}claim/no-nk-troops-in-russia", f"{ID}claim/{STORED}"
    assert {(new, old), (old, new)} <= _contradictions(writer)
    # The stub the API compiles the stored claim from is not written: one text, as before.
    assert _texts(writer, STORED) == texts


def test_an_upload_giving_a_stored_claim_a_second_text_is_refused(writer: TestClient) -> None:
    before = writer.get("/status").json()
    turtle = (
        f'<{ID}claim/{STORED}> <https://w3id.org/cred-kg/ns#text> "Some other sentence." .'
    ).encode()
    response = writer.post("/data", content=turtle, headers={"Content-Type": "text/turtle"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "shape_violation"
    assert "exactly one cred:text" in response.text
    after = writer.get("/status").json()
    assert (after["quads"], after["version"]) == (before["quads"], before["version"])
    assert len(_texts(writer, STORED)) == 1
