"""The benchmark's source-group measure (kg.extract.evaluate): pairs of speakers the draft has,
scored on being one source, as the analysis groups them (acts_for chains and overrides)."""

from __future__ import annotations

from pathlib import Path

from kg.extract.actors import ActorRecord
from kg.extract.evaluate import Gold, GoldStatement, evaluate
from kg.extract.model import DocumentRecord, Draft, StatementRecord

TEXT = "Ana said x. Bo said y. Cy said z."
SENTENCES = [(0, 11), (12, 22), (23, 33)]


def _gold() -> Gold:
    actors = {"ana": {"names": ["Ana"], "acts_for": "state"},
              "bo": {"names": ["Bo"], "acts_for": "ministry"},
              "ministry": {"names": ["the ministry"], "acts_for": "state"},
              "cy": {"names": ["Cy"]}, "state": {"names": ["Statia"]}}
    statements = [GoldStatement(span, who, "affirms", f"c{i}", span, ())
                  for i, (span, who) in enumerate(zip(SENTENCES, ["ana", "bo", "cy"], strict=True))]
    return Gold(Path("x-gold.yaml"), "x.txt", "", {}, "paper", actors, statements, [])


def _draft(acts_for: dict[str, str | None],
           overrides: list[tuple[str, str, str]] | None = None) -> Draft:
    names = {"ana": "Ana", "bo": "Bo", "cy": "Cy", "state": "Statia", "ministry": "the ministry"}
    actors = [ActorRecord(ident, name, "Person", acts_for=acts_for.get(ident))
              for ident, name in names.items()]
    statements = [StatementRecord(who, "affirms", span, span, "x", claim=f"c{i}")
                  for i, (span, who) in enumerate(zip(SENTENCES, ["ana", "bo", "cy"], strict=True))]
    return Draft(TEXT, DocumentRecord("doc"), actors, [], statements, [], [],
                 overrides or [])


def test_a_missing_affiliation_counts_one_source_twice() -> None:
    # Bo's link to the ministry is missing: Ana and Bo look independent (a missed pair), and
    # Cy, made to act for the state, is one source with Ana (a wrong pair).
    found = evaluate(_draft({"ana": "state", "cy": "state", "ministry": "state"}), _gold())
    assert (found.groups.tp, found.groups.fp, found.groups.fn) == (0, 1, 1)


def test_chains_of_any_length_end_at_one_source() -> None:
    found = evaluate(_draft({"ana": "state", "bo": "ministry", "ministry": "state"}), _gold())
    assert (found.groups.tp, found.groups.fp, found.groups.fn) == (1, 0, 0)
    assert found.groups.f1 == 1.0


def test_an_override_of_the_draft_makes_one_source() -> None:
    # No chain links Bo to the state, but the draft declares Bo and Ana one source.
    found = evaluate(_draft({"ana": "state"}, [("bo", "ana", "one government")]), _gold())
    assert (found.groups.tp, found.groups.fp, found.groups.fn) == (1, 0, 0)
