"""The fast analysis against the reference, on random graphs.

The fast path computes every claim's and actor's numbers on arrays (:mod:`kg.analysis.bulk`),
reads the store in bulk (:mod:`kg.analysis.columns`) and builds each explanation from a claim's
neighbourhood (:mod:`kg.analysis.explain`). The reference (:mod:`kg.analysis.reference`) is the
record-by-record code over the whole graph. For random graphs (``random_cases.py``: refinement
chains, diamonds and cycles, contradictions, self-contradiction, forecasts, hedges, overrides,
evidence with and without owners) both must give the same status, counts, contested_by,
credibility and reliability for every claim and actor, and the same explanations.
"""

from __future__ import annotations

import numpy as np
import pytest
from random_cases import as_iris, random_case, store_of_case

from kg.analysis import analyse, analyse_case
from kg.analysis.bulk import compute_numbers
from kg.analysis.closure import Refinement
from kg.analysis.columns import columns_from_case
from kg.analysis.corroboration import STATUSES
from kg.analysis.extract import read_case_graph
from kg.analysis.rdf import decimal_lexical
from kg.analysis.reference import reference_assessments
from kg.analysis.reliability import ReliabilityScale
from kg.analysis.store_columns import read_case_columns
from kg.analysis.trust import dataset_from_numbers, estimate_trust
from kg.analysis.truth import TruthDataset

SIZES = [
    {"actors": 8, "claims": 6, "statements": 20, "evidence": 4},
    {"actors": 30, "claims": 25, "statements": 120, "evidence": 15},
    {"actors": 60, "claims": 80, "statements": 400, "evidence": 40, "chain": 30},
]


def cases(n: int) -> list[tuple[int, dict[str, int], int]]:
    """``(seed, size, k)`` triples: seeds, sizes and k varied together."""
    return [(seed, SIZES[seed % len(SIZES)], 1 + seed % 3) for seed in range(n)]


def numbers_of(analysis):
    """What the fast path lists in bulk, per claim and per actor."""
    summaries = {c.iri: c for c in analysis.claim_summaries()}
    actors = {a.iri: a for a in analysis.actor_summaries()}
    return summaries, actors


@pytest.mark.parametrize(("seed", "size", "k"), cases(60))
def test_numbers_equal_the_reference(seed, size, k):
    case = random_case(seed, **size)
    ref_claims, ref_actors, _ = reference_assessments(case, min_groups=k, method="voting")
    summaries, actors = numbers_of(analyse_case(case, min_groups=k, method="voting"))
    assert list(summaries) == list(ref_claims)
    for iri, ref in ref_claims.items():
        got, co = summaries[iri], ref.corroboration
        assert (got.status, got.independent_groups, got.contested, got.contested_by,
                got.affirming, got.denying, got.hedging, got.credibility,
                got.stix_confidence, got.belief) == (
            co.status, co.independent_groups, co.contested, co.contested_by,
            tuple(g.group for g in co.affirming), tuple(g.group for g in co.denying),
            tuple(g.group for g in co.hedging), ref.credibility.grade,
            ref.credibility.stix_confidence, ref.belief), iri
    assert list(actors) == list(ref_actors)
    for iri, ref in ref_actors.items():
        got = actors[iri]
        assert (got.group, got.reliability, got.trust, got.assessed_claims,
                got.statements) == (
            ref.group.id, ref.reliability.grade, ref.reliability.trust,
            len(ref.reliability.assessed_claims), len(ref.statements)), iri


@pytest.mark.parametrize(("seed", "size", "k"), cases(30))
def test_each_explanation_equals_the_reference(seed, size, k):
    case = random_case(seed, **size)
    ref_claims, ref_actors, _ = reference_assessments(case, min_groups=k, method="voting")
    analysis = analyse_case(case, min_groups=k, method="voting")
    # One at a time, from the neighbourhood (no pass over the whole graph).
    for iri in reversed(list(ref_claims)):
        assert analysis.claims[iri] == ref_claims[iri], iri
    for iri in ref_actors:
        assert analysis.actors[iri] == ref_actors[iri], iri
    # And all at once, as values() builds them.
    fresh = analyse_case(case, min_groups=k, method="voting")
    assert dict(fresh.claims.items()) == ref_claims
    assert dict(fresh.actors.items()) == ref_actors


