"""Writes: JSON entries and RDF uploads, validated, atomic, and reflected in the analysis."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

TROOPS_TRAINING = "nk-3000-troops-training-in-russia"


@pytest.fixture
def writer(make_client: Callable[..., TestClient], token: str) -> TestClient:
    client = make_client(writes_enabled=True, write_token=token)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _quads(client: TestClient) -> int:
    return int(client.get("/status").json()["quads"])


def test_a_new_independent_source_changes_the_analysis(writer: TestClient) -> None:
    """Worked by hand: the 3,000-troops claim is single-source (the US, through Kirby).
    A new actor, acting for no one, who affirms it is a second independent group."""
    before = writer.get(f"/claims/{TROOPS_TRAINING}").json()
    assert (before["status"], before["independent_groups"]) == ("single-source", 1)
    version = writer.get("/status").json()["version"]

    actor = writer.post("/actors", json={"id": "osint-collective", "name": "OSINT Collective",
                                          "kind": "Organization"})
    assert actor.status_code == 201, actor.text
    assert actor.json()["subjects"] == ["https://w3id.org/cred-kg/id/actor/osint-collective"]
    statement = writer.post("/statements", json={
        "actor": "osint-collective", "claim": TROOPS_TRAINING, "stance": "affirms",
        "quote": "Geolocated footage shows the camp", "date": "2024-10-25",
        "document": {"id": "osint-thread", "title": "A thread", "publisher": "osint-collective",
                     "date": "2024-10-25"}})
    assert statement.status_code == 201, statement.text
    assert statement.json()["graph"] == "https://w3id.org/cred-kg/id/document/osint-thread"
    assert statement.json()["version"] == version + 2

    after = writer.get(f"/claims/{TROOPS_TRAINING}").json()
    assert (after["status"], after["independent_groups"]) == ("corroborated", 2)
    assert {g["label"] for g in after["affirming"]} == {"United States", "OSINT Collective"}
    # The questions read the rewritten analysis graph.
    answer = writer.get("/questions/corroborated-claims").json()
    assert any(row["claim"].endswith(TROOPS_TRAINING) for row in answer["rows"])
    answer = writer.get("/questions/claims-by-actor", params={"actor": "osint-collective"})
    assert [row["quote"] for row in answer.json()["rows"]] == [
        "Geolocated footage shows the camp"]


def test_claim_and_evidence(writer: TestClient) -> None:
    claim = writer.post("/claims", json={"id": "nk-troops-in-kursk-by-november",
                                          "text": "North Korean troops are in Kursk by November.",
                                          "refines": ["nk-troops-in-russia"]})
    assert claim.status_code == 201, claim.text
    evidence = writer.post("/evidence", json={
        "id": "kursk-drone-video", "kind": "Video", "description": "Drone video near Kursk",
        "released_by": "hur", "supports": ["nk-troops-in-kursk-by-november"]})
    assert evidence.status_code == 201, evidence.text
    item = writer.get("/evidence/kursk-drone-video").json()
    assert item["supports"] == ["https://w3id.org/cred-kg/id/claim/nk-troops-in-kursk-by-november"]
    assert item["released_by"] == ["https://w3id.org/cred-kg/id/actor/hur"]
    listed = writer.get("/claims", params={"evidence_kind": "Video"}).json()
    # Evidence for the narrower claim bears on the broader one too (through the refinement).
    assert {c["id"] for c in listed["items"]} == {"nk-troops-in-kursk-by-november",
                                                  "nk-troops-in-russia"}
    # Stub triples for the referenced items were not written: HUR keeps one label.
    hur = writer.get("/sparql", params={"query": "SELECT ?l WHERE { "
                                        "<https://w3id.org/cred-kg/id/actor/hur> rdfs:label ?l }"})
    assert len(hur.json()["results"]["bindings"]) == 1


def test_turtle_upload(writer: TestClient) -> None:
    turtle = b"""@prefix cred: <https://w3id.org/cred-kg/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/actor/reuters> a cred:NewsOutlet ; rdfs:label "Reuters" ."""
    before = _quads(writer)
    response = writer.post("/data", content=turtle, headers={"Content-Type": "text/turtle"})
    assert response.status_code == 201, response.text
    assert response.json()["quads"] == 2
    assert _quads(writer) > before
    assert writer.get("/actors/reuters").json()["label"] == "Reuters"


