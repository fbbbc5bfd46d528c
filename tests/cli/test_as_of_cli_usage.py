"""``--omit-undated`` without ``--as-of`` is a usage error: it was ignored, and the answer
counted the undated statements the flag was given to leave out. Also, a cut-off in another
script's digits is refused naming ``--as-of`` (it was read as that year)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()
CASE = sorted(str(p) for p in (Path(__file__).parents[1] / "analysis" / "data").glob("as-of-*"))


@pytest.mark.parametrize("command", [["corroborate"], ["grades"], ["explain", "dam-closed"]])
def test_omit_undated_without_as_of_is_refused(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--omit-undated", "--no-seed", *CASE])
    assert result.exit_code == 2
    assert "--omit-undated: only with --as-of DATE" in result.stderr
    assert result.stdout == ""


def test_as_of_in_other_digits_is_refused_naming_the_flag() -> None:
    result = runner.invoke(app, ["corroborate", "--as-of", "\u0662\u0660\u0662\u0664",
                                 "--no-seed", *CASE])
    assert result.exit_code == 2
    assert "error: --as-of: " in result.stderr and "is not a date" in result.stderr
