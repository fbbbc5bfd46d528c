"""Running a reliability benchmark script, scaled down, and reading the JSON it records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks" / "reliability"


def run_script(name: str, args: list[str], work: Path, timeout: float) -> dict:
    """Run ``benchmarks/reliability/NAME`` with ``args`` plus ``--json``; its results."""
    out = work / "results.json"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert out.exists(), done.stderr[-2000:]
    return json.loads(out.read_text())
