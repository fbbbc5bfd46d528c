"""The seed-case examples in docs/analysis.md section 7 (belief against the credibility grade)
are what the analysis gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.analysis import Analysis, analyse
from kg.seed import seed_paths
from kg.store import KnowledgeStore

DOC = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"
CLAIM = "https://w3id.org/cred-kg/id/claim/"
ACTOR = "https://w3id.org/cred-kg/id/actor/"


@pytest.fixture(scope="module")
def store() -> KnowledgeStore:
    store = KnowledgeStore()
    store.load(seed_paths())
    return store


def _claims(analysis: Analysis) -> dict[str, tuple[int, float | None]]:
    return {s.iri.removeprefix(CLAIM): (s.credibility, s.belief)
            for s in analysis.claim_summaries()}


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text.split("## 7. Belief", 1)[1].split("\n## ", 1)[0]


def test_belief_examples_of_the_default_method(store: KnowledgeStore) -> None:
    analysis = analyse(store)
    claims = _claims(analysis)
    trust = analysis.trust.trust
    signed, allies = claims["russia-nk-treaty-signed"], claims["nk-among-russias-few-allies"]
    # Evidence moves the grade, not belief: grades 2 and 3, one belief, Newsweek's trust.
    assert (signed[0], allies[0]) == (2, 3)
    assert signed[1] == allies[1] == trust[ACTOR + "newsweek"]
    # A lone denial: one minus the denier's trust (the prior 0.8, no record).
    denied = claims["nk-troops-sent-for-possible-deployment-to-ukraine"]
    assert denied[0] == 4
    assert denied[1] == pytest.approx(1 - trust[ACTOR + "north-korea"])
    assert trust[ACTOR + "north-korea"] == pytest.approx(0.8)
    section = _section()
    for number in (signed[1], denied[1]):
        assert repr(number) in section


@pytest.mark.parametrize(("method", "claim", "grade"), [
    ("sums", "nk-troops-in-russia", 1),
    ("investment", "russia-nk-treaty-signed", 2),
])
def test_score_methods_give_well_graded_claims_a_belief_near_0(
        store: KnowledgeStore, method: str, claim: str, grade: int) -> None:
    credibility, belief = _claims(analyse(store, method=method))[claim]
    assert credibility == grade
    assert belief is not None and belief < 1e-4
    # The doc quotes the number, after the method's flag.
    after = _section().split(f"--method {method}", 1)[1]
    assert re.search(re.escape(repr(belief)), after)
