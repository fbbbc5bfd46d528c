"""Quotations marked the way other languages mark them read as English ones (kg.extract.quotes).

English pages of continental outlets quote with a low opening mark, closed by U+201C (German) or
U+201D (Polish), or with guillemets either way round. The draft of such a text has the same
statements, at the same offsets, as the draft of the text with English marks; the draft keeps
the text as it was written.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.quotes import english_quotes

OPEN, CLOSE = "\u201c", "\u201d"
ARTICLE = (
    "{o}The barge was moored legally and the permit was valid,{c} port spokeswoman Ilse Varga "
    "told the Rivertown Courier. {o}We have nothing to hide.{c}\n"
    "The shipping office denied that it had issued the permit.\n"
)
STYLES = {
    "German": ("\u201e", "\u201c"),
    "Polish": ("\u201e", "\u201d"),
    "French": ("\u00ab", "\u00bb"),
    "Danish": ("\u00bb", "\u00ab"),
}


def _statements(text: str) -> list[tuple[str, str, str, tuple[int, int]]]:
    draft = extract(text, publisher="Valley Post", date="2026-03-02")
    assert draft.text == text
    return [(s.actor, s.stance, s.claim_text, s.span) for s in draft.statements]


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_quotation_in_other_marks_reads_as_in_english_marks(style: str) -> None:
    opening, closing = STYLES[style]
    english = _statements(ARTICLE.format(o=OPEN, c=CLOSE))
    assert [(a, s) for a, s, _, _ in english][:2] == [("ilse-varga", "affirms")] * 2
    assert _statements(ARTICLE.format(o=opening, c=closing)) == english


def test_only_pairs_are_changed_one_character_for_one() -> None:
    text = ("It\u2019s \u201aodd\u2018, he said. \u201eOne\u201c and \u00bbtwo\u00ab. "
            "\u201cEnglish\u201d stays. A lone \u00ab mark stays.\n\u201eRuns on\n")
    result = english_quotes(text)
    assert len(result) == len(text)
    assert result == ("It\u2019s \u2018odd\u2019, he said. \u201cOne\u201d and \u201ctwo\u201d. "
                      "\u201cEnglish\u201d stays. A lone \u00ab mark stays.\n\u201eRuns on\n")
    assert english_quotes("no marks here") == "no marks here"
