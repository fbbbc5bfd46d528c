"""``since``, ``until`` and ``as_of`` on /claims, /claims.csv and /claims/{id} take ASCII
digits only: "٢٠٢٤" matched ``\\d{4}`` and was then compared as text (``since`` left every
claim out, ``as_of`` was read as 2024). Each is refused, naming the parameter."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("path", "name", "value"), [
    ("/claims", "since", "\u0662\u0660\u0662\u0664"),
    ("/claims", "until", "\uff12\uff10\uff12\uff14-10"),
    ("/claims", "as_of", "\u0662\u0660\u0662\u0664"),
    ("/claims.csv", "as_of", "\uff12\uff10\uff12\uff14-10-20"),
    ("/claims/nk-troops-in-russia", "as_of", "\u0662\u0660\u0662\u0664-10"),
])
def test_a_date_in_other_digits_is_refused_naming_the_parameter(
        client: TestClient, path: str, name: str, value: str) -> None:
    response = client.get(path, params={name: value})
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["details"][0]["location"] == ["query", name]
