"""A file whose content is plainly another format than its name says is told so, through every
route a file is loaded by; a file that merely has an error in its own format is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.errors import InputError, RdfSyntaxError, UnsupportedFormatError
from kg.misnamed import guess_format, misnamed_error
from kg.store import KnowledgeStore

CASE = """\
# a case file
format: cred-kg/1

document:
  id: doc-a
actors:
  - id: ana
    name: Ana Berg
    kind: Person
"""
TURTLE = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/a> rdfs:label "A" .
"""
JSONLD = '{"@context": {"@vocab": "https://example.org/"}, "@id": "https://example.org/a", ' \
    '"label": "A"}'
RDFXML = """\
<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="https://example.org/a"><rdfs:label>A</rdfs:label></rdf:Description>
</rdf:RDF>
"""
NQUADS = "<https://example.org/a> <https://example.org/p> \"A\" <https://example.org/g> .\n"
IS_YAML = "this looks like YAML (the authoring format)"

# (file name, content, the message after "<path>: ")
MISNAMED = [
    ("case.json", CASE, f"{IS_YAML}, not JSON-LD as its extension says; name it .yaml"),
    ("case.txt", CASE, f"{IS_YAML}; name it .yaml"),
    ("case", CASE, f"{IS_YAML}; name it .yaml"),
    ("case.ttl", CASE, f"{IS_YAML}, not Turtle as its extension says; name it .yaml"),
    ("case.nt", CASE, f"{IS_YAML}, not N-Triples as its extension says; name it .yaml"),
    ("data.yaml", TURTLE, "this looks like Turtle, not a YAML case file as its extension says; "
     "name it .ttl (or .trig, if it has named graphs)"),
    ("data.json", TURTLE, "this looks like Turtle, not JSON-LD as its extension says; name it "
     ".ttl (or .trig, if it has named graphs)"),
    ("data.ttl", JSONLD, "this looks like JSON-LD, not Turtle as its extension says; name it "
     ".jsonld"),
    ("data.yaml", JSONLD, "this looks like JSON-LD, not a YAML case file as its extension says; "
     "name it .jsonld"),
    ("data.ttl", RDFXML, "this looks like RDF/XML, not Turtle as its extension says; name it "
     ".rdf"),
    ("dump.ttl", NQUADS, "this looks like N-Quads (a graph name after each triple), not Turtle "
     "as its extension says; name it .nq"),
    ("dump.nt", NQUADS, "this looks like N-Quads (a graph name after each triple), not "
     "N-Triples as its extension says; name it .nq"),
    ("dump.trig", NQUADS, "this looks like N-Quads (a graph name after each triple), not TriG "
     "as its extension says; name it .nq"),
]


@pytest.mark.parametrize(("name", "content", "message"), MISNAMED,
                         ids=[f"{m[0]}-{i}" for i, m in enumerate(MISNAMED)])
def test_a_misnamed_file_is_told_what_it_looks_like(
    name: str, content: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    store = KnowledgeStore()
    with pytest.raises(UnsupportedFormatError) as caught:
        store.load([path])
    assert str(caught.value) == f"{path}: {message}"
    assert len(store) == 0
    # the same with another file in the load, which takes the general way
    other = tmp_path / "other.ttl"
    other.write_text(TURTLE, encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match="this looks like"):
        store.load([other, path])


def test_kg_validate_says_it(tmp_path: Path) -> None:
    path = tmp_path / "khan-dara.json"
    path.write_text(CASE, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: {path}: {IS_YAML}, not JSON-LD as its extension "
                                     "says; name it .yaml")


# Errors in a file's own format keep their own message: nothing here is plainly misnamed.
OWN_ERRORS = [
    ("bad.ttl", TURTLE + "<https://example.org/b> rdfs:label .\n", RdfSyntaxError),
    ("bad.trig", TURTLE + "<https://example.org/b> rdfs:label .\n", RdfSyntaxError),
    ("bad.yaml", CASE.replace("kind: Person", "kind: Persn"), InputError),
    ("bad.nt", '<https://example.org/a> <https://example.org/p> "o"\n', RdfSyntaxError),
    ("bad.json", '{"@id": "https://example.org/a", "@type": 3}', RdfSyntaxError),
    ("notes.txt", "Some notes about the case.\nformat: none\n", UnsupportedFormatError),
    ("list.json", "- actors\n- claims\n", RdfSyntaxError),  # YAML, but no case file
]


@pytest.mark.parametrize(("name", "content", "kind"), OWN_ERRORS,
                         ids=[o[0] for o in OWN_ERRORS])
def test_an_error_in_the_files_own_format_is_not_blamed_on_its_name(
    name: str, content: str, kind: type[Exception], tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(kind) as caught:
        KnowledgeStore().load([path])
    assert "looks like" not in str(caught.value)


def test_an_explicit_format_is_not_second_guessed(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(CASE, encoding="utf-8")
    with pytest.raises(RdfSyntaxError, match="invalid Turtle"):
        KnowledgeStore().load([path], formats="turtle")


def test_only_the_start_of_a_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text("x: 1\n" * 10_000 + "format: cred-kg/1\n", encoding="utf-8")
    assert misnamed_error(path, None) is None  # the version line is past the part looked at
    assert guess_format("") is None
