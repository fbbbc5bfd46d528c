"""The SPARQL 1.1 Protocol at /sparql: operations, datasets, negotiation, service description."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.compare import isomorphic
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

from kg.namespaces import PREFIXES

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
SEED_GRAPH = "https://w3id.org/cred-kg/id/document/newsweek-nk-troops-russia"
HEDGES = """SELECT ?who ?claim WHERE {
  ?s cred:statedBy ?who ; cred:about ?claim ; cred:stance cred:Hedges } ORDER BY ?who"""
STATES = "CONSTRUCT { ?s a cred:State } WHERE { ?s a cred:State }"
# From the seed case: Putin hedges on the troops, Newsweek (its own voice) on the treaty.
HEDGERS = {"https://w3id.org/cred-kg/id/actor/putin",
           "https://w3id.org/cred-kg/id/actor/newsweek"}
STATE_IDS = {"north-korea", "russia", "south-korea", "ukraine", "united-states"}


def _hedgers_from_json(text: str) -> set[str]:
    return {b["who"]["value"] for b in json.loads(text)["results"]["bindings"]}


def test_get(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": HEDGES})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert _hedgers_from_json(response.text) == HEDGERS


def test_post_form(client: TestClient) -> None:
    response = client.post("/sparql", data={"query": HEDGES})
    assert response.status_code == 200
    assert _hedgers_from_json(response.text) == HEDGERS


def test_post_direct(client: TestClient) -> None:
    response = client.post("/sparql", content=HEDGES.encode(),
                           headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert response.status_code == 200
    assert _hedgers_from_json(response.text) == HEDGERS


def _parse_select(media: str, body: bytes) -> set[str]:
    if media == "application/sparql-results+json":
        return _hedgers_from_json(body.decode())
    if media == "application/sparql-results+xml":
        return {str(row["who"]) for row in XMLResultParser().parse(io.BytesIO(body))}
    if media == "text/csv":
        return {row["who"] for row in csv.DictReader(io.StringIO(body.decode()))}
    lines = body.decode().splitlines()
    assert lines[0] == "?who\t?claim"
    return {line.split("\t")[0].strip("<>") for line in lines[1:]}


@pytest.mark.parametrize("media", ["application/sparql-results+json",
                                   "application/sparql-results+xml", "text/csv",
                                   "text/tab-separated-values"])
def test_select_negotiation(client: TestClient, media: str) -> None:
    response = client.get("/sparql", params={"query": HEDGES}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert response.headers["vary"] == "Accept"
    assert _parse_select(media, response.content) == HEDGERS


@pytest.mark.parametrize(("media", "expected"), [
    ("application/sparql-results+json", '"boolean":true'),
    ("application/sparql-results+xml", "<boolean>true</boolean>"),
    ("text/csv", "true"),
    ("text/tab-separated-values", "true"),
])
def test_ask_negotiation(client: TestClient, media: str, expected: str) -> None:
    response = client.get("/sparql", params={"query": "ASK { ?s cred:stance cred:Denies }"},
                          headers={"Accept": media})
    assert response.status_code == 200
    assert expected in response.text


@pytest.mark.parametrize(("media", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
    ("application/trig", "trig"),
])
def test_construct_negotiation(client: TestClient, media: str, rdflib_format: str) -> None:
    response = client.get("/sparql", params={"query": STATES}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    graph = rdflib.Dataset() if rdflib_format == "trig" else rdflib.Graph()
    graph.parse(data=response.content, format=rdflib_format)
    expected = rdflib.Graph()
    cred = rdflib.Namespace("https://w3id.org/cred-kg/ns#")
    for ident in STATE_IDS:
        expected.add((rdflib.URIRef(f"https://w3id.org/cred-kg/id/actor/{ident}"),
                      rdflib.RDF.type, cred.State))
    got = rdflib.Graph()
    for triple in graph.triples((None, None, None)):
        got.add(triple)
    assert isomorphic(got, expected)


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0, */*", "application/sparql-results+xml"),
])
def test_accept_header_rules(client: TestClient, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept} if accept is not None else {}
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=headers)
    assert response.headers["content-type"].split(";")[0] == expected


def test_default_graph_uri_narrows_the_default_graph(client: TestClient) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def total(**params: object) -> int:
        response = client.get("/sparql", params={"query": count, **params})
        assert response.status_code == 200, response.text
        return int(json.loads(response.text)["results"]["bindings"][0]["n"]["value"])

    everything = total()
    seed_only = total(**{"default-graph-uri": SEED_GRAPH})
    analysis_only = total(**{"default-graph-uri": "https://w3id.org/cred-kg/analysis"})
    assert 0 < seed_only < everything
    assert seed_only + analysis_only == everything


def test_named_graph_uri_and_from_named(client: TestClient) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query, "named-graph-uri": SEED_GRAPH})
    assert [b["g"]["value"] for b in response.json()["results"]["bindings"]] == [SEED_GRAPH]
    query = f"SELECT DISTINCT ?g FROM NAMED <{SEED_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert [b["g"]["value"] for b in response.json()["results"]["bindings"]] == [SEED_GRAPH]


@pytest.mark.parametrize("in_url", [False, True])
def test_form_post_takes_graph_parameters_from_body_or_url(client: TestClient,
                                                           in_url: bool) -> None:
    """docs/api.md: the graph parameters go "in the URL, or in the form"; in the URL of a
    form POST they were ignored, an external graph included."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def post(graph: str) -> Any:
        form, params = {"query": count}, {"default-graph-uri": graph}
        if not in_url:
            form, params = {**form, **params}, {}
        return client.post("/sparql", data=form, params=params).json()

    seed_only = client.get("/sparql", params={"query": count,
                                              "default-graph-uri": SEED_GRAPH}).json()
    everything = client.get("/sparql", params={"query": count}).json()
    assert seed_only != everything
    assert post(SEED_GRAPH) == seed_only
    assert post("http://127.0.0.1:9/graph")["error"]["code"] == "external_graph"