@pytest.mark.parametrize("media_type", ["application/yaml", "application/x-yaml", "text/yaml"])
def test_case_file_upload(writer: TestClient, media_type: str) -> None:
    from pathlib import Path

    case = (Path(__file__).parent / "data" / "bridge.yaml").read_bytes()
    response = writer.post("/data", content=case, headers={"Content-Type": media_type})
    assert response.status_code == 201, response.text
    assert writer.get("/claims/bridge-destroyed").json()["contested"] is True


def test_a_case_file_uploaded_again_with_changes_is_said_to_merge(writer: TestClient) -> None:
    from pathlib import Path

    case = (Path(__file__).parent / "data" / "bridge.yaml").read_text(encoding="utf-8")
    override = ("\nindependence:\n  - actors: [atlantis-mod, {other}]\n    independent: true\n"
                "    reason: Separate collection.\n")

    def merged(text: str, status: int = 201) -> list[str]:
        response = writer.post("/data", content=text.encode(),
                               headers={"Content-Type": "application/yaml"})
        assert response.status_code == status, response.text
        return [w for w in response.json()["warnings"] if "another version" in w]

    first = case + override.format(other="atlantis")
    assert merged(first) == []  # the first upload
    assert merged(first, status=200) == []  # the same file again: unchanged
    # The override now names other actors: the old one stays beside it, as in a corrected
    # file loaded by `kg load` without --replace.
    (warning,) = merged(case + override.format(other="lemuria"))
    assert warning.startswith("the store already held another version of the document <"
                              "https://w3id.org/cred-kg/id/document/")
    assert "kg load --replace" in warning


BAD_WRITES: list[tuple[str, dict[str, Any], int, str]] = [
    ("/statements", {"json": {"actor": "nobody", "claim": "nk-troops-in-russia",
                              "stance": "affirms"}}, 404, "not_found"),
    ("/statements", {"json": {"actor": "putin", "claim": "nk-troops-in-russia",
                              "stance": "affrms"}}, 422, "invalid_entry"),
    ("/statements", {"json": {"actor": "putin", "claim": "nk-troops-in-russia",
                              "stance": "affirms", "qoute": "x"}}, 422, "invalid_request"),
    ("/actors", {"json": {"id": "putin", "name": "Vladimir Putin", "kind": "Person"}},
     409, "conflict"),
    ("/actors", {"json": {"id": "Bad Id", "name": "X", "kind": "Person"}}, 422,
     "invalid_request"),
    ("/claims", {"json": {"id": "loop", "text": "A loop.", "refines": ["loop"]}}, 422,
     "invalid_entry"),
    ("/data", {"content": b"<urn:a> <urn:b> .", "headers": {"Content-Type": "text/turtle"}},
     400, "invalid_input"),
    ("/data", {"content": b'@prefix cred: <https://w3id.org/cred-kg/ns#> .\n'
               b'<urn:s> cred:stance cred:Affirms .',
               "headers": {"Content-Type": "text/turtle"}}, 422, "shape_violation"),
    ("/data", {"content": b"<https://w3id.org/cred-kg/analysis> { <urn:a> <urn:b> <urn:c> }",
               "headers": {"Content-Type": "application/trig"}}, 400, "reserved_graph"),
    ("/data", {"content": b"hello", "headers": {"Content-Type": "text/plain"}}, 415,
     "unsupported_media_type"),
]


@pytest.mark.parametrize(("path", "kwargs", "status", "code"), BAD_WRITES,
                         ids=[f"{b[0]} {b[3]}" for b in BAD_WRITES])
