"""Investment (Pasternack & Roth, COLING 2010).

Each source invests its trust uniformly in the facts it asserts; a fact's belief is the total
investment it attracted, grown by the non-linear ``G(x) = x**g`` (``g = 1.2`` in the paper); each
source is paid back from every fact in proportion to its share of that fact's investment::

    T(s) = sum_{c in C(s)} B(c) * (T'(s)/|C(s)|) / sum_{r in S(c)} T'(r)/|C(r)|
    B(c) = G(sum_{s in S(c)} T(s)/|C(s)|)

with trust and belief divided by their maxima after each step.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import (
    check_iteration_args,
    make_result,
    normalise_max,
    object_sum,
)
from kg.analysis.truth._patterns import FactPatterns, fact_patterns
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["investment"]


def investment(
    dataset: TruthDataset, *, g: float = 1.2, max_iter: int = 20, tol: float = 1e-6
) -> TruthResult:
    """Rank facts by Investment.

    Args:
        dataset: the claims. ``fact_prior`` is the initial belief if given; otherwise each fact
            starts at its share of its object's votes (the peer's "voted" prior).
        g: exponent of the belief growth function ``G(x) = x**g``; 1.2 as in the paper.
        max_iter: iteration budget (20, as the ``truthdiscovery`` package).
        tol: stop when no source's max-normalised trust moves by more than ``tol``.

    Returns:
        A :class:`TruthResult` with max-normalised ``confidence`` and ``trust``.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> ds = TruthDataset.from_triples(
        ...     [("s1", "o", "a"), ("s2", "o", "a"), ("s3", "o", "b"), ("s3", "p", "c")]
        ... )
        >>> investment(ds).values()
        {'o': 'a', 'p': 'c'}
    """
    check_iteration_args(max_iter, tol)
    # One column per set of sources, weighted by its number of facts: see ``sums``. Only the
    # initial belief differs between the facts of one pattern; ``mass`` (the total belief of
    # each pattern's facts) carries it into the first returns.
    pat = fact_patterns(dataset.claims)
    x = pat.claims
    xt = x.T
    counts = np.maximum(x @ pat.size, 1)
    mass = pat.totals(_initial_belief(dataset, pat))
    trust = np.ones(dataset.n_sources)
    converged = False
    iterations = 0
    pool = xt @ (trust / counts)
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        new_trust = _returns(x, trust, counts, mass, pool)
        linear = xt @ (new_trust / counts)
        belief = linear**g
        pool = next_pool(linear, new_trust)
        new_trust = normalise_max(new_trust)
        belief = normalise_max(belief)
        mass = pat.size * belief
        delta = np.abs(new_trust - trust).max(initial=0.0)
        trust = new_trust
        if delta < tol:
            converged = True
            break
    return make_result("investment", dataset, pat.expand(belief), trust, iterations, converged)


def _initial_belief(ds: TruthDataset, pat: FactPatterns) -> np.ndarray:
    """Each fact's share of its object's votes (or ``fact_prior``)."""
    if ds.fact_prior is not None:
        return ds.fact_prior.astype(float)
    # A fact's votes are the sources of its pattern.
    votes = pat.expand(pat.claims.T @ np.ones(ds.n_sources))
    return votes / object_sum(votes, ds.fact_object, ds.n_objects)[ds.fact_object]


def _returns(
    x: sp.csr_array,
    trust: np.ndarray,
    counts: np.ndarray,
    mass: np.ndarray,
    pool: np.ndarray,
) -> np.ndarray:
    """New trust: each source's share of the belief of the facts it invested in.

    ``x`` is the pattern matrix, ``mass`` the total belief of each pattern's facts and ``pool``
    the investment in each of its facts, ``x.T @ (trust / counts)``.
    """
    # A fact nobody invests in any more (all its sources at trust 0) pays nothing back; the
    # peer stops the whole run in that case, we only skip the fact.
    per_unit = np.divide(mass, pool, out=np.zeros_like(mass), where=pool > 0)
    return (trust / counts) * (x @ per_unit)


def next_pool(linear: np.ndarray, new_trust: np.ndarray) -> np.ndarray:
    """The next iteration's investment pool, from this iteration's ``xt @ (new_trust/counts)``.

    The next pool is the same product on the max-normalised trust, i.e. ``linear`` divided by
    the same maximum: one sparse product per iteration saved (equal up to rounding).
    """
    top = new_trust.max(initial=0.0)
    return linear / top if top > 0 else linear
