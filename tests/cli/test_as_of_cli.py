"""``kg corroborate``, ``kg grades`` and ``kg explain`` with ``--as-of``, on the hand-made case
of tests/analysis/test_as_of.py (its docstring works the answers out)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()
CASE = sorted(str(p) for p in (Path(__file__).parents[1] / "analysis" / "data").glob("as-of-*"))


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--no-seed", *CASE])
    return result.exit_code, result.stdout, result.stderr


def _statuses(*options: str) -> dict[str, str]:
    code, out, _ = run("corroborate", "--format", "csv", *options)
    assert code == 0
    return {row["id"]: row["status"] for row in csv.DictReader(io.StringIO(out))}


def test_corroborate_as_of_a_date_counts_only_what_was_known() -> None:
    assert _statuses() == {"dam-breached": "corroborated", "dam-closed": "corroborated"}
    assert _statuses("--as-of", "2024-10-20") == {"dam-breached": "single-source",
                                                  "dam-closed": "corroborated"}
    assert _statuses("--as-of", "2024-10-20", "--omit-undated") == {
        "dam-breached": "single-source", "dam-closed": "single-source"}
    assert _statuses("--as-of", "2024-10") == {"dam-breached": "corroborated",
                                               "dam-closed": "corroborated"}


def test_the_table_says_the_date_and_what_was_left_out() -> None:
    code, out, _ = run("corroborate", "--as-of", "2024-10-20")
    assert code == 0
    assert "Corroboration (k=2) as of 2024-10-20" in out
    assert ("As of 2024-10-20: 1 statement dated after 2024-10-20 left out; 1 evidence item "
            "dated after it left out; 1 undated statement counted.") in " ".join(out.split())
    code, out, err = run("corroborate", "--as-of", "2024-10-20", "--format", "csv")
    assert "As of 2024-10-20" in err and "As of" not in out  # CSV stays a table


def test_grades_and_explain_as_of_a_date() -> None:
    code, out, _ = run("grades", "--format", "json", "--as-of", "2024-10-20")
    assert code == 0
    data = json.loads(out)
    assert data["as_of"]["statements_after"] == 1
    grades = {c["id"]: c["grade"] for c in data["credibility"]}
    assert grades == {"dam-breached": 3, "dam-closed": 1}
    code, out, _ = run("explain", "dam-breached", "--format", "json", "--as-of", "2024-10-20")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "single-source"
    assert data["reasons"][0].startswith("As of 2024-10-20: ")
    assert data["evidence"] == []
    code, out, _ = run("explain", "dam-breached", "--as-of", "2024-10-20")
    assert "Left out here: 1 statement about this claim" in " ".join(out.split())


@pytest.mark.parametrize("command", [["corroborate"], ["grades"], ["explain", "dam-breached"]])
def test_a_bad_date_is_a_usage_error_naming_the_option_and_the_value(
    command: list[str],
) -> None:
    code, out, err = run(*command, "--as-of", "2024-02-30")
    assert code == 2
    assert "--as-of" in err and "'2024-02-30' is not a date" in err
    assert out == ""
