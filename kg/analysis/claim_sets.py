"""Per claim, every actor with a stance on it and every evidence item bearing on it, for all
claims at once.

A claim's explanation lists its stance entries (direct, and implied through refinement,
broader denials and contradiction) and its evidence entries (direct, and implied the same
way): :func:`kg.analysis.stances.stance_tables`. Filtering a list of claims by actor or by
evidence kind only needs *who* and *which item*, and building every explanation to learn that
reads every statement of the graph (at 128k claims, minutes). These sets come from the bulk
numbers instead, by the same rules, in a fraction of a second; the tests check them against
the explanations on random graphs.
"""

from __future__ import annotations

import numpy as np

from kg.analysis.bulk import Numbers, _union
from kg.analysis.closure import PairSets, Refinement, pair_sets
from kg.analysis.columns import HEDGES, CaseColumns


def stance_actors(numbers: Numbers) -> PairSets:
    """Per claim, the actors of its stance entries: those who affirm it or a narrower claim,
    deny it or a broader claim (or affirm what contradicts it), or hedge it."""
    cols = numbers.columns
    hedge = cols.stmt_stance == HEDGES
    return _union(
        numbers.affirm_actors,
        numbers.deny_actors,
        pair_sets(cols.stmt_claim[hedge], cols.stmt_actor[hedge], cols.n_claims),
    )


def evidence_items(columns: CaseColumns, refinement: Refinement) -> PairSets:
    """Per claim, the evidence items of its entries: those supporting it or a narrower claim,
    and those disputing it or a broader claim."""
    supports, disputes = columns.evidence_supports, columns.evidence_disputes
    return _union(
        refinement.up(supports[:, 1], supports[:, 0]),
        refinement.down(disputes[:, 1], disputes[:, 0]),
    )


def claims_with(sets: PairSets, items: np.ndarray) -> np.ndarray:
    """The claims (sorted ids) whose set holds any of ``items``."""
    hit = np.isin(sets.items, items)
    return np.unique(sets.claim_of()[hit])


__all__ = ["claims_with", "evidence_items", "stance_actors"]
