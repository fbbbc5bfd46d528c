"""The query guard, on its own: what it refuses, what it lets through, and why."""

from __future__ import annotations

import pytest
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery

from api.sparql.guard import QueryRefused, check_query, tokenize
from kg.namespaces import PREFIXES

GRAPHS = {"https://w3id.org/cred-kg/id/document/a", "urn:graph:b"}

REFUSED = [
    ("SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "service"),
    ("select * { service <http://127.0.0.1:1/> { ?s ?p ?o } }", "service"),
    ("SELECT * { SERVICE SILENT <http://x/> { ?s ?p ?o } }", "service"),
    ("SELECT * { SERVICE ?endpoint { ?s ?p ?o } }", "service"),
    ("SELECT * { ?s ?p ?o OPTIONAL { { ?a ?b ?c } UNION { SERVICE <http://x/> {} } } }",
     "service"),
    ("SELECT * { FILTER EXISTS { SERVICE <http://x/> {} } }", "service"),
    ("SELECT * { { SELECT * { MINUS { SERVICE <http://x/> {} } } } }", "service"),
    # Oxigraph reads both of these as SERVICE calls (measured: they reached a listener).
    ("PREFIX : <http://127.0.0.1:1/> SELECT * { SERVICE:{ ?s ?p ?o } }", "service"),
    ("PREFIX ex: <http://127.0.0.1:1/> SELECT * { SERVICEex:x { ?s ?p ?o } }", "service"),
    # SPARQL's codepoint escapes are decoded before parsing (SPARQL 1.1 Query, 19.2).
    ("SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", "service"),
    ("SELECT * FROM <http://example.org/data.ttl> { ?s ?p ?o }", "external_graph"),
    ("SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }", "external_graph"),
    ("PREFIX ex: <http://example.org/> SELECT * FROM ex:g { ?s ?p ?o }", "external_graph"),
    ("BASE <http://example.org/> SELECT * FROM <g> { ?s ?p ?o }", "external_graph"),
    ("PREFIX ex: <urn:graph:> SELECT * FROMex:b { ?s ?p ?o }", "external_graph"),
    ("LOAD <http://127.0.0.1:1/data.ttl>", "update"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update"),
    ("WITH <urn:graph:b> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
    ("CLEAR ALL", "update"),
    ("SELECT * WHERE " + "{" * 40 + "}" * 40, "too_deep"),
    ("SELECT * WHERE { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }", "too_deep"),
    ("SELECT ` WHERE {}", "syntax"),
    ("PREFIX ex: <http://x/>", "syntax"),
    ("SELECT * { ?s foo:bar ?o }", "syntax"),
    ("SELECT * { ?s :bar ?o }", "syntax"),
]

ALLOWED = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
    'SELECT * { ?s ?p "SERVICE <http://x/> { }" }',
    "SELECT * { ?s ?p '''multi\nline SERVICE''' } # SERVICE <http://x/>",
    "SELECT ?service { ?service a ?t }",
    "PREFIX svc: <urn:s:> SELECT * { ?s svc:SERVICE ?o }",
    "SELECT * FROM <urn:graph:b> { ?s ?p ?o }",
    "SELECT * FROM NAMED <https://w3id.org/cred-kg/id/document/a> { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
    "SELECT * { ?s cred:refines+/cred:text ?o ; ^cred:about ?x } ORDER BY DESC(?o)",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <https://w3id.org/cred-kg/id/actor/putin>",
    "SELECT * WHERE " + "{" * 20 + "}" * 20,
    "PREFIX : <urn:x#> PREFIX foo: <urn:y#> SELECT * { ?s foo:bar :o }",
]


@pytest.mark.parametrize(("query", "code"), REFUSED)
def test_refused(query: str, code: str) -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query(query, named_graphs=GRAPHS, predeclared=PREFIXES, max_depth=32)
    assert caught.value.code == code


@pytest.mark.parametrize("query", ALLOWED)
def test_allowed(query: str) -> None:
    checked = check_query(query, named_graphs=GRAPHS, predeclared=PREFIXES, max_depth=32)
    assert checked.form in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def test_refusal_names_the_place() -> None:
    with pytest.raises(QueryRefused) as caught:
        check_query("SELECT *\nWHERE {\n  SERVICE <http://x/> {} }", named_graphs=set())
    assert (caught.value.line, caught.value.column) == (3, 3)


def test_undeclared_prefix_is_named_with_its_place() -> None:
    """Oxigraph says only "expected one of Prefix not found, [...]"; the guard names it."""
    with pytest.raises(QueryRefused) as caught:
        check_query("SELECT *\nWHERE { ?s cred:about/ex:p ?o }", named_graphs=set(),
                    predeclared=PREFIXES)
    assert "'ex:' is not declared" in caught.value.message
    assert "cred:" in caught.value.message
    assert (caught.value.line, caught.value.column) == (2, 23)


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * { ?s http://example.org/p ?o }", "write an IRI in angle brackets"),
    # An IRI that does not parse (a space) is the engine's to place, not an undeclared http:.
    ("ASK { <http://exa mple.org/a b> ?p ?o }", None),
    ("ASK { ?s ?p ?o FILTER(?o<ex:b) }", None),
])
def test_what_looks_like_a_prefix(query: str, expected: str | None) -> None:
    if expected is None:
        assert check_query(query, named_graphs=set(), predeclared=PREFIXES).form == "ASK"
        return
    with pytest.raises(QueryRefused, match=expected):
        check_query(query, named_graphs=set(), predeclared=PREFIXES)


def test_dataset_is_reported() -> None:
    checked = check_query("SELECT * FROM <urn:graph:b> FROM NAMED <urn:graph:b> {}",
                          named_graphs=GRAPHS)
    assert checked.from_graphs == ("urn:graph:b",)
    assert checked.from_named_graphs == ("urn:graph:b",)


def test_tokens_keep_strings_and_iris_whole() -> None:
    tokens = list(tokenize('SELECT ?x { <urn:a> ex:p "a \\" SERVICE" ; ?y 1.5e3 }'))
    assert [t.kind for t in tokens] == ["word", "var", "open", "iri", "pname", "str2", "punct",
                                        "var", "number", "close"]


def _rdflib_has_service(query: str) -> bool:
    found = []

    def walk(node: object) -> None:
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            found.append(node)
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple | ParseResults):
            for value in node:
                walk(value)

    walk(parseQuery(query))
    return bool(found)


