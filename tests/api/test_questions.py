"""Named questions: the files, their typed parameters, the HTTP routes and `kg ask`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli
from api.questions.spec import (
    ParameterError,
    QuestionFileError,
    load_questions,
    parse_question,
    parse_type,
)
from kg.store import KnowledgeStore

BRIDGE = Path(__file__).parent / "data" / "bridge.yaml"
ID = "https://w3id.org/cred-kg/id/"
REQUIRED = {"corroborated-claims", "claims-by-actor", "contradictions", "claim-evidence",
            "uncorroborated-claims", "actors-by-grade"}


def test_the_required_questions_exist() -> None:
    assert set(load_questions()) >= REQUIRED


@pytest.mark.parametrize("name", sorted(load_questions()))
def test_every_example_answers(client: TestClient, name: str) -> None:
    question = load_questions()[name]
    assert question.examples, f"{name} has no example"
    for example in question.examples:
        response = client.get(f"/questions/{name}", params=example)
        assert response.status_code == 200, response.text
        answer = response.json()
        assert answer["question"] == name
        assert answer["count"] == len(answer["rows"])
        assert answer["columns"]


def test_listing(client: TestClient) -> None:
    listing = {q["name"]: q for q in client.get("/questions").json()}
    assert set(listing) >= REQUIRED
    corroborated = listing["corroborated-claims"]
    assert corroborated["parameters"] == [{
        "name": "min_groups", "type": "int(1..)", "required": False, "default": "2",
        "description": "the least number of independent source groups that affirm the claim",
        "schema": {"type": "integer", "minimum": 1}}]
    assert corroborated["examples"][0] == "/questions/corroborated-claims?min_groups=2"


# Answers worked out from the seed case (see the README's tour).
def test_corroborated_claims(client: TestClient) -> None:
    rows = client.get("/questions/corroborated-claims").json()["rows"]
    assert [(r["claim"], r["groups"]) for r in rows] == [
        (f"{ID}claim/nk-troops-in-russia", 3),
        (f"{ID}claim/russia-nk-treaty-has-mutual-defence-clause", 2)]
    assert set(rows[0]["affirmed_by"].split(", ")) == {"United States", "South Korea", "Ukraine"}
    three = client.get("/questions/corroborated-claims", params={"min_groups": 3}).json()
    assert [r["claim"] for r in three["rows"]] == [f"{ID}claim/nk-troops-in-russia"]
    assert three["parameters"] == {"min_groups": 3}


def test_claims_by_actor(client: TestClient) -> None:
    rows = client.get("/questions/claims-by-actor",
                      params={"actor": "north-korea", "stance": "denies"}).json()["rows"]
    assert [(r["claim"], r["stance_label"], r["quote"]) for r in rows] == [
        (f"{ID}claim/nk-sent-troops-to-assist-war-on-ukraine", "denies",
         "groundless, stereotype rumors")]
    # An IRI works as well as an id.
    by_iri = client.get("/questions/claims-by-actor",
                        params={"actor": f"{ID}actor/north-korea", "stance": "denies"})
    assert by_iri.json()["rows"] == rows


def test_claim_evidence(client: TestClient) -> None:
    rows = client.get("/questions/claim-evidence",
                      params={"claim": "nk-troops-at-far-east-training-ground"}).json()["rows"]
    assert [(r["evidence"], r["relation"], r["kinds"], r["produced_by"]) for r in rows] == [
        (f"{ID}evidence/nis-satellite-images", "supports", "SatelliteImagery",
         "National Intelligence Service")]


def test_uncorroborated_and_grades(client: TestClient) -> None:
    rows = client.get("/questions/uncorroborated-claims",
                      params={"status": "unsupported"}).json()["rows"]
    assert {r["claim"] for r in rows} == {
        f"{ID}claim/nk-sent-troops-to-assist-war-on-ukraine",
        f"{ID}claim/nk-troops-sent-for-possible-deployment-to-ukraine"}
    assert all(r["contested"] is True for r in rows)
    grades = client.get("/questions/actors-by-grade", params={"group": "south-korea"}).json()
    assert {r["label"] for r in grades["rows"]} == {
        "South Korea", "Yoon Suk Yeol", "National Intelligence Service"}


def test_contradictions(make_client: Callable[..., TestClient]) -> None:
    """Worked by hand in tests/api/data/bridge.yaml."""
    client = make_client(files=(BRIDGE,))
    rows = client.get("/questions/contradictions", params={"actor": "lemuria"}).json()["rows"]
    assert sorted((r["actor_a_label"], r["how"], r["actor_b_label"]) for r in rows) == [
        ("Atlantis Ministry of Defence", "affirms a contradicting claim", "Lemuria"),
        ("Atlantis Ministry of Defence", "denies it", "Lemuria")]
    assert {r["group_a_label"] for r in rows} == {"Atlantis"}


def test_questions_answer_under_the_lowest_query_depth_limit(
        make_client: Callable[..., TestClient]) -> None:
    """max_query_depth bounds the queries clients send; the questions' own text nests deeper
    than its lowest value (2), and every question answered a 500 under it."""
    client = make_client(max_query_depth=2)
    for name, question in sorted(load_questions().items()):
        response = client.get(f"/questions/{name}", params=question.examples[0])
        assert response.status_code == 200, (name, response.text)
        assert response.json()["question"] == name
    deep = client.get("/sparql", params={"query": "ASK { { { ?s ?p ?o } } }"})
    assert deep.json()["error"]["code"] == "query_too_deep"  # the clients' queries still are


def test_contradictions_stated_one_way(make_client: Callable[..., TestClient],
                                       tmp_path: Path) -> None:
    """cred:contradicts is symmetric (owl:SymmetricProperty), and the analysis reads it so:
    RDF may state it one way only. The question missed the pair when the stated direction's
    subject sorted after its object (bridge-intact contradicts bridge-destroyed)."""
    with KnowledgeStore() as store:
        store.load([BRIDGE])
        quads = store.export("nquads").decode().splitlines()
    one_way = [q for q in quads if "bridge-destroyed> <https://w3id.org/cred-kg/ns#contradicts>"
               not in q]
    assert len(one_way) == len(quads) - 1
    data = tmp_path / "bridge-one-way.nq"
    data.write_text("\n".join(one_way) + "\n", encoding="utf-8")
    client = make_client(files=(data,))
    rows = client.get("/questions/contradictions", params={"actor": "lemuria"}).json()["rows"]
    assert sorted((r["actor_a_label"], r["how"], r["actor_b_label"]) for r in rows) == [
        ("Atlantis Ministry of Defence", "affirms a contradicting claim", "Lemuria"),
        ("Atlantis Ministry of Defence", "denies it", "Lemuria")]


def test_paging(client: TestClient) -> None:
    first = client.get("/questions/claims-by-actor", params={"actor": "putin", "limit": 2})
    page = first.json()
    assert page["count"] == 2 and page["next"]
    second = client.get(page["next"]).json()
    assert second["offset"] == 2
    assert not {r["statement"] for r in page["rows"]} & {r["statement"] for r in second["rows"]}


def test_csv_pages_through_the_link_header(client: TestClient) -> None:
    """CSV has no envelope for `next`: the Link header carries it, and the pages add up."""
    params = {"actor": "putin", "limit": 3}
    whole = client.get("/questions/claims-by-actor", params={"actor": "putin"})
    expected = [r["statement"] for r in whole.json()["rows"]]
    assert "link" not in whole.headers
    statements: list[str] = []
    response = client.get("/questions/claims-by-actor", params=params,
                          headers={"Accept": "text/csv"})
    while True:
        statements += [r["statement"] for r in csv.DictReader(io.StringIO(response.text))]
        link = response.headers.get("link")
        if link is None:
            break
        target, rel = link.split(";")
        assert rel.strip() == 'rel="next"'
        response = client.get(target.strip()[1:-1], headers={"Accept": "text/csv"})
    assert len(expected) > 3 and statements == expected
    json_page = client.get("/questions/claims-by-actor", params=params)
    assert json_page.headers["link"] == f'<{json_page.json()["next"]}>; rel="next"'


@pytest.mark.parametrize(("params", "status", "parameter"), [
    ({"min_groups": "two"}, 422, "min_groups"),
    ({"min_groups": "0"}, 422, "min_groups"),
    ({"min_group": "2"}, 422, "min_group"),
    ({"limit": "0"}, 422, "limit"),
    ({"limit": "10001"}, 422, "limit"),  # over max_results (10,000 by default)
    ({"offset": "-1"}, 422, "offset"),
])
def test_bad_parameters(client: TestClient, params: dict[str, str], status: int,
                        parameter: str) -> None:
    response = client.get("/questions/corroborated-claims", params=params)
    assert response.status_code == status
    assert response.json()["error"]["details"]["parameter"] == parameter


def test_missing_and_unknown_items(client: TestClient) -> None:
    missing = client.get("/questions/claims-by-actor")
    assert missing.status_code == 422
    unknown = client.get("/questions/claims-by-actor", params={"actor": "puttin"})
    assert unknown.status_code == 404
    assert unknown.json()["error"]["details"]["suggestions"][0] == "putin"
    stance = client.get("/questions/claims-by-actor", params={"actor": "putin",
                                                               "stance": "supports"})
    assert stance.status_code == 422


def test_unknown_question_suggests_names(client: TestClient) -> None:
    response = client.get("/questions/corroborated-claim", params={"min_groups": 3})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found"
    assert error["details"]["suggestions"][0] == "corroborated-claims"
    assert "did you mean corroborated-claims" in error["message"]
    # Not a documented operation of its own.
    assert "/questions/{name}" not in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize("media", ["text/csv", "application/sparql-results+json",
                                   "text/tab-separated-values"])
def test_answer_formats(client: TestClient, media: str) -> None:
    response = client.get("/questions/corroborated-claims", params={"min_groups": 3},
                          headers={"Accept": media})
    assert response.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [r["claim"] for r in rows] == [f"{ID}claim/nk-troops-in-russia"]
    elif media == "application/sparql-results+json":
        assert json.loads(response.text)["head"]["vars"][0] == "claim"
    else:
        assert response.text.startswith("?claim\t")


def test_values_enter_as_terms_not_text() -> None:
    question = parse_question("q", """#+ summary: s
