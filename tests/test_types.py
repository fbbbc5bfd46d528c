"""The type hints of the modules that pyproject.toml's [tool.mypy] lists hold, as mypy checks
them: kg, api and viz ship py.typed, so their hints are a promise to users' type checkers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_passes_on_the_checked_modules() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--no-error-summary"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if "No module named mypy" in result.stderr:
        raise AssertionError("mypy is not installed; it is part of the 'test' extra")
    assert result.returncode == 0, result.stdout + result.stderr
