"""``SparqlEngine.write_batch``, the remote ingest's one request per batch, on every SPARQL
server under test (``oxigraph serve``; Virtuoso when ``KG_TEST_VIRTUOSO`` names one): an
N-Triples text sent as Oxigraph writes it again, checked before anything is sent, with its
records in the same request; and the opt-in bulk URL of ``oxigraph serve``, where the text goes
as it is (the server checks it) and the records after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from _backends import open_backend

from kg.backends import open_store, sparql_writes
from kg.backends import sparql as sparql_module
from kg.backends.http import BadRequest
from kg.backends.sparql import canonical_ntriples
from kg.errors import StoreError
from kg.store import KnowledgeStore

E = "https://e.org/"
RECORDS = ox.NamedNode(f"{E}records")
# Spacing, a comment, a literal holding "}", " ." and "#", escapes, a language tag, a datatype:
# all valid N-Triples, none of it as Oxigraph would write it.
TEXT = (
    f'<{E}a>   <{E}p>\t"x }} . # not a comment"@en .  # a comment\n'
    "# a line of comment\n"
    f'<{E}a> <{E}p> "line\\none \\"quoted\\" caf\\u00E9"^^<{E}t>.\n'
    f"<{E}b> <{E}p> <{E}a> .\n"
).encode()
RECORD = ox.Quad(ox.NamedNode(f"{E}file"), ox.NamedNode(f"{E}done"), ox.Literal("3"), RECORDS)


def _expected() -> set[ox.Quad]:
    parsed = set(ox.parse(TEXT, format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == 3  # the text is what the comment above says
    return parsed | {RECORD}


@pytest.fixture(params=["oxigraph-server", "virtuoso"])
def remote(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeStore]:
    """An empty remote store on each SPARQL server under test."""
    with open_backend(request, request.param, tmp_path) as store:
        yield store


def test_canonical_text_has_one_line_per_triple_ending_in_a_dot() -> None:
    canonical = canonical_ntriples(TEXT)
    # " .\n" ends each line and appears nowhere else (the bulk URL's graph goes there).
    assert canonical.count(b" .\n") == canonical.count(b"\n") == 3
    assert set(ox.parse(canonical, format=ox.RdfFormat.N_TRIPLES)) == set(
        ox.parse(TEXT, format=ox.RdfFormat.N_TRIPLES)
    )


def test_a_batch_and_its_records_go_in_as_the_text_says(remote: KnowledgeStore) -> None:
    remote.oxigraph.write_batch(TEXT, [RECORD])
    assert set(remote.quads()) == _expected()


def test_a_batch_that_is_not_ntriples_changes_nothing(remote: KnowledgeStore) -> None:
    remote.oxigraph.write_batch(TEXT, [RECORD])
    # Valid SPARQL once put in an INSERT DATA block: it must never reach the endpoint.
    injected = f"<{E}c> <{E}p> <{E}d> }} ; DROP ALL ; INSERT DATA {{ <{E}e> <{E}p> <{E}f> .\n"
    with pytest.raises(SyntaxError) as caught:
        remote.oxigraph.write_batch(TEXT + injected.encode(), [RECORD])
    assert caught.value.lineno == 5
    assert set(remote.quads()) == _expected()


def test_blank_nodes_in_a_batch_are_skolemised_and_read_back(remote: KnowledgeStore) -> None:
    remote.oxigraph.write_batch(f"<{E}a> <{E}p> _:n .\n_:n <{E}q> <{E}b> .\n".encode())
    quads = list(remote.quads())
    assert len(quads) == 2
    (node,) = {q.object for q in quads if q.object != ox.NamedNode(f"{E}b")}
    assert (
        isinstance(node, ox.BlankNode)
        and ox.Quad(node, ox.NamedNode(f"{E}q"), ox.NamedNode(f"{E}b")) in quads
    )


def test_the_bulk_url_writes_the_same_quads(bulk_store: KnowledgeStore, monkeypatch) -> None:
    client = bulk_store.oxigraph.client
    texts: list[tuple[bytes, str]] = []
    nquads: list[bytes] = []
    post_text, post_nquads = client.post_graph_ntriples, client.post_nquads
    monkeypatch.setattr(
        client,
        "post_graph_ntriples",
        lambda data, graph: (texts.append((data, graph)), post_text(data, graph)),
    )
    monkeypatch.setattr(
        client, "post_nquads", lambda data: (nquads.append(data), post_nquads(data))
    )
    bulk_store.oxigraph.write_batch(TEXT, [RECORD])
    # The text goes as the file has it (the server parses it), then the records.
    assert texts == [(TEXT, sparql_module.DEFAULT_GRAPH)]
    assert len(nquads) == 1 and str(RECORD.subject).encode() in nquads[0]
    assert set(bulk_store.quads()) == _expected()
    bulk_store.oxigraph.write_batch(TEXT, [RECORD])  # again: a set of quads, nothing doubled
    assert len(bulk_store) == 4


def test_a_bad_batch_through_the_bulk_url_is_located_and_changes_nothing(
    bulk_store: KnowledgeStore,
) -> None:
    bulk_store.oxigraph.write_batch(TEXT, [RECORD])
    bad = TEXT + f"<{E}c> <{E}p> <{E}d> .\n<{E}c> <{E}p> <not an iri> .\n".encode()
    with pytest.raises(SyntaxError) as caught:
        bulk_store.oxigraph.write_batch(
            bad, [ox.Quad(RECORD.subject, RECORD.predicate, ox.Literal("5"), RECORDS)]
        )
    assert caught.value.lineno == 6
    assert set(bulk_store.quads()) == _expected()


def test_a_batch_over_the_bulk_loaders_atomic_size_goes_as_insert_data(
    bulk_store: KnowledgeStore, monkeypatch
) -> None:
    monkeypatch.setattr(sparql_writes, "BULK_ATOMIC_QUADS", 5)

    def refuse(*args: object) -> None:
        raise AssertionError("posted to the bulk URL")

    monkeypatch.setattr(bulk_store.oxigraph.client, "post_nquads", refuse)
    monkeypatch.setattr(bulk_store.oxigraph.client, "post_graph_ntriples", refuse)
    bulk_store.oxigraph.write_batch(TEXT, [RECORD])
    assert set(bulk_store.quads()) == _expected()


def test_the_bulk_loader_loads_nothing_of_a_refused_post(bulk_store: KnowledgeStore) -> None:
    """What the bulk URL's atomicity rests on: ``oxigraph serve`` parses a whole POST before
    it writes any of it, so data whose last line is bad leaves the store as it was."""
    good = "".join(f"<{E}s{n}> <{E}p> <{E}o> <{E}g> .\n" for n in range(5000))
    with pytest.raises(BadRequest):
        bulk_store.oxigraph.client.post_nquads((good + f"<{E}s> <{E}p> .\n").encode())
    rows = bulk_store.query(f"ASK {{ GRAPH <{E}g> {{ ?s ?p ?o }} }}")
    assert not bool(rows)


def test_a_bulk_url_needs_a_remote_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="bulk URL"):
        open_store(tmp_path / "store", bulk_url="http://127.0.0.1:1/store")


def test_an_update_over_the_request_limit_goes_in_pieces(
    remote: KnowledgeStore, monkeypatch
) -> None:
    """A graph replacement too big for one request (the analysis graph at 10M triples passes
    ``oxigraph serve``'s 128 MiB) is sent in several, removals first, and ends the same."""
    graph = f"{E}big"
    first = [
        ox.Quad(
            ox.NamedNode(f"{E}s{n}"), ox.NamedNode(f"{E}p"), ox.Literal(str(n)), ox.NamedNode(graph)
        )
        for n in range(60)
    ]
    second = first[20:] + [
        ox.Quad(q.subject, q.predicate, ox.Literal("new"), q.graph_name) for q in first[:20]
    ]
    remote.replace_graph(graph, first)
    monkeypatch.setattr(sparql_writes, "MAX_UPDATE_CHARS", 1000)
    sent: list[str] = []
    client = remote.oxigraph.client
    update = client.update
    monkeypatch.setattr(client, "update", lambda text: (sent.append(text), update(text)))
    remote.replace_graph(graph, second)
    assert len(sent) >= 4 and all(len(text) < 2000 for text in sent)
    kinds = [text.split(" {", 1)[0] for text in sent]
    assert kinds == sorted(kinds)  # every DELETE DATA before the first INSERT DATA
    assert set(remote.quads()) == set(second)
