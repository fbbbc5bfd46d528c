"""``kg extract``, in-process: one test per behaviour, asserting on what was written."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from kg.authoring import compile_case_file
from tests.extract.conftest import ROOT

runner = CliRunner()
PORT_FIRE = ROOT / "tests" / "data" / "cases" / "port-fire.txt"


def test_extract_writes_a_draft_that_compiles(tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(PORT_FIRE), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    assert "wrote" in result.stdout and "statements" in result.stdout
    case = compile_case_file(output)
    assert case.spec.document.publisher == "coastal-ledger"
    assert case.spec.document.date is not None  # printed in the dateline
    assert any(s.stance == "hedges" for s in case.spec.statements)


def test_extract_prints_the_draft_without_an_output_file() -> None:
    result = runner.invoke(app, ["extract", str(PORT_FIRE)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Draft case extracted by `kg extract`")
    assert "format: cred-kg/1" in result.stdout


def test_extract_json_lists_items_with_spans() -> None:
    result = runner.invoke(app, ["extract", str(PORT_FIRE), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    statements = [i for i in data["items"] if i["type"] == "statement"]
    text = PORT_FIRE.read_text(encoding="utf-8")
    assert statements and all(0 <= i["spans"][0][0] < i["spans"][0][1] <= len(text)
                              for i in statements)


def test_extract_options_fill_in_what_the_text_lacks(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The ministry said on Monday that the border had reopened.\n",
                       encoding="utf-8")
    output = tmp_path / "a.yaml"
    result = runner.invoke(app, ["extract", str(article), "-o", str(output), "--date",
                                 "2025-06-05", "--publisher", "The Border Post", "--title",
                                 "Border reopens"])
    assert result.exit_code == 0, result.stderr
    case = compile_case_file(output)
    assert case.spec.document.title == "Border reopens"
    assert [s.date.isoformat() for s in case.spec.statements if s.date] == ["2025-06-02"]


def test_extract_refuses_a_missing_file_and_a_bad_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = runner.invoke(app, ["extract", str(PORT_FIRE), "--date", "2025-02-30"])
    assert result.exit_code == 2


def test_extract_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Le ministre a déclaré".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 1 and "not valid UTF-8" in result.stderr


def test_extract_reads_a_user_lexicon(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The mayor quipped that the budget was fine.\n", encoding="utf-8")
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "reporting_verbs.tsv").write_text(
        "lemma\tforms\tstance\tclass\nquip\tquipped\taffirms\tspeech\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--publisher", "The Post",
                                 "--lexicon", str(tmp_path / "lex")])
    assert result.exit_code == 0
    assert "verb: quipped" in result.stdout
