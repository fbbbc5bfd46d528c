"""The records of every actor, claim and evidence item, without the statements.

Lists need a name for everything (a claim's text, an actor's label, an evidence item's kinds)
but no statement: those are what the whole graph's records (:attr:`Analysis.case`) spend their
time on (a 10M-triple store holds a million statements and 128,205 claims; reading every record
took 40 s, most of it the statements). :func:`read_catalogue` reads only the rest, with the
whole-graph reader's own queries and rules (:mod:`kg.analysis.extract`), for the actors, claims
and evidence that the bulk columns found; :class:`CatalogueDetails` then answers an
explanation's records from it and reads only the statements from the store.

The records are those :func:`kg.analysis.extract.read_case_graph` gives (tests/analysis/
test_records_catalogue.py), so a list shows the same names whether or not the whole graph was read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from kg.analysis._memory import collector_paused
from kg.analysis.columns import CaseColumns
from kg.analysis.details import Details
from kg.analysis.extract import (
    _PREDICATES,
    _Hierarchy,
    _local,
    _read_all_evidence,
    _read_tables,
    actor_record,
    claim_record,
    typed_queries,
)
from kg.analysis.model import Actor, CaseGraph, Claim, Evidence, Statement

#: The whole-graph tables a catalogue needs (the statements' and relays' are left out).
_TABLES = ("label", "actsOnBehalfOf", "role", "text", "refines", "producedBy", "releasedBy",
           "citedBy", "supports", "disputes", "description")


@dataclass(frozen=True)
class Catalogue:
    """Every actor and claim by IRI (sorted) and every evidence item (sorted by IRI)."""

    actors: dict[str, Actor]
    claims: dict[str, Claim]
    evidence: list[Evidence]

    @cached_property
    def evidence_index(self) -> dict[str, Evidence]:
        """Evidence items by IRI."""
        return {e.iri: e for e in self.evidence}

    @classmethod
    def of(cls, case: CaseGraph) -> Catalogue:
        """The catalogue of records already read (shared, not copied)."""
        return cls(case.actors, case.claims, case.evidence)


def read_catalogue(source: Any, columns: CaseColumns) -> Catalogue:
    """Read the records of the actors, claims and evidence of ``columns`` from ``source``.

    Args:
        source: the store the columns were read from (a :class:`kg.store.KnowledgeStore` or a
            ``pyoxigraph.Store``), unchanged since.
        columns: its bulk columns (:func:`kg.analysis.store_columns.read_case_columns`).
    """
    with collector_paused():
        return _read(source, columns)


def _read(source: Any, columns: CaseColumns) -> Catalogue:
    hierarchy = _Hierarchy(source)
    linked = ("{ ?e cred:supports ?x } UNION { ?e cred:disputes ?x } UNION "
              "{ ?e cred:producedBy ?x } UNION { ?e cred:releasedBy ?x }")
    t = _read_tables(source, {
        **typed_queries(hierarchy),
        # The dates of the evidence items the reader keeps dates for (those with a link), not
        # of every statement: the items first, then each one's date by its subject.
        "date": ("SELECT ?e ?d WHERE { { SELECT DISTINCT ?e WHERE { " + linked + " } } "
                 "?e <http://purl.org/dc/terms/date> ?d }"),
        **{name: f"SELECT ?s ?o WHERE {{ ?s {_PREDICATES[name]} ?o }}" for name in _TABLES},
    })
    implicit = {columns.actors[i] for i in np.flatnonzero(columns.actor_implicit).tolist()}
    # An actor known only as another's affiliation is named by its IRI, as the reader does.
    actors = {iri: Actor(iri, _local(iri)) if iri in implicit else actor_record(iri, t)
              for iri in columns.actors}
    claims = {iri: claim_record(iri, t) for iri in columns.claims}
    return Catalogue(actors, claims, _read_all_evidence(t, hierarchy))


class CatalogueDetails:
    """:class:`~kg.analysis.details.Details` that look actors, claims and evidence up in a
    catalogue and read only statements from ``statements`` (the store's details)."""

    def __init__(self, catalogue: Catalogue, statements: Details) -> None:
        self.catalogue = catalogue
        self._statements = statements

    def actors(self, iris: Iterable[str]) -> dict[str, Actor]:
        table = self.catalogue.actors
        return {i: table[i] for i in iris if i in table}

    def claims(self, iris: Iterable[str]) -> dict[str, Claim]:
        table = self.catalogue.claims
        return {i: table[i] for i in iris if i in table}

    def evidence(self, iris: Iterable[str]) -> dict[str, Evidence]:
        table = self.catalogue.evidence_index
        return {i: table[i] for i in iris if i in table}

    def statements_about(self, claims: Iterable[str]) -> list[Statement]:
        return self._statements.statements_about(claims)

    def statements_by(self, actors: Iterable[str]) -> list[Statement]:
        return self._statements.statements_by(actors)


__all__ = ["Catalogue", "CatalogueDetails", "read_catalogue"]
