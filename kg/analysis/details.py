"""The records behind one explanation, read on demand: labels, texts, quotes, dates, relays,
and the source document of each statement.

The bulk numbers never read these (:mod:`kg.analysis.columns`); an explanation needs them for
the few claims, actors and evidence items around one claim. A :class:`Details` gives the same
records :func:`kg.analysis.extract.read_case_graph` would give for those IRIs:

- :class:`StoreDetails` asks the store, with the reader's own queries restricted by a VALUES
  block (in chunks of :data:`CHUNK` IRIs);
- :class:`CaseDetails` looks them up in records already read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import Any, Protocol

from kg.analysis.extract import (
    _Hierarchy,
    _local,
    _read_evidence,
    _read_statements,
    _values,
    actor_record,
    claim_record,
    select,
)
from kg.analysis.model import Actor, CaseGraph, Claim, Evidence, Statement
from kg.namespaces import CRED

#: IRIs per VALUES block, so that no query text grows with the data.
CHUNK = 1000


class Details(Protocol):
    """Records by IRI (IRIs that are not there are left out of the answer)."""

    def actors(self, iris: Iterable[str]) -> dict[str, Actor]: ...

    def claims(self, iris: Iterable[str]) -> dict[str, Claim]: ...

    def evidence(self, iris: Iterable[str]) -> dict[str, Evidence]: ...

    def statements_about(self, claims: Iterable[str]) -> list[Statement]: ...

    def statements_by(self, actors: Iterable[str]) -> list[Statement]: ...


def _chunks(iris: Iterable[str]) -> list[list[str]]:
    ordered = sorted(set(iris))
    return [ordered[i:i + CHUNK] for i in range(0, len(ordered), CHUNK)]


def _typed(variable: str, kinds: Iterable[str]) -> str:
    """``?x a ?t`` for ``?t`` among ``kinds``, with ``?x`` bound first: a VALUES block on ``?t``
    is planned as a scan of every instance of each kind (800 actors of a 1M-triple store:
    0.067 s, against 0.016 s; it grows with the store, not with the IRIs asked for)."""
    return f"?{variable} a ?t . FILTER(?t IN ({', '.join(f'<{k}>' for k in kinds)}))"


def _statement_order(statements: list[Statement]) -> list[Statement]:
    # The reader's order: by IRI, actor, claim (one record per such triple).
    return sorted(statements, key=lambda s: (s.iri, s.actor, s.claim))


class StoreDetails:
    """Records read from a store, a few IRIs at a time.

    Args:
        source: a :class:`kg.store.KnowledgeStore` or a ``pyoxigraph.Store``.
        implicit: actors only known as another actor's affiliation, which the reader names by
            their IRI's last segment and reads nothing else about.
    """

    def __init__(self, source: Any, implicit: Iterable[str] = ()) -> None:
        self.source = source
        self.implicit = frozenset(implicit)

    @cached_property
    def _hierarchy(self) -> _Hierarchy:
        return _Hierarchy(self.source)

    @cached_property
    def _kinds(self) -> dict[str, list[str]]:
        h = self._hierarchy
        return {"actor": h.subclasses_of(str(CRED.Actor)),
                "claim": h.subclasses_of(str(CRED.Claim)),
                "evidence": h.subclasses_of(str(CRED.Evidence))}

    def _multi(self, query: str) -> dict[str, list[str]]:
        table: dict[str, set[str]] = defaultdict(set)
        for subject, value in select(self.source, query):
            if subject and value is not None:
                table[subject].add(value)
        return {k: sorted(v) for k, v in table.items()}

    def actors(self, iris: Iterable[str]) -> dict[str, Actor]:
        result: dict[str, Actor] = {}
        for chunk in _chunks(iris):
            explicit = [i for i in chunk if i not in self.implicit]
            for iri in chunk:
                if iri in self.implicit:
                    result[iri] = Actor(iri, _local(iri))
            if not explicit:
                continue
            values = f"VALUES ?a {{ {_values(explicit)} }}"
            kinds = self._kinds["actor"]
            tables = {
                "actor_types": self._multi(
                    f"SELECT ?a ?t WHERE {{ {values} {_typed('a', kinds)} }}"),
                "label": self._multi(f"SELECT ?a ?l WHERE {{ {values} ?a rdfs:label ?l }}"),
                "actsOnBehalfOf": self._multi(
                    f"SELECT ?a ?p WHERE {{ {values} ?a cred:actsOnBehalfOf ?p }}"),
                "role": self._multi(f"SELECT ?a ?r WHERE {{ {values} ?a cred:role ?r }}"),
            }
            for iri in explicit:
                result[iri] = actor_record(iri, tables)
        return result

    def claims(self, iris: Iterable[str]) -> dict[str, Claim]:
        result: dict[str, Claim] = {}
        for chunk in _chunks(iris):
            values = f"VALUES ?c {{ {_values(chunk)} }}"
            kinds = self._kinds["claim"]
            tables = {
                "claim_types": self._multi(
                    f"SELECT ?c ?t WHERE {{ {values} {_typed('c', kinds)} }}"),
                "text": self._multi(f"SELECT ?c ?x WHERE {{ {values} ?c cred:text ?x }}"),
                "refines": self._multi(
                    f"SELECT ?c ?b WHERE {{ {values} ?c cred:refines ?b }}"),
                "contradicts": self._multi(
                    f"SELECT ?c ?o WHERE {{ {values} "
                    "{ ?c cred:contradicts ?o } UNION { ?o cred:contradicts ?c } }"),
            }
            for iri in chunk:
                result[iri] = claim_record(iri, tables)
        return result

    def evidence(self, iris: Iterable[str]) -> dict[str, Evidence]:
        result: dict[str, Evidence] = {}
        for chunk in _chunks(iris):
            for item in _read_evidence(self.source, self._kinds["evidence"], self._hierarchy,
                                       restrict=f"VALUES ?e {{ {_values(chunk)} }}"):
                result[item.iri] = item
        return result

    def _statements(self, variable: str, iris: Iterable[str]) -> list[Statement]:
        found: list[Statement] = []
        for chunk in _chunks(iris):
            found.extend(_read_statements(
                self.source, restrict=f"VALUES ?{variable} {{ {_values(chunk)} }}"))
        return _statement_order(found)

    def statements_about(self, claims: Iterable[str]) -> list[Statement]:
        return self._statements("c", claims)

    def statements_by(self, actors: Iterable[str]) -> list[Statement]:
        return self._statements("a", actors)


class CaseDetails:
    """Records looked up in a :class:`~kg.analysis.model.CaseGraph`."""

    def __init__(self, case: CaseGraph) -> None:
        self.case = case

    @cached_property
    def _by_claim(self) -> dict[str, list[Statement]]:
        table: dict[str, list[Statement]] = defaultdict(list)
        for s in self.case.statements:
            table[s.claim].append(s)
        return table

    @cached_property
    def _by_actor(self) -> dict[str, list[Statement]]:
        table: dict[str, list[Statement]] = defaultdict(list)
        for s in self.case.statements:
            table[s.actor].append(s)
        return table

    def actors(self, iris: Iterable[str]) -> dict[str, Actor]:
        return {i: self.case.actors[i] for i in iris if i in self.case.actors}

    def claims(self, iris: Iterable[str]) -> dict[str, Claim]:
        return {i: self.case.claims[i] for i in iris if i in self.case.claims}

    def evidence(self, iris: Iterable[str]) -> dict[str, Evidence]:
        index = self.case.evidence_index
        return {i: index[i] for i in iris if i in index}

    @cached_property
    def _position(self) -> dict[int, int]:
        return {id(s): i for i, s in enumerate(self.case.statements)}

    def _gather(self, table: dict[str, list[Statement]], keys: Iterable[str]) -> list[Statement]:
        # In the case's own order, which the reader sorted; hand-made cases keep theirs.
        found = {id(s): s for k in set(keys) for s in table.get(k, ())}
        position = self._position
        return sorted(found.values(), key=lambda s: position[id(s)])

    def statements_about(self, claims: Iterable[str]) -> list[Statement]:
        return self._gather(self._by_claim, claims)

    def statements_by(self, actors: Iterable[str]) -> list[Statement]:
        return self._gather(self._by_actor, actors)


__all__ = ["CHUNK", "CaseDetails", "Details", "StoreDetails"]
