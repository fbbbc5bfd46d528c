"""``kg corroborate``: its help lists every status it accepts, and a group is shown with its
actors only when they add something to its label."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from kg.statuses import STATUSES

CASE = """\
format: cred-kg/1
document:
  id: doc-a
  publisher: outlet
actors:
  - id: outlet
    name: Outlet
    kind: NewsOutlet
  - id: gov
    name: Gov
    kind: State
  - id: spk
    name: Speaker
    kind: Person
    acts_for: gov
  - id: ana
    name: Ana Berg
    kind: Person
claims:
  - id: port-burned
    text: The port burned.
statements:
  - {actor: spk, claim: port-burned, stance: affirms}
  - {actor: outlet, claim: port-burned, stance: affirms}
  - {actor: ana, claim: port-burned, stance: hedges}
"""


def corroborate(case: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["corroborate", "--no-seed", str(case), *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_help_lists_every_accepted_status() -> None:
    help_text = " ".join(CliRunner().invoke(app, ["corroborate", "--help"]).stdout.split())
    assert f"Only claims with this status: {', '.join(STATUSES)}." in help_text
    assert "partly-corroborated" in help_text
    for status in STATUSES:  # and each one listed is accepted
        result = CliRunner().invoke(app, ["corroborate", "--status", status, "-f", "json"])
        assert result.exit_code == 0, (status, result.stderr)


def test_a_group_of_one_actor_of_its_name_is_not_repeated(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    row = next(csv.DictReader(io.StringIO(corroborate(case, "-f", "csv"))))
    assert row["affirmed_by"].split("; ") == ["Gov (Speaker)", "Outlet"]
    assert row["hedged_by"] == "Ana Berg"
    table = corroborate(case)
    assert "Gov (Speaker)" in table and "Ana Berg" in table
    assert "(Outlet)" not in table and "(Ana Berg)" not in table


def test_json_keeps_every_group_with_its_actors(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    (claim,) = json.loads(corroborate(case, "-f", "json"))
    groups = {g["label"]: [a["label"] for a in g["actors"]] for g in claim["affirming"]}
    assert groups == {"Gov": ["Speaker"], "Outlet": ["Outlet"]}
    assert [(g["label"], [a["label"] for a in g["actors"]]) for g in claim["hedging"]] == [
        ("Ana Berg", ["Ana Berg"])]
