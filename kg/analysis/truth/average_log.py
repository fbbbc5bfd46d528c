"""Average-Log (Pasternack & Roth, COLING 2010).

Like Sums, but a source's trust is the *average* belief of its facts times ``log |C_s|``, the log
of how many facts it asserts: many claims earn trust, but only logarithmically, so a prolific
source cannot outvote everyone by volume. A source with a single claim gets trust 0 (log 1 = 0),
as in the paper.
"""

from __future__ import annotations

import numpy as np

from kg.analysis.truth._common import check_iteration_args, make_result, normalise_max
from kg.analysis.truth._patterns import fact_patterns
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["average_log"]


def average_log(dataset: TruthDataset, *, max_iter: int = 20, tol: float = 1e-6) -> TruthResult:
    """Rank facts by Average-Log.

    Args:
        dataset: the claims; ``fact_prior`` is the initial belief if given (default 0.5).
        max_iter: iteration budget (20, as the ``truthdiscovery`` package).
        tol: stop when no source's max-normalised trust moves by more than ``tol``.

    Returns:
        A :class:`TruthResult` with max-normalised ``confidence`` and ``trust``.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> ds = TruthDataset.from_triples(
        ...     [("s1", "o", "a"), ("s1", "p", "c"), ("s2", "o", "b"), ("s3", "o", "b")]
        ... )
        >>> average_log(ds).values()
        {'o': 'a', 'p': 'c'}
    """
    check_iteration_args(max_iter, tol)
    # One column per set of sources, weighted by its number of facts: see ``sums``.
    pat = fact_patterns(dataset.claims)
    x = pat.claims
    xt = x.T
    counts = x @ pat.size
    weight = np.divide(
        np.log(np.maximum(counts, 1)), counts, out=np.zeros_like(counts), where=counts > 0
    )
    if dataset.fact_prior is not None:
        mass = pat.totals(dataset.fact_prior.astype(float))
    else:
        mass = 0.5 * pat.size
    trust = np.zeros(dataset.n_sources)
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        new_trust = normalise_max(weight * (x @ mass))
        belief = normalise_max(xt @ new_trust)
        mass = pat.size * belief
        delta = np.abs(new_trust - trust).max(initial=0.0)
        trust = new_trust
        if delta < tol:
            converged = True
            break
    return make_result("average_log", dataset, pat.expand(belief), trust, iterations, converged)
