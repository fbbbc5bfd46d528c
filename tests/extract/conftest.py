"""Fixtures for the extraction tests: the articles, the gold files, a helper that extracts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.extract import Draft, extract

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "data" / "extract"
#: The seed article is not in the repository; CI and the team keep it here, beside the repo.
SEED_ARTICLE = ROOT.parent / "shared" / "seed" / "000_aeff9d0ec19ca57e.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's text; the test is skipped, saying why, when it is not there."""
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"the seed article is not at {SEED_ARTICLE} (it is kept outside the "
                    "repository, at ../shared/seed/ from the repository root)")
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_draft(seed_text: str) -> Draft:
    """The seed article's draft, with the date the text does not print."""
    return extract(seed_text, date="2024-10-24", source=SEED_ARTICLE.name)


def said(text: str, **options: object) -> list[tuple[str, str, str]]:
    """(speaker's name, stance, claim text) for each statement extracted from ``text``."""
    draft = extract(text, **{"publisher": "The Test Gazette", **options})  # type: ignore[arg-type]
    names = {a.id: a.name for a in draft.actors}
    return [(names[s.actor], s.stance, s.claim_text) for s in draft.statements]


@pytest.fixture
def statements() -> Callable[..., list[tuple[str, str, str]]]:
    return said
