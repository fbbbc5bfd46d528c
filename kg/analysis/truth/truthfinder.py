"""TruthFinder (Yin, Han & Yu, "Truth Discovery with Multiple Conflicting Information Providers
on the Web", KDD 2007).

A source's trustworthiness ``t(s)`` is the average confidence of its facts; a fact's confidence
score is the sum of ``tau(s) = -ln(1 - t(s))`` over its sources, adjusted by the scores of the
other values of its object through an implication ``imp(f' -> f)`` in ``[-1, 1]``::

    sigma*(f) = sigma(f) + rho * sum_{f' of the same object} imp(f' -> f) * sigma(f')
    s(f)      = 1 / (1 + exp(-gamma * sigma*(f)))

``gamma`` (0.3) dampens the assumption that sources are independent, ``rho`` (0.5) weighs the
implication, every source starts at ``t0 = 0.9``, and the iteration stops when the trust vector
turns by less than ``tol`` in cosine (``1 - cos(t_new, t_old) < tol``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import check_iteration_args, claims_per_source, make_result
from kg.analysis.truth.dataset import TruthDataset
from kg.analysis.truth.result import TruthResult

__all__ = ["truthfinder"]

#: ``implication(object, from_value, to_value)`` -> ``imp(from -> to)`` in ``[-1, 1]``, or
#: ``None`` for no influence. For a similarity ``sim`` in ``[0, 1]`` the paper uses
#: ``sim(from, to) - base_sim`` with ``base_sim = 0.5``.
Implication = Callable[[str, str, str], float | None]

# Trust exactly 1 would make tau infinite. Keeping it a hair below 1 lets a source whose every
# fact is certain keep the largest finite weight instead of stopping the run.
_MAX_TRUST = 1.0 - 1e-12


def truthfinder(
    dataset: TruthDataset,
    *,
    implication: Implication | None = None,
    initial_trust: float = 0.9,
    dampening: float = 0.3,
    influence: float = 0.5,
    max_iter: int = 100,
    tol: float = 1e-3,
) -> TruthResult:
    """Find facts with TruthFinder.

    Args:
        dataset: the claims (``fact_prior`` is not used: TruthFinder starts from trust).
        implication: optional ``implication(object, from_value, to_value)`` in ``[-1, 1]``; with
            none, the values of one object do not influence each other (only through trust).
        initial_trust: ``t0``, every source's starting trust (0.9 in the paper).
        dampening: ``gamma`` (0.3 in the paper).
        influence: ``rho``, the weight of the implication (0.5 in the paper).
        max_iter: iteration budget.
        tol: stop when ``1 - cos(t_new, t_old) < tol``; 1e-3 as in the ``truthdiscovery``
            package.

    Returns:
        A :class:`TruthResult`; ``confidence`` is ``s(f)`` in ``(0, 1]`` and ``trust`` is
        ``t(s)``. Each object's value is the one of highest ``s(f)``, compared on its log-odds
        ``gamma * sigma*(f)``: ``s(f)`` rounds to 1.0 once enough sources agree.

    Example:
        >>> from kg.analysis.truth import TruthDataset
        >>> ds = TruthDataset.from_triples(
        ...     [("s1", "o", "a"), ("s2", "o", "a"), ("s3", "o", "b")]
        ... )
        >>> r = truthfinder(ds)
        >>> r.values(), r.converged
        ({'o': 'a'}, True)
    """
    check_iteration_args(max_iter, tol)
    if not 0.0 < initial_trust < 1.0:
        raise ValueError(f"initial_trust must be in (0, 1), got {initial_trust}")
    x = dataset.claims
    counts = np.maximum(claims_per_source(x), 1)
    # The transpose as a CSC view (no copy of the claims); a CSR copy only when the
    # implication has to be added to it.
    to_score: sp.sparray = x.T
    if implication is not None:
        imp = implication_matrix(dataset, implication)
        to_score = sp.csr_array(to_score + influence * (imp.T @ to_score))

    trust = np.full(dataset.n_sources, float(initial_trust))
    confidence = np.zeros(dataset.n_facts)
    log_odds = np.zeros(dataset.n_facts)
    converged = False
    iterations = 0
    for iterations in range(1, max_iter + 1):  # noqa: B007 - the count is reported
        tau = -np.log1p(-np.minimum(trust, _MAX_TRUST))
        log_odds = dampening * (to_score @ tau)
        confidence = 1.0 / (1.0 + np.exp(-log_odds))
        # Average confidence of each source's facts.
        new_trust = (x @ confidence) / counts
        change = _cosine_distance(new_trust, trust)
        trust = new_trust
        if change < tol:
            converged = True
            break
    # The value is chosen on the log-odds gamma * sigma*(f), which s(f) only squashes: once
    # several sources agree, s(f) of two values is within TIE_RTOL of 1 (Book: 14 sources at
    # 1 - 5.6e-10, 21 sources at 1 - 4.7e-11), and the tie rule would then pick the smaller
    # label instead of the paper's larger s(f).
    return make_result(
        "truthfinder", dataset, confidence, trust, iterations, converged, score=log_odds
    )


def implication_matrix(dataset: TruthDataset, implication: Implication) -> sp.csr_array:
    """The ``n_facts x n_facts`` array of ``imp(f1 -> f2)`` between values of one object.

    Built once, before iterating: one call of ``implication`` per ordered pair of values of an
    object.
    """
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    order = np.argsort(dataset.fact_object, kind="stable")
    bounds = np.flatnonzero(np.diff(dataset.fact_object[order])) + 1
    for group in np.split(order, bounds):
        if group.size < 2:
            continue
        obj = dataset.objects[int(dataset.fact_object[group[0]])]
        for f1 in group.tolist():
            for f2 in group.tolist():
                if f1 == f2:
                    continue
                value = implication(obj, dataset.fact_values[f1], dataset.fact_values[f2])
                if value is None:
                    continue
                if not -1.0 <= value <= 1.0:
                    raise ValueError(f"implication must be in [-1, 1], got {value} for {obj!r}")
                rows.append(f1)
                cols.append(f2)
                vals.append(float(value))
    return sp.csr_array((vals, (rows, cols)), shape=(dataset.n_facts, dataset.n_facts))


def _cosine_distance(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0:
        return 1.0
    return float(np.clip(1.0 - a @ b / (na * nb), 0.0, 1.0))