@pytest.mark.parametrize("query", [q for q, code in REFUSED if code == "service"][:7] + [
    q for q in ALLOWED if "SERVICE" in q.upper()])
def test_guard_agrees_with_rdflibs_parser_on_service(query: str) -> None:
    """Cross-check with a full SPARQL parser on queries both can read."""
    try:
        expected = _rdflib_has_service(query)
    except Exception:
        pytest.skip("rdflib's parser does not read this query")
    try:
        check_query(query, named_graphs=GRAPHS, predeclared=PREFIXES)
        refused = False
    except QueryRefused as refusal:
        refused = refusal.code == "service"
    assert refused == expected


@pytest.mark.parametrize("run", ["a.", "a-", "ab.c1-"])
def test_a_long_run_of_short_words_is_read_to_its_end(run: str) -> None:
    """"a.a.a..." makes each letter a token and the whole run a candidate prefix: every token
    is still read, the last included. How the time grows with such a run (it once grew with
    the square: 7 s at 40 kB, 139 s at 80 kB) is measured by benchmarks/safety/growth.py."""
    query = "SELECT * { ?s ?p ?o } " + run * (40_000 // len(run)) + " SERVICE <http://x/> {}"
    with pytest.raises(QueryRefused) as refusal:
        check_query(query, named_graphs=set(), predeclared=PREFIXES)
    assert refusal.value.code == "service"


def test_words_in_a_run_are_still_tokens_of_their_own() -> None:
    tokens = list(tokenize("true.SERVICE ex:a.b.c:d e.f"))
    assert [(t.kind, t.text) for t in tokens] == [
        ("word", "true"), ("punct", "."), ("word", "SERVICE"), ("pname", "ex:a.b.c:d"),
        ("word", "e"), ("punct", "."), ("word", "f")]
