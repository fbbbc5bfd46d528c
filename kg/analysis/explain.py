"""Explanations on demand: the reference implementation run on one claim's neighbourhood.

The explanation of a claim (its stance table by group, evidence and weights, every reason) is
built by the reference code (:mod:`~kg.analysis.stances`, :mod:`~kg.analysis.evidence`,
:mod:`~kg.analysis.corroboration`, :mod:`~kg.analysis.credibility`) on a small
:class:`~kg.analysis.model.CaseGraph` that holds exactly what bears on that claim:

- the claims it implies and that imply it: its broader claims ``B*(c)``, its narrower claims
  ``N*(c)``, the claims that contradict one of ``B*(c)`` and their narrower claims (an
  affirmation of any of those denies ``c``);
- every statement about those claims, the evidence on them, and the actors these name;
- the source groups, from the bulk partition (a group's record lists all its members).

Every stance entry of ``c`` in the whole graph comes from a statement about one of those claims,
through refinement and contradiction edges between them, so the reference finds the same entries
in the neighbourhood as in the whole graph; the tests check it claim by claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import cached_property

import numpy as np

from kg.analysis._memory import collector_paused
from kg.analysis.assessments import ActorAssessment, ClaimAssessment
from kg.analysis.bulk import Numbers
from kg.analysis.closure import Refinement, _ranges
from kg.analysis.corroboration import corroborate
from kg.analysis.credibility import grade_credibility
from kg.analysis.details import Details
from kg.analysis.evidence import weigh_evidence
from kg.analysis.groups import (
    Separation,
    SourceGroup,
    SourceGroups,
    override_reasons,
    source_groups,
)
from kg.analysis.model import Actor, CaseGraph, Override
from kg.analysis.reliability import ReliabilityScale, grade_reliability
from kg.analysis.stances import ImplicationIndex, stance_tables
from kg.analysis.trust import TrustEstimate


class GroupOf(Mapping[str, str]):
    """Actor IRI -> group id (the IRI of the group's representative), read off the partition."""

    def __init__(self, numbers: Numbers) -> None:
        self._actors = numbers.columns.actors
        self._index = numbers.columns.actor_index
        self._group = numbers.partition.group

    def __getitem__(self, actor: str) -> str:
        return self._actors[int(self._group[self._index[actor]])]

    def __iter__(self) -> Iterator[str]:
        return iter(self._actors)

    def __len__(self) -> int:
        return len(self._actors)


class Groups(Mapping[str, SourceGroup]):
    """Group id -> :class:`SourceGroup`, each built on first use by the reference
    :func:`~kg.analysis.groups.source_groups` on the group's members alone (their affiliation and
    the overrides that name them decide everything about the group)."""

    def __init__(self, numbers: Numbers, details: Details) -> None:
        self._numbers = numbers
        self._details = details
        cols = numbers.columns
        ids = np.unique(numbers.partition.group)
        self._ids = ids
        self._keys = tuple(cols.actors[i] for i in ids.tolist())
        self._cache: dict[str, SourceGroup] = {}

    def use_details(self, details: Details) -> None:
        self._details = details

    def __getitem__(self, group: str) -> SourceGroup:
        found = self._cache.get(group)
        if found is None:
            index = self._numbers.columns.actor_index.get(group)
            if index is None or self._numbers.partition.group[index] != index:
                raise KeyError(group)
            found = self._build([index])[group]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def values(self):  # type: ignore[override]
        self.prefetch(self._ids)
        return [self._cache[k] for k in self._keys]

    def items(self):  # type: ignore[override]
        self.prefetch(self._ids)
        return [(k, self._cache[k]) for k in self._keys]

    def prefetch(self, group_ids: np.ndarray) -> None:
        """Build the records of these groups (actor ids of their representatives) at once."""
        cols = self._numbers.columns
        todo = [int(g) for g in np.unique(group_ids).tolist()
                if cols.actors[int(g)] not in self._cache]
        if todo:
            self._build(todo)

    def _build(self, group_ids: list[int]) -> dict[str, SourceGroup]:
        with collector_paused():  # tens of thousands of records at once at 10M triples
            return self._build_records(group_ids)

    def _build_records(self, group_ids: list[int]) -> dict[str, SourceGroup]:
        numbers, cols = self._numbers, self._numbers.columns
        members = numbers.partition.members
        idx, _ = _ranges(members.indptr[group_ids], members.indptr[np.array(group_ids) + 1])
        actor_ids = members.items[idx]
        names = [cols.actors[i] for i in actor_ids.tolist()]
        records = self._details.actors(names)
        parent = numbers.partition.parent
        member_set = set(names)
        actors = {}
        for i, name in zip(actor_ids.tolist(), names, strict=True):
            up = int(parent[i])
            record = records.get(name) or Actor(name, name)
            # The affiliation as the partition saw it: an independence declaration has
            # already detached the actor from its parent.
            actors[name] = Actor(name, record.label,
                                 acts_for=cols.actors[up] if up >= 0 else None)
        overrides = []
        for o in cols.overrides:
            named = tuple(a for a in o.actors if a in member_set)
            if named:
                overrides.append(Override(o.iri, named, o.independent, o.reason))
        built = source_groups(CaseGraph(actors=actors, overrides=overrides))
        separations = self._separations(group_ids)
        result = {}
        for g in group_ids:
            key = cols.actors[g]
            group = built.groups[key]
            mine = set(group.actor_iris)
            merges = [o.reason for o in cols.overrides if not o.independent
                      for a in o.actors if a in mine]
            reasons = override_reasons(group.label, separations.get(g, []), merges)
            self._cache[key] = result[key] = replace(group, reasons=reasons)
        return result

    @cached_property
    def _detached(self) -> tuple[np.ndarray, list[list[str]]]:
        """The actors an independence declaration detached from a parent (ids, sorted), and
        the reasons of the declarations that name each, in declaration order."""
        cols = self._numbers.columns
        reasons: dict[int, list[str]] = {}
        for o in cols.overrides:
            if o.independent:
                for a in o.actors:
                    i = cols.actor_index.get(a)
                    if i is not None and cols.actor_parent[i] >= 0:
                        reasons.setdefault(i, []).append(o.reason)
        ids = sorted(reasons)
        return np.array(ids, dtype=np.int64), [reasons[i] for i in ids]

    def _separations(self, group_ids: list[int]) -> dict[int, list[Separation]]:
        """The separations that concern each of these groups, as the reference lists them:
        by the detached actor's IRI, the actor's group and the group it left alike."""
        ids, reasons = self._detached
        if not len(ids):
            return {}
        cols, part = self._numbers.columns, self._numbers.partition
        mine = part.group[ids]
        former = part.group[cols.actor_parent[ids]]
        wanted = np.array(group_ids, dtype=np.int64)
        found: dict[int, list[Separation]] = {}
        for k in np.flatnonzero(np.isin(mine, wanted) | np.isin(former, wanted)).tolist():
            name = cols.actors[int(ids[k])]
            record = self._details.actors([name]).get(name) or Actor(name, name)
            former_label = self._label(int(former[k]))
            for reason in reasons[k]:
                separation = Separation(record.label, former_label, bool(mine[k] == former[k]),
                                        reason)
                for g in dict.fromkeys((int(mine[k]), int(former[k]))):
                    found.setdefault(g, []).append(separation)
        return found

    def _label(self, group: int) -> str:
        """A group's label without building its record: its heads', representative first."""
        cols, part = self._numbers.columns, self._numbers.partition
        cached = self._cache.get(cols.actors[group])
        if cached is not None:
            return cached.label
        heads = np.unique(part.head[part.members.of(group)]).tolist()
        names = [cols.actors[h] for h in [group, *(h for h in heads if h != group)]]
        records = self._details.actors(names)
        return " + ".join((records.get(n) or Actor(n, n)).label for n in names)


class Explainer:
    """Builds :class:`~kg.analysis.ClaimAssessment` and :class:`~kg.analysis.ActorAssessment`
    records one at a time from the bulk numbers, the trust estimate and a details source."""

    def __init__(self, numbers: Numbers, trust: TrustEstimate, details: Details,
                 scale: ReliabilityScale) -> None:
        self.numbers = numbers
        self.trust = trust
        self.details = details
        self.scale = scale
        self._groups = Groups(numbers, details)
        self.groups = SourceGroups(groups=self._groups, group_of=GroupOf(numbers))

    def use_details(self, details: Details) -> None:
        """Read the records from ``details`` from now on (records already built are kept)."""
        self.details = details
        self._groups.use_details(details)

    @cached_property
    def refinement(self) -> Refinement:
        cols = self.numbers.columns
        return Refinement(cols.n_claims, cols.refines)

    @cached_property
    def _contradicts(self) -> tuple[np.ndarray, np.ndarray]:
        cols = self.numbers.columns
        con = cols.contradicts
        ptr = np.zeros(cols.n_claims + 1, dtype=np.int64)
        np.cumsum(np.bincount(con[:, 0], minlength=cols.n_claims), out=ptr[1:])
        return ptr, con[np.argsort(con[:, 0], kind="stable"), 1]

    @cached_property
    def _evidence_by_claim(self) -> tuple[np.ndarray, np.ndarray]:
        cols = self.numbers.columns
        links = np.concatenate([cols.evidence_supports, cols.evidence_disputes])
        order = np.argsort(links[:, 1], kind="stable")
        ptr = np.zeros(cols.n_claims + 1, dtype=np.int64)
        np.cumsum(np.bincount(links[:, 1], minlength=cols.n_claims), out=ptr[1:])
        return ptr, links[order, 0]

    def neighbourhood(self, claim: int) -> np.ndarray:
        """Claim ids whose statements and evidence can bear on ``claim`` (sorted)."""
        r = self.refinement
        broader = r.broader_of(np.array([claim]))
        narrower = r.narrower_of(np.array([claim]))
        ptr, to = self._contradicts
        idx, _ = _ranges(ptr[broader], ptr[broader + 1])
        contradicting = np.unique(to[idx])
        parts = [broader, narrower]
        if len(contradicting):
            parts.append(r.narrower_of(contradicting))
        return np.unique(np.concatenate(parts))

    def claim(self, claim: int) -> ClaimAssessment:
        cols = self.numbers.columns
        iri = cols.claims[claim]
        around = self.neighbourhood(claim)
        around_iris = [cols.claims[i] for i in around.tolist()]
        statements = self.details.statements_about(around_iris)
        ptr, items = self._evidence_by_claim
        idx, _ = _ranges(ptr[around], ptr[around + 1])
        evidence = self.details.evidence(cols.evidence[i] for i in np.unique(items[idx]).tolist())
        actor_iris = {s.actor for s in statements} | {r.outlet for s in statements
                                                      for r in s.relays}
        for item in evidence.values():
            actor_iris.update(item.producers, item.releasers, item.cited_by)
        claims = self.details.claims(around_iris)
        case = CaseGraph(
            actors=dict(sorted(self.details.actors(actor_iris).items())),
            claims=dict(sorted(claims.items())),
            statements=statements,
            evidence=sorted(evidence.values(), key=lambda e: e.iri),
        )
        self._prefetch_groups(actor_iris)
        stances, entries = stance_tables(case, ImplicationIndex(case))
        weights = weigh_evidence(case, self.groups,
                                 {iri: entries[iri]} if iri in entries else {}, stances)
        corroboration = corroborate(case, self.groups, stances, weights,
                                    min_groups=self.numbers.min_groups, claims=[iri])[iri]
        evidence_weights = tuple(weights.get(iri, ()))
        record = case.claims[iri]
        return ClaimAssessment(
            claim=record,
            corroboration=corroboration,
            credibility=grade_credibility(record, corroboration, list(evidence_weights)),
            evidence=evidence_weights,
            stances=tuple(stances.get(iri, ())),
            belief=self.trust.belief.get(iri),
            context=case,
        )

    def _prefetch_groups(self, actor_iris: set[str]) -> None:
        cols = self.numbers.columns
        ids = np.array([cols.actor_index[a] for a in actor_iris if a in cols.actor_index],
                       dtype=np.int64)
        if len(ids):
            groups = self.groups.groups
            assert isinstance(groups, Groups)
            groups.prefetch(self.numbers.partition.group[ids])

    def actor(self, actor: int) -> ActorAssessment:
        cols = self.numbers.columns
        iri = cols.actors[actor]
        record = self.details.actors([iri])[iri]
        group = self.groups.of(iri)
        assessed = tuple(cols.claims[c] for c in self.numbers.assessed.of(actor).tolist())
        statements = self.details.statements_by([iri])
        context = CaseGraph(actors={iri: record},
                            claims=self.details.claims({s.claim for s in statements}),
                            statements=statements)
        return ActorAssessment(
            actor=record,
            group=group,
            reliability=grade_reliability(
                iri, trust=self.trust.trust.get(iri), assessed=assessed, group=group.id,
                group_label=group.label, method=self.trust.method, scale=self.scale,
                overrides=group.member(iri).overrides,
                unchecked=self.trust.unchecked.get(iri, 0),
            ),
            statements=tuple(statements),
            context=context,
        )


__all__ = ["Explainer", "GroupOf", "Groups"]
