"""The knowledge store: opening, all-or-nothing loads, export, stats and queries (kg.store)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import errors
from kg.rdfio import Limits, parse_bytes
from kg.store import KnowledgeStore

DATA = Path(__file__).parent / "data"
SMALL_CASE = DATA / "valid" / "small-case.ttl"
EXTRA = DATA / "valid" / "extra.ttl"
CASE_A = DATA / "valid" / "case-a.yaml"
BROKEN = DATA / "broken"
ID = "https://w3id.org/cred-kg/id/"
CRED = "https://w3id.org/cred-kg/ns#"

needs_validate = pytest.mark.skipif(
    importlib.util.find_spec("kg.validate") is None, reason="kg.validate is not there yet"
)
needs_authoring = pytest.mark.skipif(
    importlib.util.find_spec("kg.authoring.compiler") is None,
    reason="kg.authoring is not there yet",
)


def snapshot(store: KnowledgeStore) -> list[str]:
    return sorted(str(q) for q in store.quads())


def subjects(data: bytes, fmt: str) -> set[str]:
    return {
        q.subject.value
        for q in parse_bytes(data, fmt, source=f"export.{fmt}")
        if isinstance(q.subject, ox.NamedNode)
    }


@pytest.fixture
def store() -> KnowledgeStore:
    """A store holding the small case (63 quads, default graph)."""
    store = KnowledgeStore()
    store.load([SMALL_CASE], validate=False)
    return store


# -- opening and closing ---------------------------------------------------------------------


def test_on_disk_store_keeps_its_data_across_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "db"
    with KnowledgeStore(path) as first:
        first.load([SMALL_CASE], validate=False)
        assert len(first) == 63
    with KnowledgeStore(path) as again:
        assert len(again) == 63


def test_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(errors.StoreError, match="not a directory"):
        KnowledgeStore(path)


def test_directory_that_is_not_an_oxigraph_store_is_refused_and_left_alone(
    tmp_path: Path,
) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(errors.StoreError, match="not an Oxigraph store"):
        KnowledgeStore(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_empty_directory_becomes_a_store(tmp_path: Path) -> None:
    with KnowledgeStore(tmp_path) as store:
        assert len(store) == 0


def test_locked_store_is_refused_until_closed(tmp_path: Path) -> None:
    path = tmp_path / "db"
    first = KnowledgeStore(path)
    with pytest.raises(errors.StoreError, match="locked"):
        KnowledgeStore(path)
    first.close()
    KnowledgeStore(path).close()


def test_closed_store_refuses_work_and_closing_twice_is_harmless(tmp_path: Path) -> None:
    store = KnowledgeStore(tmp_path / "db")
    store.close()
    store.close()
    with pytest.raises(errors.StoreError, match="closed"):
        len(store)


# -- loading ---------------------------------------------------------------------------------


def test_load_reports_each_file() -> None:
    store = KnowledgeStore()
    trig = b"<https://e.org/g> { <https://e.org/s> <https://e.org/p> 1 . }"
    report = store.load([SMALL_CASE], validate=False)
    (item,) = report.files
    assert (item.path, item.format, item.quads, item.graph_names) == (
        str(SMALL_CASE),
        "turtle",
        63,
        (),
    )
    assert report.total_quads == 63
    assert report.elapsed_seconds > 0
    named = store.load_bytes(trig, "trig", source="<upload>", validate=False)
    assert named.files[0].graph_names == ("https://e.org/g",)
    assert list(store.oxigraph.named_graphs()) == [ox.NamedNode("https://e.org/g")]


@pytest.mark.parametrize("path", [SMALL_CASE, str(SMALL_CASE)], ids=["Path", "str"])
def test_one_file_may_be_given_alone(path: Path | str) -> None:
    report = KnowledgeStore().load(path, validate=False)
    assert [(item.path, item.quads) for item in report.files] == [(str(SMALL_CASE), 63)]


def test_progress_is_reported_by_stage() -> None:
    calls: list[tuple[str, int, int]] = []
    KnowledgeStore().load([SMALL_CASE, EXTRA], validate=False, progress=lambda *a: calls.append(a))
    assert calls == [
        ("parsing", 1, 2),
        ("parsing", 2, 2),
        ("writing", 0, 68),
        ("writing", 68, 68),
    ]


@needs_validate
def test_progress_includes_validation_when_validating() -> None:
    calls: list[tuple[str, int, int]] = []
    KnowledgeStore().load([SMALL_CASE, EXTRA], progress=lambda *a: calls.append(a))
    assert [c for c in calls if c[0] == "validating"] == [
        ("validating", 1, 2),
        ("validating", 2, 2),
    ]
    assert calls[-1] == ("writing", 68, 68)


def test_formats_may_be_given_once_or_per_file(tmp_path: Path) -> None:
    plain = tmp_path / "data.txt"
    plain.write_bytes(b'<https://e.org/s> <https://e.org/p> "o" .\n')
    store = KnowledgeStore()
    assert store.load([plain], formats="nt", validate=False).files[0].format == "nt"
    report = store.load([plain, SMALL_CASE], formats=["nt", None], validate=False)
    assert [f.format for f in report.files] == ["nt", "turtle"]
    with pytest.raises(errors.InputError, match="2 formats given for 1 files"):
        store.load([plain], formats=["nt", "nt"], validate=False)


def test_quad_limit_covers_all_files_of_a_load(store: KnowledgeStore) -> None:
    before = snapshot(store)
    limits = Limits(max_quads_per_load=66)  # each file is under it, both together are not
    with pytest.raises(errors.LimitExceededError) as caught:
        store.load([SMALL_CASE, EXTRA], validate=False, limits=limits)
    assert caught.value.location.source == str(EXTRA)
    assert snapshot(store) == before


def test_loading_the_same_file_twice_adds_nothing(store: KnowledgeStore) -> None:
    before = snapshot(store)
    assert store.load([SMALL_CASE], validate=False).total_quads == 63
    assert snapshot(store) == before


@needs_validate
def test_references_resolve_against_the_other_files_of_the_load() -> None:
    store = KnowledgeStore()
    report = store.load([SMALL_CASE, EXTRA])
    assert report.total_quads == 68


@needs_validate
def test_references_resolve_against_the_store_with_one_query(
    store: KnowledgeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One query for the types of the referenced nodes, one for what the store says about the
    file's subjects (tests/test_store_touched.py)."""
    queries: list[str] = []
    original = KnowledgeStore.query

    def counting(self: KnowledgeStore, sparql: str, **kwargs: object) -> object:
        queries.append(sparql)
        return original(self, sparql, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(KnowledgeStore, "query", counting)
    store.load([EXTRA])
    assert len(queries) == 2
    assert sorted("VALUES ?n" in q for q in queries) == [False, True]
    assert sorted("VALUES ?s" in q for q in queries) == [False, True]


@needs_validate
def test_dangling_references_fail_validation_and_nothing_is_written() -> None:
    store = KnowledgeStore()
    with pytest.raises(errors.ShapeValidationError) as caught:
        store.load([EXTRA])
    assert caught.value.source == str(EXTRA)
    assert "cred:statedBy must point to a cred:Actor" in str(caught.value)
    assert len(store) == 0


@needs_validate
def test_shape_warnings_are_reported_not_raised() -> None:
    doc = (
        b"@prefix cred: <https://w3id.org/cred-kg/ns#> .\n"
        b"<https://w3id.org/cred-kg/id/document/untitled> a cred:SourceDocument .\n"
    )
    report = KnowledgeStore().load_bytes(doc, "turtle", source="untitled.ttl")
    assert [w.severity for w in report.files[0].warnings] != []
    assert {w.severity for w in report.files[0].warnings} == {"Warning"}


@needs_authoring
def test_case_file_goes_into_its_own_named_graph(store: KnowledgeStore) -> None:
    report = store.load([CASE_A], validate=importlib.util.find_spec("kg.validate") is not None)
    (item,) = report.files
    assert item.format == "yaml"
    assert item.graph_names == (f"{ID}document/doc-y",)
    in_graph = list(
        store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(f"{ID}document/doc-y"))
    )
    assert len(in_graph) == item.quads


