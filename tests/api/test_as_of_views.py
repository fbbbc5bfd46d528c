"""``?as_of=DATE`` on ``/actors``, ``/actors/{id}``, ``/evidence``, ``/evidence/{id}``, the
tables ``/claims.html``, ``/actors.html`` and ``/evidence.html``, and ``/graph``: the same
analysis as ``/claims?as_of=DATE`` (one shared cache), shown as of the date, saying so, with
links that keep the date.

The case (tests/api/data/as-of-grades.yaml, beside the seed) works the answers out: Ares and
Boreas each affirm three claims, all dated 1 October but Boreas's on the harbour (1 November).
Today both are graded B (three assessed claims) and the harbour is corroborated; as of
15 October Boreas's harbour statement is left out, so the harbour is single-source, each has
two assessed claims (too few: grade F) and Boreas has two statements. Boreas's sonar scan of
the harbour (1 October) is not independent there today (Boreas affirms the claim) but is as of
the 15th; Outlet G's photograph (20 October) is not known then. (The seed's statements are all
dated 18-24 October: left out too.)
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

import api.as_of as shared
from api.app import create_app
from api.state import ServiceState
from kg.store import KnowledgeStore
from tests.api.conftest import settings
from tests.viz.conftest import ParsedPage, parse_page

CASE = (Path(__file__).parent / "data" / "as-of-grades.yaml",)
DATE = "2024-10-15"
ID = "https://w3id.org/cred-kg/id/"
HARBOUR, ARES, BOREAS = f"{ID}claim/harbour-mined", f"{ID}actor/ares", f"{ID}actor/boreas"
#: The routes this offers on, each with a request that names an item of the case.
ROUTES = ("/actors", "/actors/ares", "/evidence", "/evidence/harbour-sonar", "/claims.html",
          "/actors.html", "/evidence.html", "/graph")
SONAR, PHOTO = f"{ID}evidence/harbour-sonar", f"{ID}evidence/harbour-photo"


@pytest.fixture(scope="module")
def client(seed_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[TestClient]:
    """One service on the seed and the case, for the module (each test asks its own date
    where it counts what is computed)."""
    path = tmp_path_factory.mktemp("as-of-views") / "store"
    shutil.copytree(seed_store_dir, path)
    store = KnowledgeStore(path)
    store.load(list(CASE))
    with TestClient(create_app(settings(), store=store), raise_server_exceptions=False) as c:
        yield c
    store.close()


def _get(client: TestClient, path: str, **params: str) -> Any:
    response = client.get(path, params=params or None)
    assert response.status_code == 200, response.text
    return response


def _grades(client: TestClient, **params: str) -> dict[str, str]:
    items = _get(client, "/actors", limit="1000", **params).json()["items"]
    return {a["id"]: a["reliability"]["grade"] for a in items if a["id"] in ("ares", "boreas")}


def test_the_actors_list_as_of_a_date(client: TestClient) -> None:
    assert _grades(client) == {"ares": "B", "boreas": "B"}
    assert _grades(client, as_of=DATE) == {"ares": "F", "boreas": "F"}
    # The filters work on that day's grades.
    assert _grades(client, as_of=DATE, grade="F") == {"ares": "F", "boreas": "F"}
    assert _grades(client, as_of=DATE, grade="B") == {}
    counts = {a["id"]: a["statements"] for a in _get(
        client, "/actors", limit="1000", as_of=DATE).json()["items"]}
    assert (counts["ares"], counts["boreas"]) == (3, 2)
    assert _grades(client) == {"ares": "B", "boreas": "B"}  # today's untouched


def test_one_actor_as_of_a_date_gives_that_days_grade_and_says_what_was_left_out(
    client: TestClient,
) -> None:
    today = _get(client, "/actors/boreas").json()
    assert today["reliability"]["grade"] == "B" and "as_of" not in today
    assert len(today["statements"]) == 3
    dated = _get(client, "/actors/boreas", as_of=DATE).json()
    assert dated["reliability"]["grade"] == "F"
    reasons = dated["reliability"]["reasons"]
    assert reasons[0].startswith(f"As of {DATE}: ")
    assert "statements dated after 2024-10-15 left out" in reasons[0]
    assert reasons[1].startswith("Reliability F (reliability cannot be judged): 2 assessed")
    assert [s["claim"] for s in dated["statements"]] == [
        f"{ID}claim/port-north-open", f"{ID}claim/port-south-open"]
    assert dated["as_of"]["statements_after"] >= 1


class _Rows(HTMLParser):
    """The table's rows (each cell's text, links and attributes) and the banner's text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict[str, Any]]] = []
        self.banner = ""
        self._cell: dict[str, Any] | None = None
        self._in_banner = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = {"text": "", "links": [], **found}
            self.rows[-1].append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell["links"].append(found["href"])
        self._in_banner = self._in_banner or found.get("class") == "as-of"

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._cell = None
        elif tag == "p":
            self._in_banner = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data
        if self._in_banner:
            self.banner += data


