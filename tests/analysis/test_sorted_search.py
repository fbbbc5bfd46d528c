"""``sorted_search`` answers as ``np.searchsorted`` does, whatever the order of the queries,
on both sides of the size at which it starts sorting them."""

from __future__ import annotations

import numpy as np
import pytest

from kg.analysis import _hashing
from kg.analysis._hashing import sorted_search


@pytest.mark.parametrize("n_queries", [0, 1, 100, _hashing._SORT_QUERIES_ABOVE + 1, 50_000])
def test_it_gives_the_positions_searchsorted_gives(n_queries: int) -> None:
    rng = np.random.default_rng(n_queries)
    keys = np.sort(rng.integers(0, 1 << 40, 20_000, dtype=np.int64).astype(np.uint64))
    # Keys present (some many times), absent, and beyond both ends.
    query = np.concatenate(
        [
            rng.choice(keys, n_queries // 2),
            rng.integers(0, 1 << 41, n_queries - n_queries // 2, dtype=np.int64).astype(np.uint64),
        ]
    )
    rng.shuffle(query)
    got = sorted_search(keys, query)
    assert got.tolist() == np.searchsorted(keys, query).tolist()