@needs_authoring
def test_case_file_bytes_load_like_a_file() -> None:
    store = KnowledgeStore()
    report = store.load_bytes(CASE_A.read_bytes(), "yaml", source="<upload>", validate=False)
    assert report.files[0].graph_names == (f"{ID}document/doc-y",)
    with pytest.raises(errors.LimitExceededError):
        store.load_bytes(
            CASE_A.read_bytes(), "yaml", source="<upload>", limits=Limits(max_file_bytes=10)
        )


def test_load_bytes_of_broken_input_changes_nothing(store: KnowledgeStore) -> None:
    before = snapshot(store)
    with pytest.raises(errors.RdfSyntaxError) as caught:
        store.load_bytes(b"<https://e.org/s> .", "nt", source="<upload>")
    assert caught.value.location.source == "<upload>"
    assert snapshot(store) == before


# -- bulk loading ----------------------------------------------------------------------------


def test_bulk_load_counts_quads_added(store: KnowledgeStore, tmp_path: Path) -> None:
    path = tmp_path / "dump.nq"
    path.write_bytes(
        b'<https://e.org/s> <https://e.org/p> "1" <https://e.org/g> .\n'
        b'<https://e.org/s> <https://e.org/p> "2" .\n'
    )
    assert store.bulk_load_file(path) == 2
    assert store.bulk_load_file(path) == 0
    assert len(store) == 65


