"""Crash safety (issue #7, section 2), scaled down: SIGKILL during ``kg load``, ``kg ingest``
and API writes, then check the store. Slow: run with ``pytest -m slow tests/reliability``.

The full run (10 load + 10 write + 5 ingest kills) is ``benchmarks/reliability/crash.py``;
this test runs the same script with fewer, smaller runs and checks what it found, run by run.
"""

from __future__ import annotations

import pytest

from tests.reliability.script_report import run_script

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("crash")
    return run_script(
        "crash.py",
        ["--load-runs", "3", "--write-runs", "2", "--ingest-runs", "2", "--triples", "30000",
         "--batch-size", "5000", "--seed", "7", "--work", str(work / "runs")],
        work,
        timeout=1200,
    )


def test_every_killed_load_left_all_or_nothing(report: dict) -> None:
    runs = report["load_runs"]
    assert len(runs) == 3
    for run in runs:
        assert run["opens"], run
        assert run["outcome"] in ("all", "none"), run
        assert run["analysis_unchanged"], run
        # A store left without the file takes the same load again, to the end.
        assert run.get("reload_after_crash", True), run


def test_every_acknowledged_write_survives_and_nothing_else_appears(report: dict) -> None:
    runs = report["write_runs"]
    assert len(runs) == 2
    for run in runs:
        assert run["acked"] > 0 and run["rejected"] == 0, run
        assert run["opens"] and run["acked_missing"] == [], run
        assert run["unexpected_graphs"] == [], run
        # Byte for byte the data of a fresh store given the same writes, so an in-flight
        # write is whole or absent.
        assert run["data_exact"] and run["blank_nodes"] == 0, run
        assert run["analysis_unchanged"] and run["restart_serves_same_claims"], run


def test_every_killed_ingest_kept_whole_batches_and_resumes(report: dict) -> None:
    runs = report["ingest_runs"]
    assert len(runs) == 2
    for run in runs:
        assert run["opens"] and run["whole_batches"] and run["nothing_else"], run
        assert run["analysis_unchanged"], run
        assert run["resume_completes"] and run["analysis_after_resume"], run


def test_the_summary_counts_every_run(report: dict) -> None:
    summary = report["summary"]
    assert summary["runs"] == 7 and summary["passed"] == 7
    assert summary["acknowledged_missing"] == 0
