"""The claims an actor takes a stance on, and the claims evidence of a kind bears on, found
from the bulk numbers, are those whose explanations list that actor or that kind."""

from __future__ import annotations

from dataclasses import replace

import pytest
from random_cases import random_case, store_of_case

from kg.analysis import Analysis, analyse, analyse_case
from kg.analysis.model import CaseGraph
from kg.seed import seed_paths
from kg.store import KnowledgeStore

KINDS = ("SatelliteImagery", "Document", "Photo")
SIZES = [
    {"actors": 8, "claims": 6, "statements": 20, "evidence": 4},
    {"actors": 30, "claims": 25, "statements": 120, "evidence": 15},
    {"actors": 60, "claims": 80, "statements": 400, "evidence": 40, "chain": 30},
]


def _with_kinds(case: CaseGraph) -> CaseGraph:
    """The case with each evidence item given one or two of :data:`KINDS`."""
    items = [
        replace(e, kinds=KINDS[i % 3 : i % 3 + 1 + i % 2]) for i, e in enumerate(case.evidence)
    ]
    return replace(case, evidence=items)


def _by_explanations(analysis: Analysis) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per actor and per kind (lower case), the claims whose explanations list them."""
    by_actor: dict[str, set[str]] = {}
    by_kind: dict[str, set[str]] = {}
    for iri in analysis.columns.claims:
        claim = analysis.claims[iri]
        for entry in claim.stances:
            by_actor.setdefault(entry.actor, set()).add(iri)
        for weight in claim.evidence:
            for kind in weight.kinds:
                by_kind.setdefault(kind.lower(), set()).add(iri)
    return by_actor, by_kind


def _check(analysis: Analysis) -> None:
    by_actor, by_kind = _by_explanations(analysis)
    claims = analysis.columns.claims
    for actor in analysis.columns.actors:
        got = {claims[i] for i in analysis.claims_with_stance_of(actor).tolist()}
        assert got == by_actor.get(actor, set()), actor
    kinds = {k.lower() for e in analysis.catalogue.evidence for k in e.kinds}
    for kind in kinds | {"nosuchkind"}:
        for asked in (kind, kind.upper()):
            got = {claims[i] for i in analysis.claims_with_evidence_kind(asked).tolist()}
            assert got == by_kind.get(kind, set()), kind
    assert not len(analysis.claims_with_stance_of("https://example.org/not-an-actor"))


@pytest.mark.parametrize("seed", range(12))
def test_the_sets_are_what_the_explanations_list(seed):
    # Random graphs: refinement chains, diamonds and cycles, contradictions (to itself, to a
    # broader claim), all three stances, evidence supporting and disputing.
    _check(analyse_case(_with_kinds(random_case(seed, **SIZES[seed % len(SIZES)]))))


@pytest.mark.parametrize("seed", range(4))
def test_the_sets_are_the_same_read_from_a_store(seed):
    # Raw data in a store: untyped actors, implicit affiliations, repeated triples.
    store = store_of_case(_with_kinds(random_case(seed, **SIZES[seed % len(SIZES)])), seed)
    _check(analyse(store))


def test_the_seed_sets():
    with KnowledgeStore() as store:
        store.load(seed_paths())
        analysis = analyse(store)
        _check(analysis)
        # By hand, from the article: North Korea denies the broader claim, so its denial
        # reaches the narrower claims as well.
        north_korea = analysis.actor_iri("north-korea")
        named = {
            analysis.columns.claims[i].rsplit("/", 1)[-1]
            for i in analysis.claims_with_stance_of(north_korea).tolist()
        }
        assert "nk-sent-troops-to-assist-war-on-ukraine" in named
        assert "nk-troops-sent-for-possible-deployment-to-ukraine" in named
        imagery = {
            analysis.columns.claims[i].rsplit("/", 1)[-1]
            for i in analysis.claims_with_evidence_kind("satelliteimagery").tolist()
        }
        # The agency's satellite images show troops at a Far East training ground, which
        # refines "troops are in Russia": they bear on both.
        assert imagery == {"nk-troops-at-far-east-training-ground", "nk-troops-in-russia"}