def test_a_rejected_write_changes_nothing(guarded_client: TestClient, token: str, path: str,
                                          kwargs: dict[str, Any], status: int,
                                          code: str) -> None:
    writer = guarded_client
    before = writer.get("/status").json()
    export = writer.get("/export", params={"format": "nquads"}).content
    headers = {**kwargs.get("headers", {}), "Authorization": f"Bearer {token}"}
    response = writer.post(path, **{**kwargs, "headers": headers})
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert writer.get("/status").json() == before
    assert writer.get("/export", params={"format": "nquads"}).content == export


def test_entry_errors_name_the_field(guarded_client: TestClient, token: str) -> None:
    writer = guarded_client
    writer.headers["Authorization"] = f"Bearer {token}"
    response = writer.post("/statements", json={"actor": "putin", "claim": "nk-troops-in-russia",
                                                 "stance": "affrms"})
    error = response.json()["error"]
    assert error["details"][0]["term"] == "stance"
    assert "affirms" in error["details"][0]["suggestions"]
    response = writer.post("/statements", json={"actor": "puttin", "claim": "nk-troops-in-russia",
                                                 "stance": "affirms"})
    assert response.json()["error"]["details"]["suggestions"][0] == "putin"
    del writer.headers["Authorization"]


MILITIA_CASE = """\
format: cred-kg/1
document: {id: militia-case, title: Armed groups, date: 2025-03-01}
extend:
  actor_kinds:
    - {id: ArmedGroup, parent: Organization, label: Armed group}
    - {id: Militia, parent: ArmedGroup}
actors:
  - {id: highland-front, name: Highland Front, kind: Militia}
"""


def test_an_entry_may_use_a_kind_the_data_declared(
        make_client: Callable[..., TestClient], token: str, tmp_path: Any) -> None:
    case = tmp_path / "militia.yaml"
    case.write_text(MILITIA_CASE, encoding="utf-8")
    writer = make_client(files=(case,), writes_enabled=True, write_token=token)
    writer.headers["Authorization"] = f"Bearer {token}"
    quads = _quads(writer)
    response = writer.post("/actors", json={"id": "river-brigade", "name": "River Brigade",
                                             "kind": "Militia"})
    assert response.status_code == 201, response.text  # (before: 422, "not an actor kind")
    assert response.json()["subjects"] == ["https://w3id.org/cred-kg/id/actor/river-brigade"]
    listed = writer.get("/actors", params={"kind": "Militia"}).json()
    assert {a["id"] for a in listed["items"]} == {"highland-front", "river-brigade"}
    # the kinds' own triples were not written again: the actor's type and label, and the
    # submission's document
    written = _quads(writer) - quads
    plain = writer.post("/actors", json={"id": "lake-watch", "name": "Lake Watch",
                                          "kind": "Organization"}).status_code
    assert plain == 201
    assert _quads(writer) - quads - written == written  # the same as an entry of a built-in kind


def test_a_kind_nobody_declared_is_still_refused(writer: TestClient) -> None:
    response = writer.post("/actors", json={"id": "x", "name": "X", "kind": "Militia"})
    assert response.status_code == 422
    assert "Militia" in response.text


def test_an_entry_without_a_document_is_not_warned_about_its_publisher(
        writer: TestClient) -> None:
    """The document the service makes for it has no publisher by design; one the writer
    gives without a publisher still gets the warning."""
    entry = {"actor": "nis", "claim": "nk-soldiers-sent-to-kursk", "stance": "affirms"}
    assert writer.post("/statements", json=entry).json()["warnings"] == []
    given = writer.post("/statements", json={**entry, "document": {
        "id": "memo-1", "title": "A memo", "date": "2024-10-25"}}).json()
    assert [w for w in given["warnings"] if "publishedBy" in w] != []


@pytest.mark.parametrize("document", [None, {"id": "osint-thread", "title": "A thread",
                                             "date": "2024-10-25"}])
