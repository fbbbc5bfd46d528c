"""The draft page of ``POST /extract`` in headless chromium: the article's text and the draft
sit side by side at the window's width, whatever the width of the draft's longest line."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "extract" / "card-breach.txt"


def test_the_text_and_the_draft_share_the_width(browser, tmp_path: Path) -> None:
    with TestClient(create_app()) as client:
        response = client.post("/extract", data={"text": ARTICLE.read_text()},
                               headers={"accept": "text/html"})
    assert response.headers["content-type"].startswith("text/html")
    page_file = tmp_path / "draft.html"
    page_file.write_text(response.text, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    try:
        page.goto(page_file.as_uri())
        text, draft, scroll = page.evaluate("""() => {
            const [text, draft] = document.querySelectorAll('.cols > *');
            return [text.getBoundingClientRect().width, draft.getBoundingClientRect().width,
                    document.documentElement.scrollWidth];
        }""")
    finally:
        page.close()
    # (before: 103 px of text beside 1,483 px of draft, and the page scrolled sideways)
    assert abs(text - draft) < 2
    assert scroll <= 1300
