"""A claim is named by the id the lists show (``kg corroborate``, ``/claims``, the CSV, the
graph view: :func:`kg.ids.short_id`), whatever its IRI's shape, in every place that takes one:
``kg export --claim`` (:func:`kg.neighbourhood.resolve_claim`) as well as ``kg explain`` and
the API. An id two claims share is refused with both named."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.lookup import resolve
from kg import errors
from kg.analysis import analyse
from kg.analysis.serialize import claim_to_dict
from kg.neighbourhood import resolve_claim
from kg.store import KnowledgeStore

SMALL_CASE = Path(__file__).parent / "data" / "valid" / "small-case.ttl"
# The hand-made case's three claims, renamed to IRIs of other shapes.
RENAMED = {
    r"id:claim\/troops": "<http://example.org/case#c1>",
    r"id:claim\/many-troops": "<http://example.org/claim/a:b>",
    r"id:claim\/unrelated": "<urn:x:claims:c2>",
}


@pytest.fixture(scope="module")
def store() -> KnowledgeStore:
    text = SMALL_CASE.read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        text = text.replace(old, new)
    store = KnowledgeStore()
    store.load_bytes(text.encode(), "turtle", source="renamed.ttl")
    return store


@pytest.mark.parametrize(("shown", "iri"), [
    ("c1", "http://example.org/case#c1"),
    ("a:b", "http://example.org/claim/a:b"),
    ("urn:x:claims:c2", "urn:x:claims:c2"),
])
def test_the_id_a_list_shows_names_the_claim_everywhere(store: KnowledgeStore, shown: str,
                                                        iri: str) -> None:
    analysis = analyse(store)
    assert claim_to_dict(analysis, analysis.claims[iri])["id"] == shown
    assert resolve_claim(store, shown).value == iri
    assert resolve_claim(store, iri).value == iri
    assert analysis.claim_iri(shown) == iri
    assert resolve(analysis, "claim", shown) == iri
    exported = KnowledgeStore()
    exported.load_bytes(store.export("nt", claim=shown), "nt", source="export.nt")
    assert any(quad.subject.value == iri for quad in exported.quads())


def test_an_id_two_claims_share_is_refused_naming_both(store: KnowledgeStore) -> None:
    other = KnowledgeStore()
    other.load_bytes(store.export("nq"), "nquads", source="copy.nq")
    other.load_bytes(b"<https://other.org/c1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                     b"<https://w3id.org/cred-kg/ns#Forecast> .", "nt", source="other.nt",
                     validate=False)
    candidates = ["http://example.org/case#c1", "https://other.org/c1"]
    with pytest.raises(errors.InputError, match="ambiguous") as caught:
        resolve_claim(other, "c1")
    assert list(caught.value.suggestions) == candidates
    with pytest.raises(LookupError) as looked_up:
        resolve(analyse(other), "claim", "c1")
    assert all(iri in looked_up.value.args[0] for iri in candidates)


def test_a_colon_that_makes_no_iri_is_still_refused_as_one(store: KnowledgeStore) -> None:
    with pytest.raises(errors.InputError, match="is not a valid IRI"):
        resolve_claim(store, "http:bad iri")
