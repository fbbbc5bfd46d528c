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
    # (Belief comes from trust through its log-odds, so equal up to the float's last digit.)
    assert signed[1] == allies[1] == pytest.approx(trust[ACTOR + "newsweek"], rel=1e-15)
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


LOW_TRUST_CASE = """\
format: cred-kg/1
document: {id: d, title: T, publisher: paper}
actors:
  - {id: paper, name: Paper, kind: NewsOutlet}
  - {id: ann, name: Ann, kind: Person}
  - {id: bob, name: Bob, kind: Person}
  - {id: liar, name: Lee, kind: Person}
claims:
  - {id: c1, text: One.}
  - {id: c2, text: Two.}
  - {id: c3, text: Three.}
  - {id: said, text: Only Lee affirms this.}
  - {id: unsaid, text: Only Lee denies this.}
statements:
  - {actor: ann, claim: c1, stance: affirms}
  - {actor: bob, claim: c1, stance: affirms}
  - {actor: liar, claim: c1, stance: denies}
  - {actor: ann, claim: c2, stance: affirms}
  - {actor: bob, claim: c2, stance: affirms}
  - {actor: liar, claim: c2, stance: denies}
  - {actor: ann, claim: c3, stance: affirms}
  - {actor: bob, claim: c3, stance: affirms}
  - {actor: liar, claim: c3, stance: denies}
  - {actor: liar, claim: said, stance: affirms}
  - {actor: liar, claim: unsaid, stance: denies}
"""


def test_a_lone_word_from_a_source_below_chance_gets_belief_one_half(analyse_yaml) -> None:
    # Lee is outvoted by two groups on c1-c3: each of those claims gives Lee's answer at most
    # e^w0 / (e^w0 + e^(2 w0)) = 0.2 with w0 = ln(0.8 / 0.2), so Lee's trust is below 0.5 and
    # w = max(0, ln(A / (1 - A))) = 0: Lee's lone claims get 0.5, not Lee's trust (affirmed)
    # or one minus it (denied), as section 7 said before it named the max(0, ...).
    analysis = analyse_yaml(LOW_TRUST_CASE, method="independent-accuracy")
    trust = analysis.trust.trust[ACTOR + "liar"]
    assert trust < 0.5
    claims = _claims(analysis)
    assert claims["said"][1] == claims["unsaid"][1] == 0.5
    section = " ".join(_section().split())
    assert "w = max(0, ln(A / (1 - A)))" in section
    assert "a lone claim gets belief 0.5" in section


@pytest.mark.parametrize("method", ["sums", "average-log", "investment", "pooled-investment"])
def test_under_a_score_method_a_claim_only_denied_ranks_below_one_affirmed(
        analyse_yaml, method: str) -> None:
    # Lee's lone denial of "unsaid" once gave it belief 1 - score: under Average-Log, whose
    # lone voices score 0, that was 1, above every claim anyone affirmed.
    claims = _claims(analyse_yaml(LOW_TRUST_CASE, method=method))
    assert claims["unsaid"][1] == 0.0
    assert all(claims[c][1] > 0.0 for c in ("c1", "c2", "c3"))
