"""A claim's export holds the statements that deny it through a contradicting claim, and the
overrides that regroup its actors, on every backend: the paths that find them start from a
claim reached by a join, not from a constant, which Virtuoso evaluates only when it can order
the join ("transitive start not given" otherwise; docs/backends.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import KnowledgeStore
from tests.test_claim_export_contradiction import CASE, CLAIMS, case_in_memory


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeStore:
    return case_in_memory(Path(tmp_path_factory.mktemp("case")))


@pytest.mark.parametrize("claim", CLAIMS)
def test_a_claims_export_is_the_same_on_every_backend(
    store: KnowledgeStore, reference: KnowledgeStore, tmp_path: Path, claim: str
) -> None:
    path = tmp_path / "orsa.yaml"
    path.write_text(CASE, encoding="utf-8")
    store.load([path])
    exported = store.export("nquads", claim=claim)
    assert exported == reference.export("nquads", claim=claim)
    # What the fix added is there: a denier through contradiction, and the override.
    assert b"actor/hald>" in reference.export("nquads", claim="channel")
    assert b"DependenceDeclaration" in reference.export("nquads", claim="drought")
