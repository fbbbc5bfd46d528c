"""The claims on which one evidence item can carry a weight: the explanations to build to
give its weights, instead of every claim's.

A claim's explanation weighs the evidence on the claims of its neighbourhood
(:meth:`kg.analysis.explain.Explainer.neighbourhood`): the claim, the claims broader and
narrower than it, and the claims narrower than a claim that contradicts it or a broader one of
it. So an item linked (supporting or disputing) to the claims ``Y`` can be weighed only in the
explanations of the claims whose neighbourhood holds one of them: those narrower or broader
than a claim of ``Y``, and those narrower than a claim that contradicts a claim broader than
one of ``Y`` (contradiction is symmetric in the columns). At 1M statements, building every
explanation for one item's weights took 16 s; these few take a fraction of a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from kg.analysis.closure import Refinement

if TYPE_CHECKING:
    from kg.analysis import Analysis


def claims_weighing(analysis: Analysis, evidence: str) -> list[str]:
    """The claims (IRIs, in the analysis's claim order) whose explanations can give the
    evidence item ``evidence`` a weight: a superset of those that do."""
    cols = analysis.columns
    item = cols.evidence_index[evidence]
    links = np.concatenate([cols.evidence_supports, cols.evidence_disputes]).reshape(-1, 2)
    linked = np.unique(links[links[:, 0] == item, 1])
    if not len(linked):
        return []
    refinement = Refinement(cols.n_claims, cols.refines)
    broader = refinement.broader_of(linked)
    contradicts = np.asarray(cols.contradicts, dtype=np.int64).reshape(-1, 2)
    against = contradicts[np.isin(contradicts[:, 1], broader), 0]
    reach = np.unique(np.concatenate([
        refinement.narrower_of(linked), broader,
        refinement.narrower_of(np.unique(against)) if len(against) else linked,
    ]))
    return [cols.claims[i] for i in reach.tolist()]


__all__ = ["claims_weighing"]
