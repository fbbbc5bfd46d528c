"""The row count line of the actors and evidence tables (api/routers/pages_lists.py)."""

from __future__ import annotations

import pytest

from api.routers.pages_lists import Window


@pytest.mark.parametrize(("window", "line"), [
    (Window(12, 0, 200), "12 actors."),
    (Window(0, 0, 200), "0 actors."),
    (Window(950, 200, 200), "Rows 201-400 of 950 actors."),
    (Window(950, 800, 200), "Rows 801-950 of 950 actors."),
    # Past the last row nothing is shown, and the line names no row as if it were.
    (Window(5, 5, 200), "5 actors; none from row 6 on."),
    (Window(5, 300, 200), "5 actors; none from row 301 on."),
])
def test_the_count_names_the_rows_shown(window: Window, line: str) -> None:
    assert window.count("actors") == line
