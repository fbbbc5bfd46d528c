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


def feed_rows(n_objects: int = 12) -> list[tuple[str, str, str]]:
    """Four sites repeat one feed, which is wrong on the second half of the objects; three
    independent sources are right everywhere except for one typo each."""
    typos = {("x", 0), ("y", 1), ("z", 2)}
    rows = []
    for k in range(n_objects):
        obj = f"o{k:02d}"
        rows += [(s, obj, "typo" if (s, k) in typos else "ok") for s in ("x", "y", "z")]
        rows += [(f"feed{i}", obj, "feed" if k >= n_objects // 2 else "ok") for i in range(4)]
    return rows


def copied_rows(seed: int, n_objects: int = 30) -> list[tuple[str, str, str]]:
    """Random sources, plus c0 (repeats s0), c1 (repeats two thirds of s0) and c2 (repeats s1
    on even objects and s2 on odd ones: a bridge between two sources that disagree)."""
    rng = np.random.default_rng(seed)
    rows = random_triples(seed, n_sources=6, n_objects=n_objects)
    said: dict[str, dict[str, str]] = {}
    for s, o, v in rows:
        said.setdefault(s, {})[o] = v
    for o, v in said.get("s0", {}).items():
        rows.append(("c0", o, v))
        if rng.random() < 2 / 3:
            rows.append(("c1", o, v))
    rows += [("c2", o, v) for o, v in said.get("s1", {}).items() if int(o[1:]) % 2 == 0]
    rows += [("c2", o, v) for o, v in said.get("s2", {}).items() if int(o[1:]) % 2 == 1]
    return rows


@pytest.fixture
def make_feed():
    """The :func:`feed_rows` generator."""
    return feed_rows


@pytest.fixture
def make_copied():
    """The :func:`copied_rows` generator, for tests parametrised by seed."""
    return copied_rows
