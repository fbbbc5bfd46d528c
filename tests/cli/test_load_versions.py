"""``kg load`` of a case file whose document the store already holds in another version.

A case file is its document's whole graph. Loading a corrected file without ``--replace`` adds
the new quads beside the old ones, so the store holds both versions merged; the load says so on
stderr, naming the file and the document and giving the ``--replace`` command. Loads that merge
nothing (a first load, the same file again, a file that only adds, another document) say
nothing.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()
DOCUMENT = "https://w3id.org/cred-kg/id/document/harbour-report"


def case(document: str, stance: str, extra: str = "") -> str:
    return (f"format: cred-kg/1\ndocument: {{id: {document}, title: Harbour, date: 2025-03-01}}\n"
            "actors:\n  - {id: board, name: Harbour Board, kind: GovernmentBody}\n"
            "  - {id: port, name: Port Authority, kind: GovernmentBody}\n"
            "claims:\n  - {id: crane-failed, text: The crane failed.}\n"
            f"statements:\n  - {{actor: board, claim: crane-failed, stance: {stance}}}\n{extra}")


OVERRIDE = ("independence:\n  - actors: [board, port]\n    independent: {flag}\n"
            "    reason: Why.\n")


def load(store: Path, path: Path, *options: str) -> tuple[int, str]:
    result = runner.invoke(app, ["load", "--store", str(store), *options, str(path)])
    return result.exit_code, result.stderr


def test_a_changed_case_file_loaded_again_is_said_to_merge(tmp_path: Path) -> None:
    store, path = tmp_path / "store", tmp_path / "case.yaml"
    path.write_text(case("harbour-report", "affirms", OVERRIDE.format(flag="true")),
                    encoding="utf-8")
    assert load(store, path) == (0, "")  # first load
    assert load(store, path) == (0, "")  # the same file again
    # Only the override changed: no clash, so the old one would stay silently.
    path.write_text(case("harbour-report", "affirms", OVERRIDE.format(flag="false")),
                    encoding="utf-8")
    code, err = load(store, path)
    said = " ".join(err.split())
    assert code == 0
    assert said.startswith(f"warning: {path}: the store already held another version of the "
                           f"document <{DOCUMENT}>; the old version's statements remain")
    assert f"kg load --replace --store {store} {path}" in said
    # The store still holds both versions, so loading the new one again says it again ...
    assert "another version" in load(store, path)[1]
    # ... until --replace makes the store hold this version alone.
    assert load(store, path, "--replace") == (0, "")
    assert load(store, path) == (0, "")


def test_loads_that_merge_nothing_say_nothing(tmp_path: Path) -> None:
    store, path, other = tmp_path / "store", tmp_path / "case.yaml", tmp_path / "other.yaml"
    path.write_text(case("harbour-report", "affirms"), encoding="utf-8")
    assert load(store, path) == (0, "")
    # A new version that only adds to the old one holds every quad of it: nothing is merged.
    path.write_text(case("harbour-report", "affirms", OVERRIDE.format(flag="true")),
                    encoding="utf-8")
    assert load(store, path) == (0, "")
    # Another document sharing the actors and the claim by id adds a graph of its own.
    other.write_text(case("harbour-follow-up", "denies"), encoding="utf-8")
    assert load(store, other) == (0, "")