def test_bulk_load_still_refuses_entities_and_case_files(store: KnowledgeStore) -> None:
    before = snapshot(store)
    with pytest.raises(errors.UnsafeInputError):
        store.bulk_load_file(BROKEN / "rdfxml-billion-laughs.rdf")
    with pytest.raises(errors.UnsupportedFormatError):
        store.bulk_load_file(CASE_A)
    assert snapshot(store) == before


def test_bulk_load_syntax_error_names_file_and_line(store: KnowledgeStore) -> None:
    with pytest.raises(errors.RdfSyntaxError) as caught:
        store.bulk_load_file(BROKEN / "ntriples-prefixed-name.nt")
    assert caught.value.location.source.endswith("ntriples-prefixed-name.nt")
    assert caught.value.location.line == 2


# -- export ----------------------------------------------------------------------------------

# Worked out by hand from small-case.ttl: the neighbourhood of claim/troops.
TROOPS_NEIGHBOURHOOD = {
    f"{ID}claim/troops",
    f"{ID}claim/many-troops",  # refines it
    f"{ID}statement/spokesperson--troops",  # about it
    f"{ID}statement/analyst--many-troops",  # about the claim refining it, which supports it
    f"{ID}statement/spokesperson--troops/relay/0",  # its reports
    f"{ID}statement/spokesperson--troops/relay/1",
    f"{ID}actor/spokesperson",  # the statement's actor ...
    f"{ID}actor/ministry",  # ... and its affiliation chain
    f"{ID}actor/gov",
    f"{ID}actor/wire",  # the reports' outlets
    f"{ID}actor/outlet",  # (also releaser of the evidence and publisher of the document)
    f"{ID}evidence/images",  # supports it
    f"{ID}actor/analyst",  # produced the evidence
    f"{ID}document/doc-a",  # the source document
}


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads", "jsonld", "rdfxml"])
def test_export_of_a_claim_is_its_neighbourhood(store: KnowledgeStore, fmt: str) -> None:
    data = store.export(fmt, claim=f"{ID}claim/troops")
    assert subjects(data, fmt) == TROOPS_NEIGHBOURHOOD


def test_export_of_a_claim_carries_all_triples_of_its_nodes(store: KnowledgeStore) -> None:
    quads = parse_bytes(store.export("nquads", claim="troops"), "nquads", source="x.nq")
    spokesperson = [q for q in quads if q.subject.value == f"{ID}actor/spokesperson"]
    assert {q.predicate.value for q in spokesperson} == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        "http://www.w3.org/2000/01/rdf-schema#label",
        f"{CRED}role",
        f"{CRED}actsOnBehalfOf",
    }
    # 63 less the 8 triples of claim/unrelated and of the statement about it (the statement
    # about claim/many-troops, which refines claim/troops, is in: it supports it).
    assert len(quads) == 55


