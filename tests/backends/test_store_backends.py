"""The store interface on every backend: load, atomic failure, export, stats, queries, analysis,
and the graph view. Each answer is compared with the embedded in-memory store's, and the seed
case's with the numbers worked out by hand in the README."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import errors
from kg.analysis import analyse
from kg.analysis.rdf import ANALYSIS_GRAPH, analysis_quads
from kg.seed import seed_paths
from kg.store import KnowledgeStore
from viz import build_view, render_page

DATA = Path(__file__).resolve().parents[1] / "data"
ID = "https://w3id.org/cred-kg/id/claim/"
GOOD = b'<https://e.org/s> <https://e.org/p> "o" .\n'
BAD = b"<https://e.org/s> <https://e.org/p> .\n"


def _canonical(quads: object) -> set[ox.Quad]:
    dataset = ox.Dataset(quads)  # type: ignore[arg-type]
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def _quads(store: KnowledgeStore) -> set[ox.Quad]:
    return set(store.quads())


def test_a_validated_load_reports_and_holds_the_seed_case(
    store: KnowledgeStore, reference: KnowledgeStore
) -> None:
    report = store.load(seed_paths())
    assert report.total_quads == len(store) == len(reference) == 583
    assert [f.graph_names for f in report.files] == [
        ("https://w3id.org/cred-kg/id/document/newsweek-nk-troops-russia",)
    ]
    assert _quads(store) == _quads(reference)


def test_a_load_with_a_bad_file_changes_nothing(seeded: KnowledgeStore, tmp_path: Path) -> None:
    before = _quads(seeded)
    (tmp_path / "good.nt").write_bytes(GOOD)
    (tmp_path / "bad.nt").write_bytes(BAD)
    with pytest.raises(errors.InputError) as caught:
        seeded.load([tmp_path / "good.nt", tmp_path / "bad.nt"], validate=False)
    assert caught.value.location.source.endswith("bad.nt") and caught.value.location.line == 1
    with pytest.raises(errors.ShapeValidationError):
        seeded.load([DATA / "broken" / "shacl-statement-without-actor.ttl"])
    assert _quads(seeded) == before


# A request each backend refuses, whose first part is valid: a multi-operation request whose
# last operation fails (Oxigraph), or one INSERT DATA with a literal Virtuoso cannot store
# (Virtuoso applies the operations of a request one by one, so only one operation is atomic
# there; every load is one INSERT DATA).
REFUSED = {
    "oxigraph-server": "INSERT DATA { GRAPH <https://e.org/g> { <https://e.org/s> "
    '<https://e.org/p> "new" } } ; '
    "CREATE GRAPH <https://w3id.org/cred-kg/id/document/newsweek-nk-troops-russia>",
    "virtuoso": "INSERT DATA { GRAPH <https://e.org/g> { <https://e.org/s> <https://e.org/p> "
    '"new" . <https://e.org/s> <https://e.org/p> "zz"^^<http://www.w3.org/2001/XMLSchema#integer>'
    " } }",
}


def test_an_update_the_store_refuses_changes_nothing(
    seeded: KnowledgeStore, request: pytest.FixtureRequest
) -> None:
    before = _quads(seeded)
    backend = request.node.callspec.params["store"]
    if seeded.kind == "remote":
        engine = seeded.remote_engine
        assert engine is not None
        try:
            with pytest.raises(OSError, match=r"refused the update|already exists"):
                engine._send(REFUSED[backend])
            # Asked of the endpoint itself: the store's own reads see only the graphs it wrote.
            assert not engine._ask("ASK { GRAPH <https://e.org/g> { ?s ?p ?o } }")
        finally:
            engine._send("DROP SILENT GRAPH <https://e.org/g>")
    else:
        with pytest.raises(errors.StoreError):
            seeded._write(lambda: (_ for _ in ()).throw(OSError("disk full")))
    assert _quads(seeded) == before


def test_the_whole_store_exports_and_loads_back(
    seeded: KnowledgeStore, reference: KnowledgeStore
) -> None:
    for fmt in ("trig", "nquads"):
        exported = seeded.export(fmt)
        again = KnowledgeStore()
        again.load_bytes(exported, fmt, source=f"all.{fmt}", validate=False)
        assert _quads(again) == _quads(reference)
    turtle = rdflib.Graph().parse(data=seeded.export("turtle"), format="turtle")
    assert isomorphic(
        turtle, rdflib.Graph().parse(data=reference.export("turtle"), format="turtle")
    )


def test_blank_nodes_and_the_default_graph_round_trip(store: KnowledgeStore) -> None:
    data = (
        b'<https://e.org/s> <https://e.org/p> [ <https://e.org/q> "in a blank node" ] .\n'
        b"<https://e.org/g> { <https://e.org/s> <https://e.org/p> _:b . "
        b"_:b <https://e.org/q> 1 . }"
    )
    store.load_bytes(data, "trig", source="b.trig", validate=False)
    back = _canonical(ox.parse(store.export("trig"), ox.RdfFormat.TRIG))
    assert back == _canonical(ox.parse(data, ox.RdfFormat.TRIG))
    assert [g.value for g in store.oxigraph.named_graphs()] == ["https://e.org/g"]
    assert len(store) == 4


def test_one_claims_neighbourhood_exports_alike(
    seeded: KnowledgeStore, reference: KnowledgeStore
) -> None:
    for claim in ("nk-troops-in-russia", "nk-sent-troops-to-assist-war-on-ukraine"):
        assert seeded.export("nquads", claim=claim) == reference.export("nquads", claim=claim)
    with pytest.raises(errors.InputError, match="no claim"):
        seeded.export("turtle", claim="no-such-claim-here")


def test_a_claims_neighbourhood_alone_gives_the_claim_its_status(
        seeded: KnowledgeStore) -> None:
    """Every seed claim, exported with --claim and loaded on its own, has the status, groups,
    contestation and hedges it has in the whole case (before, four did not: the statements
    about narrower claims, which corroborate the broader one, were left out)."""
    whole = analyse(seeded).claims
    for iri, assessed in whole.items():
        alone = KnowledgeStore()
        alone.load_bytes(seeded.export("trig", claim=iri), "trig", source="claim.trig",
                         validate=False)
        expected, found = assessed.corroboration, analyse(alone).claims[iri].corroboration
        assert (found.status, found.independent_groups, found.contested,
                len(found.hedging)) == (expected.status, expected.independent_groups,
                                        expected.contested, len(expected.hedging)), iri


def test_stats_count_the_seed_case(seeded: KnowledgeStore, reference: KnowledgeStore) -> None:
    stats = seeded.stats()
    assert (stats.claims, stats.actors, stats.statements) == (27, 22, 27)
    assert stats.statements_by_stance == {"affirms": 24, "denies": 1, "hedges": 2}
    assert stats.named_graphs == 1
    assert stats == reference.stats()


def test_queries_take_substitutions_and_report_syntax_errors(seeded: KnowledgeStore) -> None:
    claim = ox.NamedNode(ID + "nk-troops-in-russia")
    rows = list(
        seeded.query(  # type: ignore[arg-type]
            "SELECT ?claim ?who WHERE { ?s cred:about ?claim ; cred:statedBy ?who ; "
            "cred:stance cred:Hedges }",
            substitutions={"claim": claim},
        )
    )
    assert [r["who"].value.rsplit("/", 1)[1] for r in rows] == ["putin"]
    assert bool(seeded.query("ASK { ?s cred:stance cred:Denies }"))
    # An unprojected substituted variable is the caller's error on every backend (the remote
    # one raised a bare ValueError, which the shells do not expect of the core).
    with pytest.raises(errors.InputError, match="projection"):
        seeded.query("SELECT ?who WHERE { ?s cred:about ?claim ; cred:statedBy ?who }",
                     substitutions={"claim": claim})
    with pytest.raises(errors.InputError) as caught:
        seeded.query("SELECT ?x WHERE {\n ?x ?y }")
    # Oxigraph gives line and column; Virtuoso names the line in its message only.
    assert caught.value.location.line == 2 or "line 2:" in caught.value.message


def test_the_analysis_answers_as_the_readme_says(
    seeded: KnowledgeStore, reference: KnowledgeStore
) -> None:
    analysis = analyse(seeded)
    claims = {c.iri.rsplit("/", 1)[1]: c for c in analysis.claim_summaries()}
    troops = claims["nk-troops-in-russia"]
    assert (troops.status, troops.independent_groups, troops.credibility) == ("corroborated", 3, 1)
    assist = claims["nk-sent-troops-to-assist-war-on-ukraine"]
    assert (assist.status, assist.contested) == ("unsupported", True)
    assert {a.reliability for a in analysis.actor_summaries()} == {"F"}
    expected = analyse(reference)
    assert analysis.claim_summaries() == expected.claim_summaries()
    assert analysis.actor_summaries() == expected.actor_summaries()
    explained = analysis.claims[ID + "nk-troops-in-russia"]
    assert explained == expected.claims[ID + "nk-troops-in-russia"]


def test_the_claim_filters_read_alike(seeded: KnowledgeStore, reference: KnowledgeStore) -> None:
    # The date filter's rows as each store answers the grouped query (read_dated_rows), and the
    # filters' claims, equal the in-memory store's records.
    from kg.analysis.claim_dates import dated_rows_from_case, read_dated_rows

    analysis, expected = analyse(seeded), analyse(reference)
    cols = analysis.columns

    def rows(r: object) -> list[tuple[str, int, str, str]]:
        return sorted(
            (cols.claims[c], int(st), str(f), str(la))
            for c, st, f, la in zip(r.claim, r.stance, r.first, r.last, strict=True)  # type: ignore[attr-defined]
        )

    read = rows(read_dated_rows(seeded, cols))
    assert read == rows(dated_rows_from_case(expected.case, expected.columns))
    assert (ID + "russia-nk-treaty-ratified", 0, "2024-10-24", "2024-10-24") in read
    north_korea = ID.replace("claim/", "actor/") + "north-korea"
    for got, want in [
        (
            analysis.claims_dated("2024-10-24", "2024-10-24"),
            expected.claims_dated("2024-10-24", "2024-10-24"),
        ),
        (analysis.claims_with_stance_of(north_korea), expected.claims_with_stance_of(north_korea)),
        (
            analysis.claims_with_evidence_kind("SatelliteImagery"),
            expected.claims_with_evidence_kind("SatelliteImagery"),
        ),
    ]:
        assert got.tolist() == want.tolist() and len(got)


def test_the_analysis_graph_is_written_and_queried(seeded: KnowledgeStore) -> None:
    analysis = analyse(seeded)
    assert seeded.replace_graph(ANALYSIS_GRAPH, analysis_quads(analysis)) > 0
    row = next(
        iter(
            seeded.query(  # type: ignore[call-overload]
                "SELECT ?n WHERE { GRAPH <https://w3id.org/cred-kg/analysis> { "
                "?a schema:itemReviewed ?c ; cred:independentGroupCount ?n } } "
                "ORDER BY DESC(?n) LIMIT 1"
            )
        )
    )
    assert row["n"].value == "3"
    # Written again unchanged, nothing moves; then it is left out of exports by default.
    size = len(seeded)
    seeded.replace_graph(ANALYSIS_GRAPH, analysis_quads(analysis))
    assert len(seeded) == size
    assert (
        len(
            KnowledgeStore()
            .load_bytes(seeded.export("nquads"), "nquads", source="x.nq", validate=False)
            .files
        )
        == 1
    )
    assert b"cred-kg/analysis" not in seeded.export("nquads")


def test_clear_empties_the_store(seeded: KnowledgeStore) -> None:
    seeded.clear()
    assert len(seeded) == 0 and seeded.export("nquads") == b""
    assert list(seeded.oxigraph.named_graphs()) == []


def test_the_graph_view_draws_the_same_graph(
    seeded: KnowledgeStore, reference: KnowledgeStore
) -> None:
    view = build_view(analyse(seeded))
    expected = build_view(analyse(reference))
    assert view.nodes == expected.nodes and view.edges == expected.edges
    page = render_page(view, title="Seed")
    assert page.startswith("<!DOCTYPE html>") and ID + "nk-troops-in-russia" in page


def test_bulk_load_counts_what_it_added(store: KnowledgeStore, tmp_path: Path) -> None:
    dump = tmp_path / "dump.nq"
    dump.write_bytes(
        b'<https://e.org/s> <https://e.org/p> "1" <https://e.org/g> .\n'
        b"<https://e.org/s> <https://e.org/p> _:b1 .\n"
        b'_:b1 <https://e.org/q> "2" .\n'
    )
    assert store.bulk_load_file(dump) == 3
    # Again: the quad without blank nodes is there already; the blank node is a new one.
    assert store.bulk_load_file(dump) == 2
    assert len(store) == 5


CASE_V1 = """\
format: cred-kg/1
document: {id: harbour-report, title: Harbour report, date: 2025-03-01}
actors:
  - {id: harbour-board, name: Harbour Board, kind: GovernmentBody}