@pytest.mark.parametrize("one_graph", [False, True], ids=["repeating-graphs", "one-graph"])
@pytest.mark.parametrize("seed", range(12))
def test_the_store_is_read_as_the_reference_reads_it(seed, one_graph):
    # The store holds what only raw data can: untyped actors and outlets, an implicit
    # affiliation, a statement with two stances and one about two claims, invalid stances,
    # evidence only cited, contradiction stated one way; in two graphs that both hold some
    # triples (repeated solutions), or in the default graph alone.
    case = random_case(seed, **SIZES[seed % len(SIZES)])
    store = store_of_case(case, seed, one_graph=one_graph)
    reference = columns_from_case(read_case_graph(store))
    fast = read_case_columns(store)
    for name in ("actors", "claims", "evidence", "overrides"):
        assert getattr(fast, name) == getattr(reference, name), name
    for name in ("actor_parent", "claim_unjudgeable", "refines", "contradicts",
                 "evidence_prior", "evidence_owner", "evidence_supports", "evidence_disputes"):
        assert np.array_equal(getattr(fast, name), getattr(reference, name)), name
    rows = sorted(zip(fast.stmt_actor.tolist(), fast.stmt_claim.tolist(),
                      fast.stmt_stance.tolist(), strict=True))
    assert rows == sorted(zip(reference.stmt_actor.tolist(), reference.stmt_claim.tolist(),
                              reference.stmt_stance.tolist(), strict=True))
    implicit = {fast.actors[i] for i in np.flatnonzero(fast.actor_implicit).tolist()}
    assert implicit == {"https://example.org/r/implicit-parent"}


@pytest.mark.parametrize("seed", range(8))
def test_explanations_from_a_store_equal_the_reference(seed):
    case = random_case(seed, **SIZES[seed % len(SIZES)])
    store = store_of_case(case, seed)
    k = 1 + seed % 3
    ref_claims, ref_actors, _ = reference_assessments(read_case_graph(store), min_groups=k,
                                                      method="voting")
    analysis = analyse(store, min_groups=k, method="voting")
    for iri, expected in ref_claims.items():
        assert analysis.claims[iri] == expected, iri
    for iri, expected in ref_actors.items():
        assert analysis.actors[iri] == expected, iri


@pytest.mark.parametrize("seed", range(40))
def test_the_trust_dataset_is_the_reference_one(seed, monkeypatch):
    case = random_case(seed, **SIZES[seed % len(SIZES)])
    built = []
    original = TruthDataset.from_stances.__func__  # type: ignore[attr-defined]

    def capture(cls, *args, **kwargs):
        built.append(original(cls, *args, **kwargs))
        return built[-1]

    monkeypatch.setattr(TruthDataset, "from_stances", classmethod(capture))
    from kg.analysis.groups import source_groups
    from kg.analysis.stances import stance_tables

    estimate_trust(case, source_groups(case), stance_tables(case)[0], method="voting")
    fast = dataset_from_numbers(compute_numbers(columns_from_case(case)))
    if not built:
        assert fast is None
        return
    (reference,) = built
    assert (fast.sources, fast.objects, fast.fact_values) == (
        reference.sources, reference.objects, reference.fact_values)
    assert np.array_equal(fast.fact_object, reference.fact_object)
    assert np.array_equal(fast.source_groups, reference.source_groups)
    for part in ("indptr", "indices", "data"):
        assert np.array_equal(getattr(fast.claims, part), getattr(reference.claims, part))


def test_accucopy_keeps_its_name_on_small_data(case):
    analysis = analyse_case(case(statements=["a affirms c", "b denies c", "a affirms d",
                                             "b affirms d"]), method="accucopy-groups")
    assert analysis.trust.method == "accucopy-groups"
    assert analysis.trust.note == ""


