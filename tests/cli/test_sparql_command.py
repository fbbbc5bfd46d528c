"""``kg sparql``: a SPARQL query from the shell, checked by the service's guard, on the seed case,
on files, or on a store; the analysis graph written first; FROM narrows the dataset."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from api.cli import app
from kg.analysis import analyse
from kg.analysis.rdf import analysis_quads
from kg.seed import seed_paths
from kg.store import KnowledgeStore

runner = CliRunner()
ANALYSIS = "https://w3id.org/cred-kg/analysis"
GRADE_ONE = ("SELECT ?claim WHERE { ?a schema:itemReviewed ?claim ; "
             "cred:credibilityGrade 1 } ORDER BY ?claim")
CASE = """format: cred-kg/1
document: {id: quay-report, title: Quay report, date: 2025-03-01}
actors:
  - {id: harbour-board, name: Harbour Board, kind: GovernmentBody}
claims:
  - {id: crane-failed, text: The crane failed.}
statements:
  - {actor: harbour-board, claim: crane-failed, stance: affirms}
"""


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["sparql", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def seed_analysis() -> tuple[KnowledgeStore, object]:
    store = KnowledgeStore()
    store.load(seed_paths())
    return store, analyse(store)


def test_select_reads_the_analysis_graph_of_the_seed() -> None:
    _, analysis = seed_analysis()
    graded_one = sorted(c.iri for c in analysis.claim_summaries()  # type: ignore[attr-defined]
                        if c.credibility == 1)
    code, out, err = run("-f", "csv", GRADE_ONE)
    assert code == 0, err
    assert [row["claim"] for row in csv_rows(out)] == graded_one
    assert len(graded_one) >= 2  # the seed's corroborated claims: not an empty comparison


def test_from_narrows_the_default_graph_to_the_analysis_graph() -> None:
    store, analysis = seed_analysis()
    code, narrowed, err = run("-f", "csv", "SELECT (COUNT(*) AS ?n) "
                              f"FROM <{ANALYSIS}> WHERE {{ ?s ?p ?o }}")
    assert code == 0, err
    _, whole, _ = run("-f", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    in_analysis = int(csv_rows(narrowed)[0]["n"])
    assert in_analysis == len(set(analysis_quads(analysis))) > 0
    assert int(csv_rows(whole)[0]["n"]) == len(store) + in_analysis


def test_data_files_query_file_and_standard_input(tmp_path: Path) -> None:
    case = tmp_path / "quay.yaml"
    case.write_text(CASE)
    query = tmp_path / "texts.rq"
    query.write_text("SELECT ?text WHERE { ?c cred:text ?text }")
    code, out, err = run("--no-seed", "-f", "json", "--query-file", str(query), str(case))
    assert code == 0, err
    bindings = json.loads(out)["results"]["bindings"]
    assert [b["text"]["value"] for b in bindings] == ["The crane failed."]
    code, out, _ = run("-", "--no-seed", "-f", "tsv", str(case),
                       stdin="SELECT (COUNT(*) AS ?n) { ?s cred:statedBy ?a }")
    assert code == 0 and out.splitlines()[1] == "1"


def test_ask_and_construct() -> None:
    code, out, _ = run("-f", "json", "ASK { ?c a cred:FactualClaim }")
    assert code == 0 and json.loads(out)["boolean"] is True
    code, out, _ = run("ASK { ?c a cred:Nothing }")
    assert code == 0 and out == "false\n"
    store, _ = seed_analysis()
    people = {q.subject for q in store.quads()
              if q.predicate == ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
              and q.object == ox.NamedNode("https://w3id.org/cred-kg/ns#Person")}
    code, out, err = run("CONSTRUCT WHERE { ?s a cred:Person }")
    assert code == 0, err
    written = {t.subject for t in ox.parse(out.encode(), format=ox.RdfFormat.TURTLE)}
    assert written == people and len(people) >= 2


def test_refused_queries_change_nothing_and_say_why(tmp_path: Path) -> None:
    store = tmp_path / "db"
    case = tmp_path / "quay.yaml"
    case.write_text(CASE)
    assert runner.invoke(app, ["load", "--store", str(store), str(case)]).exit_code == 0
    with KnowledgeStore(store) as opened:
        before = set(opened.quads())
    for query, words in [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "answers queries only"),
        ("DELETE WHERE { ?s ?p ?o }", "answers queries only"),
        ("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
         "never contacts other endpoints"),
        ("SELECT * FROM <http://127.0.0.1:9/data.ttl> { ?s ?p ?o }", "never fetched"),
    ]:
        code, out, err = run("--store", str(store), query)
        assert code == 1 and words in err and out == "", (query, err)
    with KnowledgeStore(store) as opened:
        after = {q for q in opened.quads() if q.graph_name != ox.NamedNode(ANALYSIS)}
    assert after == {q for q in before if q.graph_name != ox.NamedNode(ANALYSIS)}


def test_syntax_errors_name_the_place_and_the_tokens() -> None:
    code, _, err = run("SELECT ?x WHERE { ?x cred:text ?t")
    assert code == 1
    assert err.startswith("error: <query>:1:34:") and '"}"' in err
    assert "\\u{" not in err and "..=" not in err  # no lines of Unicode ranges
    code, _, err = run("SELECT ?x WHERE { ?x foo:bar ?t }")
    assert code == 1 and "the prefix 'foo:' is not declared" in err


def test_a_format_that_does_not_fit_the_query_is_a_usage_error() -> None:
    code, _, err = run("-f", "turtle", "SELECT * { ?s ?p ?o } LIMIT 1")
    assert code == 2 and "does not fit a SELECT or ASK query" in err
    code, _, err = run("-f", "csv", "CONSTRUCT WHERE { ?s ?p ?o }")
    assert code == 2 and "turtle" in err


def test_data_files_before_the_query_are_pointed_out(tmp_path: Path) -> None:
    case = tmp_path / "quay.yaml"
    case.write_text(CASE)
    code, _, err = run("--no-seed", str(case), "ASK { ?s ?p ?o }")
    assert code == 2
    assert "ASK { ?s ?p ?o }: no such file (the query comes first, then the data files)" in err
    result = runner.invoke(app, ["explain", "--no-seed", str(case), "crane-failed"])
    assert result.exit_code == 2
    assert "crane-failed: no such file (CLAIM comes first, then the data files)" in result.stderr
    # a missing file that is plainly one gets no such hint
    result = runner.invoke(app, ["explain", "crane-failed", str(tmp_path / "gone.yaml")])
    assert result.exit_code == 2 and "comes first" not in result.stderr


def test_a_cut_table_names_only_options_that_kg_sparql_has() -> None:
    # It said "the next page: --offset 3", an option kg sparql does not have (kg ask's words).
    code, out, err = run("--limit", "3", "SELECT ?s WHERE { ?s a cred:FactualClaim } ORDER BY ?s")
    assert code == 0, err
    assert "3 row(s)" in out
    hint = " ".join(err.split())
    assert "more rows follow; raise --limit, add LIMIT and OFFSET 3 to the query" in hint
    assert "--offset" not in hint
    assert run("--offset", "3", "ASK {}")[0] == 2
