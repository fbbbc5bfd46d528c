"""The claims with a statement dated in a range, found in bulk, are those whose explanations
list such a statement: direct, or implied through refinement, broader denials and
contradiction; read from records or from a store."""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
import pytest
from random_cases import random_case, store_of_case

from kg.analysis import Analysis, analyse, analyse_case
from kg.analysis.claim_dates import date_bounds
from kg.analysis.model import CaseGraph
from kg.seed import seed_paths
from kg.store import KnowledgeStore

SIZES = [
    {"actors": 8, "claims": 6, "statements": 20, "evidence": 4},
    {"actors": 30, "claims": 25, "statements": 120, "evidence": 15},
    {"actors": 60, "claims": 80, "statements": 400, "evidence": 40, "chain": 30},
]
# Full dates, a month, a year, a time stamp; none for a third of the statements.
DATES = ("2024-10-03", "2024-10", "2023", "2024-10-07T23:30:00Z", "2024-11-30", None)
RANGES = [
    ("2024-10-03", "2024-10-03"),
    ("2024-10-05", None),
    (None, "2023-12-31"),
    ("2024-10-08", "2024-11-29"),
    ("2024-11-30", "2024-11-30"),
    ("2025-01-01", None),
    ("2031-01-01", "2031-12-31"),
    ("2032-01-01", "2032-12-31"),
    ("2033-01-01", "2033-12-31"),
    ("2034-01-01", None),
    (None, None),
]
DATE = "http://purl.org/dc/terms/date"
CRED = "https://w3id.org/cred-kg/ns#"
BASE = "https://example.org/odd/"


def _with_dates(case: CaseGraph) -> CaseGraph:
    statements = [replace(s, date=DATES[i % len(DATES)]) for i, s in enumerate(case.statements)]
    return replace(case, statements=statements)


def _by_explanations(analysis: Analysis, low: str | None, high: str | None) -> set[str]:
    statements = analysis.case.statement_index
    found = set()
    for iri in analysis.columns.claims:
        for entry in analysis.claims[iri].stances:
            s = statements.get(entry.statement)
            if s is None or not s.date:
                continue
            first, last = date_bounds(s.date)
            if (low is None or last >= low) and (high is None or first <= high):
                found.add(iri)
    return found


def _check(analysis: Analysis) -> None:
    claims = analysis.columns.claims
    for low, high in RANGES:
        got = {claims[i] for i in analysis.claims_dated(low, high).tolist()}
        assert got == _by_explanations(analysis, low, high), (low, high)


@pytest.mark.parametrize("seed", range(12))
def test_the_dated_claims_are_what_the_explanations_list(seed):
    _check(analyse_case(_with_dates(random_case(seed, **SIZES[seed % len(SIZES)]))))


@pytest.mark.parametrize("seed", range(6))
def test_the_dated_claims_read_from_a_store(seed):
    # Raw data: every third statement dated, a statement with three stances and one about two
    # claims, repeated triples; some statements get a second, earlier or partial, date (the
    # reader keeps the smallest value).
    case = random_case(seed, **SIZES[seed % len(SIZES)])
    store = store_of_case(case, seed)
    for n, s in enumerate(case.statements[::4]):
        extra = ox.Literal(("2024-09-30", "2024", "2024-12-01")[n % 3])
        store.add(ox.Quad(ox.NamedNode(_iri(store, s.iri)), ox.NamedNode(DATE), extra))
    _add_odd_statements(store)
    analysis = analyse(store)
    assert len(analysis.claims_dated(None, None)) > 0
    _check(analysis)
    # The odd statements count as the reader counts them: only the one with an actor and a
    # known stance, whose first stance (an affirmation) reaches the broader claim.
    claims = analysis.columns.claims
    narrow, broad = _refinement(store)
    assert {narrow, broad} <= {claims[i] for i in analysis.claims_dated("2033", None).tolist()}
    assert not len(analysis.claims_dated("2031-01-01", "2032-12-31"))
    assert narrow in {claims[i] for i in analysis.claims_dated("2034", None).tolist()}


def _refinement(store: ox.Store) -> tuple[str, str]:
    quad = next(iter(store.quads_for_pattern(None, ox.NamedNode(f"{CRED}refines"), None)))
    return str(quad.subject.value), str(quad.object.value)


def _add_odd_statements(store: ox.Store) -> None:
    """A statement with no actor, one with an unknown stance, one with two stances (an
    affirmation and a hedge) and one with an affirmation and a stance of another vocabulary,
    about a claim that refines another; each dated in its own year."""
    narrow, _ = _refinement(store)
    actor = next(iter(store.quads_for_pattern(None, ox.NamedNode(f"{CRED}statedBy"), None))).object

    def add(s: str, p: str, o: ox.NamedNode | ox.Literal) -> None:
        store.add(ox.Quad(ox.NamedNode(f"{BASE}{s}"), ox.NamedNode(p), o))

    for name, year, stances, has_actor in [
        ("no-actor", "2031", ["Affirms"], False),
        ("odd-stance", "2032", ["Unknown"], True),
        ("two-stances", "2033", ["Hedges", "Affirms"], True),
        ("foreign-stance", "2034", ["Affirms", "X"], True),
    ]:
        add(name, f"{CRED}about", ox.NamedNode(narrow))
        add(name, DATE, ox.Literal(f"{year}-01-01"))
        for stance in stances:
            # "X": a stance in another vocabulary, whose IRI sorts before the known ones
            iri = "http://a.example/X" if stance == "X" else f"{CRED}{stance}"
            add(name, f"{CRED}stance", ox.NamedNode(iri))
        if has_actor:
            add(name, f"{CRED}statedBy", actor)


def test_once_every_explanation_is_built_the_store_is_not_read_again():
    # The service asks without its write lock once every explanation is built (they read the
    # whole graph): the answer must then come from the records read, not from the store.
    store = store_of_case(random_case(3, **SIZES[1]), 3)
    analysis = analyse(store)
    analysis.claims.values()
    expected = {low: _by_explanations(analysis, low, high) for low, high in RANGES[:3]}
    for quad in list(store):
        store.remove(quad)
    claims = analysis.columns.claims
    for low, high in RANGES[:3]:
        assert {claims[i] for i in analysis.claims_dated(low, high).tolist()} == expected[low]


def _iri(store: ox.Store, local: str) -> str:
    """The IRI the store gives a random case's statement id."""
    found = [
        str(q.subject.value)
        for q in store.quads_for_pattern(None, None, None)
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.endswith(f"/{local}")
    ]
    return found[0]


def test_the_seed_dated_claims():
    with KnowledgeStore() as store:
        store.load(seed_paths())
        analysis = analyse(store)
        _check(analysis)
        # By hand: nothing in the article is dated before October 2024, and North Korea's
        # denial is dated (so the claims it reaches count on that day).
        assert not len(analysis.claims_dated(None, "2024-09-30"))
