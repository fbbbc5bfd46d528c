"""kg.ingest.ingest_file: batches, blank node identity, reruns, stops, resume, progress."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import LimitExceededError, RdfSyntaxError, UnsupportedFormatError
from kg.ingest import IngestProgress, IngestStopped, ingest_file
from kg.namespaces import INGEST_GRAPH
from kg.rdfio import Limits, parse_bytes
from kg.store import KnowledgeStore
from tests.ingest.conftest import E, data_quads, nt_lines

TURTLE = f"""@prefix e: <{E}> .
e:a e:p [ e:q 1 ; e:r [ e:q 2 ] ] .
e:b e:p ( 1 2 3 ) .
e:c e:p _:named .
_:named e:q "named" .
e:d e:p [ e:q 3 ] .
"""


def blank_nodes(store: KnowledgeStore) -> set[str]:
    return {
        t.value for q in store.quads() for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)
    }


@pytest.mark.parametrize("blank_every", [0, 7], ids=["fast path", "blank nodes"])
def test_every_batch_is_written_once(write, blank_every: int) -> None:
    path = write("a.nt", nt_lines(25, blank_every=blank_every))
    store = KnowledgeStore()
    report = ingest_file(store, path, batch_size=10)
    assert (report.first_batch, report.last_batch, report.quads, report.complete) == (
        1,
        3,
        25,
        True,
    )
    expected = {str(q) for q in parse_bytes(path.read_bytes(), "nt", source="a.nt")}
    if not blank_every:
        assert data_quads(store) == expected
    assert len(data_quads(store)) == 25


def test_a_blank_node_is_one_node_across_batches(write) -> None:
    # _:x is on lines 1, 8, 15 and 22: in batches 1, 2, 3 and 5 of 5 lines.
    store = KnowledgeStore()
    ingest_file(store, write("a.nt", nt_lines(25, blank_every=7)), batch_size=5)
    assert len(blank_nodes(store)) == 1
    subjects = {q.subject.value for q in store.quads() if isinstance(q.object, ox.BlankNode)}
    assert subjects == {f"{E}s0", f"{E}s7", f"{E}s14", f"{E}s21"}


@pytest.mark.parametrize(
    "name, text, blanks",
    [
        ("a.nt", nt_lines(30, blank_every=4), 1),
        # Three anonymous nodes, the collection's three cells and _:named.
        ("a.ttl", TURTLE, 7),
    ],
)
def test_a_rerun_adds_nothing_blank_nodes_included(
    write, name: str, text: str, blanks: int
) -> None:
    path = write(name, text)
    store = KnowledgeStore()
    ingest_file(store, path, batch_size=4)
    first = data_quads(store)
    assert len(blank_nodes(store)) == blanks
    again = ingest_file(store, path, batch_size=3)  # another batch size: same quads
    assert again.complete and again.quads == len(first)
    assert data_quads(store) == first
    assert len(blank_nodes(store)) == blanks


def test_two_files_never_share_a_blank_node(write) -> None:
    store = KnowledgeStore()
    ingest_file(store, write("a.nt", nt_lines(3, blank_every=1)))
    ingest_file(store, write("b.nt", [f"<{E}other> <{E}p> _:x .\n"]))
    assert len(blank_nodes(store)) == 2


@pytest.mark.parametrize("blank_every", [0, 3], ids=["fast path", "blank nodes"])
def test_a_syntax_error_leaves_the_earlier_batches_and_nothing_after(
    write, blank_every: int
) -> None:
    lines = nt_lines(25, blank_every=blank_every)
    lines[16] = f"<{E}s16> <{E}p> .\n"  # line 17, in batch 4 (lines 16-20)
    path = write("bad.nt", lines)
    store = KnowledgeStore()
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(store, path, batch_size=5)
    error = stopped.value
    assert isinstance(error.cause, RdfSyntaxError)
    assert (error.cause.location.line, error.cause.location.column) == (17, 39)
    assert (error.report.last_batch, error.report.total_quads) == (3, 15)
    assert str(error).startswith(
        f"{path}: loaded batches 1..3 (15 quads); stopped at {path}:17:39: invalid N-Triples"
    )
    assert str(error).endswith("nothing after it was loaded")
    subjects = {q.subject.value for q in store.quads() if q.subject.value.startswith(E)}
    # Batch 4 is all or nothing: line 16, before the error, is not in either.
    assert subjects == {f"{E}s{n}" for n in range(15)}


def test_a_turtle_syntax_error_names_its_line(write) -> None:
    path = write("bad.ttl", TURTLE + "e:z e:p .\n")
    store = KnowledgeStore()
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(store, path, batch_size=4)
    assert stopped.value.cause.location.line == 7
    # The parser stops on line 7: batches of 4 before the batch holding the error are in.
    assert stopped.value.report.total_quads == len(data_quads(store)) == 12


def test_a_literal_over_the_limit_stops_at_its_line(write) -> None:
    lines = nt_lines(12)
    lines[7] = f'<{E}s7> <{E}p> "{"x" * 50}" .\n'
    store = KnowledgeStore()
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(
            store, write("long.nt", lines), batch_size=5, limits=Limits(max_literal_chars=40)
        )
    assert isinstance(stopped.value.cause, LimitExceededError)
    assert stopped.value.cause.location.line == 8
    assert stopped.value.report.total_quads == 5


def test_progress_is_reported_after_each_committed_batch(write) -> None:
    path = write("a.nt", nt_lines(23))
    events: list[IngestProgress] = []
    ingest_file(KnowledgeStore(), path, batch_size=10, progress=events.append)
    assert [(e.batch, e.quads) for e in events] == [(0, 0), (1, 10), (2, 20), (3, 23)]
    size = path.stat().st_size
    assert [e.bytes_done for e in events][-1] == size
    assert all(e.bytes_total == size for e in events)
    assert [e.bytes_done for e in events] == sorted(e.bytes_done for e in events)


@pytest.mark.parametrize(
    "name, text", [("a.nt", nt_lines(40, blank_every=6)), ("a.ttl", TURTLE * 1)]
)
def test_resume_after_an_interruption_continues_where_it_stopped(
    write, name: str, text: str
) -> None:
    path = write(name, text)
    clean = KnowledgeStore()
    ingest_file(clean, path, batch_size=3)

    def interrupt(event: IngestProgress) -> None:
        if event.batch == 2:
            raise KeyboardInterrupt

    store = KnowledgeStore()
    with pytest.raises(KeyboardInterrupt):
        ingest_file(store, path, batch_size=3, progress=interrupt)
    resumed = ingest_file(store, path, batch_size=3, resume=True)
    assert (resumed.skipped_batches, resumed.first_batch, resumed.skipped_quads) == (2, 3, 6)
    assert resumed.total_quads == len(data_quads(clean))
    assert data_quads(store) == data_quads(clean)
    assert len(store) == len(clean)  # the bookkeeping too: same batches, same records


def test_resume_of_a_file_already_in_does_nothing(write) -> None:
    path = write("a.nt", nt_lines(9))
    store = KnowledgeStore()
    ingest_file(store, path, batch_size=4)
    size = len(store)
    again = ingest_file(store, path, batch_size=4, resume=True)
    assert (again.batches, again.skipped_batches, again.skipped_quads, again.complete) == (
        0,
        3,
        9,
        True,
    )
    assert len(store) == size


@pytest.mark.parametrize("name", ["a.jsonld", "a.rdf", "a.yaml"])
def test_formats_that_cannot_be_streamed_are_refused(write, name: str) -> None:
    with pytest.raises(UnsupportedFormatError, match="kg load"):
        ingest_file(KnowledgeStore(), write(name, ""))


def test_validate_reports_shape_violations_and_keeps_the_data(write) -> None:
    cred = "https://w3id.org/cred-kg/ns#"
    path = write(
        "claims.nt",
        [
            f"<{E}c1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{cred}FactualClaim> .\n",
            f'<{E}c2> <{cred}text> "Has a text" .\n',
            f"<{E}c2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{cred}FactualClaim> .\n",
        ],
    )
    store = KnowledgeStore()
    report = ingest_file(store, path, batch_size=1, validate=True)
    assert [(v.focus, v.severity) for v in report.violations] == [(f"{E}c1", "Violation")]
    assert report.complete and len(data_quads(store)) == 3


def test_a_blank_node_scope_keeps_blank_nodes_across_edited_files(write, tmp_path: Path) -> None:
    store = KnowledgeStore()
    ingest_file(store, write("v1.nt", nt_lines(4, blank_every=2)), blank_node_scope="dump")
    ingest_file(store, write("v2.nt", nt_lines(6, blank_every=2)), blank_node_scope="dump")
    assert len(blank_nodes(store)) == 1


def test_the_progress_records_stay_out_of_exports(write) -> None:
    path = write("a.nt", nt_lines(12))
    store = KnowledgeStore()
    ingest_file(store, path, batch_size=5)
    records = ox.NamedNode(INGEST_GRAPH)
    assert any(q.graph_name == records for q in store.quads())
    exported = parse_bytes(store.export("nquads"), "nquads", source="export.nq")
    assert {str(q) for q in exported} == data_quads(store)
    assert not any(q.graph_name == records for q in exported)


def test_a_failed_write_stops_the_reading_thread(write, monkeypatch) -> None:
    # Batches are read in a thread while the one before is written: when a write fails, the
    # reader stops and closes the file instead of waiting for ever with the next batch.
    import threading

    import kg.ingest as ingest
    from kg.errors import StoreError

    path = write("a.nt", nt_lines(100))
    store = KnowledgeStore()
    real = ingest._writer(store)
    calls = []

    def failing(batch, records):
        calls.append(batch)
        if len(calls) == 2:
            raise StoreError("disk full")
        real(batch, records)

    monkeypatch.setattr(ingest, "_writer", lambda _store: failing)
    with pytest.raises(StoreError, match="disk full"):
        ingest_file(store, path, batch_size=10)
    assert not [t for t in threading.enumerate() if t.name == "kg-ingest-reader"]
    subjects = {q.subject.value for q in store.quads() if q.subject.value.startswith(E)}
    assert subjects == {f"{E}s{n}" for n in range(10)}  # the first batch only
    assert len(calls) == 2


def test_the_resume_point_stops_at_the_first_missing_batch() -> None:
    # Two batches are written at once on disk: batch 3 can be in while batch 2 is not. The
    # resume point is the end of batch 1, so batch 2 is written and batch 3 again (a no-op);
    # records cut at another batch size count as the intervals they cover.
    from kg.ingest.records import Position, batch_record, committed

    store = KnowledgeStore()
    sha = "ab" * 32
    records = batch_record(sha, Position(1, 10, 100, 10), 10)
    records += batch_record(sha, Position(3, 30, 300, 30), 10)
    store.oxigraph.extend(records)
    assert committed(store, sha) == (Position(1, 10, 100, 10), False)
    # A rerun at batches of 15 lines wrote lines 11-25: batch 3 (lines 21-30) now follows on.
    store.oxigraph.extend(batch_record(sha, Position(1, 25, 250, 25), 15))
    assert committed(store, sha) == (Position(3, 30, 300, 30), False)


def test_a_reading_error_on_disk_counts_the_batch_still_being_written(write, tmp_path) -> None:
    # On disk a batch can still be in flight when the reader finds the next one bad: it is
    # committed, so the report must count it (batches 1..3 here, not 1..2).
    lines = nt_lines(25)
    lines[17] = f'<{E}s17> <{E}p> "{"x" * 50}" .\n'  # line 18, in batch 4
    with KnowledgeStore(tmp_path / "db") as store:
        with pytest.raises(IngestStopped) as stopped:
            ingest_file(
                store, write("long.nt", lines), batch_size=5, limits=Limits(max_literal_chars=40)
            )
        report = stopped.value.report
        assert stopped.value.cause.location.line == 18
        assert (report.last_batch, report.total_quads) == (3, 15)
        assert len(data_quads(store)) == 15


def test_the_default_batches_start_with_a_smaller_one(write, monkeypatch) -> None:
    import kg.ingest

    monkeypatch.setattr(kg.ingest, "DEFAULT_BATCH_SIZE", 16)  # the first: 16 // 8 = 2 lines
    path = write("a.nt", nt_lines(25))
    store = KnowledgeStore()
    report = ingest_file(store, path)
    assert (report.batches, report.quads, report.complete) == (3, 25, True)  # 2 + 16 + 7
    assert len(data_quads(store)) == 25
    resumed = ingest_file(store, path, resume=True)
    assert (resumed.batches, resumed.skipped_batches, resumed.complete) == (0, 3, True)
