"""The front page's links answer on whatever data is served, not only on the seed case.

The question files' examples name seed items (``actor=putin``); on another case those links
answered 404, and the names of questions that need a parameter linked to a 422.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.questions.examples import served_example
from api.questions.router import describe
from api.questions.spec import load_questions, parse_question
from api.settings import Settings
from kg.analysis import analyse
from kg.seed import seed_paths
from kg.store import KnowledgeStore

DATA = Path(__file__).resolve().parents[1] / "data"
PORT_FIRE = DATA / "cases" / "port-fire.yaml"  # shares no IRI with the seed
CASE_A = DATA / "valid" / "case-a.yaml"  # one statement, one evidence item, no contradiction


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(unescape(href))


def _links(client: TestClient) -> list[str]:
    """The front page's links to this server's pages and answers (not its anchors)."""
    parser = _Links()
    parser.feed(client.get("/").text)
    return [h for h in parser.hrefs if h.startswith("/") and not h.startswith("/#")]


def _client(*paths: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(query_workers=1, data=list(paths))),
                    raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def port_fire() -> Iterator[TestClient]:
    yield from _client(PORT_FIRE)


@pytest.fixture(scope="module")
def case_a() -> Iterator[TestClient]:
    yield from _client(CASE_A)


@pytest.fixture(scope="module")
def seed() -> Iterator[TestClient]:
    yield from _client(*seed_paths())


def _answer(client: TestClient, href: str) -> dict:
    response = client.get(href)
    assert response.status_code == 200, (href, response.text)
    answer = response.json()
    assert answer["question"] == urlsplit(href).path.rsplit("/", 1)[1]
    assert answer["count"] == len(answer["rows"]) and answer["columns"]
    return answer


def test_every_link_answers_with_content_on_another_case(port_fire: TestClient) -> None:
    links = _links(port_fire)
    questions = [h for h in links if h.startswith("/questions/")]
    assert len([h for h in questions if "?" in h]) == len(load_questions()) - 1
    for href in links:
        if href.startswith("/questions/"):
            answer = _answer(port_fire, href)
            assert answer["rows"], href
            # every item a link names is one of this case's, none of the seed's
            for value in answer["parameters"].values():
                assert not str(value).startswith("https://w3id.org/cred-kg/id/"), href
        elif href != "/openapi.json":
            response = port_fire.get(href)
            assert response.status_code == 200, href
            assert response.headers["content-type"].startswith("text/html")


def test_examples_are_filled_from_a_tiny_case(case_a: TestClient) -> None:
    examples = {h for h in _links(case_a) if "?" in h}
    # Worked out by hand: the minister makes the one statement, troops-y has the one
    # evidence item; the seed actor of the contradictions example is optional, so it goes.
    assert examples == {
        "/questions/claim-evidence?claim=troops-y",
        "/questions/claims-by-actor?actor=minister",
        "/questions/actors-by-grade?grade=F",
        "/questions/corroborated-claims?min_groups=2",
        "/questions/uncorroborated-claims?status=single-source",
    }
    evidence = _answer(case_a, "/questions/claim-evidence?claim=troops-y")["rows"]
    assert [r["evidence"].rsplit("/", 1)[1] for r in evidence] == ["photo-y"]
    said = _answer(case_a, "/questions/claims-by-actor?actor=minister")["rows"]
    assert [(r["claim"].rsplit("/", 1)[1], r["stance_label"]) for r in said] == [
        ("troops-y", "denies")]


def test_a_question_that_needs_a_parameter_is_not_linked_bare(case_a: TestClient) -> None:
    links = set(_links(case_a))
    for question in load_questions().values():
        bare = f"/questions/{question.name}"
        needs = any(p.required for p in question.parameters)
        assert (bare in links) is not needs, bare
        if not needs:
            _answer(case_a, bare)


def test_on_the_seed_the_examples_are_the_question_files_own(seed: TestClient) -> None:
    links = [h for h in _links(seed) if "?" in h]
    assert links == [describe(q)["examples"][0] for q in load_questions().values()]
    named = 0
    for href in links:
        answer = _answer(seed, href)
        given = dict(parse_qsl(urlsplit(href).query))
        item_params = {name for name in given
                       if str(answer["parameters"][name]).startswith("https://")}
        for name in item_params:
            assert answer["parameters"][name] == \
                f"https://w3id.org/cred-kg/id/{name}/{given[name]}"
            named += 1
    assert named == 3  # a claim and two actors, as in the question files


def test_an_evidence_parameter_is_filled_and_an_empty_case_leaves_examples_out() -> None:
    question = parse_question("q", """#+ summary: s
#+ param: item: evidence : an item
#+ example: item=nope
SELECT ?item WHERE {
  #+ values
  ?item ?p ?o }
""")
    with KnowledgeStore() as store:
        store.load([CASE_A])
        assert served_example(question, analyse(store)) == {"item": "photo-y"}
    with KnowledgeStore() as store:
        assert served_example(question, analyse(store)) is None
        assert served_example(load_questions()["claims-by-actor"], analyse(store)) is None


def test_the_question_listing_gives_examples_that_answer_on_another_case(
    port_fire: TestClient, seed: TestClient
) -> None:
    # GET /questions listed the files' examples, which name seed items (404 on other data).
    listed = port_fire.get("/questions").json()
    urls = [url for entry in listed for url in entry["examples"]]
    assert any("actor=" in url for url in urls)  # the item examples are there, refilled
    for url in urls:
        _answer(port_fire, url)
    # On the seed, every example of the files is kept, in their order.
    on_seed = {entry["name"]: entry["examples"] for entry in seed.get("/questions").json()}
    for name, question in load_questions().items():
        assert len(on_seed[name]) == len(question.examples)