def test_export_follows_blank_nodes(store: KnowledgeStore) -> None:
    store.load_bytes(
        b"@prefix cred: <https://w3id.org/cred-kg/ns#> .\n"
        b'<https://w3id.org/cred-kg/id/claim/troops> cred:note [ cred:note "inner" ] .\n',
        "turtle",
        source="note.ttl",
        validate=False,
    )
    data = store.export("nt", claim="troops")
    assert b'"inner"' in data


@needs_authoring
def test_export_in_dataset_formats_keeps_the_graphs(store: KnowledgeStore) -> None:
    store.load([CASE_A], validate=False)
    quads = parse_bytes(store.export("nquads", claim="troops-y"), "nquads", source="x.nq")
    graphs = {str(q.graph_name) for q in quads}
    assert graphs == {f"<{ID}document/doc-y>", "DEFAULT"}
    # The outlet is described in both the case's graph and the default graph.
    outlet = {str(q.graph_name) for q in quads if q.subject.value == f"{ID}actor/outlet"}
    assert outlet == graphs
    flat = parse_bytes(store.export("turtle", claim="troops-y"), "turtle", source="x.ttl")
    assert {q.graph_name for q in flat} == {ox.DefaultGraph()}


def test_export_claim_by_id_equals_export_by_iri(store: KnowledgeStore) -> None:
    assert store.export("nt", claim="troops") == store.export("nt", claim=f"{ID}claim/troops")


def test_unknown_claim_is_an_input_error_naming_it(store: KnowledgeStore) -> None:
    with pytest.raises(errors.InputError) as caught:
        store.export("turtle", claim="trops")
    assert "no claim 'trops' in the store" in str(caught.value)
    assert caught.value.suggestions[0] == "troops"  # an id for an id
    with pytest.raises(errors.InputError, match=r"no claim <https://e\.org/x> in the store"):
        store.export("turtle", claim="https://e.org/x")
    # An actor is not a claim.
    with pytest.raises(errors.InputError):
        store.export("turtle", claim=f"{ID}actor/gov")


def test_ambiguous_claim_id_is_an_input_error(store: KnowledgeStore) -> None:
    store.load_bytes(
        b"<https://other.org/claim/troops> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        b"<https://w3id.org/cred-kg/ns#Forecast> .",
        "nt",
        source="other.nt",
        validate=False,
    )
    with pytest.raises(errors.InputError, match="ambiguous"):
        store.export("turtle", claim="troops")


def test_export_of_the_whole_store_round_trips(store: KnowledgeStore) -> None:
    store.load_bytes(
        b"<https://e.org/g> { <https://e.org/s> <https://e.org/p> _:b . }",
        "trig",
        source="g.trig",
        validate=False,
    )
    for fmt in ("trig", "nquads", "jsonld"):
        again = KnowledgeStore()
        again.load_bytes(store.export(fmt), fmt, source=f"all.{fmt}", validate=False)
        assert len(again) == len(store) == 64
    flat = parse_bytes(store.export("nt"), "nt", source="all.nt")
    assert len(flat) == 64
    assert {q.graph_name for q in flat} == {ox.DefaultGraph()}


def test_export_refuses_yaml(store: KnowledgeStore) -> None:
    with pytest.raises(errors.UnsupportedFormatError):
        store.export("yaml")


# -- stats and queries -----------------------------------------------------------------------


def test_stats_of_the_small_case(store: KnowledgeStore) -> None:
    stats = store.stats()
    assert (stats.quads, stats.named_graphs) == (63, 0)
    assert (stats.claims, stats.actors, stats.statements) == (3, 6, 3)
    assert stats.statements_by_stance == {"affirms": 1, "denies": 1, "hedges": 1}
    assert (stats.evidence, stats.evidence_by_kind) == (1, {"SatelliteImagery": 1})
    assert (stats.reports, stats.source_documents) == (2, 1)
    rows = dict(stats.as_rows())
    assert rows["statements: denies"] == 1
    assert rows["evidence: SatelliteImagery"] == 1


