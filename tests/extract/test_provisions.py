"""A numbered provision ("Article 12") and the provision described just before ("a
dispute-settlement clause"): kg/extract/provisions.py. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract, load_lexicon
from kg.extract.model import ClaimRecord, StatementRecord
from kg.extract.provisions import link_numbered_provisions


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


def _statement(text: str, claim: str, index: int, sentence: str | None) -> StatementRecord:
    return StatementRecord(actor="minister", stance="asserts", sentence=(0, 0), span=(0, 0),
                           claim_text=text, claim=claim, reported_as=sentence,
                           sentence_index=index)


def test_a_numbered_statement_without_its_sentence_is_left_unlinked() -> None:
    # ``reported_as`` is optional in the model: a statement made by hand may lack it, and its
    # claim alone ("it has Article 12") names no document, so nothing is linked (it raised a
    # TypeError from re.search(..., None) before)
    described = "The trade agreement includes a dispute-settlement clause."
    statements = [
        _statement("the trade agreement includes a dispute-settlement clause", "clause", 0,
                   described),
        _statement("it has Article 12", "article", 1, None),
    ]
    claims = [ClaimRecord("clause", statements[0].claim_text),
              ClaimRecord("article", statements[1].claim_text)]
    link_numbered_provisions(statements, claims, load_lexicon())
    assert [c.refines for c in claims] == [[], []]
    # with its sentence, which names the agreement, the same statement is linked
    statements[1].reported_as = "\u201cThe agreement is signed; it has Article 12.\u201d"
    link_numbered_provisions(statements, claims, load_lexicon())
    assert [c.refines for c in claims] == [[], ["clause"]]
