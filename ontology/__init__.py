"""The vocabulary, the SHACL shapes and the built-in cases, shipped as package data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_HERE = Path(str(files(__name__)))

VOCAB_PATH: Path = _HERE / "vocab.ttl"
SHAPES_PATH: Path = _HERE / "shapes.ttl"
CASES_DIR: Path = _HERE / "cases"

__all__ = ["CASES_DIR", "SHAPES_PATH", "VOCAB_PATH"]
