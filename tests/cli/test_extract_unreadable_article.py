"""`kg extract` refuses an article it cannot read with exit code 1 (docs/extraction.md) and
says where: one that is not UTF-8 at file:line:column, with the byte, as `kg load` and
`kg validate` do for a case file ("latin1.yaml:5:24: byte 0xe9 is not valid UTF-8"; it used to
say "byte 13 is not valid UTF-8", an offset that reads as the byte's value, counted after a
byte-order mark it had dropped); an empty one as POST /extract does (it used to write a draft
with nothing in it, exit code 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_latin1_article_is_refused_at_its_line_and_column(tmp_path: Path, bom: bytes) -> None:
    article = tmp_path / "latin1.txt"
    # "Le ministre " is 12 characters: the guillemet, 0xab in Windows-1252, is column 13.
    article.write_bytes(bom + b"Velmara says P.\n" + "Le ministre «Élu»".encode("cp1252"))
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 1
    assert f"{article}:2:13: byte 0xab is not valid UTF-8" in result.stderr


@pytest.mark.parametrize("content", [b"", b"\n  \n", b"\xef\xbb\xbf\n"])
def test_an_empty_article_is_refused(tmp_path: Path, content: bytes) -> None:
    article = tmp_path / "empty.txt"
    article.write_bytes(content)
    output = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["extract", str(article), "-o", str(output)])
    assert result.exit_code == 1
    assert f"{article}: the article is empty" in result.stderr
    assert not output.exists()
