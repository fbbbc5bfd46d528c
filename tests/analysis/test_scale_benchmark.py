"""The analysis-at-scale benchmark script (``benchmarks/analysis/run.py``) on tiny sizes: its
growth figures, its swap probe, and one end-to-end run on both stores."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "analysis" / "run.py"


@pytest.fixture(scope="module")
def run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("analysis_run", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _result(store: str, quads: int, seconds: list[float]) -> dict[str, object]:
    return {"store": store, "quads": quads, "wall": seconds}


def test_growth_is_measured_on_the_median_per_store(run: ModuleType) -> None:
    results = [
        _result("memory", 100_000, [1.0, 9.0, 1.0]),  # median 1
        _result("memory", 1_000_000, [10.0, 10.0, 1.0]),  # median 10: linear
        _result("disk", 100_000, [2.0]),
        _result("disk", 1_000_000, [200.0]),  # quadratic
    ]
    steps = run.growth(results)
    assert [(g["store"], g["from"], g["to"]) for g in steps] == [
        ("memory", 100_000, 1_000_000),
        ("disk", 100_000, 1_000_000),
    ]
    memory, disk = steps
    assert memory["time_ratio"] == pytest.approx(10.0)
    assert memory["exponent"] == pytest.approx(1.0)
    assert memory["nlogn_ratio"] == pytest.approx(10 * math.log(1e6) / math.log(1e5))
    assert disk["exponent"] == pytest.approx(2.0)


def test_growth_over_the_whole_range_is_given_after_the_steps(run: ModuleType) -> None:
    results = [
        _result("memory", 100_000, [1.0]),
        _result("memory", 1_000_000, [5.0]),
        _result("memory", 10_000_000, [100.0]),  # 20x in the last step
    ]
    steps = run.growth(results)
    assert [(g["from"], g["to"]) for g in steps] == [
        (100_000, 1_000_000),
        (1_000_000, 10_000_000),
        (100_000, 10_000_000),
    ]
    whole = steps[-1]
    assert whole["time_ratio"] == pytest.approx(100.0)
    assert whole["exponent"] == pytest.approx(1.0)
    assert whole["nlogn_ratio"] == pytest.approx(100 * math.log(1e7) / math.log(1e5))


def test_the_swap_probe_reads_the_kernel_counters(run: ModuleType) -> None:
    state = run.swap_state()
    assert set(state) == {"pswpin", "pswpout", "swap_total"}
    assert all(isinstance(v, int) and v >= 0 for v in state.values())


@pytest.mark.slow
def test_a_tiny_run_measures_both_stores(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--sizes",
            "2000",
            "4000",
            "--repeat",
            "2",
            "--stores",
            "memory",
            "disk",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    saved = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert [(r["store"], r["quads"] > 0) for r in saved] == [
        ("memory", True),
        ("disk", True),
        ("memory", True),
        ("disk", True),
    ]
    for r in saved:
        assert len(r["wall"]) == 2 and r["statements"] > 0
        assert r["peak_rss"] >= r["store_rss"] > 0
        assert r["process_peak_rss"] >= r["peak_rss"]
        assert r["swapped_out"] >= 0
    # Both stores read the same data the same way.
    by_store = {
        (r["store"], r["quads"]): (r["statements"], r["actors"], r["claims"]) for r in saved
    }
    for (store, quads), numbers in by_store.items():
        assert numbers == by_store[("memory", quads)], store
    assert "| memory | " in done.stdout and "| disk | " in done.stdout
    assert "exponent" in done.stdout
