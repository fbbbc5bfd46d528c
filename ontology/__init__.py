"""The vocabulary, the SHACL shapes and the seed cases, shipped as package data.

The paths are resolved through :mod:`importlib.resources`, so they are right both in a source
checkout and in an installed package. Nothing is read here; callers open the files.

Example:
    >>> from ontology import VOCAB_PATH
    >>> VOCAB_PATH.name
    'vocab.ttl'
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# The package is installed as plain files (never zipped), so the Traversable is a real directory.
_ROOT = Path(str(files(__name__)))

#: The OWL vocabulary (``cred:``).
VOCAB_PATH: Path = _ROOT / "vocab.ttl"
#: The SHACL shapes that say what a valid graph is.
SHAPES_PATH: Path = _ROOT / "shapes.ttl"
#: The seed cases, in the YAML authoring format.
CASES_DIR: Path = _ROOT / "cases"

__all__ = ["CASES_DIR", "SHAPES_PATH", "VOCAB_PATH"]
