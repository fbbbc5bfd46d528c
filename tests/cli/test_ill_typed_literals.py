"""Ill-typed literals and N-Triples syntax errors, as a user at a terminal sees them: the
product's own message (file, line, term), never rdflib's log lines or a Python traceback.

The CLI runs in a subprocess: rdflib logs through the ``logging`` module, which pytest would
capture in-process and so hide the noise this guards against."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

XSD = "http://www.w3.org/2001/XMLSchema#"
TURTLE = """@prefix cred: <https://w3id.org/cred-kg/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/> .

ex:d a cred:SourceDocument ;
  dcterms:date "2024-13-45"^^xsd:date .
ex:r a cred:Report ; cred:relayPosition "x"^^xsd:integer .
ex:e cred:reliabilityPrior "y"^^xsd:decimal .
"""
GOOD_NT = '<https://e.org/s> <https://e.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
BAD_NT = GOOD_NT + f'<https://e.org/s> <https://e.org/q> "x"^^<{XSD}integer> .\n'
NOISE = ("Traceback", "Failed to convert", "UserWarning", "rdflib")


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from api.cli import app; app()", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def assert_quiet(result: subprocess.CompletedProcess[str]) -> str:
    text = result.stdout + result.stderr
    for noise in NOISE:
        assert noise not in text, text
    return text


@pytest.mark.parametrize("command", ["validate", "load"])
def test_ill_typed_turtle_is_our_error_without_rdflib_noise(tmp_path: Path, command: str) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(TURTLE)
    result = kg(command, str(path))
    assert result.returncode != 0
    text = assert_quiet(result)
    # The first ill-typed literal, in document order, where the file has it.
    assert f"{path}:7:16:" in text
    assert '"2024-13-45"^^xsd:date' in text
    assert "ill-typed literal" in text and "2 more" in text


def test_ill_typed_ntriples_load_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    store = tmp_path / "db"
    good, bad = tmp_path / "good.nt", tmp_path / "bad.nt"
    good.write_text(GOOD_NT)
    bad.write_text(BAD_NT)
    assert kg("load", "--store", str(store), str(good)).returncode == 0
    before = set(ox.Store.read_only(str(store)))

    result = kg("load", "--store", str(store), "--no-validate", str(bad))
    assert result.returncode != 0
    text = assert_quiet(result)
    assert f"{bad}:2:37:" in text and '"x"^^xsd:integer' in text
    assert set(ox.Store.read_only(str(store))) == before


@pytest.mark.parametrize(
    "command",
    [
        ["load"],  # validated: the fast path of one N-Triples file (kg.store_ntriples)
        ["ingest"],  # a batch with no blank node goes to Oxigraph as text (kg.ingest.batches)
    ],
)
def test_ill_typed_ntriples_is_refused_on_the_fast_paths_too(
    tmp_path: Path, command: list[str]
) -> None:
    store = tmp_path / "db"
    good, bad = tmp_path / "good.nt", tmp_path / "bad.nt"
    good.write_text(GOOD_NT)
    bad.write_text(BAD_NT)
    assert kg(*command, "--store", str(store), str(good)).returncode == 0
    before = set(ox.Store.read_only(str(store)))

    result = kg(*command, "--store", str(store), str(bad))

    assert result.returncode != 0
    text = assert_quiet(result)
    assert f"{bad}:2:37:" in text and '"x"^^xsd:integer' in text
    assert set(ox.Store.read_only(str(store))) == before


@pytest.mark.parametrize(
    ("name", "text", "where", "detail"),
    [
        # A missing dot is reported where it belongs: after the statement, not on the next line.
        ("mid.nt", '<https://e.org/s> <https://e.org/p> "o"\n' + GOOD_NT, ":1", "by a dot"),
        ("last.nt", GOOD_NT + '<https://e.org/s> <https://e.org/p> "o"\n', ":2", "by a dot"),
        ("iri.nt", GOOD_NT + "<https://e.org/s> <https://e.org/p <https://e.org/o> .\n",
         ":2:19:", "Invalid IRI code point"),
        ("esc.nt", GOOD_NT + '<https://e.org/s> <https://e.org/p> "a\\qb" .\n', ":2:39:",
         "escape character"),
    ],
)
@pytest.mark.parametrize("command", ["load", "ingest"])
def test_ntriples_syntax_errors_name_file_and_line(
    tmp_path: Path, command: str, name: str, text: str, where: str, detail: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    store = tmp_path / "db"
    result = kg(command, "--store", str(store), str(path))
    assert result.returncode != 0
    message = assert_quiet(result)
    assert f"{path}{where}" in message and "invalid N-Triples" in message
    assert detail in message
    wrong_line = ":2" if where == ":1" else ":3"
    assert f"{path}{wrong_line}:1:" not in message
