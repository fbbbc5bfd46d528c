"""An upload to ``POST /data`` that the store already holds (a client's retry) changes nothing:
the data version stays, no analysis is redone, and the answer says ``"unchanged": true``, as for
an entry sent again (docs/api.md, "Writes")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from kg.seed import seed_paths

TURTLE = b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"


@pytest.fixture
def writer(make_client: Callable[..., TestClient], token: str) -> TestClient:
    client = make_client(writes_enabled=True, write_token=token)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def _upload(client: TestClient, body: bytes, media: str = "text/turtle") -> tuple[int, dict]:
    answer = client.post("/data", content=body, headers={"Content-Type": media})
    return answer.status_code, answer.json()


def test_the_same_upload_twice_keeps_the_version_and_the_analysis(writer: TestClient) -> None:
    first, written = _upload(writer, TURTLE)
    assert (first, written["version"], "unchanged" in written) == (201, 2, False)
    snapshot = writer.app.state.kg.current  # type: ignore[attr-defined]

    again, retried = _upload(writer, TURTLE)

    assert (again, retried["version"], retried["unchanged"]) == (200, 2, True)
    assert writer.get("/status").json()["version"] == 2
    assert writer.app.state.kg.current is snapshot  # type: ignore[attr-defined]


def test_the_seed_case_file_sent_again_changes_nothing(writer: TestClient) -> None:
    status, answer = _upload(writer, seed_paths()[0].read_bytes(), "application/yaml")
    assert (status, answer["version"], answer["unchanged"]) == (200, 1, True)
    assert answer["graph"].endswith("/document/newsweek-nk-troops-russia")


@pytest.mark.parametrize(("second", "version"), [
    # A new triple beside a held one: the data changed.
    (TURTLE + b"ex:a ex:b ex:d .\n", 3),
    # A blank node is a new node at every load: the store gets a second one.
    (b"@prefix ex: <http://example.org/> .\nex:a ex:b [ ex:c 1 ] .\n", 3),
    # Nothing at all changes nothing.
    (b"", 2),
])
def test_an_upload_changes_the_version_exactly_when_it_adds_data(
        writer: TestClient, second: bytes, version: int) -> None:
    _upload(writer, TURTLE)
    status, answer = _upload(writer, second)
    assert (status, answer["version"]) == ((201 if version == 3 else 200), version)
    assert writer.get("/status").json()["version"] == version
