"""Loads that add to nodes an earlier load described are checked with that description.

The store validates new data together with what it already holds about the data's subjects
(kg.shacl.touched): a contradiction to a stored claim is accepted, a second ``cred:text`` for
it is refused, and a violation the stored data had on its own is not the new load's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import errors
from kg.store import KnowledgeStore

DATA = Path(__file__).parent / "data" / "valid"
SMALL_CASE = DATA / "small-case.ttl"
CASE_A = DATA / "case-a.yaml"
ID = "https://w3id.org/cred-kg/id/"
CRED = "https://w3id.org/cred-kg/ns#"
TROOPS = f"<{ID}claim/troops>"
UNRELATED = f"<{ID}claim/unrelated>"
CONTRADICTS = f"<{CRED}contradicts>"
TEXT = f"<{CRED}text>"


@pytest.fixture(params=["memory", "disk"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeStore]:
    """The small case (troops, many-troops, unrelated claims), validated, in memory or on
    disk."""
    with KnowledgeStore(None if request.param == "memory" else tmp_path / "db") as store:
        store.load([SMALL_CASE])
        yield store


def snapshot(store: KnowledgeStore) -> list[str]:
    return sorted(str(q) for q in store.quads())


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def objects(store: KnowledgeStore, subject: str, predicate: str) -> set[str]:
    rows = store.query(f"SELECT DISTINCT ?o WHERE {{ {subject} {predicate} ?o }}")
    return {row["o"].value for row in rows}  # type: ignore[union-attr]


def test_ntriples_contradiction_between_stored_claims_is_accepted(
    store: KnowledgeStore, tmp_path: Path
) -> None:
    """Used to be refused: "not typed cred:Claim", the types being in an earlier load."""
    path = write(
        tmp_path,
        "contra.nt",
        f"{TROOPS} {CONTRADICTS} {UNRELATED} .\n{UNRELATED} {CONTRADICTS} {TROOPS} .\n",
    )
    report = store.load([path])
    assert report.total_quads == 2
    assert objects(store, TROOPS, CONTRADICTS) == {f"{ID}claim/unrelated"}
    assert objects(store, UNRELATED, CONTRADICTS) == {f"{ID}claim/troops"}


def test_a_second_text_for_a_stored_claim_is_refused_and_nothing_written(
    store: KnowledgeStore, tmp_path: Path
) -> None:
    """A maxCount broken only by the union: the stored claim has its text already."""
    before = snapshot(store)
    path = write(tmp_path, "text.nt", f'{TROOPS} {TEXT} "A second sentence." .\n')
    with pytest.raises(errors.ShapeValidationError) as caught:
        store.load([path])
    assert caught.value.source == str(path)
    [violation] = caught.value.violations
    assert "claim/troops" in violation.focus
    assert violation.shape == "credsh:Claim-text-count"
    assert snapshot(store) == before


def test_the_same_text_again_is_one_value_not_two(store: KnowledgeStore, tmp_path: Path) -> None:
    text = next(iter(objects(store, TROOPS, TEXT)))
    before = snapshot(store)
    path = write(tmp_path, "same.nt", f"{TROOPS} {TEXT} {ox.Literal(text)} .\n")
    assert store.load([path]).total_quads == 1
    assert snapshot(store) == before


def test_a_statement_about_a_stored_claim_is_still_accepted(
    store: KnowledgeStore, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "statement.nt",
        f"<{ID}statement/new> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        f"<{CRED}Statement> .\n"
        f"<{ID}statement/new> <{CRED}statedBy> <{ID}actor/ministry> .\n"
        f"<{ID}statement/new> <{CRED}about> {TROOPS} .\n"
        f"<{ID}statement/new> <{CRED}stance> <{CRED}Affirms> .\n",
    )
    assert store.load([path]).total_quads == 4
    assert objects(store, f"<{ID}statement/new>", f"<{CRED}about>") == {f"{ID}claim/troops"}


def test_yaml_contradiction_to_a_claim_of_an_earlier_case_is_accepted(
    store: KnowledgeStore, tmp_path: Path
) -> None:
    """A case file repeats the earlier claim as it is stored (same text) and contradicts it:
    the stored description and the repeated one count as one."""
    store.load([CASE_A])
    case = write(
        tmp_path,
        "case-b.yaml",
        "format: cred-kg/1\n"
        "document: {id: doc-b, title: Another article, date: 2024-10-25}\n"
        "claims:\n"
        "  - {id: troops-y, text: Troops are near the northern border.}\n"
        "  - {id: few-troops-y, text: Only a few troops are near the northern border.,"
        " contradicts: [troops-y]}\n",
    )
    store.load([case])
    assert objects(store, f"<{ID}claim/troops-y>", CONTRADICTS) == {
        f"{ID}claim/no-troops-y",
        f"{ID}claim/few-troops-y",
    }


def test_yaml_giving_a_stored_claim_another_text_is_refused(
    store: KnowledgeStore, tmp_path: Path
) -> None:
    store.load([CASE_A])
    before = snapshot(store)
    case = write(
        tmp_path,
        "case-c.yaml",
        "format: cred-kg/1\n"
        "document: {id: doc-c, title: A third article, date: 2024-10-26}\n"
        "claims:\n"
        "  - {id: troops-y, text: Soldiers are near the northern border.}\n",
    )
    with pytest.raises(errors.ShapeValidationError) as caught:
        store.load([case])
    assert {v.shape for v in caught.value.violations} == {"credsh:Claim-text-count"}
    # the error says which text came from where, so that the reader knows what to reconcile
    assert 'as "Soldiers are near the northern border." in ' in str(caught.value)
    assert 'as "Troops are near the northern border." in what the store already held' in str(
        caught.value
    )
    assert snapshot(store) == before


def test_two_files_naming_one_actor_differently_say_which_name_is_where(
    tmp_path: Path,
) -> None:
    """Files share actors by id (docs/authoring.md); the same id with two names is refused,
    and the error is reported on the later file, as loading one after the other would
    (tests/test_clash_names_later_file.py)."""
    store = KnowledgeStore()
    other = write(
        tmp_path,
        "case-d.yaml",
        "format: cred-kg/1\n"
        "document: {id: doc-d, title: A fourth article, date: 2024-10-27}\n"
        "actors:\n"
        "  - {id: gov, name: Kingdom of Ruritania, kind: State}\n",
    )
    with pytest.raises(errors.ShapeValidationError) as caught:
        store.load([CASE_A, other])
    assert caught.value.source == str(other)
    (violation,) = caught.value.violations
    assert violation.path == "rdfs:label"
    assert violation.message.endswith(
        f'Given as "Kingdom of Ruritania" in {other}, as "Ruritania" in {CASE_A}: the files '
        "share this id and must agree."
    )
    assert list(store.quads()) == []


def test_a_violation_the_stored_data_had_on_its_own_is_not_the_new_loads(
    tmp_path: Path,
) -> None:
    """Data written without validation keeps its faults; a load that touches the faulty node
    without changing the fault is accepted, one that adds a fault is refused."""
    store = KnowledgeStore()
    store.load([SMALL_CASE])
    bare = f"<{ID}claim/bare>"
    store.load_bytes(
        f"{bare} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CRED}FactualClaim> .".encode(),
        "nt",
        source="bare.nt",
        validate=False,
    )
    touch = write(tmp_path, "touch.nt", f"{bare} {CONTRADICTS} {TROOPS} .\n")
    assert store.load([touch]).total_quads == 1
    worse = write(tmp_path, "worse.nt", f"{bare} {CONTRADICTS} {bare} .\n")
    with pytest.raises(errors.ShapeValidationError) as caught:
        store.load([worse])
    assert {v.shape for v in caught.value.violations} == {"credsh:Claim-contradicts-self"}


def test_the_files_of_one_load_see_each_others_descriptions(tmp_path: Path) -> None:
    """A load of [a, b] is checked as a load of a, then one of b: b may add to a's nodes."""
    store = KnowledgeStore()
    contra = write(
        tmp_path,
        "contra.ttl",
        f"{TROOPS} {CONTRADICTS} {UNRELATED} .\n{UNRELATED} {CONTRADICTS} {TROOPS} .\n",
    )
    assert store.load([SMALL_CASE, contra]).total_quads == 65
    assert objects(store, TROOPS, CONTRADICTS) == {f"{ID}claim/unrelated"}


