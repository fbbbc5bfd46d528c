"""Imports go one way: api -> viz -> kg. The core must never pull in the web or view layers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "kg": {"fastapi", "starlette", "uvicorn", "pyvis", "api", "viz"},
    "viz": {"fastapi", "starlette", "uvicorn", "api"},
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_forbidden_import_in_source(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[0] in FORBIDDEN[package]
            ]
    assert offenders == []


def test_importing_kg_loads_no_web_or_view_module() -> None:
    code = (
        "import sys, kg, kg.authoring, kg.store, kg.rdfio, kg.validate\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'fastapi', 'starlette', 'uvicorn', 'pyvis', 'api', 'viz'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
