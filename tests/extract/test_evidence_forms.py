"""Who made the evidence, read from a participle: "taken by", "published on Monday by",
"posted online by", "compiled from ... records". Sentences written for these tests; the
expected producers were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract


def _evidence(text: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    draft = extract(text, publisher="The Test Gazette")
    names = {a.id: a.name for a in draft.actors}
    return [(e.description, names.get(e.produced_by or ""), names.get(e.released_by or ""),
             [names[c] for c in e.cited_by]) for e in draft.evidence]


CASES = [
    # "taken by": made by X (not only released)
    ("The coastguard said it had compared aerial photos, taken by the survey firm Skyline "
     "Mapping the day after the storm, with its own charts.",
     "Photos", "Skyline Mapping", None),
    # an adjunct between the participle and "by"
    ("Mayor Ana Ruiz cited a 30-page report published on Monday by the Lusk Institute.",
     "A 30-page report published", "Lusk Institute", "Lusk Institute"),
    # "posted online by" an unnamed group of people
    ("The police said they had reviewed 12 videos posted online by people at the station.",
     "Videos", "People at the station", "People at the station"),
    ("Police said they were studying a video filmed by a resident of the street.",
     "Video", "A resident of the street", None),
    ("Mayor Ana Ruiz cited data collected by the Lusk Institute last year.",
     "Data collected", "Lusk Institute", None),
]


@pytest.mark.parametrize(("text", "description", "producer", "releaser"), CASES)
def test_a_participle_with_by_names_who_made_or_released_it(
        text: str, description: str, producer: str, releaser: str | None) -> None:
    found = {d: (p, r) for d, p, r, _ in _evidence(text)}
    assert found[description] == (producer, releaser)


def test_a_report_cited_by_one_actor_and_published_by_another_is_one_item() -> None:
    [(_, producer, _, cited)] = _evidence(
        "Mayor Ana Ruiz cited a 30-page report published on Monday by the Lusk Institute.")
    assert producer == "Lusk Institute" and cited == ["Ana Ruiz"]


def test_records_a_result_was_compiled_from_are_the_speakers_evidence() -> None:
    [(description, _, _, cited)] = _evidence(
        "Mayor Ana Ruiz said the list of the missing had been compiled from police and "
        "ferry records.")
    assert (description, cited) == ("Police and ferry records", ["Ana Ruiz"])


def test_by_with_no_material_before_it_is_no_evidence() -> None:
    assert _evidence("Mayor Ana Ruiz said the bridge was damaged by a truck on Monday.") == []


def test_what_a_document_lists_comes_from_the_documents_producer() -> None:
    draft = extract("Mayor Ana Ruiz cited a report published on Monday by the Lusk Institute. "
                    "The report, which the Gazette has seen, lists water samples taken from the "
                    "river, server logs from the pumping station, and 12 photographs.",
                    publisher="The Test Gazette")
    names = {a.id: a.name for a in draft.actors}
    by_description = {e.description: e for e in draft.evidence}
    report = next(e for e in draft.evidence if e.kind == "Document")
    listed = [e for e in draft.evidence if e.part_of == report.id]
    assert sorted(e.description for e in listed) == [
        "12 photographs", "Server logs from the pumping station",
        "Water samples taken from the river"]
    assert {names[e.produced_by or ""] for e in listed} == {"Lusk Institute"}
    assert by_description["12 photographs"].kind == "Photograph"


def test_a_list_after_no_document_is_no_evidence() -> None:
    draft = extract("The menu lists water samples, server logs and 12 photographs.",
                    publisher="The Test Gazette")
    assert draft.evidence == []
