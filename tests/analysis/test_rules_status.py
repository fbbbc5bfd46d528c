"""A claim's status against k (the independent groups it needs), and every method on any graph,
one small hand-made graph each.

Each graph is written in the notation of ``conftest.py`` ("kirby > white-house > us" is an
affiliation chain, "kirby affirms c" a statement). The expected answers were worked out by hand
from the module docstring of kg.analysis.corroboration; the reasoning is in the comment above
each table or test.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.analysis import METHODS, analyse, analyse_case
from kg.analysis.corroboration import corroborate
from kg.analysis.groups import source_groups
from kg.analysis.stances import stance_tables

# ---- Status and k -------------------------------------------------------------------------------

# (affirming groups, k, status). A claim with n independent affirming groups g1..gn (and, for
# n = 0, a denial only) is corroborated when n >= k, single-source when n == 1 < k, and
# unsupported when n == 0.
STATUS = [
    (0, 1, "unsupported"), (0, 2, "unsupported"), (0, 3, "unsupported"),
    (1, 1, "corroborated"), (1, 2, "single-source"), (1, 3, "single-source"),
    (2, 1, "corroborated"), (2, 2, "corroborated"),
    (3, 1, "corroborated"), (3, 2, "corroborated"), (3, 3, "corroborated"),
    (4, 3, "corroborated"),
]


@pytest.mark.parametrize(("n", "k", "status"), STATUS)
def test_status_boundaries(analysed, n, k, status):
    statements = [f"g{i} affirms c" for i in range(n)] or ["z denies c"]
    claim = analysed(statements=statements, min_groups=k).claims["c"]
    assert claim.corroboration.status == status
    assert claim.corroboration.independent_groups == n
    assert claim.corroboration.min_groups == k


def test_k_defaults_to_two(case):
    analysis = analyse_case(case(statements=["g1 affirms c", "g2 affirms c"]), method="voting")
    assert analysis.min_groups == 2
    assert analysis.claims["c"].corroboration.status == "corroborated"


def test_two_groups_below_k_three_are_not_unsupported(analysed):
    claim = analysed(statements=["g1 affirms c", "g2 affirms c"], min_groups=3).claims["c"]
    assert claim.corroboration.status != "unsupported"
    assert "Status unsupported: nothing affirms it." not in claim.corroboration.reasons


@pytest.mark.parametrize("k", [0, -1])
def test_k_below_one_is_refused(case, k):
    records = case(statements=["g1 affirms c"])
    with pytest.raises(ValueError, match="min_groups must be at least 1"):
        analyse_case(records, min_groups=k, method="voting")
    groups = source_groups(records)
    stances, _ = stance_tables(records)
    with pytest.raises(ValueError, match="min_groups must be at least 1"):
        corroborate(records, groups, stances, {}, min_groups=k)


def test_k_below_one_is_refused_for_a_store():
    with pytest.raises(ValueError, match="min_groups must be at least 1"):
        analyse(ox.Store(), min_groups=0)


# ---- Robustness ---------------------------------------------------------------------------------


def test_default_method_runs_on_any_graph(case):
    analysis = analyse_case(case(statements=["x affirms c"]))
    assert analysis.claims["c"].corroboration.status == "single-source"


@pytest.mark.parametrize("method", list(METHODS))
def test_every_method_runs_on_any_graph(case, method):
    # No two actors speak to one claim: nothing to compare, and no pair for copy detection.
    analysis = analyse_case(case(statements=["x affirms c", "y denies d", "z hedges c"]),
                            method=method)
    assert [s.status for s in analysis.claim_summaries()] == ["single-source", "unsupported"]
    assert set(analysis.trust.trust) == {"x", "y"}
    assert set(analysis.trust.belief) == {"c", "d"}
    assert all(0.0 <= b <= 1.0 for b in analysis.trust.belief.values())
