"""The broken-input catalogue: every bad file is refused with the right error, and nothing moves.

Each entry of ``tests/data/broken/EXPECTED.yaml`` is loaded into a store that already holds
``tests/data/valid/small-case.ttl``; the error's class, line, column, term and message are
checked, and the store's quads must be exactly those it had before.
"""

from __future__ import annotations

import importlib.util
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg import errors
from kg.rdfio import Limits
from kg.store import KnowledgeStore

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
SEED = DATA / "valid" / "small-case.ttl"
CATALOGUE: dict[str, dict[str, Any]] = yaml.safe_load(
    (BROKEN / "EXPECTED.yaml").read_text(encoding="utf-8")
)
HAVE = {
    "validate": importlib.util.find_spec("kg.validate") is not None,
    "authoring": importlib.util.find_spec("kg.authoring.compiler") is not None,
}


def snapshot(store: KnowledgeStore) -> list[str]:
    """The store's quads as sorted N-Quads lines: equal lists mean equal stores."""
    return sorted(str(q) for q in store.quads())


def most_specific_kg_error(error: BaseException) -> type:
    """The first class of ``kg.errors`` in the error's MRO (CaseCompileError -> AuthoringError)."""
    return next(c for c in type(error).__mro__ if c.__module__ == "kg.errors")


@pytest.fixture
def seeded_store() -> KnowledgeStore:
    store = KnowledgeStore()
    store.load([SEED], validate=HAVE["validate"])
    return store


def test_every_file_in_the_catalogue_directory_has_an_entry() -> None:
    listed = {f for entry, spec in CATALOGUE.items() for f in spec.get("files", [entry])}
    on_disk = {p.name for p in BROKEN.iterdir() if p.name != "EXPECTED.yaml"}
    assert on_disk - listed == set()
    assert {f for f in listed if not (BROKEN / f).is_file()} == set()


def test_catalogue_has_the_required_breadth() -> None:
    rdf_errors = [
        name
        for name, spec in CATALOGUE.items()
        if spec.get("error") and not name.startswith(("yaml-", "shacl-"))
    ]
    assert len(rdf_errors) >= 20
    assert {spec.get("needs") for spec in CATALOGUE.values()} >= {"authoring", "validate"}


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_broken_input_is_refused_and_store_unchanged(
    name: str, seeded_store: KnowledgeStore
) -> None:
    spec = CATALOGUE[name]
    needs = spec.get("needs")
    if needs and not HAVE[needs]:
        pytest.skip(f"kg.{needs} is not there yet")
    paths = [BROKEN / f for f in spec.get("files", [name])]
    limits = Limits(**spec.get("limits", {}))
    before = snapshot(seeded_store)

    if spec["error"] is None:
        report = seeded_store.load(paths, limits=limits, validate=HAVE["validate"])
        assert report.total_quads == spec["quads"]
        assert snapshot(seeded_store) == before
        return

    expected = getattr(errors, spec["error"])
    with pytest.raises(errors.KgError) as caught:
        seeded_store.load(paths, limits=limits, validate=HAVE["validate"])
    error = caught.value
    assert most_specific_kg_error(error) is expected, str(error)
    assert spec["message"] in str(error)
    if isinstance(error, errors.InputError):
        assert Path(error.location.source).name == paths[-1].name
        if "line" in spec:
            assert error.location.line == spec["line"], str(error)
        if "column" in spec:
            assert error.location.column == spec["column"], str(error)
        if "term" in spec:
            assert error.term == spec["term"]
    assert snapshot(seeded_store) == before


def test_catalogue_limits_name_real_fields() -> None:
    names = {f.name for f in fields(Limits)}
    for spec in CATALOGUE.values():
        assert set(spec.get("limits", {})) <= names


def write_long_literal_file(path: Path, length: int) -> Path:
    """An N-Triples file whose third line holds a literal of ``length`` characters."""
    with path.open("wb") as handle:
        handle.write(b"# a comment\n")
        handle.write(
            b'<https://w3id.org/cred-kg/id/claim/a> <https://w3id.org/cred-kg/ns#text> "A" .\n'
        )
        handle.write(b'<https://w3id.org/cred-kg/id/claim/b> <https://w3id.org/cred-kg/ns#text> "')
        handle.write(b"x" * length)
        handle.write(b'" .\n')
    return path


def test_fifty_megabyte_literal_is_refused_at_default_limits(
    tmp_path: Path, seeded_store: KnowledgeStore
) -> None:
    # Generated here, not committed. Over pyoxigraph's 16 MiB token buffer, so the parser
    # itself stops; the error still names the line.
    path = write_long_literal_file(tmp_path / "huge-literal.nt", 50_000_000)
    before = snapshot(seeded_store)
    with pytest.raises(errors.LimitExceededError) as caught:
        seeded_store.load([path], validate=False)
    error = caught.value
    assert (error.location.source, error.location.line) == (str(path), 3)
    assert error.term == "max_literal_chars"
    assert "more than 16,777,216 bytes" in error.message
    assert snapshot(seeded_store) == before


def test_two_megabyte_literal_is_refused_naming_subject_and_predicate(
    tmp_path: Path, seeded_store: KnowledgeStore
) -> None:
    path = write_long_literal_file(tmp_path / "long-literal.nt", 2_000_000)
    before = snapshot(seeded_store)
    with pytest.raises(errors.LimitExceededError) as caught:
        seeded_store.load([path], validate=False)
    error = caught.value
    # Column 75: where the literal's text starts, after the opening quote.
    assert (error.location.line, error.location.column) == (3, 75)
    assert error.message == (
        "literal of 2,000,000 characters, over the limit of 1,000,000 (subject "
        "<https://w3id.org/cred-kg/id/claim/b>, predicate <https://w3id.org/cred-kg/ns#text>)"
    )
    assert snapshot(seeded_store) == before


def test_billion_laughs_is_refused_before_any_expansion(seeded_store: KnowledgeStore) -> None:
    # With no size limit to hide behind, the bomb must still be refused by its declaration.
    limits = Limits(max_file_bytes=10**9, max_literal_chars=10**9)
    with pytest.raises(errors.UnsafeInputError) as caught:
        seeded_store.load([BROKEN / "rdfxml-billion-laughs.rdf"], limits=limits)
    assert not isinstance(caught.value, errors.LimitExceededError)
