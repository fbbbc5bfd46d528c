"""``kg validate`` with several files checks them together too: files that are each valid can
still disagree about an id they share, and then cannot be loaded together."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

CASE = """\
format: cred-kg/1
document:
  id: khan-dara
  publisher: outlet
actors:
  - id: outlet
    name: Outlet
    kind: NewsOutlet
  - id: minister
    name: Lev Orbach
    kind: Person
claims:
  - id: sarin-used
    text: Sarin was used in Khan Dara.
statements:
  - actor: minister
    claim: sarin-used
    stance: hedges
"""


def validate(*paths: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["validate", *map(str, paths)])
    return result.exit_code, result.stdout, result.stderr


def test_files_that_disagree_about_a_statement_are_reported_as_a_conflict(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "khan-dara.yaml", tmp_path / "khan-dara-v3.yaml"
    first.write_text(CASE, encoding="utf-8")
    second.write_text(CASE.replace("stance: hedges", "stance: denies"), encoding="utf-8")
    code, out, err = validate(first, second)
    assert code == 1
    # each file alone is valid, and said to be
    assert f"{first}: valid" in out and f"{second}: valid" in out
    assert "together: valid" not in out
    assert "each valid, but cannot be loaded together" in err
    # the conflict names both files and what each says
    conflict = next(line for line in err.splitlines() if "must agree" in line)
    assert f"cred:Hedges in {first}" in conflict and f"cred:Denies in {second}" in conflict


def test_files_that_agree_are_valid_together(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(CASE, encoding="utf-8")
    # another article's case: the same actors and claim, its own statement
    second.write_text(CASE.replace("id: khan-dara", "id: other-article"), encoding="utf-8")
    code, out, err = validate(first, second)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "together: valid (the 2 files can be loaded together)"


def test_one_file_is_not_checked_twice(tmp_path: Path) -> None:
    case = tmp_path / "a.yaml"
    case.write_text(CASE, encoding="utf-8")
    code, out, _ = validate(case)
    assert code == 0 and "together" not in out
    code, out, _ = validate(case, case)  # the same file twice is one file
    assert code == 0 and "together" not in out


def test_help_says_the_files_are_checked_together() -> None:
    result = CliRunner().invoke(app, ["validate", "--help"])
    assert "together" in result.stdout and "must agree" in result.stdout
