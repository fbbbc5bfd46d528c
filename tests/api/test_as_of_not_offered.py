"""``as_of`` where it is not offered (the front page) is a 422 naming it and where it is
offered: it used to be ignored, so /claims.html?as_of=DATE showed today's statuses as that
day's (the tables, the graph view, /actors and /evidence now answer it: test_as_of_views.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize("path", ["/", "/export"])
def test_as_of_where_it_is_not_offered_is_refused_saying_where_it_is(
        client: TestClient, path: str) -> None:
    response = client.get(path, params={"as_of": "2024-10-18"})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["message"].startswith(f"as_of: not offered on {path},")
    assert "/claims?as_of=DATE" in error["message"]


def test_the_pages_without_as_of_are_unchanged(client: TestClient) -> None:
    page = client.get("/claims.html")
    assert page.status_code == 200 and "nk-troops-in-russia" in page.text
    assert client.get("/claims", params={"as_of": "2024-10-18"}).json()["total"] >= 1