def _table(html: str) -> _Rows:
    rows = _Rows()
    rows.feed(html)
    return rows


def _statuses(html: str) -> dict[str, str]:
    """Claim id -> its status, from the claims table."""
    out = {}
    for row in _table(html).rows:
        if row:
            ident = urlsplit(row[0]["links"][1]).path.removeprefix("/claims/")
            out[ident] = row[1]["text"]
    return out


def test_the_claims_table_as_of_a_date(client: TestClient) -> None:
    today = _get(client, "/claims.html").text
    assert _statuses(today)["harbour-mined"] == "corroborated"
    assert not _table(today).banner
    html = _get(client, "/claims.html", as_of=DATE).text
    assert _statuses(html)["harbour-mined"] == "single-source"
    assert _statuses(html)["port-north-open"] == "corroborated"
    assert parse_page(html).all("title")[0].text == f"Claims as of {DATE}"
    banner = _table(html).banner
    assert banner.startswith(f"As of {DATE}: this page shows the data as of {DATE}: only "
                             "statements and evidence dated on or before it count. ")
    assert "statements dated after 2024-10-15 left out" in banner


def _links(html: str) -> list[str]:
    return [e.attrs["href"] or "" for e in parse_page(html).all("a") if "href" in e.attrs]


def _keeps_the_date(href: str) -> bool:
    return parse_qs(urlsplit(href).query).get("as_of") == [DATE]


#: Links that leave the date on purpose: the front page (which refuses it), the questions,
#: SPARQL, extraction and API pages, and "Show the current data".
_UNDATED = ("/", "/#questions", "/#sparql", "/extract", "/openapi.json")


@pytest.mark.parametrize("path", ["/claims.html", "/actors.html", "/evidence.html"])
def test_every_link_and_page_of_a_table_as_of_a_date_keeps_it(
    client: TestClient, path: str
) -> None:
    html = _get(client, path, as_of=DATE, limit="2", offset="2").text
    links = _links(html)
    current = [h for h in links if not _keeps_the_date(h)]
    # The one link to today's data is the banner's; the rest are the site's other pages.
    today = [h for h in current if h.startswith(path)]
    assert len(today) == 1 and "offset=2" not in today[0]
    assert set(current) - set(today) <= set(_UNDATED), current
    page = parse_page(html)
    nexts = [h for h in links if "offset=4" in h]
    previous = [h for h in links if "offset=0" in h]
    assert nexts and previous and all(map(_keeps_the_date, nexts + previous))
    # Every link into the graph or to a JSON explanation asks for the same date.
    assert any(h.startswith("/graph?focus=") for h in links)
    assert all(_keeps_the_date(h) for h in links if h not in today
               and h.startswith(("/graph", "/claims/", "/actors/", "/evidence")))
    if path != "/claims.html":  # the filter form sends the date along
        hidden = [e.attrs for e in page.all("input") if e.attrs.get("type") == "hidden"]
        assert {"type": "hidden", "name": "as_of", "value": DATE} in hidden


def _actor_grades(html: str) -> dict[str, tuple[str, str]]:
    """Actor label -> the grade of its row in the actors table, and the reasons shown."""
    out = {}
    for row in _table(html).rows:
        if row:
            label = row[0]["text"].split(" ")[0].removesuffix("ares").removesuffix("boreas")
            out[label] = (row[3]["data-grade"], row[4]["text"])
    return out


