"""PooledInvestment (Pasternack & Roth, COLING 2010).

Investment whose returns are pooled within each object: a fact's belief is its linear investment
``H(c)`` scaled by its share of the grown investment of all the values of its object,
``B(c) = H(c) * G(H(c)) / sum_{d in M(c)} G(H(d))`` with ``G(x) = x**g`` and ``g = 1.4`` as in the
paper, so mutually exclusive values compete directly.
"""

from __future__ import annotations

import numpy as np

from kg.analysis.truth._common import (
    check_iteration_args,
    make_result,
    normalise_max,
    object_sum,
    values_per_object,
)
from kg.analysis.truth._patterns import fact_patterns
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.investment import _returns, next_pool
from kg.analysis.truth.result import TruthResult

__all__ = ["pooled_investment"]


def pooled_investment(
    dataset: TruthDataset, *, g: float = 1.4, max_iter: int = 10, tol: float = 1e-6
) -> TruthResult:
    """Rank facts by PooledInvestment.

    Args:
        dataset: the claims. ``fact_prior`` is the initial belief if given; otherwise each fact
            starts at ``1 / (number of values of its object)``.
        g: exponent of ``G(x) = x**g``; 1.4 as in the paper.
        max_iter: iteration budget (10, as the ``truthdiscovery`` package).
        tol: stop when no source's max-normalised trust moves by more than ``tol``.

    Returns:
        A :class:`TruthResult` with max-normalised ``confidence`` and ``trust``.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> ds = TruthDataset.from_triples(
        ...     [("s1", "o", "a"), ("s2", "o", "a"), ("s3", "o", "b"), ("s3", "p", "c")]
        ... )
        >>> pooled_investment(ds).values()
        {'o': 'b', 'p': 'c'}

        ``s3`` is the only source on ``p``, so that pool pays it back in full and its trust
        outgrows that of ``s1`` and ``s2``, who share ``a``: the rich-get-richer effect that
        the growth exponent ``g`` amplifies.
    """
    check_iteration_args(max_iter, tol)
    # The sparse products run on one column per set of sources, weighted by its number of facts
    # (see ``sums``); the pooling within each object is per fact.
    pat = fact_patterns(dataset.claims)
    x = pat.claims
    xt = x.T
    counts = np.maximum(x @ pat.size, 1)
    fo, n_obj = dataset.fact_object, dataset.n_objects
    if dataset.fact_prior is not None:
        belief = dataset.fact_prior.astype(float)
    else:
        belief = 1.0 / values_per_object(dataset)[fo]
    mass = pat.totals(belief)
    trust = np.ones(dataset.n_sources)
    converged = False
    iterations = 0
    pool = xt @ (trust / counts)
    # Per-fact buffers reused by every iteration: a fresh array of Flight's 397k facts costs
    # about as much as the arithmetic on it.
    fact_buf = np.empty(dataset.n_facts)
    belief = np.empty(dataset.n_facts)
    top = 1.0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        new_trust = _returns(x, trust, counts, mass, pool)
        linear = xt @ (new_trust / counts)
        pool = next_pool(linear, new_trust)
        grown = linear**g
        pooled = object_sum(pat.expand(grown, out=fact_buf), fo, n_obj)
        # An object whose values attract no investment pays nothing (its grown are all 0).
        pooled[pooled == 0] = np.inf
        # B(c) = H(c) G(H(c)) / sum_{d in M(c)} G(H(d)), before the max-normalisation, which
        # is applied to the (per-pattern) mass only, and to the belief once, at the end.
        pat.expand(linear * grown, out=belief)
        belief /= np.take(pooled, fo, out=fact_buf, mode="clip")
        top = belief.max(initial=0.0)
        mass = pat.totals(belief) / (top if top > 0 else 1.0)
        new_trust = normalise_max(new_trust)
        delta = np.abs(new_trust - trust).max(initial=0.0)
        trust = new_trust
        if delta < tol:
            converged = True
            break
    if top > 0:
        belief /= top
    return make_result("pooled_investment", dataset, belief, trust, iterations, converged)
