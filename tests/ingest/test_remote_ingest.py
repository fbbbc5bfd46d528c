"""Ingest into a SPARQL endpoint: N-Quads text on the fast path, and the opt-in bulk URL
(``oxigraph serve``'s bulk loader, two batches in flight as on disk) keeping every guarantee
of the default ``INSERT DATA`` path: one clean copy after a resume or a rerun, bad input
located in the file, the records in the batch's own request (on the bulk URL, in the request
after the batch's text: a batch whose records failed is written again, which adds nothing)."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from kg.backends import open_store
from kg.backends.http import EndpointError
from kg.errors import StoreError
from kg.ingest import IngestProgress, IngestStopped, ingest_file
from kg.ingest.writes import writers
from kg.store import KnowledgeStore
from tests.ingest.conftest import E, data_quads, nt_lines


@pytest.fixture
def remote_store(oxigraph_endpoint: str) -> Iterator[KnowledgeStore]:
    """An empty remote store with the default path (``INSERT DATA``)."""
    store = open_store(oxigraph_endpoint)
    store.clear()
    try:
        yield store
    finally:
        store.close()


def _posts(store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The bodies POSTed to the bulk URL from now on."""
    sent: list[bytes] = []
    client = store.oxigraph.client
    post = client.post_nquads
    monkeypatch.setattr(client, "post_nquads", lambda data: (sent.append(data), post(data)))
    return sent


def test_bulk_ingest_resumed_and_rerun_gives_one_clean_copy(
    bulk_store: KnowledgeStore, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert writers(bulk_store) == 2
    nt = write("a.nt", nt_lines(40, blank_every=9))
    clean = KnowledgeStore()
    ingest_file(clean, nt, batch_size=7)
    sent = _posts(bulk_store, monkeypatch)

    def stop_after_two(event: IngestProgress) -> None:
        if event.batch == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_file(bulk_store, nt, batch_size=7, progress=stop_after_two)
    # Two batches in flight, as on disk: batch 3 was being written when the interrupt came
    # after batch 2, and it is committed, so the resume starts after it.
    resumed = ingest_file(bulk_store, nt, batch_size=7, resume=True)
    assert (resumed.skipped_batches, resumed.total_quads, resumed.complete) == (3, 40, True)
    ingest_file(bulk_store, nt, batch_size=5)  # a rerun at another batch size: adds nothing
    assert data_quads(bulk_store) == data_quads(clean)
    # Each POST is a batch with its record, or a run's completion record (two runs ended).
    kinds = [(b"ingest#quadsDone>" in body, b"ingest#complete>" in body) for body in sent]
    assert all(batch != done for batch, done in kinds)
    assert sum(done for _, done in kinds) == 2
    assert sum(batch for batch, _ in kinds) >= 3 + 3 + 8


def test_records_that_fail_after_the_text_leave_the_batch_to_write_again(
    bulk_store: KnowledgeStore, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the bulk URL a batch's text and its records are two requests: when the second
    fails, the batch counts as not written, and the resume writes it again (a set of
    triples: nothing doubles)."""
    nt = write("a.nt", nt_lines(30))
    clean = KnowledgeStore()
    ingest_file(clean, nt, batch_size=10)
    client = bulk_store.oxigraph.client
    post = client.post_nquads
    calls: list[bytes] = []

    def fail_second_batch(data: bytes) -> None:
        calls.append(data)
        if b"ingest#quadsDone>" in data and b'"20"' in data:
            raise EndpointError("connection reset while sending the records")
        post(data)

    monkeypatch.setattr(client, "post_nquads", fail_second_batch)
    with pytest.raises(StoreError, match="connection reset"):
        ingest_file(bulk_store, nt, batch_size=10)
    assert any(b'"20"' in body for body in calls)  # the failure came where it was meant to
    assert len(data_quads(bulk_store)) >= 20  # the second batch's triples are in, unrecorded
    monkeypatch.setattr(client, "post_nquads", post)
    resumed = ingest_file(bulk_store, nt, batch_size=10, resume=True)
    assert resumed.complete and resumed.total_quads == 30
    assert data_quads(bulk_store) == data_quads(clean)


def test_bulk_ingest_stops_at_a_bad_line_naming_it(bulk_store: KnowledgeStore, write) -> None:
    lines = nt_lines(20)
    lines[12] = f"<{E}s12> <{E}p> <not an iri> .\n"
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(bulk_store, write("bad.nt", lines), batch_size=5)
    assert stopped.value.cause.location.line == 13
    assert stopped.value.cause.location.source.endswith("bad.nt")
    report = stopped.value.report
    assert report.total_quads == 10
    # Batch 4 (lines 16-20) was written alongside the bad batch 3: the report names it.
    assert report.written_after_stop == (4,)
    assert len(data_quads(bulk_store)) == 15


@pytest.mark.parametrize("kind", ["remote_store", "bulk_store"])
def test_nquads_with_graph_names_land_in_their_graphs(
    kind: str, request: pytest.FixtureRequest, write
) -> None:
    """A fast-path N-Quads batch is not N-Triples: it is written quad by quad instead."""
    store: KnowledgeStore = request.getfixturevalue(kind)
    lines = [f"<{E}s{n}> <{E}p> <{E}o{n}> <{E}g{n % 2}> .\n" for n in range(6)]
    lines += [f"<{E}s{n}> <{E}p> <{E}o{n}> .\n" for n in range(6, 9)]
    path = write("a.nq", lines)
    clean = KnowledgeStore()
    ingest_file(clean, path, batch_size=4)
    report = ingest_file(store, path, batch_size=4)
    assert (report.quads, report.complete) == (9, True)
    assert data_quads(store) == data_quads(clean)
    graphs = {q.graph_name for q in store.quads()}
    assert {ox.NamedNode(f"{E}g0"), ox.NamedNode(f"{E}g1"), ox.DefaultGraph()} <= graphs


def test_a_bad_nquads_line_is_located_in_the_file(remote_store: KnowledgeStore, write) -> None:
    lines = [f"<{E}s{n}> <{E}p> <{E}o> <{E}g> .\n" for n in range(9)]
    lines[6] = f'<{E}s6> <{E}p> "unterminated <{E}g> .\n'
    with pytest.raises(IngestStopped) as stopped:
        ingest_file(remote_store, write("bad.nq", lines), batch_size=4)
    assert stopped.value.cause.location.line == 7
    assert stopped.value.report.total_quads == 4


def test_kg_ingest_takes_the_bulk_url_from_the_environment(
    oxigraph_endpoint: str, write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from api.cli import app

    posted: list[str] = []
    real = open_store

    def spy(spec: object = None, **options: object) -> KnowledgeStore:
        posted.append(str(options.get("bulk_url")))
        return real(spec, **options)  # type: ignore[arg-type]

    monkeypatch.setattr("kg.backends.open_store", spy)
    bulk_url = oxigraph_endpoint.removesuffix("/query") + "/store?no_transaction"
    monkeypatch.setenv("KG_STORE_BULK_URL", bulk_url)
    path = write("a.nt", nt_lines(12))
    with open_store(oxigraph_endpoint) as store:
        store.clear()
    result = CliRunner().invoke(
        app, ["ingest", str(path), "--store", oxigraph_endpoint, "--batch-size", "5"]
    )
    assert result.exit_code == 0, result.stderr
    assert f"{path}: ingested batches 1..3 (12 quads, nt)" in result.stdout
    assert posted == [bulk_url]
    with open_store(oxigraph_endpoint) as store:
        assert len(data_quads(store)) == 12
