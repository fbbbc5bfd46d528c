"""Who says what, where: each statement of an explanation names its source document (title,
publisher, date, URL), read with the statements, whether the records come from a store a
claim at a time (:class:`~kg.analysis.details.StoreDetails`) or from the whole graph read at
once (an on-disk store this small, :class:`~kg.analysis.details.CaseDetails`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.analysis import Analysis, analyse
from kg.analysis.details import CaseDetails, StoreDetails
from kg.analysis.serialize import claim_to_dict, web_url
from kg.seed import SEED_CASE, seed_paths
from kg.store import KnowledgeStore


def _seed_document() -> dict[str, Any]:
    """The seed case's document as its case file gives it, with its publisher's name."""
    spec = yaml.safe_load(SEED_CASE.read_text(encoding="utf-8"))
    names = {a["id"]: a["name"] for a in spec["actors"]}
    doc = spec["document"]
    return {"title": doc["title"], "publisher_label": names[doc["publisher"]],
            "date": str(doc["date"]), "url": doc.get("url")}


@pytest.fixture(scope="module", params=["in-memory", "on-disk"])
def seed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    path = None if request.param == "in-memory" else tmp_path_factory.mktemp("s") / "store"
    with KnowledgeStore(path) as store:
        store.load(seed_paths())
        analysis = analyse(store)
    # The two ways the records are read: a claim at a time, and all at once.
    wanted = StoreDetails if request.param == "in-memory" else CaseDetails
    assert isinstance(analysis.details, wanted)
    return analysis


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for side in ("affirming", "denying", "hedging") for g in data[side]
            for s in g["statements"]]


def test_every_seed_statement_names_its_document(seed: Analysis) -> None:
    expected = _seed_document()
    entries = [e for c in seed.claims.values() for e in _entries(claim_to_dict(seed, c))]
    assert len(entries) > 20
    for entry in entries:
        document = entry["document"]
        assert {k: document[k] for k in expected} == expected, entry["statement"]
        assert document["iri"].endswith("/document/newsweek-nk-troops-russia")
        assert document["publisher"].endswith("/actor/newsweek")


def test_an_actors_statements_name_their_document(seed: Analysis) -> None:
    putin = seed.actor_by_id("putin")
    assert putin.statements
    assert {s.document.title for s in putin.statements if s.document} == {
        _seed_document()["title"]}
    assert all(s.document is not None for s in putin.statements)


def test_a_statement_without_a_document_has_none(tmp_path: Path) -> None:
    # Raw data: a case file always gives its statements a document.
    case = tmp_path / "case.ttl"
    case.write_text("""
        @prefix cred: <https://w3id.org/cred-kg/ns#> .
        @prefix ex: <https://example.org/> .
        ex:s a cred:Statement ; cred:statedBy ex:a ; cred:about ex:c ;
            cred:stance cred:Affirms .
        ex:a a cred:Person . ex:c a cred:Claim ; cred:text "C" .
    """, encoding="utf-8")
    with KnowledgeStore() as store:
        store.load([case], validate=False)
        analysis = analyse(store)
    (entry,) = _entries(claim_to_dict(analysis, analysis.claim_by_id("c")))
    assert entry["document"] is None


@pytest.mark.parametrize(("url", "linked"), [
    ("https://example.org/a?b=1", True),
    ("HTTP://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("//example.org/a", False),
    ("https:example.org", False),
    (" https://example.org/", False),  # not as stored: shown as text
    ("ftp://example.org/a", False),
])
def test_only_web_urls_are_linkable(url: str, linked: bool) -> None:
    assert web_url(url) == (url if linked else None)
