"""Bounded memory: the loader and guard cases of the catalogue, in a fresh process, raise its
peak resident set size by less than :data:`MAX_GROWTH_MIB` over the seed case alone.

A fresh process, because ``ru_maxrss`` is a high-water mark: in the test process, earlier
tests would have raised it already and hidden a bomb. Without the defences (entity expansion,
YAML aliases, the nesting limits), a single case costs gigabytes or kills the process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

MAX_GROWTH_MIB = 200
HERE = Path(__file__).parent


def test_hostile_inputs_stay_within_a_memory_bound() -> None:
    done = subprocess.run([sys.executable, str(HERE / "measure_memory.py")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    growth = report["peak_mib"] - report["baseline_mib"]
    assert growth < MAX_GROWTH_MIB, report
    # Every loader case was run, each in bounded time.
    assert len(report["seconds"]) >= 60
    assert max(report["seconds"].values()) < 10, report["seconds"]
