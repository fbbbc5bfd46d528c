"""``SELECT *`` answers with its variables in the order they first appear in the query.

Oxigraph sorts them by name (``?z ?a ?m`` came back as ``a, m, z``); see
api/sparql/projection.py.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from api.sparql.projection import select_star_order

# Not alphabetical, and each row binds every variable to a different value.
STAR = 'SELECT * WHERE { VALUES (?z ?a ?m) { ("one" "two" <urn:three>) } }'
ORDER = ["z", "a", "m"]


def _columns(media: str, body: bytes) -> list[str]:
    if media == "application/sparql-results+json":
        return json.loads(body)["head"]["vars"]
    if media == "application/sparql-results+xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        return [v.get("name") for v in ET.fromstring(body).iter(ns + "variable")]
    if media == "text/csv":
        return next(csv.reader(io.StringIO(body.decode())))
    if media == "text/tab-separated-values":
        return [v.removeprefix("?") for v in body.decode().splitlines()[0].split("\t")]
    raise AssertionError(media)


@pytest.mark.parametrize("media", ["application/sparql-results+json",
                                   "application/sparql-results+xml", "text/csv",
                                   "text/tab-separated-values"])
def test_select_star_keeps_the_query_order(client: TestClient, media: str) -> None:
    response = client.get("/sparql", params={"query": STAR}, headers={"Accept": media})
    assert response.status_code == 200, response.text
    assert _columns(media, response.content) == ORDER


def test_values_stay_under_their_own_column(client: TestClient) -> None:
    json_body = client.get("/sparql", params={"query": STAR},
                           headers={"Accept": "application/sparql-results+json"}).json()
    binding = json_body["results"]["bindings"][0]
    assert {name: binding[name]["value"] for name in ORDER} == \
        {"z": "one", "a": "two", "m": "urn:three"}
    text = client.get("/sparql", params={"query": STAR},
                      headers={"Accept": "text/csv"}).text
    assert list(csv.reader(io.StringIO(text)))[1] == ["one", "two", "urn:three"]
    tsv = client.get("/sparql", params={"query": STAR},
                     headers={"Accept": "text/tab-separated-values"}).text
    assert tsv.splitlines()[1].split("\t") == ['"one"', '"two"', "<urn:three>"]


@pytest.mark.parametrize(("query", "engine", "expected"), [
    ("SELECT * WHERE { ?z ?a ?m }", ["a", "m", "z"], ["z", "a", "m"]),
    ("select distinct * { ?z ?a ?m }", ["a", "m", "z"], ["z", "a", "m"]),
    # An explicit projection is the engine's (and the user's) order already.
    ("SELECT ?m ?z ?a WHERE { ?z ?a ?m }", ["m", "z", "a"], ["m", "z", "a"]),
    # ?a in a comment, a string and an IRI does not count; BIND's target counts where it is.
    ('PREFIX ex: <urn:x?a> SELECT * # ?a\n{ ?z ex:p "?a" . BIND(1 AS ?b) ?z ?q ?a }',
     ["a", "b", "q", "z"], ["z", "b", "q", "a"]),
    # A sub-select's projection order, not its hidden variables.
    ("SELECT * { { SELECT ?y ?b WHERE { ?b ?x ?y } } }", ["b", "y"], ["y", "b"]),
    ("ASK { ?z ?a ?m }", [], []),
])
def test_select_star_order(query: str, engine: list[str], expected: list[str]) -> None:
    assert select_star_order(query, engine) == expected
