"""The seed case, exported in every format, parses back to the same graph through pyoxigraph
and through rdflib (issue 2: "the seed case exported as Turtle round-trips (isomorphic) through
rdflib and through pyoxigraph, and so does every other format")."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.convert import to_rdflib
from kg.formats import RDF_FORMATS, Format
from kg.seed import seed_paths
from kg.store import KnowledgeStore

RDFLIB_NAMES = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nquads": "nquads",
                "jsonld": "json-ld", "rdfxml": "xml"}


@pytest.fixture(scope="module")
def seed_store() -> KnowledgeStore:
    store = KnowledgeStore()
    store.load(seed_paths())
    return store


def _graphs(dataset: rdflib.Dataset, keep_graphs: bool) -> dict[str, rdflib.Graph]:
    """Named graphs by name, or the union as one graph for triple formats."""
    result: dict[str, rdflib.Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        key = str(g) if keep_graphs and g is not None else "union"
        if key.endswith("DEFAULT") or key == "urn:x-rdflib:default":
            key = "union" if not keep_graphs else "default"
        result.setdefault(key, rdflib.Graph()).add((s, p, o))
    return result


def _same(a: dict[str, rdflib.Graph], b: dict[str, rdflib.Graph]) -> bool:
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_seed_round_trips_through_pyoxigraph(seed_store: KnowledgeStore, fmt: Format) -> None:
    data = seed_store.export(fmt)
    back = ox.Store()
    back.load(data, fmt.oxigraph)
    original = _graphs(to_rdflib(seed_store.quads()), fmt.named_graphs)
    assert sum(len(g) for g in original.values()) > 500
    assert _same(original, _graphs(to_rdflib(back), fmt.named_graphs))


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_seed_round_trips_through_rdflib(seed_store: KnowledgeStore, fmt: Format) -> None:
    data = seed_store.export(fmt)
    back = rdflib.Dataset()
    back.parse(data=data, format=RDFLIB_NAMES[fmt.name])
    original = _graphs(to_rdflib(seed_store.quads()), fmt.named_graphs)
    assert _same(original, _graphs(back, fmt.named_graphs))