def test_from_and_from_named_narrow_the_dataset(client: TestClient) -> None:
    """The query's own dataset clauses count as the protocol's parameters do (SPARQL 1.1
    Query, 13.2): FROM makes the default graph, FROM NAMED alone leaves it empty. They were
    ignored: the union default graph the service asks for overrode them."""
    analysis = "https://w3id.org/cred-kg/analysis"

    def total(query: str, **params: object) -> int:
        response = client.get("/sparql", params={"query": query, **params})
        assert response.status_code == 200, response.text
        return int(json.loads(response.text)["results"]["bindings"][0]["n"]["value"])

    count = "SELECT (COUNT(*) AS ?n) {} WHERE {{ ?s ?p ?o }}"
    everything = total(count.format(""))
    seed_only = total(count.format(""), **{"default-graph-uri": SEED_GRAPH})
    analysis_only = total(count.format(""), **{"default-graph-uri": analysis})
    assert total(count.format(f"FROM <{SEED_GRAPH}>")) == seed_only
    assert total(count.format(f"FROM <{analysis}>")) == analysis_only
    assert total(count.format(f"FROM <{SEED_GRAPH}> FROM <{analysis}>")) == everything
    assert total(count.format(f"FROM NAMED <{analysis}>")) == 0
    # FROM, and no FROM NAMED: no named graphs for GRAPH to match.
    in_graphs = "SELECT (COUNT(*) AS ?n) {} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert total(in_graphs.format(f"FROM <{SEED_GRAPH}>")) == 0
    assert total(in_graphs.format(f"FROM <{SEED_GRAPH}> FROM NAMED <{analysis}>")) \
        == analysis_only
    # The protocol's parameters replace the query's dataset (SPARQL 1.1 Protocol, 2.1.4).
    assert total(count.format(f"FROM <{SEED_GRAPH}>"), **{"default-graph-uri": analysis}) \
        == analysis_only


