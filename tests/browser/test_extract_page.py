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


HOSTILE = ("The mayor said the dam's \"Q&A\" </script><script>alert(1)</script> "
           "was safe & sound.\n\nThe engineer said the dam was <b>unsafe</b>.")


def test_the_page_script_reads_the_items_and_the_spans_are_highlighted(
        browser, tmp_path: Path) -> None:
    with TestClient(create_app()) as client:
        items = client.post("/extract", content=HOSTILE.encode(),
                            headers={"Content-Type": "text/plain"}).json()["items"]
        page_text = client.post("/extract", data={"text": HOSTILE}).text
    page_file = tmp_path / "draft.html"
    page_file.write_text(page_text, encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(page_file.as_uri())
        parsed, scripts, marks, text = page.evaluate("""() => [
            JSON.parse(document.getElementById('items').textContent),
            document.querySelectorAll('script').length,
            [...document.querySelectorAll('.text mark')].map(m => [
                m.className, m.textContent, getComputedStyle(m).backgroundColor]),
            document.querySelector('.text').textContent]""")
    finally:
        page.close()
    assert parsed == items
    assert scripts == 1 and dialogs == []
    assert text == HOSTILE
    # every speaker and claim the items name is drawn as a coloured <mark> over its words
    shown = {(cls.split()[0], words) for cls, words, _ in marks}
    for item in items:
        if item["type"] == "statement":
            start, end = item["speaker_span"]
            assert ("speaker", HOSTILE[start:end]) in shown
            (start, end), = item["spans"]
            assert ("claim", HOSTILE[start:end]) in shown
    assert all(colour not in ("", "transparent", "rgba(0, 0, 0, 0)") for *_, colour in marks)