claims:
  - {id: crane-failed, text: The crane failed.}
  - {id: quay-closed, text: The quay was closed.}
statements:
  - {actor: harbour-board, claim: crane-failed, stance: affirms}
  - {actor: harbour-board, claim: quay-closed, stance: affirms}
"""
# the same document corrected: another name, one claim gone, a stance changed
CASE_V2 = (CASE_V1.replace("name: Harbour Board", "name: Kell Harbour Board")
           .replace("  - {id: quay-closed, text: The quay was closed.}\n", "")
           .replace("  - {actor: harbour-board, claim: quay-closed, stance: affirms}\n", "")
           .replace("claim: crane-failed, stance: affirms", "claim: crane-failed, stance: hedges"))


def test_a_corrected_case_replaces_what_it_loaded_before(
        seeded: KnowledgeStore, tmp_path: Path) -> None:
    first, corrected = tmp_path / "v1.yaml", tmp_path / "v2.yaml"
    first.write_text(CASE_V1, encoding="utf-8")
    corrected.write_text(CASE_V2, encoding="utf-8")
    seed_quads = _quads(seeded)
    seeded.load([first])
    loaded = _quads(seeded)
    with pytest.raises(errors.ShapeValidationError):  # two names for one actor, without it
        seeded.load([corrected])
    assert _quads(seeded) == loaded
    seeded.load([corrected], replace=True)
    claims = {iri.rsplit("/", 1)[1] for iri in analyse(seeded).claims}
    assert "crane-failed" in claims and "quay-closed" not in claims
    stances = {row["st"].value.rsplit("#", 1)[1] for row in seeded.query(
        "PREFIX cred: <https://w3id.org/cred-kg/ns#> SELECT ?st WHERE { ?s cred:about "
        f"<{ID}crane-failed> ; cred:stance ?st }}")}
    assert stances == {"Hedges"}
    names = {row["n"].value for row in seeded.query(
        "SELECT ?n WHERE { <https://w3id.org/cred-kg/id/actor/harbour-board> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?n }")}
    assert names == {"Kell Harbour Board"}
    # nothing of the seed case changed, and a replace that fails changes nothing
    assert seed_quads <= _quads(seeded)
    after = _quads(seeded)
    # (a claim of the seed case's, which is in another graph, given a second text)
    (tmp_path / "v3.yaml").write_text(CASE_V2.replace(
        "claims:\n", "claims:\n  - {id: nk-troops-in-russia, text: Something else.}\n"),
        encoding="utf-8")
    with pytest.raises(errors.ShapeValidationError):
        seeded.load([tmp_path / "v3.yaml"], replace=True)
    assert _quads(seeded) == after


def test_a_replacing_load_still_sees_the_default_graphs_copy_of_a_triple(
        store: KnowledgeStore, tmp_path: Path) -> None:
    """``replace``: "Validation sees the store without those graphs". A triple both in a
    replaced graph and in the default graph was left out of the context too, though the load
    keeps the default graph's copy: a second text for a claim went in unseen."""
    claim, graph = "<https://e.org/c>", "<https://e.org/g>"
    head = f"{claim} a <https://w3id.org/cred-kg/ns#Claim> ; <https://w3id.org/cred-kg/ns#text>"
    (tmp_path / "plain.ttl").write_text(f'{head} "old" .\n')
    (tmp_path / "v1.trig").write_text(f'{graph} {{ {head} "old" . }}\n')
    (tmp_path / "v2.trig").write_text(f'{graph} {{ {head} "new" . }}\n')
    store.load([tmp_path / "plain.ttl"])
    store.load([tmp_path / "v1.trig"])
    before = set(store.quads())
    with pytest.raises(errors.ShapeValidationError, match="exactly one cred:text"):
        store.load([tmp_path / "v2.trig"], replace=True)
    assert set(store.quads()) == before
