"""The query service on every backend: the same requests give the same answers.

One app per backend (module scope: start-up loads and analyses the seed case), with writes
on; the write test runs last in the file and checks its own before and after.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator

import pytest
import rdflib
from rdflib.compare import isomorphic

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient", category=Warning)

from _backends import BACKENDS, open_backend  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402
from kg.seed import seed_paths  # noqa: E402
from kg.store import KnowledgeStore  # noqa: E402

TOKEN = "backend-token-5d1e"
TROOPS = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"
TRAINING = "nk-3000-troops-training-in-russia"


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """A service with writes on, over the seed case in each backend."""
    folder = tmp_path_factory.mktemp(f"api-{request.param}")
    with open_backend(request, request.param, folder) as store:
        store.load(seed_paths())
        settings = Settings(
            query_workers=2,
            query_timeout=5.0,
            max_results=100,
            writes_enabled=True,
            write_token=TOKEN,
        )
        with TestClient(
            create_app(settings, store=store), raise_server_exceptions=False
        ) as test_client:
            yield test_client


def test_claims_and_one_claim(client: TestClient) -> None:
    listed = client.get("/claims", params={"status": "corroborated"}).json()
    assert sorted(item["id"] for item in listed["items"]) == [
        "nk-troops-in-russia",
        "russia-nk-treaty-has-mutual-defence-clause",
    ]
    claim = client.get("/claims/nk-troops-in-russia").json()
    assert (claim["status"], claim["independent_groups"], claim["contested"]) == (
        "corroborated",
        3,
        False,
    )
    missing = client.get("/claims/no-such-claim")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_status_names_the_limits_that_apply(
    client: TestClient, request: pytest.FixtureRequest
) -> None:
    limits = client.get("/status").json()["limits"]
    assert limits["max_query_depth"] == 32
    # Query workers run on an embedded store only; a remote endpoint answers itself.
    remote = request.node.callspec.params["client"] in ("oxigraph-server", "virtuoso")
    assert (limits["query_workers"], limits["worker_memory_mb"]) == (
        (None, None) if remote else (2, 2048))


def test_a_named_question(client: TestClient) -> None:
    answer = client.get("/questions/corroborated-claims", params={"min_groups": 3}).json()
    assert [(row["claim"], row["groups"]) for row in answer["rows"]] == [(TROOPS, 3)]


def test_sparql_select_construct_and_ask(client: TestClient) -> None:
    hedges = client.get(
        "/sparql",
        headers={"Accept": "text/csv"},
        params={
            "query": (
                "SELECT ?who ?claim WHERE { ?s cred:statedBy ?who ; cred:about ?claim ; "
                "cred:stance cred:Hedges } ORDER BY ?who"
            )
        },
    )
    rows = list(csv.reader(io.StringIO(hedges.text)))
    assert rows[0] == ["who", "claim"] and len(rows) == 3
    assert rows[1][0].endswith("/putin") or rows[2][0].endswith("/putin")
    graph = client.post(
        "/sparql",
        data={
            "query": (
                "CONSTRUCT { ?c cred:text ?t } WHERE { ?c cred:text ?t ; a cred:FactualClaim }"
            )
        },
        headers={"Accept": "text/turtle"},
    )
    parsed = rdflib.Graph().parse(data=graph.text, format="turtle")
    assert len(parsed) > 0 and all(str(p).endswith("#text") for _, p, _ in parsed)
    ask = client.get("/sparql", params={"query": "ASK { ?s cred:stance cred:Denies }"})
    assert ask.json()["boolean"] is True


def test_sparql_from_narrows_the_default_graph(client: TestClient) -> None:
    """A query's FROM gives what default-graph-uri gives, on every backend (it was ignored:
    the union default graph overrode it)."""
    seed = "https://w3id.org/cred-kg/id/document/newsweek-nk-troops-russia"

    def total(query: str, **params: str) -> int:
        response = client.get("/sparql", params={"query": query, **params})
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    seed_only = total(count, **{"default-graph-uri": seed})
    assert 0 < seed_only < total(count)
    assert total(f"SELECT (COUNT(*) AS ?n) FROM <{seed}> WHERE {{ ?s ?p ?o }}") == seed_only
    # FROM NAMED alone: an empty default graph, the named graph for GRAPH.
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{seed}> WHERE "
    assert total(named + "{ ?s ?p ?o }") == 0
    assert total(named + "{ GRAPH ?g { ?s ?p ?o } }") == seed_only


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        (
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            400,
            "service_refused",
        ),
        ("SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }", 400, "external_graph"),
        ("SELECT ?x WHERE {\n ?x ?y }", 400, "malformed_query"),
        ("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", 422, "too_many_results"),
    ],
)
def test_sparql_refusals_and_limits(client: TestClient, query: str, status: int, code: str) -> None:
    app_settings = client.app.state.kg.settings  # type: ignore[attr-defined]
    assert app_settings.max_results < 1000  # the seed case has 583 quads
    answer = client.get("/sparql", params={"query": query})
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    if code == "malformed_query":
        assert answer.json()["error"]["details"]["line"] in (2, None)


def test_export_and_one_claims_neighbourhood(
    client: TestClient, request: pytest.FixtureRequest
) -> None:
    with KnowledgeStore() as reference:
        reference.load(seed_paths())
        whole = client.get("/export", params={"format": "turtle"})
        assert isomorphic(
            rdflib.Graph().parse(data=whole.text, format="turtle"),
            rdflib.Graph().parse(data=reference.export("turtle"), format="turtle"),
        )
        if request.node.callspec.params["client"] == "virtuoso":
            return  # the neighbourhood queries: see test_store_backends (a known failure)
        one = client.get("/export", params={"format": "nquads", "claim": "nk-troops-in-russia"})
        assert one.content == reference.export("nquads", claim=TROOPS)


def test_the_graph_view(client: TestClient) -> None:
    page = client.get("/graph")
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>") and TROOPS in page.text


def test_a_write_changes_the_analysis(client: TestClient) -> None:
    """As tests/api/test_writes.py: a new independent group makes the training claim
    corroborated; on every backend the answer, the question and the store agree."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = client.get(f"/claims/{TRAINING}").json()
    assert (before["status"], before["independent_groups"]) == ("single-source", 1)
    actor = client.post(
        "/actors",
        headers=auth,
        json={"id": "osint-collective", "name": "OSINT Collective", "kind": "Organization"},
    )
    assert actor.status_code == 201, actor.text
    statement = client.post(
        "/statements",
        headers=auth,
        json={
            "actor": "osint-collective",
            "claim": TRAINING,
            "stance": "affirms",
            "quote": "Geolocated footage shows the camp",
            "date": "2024-10-25",
            "document": {
                "id": "osint-thread",
                "title": "A thread",
                "publisher": "osint-collective",
                "date": "2024-10-25",
            },
        },
    )
    assert statement.status_code == 201, statement.text
    after = client.get(f"/claims/{TRAINING}").json()
    assert (after["status"], after["independent_groups"]) == ("corroborated", 2)
    answer = client.get("/questions/corroborated-claims").json()
    assert any(row["claim"].endswith(TRAINING) for row in answer["rows"])
    again = client.post(
        "/actors",
        headers=auth,
        json={"id": "osint-collective", "name": "Again", "kind": "Organization"},
    )
    assert again.status_code == 409


def test_a_write_sent_twice_is_written_once(client: TestClient) -> None:
    """As tests/api/test_writes.py: a client's retry is recognised on every backend (the
    check asks the store for each quad, which a remote store answers as a query)."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    entry = {"actor": "nis", "claim": TRAINING, "stance": "affirms", "quote": "Camp seen"}
    first = client.post("/statements", headers=auth, json=entry)
    assert first.status_code == 201, first.text
    quads = client.get("/status").json()["quads"]
    again = client.post("/statements", headers=auth, json=entry)
    assert (again.status_code, again.json()["unchanged"]) == (200, True)
    assert client.get("/status").json()["quads"] == quads
    # No new data version either: nothing was written, so nothing was analysed again.
    assert again.json()["version"] == first.json()["version"]
