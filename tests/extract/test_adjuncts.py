"""Words between a reporting verb and its claim that only say when, where or how something was
said (``kg.extract.frame.ADJUNCT``) are left out of the claim; a count or a date is not cut in
two on the way. Sentences of our own; expected claims worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract


def _claims(text: str) -> list[str]:
    draft = extract(text, publisher="The Daily Example", date="2025-01-02")
    return [s.claim_text for s in draft.statements]


@pytest.mark.parametrize(("sentence", "claim"), [
    # "at least" and "at most" count: they belong to the claim, with the whole number
    ("Lena Kovac said at least 4,000 troops were massing.", "At least 4,000 troops were massing."),
    ("Lena Kovac said at least 4000 troops were massing.", "At least 4000 troops were massing."),
    ("Lena Kovac said at most 12 soldiers had died.", "At most 12 soldiers had died."),
    ("Lena Kovac said 1,100 people had died.", "1,100 people had died."),
    # a date after the verb is the time of saying, all of it
    ("Lena Kovac said on 12 March that troops were massing.", "Troops were massing."),
    ("Lena Kovac said on March 12, 2025, that troops were massing.", "Troops were massing."),
    ("Lena Kovac said in 2024 that troops were massing.", "Troops were massing."),
    ("Lena Kovac said in a statement on Monday that troops were massing.",
     "Troops were massing."),
])
def test_the_claim_after_the_verb(sentence: str, claim: str) -> None:
    assert _claims(sentence) == [claim]
