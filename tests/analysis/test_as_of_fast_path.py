"""The bulk path as of a date (:mod:`kg.analysis.as_of_columns`, :mod:`kg.analysis.as_of_details`)
gives what the records' filter gives (:func:`kg.analysis.as_of.case_as_of`, then the reference
analysis): the same numbers, explanations and report, on the seed case with the hand-made
as-of case, and on a synthetic graph whose statements, documents and evidence are dated."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from kg.analysis import Analysis, analyse, analyse_case
from kg.analysis.as_of_details import AsOfDetails
from kg.analysis.extract import read_case_graph
from kg.analysis.serialize import actor_to_dict, claim_to_dict
from kg.seed import seed_paths
from kg.store import KnowledgeStore

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[2]


def _synth_triples(tmp: Path) -> Path:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = synth
    spec.loader.exec_module(synth)
    path = tmp / "synth.nt"
    synth.main(["--statements", "600", "--claims", "80", "--actors", "60", "--states", "5",
                "--documents", "12", "--evidence", "40", "-o", str(path)])
    # Its statements all have dates of their own, and nothing else has one: take a third of
    # them away (those then take their document's), date half the documents (one by its
    # month only) and half the evidence, and give a few statements a second date and a
    # second document (the smallest date and the first document in IRI order count).
    base, date = synth.BASE, "<http://purl.org/dc/terms/date>"
    xsd = "^^<http://www.w3.org/2001/XMLSchema#date>"
    lines = []
    for line in path.read_text().splitlines(keepends=True):
        found = re.match(rf"<{re.escape(base)}statement/(\d+)> {date}", line)
        if not (found and int(found[1]) % 3 == 0):
            lines.append(line)
    for d in range(0, 12, 2):
        lines.append(f'<{base}document/{d}> {date} "2024-10-{1 + d * 2:02d}"{xsd} .\n')
    month = "^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
    lines.append(f'<{base}document/3> {date} "2024-10"{month} .\n')
    for e in range(0, 40, 2):
        lines.append(f'<{base}evidence/{e}> {date} "2024-10-{1 + e % 28:02d}"{xsd} .\n')
    for s in range(1, 60, 7):
        lines.append(f'<{base}statement/{s}> {date} "2024-09-30"{xsd} .\n')
        lines.append(f'<{base}statement/{s}> <https://w3id.org/cred-kg/ns#inDocument> '
                     f'<{base}document/0> .\n')
    path.write_text("".join(lines))
    return path


@pytest.fixture(scope="module", params=["seed", "synth"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> KnowledgeStore:
    store = KnowledgeStore()
    if request.param == "seed":
        store.load([*seed_paths(), *sorted(DATA.glob("as-of-*.yaml"))])
    else:
        store.load([_synth_triples(tmp_path_factory.mktemp("synth"))], validate=False)
    return store


def _everything(analysis: Analysis) -> tuple[object, ...]:
    return (
        analysis.claim_summaries(), analysis.actor_summaries(),
        [claim_to_dict(analysis, c) for c in analysis.claims.values()],
        [actor_to_dict(analysis, a) for a in analysis.actors.values()],
    )


@pytest.mark.parametrize("as_of", ["2023", "2024-10-05", "2024-10-18", "2024-10-20", "2024-10",
                                   "2030"])
@pytest.mark.parametrize("count_undated", [True, False])
def test_the_bulk_path_agrees_with_the_records(store: KnowledgeStore, as_of: str,
                                               count_undated: bool) -> None:
    fast = analyse(store, as_of=as_of, count_undated=count_undated)
    assert isinstance(fast.details, AsOfDetails)  # the bulk path, explanations from the store
    reference = analyse_case(read_case_graph(store), as_of=as_of, count_undated=count_undated)
    assert fast.as_of == reference.as_of
    assert fast.counts() == reference.counts()
    assert _everything(fast) == _everything(reference)


def test_the_graphs_have_dates_on_both_sides_of_the_cut_off(
    store: KnowledgeStore,
) -> None:
    # (else the test above would prove little)
    report = analyse(store, as_of="2024-10-20").as_of
    full = analyse(store).counts()["statements"]
    kept = analyse(store, as_of="2024-10-20").counts()["statements"]
    assert report is not None and report.statements_after > 0 and 0 < kept < full
    # dated by their documents, undated, and evidence on both sides
    assert report.statements_by_document_date > 0 and report.undated_statements > 0
    assert report.evidence_after > 0 and report.undated_evidence > 0
