"""``cred:statedBy`` read grouped by its actor on disk (kg.analysis.grouped_scan): the same rows
as the plain projection, whatever the chunks; the plain projection when a group cannot be split
back; and the same columns from an on-disk store as from an in-memory one (which reads the
plain projections) on graphs with every odd case."""

from __future__ import annotations

import numpy as np
import pyoxigraph as ox
import pytest
from random_cases import BASE, CRED, random_case, store_of_case

from kg.analysis import _tsv, analyse
from kg.analysis.columns import columns_from_case
from kg.analysis.extract import read_case_graph
from kg.analysis.grouped_scan import _QUERY, GroupedBuilder, fetch_grouped
from kg.analysis.store_columns import read_case_columns
from kg.store import KnowledgeStore

PLAIN = "SELECT ?s ?a WHERE { ?s cred:statedBy ?a }"

#: What only raw data holds, beside random_cases' own odd cases: an actor named by a literal
#: with spaces, another by a literal whose text is an actor's IRI (one actor, as the reader
#: keys terms by value; the same statement by that IRI), and a statement stated by two actors.
#: (Not a blank-node actor: a store renames blank nodes as it loads them, so its label differs
#: between the two stores compared.)
ODD = f"""
<{BASE}odd/1> <{CRED}statedBy> "Jane Q. Public" .
<{BASE}odd/1> <{CRED}about> <{BASE}c000> .
<{BASE}odd/1> <{CRED}stance> <{CRED}Affirms> .
<{BASE}odd/2> <{CRED}statedBy> "{BASE}a001" .
<{BASE}odd/2> <{CRED}about> <{BASE}c001> .
<{BASE}odd/2> <{CRED}stance> <{CRED}Denies> .
<{BASE}odd/3> <{CRED}statedBy> <{BASE}a001> .
<{BASE}odd/3> <{CRED}about> <{BASE}c002> .
<{BASE}odd/3> <{CRED}stance> <{CRED}Hedges> .
<{BASE}odd/4> <{CRED}statedBy> <{BASE}a002>, <{BASE}a003> .
<{BASE}odd/4> <{CRED}about> <{BASE}c003> .
<{BASE}odd/4> <{CRED}stance> <{CRED}Affirms> .
"""
#: A statement that is a blank node: STR of it is an error, so its actor's group is unbound.
BLANK = f"""
_:statement <{CRED}statedBy> <{BASE}a004> .
_:statement <{CRED}about> <{BASE}c004> .
_:statement <{CRED}stance> <{CRED}Affirms> .
"""


def rows(table: _tsv.Table) -> list[tuple[int, int, str | None]]:
    h1, h2 = table.hashes(0)
    return sorted(zip(h1.tolist(), h2.tolist(), table.texts(1, np.arange(table.n_rows)),
                      strict=True))


def case_store(seed: int, extra: str = "") -> ox.Store:
    store = store_of_case(random_case(seed, actors=30, claims=25, statements=120), seed)
    if extra:
        store.load(extra.encode(), format=ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("chunk_bytes", [1, 64, 1000, _tsv.CHUNK_BYTES])
@pytest.mark.parametrize("seed", range(3))
def test_the_grouped_rows_are_the_projections_rows(seed, chunk_bytes):
    store = case_store(seed, ODD)
    builder = GroupedBuilder(chunk_bytes=chunk_bytes)
    _tsv.run(store, _QUERY.format(predicate="cred:statedBy")).serialize(
        builder, format=ox.QueryResultsFormat.TSV)
    grouped = builder.finish()
    assert grouped is not None
    plain = _tsv.fetch(store, PLAIN, (0,))
    assert grouped.n_rows == plain.n_rows > 120  # a triple in both graphs is two rows in each
    assert rows(grouped) == rows(plain)
    assert not any(grouped.literal[0]) and grouped.literal[1].sum() == plain.literal[1].sum() == 2


def test_a_blank_node_statement_cannot_be_split_so_the_plain_projection_is_read():
    store = case_store(0, BLANK)
    assert fetch_grouped(store, "cred:statedBy") is None


def test_a_subject_with_a_space_cannot_be_split_so_the_plain_projection_is_read():
    # Only a lenient load keeps such an IRI; its group splits into one piece too many.
    store = case_store(1)
    store.load(f"<{BASE}odd statement> <{CRED}statedBy> <{BASE}a001> .".encode(),
               format=ox.RdfFormat.N_TRIPLES, lenient=True)
    assert fetch_grouped(store, "cred:statedBy") is None


def test_a_store_without_a_statement_gives_an_empty_table():
    table = fetch_grouped(ox.Store(), "cred:statedBy")
    assert table is not None and table.n_rows == 0 and table.variables == ("s", "o")


def statement_rows(columns, in_order: bool) -> list[tuple[int, int, int]]:
    rows = list(zip(columns.stmt_actor.tolist(), columns.stmt_claim.tolist(),
                    columns.stmt_stance.tolist(), strict=True))
    return rows if in_order else sorted(rows)


def _stores(seed: int, extra: str, tmp_path) -> dict[str, KnowledgeStore]:
    path = tmp_path / "case.nq"
    case_store(seed, extra).dump(output=str(path), format=ox.RdfFormat.N_QUADS)
    memory, disk = KnowledgeStore(), KnowledgeStore(tmp_path / "db")
    for store in (memory, disk):
        store.load([path], validate=False)
    return {"memory": memory, "disk": disk}


@pytest.mark.parametrize("extra", [ODD, ODD + BLANK], ids=["odd", "odd-and-blank"])
@pytest.mark.parametrize("seed", range(4))
def test_an_on_disk_store_is_read_as_an_in_memory_one(seed, extra, tmp_path, monkeypatch):
    read = []
    monkeypatch.setattr("kg.analysis.store_columns.fetch_grouped",
                        lambda *args: read.append(args) or fetch_grouped(*args))
    stores = _stores(seed, extra, tmp_path)
    memory, disk = (read_case_columns(stores[k]) for k in ("memory", "disk"))
    assert len(read) == 1  # on disk only
    reference = columns_from_case(read_case_graph(stores["memory"]))
    for name in ("actors", "claims", "evidence", "overrides"):
        assert getattr(disk, name) == getattr(memory, name) == getattr(reference, name), name
    for name in ("actor_parent", "actor_implicit", "claim_unjudgeable", "refines",
                 "contradicts", "evidence_prior", "evidence_owner", "evidence_supports",
                 "evidence_disputes"):
        assert np.array_equal(getattr(disk, name), getattr(memory, name)), name
    # Statement rows come in the order of the statements' hashes: the same order here, but for
    # a blank-node statement, which each store names differently as it loads it.
    in_order = extra == ODD
    assert statement_rows(disk, in_order) == statement_rows(memory, in_order)
    assert {"Jane Q. Public", f"{BASE}a001"} <= set(disk.actors)
    a001 = disk.actors.index(f"{BASE}a001")  # the literal is the IRI's actor
    assert (disk.stmt_actor == a001).sum() == (reference.stmt_actor == a001).sum()
    claims_memory = {c.iri: c for c in analyse(stores["memory"], method="voting")
                     .claim_summaries()}
    claims_disk = {c.iri: c for c in analyse(stores["disk"], method="voting").claim_summaries()}
    assert claims_disk == claims_memory
    for store in stores.values():
        store.close()
