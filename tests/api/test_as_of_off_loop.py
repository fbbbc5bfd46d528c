"""The work of an answer as of a date (the analysis of that date, the graph's layout, a table,
an actor's explanation) runs beside the event loop: meanwhile the service answers others."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

import api.as_of as shared
import api.routers.actors as actors
import api.routers.evidence as evidence
import api.routers.pages as pages
import api.routers.pages_html as pages_html
import api.routers.pages_lists as pages_lists
from tests.off_loop import Held, answered_meanwhile


@pytest.mark.parametrize(("module", "name", "path", "expected"), [
    (shared, "analyse_case", "/actors?as_of=2024-10-20", '"total":22'),
    (pages, "build_view", "/graph?as_of=2024-10-20", "graph as of 2024-10-20"),
    (pages_html, "claims_page", "/claims.html?as_of=2024-10-20", "Claims as of 2024-10-20"),
    (pages_lists, "actors_page", "/actors.html?as_of=2024-10-20", "Actors as of 2024-10-20"),
    (actors, "matching", "/actors?as_of=2024-10-20", '"total":'),
    (actors, "actor_to_dict", "/actors/putin?as_of=2024-10-20", "As of 2024-10-20: "),
    (pages_lists, "evidence_page", "/evidence.html?as_of=2024-10-20",
     "Evidence as of 2024-10-20"),
    (evidence, "matching", "/evidence?as_of=2024-10-20", '"total":'),
    (evidence, "weights_of", "/evidence/austin-evidence-of-nk-troops?as_of=2024-10-20",
     '"as_of":{"as_of":"2024-10-20"'),
])
def test_another_request_is_answered_while_an_answer_as_of_a_date_is_built(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch,
    module: Any, name: str, path: str, expected: str,
) -> None:
    held = Held(monkeypatch, module, name)
    url = make_server()
    answer = answered_meanwhile(url, held, lambda: httpx.get(url + path, timeout=60))
    assert answer.status_code == 200, answer.text
    assert expected in answer.text


def test_an_analysis_as_of_a_date_reads_the_store_with_no_write_running(
    make_client: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The seed is a small store (every explanation built at refresh, so an explanation
    takes no lock), but an analysis as of a date reads every record from the store: a write
    meanwhile would mix two versions into it, cached under the older one. So it reads with
    the write lock held."""
    client = make_client()
    state = client.app.state.kg
    assert state.current.analysis.claims.complete  # the case the lock used to be skipped in
    held_while_reading: list[bool] = []
    read = shared.read_case_graph

    def reading(store: Any) -> Any:
        held_while_reading.append(state._writes.locked())
        return read(store)

    monkeypatch.setattr(shared, "read_case_graph", reading)
    answer = client.get("/claims", params={"as_of": "2024-10-20"})
    assert answer.status_code == 200, answer.text
    assert held_while_reading == [True]
