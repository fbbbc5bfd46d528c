"""A plain (non-editable) install carries every package and data file the code needs."""

from __future__ import annotations

from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_found_for_the_wheel() -> None:
    found = set(find_packages(where=ROOT, include=["kg*", "api*", "viz*", "ontology*"]))
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("kg", "api", "viz", "ontology")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk <= found
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '[tool.setuptools.packages.find]' in text


def test_method_names_for_the_shells_match_the_implementations() -> None:
    from kg.analysis.trust import METHODS
    from kg.methods import DEFAULT_METHOD, METHOD_NAMES

    assert set(METHOD_NAMES) == set(METHODS)
    assert DEFAULT_METHOD in METHODS