def test_the_actors_table_as_of_a_date(client: TestClient) -> None:
    plain = _get(client, "/actors.html").text
    assert 'class="as-of"' not in plain and "as_of" not in plain  # no date, none in links
    today = _actor_grades(plain)
    assert (today["Ares"][0], today["Boreas"][0]) == ("B", "B")
    assert "3 assessed claims" in today["Boreas"][1]
    html = _get(client, "/actors.html", as_of=DATE).text
    dated = _actor_grades(html)
    assert (dated["Ares"][0], dated["Boreas"][0]) == ("F", "F")
    # The reasons shown are that day's (the banner says once what was left out).
    assert dated["Boreas"][1].startswith("Reliability F (reliability cannot be judged): 2 "
                                         "assessed claims")
    assert parse_page(html).all("title")[0].text == f"Actors as of {DATE}"
    assert _table(html).banner.startswith(f"As of {DATE}: this page shows the data as of")
    # A filter on that day's grade.
    only_b = _actor_grades(_get(client, "/actors.html", as_of=DATE, grade="B").text)
    assert "Ares" not in only_b and "Boreas" not in only_b


def _weights(client: TestClient, **params: str) -> dict[str, tuple[float, bool]]:
    """Evidence IRI -> its weight on the harbour claim and whether it is independent there."""
    items = _get(client, "/evidence", claim="harbour-mined", **params).json()["items"]
    out = {}
    for item in items:
        for w in _get(client, item["url"], **params).json()["weights"]:
            out[item["iri"]] = (w["weight"], w["independent"])
    return out


def test_the_evidence_as_of_a_date(client: TestClient) -> None:
    assert _weights(client) == {SONAR: (0.8, False), PHOTO: (0.6, True)}
    # The photograph is not yet known; Boreas had not yet affirmed the claim its scan supports.
    assert _weights(client, as_of=DATE) == {SONAR: (0.8, True)}
    later = client.get("/evidence/harbour-photo", params={"as_of": DATE})
    assert later.status_code == 404 and later.json()["error"]["code"] == "not_found"
    # Why, rather than "no evidence 'harbour-photo'", which reads as a wrong id.
    assert later.json()["error"]["message"] == (
        f"evidence 'harbour-photo' is dated 2024-10-20, after as_of {DATE}: it was not known "
        "then (ask without as_of, or with a later date)")
    unknown = client.get("/evidence/harbour-phot", params={"as_of": DATE}).json()["error"]
    assert unknown["message"] == "no evidence 'harbour-phot'"
    item = _get(client, "/evidence/harbour-sonar", as_of=DATE).json()
    assert item["as_of"]["as_of"] == DATE and item["as_of"]["statements_after"] >= 1
    html = _get(client, "/evidence.html", as_of=DATE, kind="Document").text
    assert parse_page(html).all("title")[0].text == f"Evidence as of {DATE}"
    assert _table(html).banner.startswith(f"As of {DATE}: this page shows the data as of")
    rows = [row for row in _table(html).rows if row]
    sonar = [row for row in rows if row[0]["text"].startswith("A sonar scan")]
    assert len(sonar) == 1 and "weight 0.80 (independent;" in sonar[0][4]["text"]
    today = [row for row in _table(_get(client, "/evidence.html", kind="Document").text).rows
             if row and row[0]["text"].startswith("A sonar scan")]
    assert "weight 0.80 (not independent;" in today[0][4]["text"]
    photos = _get(client, "/evidence.html", as_of=DATE, kind="Photograph").text
    assert "A photograph of the mined harbour" not in photos


def _view(client: TestClient, **params: str) -> tuple[ParsedPage, dict[str, Any]]:
    page = parse_page(_get(client, "/graph", **params).text)
    return page, page.data