def test_accucopy_runs_as_accupr_at_scale(monkeypatch, case):
    # Above the pair limit, accucopy-groups runs as accupr-groups, and says so.
    monkeypatch.setattr("kg.analysis.trust.PAIRWISE_LIMIT", 3)
    analysis = analyse_case(case(statements=["a affirms c", "b denies c", "x affirms c"]),
                            method="accucopy-groups")
    assert analysis.trust.method == "accupr-groups"
    assert "accucopy-groups" in analysis.trust.note
    reliability = analysis.actor_by_id("a").reliability
    assert reliability.grade == "F"


def test_long_chains_do_not_build_the_closure():
    # A chain of 3,000 claims has 4.5 million closure pairs; carrying one item from its
    # narrowest claim up touches each claim once.
    n = 3000
    chain = np.stack([np.arange(n - 1), np.arange(1, n)], axis=1)
    carried = Refinement(n, chain).up(np.array([0]), np.array([7]))
    assert carried.counts().tolist() == [1] * n
    assert Refinement(n, chain).down(np.array([n - 1]), np.array([3])).counts().sum() == n


def test_summaries_need_no_explanation(case):
    analysis = analyse_case(case(statements=["a affirms c", "b affirms c", "z denies c"]),
                            method="voting")
    (summary,) = analysis.claim_summaries()
    assert (summary.status, summary.independent_groups, summary.contested_by) == (
        "corroborated", 2, ("z",))
    assert analysis.claims._cache == {}  # nothing was built


def test_statuses_are_the_reference_statuses():
    assert STATUSES == ("corroborated", "partly-corroborated", "single-source", "unsupported")


def test_reliability_grade_letter_matches_the_reasoned_grade():
    from kg.analysis import reliability_grade
    from kg.analysis.reliability import grade_reliability

    scale = ReliabilityScale()
    for trust in (None, 0.1, 0.4, 0.6, 0.79, 0.8, 0.9, 0.95):
        for assessed in (0, 2, 3, 9, 10, 12):
            expected = grade_reliability("x", trust=trust, assessed=("c",) * assessed,
                                         group="g", group_label="G", method="m").grade
            assert reliability_grade(trust, assessed, scale) == expected


@pytest.mark.parametrize("seed", range(6))
def test_the_analysis_graph_is_the_one_the_reference_gives(seed):
    # kg.analysis.rdf writes the graph from the bulk summaries; it must hold what the
    # per-claim assessments of the reference say.
    from kg.analysis.rdf import analysis_quads

    case = as_iris(random_case(seed, **SIZES[seed % len(SIZES)]))
    analysis = analyse_case(case, method="voting")
    ref_claims, ref_actors, _ = reference_assessments(case, method="voting")
    got = {(q.subject.value, q.predicate.value, q.object.value) for q in analysis_quads(analysis)}
    reviewed = {s: o for s, p, o in got if p.endswith("itemReviewed")}
    by_item: dict[str, set[tuple[str, str]]] = {}
    for s, p, o in got:
        if not p.endswith("itemReviewed"):
            by_item.setdefault(reviewed[s], set()).add((p.rsplit("#", 1)[-1], o))
    for iri, ref in ref_claims.items():
        co, cred = ref.corroboration, ref.credibility
        expected = {("status", co.status), ("independentGroupCount", str(co.independent_groups)),
                    ("minGroups", "2"), ("contested", str(co.contested).lower()),
                    ("credibilityGrade", str(cred.grade))}
        expected |= {("affirmingGroup", g.group) for g in co.affirming}
        expected |= {("denyingGroup", g.group) for g in co.denying}
        expected |= {("hedgingGroup", g.group) for g in co.hedging}
        if cred.stix_confidence is not None:
            expected.add(("stixConfidence", str(cred.stix_confidence)))
        if ref.belief is not None:
            expected.add(("belief", decimal_lexical(ref.belief)))
        got_claim = {(p, o) for p, o in by_item[iri] if p != "type"}
        assert got_claim == expected, iri
    for iri, ref in ref_actors.items():
        expected = {("reliabilityGrade", ref.reliability.grade), ("sourceGroup", ref.group.id),
                    ("sourceGroupLabel", ref.group.label)}
        if ref.reliability.trust is not None:
            expected.add(("trust", decimal_lexical(ref.reliability.trust)))
        assert {(p, o) for p, o in by_item[iri] if p != "type"} == expected, iri