def test_stats_count_kinds_the_data_declares(store: KnowledgeStore) -> None:
    store.load_bytes(
        b"@prefix cred: <https://w3id.org/cred-kg/ns#> .\n"
        b"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        b"<https://e.org/ArmedGroup> rdfs:subClassOf cred:Organization .\n"
        b"<https://e.org/g> { <https://e.org/militia> a <https://e.org/ArmedGroup> . }\n",
        "trig",
        source="kinds.trig",
        validate=False,
    )
    stats = store.stats()
    assert (stats.actors, stats.named_graphs) == (7, 1)


def test_stats_of_an_empty_store() -> None:
    stats = KnowledgeStore().stats()
    assert stats.quads == stats.claims == stats.evidence == 0
    assert stats.statements_by_stance == {}


def test_query_runs_over_the_union_of_graphs_with_project_prefixes(
    store: KnowledgeStore,
) -> None:
    store.load_bytes(
        b"<https://e.org/g> { <https://e.org/c> a <https://w3id.org/cred-kg/ns#Forecast> . }",
        "trig",
        source="g.trig",
        validate=False,
    )
    rows = store.query("SELECT ?c WHERE { ?c a cred:Forecast } ORDER BY ?c")
    assert [r["c"].value for r in rows] == ["https://e.org/c", f"{ID}claim/unrelated"]
    bound = store.query(
        "SELECT ?c ?text WHERE { ?c cred:text ?text }",
        substitutions={"c": ox.NamedNode(f"{ID}claim/troops")},
    )
    assert [r["text"].value for r in bound] == ["Troops are near the border."]


def test_bad_query_is_an_input_error_with_position(store: KnowledgeStore) -> None:
    with pytest.raises(errors.InputError) as caught:
        store.query("SELECT * WHERE {\n  ?s ?p }")
    assert caught.value.location.line == 2
    assert caught.value.location.column is not None
    assert caught.value.term == "SPARQL"
    with pytest.raises(errors.InputError, match="projection"):
        # Substituted variables must be projected (pyoxigraph's rule, SEP-0007).
        store.query("SELECT ?p WHERE { ?c ?p ?o }", substitutions={"c": ox.NamedNode(ID)})


def test_clear_empties_the_store(store: KnowledgeStore) -> None:
    store.clear()
    assert len(store) == 0
    assert snapshot(store) == []


def test_export_leaves_out_the_derived_analysis_graph_unless_asked(
    store: KnowledgeStore,
) -> None:
    from kg.namespaces import ANALYSIS_GRAPH

    derived = ox.Quad(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/p"),
                      ox.Literal("x"), ox.NamedNode(ANALYSIS_GRAPH))
    store.oxigraph.add(derived)
    assert ANALYSIS_GRAPH.encode() not in store.export("nquads")
    assert ANALYSIS_GRAPH.encode() in store.export("nquads", include_analysis=True)


def test_each_seed_claims_export_loads_alone_with_the_same_status() -> None:
    """docs/api.md: one claim's export "loaded alone gives the claim the same status". Evidence
    that also supports a claim outside the export (the seed's treaty supports two) used to
    keep that link, and the export then failed the shapes when loaded alone."""
    from kg.analysis import analyse
    from kg.seed import seed_paths

    whole = KnowledgeStore()
    whole.load(seed_paths())
    expected = {s.iri: s for s in analyse(whole).claim_summaries()}
    for iri, summary in expected.items():
        alone = KnowledgeStore()
        alone.load_bytes(whole.export("nquads", claim=iri), "nquads", source=f"{iri}.nq")
        (found,) = analyse(alone).claim_summaries([iri])
        assert (found.status, found.independent_groups, found.contested) == (
            summary.status, summary.independent_groups, summary.contested), iri
