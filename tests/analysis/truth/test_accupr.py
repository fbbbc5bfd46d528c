"""kg.analysis.accupr, the scale path of AccuCopy: the same numbers as AccuCopy without copy
detection, as its module docstring promises (a ``trust`` method names it when it runs)."""

from __future__ import annotations

import numpy as np
import pytest

from kg.analysis.accupr import accupr
from kg.analysis.truth import TruthDataset, accucopy

GROUPS = {"s0": "g", "s1": "g", "s4": "h", "s5": "h"}


def _binary_rows(seed: int) -> list[tuple[str, str, str]]:
    """Yes/no claims, as the product's datasets are (two facts per object at most)."""
    rng = np.random.default_rng(seed)
    return [(f"s{s}", f"o{o}", "false" if rng.random() < 0.3 else "true")
            for s in range(8) for o in range(10) if rng.random() < 0.6]


@pytest.mark.parametrize("known_groups", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_accupr_is_accucopy_without_copy_detection(seed, known_groups, make_random,
                                                   make_copied):
    for rows in (make_random(seed, n_sources=7), make_copied(seed), _binary_rows(seed)):
        ds = TruthDataset.from_triples(rows, source_groups=GROUPS)
        fast = accupr(ds, known_groups=known_groups)
        reference = accucopy(ds, known_groups=known_groups, detect_copying=False)
        np.testing.assert_allclose(fast.confidence, reference.confidence, rtol=1e-8, atol=1e-10)
        np.testing.assert_allclose(fast.trust, reference.trust, rtol=1e-8, atol=1e-10)
        assert fast.values() == reference.values()
        assert (fast.iterations, fast.converged) == (reference.iterations, reference.converged)


def test_known_groups_change_the_answer():
    # Not a vacuous cross-check: two members of one group outvote a lone source without the
    # groups, and are one vote with them.
    rows = [("gov1", "c", "true"), ("gov2", "c", "true"), ("ngo", "c", "false")]
    ds = TruthDataset.from_triples(rows, source_groups={"gov1": "g", "gov2": "g"})
    assert accupr(ds).values() == {"c": "true"}
    assert accupr(ds, known_groups=True).values() == {"c": "false"}
