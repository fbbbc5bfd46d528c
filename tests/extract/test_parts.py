"""The pieces: sentence splitting, dates, HTML, lexicons, the YAML writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.authoring import compile_case_text
from kg.extract import draft_yaml, extract, extract_document, html_to_text, load_lexicon
from kg.extract.dates import find_dates
from kg.extract.sentences import split_sentences

SPLITS = [
    ("Dr. Ames said no. She left.", ["Dr. Ames said no.", "She left."]),
    ('"It broke. We fixed it," he said. Then he left.',
     ['"It broke. We fixed it," he said.', "Then he left."]),
    ("The U.S. envoy arrived. Talks began.", ["The U.S. envoy arrived.", "Talks began."]),
    ("First line\nSecond line.", ["First line", "Second line."]),
    ("\u201cDone.\u201d The end.", ["\u201cDone.\u201d", "The end."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentences_keep_quotes_whole_and_offsets_exact(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


WEEK = dt.date(2025, 5, 15)  # a Thursday
DATE_CASES = [
    ("on Thursday", "2025-05-15"), ("on Wednesday night", "2025-05-14"),
    ("last Friday", "2025-05-09"), ("yesterday", "2025-05-14"), ("last week", "2025-05"),
    ("on 3 March 2024", "2024-03-03"), ("on May 2", "2025-05-02"), ("in December", "2024-12"),
    ("in February 2022", "2022-02"), ("previously", None),
]


@pytest.mark.parametrize(("words", "iso"), DATE_CASES)
def test_dates(words: str, iso: str | None) -> None:
    [found] = find_dates(f"The agency spoke {words}.", WEEK)
    assert (found.text.lower().endswith(words.split()[-1].lower()), found.iso) == (True, iso)


def test_html_is_reduced_to_paragraphs_and_nothing_is_fetched() -> None:
    page = """<!doctype html><html><head><title>Leak at the plant</title>
    <meta property="og:site_name" content="The Valley Times">
    <script src="https://example.org/x.js"></script></head>
    <body><nav><a href="/">Home</a></nav><article>
    <h1>Leak at the plant</h1><p>The company said the leak was small.</p>
    <p>Inspectors said the water was safe.<img src="https://example.org/p.jpg"></p>
    </article><footer>Contact us</footer></body></html>"""
    text, meta = html_to_text(page)
    assert text.splitlines() == ["Leak at the plant", "", "The company said the leak was small.",
                                 "", "Inspectors said the water was safe."]
    assert meta["og:site_name"] == "The Valley Times"
    draft = extract_document(page, source="page.html")
    assert draft.document.publisher == "valley-times"
    assert len(draft.statements) == 2 and draft.text == text


def test_an_articles_own_header_keeps_its_byline_and_the_headline_is_the_title() -> None:
    page = """<!doctype html><html><head><title>Leak at the plant | The Valley Times</title>
    </head><body><header><a href="/">The Valley Times</a> Sections</header><article><header>
    <h1>Leak at the plant</h1><p>By Ana Ruiz \u00b7 The Valley Times \u00b7 14 March 2026</p>
    </header><p>The company said on Friday that the leak was small.</p></article></body></html>"""
    text, meta = html_to_text(page)
    assert "Sections" not in text  # the page's header is furniture, the article's is not
    assert "By Ana Ruiz" in text and meta["h1"] == "Leak at the plant"
    draft = extract_document(page, source="page.html")
    assert draft.document.title == "Leak at the plant"
    assert (draft.document.publisher, draft.document.date) == ("valley-times", "2026-03-14")
    assert draft.statements[0].date == "2026-03-13"


def test_a_user_lexicon_adds_a_reporting_verb(tmp_path: Path) -> None:
    sentence = "The mayor quipped that the budget was fine."
    assert extract(sentence, publisher="The Test Gazette").statements[0].own_voice
    (tmp_path / "reporting_verbs.tsv").write_text(
        "lemma\tforms\tstance\tclass\nquip\tquip|quips|quipped\taffirms\tspeech\n",
        encoding="utf-8")
    draft = extract(sentence, publisher="The Test Gazette", lexicon=load_lexicon(tmp_path))
    [statement] = draft.statements
    assert (statement.actor, statement.verb) == ("mayor", "quipped")


def test_a_bad_lexicon_row_is_refused(tmp_path: Path) -> None:
    (tmp_path / "reporting_verbs.tsv").write_text(
        "lemma\tforms\tstance\tclass\nmumble\tmumbled\tmaybe\tspeech\n", encoding="utf-8")
    with pytest.raises(ValueError, match="stance must be one of"):
        load_lexicon(tmp_path)


def test_low_confidence_items_are_marked_for_review_and_the_draft_compiles() -> None:
    text = ('The Lakeview Clinic said the outbreak was over. "If the tests are accurate, it is '
            'contained," the clinic said.')
    draft = extract(text, publisher="The Test Gazette", threshold=0.9)
    yaml_text = draft_yaml(draft)
    assert "# REVIEW" in yaml_text
    compile_case_text(yaml_text, source="draft.yaml")
    assert "# REVIEW" not in draft_yaml(extract(text, publisher="The Test Gazette",
                                                threshold=0.0))


def test_text_with_awkward_characters_still_compiles() -> None:
    text = ('Dr. Zoë O\'Neil said: "Yes: it\'s #1 - no doubt." The firm Acme-Beta Ltd. '
            'denied that it had "lied" about the 50% cut.')
    compile_case_text(draft_yaml(extract(text, publisher="The Test Gazette")), source="d.yaml")


def test_every_lexicon_file_is_documented() -> None:
    from kg.extract.lexicon import LEXICON_DIR
    from tests.extract.conftest import ROOT

    docs = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    missing = [p.name for p in sorted(LEXICON_DIR.iterdir()) if f"`{p.name}`" not in docs]
    assert missing == []
