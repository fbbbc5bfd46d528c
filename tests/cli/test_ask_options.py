"""``kg ask``'s question parameters named as options (``--min-groups``, not ``min_groups``) in
its errors, with a suggestion; ``--offset`` pages through an answer as ``/questions`` does."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()


def ask(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ask", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_misspelt_parameter_is_named_as_the_option_it_may_be() -> None:
    code, _, err = ask("corroborated-claims", "--min-group", "3")
    assert code == 2
    assert "unknown option --min-group (did you mean --min-groups?)" in err
    assert "corroborated-claims takes --min-groups" in err and "min_groups" not in err


def test_offset_pages_through_the_answer() -> None:
    def claims(*args: str) -> list[str]:
        code, out, _ = ask("corroborated-claims", "--min-groups", "1", "-f", "csv", *args)
        assert code == 0
        return [row["claim"] for row in csv.DictReader(io.StringIO(out))]

    whole = claims("--limit", "100")
    assert len(whole) >= 4  # the seed: every claim one group or more affirms
    pages = [claims("--limit", "2", "--offset", str(start)) for start in range(0, len(whole), 2)]
    assert [c for page in pages for c in page] == whole
    code, _, err = ask("corroborated-claims", "--min-groups", "1", "--limit", "2")
    assert code == 0 and "--offset 2" in err
