"""A numbered provision ("Article 12") and the provision described just before ("a
dispute-settlement clause"): kg/extract/provisions.py. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract


def test_a_numbered_article_refines_the_one_described_clause_of_the_same_document() -> None:
    draft = extract(
        "The minister said the trade agreement includes a dispute-settlement clause. "
        "\u201cThe agreement is signed; it has Article 12,\u201d she said.",
        publisher="The Test Gazette",
    )
    described = next(c for c in draft.claims if "dispute-settlement clause" in c.text)
    numbered = next(c for c in draft.claims if "Article 12" in c.text)
    assert numbered.refines == [described.id]
    assert "does not say so" in numbered.reasons[-1]


NOT_LINKED = [
    # two clauses described: which one Article 12 is, the text does not tell
    "The minister said the trade agreement includes a dispute-settlement clause and an exit "
    "clause. \u201cThe agreement is signed; it has Article 12,\u201d she said.",
    # another kind of document
    "The minister said the trade agreement includes a dispute-settlement clause. \u201cThe "
    "lease is signed; it has Article 12,\u201d she said.",
    # too far back: three sentences between
    "The minister said the trade agreement includes a dispute-settlement clause. The talks "
    "lasted a week. Farmers protested outside. Fishermen joined them. \u201cThe agreement is "
    "signed; it has Article 12,\u201d she said.",
    # two numbers: "Article 12" is not the only numbered provision named
    "The minister said the trade agreement includes a dispute-settlement clause. \u201cThe "
    "agreement is signed; it has Article 12 and Article 14,\u201d she said.",
]


@pytest.mark.parametrize("text", NOT_LINKED)
def test_no_link_when_the_text_leaves_the_provision_open(text: str) -> None:
    assert not any(c.refines for c in extract(text, publisher="The Test Gazette").claims)
