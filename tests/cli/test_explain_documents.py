"""``kg explain`` says where each statement was said: a note after its relay chain, and the
documents under the table, each once, as text."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from api.cli import app
from kg.seed import SEED_CASE

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "viz" / "hostile-document.yaml"


def test_explain_lists_the_seed_document_once() -> None:
    spec = yaml.safe_load(SEED_CASE.read_text(encoding="utf-8"))
    doc = spec["document"]
    result = CliRunner().invoke(app, ["explain", "nk-troops-in-russia"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines.count(f"[1] {doc['title']} (Newsweek, {doc['date']})") == 1
    assert sum("Newsweek [1]" in line for line in lines) == 5  # each statement's row
    assert not any(line.startswith("[2]") for line in lines)


def test_a_hostile_documents_url_is_printed_as_text() -> None:
    result = CliRunner().invoke(app, ["explain", "bridge-closed", "--no-seed", str(HOSTILE)])
    assert result.exit_code == 0, result.stderr
    assert "[1] <script>alert(1)</script> (The <b>Paper</b>, 2024-11-02) javascript:alert(1)" \
        in result.stdout.splitlines()
