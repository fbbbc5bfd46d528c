"""The built-in dataset: the seed article, modelled by hand in the authoring format.

It is what every command shows when the user gives no data of their own.
"""

from __future__ import annotations

from pathlib import Path

from ontology import CASES_DIR

#: The founding case: Newsweek's article on North Korean troops in Russia (October 2024).
SEED_CASE: Path = CASES_DIR / "nk-troops-russia.yaml"


def seed_paths() -> list[Path]:
    """The files of the built-in dataset, in load order."""
    return [SEED_CASE]


__all__ = ["SEED_CASE", "seed_paths"]
