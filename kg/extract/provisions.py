"""Numbered provisions: "it has Article 4" after "the treaty ... includes a mutual defense
clause".

A claim that names a numbered provision of a document ("Article 4", "Clause 12", ``ARTICLE``
of :mod:`kg.extract.evidence`) refines an earlier claim that the same document has a provision
described in words ("a mutual defense clause") when

- the earlier claim is stated in the same sentence or one of the two before it,
- both name the same kind of document (a ``Document`` noun of ``evidence_kinds.tsv``:
  "treaty", "agreement", "pact" ...; the numbered one in its claim or its sentence, since "it
  has Article 4" leaves the document to the sentence around it), and
- in that window the text describes exactly one provision of that document and numbers
  exactly one (provision nouns: the ``DocumentClause`` nouns of ``evidence_kinds.tsv``).

The text never says that the two are one provision; with one described and one numbered,
nothing else is there for the numbered one to be, and the link is marked as the reader's
identification in the claim's reasons. With two described clauses, or two numbers, nothing is
linked.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The minister said the trade agreement includes a dispute-settlement "
    ...                 "clause. \\u201cThe agreement is signed; it has Article 12,\\u201d "
    ...                 "she said.", publisher="The Test Gazette")
    >>> [c.refines for c in draft.claims if "Article 12" in c.text]
    [['trade-agreement-includes-dispute-settlement-clause']]
"""

from __future__ import annotations

import re

from kg.extract.evidence import ARTICLE
from kg.extract.lexicon import Lexicon
from kg.extract.model import ClaimRecord, StatementRecord

WINDOW = 2  # sentences before the numbered provision's in which the described one may be


def _nouns(lex: Lexicon, kind: str) -> list[str]:
    return [phrase for phrase, k in lex.evidence.items() if k == kind and " " not in phrase]


def _named(text: str, nouns: list[str]) -> set[str]:
    return {n for n in nouns if re.search(rf"\b{re.escape(n)}s?\b", text, re.I)}


def _described(text: str, provisions: list[str]) -> list[str]:
    """ "a mutual defense clause" -> ["mutual defense clause"]: a provision with words before
    its noun."""
    nouns = "|".join(re.escape(p) for p in provisions)
    return [
        m.group(1).lower()
        for m in re.finditer(
            rf"\b(?:an?|the|its)\s+((?:[\w-]+\s+){{1,3}}(?:{nouns}))\b", text, re.I
        )
    ]


def link_numbered_provisions(
    statements: list[StatementRecord], claims: list[ClaimRecord], lex: Lexicon
) -> None:
    """Add the refinements described above to ``claims`` (in place)."""
    documents, provisions = _nouns(lex, "Document"), _nouns(lex, "DocumentClause")
    if not documents or not provisions:
        return
    by_id = {c.id: c for c in claims}
    for numbered in statements:
        claim = by_id.get(numbered.claim or "")
        found = ARTICLE.findall(numbered.claim_text)
        if claim is None or len(found) != 1:
            continue
        # (a statement made by hand may lack its sentence: then only its claim names the document)
        kinds = _named(numbered.claim_text, documents) or \
            _named(numbered.reported_as or "", documents)
        window = [
            s for s in statements if 0 <= numbered.sentence_index - s.sentence_index <= WINDOW
        ]
        numbers = {n for s in window for n in ARTICLE.findall(s.claim_text)}
        described = {
            (d, s.claim, " or ".join(sorted(_named(s.claim_text, documents) & kinds)))
            for s in window
            for d in _described(s.claim_text, provisions)
            if _named(s.claim_text, documents) & kinds
        }
        if len(numbers) != 1 or len(described) != 1:
            continue
        [(words, broader, document)] = list(described)
        if broader is None or broader == claim.id or broader in claim.refines:
            continue
        claim.refines.append(broader)
        claim.reasons.append(
            f"refines {broader}: {found[0]} is taken to be the {words} of the {document} "
            "named just before (the only provision of it the text describes); the text does "
            "not say so in words"
        )


__all__ = ["WINDOW", "link_numbered_provisions"]
