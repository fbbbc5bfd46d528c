"""Fixtures for the analysis tests: small hand-made graphs, and the two worked cases.

Records are written in a tiny notation so that a test's graph can be read at a glance:

- an actor chain ``"kirby > white-house > us"``: kirby acts for the White House, which acts
  for the United States (the last actor acts for no one);
- a claim relation ``"narrow refines broad"``, ``"a contradicts b"`` or ``"c is Forecast"``;
- a statement ``"kirby affirms narrow"`` (actor, stance, claim), with an id of its own.

Actors and claims that only appear in statements are created as tops and plain factual
claims. Every IRI is a short plain string (the analysis keeps IRIs as strings), and labels are
the ids in upper case, so that a reason reads ``KIRBY -> WHITE-HOUSE -> US``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.analysis import Analysis, analyse, analyse_case
from kg.analysis.model import (
    Actor,
    CaseGraph,
    Claim,
    Evidence,
    Override,
    Relay,
    Statement,
)
from kg.authoring import compile_case_file, compile_case_text
from kg.convert import from_rdflib_graph

REPO = Path(__file__).resolve().parents[2]
SEED_CASE = REPO / "ontology" / "cases" / "nk-troops-russia.yaml"
PORT_FIRE_CASE = REPO / "tests" / "data" / "cases" / "port-fire.yaml"


def label(ident: str) -> str:
    return ident.upper()


def statement_id(text: str) -> str:
    return "-".join(text.split())


def make_case(
    actors: Iterable[str] = (),
    claims: Iterable[str] = (),
    statements: Iterable[str | Statement] = (),
    evidence: Iterable[Evidence] = (),
    overrides: Iterable[Override] = (),
) -> CaseGraph:
    """A :class:`CaseGraph` from the notation of the module docstring, sorted by IRI as
    :func:`kg.analysis.extract.read_case_graph` sorts it."""
    acts_for: dict[str, str | None] = {}
    for chain in actors:
        names = [n.strip() for n in chain.split(">")]
        for lower, upper in pairwise(names):
            acts_for[lower] = upper
        acts_for.setdefault(names[-1], None)
    refines: dict[str, list[str]] = {}
    contradicts: dict[str, list[str]] = {}
    kinds: dict[str, list[str]] = {}
    for relation in claims:
        subject, verb, obj = relation.split()
        table = {"refines": refines, "contradicts": contradicts, "is": kinds}[verb]
        table.setdefault(subject, []).append(obj)
        if verb != "is":
            table.setdefault(obj, [])
        else:
            refines.setdefault(subject, [])
    records: list[Statement] = []
    for item in statements:
        if isinstance(item, str):
            actor, stance, claim = item.split()
            item = Statement(statement_id(item), actor, claim, stance)  # type: ignore[arg-type]
        records.append(item)
    items = list(evidence)
    claim_ids = set(refines) | set(contradicts) | set(kinds) | {s.claim for s in records}
    for e in items:
        claim_ids.update(e.supports, e.disputes)
    actor_ids = set(acts_for) | {s.actor for s in records}
    actor_ids |= {r.outlet for s in records for r in s.relays}
    for e in items:
        actor_ids.update(e.producers, e.releasers, e.cited_by)
    for o in overrides:
        actor_ids.update(o.actors)
    return CaseGraph(
        actors={
            a: Actor(a, label(a), acts_for=acts_for.get(a)) for a in sorted(actor_ids)
        },
        claims={
            c: Claim(
                c,
                f"Claim {label(c)}.",
                kinds=tuple(kinds.get(c, ())),
                refines=tuple(sorted(refines.get(c, ()))),
                contradicts=tuple(sorted(contradicts.get(c, ()))),
            )
            for c in sorted(claim_ids)
        },
        statements=sorted(records, key=lambda s: s.iri),
        evidence=sorted(items, key=lambda e: e.iri),
        overrides=sorted(overrides, key=lambda o: o.iri),
    )


def make_evidence(
    iri: str,
    prior: float,
    *,
    kind: str = "Evidence",
    producers: tuple[str, ...] = (),
    releasers: tuple[str, ...] = (),
    cited_by: tuple[str, ...] = (),
    supports: tuple[str, ...] = (),
    disputes: tuple[str, ...] = (),
) -> Evidence:
    return Evidence(iri, label(iri), (kind,), prior, producers=producers, releasers=releasers,
                    cited_by=cited_by, supports=supports, disputes=disputes)


def relayed(text: str, *outlets: str) -> Statement:
    """The statement ``text`` passed on by ``outlets``, the first nearest the speaker."""
    actor, stance, claim = text.split()
    return Statement(statement_id(text), actor, claim, stance,  # type: ignore[arg-type]
                     relays=tuple(Relay(o, i) for i, o in enumerate(outlets)))


def analyse_records(*, min_groups: int = 2, method: str = "voting", **records: Any) -> Analysis:
    """Analyse a hand-made graph.

    Corroboration, evidence and credibility do not depend on the truth-discovery method, so
    the rule tests use plain voting, the simplest; every method runs on any graph, even one
    where no two actors speak to one claim (test_every_method_runs_on_any_graph).
    """
    return analyse_case(make_case(**records), min_groups=min_groups, method=method)


def affirming(analysis: Analysis, claim: str) -> set[str]:
    """The ids of the groups that affirm ``claim`` (the rule tests compare these sets)."""
    return {g.group for g in analysis.claims[claim].corroboration.affirming}


def store_of(*graphs: Any) -> ox.Store:
    """A pyoxigraph store holding the compiled cases, each in its own named graph."""
    store = ox.Store()
    for case in graphs:
        store.extend(from_rdflib_graph(case.graph, case.graph_name))
    return store


@pytest.fixture
def case() -> Callable[..., CaseGraph]:
    return make_case


@pytest.fixture
def evidence() -> Callable[..., Evidence]:
    return make_evidence


@pytest.fixture
def relay() -> Callable[..., Statement]:
    return relayed


@pytest.fixture
def analysed() -> Callable[..., Analysis]:
    return analyse_records


@pytest.fixture
def analyse_yaml() -> Callable[..., Analysis]:
    """Compile a case file's text, load it into a pyoxigraph store and analyse the store."""

    def run(text: str, **options: Any) -> Analysis:
        return analyse(store_of(compile_case_text(text, source="case.yaml")), **options)

    return run


@pytest.fixture(scope="session")
def case_texts() -> list[str]:
    """The text of the two worked case files: the seed case, then port-fire."""
    return [path.read_text(encoding="utf-8") for path in (SEED_CASE, PORT_FIRE_CASE)]


@pytest.fixture(scope="session")
def both_cases() -> dict[str, Any]:
    """The analysis of both worked cases in one store, as loaded in file order."""
    return analyse(store_of(compile_case_file(SEED_CASE),
                            compile_case_file(PORT_FIRE_CASE))).to_dict()


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    return analyse(store_of(compile_case_file(SEED_CASE)))


@pytest.fixture(scope="session")
def port_fire_analysis() -> Analysis:
    return analyse(store_of(compile_case_file(PORT_FIRE_CASE)))
