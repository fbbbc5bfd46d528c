"""How the groups' votes on an object are shared and ordered (private): helpers of
:mod:`~kg.analysis.truth.independent_accuracy` and its copy-bloc rule
(:mod:`~kg.analysis.truth.copy_blocs`)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from kg.analysis.truth._common import object_sum
from kg.analysis.truth.dataset import TruthDataset


def _concentration(ds: TruthDataset, fact: np.ndarray, share: np.ndarray) -> np.ndarray:
    """Chance that two groups drawn at random from those that speak to an object agree:
    ``sum_v q(v)^2``, with ``q(v)`` the share of the groups' votes on value ``v`` (``1 / D``,
    ``D`` the inverse Simpson index of the object's values)."""
    on_fact = np.bincount(fact, weights=share, minlength=ds.n_facts)
    total = object_sum(on_fact, ds.fact_object, ds.n_objects)
    squares = object_sum(on_fact**2, ds.fact_object, ds.n_objects)
    return squares / np.maximum(total, 1e-300) ** 2


def _group_shares(ds: TruthDataset, groups: np.ndarray, source: np.ndarray, fact: np.ndarray):
    """Each claim's share of its group's one vote on the object: 1 / (the group's claims on the
    object)."""
    group_object = groups[source] * ds.n_objects + ds.fact_object[fact]
    _, per_key, count = np.unique(group_object, return_inverse=True, return_counts=True)
    return 1.0 / count[per_key]


def _stable_order(key: np.ndarray, size: int) -> np.ndarray:
    """The permutation that sorts ``key`` (integers below ``size``), ties in their order: a
    counting sort, as scipy's CSR to CSC conversion of one row does it (``argsort`` takes
    several times longer on a million claims)."""
    n = len(key)
    row = sp.csr_array((np.arange(n, dtype=np.int64), key, np.array([0, n])), shape=(1, size))
    return row.tocsc().data
