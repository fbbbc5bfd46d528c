"""``kg viz``, in process."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()
XSS_CASE = Path(__file__).resolve().parents[1] / "data" / "viz" / "xss-case.yaml"


def test_kg_viz_writes_a_standalone_page(tmp_path: Path, parse) -> None:
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "-o", str(out), "--title", "Seed <case>"])
    assert result.exit_code == 0, result.output
    page = parse(out.read_text(encoding="utf-8"))
    assert page.all("title")[0].text == "Seed <case>"
    assert len([n for n in page.data["nodes"] if n["type"] == "claim"]) == 27
    assert page.data["initial"]["summary"] is False


def test_kg_viz_options_reach_the_page(tmp_path: Path, parse) -> None:
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "--no-seed", str(XSS_CASE), "-o", str(out),
                                 "--max-nodes", "3", "--group", "--focus", "img-claim"])
    assert result.exit_code == 0, result.output
    initial = parse(out.read_text(encoding="utf-8")).data["initial"]
    assert initial["summary"] is True and initial["collapsed"] is True
    assert initial["focus"].endswith("/claim/img-claim")


def test_kg_viz_unknown_focus_is_a_data_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "--focus", "nope", "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert "no claim or actor 'nope'" in result.output
    assert not (tmp_path / "g.html").exists()


def test_kg_viz_refuses_a_directory_as_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "-o", str(tmp_path)])
    assert result.exit_code == 2
