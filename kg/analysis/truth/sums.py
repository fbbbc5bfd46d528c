"""Sums (hubs and authorities) for truth discovery.

Kleinberg's hubs and authorities on the bipartite source-fact graph, as adapted by Pasternack &
Roth, "Knowing What to Believe (when you already know something)", COLING 2010: a source's trust
is the sum of the beliefs of its facts, a fact's belief the sum of the trust of its sources, both
divided by their maximum after each step so that they stay bounded.
"""

from __future__ import annotations

import numpy as np

from kg.analysis.truth._common import check_iteration_args, make_result, normalise_max
from kg.analysis.truth._patterns import fact_patterns
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["sums"]


def sums(dataset: TruthDataset, *, max_iter: int = 20, tol: float = 1e-6) -> TruthResult:
    """Rank facts by Sums (hubs and authorities).

    Args:
        dataset: the claims. ``dataset.fact_prior`` is the initial belief, if given; otherwise
            every fact starts at 0.5 (only the ratios matter).
        max_iter: iteration budget. The default, 20, is the fixed budget of the
            ``truthdiscovery`` package, so that results can be compared with it.
        tol: stop when no source's max-normalised trust moves by more than ``tol``.

    Returns:
        A :class:`TruthResult`; ``confidence`` and ``trust`` are max-normalised to 1.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> ds = TruthDataset.from_triples(
        ...     [("s1", "o", "a"), ("s2", "o", "a"), ("s2", "p", "c"), ("s3", "o", "b")]
        ... )
        >>> r = sums(ds)
        >>> r.values(), r.trust.round(3).tolist()
        ({'o': 'a', 'p': 'c'}, [0.618, 1.0, 0.0])

        ``s2`` asserts most believed facts, so it is the hub; ``s3``, alone on the losing value,
        fades towards 0 as the iteration converges on the principal eigenvector.
    """
    check_iteration_args(max_iter, tol)
    # Facts asserted by the same sources get the same belief at every step, so the iteration
    # runs on one column per source set, weighted by its number of facts (``_patterns``).
    pat = fact_patterns(dataset.claims)
    x = pat.claims
    # The transpose as a CSC view: its product is as fast as a CSR copy's.
    xt = x.T
    # ``mass``: the total belief of the facts of each pattern, what a source's sum adds up.
    if dataset.fact_prior is not None:
        mass = pat.totals(dataset.fact_prior.astype(float))
    else:
        mass = 0.5 * pat.size
    trust = np.zeros(dataset.n_sources)
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        new_trust = normalise_max(x @ mass)
        belief = normalise_max(xt @ new_trust)
        mass = pat.size * belief
        delta = np.abs(new_trust - trust).max(initial=0.0)
        trust = new_trust
        if delta < tol:
            converged = True
            break
    return make_result("sums", dataset, pat.expand(belief), trust, iterations, converged)
