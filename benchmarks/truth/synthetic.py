"""Product-like synthetic data for the scale benchmark of the default method.

Binary claims as the product builds them (``TruthDataset.from_stances``): ``n_sources`` actors
make ``n_rows`` affirm/deny statements on ``n_objects`` claims, one stance per actor and claim,
actor and claim drawn uniformly; each actor's accuracy is drawn from Beta(8, 2) (mean 0.8) and
each statement is right with that probability against a planted truth. The ``echo`` variant
adds echo chambers: a leader of accuracy 0.3 whose every stance is repeated by ``members``
accounts (which say nothing else).

    python benchmarks/truth/synthetic.py [--rows 1000000] [--chambers 200]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import numpy as np

from kg.analysis.truth import TruthDataset, discover, voting

__all__ = ["Synthetic", "make_synthetic", "run_synthetic", "trust_error"]


@dataclass(frozen=True)
class Synthetic:
    """Stance rows, the planted truth of each claim, the echo chambers' members, and each
    actor's planted accuracy (a chamber member's is its leader's: it repeats the leader)."""

    rows: list[tuple[str, str, str]]
    truth: dict[str, bool]
    chambers: list[set[str]]
    accuracy: dict[str, float]


def make_synthetic(
    n_rows: int = 1_000_000,
    n_sources: int = 25_000,
    n_objects: int = 125_000,
    chambers: int = 0,
    members: int = 15,
    seed: int = 0,
) -> Synthetic:
    """Random product-like stances (see the module docstring); deterministic for a seed."""
    rng = np.random.default_rng(seed)
    truth = rng.random(n_objects) < 0.5
    accuracy = rng.beta(8, 2, n_sources)
    accuracy[:chambers] = 0.3
    keys = np.unique(
        rng.integers(0, n_sources, n_rows).astype(np.int64) * n_objects
        + rng.integers(0, n_objects, n_rows)
    )
    source, obj = keys // n_objects, keys % n_objects
    says = np.where(rng.random(len(keys)) < accuracy[source], truth[obj], ~truth[obj])
    followers = rng.choice(np.arange(chambers, n_sources), (chambers, members), replace=False)
    keep = ~np.isin(source, followers)
    source, obj, says = source[keep], obj[keep], says[keep]
    extra_s, extra_o, extra_v = [source], [obj], [says]
    for leader in range(chambers):
        lead = source == leader
        for m in followers[leader].tolist():
            extra_s.append(np.full(int(lead.sum()), m))
            extra_o.append(obj[lead])
            extra_v.append(says[lead])
    source, obj, says = np.concatenate(extra_s), np.concatenate(extra_o), np.concatenate(extra_v)
    stance = np.where(says, "affirms", "denies")
    rows = list(
        zip(
            (f"a{s}" for s in source.tolist()),
            (f"c{o}" for o in obj.tolist()),
            stance.tolist(),
            strict=True,
        )
    )
    groups = [
        {f"a{leader}"} | {f"a{m}" for m in followers[leader].tolist()} for leader in range(chambers)
    ]
    planted = accuracy.copy()
    planted[followers.ravel()] = np.repeat(accuracy[:chambers], members)
    return Synthetic(
        rows,
        {f"c{o}": bool(t) for o, t in enumerate(truth.tolist())},
        groups,
        {f"a{s}": a for s, a in enumerate(planted.tolist())},
    )


def trust_error(data: Synthetic, trust: dict[str, float]) -> tuple[float, float]:
    """Mean of (trust - planted accuracy) and mean absolute difference, over the actors that
    have a trust: how well trust is calibrated as an accuracy, which the reliability grades
    read as one."""
    diff = np.array([t - data.accuracy[a] for a, t in trust.items()])
    return float(diff.mean()), float(np.abs(diff).mean())


def run_synthetic(data: Synthetic) -> dict:
    """Build the dataset, run the default and voting, and score them against the truth."""
    t0 = time.perf_counter()
    ds = TruthDataset.from_stances(data.rows)
    build_s = time.perf_counter() - t0
    out = {"rows": len(data.rows), "sources": ds.n_sources, "objects": ds.n_objects}
    out["build_s"] = build_s
    for name, method in (("discover (default)", discover), ("voting", voting)):
        t0, c0 = time.perf_counter(), time.process_time()
        result = method(ds)
        values = result.values()
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        correct = np.mean([(v == "true") == data.truth[o] for o, v in values.items()])
        out[name] = {
            "s": elapsed,
            "cpu_s": cpu,
            "acc": float(correct),
            "iterations": result.iterations,
        }
        if name == "discover (default)":
            out[name]["trust_bias"], out[name]["trust_mae"] = trust_error(
                data, result.source_trust()
            )
        if result.groups is not None:
            found = {
                frozenset(ds.sources[i] for i in np.flatnonzero(result.groups == g))
                for g in np.flatnonzero(np.bincount(result.groups) > 1).tolist()
            }
            out[name]["groups"] = len(found)
            out[name]["grouped_sources"] = sum(len(g) for g in found)
            out[name]["chambers_found"] = sum(frozenset(c) in found for c in data.chambers)
    out["chambers"] = len(data.chambers)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--chambers", type=int, default=200)
    args = parser.parse_args()
    for chambers in (0, args.chambers):
        print(chambers, run_synthetic(make_synthetic(args.rows, chambers=chambers)))


if __name__ == "__main__":
    main()
