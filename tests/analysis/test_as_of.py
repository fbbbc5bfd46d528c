"""``analyse(store, as_of=...)``: what was known on a date, on a hand-made case.

The case (tests/analysis/data/as-of-*.yaml), worked out by hand:

- dam-breached: Atlantis affirms it on 15 Oct (the statement's own date, in report A of
  20 Oct); Lemuria affirms it in report B of 25 Oct (no date of its own: the report's). A
  photograph dated 22 Oct supports it. Corroborated by 2 groups in all; as of 20 Oct, only
  Atlantis's statement is known (single-source) and the photograph is left out; as of 25 Oct,
  corroborated again.
- dam-closed: Xland affirms it in report A (no date of its own: 20 Oct); Mu affirms it in a note
  with no date at all. Undated statements count by default: corroborated as of 20 Oct; without
  them, single-source. As of 14 Oct, Xland's is not known yet: single-source (Mu).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.analysis import analyse
from kg.analysis.as_of import cutoff
from kg.analysis.serialize import claim_to_dict
from kg.store import KnowledgeStore

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def store() -> KnowledgeStore:
    store = KnowledgeStore()
    store.load(sorted(DATA.glob("as-of-*.yaml")))
    return store


def _status(store: KnowledgeStore, claim: str, **options: object) -> tuple[str, list[str]]:
    item = analyse(store, **options).claim_by_id(claim)  # type: ignore[arg-type]
    return item.corroboration.status, [g.label for g in item.corroboration.affirming]


def test_a_later_second_source_is_single_source_before_it_and_corroborated_after(
    store: KnowledgeStore,
) -> None:
    assert _status(store, "dam-breached") == ("corroborated", ["Atlantis", "Lemuria"])
    assert _status(store, "dam-breached", as_of="2024-10-20") == ("single-source", ["Atlantis"])
    assert _status(store, "dam-breached", as_of="2024-10-24") == ("single-source", ["Atlantis"])
    assert _status(store, "dam-breached", as_of="2024-10-25") == (
        "corroborated", ["Atlantis", "Lemuria"])
    # A month or a year means its end.
    assert _status(store, "dam-breached", as_of="2024-10")[0] == "corroborated"
    assert _status(store, "dam-breached", as_of="2024")[0] == "corroborated"
    assert _status(store, "dam-breached", as_of="2024-10-14") == ("unsupported", [])


def test_a_statement_without_a_date_takes_its_documents(store: KnowledgeStore) -> None:
    # Xland's statement is dated by report A (20 Oct): not known on the 19th.
    assert _status(store, "dam-closed", as_of="2024-10-20") == ("corroborated", ["Mu", "Xland"])
    assert _status(store, "dam-closed", as_of="2024-10-19") == ("single-source", ["Mu"])
    report = analyse(store, as_of="2024-10-20").as_of
    assert report is not None and report.statements_by_document_date == 1


def test_undated_statements_count_and_are_reported_or_are_left_out(
    store: KnowledgeStore,
) -> None:
    report = analyse(store, as_of="2024-10-20").as_of
    assert report is not None
    assert (report.statements_after, report.undated_statements) == (1, 1)
    assert report.summary() == (
        "As of 2024-10-20: 1 statement dated after 2024-10-20 left out; 1 evidence item dated "
        "after it left out; 1 undated statement counted.")
    assert _status(store, "dam-closed", as_of="2024-10-20", count_undated=False) == (
        "single-source", ["Xland"])
    strict = analyse(store, as_of="2024-10-20", count_undated=False).as_of
    assert strict is not None and strict.summary().endswith("1 undated statement left out.")


def test_evidence_dated_later_is_left_out(store: KnowledgeStore) -> None:
    def evidence(**options: object) -> list[str]:
        item = analyse(store, **options).claim_by_id("dam-breached")  # type: ignore[arg-type]
        return [w.evidence.rsplit("/", 1)[1] for w in item.evidence]

    assert evidence() == ["dam-photo"]
    assert evidence(as_of="2024-10-21") == []
    assert evidence(as_of="2024-10-22") == ["dam-photo"]
    assert analyse(store, as_of="2024-10-21").numbers.columns.evidence == ()


def test_the_explanation_says_the_date_and_what_was_left_out(store: KnowledgeStore) -> None:
    analysis = analyse(store, as_of="2024-10-20")
    data = claim_to_dict(analysis, analysis.claim_by_id("dam-breached"))
    assert data["reasons"][0] == (
        "As of 2024-10-20: 1 statement dated after 2024-10-20 left out; 1 evidence item dated "
        "after it left out; 1 undated statement counted. Left out here: 1 statement about this "
        "claim and 1 evidence item for or against it.")
    assert data["as_of"]["last_day"] == "2024-10-20"
    assert [g["label"] for g in data["affirming"]] == ["Atlantis"]
    # Without a date, no such reason and no such field.
    plain = analyse(store)
    assert "as_of" not in claim_to_dict(plain, plain.claim_by_id("dam-breached"))
    assert plain.as_of is None


def test_the_bulk_numbers_and_the_explanations_agree(store: KnowledgeStore) -> None:
    analysis = analyse(store, as_of="2024-10-20")
    summaries = {s.iri.rsplit("/", 1)[1]: s.status for s in analysis.claim_summaries()}
    assert summaries == {"dam-breached": "single-source", "dam-closed": "corroborated"}
    explained = {c.claim.iri.rsplit("/", 1)[1]: c.corroboration.status
                 for c in analysis.claims.values()}
    assert explained == summaries


@pytest.mark.parametrize("bad", ["2024-02-30", "2024-13", "20241020", "2024-10-20T00:00", ""])
def test_a_bad_date_is_refused_naming_it(store: KnowledgeStore, bad: str) -> None:
    with pytest.raises(ValueError, match=repr(bad).replace("[", r"\[")):
        analyse(store, as_of=bad)


def test_cutoffs() -> None:
    assert [cutoff(d) for d in ("2024-10-20", "2024-02", "2023-02", "2024")] == [
        "2024-10-20", "2024-02-29", "2023-02-28", "2024-12-31"]


def test_an_on_disk_store_gives_the_same_answer(store: KnowledgeStore, tmp_path: Path) -> None:
    # (a small on-disk store is filtered as records; the one in memory takes the bulk path)
    with KnowledgeStore(tmp_path / "store") as disk:
        disk.load(sorted(DATA.glob("as-of-*.yaml")))
        for as_of in ("2024-10-19", "2024-10-20", "2024-10-25"):
            on_disk, in_memory = analyse(disk, as_of=as_of), analyse(store, as_of=as_of)
            assert on_disk.as_of == in_memory.as_of
            assert on_disk.claim_summaries() == in_memory.claim_summaries()


def test_leaving_undated_statements_out_without_a_date_is_refused() -> None:
    """As the CLI refuses --omit-undated without --as-of: it would be silently ignored."""
    from kg.analysis import analyse, analyse_case
    from kg.analysis.extract import read_case_graph
    from kg.seed import seed_paths
    from kg.store import KnowledgeStore

    with KnowledgeStore() as store:
        store.load(seed_paths())
        with pytest.raises(ValueError, match="count_undated=False needs as_of"):
            analyse(store, count_undated=False)
        with pytest.raises(ValueError, match="count_undated=False needs as_of"):
            analyse_case(read_case_graph(store), count_undated=False)
        assert analyse(store, as_of="2024-10-20", count_undated=False).as_of is not None
