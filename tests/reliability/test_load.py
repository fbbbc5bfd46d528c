"""Load (issue #7, section 3), scaled down: concurrent clients and one writer against a real
``kg serve`` process, with a timeout probe. Slow: run with ``pytest -m slow tests/reliability``.

The full run (50 clients for 60 s) is ``benchmarks/reliability/load.py``; this test runs the
same script for 20 s with 20 clients and checks the pass criteria on what it recorded.
"""

from __future__ import annotations

import pytest

from tests.reliability.script_report import run_script

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("load")
    return run_script(
        "load.py",
        ["--seconds", "20", "--clients", "20", "--triples", "20000", "--work", str(work / "run")],
        work,
        timeout=900,
    )


def test_every_request_kind_was_exercised_without_errors(report: dict) -> None:
    kinds = report["by_kind"]
    assert set(kinds) == {"question", "sparql", "graph", "claims", "claim", "write"}
    for kind, figures in kinds.items():
        assert figures["requests"] > 0, kind
        assert set(figures["outcomes"]) <= {"200", "201"}, (kind, figures["outcomes"])
    assert report["failures"] == 0, report["errors"]


def test_no_acknowledged_write_is_lost(report: dict) -> None:
    acked = report["writes_acknowledged"]
    assert acked > 0
    assert report["writes_visible_via_api"] == acked
    assert report["writes_in_store_after_stop"] == acked


def test_the_query_timeout_holds_under_load(report: dict) -> None:
    probes = report["probes"]
    assert probes
    limit = report["query_timeout_s"] + report["probe_margin_s"]
    for probe in probes:
        assert probe["status"] == "503" and probe["code"] in ("query_timeout", "busy"), probe
        assert probe["seconds"] <= limit, probe