def test_predeclared_prefixes_as_documented(client: TestClient) -> None:
    """docs/api.md lists the predeclared prefixes, and says that a query's own PREFIX wins."""
    doc = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    listed = re.search(r"`kg\.namespaces\.PREFIXES`: ([^)]*)\)", " ".join(doc.split()))
    assert listed is not None
    assert set(re.findall(r"`(\w+)`", listed[1])) == set(PREFIXES)
    for name, iri in PREFIXES.items():
        query = f"ASK {{ FILTER(STR({name}:x) = \"{iri}x\") }}"
        assert client.get("/sparql", params={"query": query}).json()["boolean"] is True
    ask = "ASK { ?s cred:stance ?o }"
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is True
    own = "PREFIX cred: <urn:elsewhere#> " + ask
    assert client.get("/sparql", params={"query": own}).json()["boolean"] is False


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
def test_external_dataset_parameters_are_refused(client: TestClient, param: str) -> None:
    response = client.get("/sparql", params={"query": "ASK {}",
                                              param: "http://127.0.0.1:9/graph"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "external_graph"


def test_malformed_query_names_line_and_column(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "malformed_query"
    # The error is on line 2, where the object of ?s ?p is missing (Oxigraph's position).
    assert error["details"]["line"] == 2
    assert isinstance(error["details"]["column"], int)
    assert "line 2" in error["message"]


@pytest.mark.parametrize("request_kwargs", [
    {"method": "GET", "params": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
    {"method": "POST", "data": {"update": "CLEAR ALL"}},
    {"method": "POST", "content": b"CLEAR ALL",
     "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "GET", "params": {"query": "LOAD <http://127.0.0.1:9/data.ttl>"}},
    {"method": "GET", "params": {"query": "DELETE WHERE { ?s ?p ?o }"}},
])
def test_updates_are_refused(client: TestClient, request_kwargs: dict[str, object]) -> None:
    before = client.get("/status").json()["quads"]
    method = str(request_kwargs.pop("method"))
    response = client.request(method, "/sparql", **request_kwargs)  # type: ignore[arg-type]
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "update_refused"
    assert client.get("/status").json()["quads"] == before


def test_undeclared_prefix_names_the_prefix(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s foaf:name ?n }"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "malformed_query"
    assert "'foaf:' is not declared" in error["message"]
    assert error["details"]["reason"] == error["message"]
    assert (error["details"]["line"], error["details"]["column"]) == (1, 22)


def test_two_queries_are_a_bad_request(client: TestClient) -> None:
    response = client.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D")
    assert response.status_code == 400


def test_service_description(client: TestClient) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    service = graph.value(predicate=rdflib.RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == rdflib.URIRef("http://testserver/sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    names = {str(n) for n in graph.objects(None, SD.name)}
    assert SEED_GRAPH in names
    # It says what it refuses, and advertises no federated query.
    assert (service, SD.feature, SD.BasicFederatedQuery) not in graph


def test_service_description_negotiates(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "application/n-triples"})
    assert response.headers["content-type"] == "application/n-triples"
    assert rdflib.Graph().parse(data=response.text, format="nt")


def test_a_query_with_a_byte_order_mark_is_read(client: TestClient) -> None:
    """`curl --data-binary @query.rq` of a file saved with a BOM sent U+FEFF first: refused as
    an unexpected character."""
    response = client.post("/sparql", content="\ufeffASK { ?s ?p ?o }".encode(),
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    assert response.json()["boolean"] is True


@pytest.mark.parametrize("url", [
    "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22caf%E9%22%20%7D",  # Latin-1 é, not UTF-8
    "/sparql?query=ASK%20%7B%7D&default-graph-uri=urn:%FF",
])
def test_a_url_that_is_not_utf8_is_bad_encoding(client: TestClient, url: str) -> None:
    """As a form's %-escapes are (docs/api.md, "Errors"); it was a malformed_query about an
    "unexpected character '\ufffd'" that the client never sent."""
    error = client.get(url).json()["error"]
    assert (error["status"], error["code"]) == (400, "bad_encoding")
    assert error["message"] == "the URL's parameters are not UTF-8"


def test_the_update_refusal_names_the_write_routes(client: TestClient) -> None:
    # It pointed at "/docs/api.md", a path this server does not serve (a 404).
    error = client.get("/sparql", params={"update": "CLEAR ALL"}).json()["error"]
    assert "/docs/" not in error["message"]
    assert "POST /data" in error["message"] and 'docs/api.md, "Writes"' in error["message"]
    assert client.get("/docs/api.md").status_code == 404
