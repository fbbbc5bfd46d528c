"""The result of :func:`kg.analysis.accupr.accupr` says it is AccuPr, the method that ran (it
said "accucopy", a method with copy detection, which AccuPr does not do), the name that
``kg grades --method accupr`` and ``/status`` show."""

from __future__ import annotations

import pytest

from kg.analysis import analyse
from kg.analysis.accupr import accupr
from kg.analysis.truth import TruthDataset
from kg.methods import METHOD_NAMES
from kg.seed import seed_paths
from kg.store import KnowledgeStore

ROWS = [("gov1", "c", "true"), ("gov2", "c", "true"), ("ngo", "c", "false")]


@pytest.mark.parametrize("known_groups", [False, True])
def test_the_result_is_labelled_accupr(known_groups: bool) -> None:
    ds = TruthDataset.from_triples(ROWS, source_groups={"gov1": "g", "gov2": "g"})
    result = accupr(ds, known_groups=known_groups)
    assert (result.method, result.dependence) == ("accupr", None)
    assert result.method in METHOD_NAMES


def test_the_label_is_the_method_the_analysis_reports() -> None:
    store = KnowledgeStore()
    store.load(seed_paths())
    analysis = analyse(store, method="accupr")
    assert analysis.trust.method == accupr(
        TruthDataset.from_triples(ROWS)).method == "accupr"
