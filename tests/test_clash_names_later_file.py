"""Two files that disagree on one id: the error names the later file, as loading them one
after the other would (a user's case loaded after the built-in seed is the one to blame)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ShapeValidationError
from kg.seed import seed_paths
from kg.store import KnowledgeStore

CLASH = """\
format: cred-kg/1
document:
  id: clash-doc
  title: Another article
  publisher: newsweek
  date: 2024-11-02
actors:
  - id: newsweek
    name: Newsweek Ltd
    kind: NewsOutlet
  - id: someone
    name: Some One
    kind: Person
claims:
  - id: clash-claim
    text: Something happened.
statements:
  - actor: someone
    claim: clash-claim
    stance: affirms
    relay: [newsweek]
"""

def test_the_error_names_the_file_that_brought_the_conflict(tmp_path: Path) -> None:
    case = tmp_path / "clash.yaml"
    case.write_text(CLASH, encoding="utf-8")
    with KnowledgeStore() as store, pytest.raises(ShapeValidationError) as error:
        store.load([*seed_paths(), case])
    assert error.value.source == str(case)
    message = str(error.value)
    assert message.startswith(f"{case}: 1 SHACL violation(s)")
    assert "Newsweek Ltd" in message and "nk-troops-russia.yaml" in message
    with KnowledgeStore() as store:  # and nothing was loaded
        assert len(store) == 0
