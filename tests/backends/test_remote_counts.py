"""Counting the data of a remote store whose endpoint also holds graphs it did not write.

A user may point ``--store`` at a `kg serve`'s own ``/sparql``: that endpoint holds the
service's analysis graph but none of the registry this store keeps, so it is not a store
this tool wrote. Its data count must be what ``len`` counts (the registered graphs), never
the registered graphs minus graphs that are not registered (``-64,442`` was printed once).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _backends import open_backend

from kg.namespaces import ANALYSIS_GRAPH, INGEST_GRAPH
from kg.seed import seed_paths
from kg.store import KnowledgeStore


@pytest.fixture(params=["oxigraph-server", "virtuoso"])
def remote(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeStore]:
    with open_backend(request, request.param, tmp_path) as store:
        yield store


def test_graphs_the_store_did_not_write_are_not_taken_off_its_data(
    remote: KnowledgeStore,
) -> None:
    remote.load(seed_paths())
    data = len(remote)
    # Written straight to the endpoint, past the store's registry, as another program would.
    remote.oxigraph.client.update(
        f"INSERT DATA {{ GRAPH <{ANALYSIS_GRAPH}> {{ <urn:a> <urn:b> <urn:c> , <urn:d> }}"
        f" GRAPH <{INGEST_GRAPH}> {{ <urn:a> <urn:b> <urn:e> }} }}"
    )
    try:
        assert remote.graph_size(ANALYSIS_GRAPH) == 0
        assert remote.graph_size(INGEST_GRAPH) == 0
        assert remote.data_size() == data > 0
        assert remote.stats().quads == data
    finally:
        remote.oxigraph.client.update(
            f"DROP SILENT GRAPH <{ANALYSIS_GRAPH}> ; DROP SILENT GRAPH <{INGEST_GRAPH}>"
        )
