"""The analysis's bulk view of the graph: integer ids and numpy arrays, no record per statement.

:class:`CaseColumns` holds exactly what the numbers of every claim and actor depend on (who
stated what with which stance, affiliation, refinement, contradiction, evidence links and priors,
overrides), with every IRI interned to an integer id. Ids follow IRI order, as the records of
:class:`~kg.analysis.model.CaseGraph` do. Texts, labels, quotes, dates, verbs and relays are not
here: only explanations need them, and :mod:`kg.analysis.details` reads them per claim.

Two ways in, with one result:

- :func:`kg.analysis.store_columns.read_case_columns` reads a store with a few single-pattern
  SPARQL projections whose results Oxigraph serialises to TSV in Rust, two at a time on the two
  cores, and numpy tokenises and hashes (:mod:`kg.analysis._tsv`): no Python object per
  statement;
- :func:`columns_from_case` converts records already read (:func:`kg.analysis.extract.
  read_case_graph`, or the hand-made graphs of the tests).

Both follow the rules of :func:`kg.analysis.extract.read_case_graph` (which actors, claims and
evidence items exist, which statements count, the first affiliation in IRI order); the tests
check that they give the same columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kg.analysis.closure import distinct_pairs
from kg.analysis.credibility import UNJUDGEABLE_KINDS
from kg.analysis.model import CaseGraph, Override

#: Stance codes; their order is the order of the stance IRIs (``Affirms < Denies < Hedges``),
#: which decides the stance of a statement that has several (the first, as the reader keeps).
AFFIRMS, DENIES, HEDGES = 0, 1, 2
STANCE_CODES = {"affirms": AFFIRMS, "denies": DENIES, "hedges": HEDGES}
STANCE_NAMES = ("affirms", "denies", "hedges")

#: No pairs: the empty ``n x 2`` array the pair columns use.
EMPTY_PAIRS = np.zeros((0, 2), dtype=np.int64)


@dataclass(frozen=True, eq=False)
class CaseColumns:
    """Everything the numbers depend on, as integer ids and arrays.

    Attributes:
        actors: actor IRIs, sorted; an actor's id is its position.
        actor_parent: id of the actor each acts on behalf of (the first in IRI order), or -1.
        actor_implicit: True for an actor only known as another's affiliation (the reader names
            it by its IRI's last segment and reads nothing else about it).
        claims: claim IRIs, sorted.
        claim_unjudgeable: True for forecasts, conditional claims and policy positions.
        refines: ``(narrow, broad)`` id pairs, distinct.
        contradicts: ``(claim, other)`` id pairs, distinct and symmetric (both directions).
        stmt_actor, stmt_claim, stmt_stance: one row per statement (per actor and claim of a
            statement that names several), stance as :data:`STANCE_CODES`.
        evidence: evidence IRIs, sorted.
        evidence_prior: each item's weight, the reliability prior of its kind.
        evidence_owner: ``(item, actor)`` pairs of producers and releasers, distinct.
        evidence_supports, evidence_disputes: ``(item, claim)`` pairs, distinct.
        overrides: the analysts' grouping decisions (few), as records.
    """

    actors: tuple[str, ...]
    actor_parent: np.ndarray
    actor_implicit: np.ndarray
    claims: tuple[str, ...]
    claim_unjudgeable: np.ndarray
    refines: np.ndarray
    contradicts: np.ndarray
    stmt_actor: np.ndarray
    stmt_claim: np.ndarray
    stmt_stance: np.ndarray
    evidence: tuple[str, ...]
    evidence_prior: np.ndarray
    evidence_owner: np.ndarray
    evidence_supports: np.ndarray
    evidence_disputes: np.ndarray
    overrides: tuple[Override, ...]

    @property
    def n_actors(self) -> int:
        return len(self.actors)

    @property
    def n_claims(self) -> int:
        return len(self.claims)

    @property
    def n_statements(self) -> int:
        return int(self.stmt_actor.size)

    @cached_property
    def actor_index(self) -> dict[str, int]:
        return {iri: i for i, iri in enumerate(self.actors)}

    @cached_property
    def claim_index(self) -> dict[str, int]:
        return {iri: i for i, iri in enumerate(self.claims)}

    @cached_property
    def evidence_index(self) -> dict[str, int]:
        return {iri: i for i, iri in enumerate(self.evidence)}


def _pairs(rows: Iterable[tuple[int, int]]) -> np.ndarray:
    array = np.array(list(rows), dtype=np.int64).reshape(-1, 2)
    return distinct_pairs(array[:, 0], array[:, 1]) if len(array) else EMPTY_PAIRS


def columns_from_case(case: CaseGraph) -> CaseColumns:
    """The columns of records already read.

    Example:
        >>> from kg.analysis.model import Actor, CaseGraph, Claim, Statement
        >>> case = CaseGraph(actors={"a": Actor("a", "A")}, claims={"c": Claim("c", "C")},
        ...                  statements=[Statement("s", "a", "c", "affirms")])
        >>> columns_from_case(case).stmt_stance.tolist()
        [0]
    """
    actors = tuple(sorted(case.actors))
    claims = tuple(sorted(case.claims))
    a_index = {iri: i for i, iri in enumerate(actors)}
    c_index = {iri: i for i, iri in enumerate(claims)}
    parent = np.array([a_index.get(case.actors[a].acts_for or "", -1) for a in actors],
                      dtype=np.int64)
    # Records do not say whether an actor was only someone's affiliation; nothing depends on
    # it but the reading of labels, which records already carry.
    implicit = np.zeros(len(actors), dtype=bool)
    unjudgeable = np.array(
        [any(k in UNJUDGEABLE_KINDS for k in case.claims[c].kinds) for c in claims], dtype=bool)
    refines = _pairs((c_index[c], c_index[b]) for c in claims for b in case.claims[c].refines
                     if b in c_index)
    contradicts = _pairs(
        pair for c in claims for o in case.claims[c].contradicts if o in c_index
        for pair in ((c_index[c], c_index[o]), (c_index[o], c_index[c])))
    statements = case.statements
    evidence = tuple(sorted(e.iri for e in case.evidence))
    e_index = {iri: i for i, iri in enumerate(evidence)}
    items = {e.iri: e for e in case.evidence}
    return CaseColumns(
        actors=actors, actor_parent=parent, actor_implicit=implicit,
        claims=claims, claim_unjudgeable=unjudgeable, refines=refines, contradicts=contradicts,
        stmt_actor=np.array([a_index[s.actor] for s in statements], dtype=np.int64),
        stmt_claim=np.array([c_index[s.claim] for s in statements], dtype=np.int64),
        stmt_stance=np.array([STANCE_CODES[s.stance] for s in statements], dtype=np.int8),
        evidence=evidence,
        evidence_prior=np.array([items[e].prior for e in evidence], dtype=float),
        evidence_owner=_pairs((e_index[e], a_index[a]) for e in evidence
                              for a in (*items[e].producers, *items[e].releasers)),
        evidence_supports=_pairs((e_index[e], c_index[c]) for e in evidence
                                 for c in items[e].supports),
        evidence_disputes=_pairs((e_index[e], c_index[c]) for e in evidence
                                 for c in items[e].disputes),
        overrides=tuple(case.overrides),
    )


__all__ = ["AFFIRMS", "DENIES", "HEDGES", "STANCE_CODES", "STANCE_NAMES", "CaseColumns",
           "columns_from_case"]