def test_counts_are_the_records_counts():
    case = random_case(3, **SIZES[1])
    counts = analyse_case(case, method="voting").counts()
    assert counts == {"claims": len(case.claims), "actors": len(case.actors),
                      "statements": len(case.statements), "evidence": len(case.evidence),
                      "groups": len(set(reference_assessments(case, method="voting")[1][a].group.id
                                        for a in case.actors))}


def test_explanations_outlive_an_in_memory_store_closed(tmp_path):
    from kg.store import KnowledgeStore

    case = random_case(1, **SIZES[1])
    path = tmp_path / "case.nq"
    store_of_case(case, 1).dump(output=str(path), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    with KnowledgeStore() as store:
        store.load([path], validate=False)
        analysis = analyse(store, method="voting")
    claim = next(iter(analysis.claims))
    assert analysis.claims[claim].corroboration.claim == claim


def test_a_small_on_disk_store_can_be_closed_before_the_explanations(tmp_path):
    from kg.store import KnowledgeStore

    case = random_case(2, **SIZES[1])
    path = tmp_path / "case.nq"
    store_of_case(case, 2).dump(output=str(path), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    with KnowledgeStore(tmp_path / "db") as store:
        store.load([path], validate=False)
        analysis = analyse(store, method="voting")
        expected = reference_assessments(read_case_graph(store), method="voting")[0]
    assert dict(analysis.claims.items()) == expected


@pytest.mark.parametrize("seed", range(20))
def test_statement_rows_without_a_join_are_the_joined_rows(seed):
    # One actor and one claim per statement (the usual data) takes the shortcut; a statement
    # stated twice or about two claims takes the join. Both give the join's rows.
    from kg.analysis.store_columns import _distinct_pairs, _product_join, _statement_rows

    rng = np.random.default_rng(seed)
    n_st = int(rng.integers(1, 60))
    repeat = seed % 2 == 1
    st_of_stated = rng.permutation(n_st)
    st_of_about = rng.permutation(n_st)
    if repeat:  # one more row for some statement in one of the two tables
        st_of_stated = np.r_[st_of_stated, rng.integers(0, n_st)]
    stated_actor = np.where(rng.random(len(st_of_stated)) < 0.2, -1,
                            rng.integers(0, 7, len(st_of_stated)))
    about_claim = np.where(rng.random(n_st) < 0.2, -1, rng.integers(0, 9, n_st))
    got = _statement_rows(st_of_stated, stated_actor, st_of_about, about_claim, n_st)
    ok = about_claim >= 0
    expected = _product_join(_distinct_pairs(st_of_stated, stated_actor),
                             _distinct_pairs(st_of_about[ok], about_claim[ok]))
    assert [a.tolist() for a in got] == [e.tolist() for e in expected]


@pytest.mark.parametrize("clash", [False, True], ids=["distinct-lanes", "first-lane-clash"])
def test_statements_are_looked_up_by_both_hash_lanes(clash):
    from kg.analysis._tsv import Table
    from kg.analysis.store_columns import _Column, _Interner

    def table(h1, h2):
        n = len(h1)
        return Table(("s",), [np.array(h1, dtype=np.uint64)], [np.array(h2, dtype=np.uint64)],
                     (np.ones(n, dtype=bool),), (np.zeros(n, dtype=bool),), (None,))

    # Three statements; with ``clash`` the first two share their first lane.
    numbered = table([5, 5 if clash else 6, 9], [1, 2, 3])
    statements = _Interner([_Column(numbered, 0)], sort=False, keep_keys=True)
    ids = statements.ids(0)
    assert sorted(ids.tolist()) == [0, 1, 2]
    other = table([9, 5, 5 if clash else 6, 7, 5], [3, 1, 2, 4, 4])
    expected = [ids[2], ids[0], ids[1], -1, -1]  # unknown: a new first lane, a new second one
    assert statements.lookup(other, 0).tolist() == expected
