"""The endpoint works with the clients people use, used the way they use them:
SPARQLWrapper, rdflib's SPARQLStore, and curl, against a live server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

CRED = rdflib.Namespace("https://w3id.org/cred-kg/ns#")
TROOPS = rdflib.URIRef("https://w3id.org/cred-kg/id/claim/nk-troops-in-russia")
CLAIMS = f"""PREFIX cred: <https://w3id.org/cred-kg/ns#>
SELECT ?claim ?text WHERE {{ ?claim a ?kind ; cred:text ?text . FILTER(?claim = <{TROOPS}>) }}"""
# Worked out from the seed case: the five states it names.
STATES = ("PREFIX cred: <https://w3id.org/cred-kg/ns#> "
          "CONSTRUCT { ?s a cred:State } WHERE { ?s a cred:State }")


def _wrapper(server: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{server}/sparql")
    sparql.setReturnFormat(fmt)
    if method == "form":
        sparql.setMethod(POST)
    elif method == "direct":
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    return sparql


@pytest.mark.parametrize("method", [None, "form", "direct"])
def test_sparqlwrapper_select_json(server: str, method: str | None) -> None:
    sparql = _wrapper(server, JSON, method)
    sparql.setQuery(CLAIMS)
    rows = sparql.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    assert [r["text"]["value"] for r in rows] == ["North Korean troops are in Russia."]


def test_sparqlwrapper_select_xml_and_csv(server: str) -> None:
    sparql = _wrapper(server, XML)
    sparql.setQuery(CLAIMS)
    document = sparql.queryAndConvert()
    texts = [n.firstChild.data for n in document.getElementsByTagName("literal")]  # type: ignore[union-attr]
    assert texts == ["North Korean troops are in Russia."]
    sparql = _wrapper(server, CSV)
    sparql.setQuery(CLAIMS)
    assert b"North Korean troops are in Russia." in sparql.queryAndConvert()  # type: ignore[operator]


def test_sparqlwrapper_ask_and_construct(server: str) -> None:
    sparql = _wrapper(server, JSON)
    sparql.setQuery("PREFIX cred: <https://w3id.org/cred-kg/ns#> "
                    "ASK { ?s cred:stance cred:Denies }")
    assert sparql.queryAndConvert()["boolean"] is True  # type: ignore[index]
    sparql = _wrapper(server, TURTLE)
    sparql.setQuery(STATES)
    graph = rdflib.Graph().parse(data=sparql.queryAndConvert(), format="turtle")  # type: ignore[arg-type]
    assert len(graph) == 5 and all(o == CRED.State for o in graph.objects())


def test_sparqlwrapper_sees_a_refusal_as_a_bad_request(server: str) -> None:
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    sparql = _wrapper(server, JSON)
    sparql.setQuery("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryBadFormed):
        sparql.queryAndConvert()


def test_rdflib_sparqlstore_query(server: str) -> None:
    store = SPARQLStore(f"{server}/sparql")
    graph = rdflib.Graph(store=store)
    rows = list(graph.query(CLAIMS))
    assert [str(r.text) for r in rows] == ["North Korean troops are in Russia."]  # type: ignore[union-attr]
    assert graph.query("PREFIX cred: <https://w3id.org/cred-kg/ns#> "
                       "ASK { ?s cred:stance cred:Hedges }").askAnswer is True


def test_rdflib_sparqlstore_triples_and_construct(server: str) -> None:
    graph = rdflib.Graph(store=SPARQLStore(f"{server}/sparql"))
    # graph.triples() sends a SELECT with the pattern; rdflib users browse this way.
    texts = list(graph.objects(TROOPS, CRED.text))
    assert texts == [rdflib.Literal("North Korean troops are in Russia.")]
    assert (TROOPS, CRED.text, texts[0]) in graph
    states = graph.query(STATES).graph
    assert states is not None and len(states) == 5


def test_rdflib_sparqlstore_post(server: str) -> None:
    store = SPARQLStore(f"{server}/sparql", method="POST")
    rows = list(rdflib.Graph(store=store).query(CLAIMS))
    assert len(rows) == 1


@pytest.fixture
def curl() -> str:
    path = shutil.which("curl")
    if path is None:
        pytest.skip("curl is not installed (Debian: apt-get install curl)")
    return path


def _curl(curl: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([curl, "-sS", "--max-time", "20", *args], capture_output=True,
                          text=True, check=True)


def test_curl_get_and_post(curl: str, server: str) -> None:
    result = _curl(curl, "-G", f"{server}/sparql", "--data-urlencode", f"query={CLAIMS}")
    assert json.loads(result.stdout)["results"]["bindings"][0]["text"]["value"] == \
        "North Korean troops are in Russia."
    result = _curl(curl, f"{server}/sparql", "-H", "Accept: text/csv",
                   "--data-urlencode", f"query={CLAIMS}")
    assert result.stdout.splitlines() == [
        "claim,text", f"{TROOPS},North Korean troops are in Russia."]
    result = _curl(curl, f"{server}/sparql", "-H", "Content-Type: application/sparql-query",
                   "-H", "Accept: application/n-triples", "--data-binary", STATES)
    assert len(result.stdout.splitlines()) == 5


def test_curl_sees_status_and_error_body(curl: str, server: str) -> None:
    result = _curl(curl, "-G", f"{server}/sparql", "-w", "\n%{http_code}",
                   "--data-urlencode", "query=SELECT * WHERE { ?s ?p }")
    body, status = result.stdout.rsplit("\n", 1)
    assert status == "400"
    assert json.loads(body)["error"]["code"] == "malformed_query"


def test_curl_questions(curl: str, server: str) -> None:
    result = _curl(curl, f"{server}/questions/corroborated-claims?min_groups=3")
    answer = json.loads(result.stdout)
    assert [row["claim"] for row in answer["rows"]] == [str(TROOPS)]
