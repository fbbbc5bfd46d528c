"""A speaker whose title says she speaks for someone, tied to no one in the draft, is marked
for review: the analysis would count her as an independent source."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from kg.extract import draft_to_dict, draft_yaml, extract

TEXT = ("Pavel Marek, a spokesman, said the report was false. An independent analyst, Ines "
        "Roa, said it was unclear. Eyewitness Tom Bell said he saw trucks. Russian President "
        "Vladimir Putin said the report was true.")


def _actor_block(yaml_text: str, ident: str) -> str:
    """The comment lines above ``- id: ident`` and the line itself."""
    lines = yaml_text.splitlines()
    end = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {ident}")
    start = end
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return "\n".join(lines[start : end + 1])


def test_only_a_titled_speaker_acting_for_no_one_is_marked() -> None:
    draft = extract(TEXT, publisher="The Ledger")
    text = draft_yaml(draft)
    assert "# REVIEW: a spokesman acting for no one: add acts_for" in \
        _actor_block(text, "pavel-marek")
    # independent by their own description, or no one to speak for, or tied already
    for ident in ("ines-roa", "tom-bell", "vladimir-putin"):
        assert "acting for no one" not in _actor_block(text, ident), ident
    items = {i["id"]: i for i in draft_to_dict(draft)["items"] if i["type"] == "actor"}
    assert items["pavel-marek"]["review"] is True
    assert items["pavel-marek"]["review_reason"] == "a spokesman acting for no one"
    assert "review_reason" not in items["ines-roa"]


def test_the_summary_line_counts_them(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--publisher", "The Ledger",
                                      "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 titled speaker(s) acting for no one, marked REVIEW" in result.output
