"""Fixtures for the truth-discovery tests: small datasets whose answers are worked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from kg.analysis.truth import TruthDataset


@pytest.fixture
def three_sources() -> TruthDataset:
    """s1 and s2 say o1 = a, s3 says o1 = b; only s1 speaks about o2 (= c).

    Facts in column order: (o1, a), (o1, b), (o2, c).
    """
    return TruthDataset.from_triples(
        [("s1", "o1", "a"), ("s2", "o1", "a"), ("s3", "o1", "b"), ("s1", "o2", "c")]
    )


@pytest.fixture
def copier_rows() -> list[tuple[str, str, str]]:
    """Three independent sources, a liar, and a copier that repeats the liar's every value.

    Objects o1, o2: everyone agrees. o3, o4: the liar and its copier give the same wrong value.
    o5: s1 and s2 disagree with each other and with the liar/copier pair, so plain voting
    follows the pair (2 votes against 1 and 1).
    """
    rows = [(s, "o1", "a") for s in ("s1", "s2", "s3", "liar", "copier")]
    rows += [(s, "o2", "b") for s in ("s1", "s2", "s3", "liar", "copier")]
    rows += [("s1", "o3", "c"), ("s2", "o3", "c"), ("s3", "o3", "d")]
    rows += [("liar", "o3", "x"), ("copier", "o3", "x")]
    rows += [("s1", "o4", "e"), ("s2", "o4", "e"), ("s3", "o4", "e")]
    rows += [("liar", "o4", "y"), ("copier", "o4", "y")]
    rows += [("s1", "o5", "f"), ("s2", "o5", "g"), ("liar", "o5", "z"), ("copier", "o5", "z")]
    return rows


def random_triples(seed: int, n_sources: int = 6, n_objects: int = 8) -> list[tuple[str, str, str]]:
    """One value per (source, object) for ~70% of pairs, values skewed towards v0."""
    rng = np.random.default_rng(seed)
    rows = []
    for s in range(n_sources):
        for o in range(n_objects):
            if rng.random() < 0.7:
                value = int(rng.choice(4, p=[0.55, 0.25, 0.12, 0.08]))
                rows.append((f"s{s}", f"o{o}", f"v{value}"))
    return rows


@pytest.fixture
def make_random():
    """The :func:`random_triples` generator, for tests parametrised by seed."""
    return random_triples
