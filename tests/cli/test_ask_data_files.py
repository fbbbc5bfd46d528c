"""``kg ask`` takes data files as plain arguments, as every other command does; ``--data FILE``
still works, and what cannot be a file is refused with a message that says how to name one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

CASE = """\
format: cred-kg/1
document:
  id: doc-a
  publisher: outlet
actors:
  - id: outlet
    name: Outlet
    kind: NewsOutlet
  - id: ana
    name: Ana Berg
    kind: Person
  - id: ben
    name: Ben Cole
    kind: Person
  - id: cy
    name: Cy Dane
    kind: Person
claims:
  - id: port-burned
    text: The port burned.
  - id: ship-sank
    text: A ship sank.
statements:
  - {actor: ana, claim: port-burned, stance: affirms}
  - {actor: ben, claim: port-burned, stance: affirms}
  - {actor: cy, claim: port-burned, stance: affirms}
  - {actor: ana, claim: ship-sank, stance: affirms}
"""


def ask(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ask", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def claims(out: str) -> list[str]:
    return [row["claim"].rsplit("/", 1)[-1] for row in json.loads(out)["rows"]]


def test_a_plain_file_argument_is_a_data_file(case: Path) -> None:
    code, out, err = ask("corroborated-claims", "--min-groups", "3", "--no-seed", str(case),
                         "-f", "json")
    assert code == 0, err
    assert claims(out) == ["port-burned"]  # three groups; ship-sank has one


def test_files_and_data_options_add_up_in_any_order(case: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(CASE.replace("doc-a", "doc-b").replace(
        "claim: ship-sank, stance: affirms}", "claim: ship-sank, stance: affirms}\n"
        "  - {actor: ben, claim: ship-sank, stance: affirms}\n"
        "  - {actor: cy, claim: ship-sank, stance: affirms}"), encoding="utf-8")
    code, out, err = ask("corroborated-claims", str(case), "--no-seed", "--min-groups=3",
                         "--data", str(other), "-f", "json")
    assert code == 0, err
    assert sorted(claims(out)) == ["port-burned", "ship-sank"]


def test_a_missing_data_file_is_named(tmp_path: Path) -> None:
    code, _, err = ask("corroborated-claims", "--no-seed", str(tmp_path / "nothere.yaml"))
    assert code == 2
    assert "nothere.yaml: no such file" in err


def test_a_stray_word_says_how_to_give_parameters_and_files() -> None:
    code, _, err = ask("corroborated-claims", "--min-groups", "3", "putin")
    assert code == 2
    assert "unexpected argument 'putin'" in err and "--data FILE" in err


def test_a_file_before_the_question_says_the_name_comes_first(case: Path) -> None:
    code, _, err = ask(str(case), "corroborated-claims")
    assert code == 2
    assert "the question's name comes first" in err


def test_help_shows_files_after_the_name() -> None:
    result = CliRunner().invoke(app, ["ask", "--help"])
    assert "[FILE]..." in result.stdout and "--data FILE" in result.stdout
