"""Schemathesis against the service's OpenAPI document, in-process (ASGI), writes included.

Every operation of ``/openapi.json`` gets requests generated from its schema by Schemathesis,
valid ones and invalid ones (its positive and negative modes), all sent with the write token so
that the write endpoints run their whole path, from the body to the store. Each response must
not be a server error (no 5xx at all: a query timeout's 503 would fail the test too) and, where
its status code is documented, must conform to the documented response schema.

Afterwards the store must be consistent: it still conforms to the SHACL shapes as a whole,
the service's counts agree with the store's, and every write answered 201 is in the store.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import schemathesis
from case_strategies import valid_cases
from fuzz_budget import budget
from hypothesis import given
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import response_schema_conformance

from api.app import create_app
from api.settings import Settings
from kg.namespaces import ANALYSIS_GRAPH
from kg.seed import seed_paths
from kg.shacl import validate_quads
from kg.store import KnowledgeStore

TOKEN = "fuzz-token-5b1e"
# The operations, from the snapshot that tests/api/test_openapi.py keeps equal to the live
# document; read here only to name the tests (the requests use the live document).
SNAPSHOT = Path(__file__).parents[1] / "api" / "snapshots" / "openapi.json"
OPERATIONS = [
    f"{method.upper()} {path}"
    for path, methods in json.loads(SNAPSHOT.read_text(encoding="utf-8"))["paths"].items()
    for method in methods
]
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: Examples per operation in the default run (times LONG_SCALE in the long one).
EXAMPLES = 6


class Written:
    """What the run did: the subjects the service said it wrote (201 responses), and the
    responses per operation and status (printed at the end, with ``-s``)."""

    subjects: ClassVar[set[str]] = set()
    count = 0
    statuses: ClassVar[Counter[tuple[str, int]]] = Counter()


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, KnowledgeStore]]:
    """The service on a copy of the seed case, writes on, started through Schemathesis' ASGI
    transport (which runs the app's lifespan once, for every request)."""
    store = KnowledgeStore(tmp_path_factory.mktemp("fuzz-api") / "store")
    store.load(seed_paths())
    app = create_app(
        Settings(query_workers=2, query_timeout=5.0, writes_enabled=True, write_token=TOKEN),
        store=store,
    )
    yield app, store
    asgi.shutdown_lifespans()
    _assert_consistent(store)
    store.close()


@pytest.fixture(scope="module")
def api_schema(service: tuple[Any, KnowledgeStore]) -> Any:
    """The live OpenAPI document, loaded through the app (this starts its lifespan)."""
    app, _ = service
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_error_and_documented_responses(api_schema: Any, label: str) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None, label
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @budget(EXAMPLES)
    @given(cases)
    def run(case: Any) -> None:
        response = case.call(headers=AUTH)
        Written.statuses[label, response.status_code] += 1
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
        if response.status_code == 201:
            Written.count += 1
            Written.subjects.update(response.json().get("subjects", []))

    run()


def _entries(case: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The case's actors, claims, evidence and statements as JSON writes, in an order in which
    every reference is to an item written before. Contradiction is symmetric: each pair goes
    with the later claim of the two, as a contradiction of one already in the store (the
    compiler writes both directions, so the stored claim gains a triple)."""
    entries = [("/actors", actor) for actor in case["actors"]]
    order = {claim["id"]: i for i, claim in enumerate(case["claims"])}
    later: dict[str, list[str]] = {}
    for claim in case["claims"]:
        for other in claim.get("contradicts", []):
            first, second = sorted((claim["id"], other), key=order.__getitem__)
            later.setdefault(second, []).append(first)
    for claim in case["claims"]:
        entry = {k: v for k, v in claim.items() if k != "contradicts"}
        if claim["id"] in later:
            entry["contradicts"] = sorted(set(later[claim["id"]]), key=order.__getitem__)
        entries.append(("/claims", entry))
    entries += [("/evidence", item) for item in case.get("evidence", [])]
    entries += [("/statements", item) for item in case.get("statements", [])]
    return entries


@budget(4)
@given(case=valid_cases(extend_vocabulary=False))
def test_valid_entries_are_written(api_schema: Any, case: dict[str, Any]) -> None:
    """Generated bodies rarely pass the compiler (ids have a syntax the OpenAPI document does
    not state), so valid entries are generated too: each is written (201), or refused with a
    409 because an earlier example already wrote that id; never anything else."""
    for path, entry in _entries(case):
        operation = api_schema[path]["POST"]
        request = operation.Case(body=entry, media_type="application/json")
        response = request.call(headers=AUTH)
        Written.statuses[f"POST {path} (valid)", response.status_code] += 1
        request.validate_response(
            response, checks=[not_a_server_error, response_schema_conformance]
        )
        assert response.status_code in (201, 409), response.text
        if response.status_code == 201:
            Written.count += 1
            Written.subjects.update(response.json()["subjects"])


CLAIM_CLASSES = (
    "cred:Claim cred:FactualClaim cred:Forecast cred:ConditionalClaim cred:PolicyPosition"
)


def _assert_consistent(store: KnowledgeStore) -> None:
    """The store after the run: what is outside the analysis graph conforms to the shapes as a
    whole, and every write the service reported is in it."""
    analysis = f"<{ANALYSIS_GRAPH}>"
    data = [q for q in store.quads() if str(q.graph_name) != analysis]
    violations = [v for v in validate_quads(data, source="store") if v.severity == "Violation"]
    assert violations == []
    for subject in Written.subjects:
        assert bool(store.query(f"ASK {{ <{subject}> ?p ?o }}")), subject


def test_the_service_and_its_store_agree_after_the_run(
    service: tuple[Any, KnowledgeStore],
) -> None:
    """Runs after the Schemathesis test, on the same service: the write endpoints were
    exercised for real (some generated bodies were valid, and written), and the service's
    analysis counts the claims its store holds."""
    app, store = service
    if not Written.statuses:
        pytest.skip("needs the Schemathesis test of this module to have run first")
    total = sum(Written.statuses.values())
    print(
        f"\n{total} requests, {Written.count} writes answered 201; by status:",
        dict(Counter(status for _, status in Written.statuses.elements())),
    )
    for (label, status), n in sorted(Written.statuses.items()):
        print(f"  {label}: {status} x {n}")
    assert Written.count > 0
    with asgi.get_client(app) as client:
        status = client.get("/status").json()
        listed = client.get("/claims", params={"limit": 1}).json()
    assert status["quads"] == len(store)
    query = (
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { "
        f"VALUES ?t {{ {CLAIM_CLASSES} }} ?c a ?t }} FILTER (?g != <{ANALYSIS_GRAPH}>) }}"
    )
    claims = next(iter(store.query(query)))["n"]
    assert listed["total"] == int(claims.value) >= 27  # the seed's 27, and any written


def test_export_refuses_rdfxml_it_could_not_read_back(
    service: tuple[Any, KnowledgeStore],
) -> None:
    """Found by fuzzing the loaders: a literal with U+0001 was exported as RDF/XML that no
    XML parser reads (200, and a broken file). Now the export says why, and other formats
    still carry the literal."""
    app, _ = service
    turtle = b'<https://e.org/s> <https://e.org/note> "bell\\u0001" .'
    with asgi.get_client(app) as client:
        written = client.post("/data", data=turtle, headers={**AUTH, "Content-Type": "text/turtle"})
        assert written.status_code == 201, written.text
        refused = client.get("/export", params={"format": "rdfxml"})
        carried = client.get("/export", params={"format": "nt"})
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert "U+0001" in error["message"] and "<https://e.org/s>" in error["message"]
    assert carried.status_code == 200
    assert '<https://e.org/s> <https://e.org/note> "bell\\u0001" .' in carried.text


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        ("CONSTRUCT WHERE { <https://e.org/s> ?p ?o }", "application/rdf+xml"),
        ("SELECT ?o WHERE { <https://e.org/s> ?p ?o }", "application/sparql-results+xml"),
    ],
)
def test_sparql_refuses_xml_it_could_not_write(
    service: tuple[Any, KnowledgeStore], query: str, accept: str
) -> None:
    """Found with the export bug above: the SPARQL endpoint answered 200 with XML that no XML
    parser reads. Now it answers 406, and JSON still carries the literal."""
    app, _ = service
    turtle = b'<https://e.org/s> <https://e.org/note> "bell\\u0001" .'
    with asgi.get_client(app) as client:
        written = client.post("/data", data=turtle, headers={**AUTH, "Content-Type": "text/turtle"})
        # (the service is shared by both cases: the second's write is a retry, 200 unchanged)
        assert (written.status_code, written.json()["quads"]) in {(201, 1), (200, 1)}, \
            written.text
        refused = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        as_json = client.get(
            "/sparql",
            params={"query": "SELECT ?o WHERE { <https://e.org/s> ?p ?o }"},
            headers={"Accept": "application/sparql-results+json"},
        )
    assert refused.status_code == 406
    assert "XML 1.0 cannot carry" in refused.json()["error"]["message"]
    assert [b["o"]["value"] for b in as_json.json()["results"]["bindings"]] == ["bell\x01"]


def test_a_new_claim_may_contradict_one_in_the_store(service: tuple[Any, KnowledgeStore]) -> None:
    """Found by fuzzing: the compiler writes the symmetric ``<existing> cred:contradicts
    <new>``, which makes the existing claim a subject of the new data; it used to be checked
    without its stored ``cred:text`` and refused (docs/reliability.md, Fuzzing)."""
    app, store = service
    claim = {
        "id": "nk-troops-not-in-russia",
        "text": "No North Korean troops are in Russia.",
        "contradicts": ["nk-troops-in-russia"],
    }
    before = len(store)
    with asgi.get_client(app) as client:
        response = client.post("/claims", json=claim, headers=AUTH)
    assert response.status_code == 201, response.text
    pairs = {
        (row["a"].value.rsplit("/", 1)[-1], row["b"].value.rsplit("/", 1)[-1])
        for row in store.query("SELECT ?a ?b WHERE { ?a cred:contradicts ?b }")  # type: ignore[union-attr]
    }
    assert {
        ("nk-troops-not-in-russia", "nk-troops-in-russia"),
        ("nk-troops-in-russia", "nk-troops-not-in-russia"),
    } <= pairs
    texts = store.query(
        "SELECT ?t WHERE { ?c cred:text ?t FILTER (STRENDS(STR(?c), '/nk-troops-in-russia')) }"
    )
    assert len(list(texts)) == 1  # type: ignore[arg-type]
    assert len(store) > before
