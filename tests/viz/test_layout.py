"""The server-side layout: deterministic, finite, and spread out, on large graphs too."""

from __future__ import annotations

import random

import numpy as np
import pytest

from viz.layout import EXACT_LIMIT, force_layout


def _random_graph(n: int, seed: int = 1) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(n), rng.randrange(n)) for _ in range(2 * n)]


@pytest.mark.parametrize("n", [0, 1, 2, 30, EXACT_LIMIT + 50])
def test_positions_are_finite_and_distinct(n: int) -> None:
    pos = force_layout(n, _random_graph(n) if n else [])
    assert pos.shape == (n, 2)
    assert np.isfinite(pos).all()
    if n > 1:
        assert len({(round(x), round(y)) for x, y in pos.tolist()}) == n


def test_the_same_seed_gives_the_same_layout() -> None:
    edges = _random_graph(600)
    assert np.array_equal(force_layout(600, edges, seed=3), force_layout(600, edges, seed=3))
    assert not np.array_equal(force_layout(600, edges, seed=3),
                              force_layout(600, edges, seed=4))


def test_linked_nodes_end_up_closer_than_unlinked_ones() -> None:
    # Two cliques of ten joined by one edge: the cliques must come apart.
    edges = [(a, b) for a in range(10) for b in range(a + 1, 10)]
    edges += [(a + 10, b + 10) for a, b in edges] + [(0, 10)]
    pos = force_layout(20, edges, seed=0)
    inside = np.linalg.norm(pos[:10].mean(0) - pos[:10], axis=1).mean()
    apart = np.linalg.norm(pos[:10].mean(0) - pos[10:].mean(0))
    assert apart > 2 * inside


def test_weights_below_one_pull_less() -> None:
    edges = [(0, 1), (2, 3)]
    pos = force_layout(4, edges, weights=[1.0, 0.05], seed=0)
    assert np.linalg.norm(pos[0] - pos[1]) < np.linalg.norm(pos[2] - pos[3])


def test_five_thousand_nodes_are_laid_out_apart() -> None:
    # The approximate (grid) forces above EXACT_LIMIT; the build time of such a page is
    # measured by benchmarks/viz/run.py (the "build" column), not here.
    pos = force_layout(5000, _random_graph(5000))
    assert np.isfinite(pos).all()
    assert len({(round(x), round(y)) for x, y in pos.tolist()}) > 4990
