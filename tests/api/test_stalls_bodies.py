"""Large request bodies are decoded, and answers that grow with the request or the store are
built, beside the event loop: an 8 MiB SPARQL form of %-escapes took over a second to decode
(1.25 s of every other client waiting), a 6 MiB extraction form half a second; the
extraction's answers (the highlighted page, the items as JSON) grow with the article, the
SPARQL service description with the named graphs."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

import api.routers.extract as extract
import api.sparql.protocol as protocol
from tests.off_loop import Held, answered_meanwhile

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
ARTICLE = ("MOSCOW, Oct 23 (Reuters) - Russia's foreign ministry denied on Wednesday that "
           "North Korean troops were in Russia.")


def test_a_sparql_form_is_decoded_beside_the_loop(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, protocol, "parse_qs")
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.post(
        f"{url}/sparql", content="query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D", headers=FORM,
        timeout=60))
    assert answer.status_code == 200, answer.text
    assert answer.json()["boolean"] is True


@pytest.mark.parametrize("name", ["parse_qs", "_result_page"])
def test_an_extraction_form_is_decoded_and_answered_beside_the_loop(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    held = Held(monkeypatch, extract, name)
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.post(
        f"{url}/extract", data={"text": ARTICLE, "date": "2024-10-23"}, timeout=120))
    assert answer.status_code == 200, answer.text
    assert "<h1>Draft case</h1>" in answer.text
    assert "foreign ministry" in answer.text


def test_an_extraction_is_encoded_beside_the_loop(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch, extract, "_json_answer")
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.post(
        f"{url}/extract", content=ARTICLE, headers={"Content-Type": "text/plain"},
        params={"date": "2024-10-23"}, timeout=120))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["text"] == ARTICLE
    assert "format: cred-kg/1" in body["draft"]
    assert {"type": "actor", "id": "russia-foreign-ministry"}.items() <= body["items"][0].items()


def test_the_service_description_is_built_beside_the_loop(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It names every named graph: one per document, a hundred thousand on a large store.
    held = Held(monkeypatch, protocol, "_service_description")
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.get(
        f"{url}/sparql", headers={"Accept": "text/turtle"}, timeout=60))
    assert answer.status_code == 200, answer.text
    assert "sd:Service" in answer.text
    assert "sd:NamedGraph" in answer.text