def test_decimals_stored_in_canonical_form_are_not_counted_twice(tmp_path: Path) -> None:
    """Oxigraph stores "0.50" as "0.5": loading the same declaration again is not a second
    cred:reliabilityPrior (maxCount 1)."""
    kind = write(
        tmp_path,
        "kind.ttl",
        "@prefix cred: <https://w3id.org/cred-kg/ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<https://e.org/SatelliteImage> rdfs:subClassOf cred:Evidence ;\n"
        '    cred:reliabilityPrior "0.50"^^xsd:decimal .\n',
    )
    store = KnowledgeStore()
    store.load([kind])
    store.load([kind])
    assert objects(store, "<https://e.org/SatelliteImage>", f"<{CRED}reliabilityPrior>") == {"0.5"}


def test_stored_descriptions_are_read_in_one_batched_query(
    store: KnowledgeStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[str] = []
    original = KnowledgeStore.query

    def counting(self: KnowledgeStore, sparql: str, **kwargs: object) -> object:
        queries.append(sparql)
        return original(self, sparql, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(KnowledgeStore, "query", counting)
    path = write(
        tmp_path,
        "contra.ttl",
        f"{TROOPS} {CONTRADICTS} {UNRELATED} .\n{UNRELATED} {CONTRADICTS} {TROOPS} .\n",
    )
    store.load([path])
    assert len([q for q in queries if "VALUES ?s" in q]) == 1
