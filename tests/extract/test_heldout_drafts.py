"""Every article with a gold file in the repository drafts into a case that compiles and
passes the shapes without edits (what ``kg extract`` then ``kg validate`` does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.authoring import compile_case_text
from kg.extract import draft_yaml, extract
from kg.extract.evaluate import load_gold
from kg.validate import validate_graph
from tests.extract.conftest import GOLD_DIR, ROOT

ARTICLES = sorted(p for p in GOLD_DIR.glob("*-gold.yaml")
                  if (GOLD_DIR / p.name.replace("-gold.yaml", ".txt")).is_file())


@pytest.mark.parametrize("gold_path", ARTICLES, ids=lambda p: p.name.removesuffix("-gold.yaml"))
def test_the_draft_of_each_article_compiles_and_conforms(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    draft = extract(gold.read_article(ROOT), source=gold.article,
                    **gold.options)  # type: ignore[arg-type]
    case = compile_case_text(draft_yaml(draft), source=gold_path.name)
    violations = [v for v in validate_graph(case.graph) if v.severity == "Violation"]
    assert violations == []
    assert draft.statements