def test_the_same_statement_written_twice_is_one_statement(
        writer: TestClient, document: dict[str, str] | None) -> None:
    """A client's retry of a write, with or without a document: the second write finds the
    statement there and changes nothing (200, ``unchanged``), so the stance counts once."""
    entry: dict[str, Any] = {"actor": "nis", "claim": TROOPS_TRAINING, "stance": "affirms",
                             "quote": "Satellite images show the camp"}
    if document:
        entry["document"] = document
    first = writer.post("/statements", json=entry)
    assert first.status_code == 201, first.text
    quads = _quads(writer)
    # The same entry, its fields in another order and a default given explicitly.
    again = writer.post("/statements", json={**dict(reversed(entry.items())), "relay": []})
    assert again.status_code == 200, again.text
    assert again.json()["unchanged"] is True
    assert again.json()["subjects"] == first.json()["subjects"]
    assert _quads(writer) == quads
    # Nothing written, so no new data version (it was one more, with the analysis redone).
    assert again.json()["version"] == first.json()["version"]
    assert writer.get("/status").json()["version"] == first.json()["version"]
    statements = [s["statement"] for group in writer.get(f"/claims/{TROOPS_TRAINING}").json()[
        "affirming"] for s in group["statements"] if s["actor"].endswith("/nis")]
    assert statements == first.json()["subjects"]


def test_a_different_statement_of_one_actor_on_one_claim_is_a_second_one(
        writer: TestClient) -> None:
    """Not a retry: another quote (or another day) is another statement."""
    entry = {"actor": "nis", "claim": TROOPS_TRAINING, "stance": "affirms", "quote": "one"}
    first = writer.post("/statements", json=entry)
    second = writer.post("/statements", json={**entry, "quote": "two"})
    assert (first.status_code, second.status_code) == (201, 201), second.text
    assert first.json()["subjects"] != second.json()["subjects"]


def test_an_existing_id_with_other_content_is_still_a_conflict(writer: TestClient) -> None:
    actor = {"id": "osint-collective", "name": "OSINT Collective", "kind": "Organization"}
    assert writer.post("/actors", json=actor).status_code == 201
    assert writer.post("/actors", json=actor).status_code == 200
    other = writer.post("/actors", json={**actor, "name": "Another Collective"})
    assert other.status_code == 409, other.text
    assert other.json()["error"]["code"] == "conflict"


def test_a_misspelt_field_gets_a_suggestion(writer: TestClient) -> None:
    """As a case file's loader does: the unknown field, and the fields it may have meant."""
    answer = writer.post("/statements", json={"actor": "nis", "claim": TROOPS_TRAINING,
                                              "stnace": "affirms"})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert "unknown field 'stnace'; did you mean 'stance'?" in error["message"]
    unknown = [d for d in error["details"] if d["location"] == ["body", "stnace"]]
    assert unknown[0]["suggestions"] == ["stance"]
    # Inside a nested entry too: a relay step's fields.
    answer = writer.post("/statements", json={"actor": "nis", "claim": TROOPS_TRAINING,
                                              "stance": "affirms",
                                              "relay": [{"outlet": "newsweek", "kue": "told"}]})
    assert answer.status_code == 422
    nested = [d for d in answer.json()["error"]["details"] if d["type"] == "extra_forbidden"]
    assert nested[0]["location"] == ["body", "relay", "0", "kue"]
    assert nested[0]["suggestions"] == ["cue"]


def test_a_reference_outside_the_api_base_is_refused_by_name(writer: TestClient) -> None:
    """A JSON entry names items by id under the API's base; one loaded from RDF under another
    base cannot be written as a stub, so the write is refused, saying which IRI it is."""
    upload = writer.post("/data", headers={"Content-Type": "text/turtle"}, content=(
        "@prefix cred: <https://w3id.org/cred-kg/ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<http://example.org/actor/acme> a cred:Organization ; rdfs:label "Acme Wire" .\n'))
    assert upload.status_code == 201, upload.text
    version = writer.get("/status").json()["version"]
    response = writer.post("/statements", json={
        "actor": "acme", "claim": "nk-troops-in-russia", "stance": "affirms", "quote": "q"})
    error = response.json()["error"]
    assert (response.status_code, error["code"]) == (422, "invalid_reference")
    assert "http://example.org/actor/acme" in error["message"]
    assert writer.get("/status").json()["version"] == version  # nothing was written
