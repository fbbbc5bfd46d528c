"""The FILES argument's help lists every extension a file is read by (kg/formats.py), as the
README says: `.yml`, `.json`, `.owl` and `.xml` load as well as the ones it used to name."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.formats import known_extensions


@pytest.mark.parametrize("command", ["load", "validate", "corroborate", "serve"])
def test_the_files_help_names_every_extension_read(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    help_text = re.search(r"Data files:.*?\(([^)]*)\).*?\(([^)]*)\)", text)
    assert help_text is not None, text
    named = set(re.findall(r"\.[a-z]+", " ".join(help_text.groups())))
    assert set(known_extensions()) <= named, sorted(set(known_extensions()) - named)
