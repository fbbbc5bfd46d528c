"""``ingest_file(validate=True)`` checks a file with what the store held about its subjects.

As the store's loader does (kg.shacl.touched, tests/test_store_touched.py): a file that
contradicts a stored claim has no violation, a second ``cred:text`` for a stored claim is one,
and a violation the stored data had on its own is not the file's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.ingest import IngestStopped, ingest_file
from kg.store import KnowledgeStore
from tests.ingest.conftest import data_quads

SMALL_CASE = Path(__file__).parents[1] / "data" / "valid" / "small-case.ttl"
ID = "https://w3id.org/cred-kg/id/"
CRED = "https://w3id.org/cred-kg/ns#"
TROOPS = f"<{ID}claim/troops>"
UNRELATED = f"<{ID}claim/unrelated>"
CONTRADICTS = f"<{CRED}contradicts>"
TEXT = f"<{CRED}text>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeStore]:
    """The small case (troops, many-troops, unrelated claims), validated, in memory or on
    disk."""
    with KnowledgeStore(None if request.param == "memory" else tmp_path / "db") as store:
        store.load([SMALL_CASE])
        yield store


def test_a_file_contradicting_a_stored_claim_has_no_violation(store, write) -> None:
    """Used to be reported: the stored claims, checked without their text and type."""
    path = write(
        "contra.nt",
        f"{TROOPS} {CONTRADICTS} {UNRELATED} .\n{UNRELATED} {CONTRADICTS} {TROOPS} .\n",
    )
    before = len(data_quads(store))
    report = ingest_file(store, path, validate=True)
    assert report.complete and report.quads == 2
    assert report.violations == ()
    assert len(data_quads(store)) == before + 2


def test_a_second_text_for_a_stored_claim_is_reported(store, write) -> None:
    path = write("text.nt", f'{TROOPS} {TEXT} "A second sentence." .\n')
    report = ingest_file(store, path, validate=True)
    assert [(v.focus, v.shape, v.severity) for v in report.violations] == [
        (f"{ID}claim/troops", "credsh:Claim-text-count", "Violation")
    ]
    # Reported, not undone: ingest writes first, as documented.
    assert report.complete and report.quads == 1


def test_the_same_text_again_is_not_a_second_text(store, write) -> None:
    [row] = store.query(f"SELECT ?t WHERE {{ {TROOPS} {TEXT} ?t }}")  # type: ignore[misc]
    path = write("same.nt", f"{TROOPS} {TEXT} {row['t']} .\n")
    assert ingest_file(store, path, validate=True).violations == ()


def test_a_violation_the_store_had_on_its_own_is_not_the_files(write) -> None:
    """Two texts ingested without validation; a later file that only contradicts the claim is
    not blamed for them, but a claim of its own without a text still is."""
    store = KnowledgeStore()
    ingest_file(
        store,
        write(
            "old.nt",
            f'{TROOPS} {TYPE} <{CRED}FactualClaim> .\n{TROOPS} {TEXT} "One." .\n'
            f'{TROOPS} {TEXT} "Two." .\n',
        ),
    )
    path = write(
        "new.nt",
        f"{TROOPS} {CONTRADICTS} {UNRELATED} .\n{UNRELATED} {TYPE} <{CRED}FactualClaim> .\n",
    )
    report = ingest_file(store, path, validate=True)
    assert [(v.focus, v.severity) for v in report.violations] == [
        (f"{ID}claim/unrelated", "Violation")
    ]


def test_with_validate_a_bad_file_still_stops_at_its_batch(write) -> None:
    """The file is read for its subjects before the first write; a syntax error found then
    does not stop the ingest early: the batches before it go in, as without validation."""
    path = write(
        "bad.nt",
        f'{TROOPS} {TEXT} "One." .\n{UNRELATED} {TEXT} "Two." .\n{TROOPS} {TEXT} oops .\n',
    )
    store = KnowledgeStore()
    with pytest.raises(IngestStopped) as caught:
        ingest_file(store, path, batch_size=2, validate=True)
    assert (caught.value.report.batches, caught.value.report.quads) == (1, 2)
    assert f"{path}:3:" in str(caught.value)
    assert len(data_quads(store)) == 2


def test_every_backend_sees_the_stored_description(any_store: KnowledgeStore, write) -> None:
    """The description is read with SPARQL, so a remote store gives it too."""
    any_store.load([SMALL_CASE])
    contra = write("contra.nt", f"{TROOPS} {CONTRADICTS} {UNRELATED} .\n")
    assert ingest_file(any_store, contra, validate=True).violations == ()
    text = write("text.nt", f'{TROOPS} {TEXT} "A second sentence." .\n')
    assert [v.focus for v in ingest_file(any_store, text, validate=True).violations] == [
        f"{ID}claim/troops"
    ]
