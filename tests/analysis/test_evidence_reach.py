"""One evidence item's weights from the explanations of the claims that can weigh it
(``Analysis.claims_with_evidence``, used by ``/evidence/{id}``) equal its weights in every claim's
explanation, on random graphs with refinement chains, cycles and contradictions."""

from __future__ import annotations

import pytest
from random_cases import random_case, store_of_case

from api.routers.evidence import weights_by_evidence, weights_of
from kg.analysis import analyse, analyse_case
from tests.analysis.conftest import make_case, make_evidence

SIZES = [
    {"actors": 30, "claims": 25, "statements": 120, "evidence": 15},
    {"actors": 60, "claims": 80, "statements": 400, "evidence": 40, "chain": 30},
]


@pytest.mark.parametrize("seed", range(8))
def test_one_items_weights_are_those_of_every_explanation(seed: int) -> None:
    store = store_of_case(random_case(seed, **SIZES[seed % len(SIZES)]), seed)
    k = 1 + seed % 3
    targeted = analyse(store, min_groups=k)
    evidence = list(targeted.columns.evidence)
    weights = {iri: weights_of(targeted, iri) for iri in evidence}
    assert not targeted.claims.complete  # built claim by claim, as on a large store
    everything = weights_by_evidence(analyse(store, min_groups=k))
    assert weights == {iri: everything.get(iri, []) for iri in evidence}
    assert sum(map(len, weights.values())) > 0


def test_only_the_claims_that_weigh_the_item_are_explained() -> None:
    """Refinement: an item supporting a narrow claim weighs on it and on the claims broader
    than it, not on a claim contradicting the broad one, its narrower claims, or an unrelated
    claim."""
    case = make_case(
        claims=["narrow refines broad", "rival contradicts broad", "sub refines rival"],
        statements=["a affirms narrow", "b affirms other", "c denies rival", "d affirms sub"],
        evidence=[make_evidence("photo", 0.8, supports=("narrow",))],
    )
    analysis = analyse_case(case)
    weighing = [analysis.columns.claims[c] for c in analysis.claims_with_evidence(["photo"])]
    assert weighing == ["broad", "narrow"]
    assert all(any(w.evidence == "photo" for w in analysis.claims[c].evidence) for c in weighing)
    assert not any(w.evidence == "photo" for c in ("rival", "sub", "other")
                   for w in analysis.claims[c].evidence)

