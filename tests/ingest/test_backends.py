"""The same ingest on every backend: memory, disk, and a SPARQL endpoint (oxigraph serve)."""

from __future__ import annotations

import pytest

from kg.ingest import IngestProgress, IngestStopped, ingest_file
from kg.store import KnowledgeStore
from tests.ingest.conftest import E, data_quads, nt_lines

TURTLE = f"@prefix e: <{E}> .\ne:a e:p [ e:q 1 ] , _:n .\n_:n e:q ( 1 2 ) .\n"


def test_ingest_rerun_and_resume_give_one_clean_copy(any_store: KnowledgeStore, write) -> None:
    nt = write("a.nt", nt_lines(40, blank_every=9))
    ttl = write("a.ttl", TURTLE)
    clean = KnowledgeStore()
    for path in (nt, ttl):
        ingest_file(clean, path, batch_size=7)

    def stop_after_two(event: IngestProgress) -> None:
        if event.batch == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_file(any_store, nt, batch_size=7, progress=stop_after_two)
    resumed = ingest_file(any_store, nt, batch_size=7, resume=True)
    # On disk two batches are written at once: batch 3 was in flight when the interrupt came
    # after batch 2, and it is committed, so the resume starts after it.
    in_before = 3 if any_store.kind == "disk" else 2
    assert (resumed.skipped_batches, resumed.total_quads) == (in_before, 40)
    ingest_file(any_store, ttl, batch_size=2)
    ingest_file(any_store, nt, batch_size=5)  # a rerun: adds nothing
    ingest_file(any_store, ttl, batch_size=3)
    assert data_quads(any_store) == data_quads(clean)


def test_a_syntax_error_keeps_the_batches_before_it(any_store: KnowledgeStore, write) -> None:
    lines = nt_lines(20)
    lines[12] = f"<{E}s12> <{E}p> <not an iri> .\n"
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(any_store, write("bad.nt", lines), batch_size=5)
    report = stopped.value.report
    assert stopped.value.cause.location.line == 13
    assert report.total_quads == 10
    if any_store.kind == "disk":
        # Batch 4 (lines 16-20) was written alongside the bad batch 3: the report names it.
        assert report.written_after_stop == (4,)
        assert "batch 4, written alongside it, also loaded" in str(stopped.value)
        assert len(data_quads(any_store)) == 15
    else:
        assert report.written_after_stop == ()
        assert len(data_quads(any_store)) == 10
