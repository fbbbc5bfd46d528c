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


def test_kg_viz_suggests_ids_for_a_misspelt_focus(tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "--focus", "puttin", "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 1
    assert "no claim or actor 'puttin'; did you mean putin" in " ".join(result.output.split())


def test_kg_viz_says_it_opens_on_the_focus(tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "-o", str(tmp_path / "g.html"), "--focus", "putin"])
    assert result.exit_code == 0, result.output
    assert "opens on the neighbourhood of putin" in " ".join(result.output.split())


def test_kg_viz_refuses_a_directory_as_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "-o", str(tmp_path)])
    assert result.exit_code == 2


def test_kg_viz_of_a_large_graph_writes_a_summary(tmp_path: Path, parse, monkeypatch) -> None:
    from viz import large

    monkeypatch.setattr(large, "SUMMARY_ABOVE", 10)
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "-o", str(out), "--max-nodes", "25",
                                 "--focus", "nk-troops-in-russia"])
    assert result.exit_code == 0, result.output
    assert "opens on a summary, at the neighbourhood of nk-troops-in-russia" in \
        " ".join(result.output.split())
    data = parse(out.read_text(encoding="utf-8")).data
    assert data["initial"]["partial"] is True and len(data["nodes"]) <= 25
    assert data["initial"]["focus"].endswith("/claim/nk-troops-in-russia")
    assert "links" not in data["initial"]  # offline: the panel names the commands instead


def test_kg_viz_with_k_above_two_draws_partly_corroborated_claims(tmp_path: Path, parse) -> None:
    # With k = 3 a claim that two groups affirm is partly corroborated: the page styles it
    # and its legend explains it (it used to stop with "Error: partly-corroborated").
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "--min-groups", "3", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = parse(out.read_text(encoding="utf-8")).data
    partly = [n for n in data["nodes"] if n.get("status") == "partly-corroborated"]
    assert partly
    assert "partly-corroborated" in {row["key"] for row in data["legend"]}


def test_the_legend_lists_partly_corroborated_only_when_k_is_above_two(tmp_path, parse):
    out = tmp_path / "graph.html"
    assert runner.invoke(app, ["viz", "-o", str(out)]).exit_code == 0
    keys = {row["key"] for row in parse(out.read_text(encoding="utf-8")).data["legend"]}
    assert "partly-corroborated" not in keys and "single-source" in keys


def test_summary_above_reaches_the_page_and_its_default_is_the_librarys(tmp_path, parse) -> None:
    from viz import SUMMARY_ABOVE

    out = tmp_path / "graph.html"
    help_text = " ".join(runner.invoke(app, ["viz", "--help"], env={"COLUMNS": "200"})
                         .stdout.split())
    assert f"[default: {SUMMARY_ABOVE:,}]" in help_text
    # The seed case has 55 nodes: above 10 of them it becomes a summary page; with 0, never.
    assert runner.invoke(app, ["viz", "-o", str(out), "--summary-above", "10"]).exit_code == 0
    note = parse(out.read_text(encoding="utf-8")).data["initial"]
    assert note["summary"] is True
    assert "Summary of a large graph" in out.read_text(encoding="utf-8")
    assert runner.invoke(app, ["viz", "-o", str(out), "--summary-above", "0"]).exit_code == 0
    assert parse(out.read_text(encoding="utf-8")).data["initial"]["summary"] is False