#+ param: text: string : t
SELECT ?s WHERE {
  #+ values
  ?s ?p ?text }""")
    rendered = question.render(question.bind({"text": 'x" } SERVICE <http://a/> { "'}, None))
    # Both quotes escaped: the value stays one string literal.
    assert 'VALUES (?text) { ("x\\" } SERVICE <http://a/> { \\"") }' in rendered


@pytest.mark.parametrize(("text", "message"), [
    ("SELECT * {}", "summary"),
    ("#+ summary: s\n#+ param: n: int : n\nSELECT * { ?s ?p ?o }", "not used"),
    ("#+ summary: s\n#+ param: n: int : n\nSELECT ?n { ?s ?p ?n }", r"#\+ values"),
    ("#+ summary: s\n#+ param: n: number : n\nSELECT ?n {\n#+ values\n}", "unknown parameter type"),
    ("#+ summary: s\n#+ colour: red\nSELECT * {}", "unknown header"),
    ("#+ summary: s\n#+ param: n int\nSELECT ?n {\n#+ values\n}", "bad parameter line"),
])
def test_question_file_errors(text: str, message: str) -> None:
    with pytest.raises(QuestionFileError, match=message):
        parse_question("q", text)


def test_parameter_types() -> None:
    question = parse_question("q", """#+ summary: s
