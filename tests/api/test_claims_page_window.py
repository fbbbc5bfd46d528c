"""``/claims.html`` shows a page of rows, as the actors and evidence tables do: a store of a
hundred thousand claims would otherwise make one page of a hundred megabytes."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def _rows(page: str) -> list[str]:
    return re.findall(r'<a class="muted" href="/claims/([^"]+)">', page)


def test_a_page_holds_limit_rows_from_offset_in_the_table_order(client: TestClient) -> None:
    every = client.get("/claims.html", params={"sort": "claim", "order": "asc"}).text
    ids = _rows(every)
    total = len(client.get("/claims", params={"limit": 1000}).json()["items"])
    assert len(ids) == total >= 3
    page = client.get("/claims.html",
                      params={"sort": "claim", "order": "asc", "limit": 2, "offset": 1}).text
    assert _rows(page) == ids[1:3]
    assert f"Rows 2-3 of {total} claims" in page
    # The links keep the sort, the order and the page size.
    assert 'href="?sort=claim&amp;order=asc&amp;limit=2&amp;offset=0">previous</a>' in page
    assert 'href="?sort=claim&amp;order=asc&amp;limit=2&amp;offset=3">next</a>' in page


def test_the_status_filter_is_kept_across_pages(client: TestClient) -> None:
    single = client.get("/claims", params={"status": "single-source", "limit": 1000}).json()
    page = client.get("/claims.html", params={"status": "single-source", "limit": 1}).text
    assert len(_rows(page)) == 1
    assert f"Rows 1-1 of {single['total']} claims" in page
    assert "status=single-source&amp;limit=1&amp;offset=1\">next</a>" in page


def test_an_offset_past_the_last_row_says_so(client: TestClient) -> None:
    page = client.get("/claims.html", params={"offset": 10_000}).text
    assert _rows(page) == []
    assert "No claims on this page" in page


def test_a_page_size_over_the_limit_is_refused(client: TestClient) -> None:
    response = client.get("/claims.html", params={"limit": 5000})
    assert response.status_code == 422
    assert "limit" in response.text
