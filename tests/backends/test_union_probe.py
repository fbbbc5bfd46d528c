"""The probe that checks a remote store's union default graph leaves nothing behind.

On a store that holds none of this tool's data yet, the first write checks that the endpoint's
default graph is the union of its named graphs with a triple of its own, written into a fresh
graph and dropped at once. A process killed in between left that graph in the user's store for
good: no later start looked for it. Now the next start drops it, and only it; and a probe
dropped that way while another process was still using it is written again, not taken for a
server without the union.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

from kg.backends import open_store
from kg.backends.http import SparqlClient
from kg.backends.sparql import SparqlEngine
from kg.backends.sparql_union import PROBE_GRAPHS, UNION_PROBE


class Killed(BaseException):
    """The process ends here: nothing after it runs, not even a ``finally``'s request."""


@pytest.fixture(scope="module")
def server(oxigraph_server: Callable[..., AbstractContextManager[str]]) -> Iterator[str]:
    """An ``oxigraph serve --union-default-graph`` of this module's own."""
    with oxigraph_server("--union-default-graph") as url:
        yield url


@pytest.fixture
def endpoint(server: str) -> str:
    """The server, emptied."""
    SparqlClient(server, timeout=10).update("DROP SILENT ALL")
    return server


def _graphs(url: str) -> dict[str, int]:
    """Quads per graph of the whole server, whoever wrote them."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    with SparqlClient(url, timeout=10).query(
        query, accept="application/sparql-results+json"
    ) as answer:
        rows = json.loads(answer.read())["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def _engine(url: str) -> SparqlEngine:
    return SparqlEngine(SparqlClient(url, timeout=10))


def test_a_probe_left_by_a_killed_process_goes_at_the_next_start(endpoint: str) -> None:
    engine = _engine(endpoint)
    send = engine._send

    def killed_before_the_drop(text: str | bytes) -> None:
        if isinstance(text, str) and text.startswith("DROP SILENT GRAPH <" + PROBE_GRAPHS):
            raise Killed
        send(text)

    engine._send = killed_before_the_drop  # type: ignore[method-assign]
    with pytest.raises(Killed):
        engine.check_union(probe=True)
    (left,) = _graphs(endpoint)
    assert left.startswith(PROBE_GRAPHS)
    # Left, it is none of the store's data: not counted, listed or exported.
    store = open_store(endpoint)
    try:
        assert _graphs(endpoint) == {}  # the start dropped it
        assert len(store) == 0 and store.export("nquads") == b""
    finally:
        store.close()


def test_a_probe_another_start_drops_is_written_again(endpoint: str) -> None:
    """Process A writes its probe; B starts and drops it as a leftover before A reads it: A
    writes a new probe instead of calling the endpoint one without the union."""
    engine = _engine(endpoint)
    ask = engine._ask
    asked: list[str] = []

    def another_start_first(query: str) -> bool:
        if not asked:
            open_store(endpoint).close()  # process B's start
        asked.append(query)
        return ask(query)

    engine._ask = another_start_first  # type: ignore[method-assign]
    engine.check_union(probe=True)
    assert engine._union_checked
    assert len(asked) == 3  # the first probe, gone; whether it was still there; the second
    assert _graphs(endpoint) == {}


def test_the_clean_up_drops_only_probe_graphs(endpoint: str) -> None:
    """A graph that is not named as a probe stays, whatever it holds."""
    graph = "https://e.org/g"
    SparqlClient(endpoint, timeout=10).update(
        f"INSERT DATA {{ GRAPH <{graph}> {{ <{graph}> <{UNION_PROBE}> <{graph}> }} }}"
    )
    open_store(endpoint).close()
    assert _graphs(endpoint) == {graph: 1}


def test_the_first_write_leaves_only_its_data(endpoint: str) -> None:
    store = open_store(endpoint)
    try:
        store.load_bytes(b'<https://e.org/s> <https://e.org/p> "o" .', "nt", source="a.nt",
                         validate=False)
        assert len(store) == 1
    finally:
        store.close()
    assert not any(g.startswith(PROBE_GRAPHS) for g in _graphs(endpoint))