#+ param: d: date : d
#+ param: b: bool = false : b
#+ param: g: enum(A|B) : g
#+ param: x: decimal? : x
SELECT * {
  #+ values
  BIND(?d AS ?e) BIND(?b AS ?c) BIND(?g AS ?h) BIND(?x AS ?y) }""")
    terms = question.bind({"d": "2024-10-24", "g": "A", "x": "0.5"}, None)
    assert {name: str(term) for name, term in terms.items()} == {
        "d": '"2024-10-24"^^<http://www.w3.org/2001/XMLSchema#date>',
        "b": '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>',
        "g": '"A"',
        "x": '"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'}
    for bad in ({"d": "2024-02-30", "g": "A"}, {"d": "2024-10-24", "g": "C"},
                {"d": "2024-10-24", "g": "A", "b": "yes"}):
        with pytest.raises(ParameterError):
            question.bind(bad, None)


@pytest.mark.parametrize(("spec", "value", "message"), [
    ("int(1..)", "0", "n must be at least 1, not 0"),
    ("int(..5)", "6", "n must be at most 5, not 6"),
    ("int(1..5)", "9", "n must be between 1 and 5, not 9"),
])
def test_int_bounds_in_words(spec: str, value: str, message: str) -> None:
    """The range in words, not the header's notation ("must be in 1.., not 0")."""
    with pytest.raises(ParameterError) as caught:
        parse_type(spec).convert("n", value, None)
    assert caught.value.message == message


def test_every_question_is_in_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for name, question in load_questions().items():
        operation = paths[f"/questions/{name}"]["get"]
        assert "requestBody" not in operation
        names = [p["name"] for p in operation["parameters"]]
        assert names == [p.name for p in question.parameters] + ["limit", "offset"]
        for parameter in operation["parameters"][:len(question.parameters)]:
            assert parameter["description"]
        assert operation["summary"] == question.summary


def test_kg_ask_lists_and_answers() -> None:
    runner = CliRunner()
    listing = runner.invoke(cli, ["ask"])
    assert listing.exit_code == 0
    assert all(name in listing.stdout for name in REQUIRED)
    answer = runner.invoke(cli, ["ask", "corroborated-claims", "--min-groups", "3", "-f", "json"])
    assert answer.exit_code == 0, answer.stdout + answer.stderr
    assert [r["claim"] for r in json.loads(answer.stdout)["rows"]] == [
        f"{ID}claim/nk-troops-in-russia"]
    table = runner.invoke(cli, ["ask", "claims-by-actor", "--actor=putin", "--stance", "hedges"])
    assert table.exit_code == 0 and "nk-troops-in-russia" in table.stdout
    with_data = runner.invoke(cli, ["ask", "contradictions", "--data", str(BRIDGE), "-f", "csv"])
    assert with_data.exit_code == 0 and "Lemuria" in with_data.stdout


@pytest.mark.parametrize(("args", "code", "text"), [
    (["ask", "corroborated"], 2, "did you mean corroborated-claims"),
    (["ask", "claims-by-actor", "--actor", "puttin"], 1, "did you mean putin"),
    (["ask", "corroborated-claims", "--min-groups", "x"], 2, "integer"),
    (["ask", "corroborated-claims", "--min-groups"], 2, "needs a value"),
    (["ask", "corroborated-claims", "-f", "xml"], 2, "table, json or csv"),
])
def test_kg_ask_errors(args: list[str], code: int, text: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code
    assert text in result.stderr