def test_the_graph_view_as_of_a_date(client: TestClient) -> None:
    _, today = _view(client)
    nodes = {n["id"]: n for n in today["nodes"]}
    assert nodes[HARBOUR]["status"] == "corroborated" and nodes[BOREAS]["grade"] == "B"
    stated = {(e["from"], e["to"]) for e in today["edges"] if e["kind"] == "affirms"}
    assert (BOREAS, HARBOUR) in stated
    page, dated = _view(client, as_of=DATE)
    nodes = {n["id"]: n for n in dated["nodes"]}
    assert nodes[HARBOUR]["status"] == "single-source"
    assert (nodes[ARES]["grade"], nodes[BOREAS]["grade"]) == ("F", "F")
    stated = {(e["from"], e["to"]) for e in dated["edges"] if e["kind"] == "affirms"}
    # The statement dated after the date is not drawn; those before it are.
    assert (BOREAS, HARBOUR) not in stated and (ARES, HARBOUR) in stated
    assert all(e.get("date") is None or e["date"] <= DATE for e in dated["edges"])
    assert page.all("title")[0].text == f"Source-credibility graph as of {DATE}"
    assert f"Source-credibility graph as of {DATE}" in page.text  # the heading
    # The panel's explanations are that day's, and say so.
    boreas = dated["details"]["actors"][BOREAS]
    assert boreas["reliability"]["reasons"][0].startswith(f"As of {DATE}: ")
    assert dated["details"]["claims"][HARBOUR]["status"] == "single-source"
    links = [e.attrs.get("href") or "" for e in page.all("a")]
    assert f"/claims.html?as_of={DATE}" in links and "/graph" in links
    # "Current data" from a neighbourhood as of the date is that neighbourhood today (it
    # was the whole graph: the focus, and the grouping, were lost).
    focused, _ = _view(client, as_of=DATE, focus="ares", group="true")
    hrefs = [e.attrs.get("href") or "" for e in focused.all("a")]
    current = [h for h in hrefs if h.startswith("/graph") and "as_of" not in h]
    assert current == ["/graph?focus=ares&group=true"]
    # Focus on a node of that day's graph, and the view stays on the date.
    _, focused = _view(client, as_of=DATE, focus="harbour-mined")
    assert focused["initial"]["focus"] == HARBOUR
    assert {n["id"]: n for n in focused["nodes"]}[HARBOUR]["status"] == "single-source"


def test_every_route_shares_one_analysis_per_date(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph, the tables and the JSON ask the same cache: a date is analysed once."""
    state: ServiceState = client.app.state.kg  # type: ignore[attr-defined]
    computed: list[str] = []
    original = shared.analyse_case

    def counting(*args: Any, **kwargs: Any) -> Any:
        computed.append(str(kwargs.get("as_of")))
        return original(*args, **kwargs)

    monkeypatch.setattr(shared, "analyse_case", counting)
    state.current.cache.pop("as_of", None)
    for path in (*ROUTES, "/claims"):
        _get(client, path, as_of="2024-10-16")
    assert computed == ["2024-10-16"]
    assert state.current.analysis.as_of is None


@pytest.mark.parametrize("path", ROUTES)
@pytest.mark.parametrize("bad", ["2024-02-30", "2024-13"])
def test_a_bad_date_is_the_claims_422_naming_the_parameter(
    client: TestClient, path: str, bad: str
) -> None:
    response = client.get(path, params={"as_of": bad})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["message"] == f"as_of: {bad!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
    assert error == client.get("/claims", params={"as_of": bad}).json()["error"]


@pytest.mark.parametrize("path", ["/claims.html", "/actors.html", "/graph"])
def test_a_date_that_is_markup_never_reaches_a_page(client: TestClient, path: str) -> None:
    """The pattern refuses it before any page is built: the answer is the JSON error that
    ``/claims`` gives it."""
    hostile = '2024"><script>alert(1)</script>'
    response = client.get(path, params={"as_of": hostile})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["details"][0]["location"] == ["query", "as_of"]
    assert error == client.get("/claims", params={"as_of": hostile}).json()["error"]


def test_a_store_too_large_is_refused_on_every_route_alike(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    state: ServiceState = client.app.state.kg  # type: ignore[attr-defined]
    size = state.current.analysis.columns.n_statements
    monkeypatch.setattr(shared, "AS_OF_MAX_STATEMENTS", size - 1)
    for path in ROUTES:
        refused = client.get(path, params={"as_of": "2024-10-17"})
        assert refused.status_code == 422, path
        error = refused.json()["error"]
        assert error["code"] == "too_large"
        assert f"{size:,} statements" in error["message"]
        assert "kg corroborate --as-of" in error["message"]
    assert "2024-10-17" not in state.current.cache.get("as_of", {})
