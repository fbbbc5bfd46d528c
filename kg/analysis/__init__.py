"""Corroboration and credibility analysis: which claims independent sources corroborate, and
how far each source can be trusted.

One measure per module:

- :mod:`~kg.analysis.columns`: the bulk view, integer ids and arrays, read from the store with
  SPARQL projections serialised in Rust;
- :mod:`~kg.analysis.bulk`: the numbers of every claim and actor at once, on those arrays;
- :mod:`~kg.analysis.extract`, :mod:`~kg.analysis.details`: the records, read from the store
  with SPARQL projections, all at once or a claim's neighbourhood at a time;
- :mod:`~kg.analysis.groups`: independent source groups (affiliation, overrides);
- :mod:`~kg.analysis.stances`: who affirms, denies or hedges each claim, with implications;
- :mod:`~kg.analysis.evidence`: evidence weights and independence;
- :mod:`~kg.analysis.corroboration`: corroborated / single-source / unsupported, contested;
- :mod:`~kg.analysis.trust`: truth discovery over the actor-claim graph;
- :mod:`~kg.analysis.credibility`: information credibility 1-6 and STIX confidence;
- :mod:`~kg.analysis.reliability`: source reliability A-F.

:func:`analyse` runs them all and returns an :class:`Analysis`, whose parts carry their
reasons as data for the CLI, the API and the graph view.

Two implementations, one answer. The numbers (status, counts, grades, trust) are computed for
every claim and actor at once by the fast path (:mod:`~kg.analysis.columns`,
:mod:`~kg.analysis.bulk`, :mod:`~kg.analysis.trust`), which scales to millions of statements.
The explanation of a claim or an actor (:class:`ClaimAssessment`, :class:`ActorAssessment`) is
built on first access by the reference implementation, the per-record code of the modules
above, from the neighbourhood of that claim (:mod:`~kg.analysis.explain`), and cached. Listing
all claims needs no explanation: :meth:`Analysis.claim_summaries` and
:meth:`Analysis.actor_summaries` are read off the arrays.

Example:
    >>> from kg.store import KnowledgeStore
    >>> from kg.seed import seed_paths
    >>> store = KnowledgeStore()
    >>> _ = store.load(seed_paths())
    >>> result = analyse(store)
    >>> claim = result.claim_by_id("nk-troops-in-russia")
    >>> claim.corroboration.status, [g.label for g in claim.corroboration.affirming]
    ('corroborated', ['South Korea', 'Ukraine', 'United States'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any

import numpy as np
import pyoxigraph as ox

from kg.analysis._memory import TRIM_ABOVE_STATEMENTS, release_freed_memory
from kg.analysis.as_of import AsOfReport, case_as_of, check_undated
from kg.analysis.as_of_columns import DateFilter
from kg.analysis.as_of_details import AsOfDetails, loaders
from kg.analysis.assessments import (
    ActorAssessment,
    ActorSummary,
    ClaimAssessment,
    ClaimSummary,
)
from kg.analysis.bulk import Numbers, compute_numbers
from kg.analysis.catalogue import Catalogue, CatalogueDetails, read_catalogue
from kg.analysis.claim_dates import DatedRows, dated_rows_from_case, read_dated_rows
from kg.analysis.claim_filters import ClaimFilters
from kg.analysis.columns import CaseColumns, columns_from_case
from kg.analysis.corroboration import STATUSES, Status, corroborate
from kg.analysis.credibility import STIX_CONFIDENCE, grade_credibility
from kg.analysis.details import CaseDetails, Details, StoreDetails
from kg.analysis.evidence import weigh_evidence
from kg.analysis.explain import Explainer
from kg.analysis.extract import SparqlSource, read_case_graph
from kg.analysis.groups import SourceGroups
from kg.analysis.lazy import LazyAssessments
from kg.analysis.model import CaseGraph, Statement
from kg.analysis.reliability import RELIABILITY_NAMES, ReliabilityScale, grade_reliability
from kg.analysis.stances import ImplicationIndex, stance_tables
from kg.analysis.store_columns import read_case_columns
from kg.analysis.trust import DEFAULT_METHOD, METHODS, TrustEstimate, estimate_trust_bulk
from kg.ids import resolve_id, short_index

DEFAULT_SCALE = ReliabilityScale()

#: An on-disk store with at most this many statements has its records read at once, so that
#: its explanations need it no more (a CLI command closes it before it prints).
EAGER_STATEMENTS = 20_000


class Analysis:
    """The result of :func:`analyse`: per-claim and per-actor assessments, and the groups.

    Attributes:
        claims: claim IRI -> :class:`ClaimAssessment`, built on first access.
        actors: actor IRI -> :class:`ActorAssessment`, built on first access.
        groups: the independent source groups (each group's record built on first access).
        trust: the truth-discovery estimate.
        min_groups: k.
        numbers: the bulk numbers of every claim and actor (:class:`kg.analysis.bulk.Numbers`).
        as_of: for an analysis as of a date (``analyse(..., as_of=...)``), what it left out
            and counted (:class:`kg.analysis.as_of.AsOfReport`); else ``None``.
    """

    as_of: AsOfReport | None = None

    def __init__(self, numbers: Numbers, trust: TrustEstimate, details: Details,
                 scale: ReliabilityScale, case_loader: Callable[[], CaseGraph],
                 catalogue_loader: Callable[[], Catalogue] | None = None,
                 dated_loader: Callable[[], DatedRows] | None = None) -> None:
        self.numbers = numbers
        self._catalogue_loader = catalogue_loader or (lambda: Catalogue.of(case_loader()))
        self.trust = trust
        self.min_groups = numbers.min_groups
        self._scale = scale
        self._explainer = Explainer(numbers, trust, details, scale)
        self.groups: SourceGroups = self._explainer.groups
        # The assessments built all at once live apart from the analysis, so that the mappings
        # below hold no reference back to it: with none, the analysis and its arrays are freed
        # as soon as the caller drops it, not at the garbage collector's next full pass.
        self._everything = _Everything(numbers, trust, self._explainer, scale, case_loader)
        everything, explainer, columns = self._everything, self._explainer, numbers.columns
        self._filters = ClaimFilters(
            numbers, lambda: explainer.refinement, lambda: everything.__dict__.get("case"),
            dated_loader or (lambda: dated_rows_from_case(case_loader(), columns)))
        self.claims: LazyAssessments[ClaimAssessment] = LazyAssessments(
            columns.claims, columns.claim_index, explainer.claim, everything.claims)
        self.actors: LazyAssessments[ActorAssessment] = LazyAssessments(
            columns.actors, columns.actor_index, explainer.actor, everything.actors)

    @cached_property
    def case(self) -> CaseGraph:
        """Every record of the graph. Read on first use (from a store, the whole graph).

        Once read, the explanations and group records still to be built look their records up
        in it instead of asking the store (the same records: tests/analysis/test_fast_path.py):
        the 26,041 group records of a 10M-triple store took 7.1 s by queries after the whole
        read, and they describe the version read even if the store has changed since.
        """
        case = self._everything.case
        if not isinstance(self._explainer.details, CaseDetails):
            self._explainer.use_details(CaseDetails(case))
        return case

    @cached_property
    def catalogue(self) -> Catalogue:
        """The records of every actor, claim and evidence item, but no statement: what lists
        need (:mod:`kg.analysis.catalogue`). Read on first use, unless :attr:`case` was.

        Once read, explanations look their actors, claims and evidence up in it and read only
        statements from the store.
        """
        if "case" in self._everything.__dict__:  # the whole graph's records are read
            return Catalogue.of(self._everything.case)
        catalogue = self._catalogue_loader()
        details = self._explainer.details
        if not isinstance(details, CaseDetails | CatalogueDetails):
            self._explainer.use_details(CatalogueDetails(catalogue, details))
        return catalogue

    @property
    def columns(self) -> CaseColumns:
        return self.numbers.columns

    @property
    def details(self) -> Details:
        """Records by IRI (labels, texts, evidence, statements), read on demand: what the
        explanations are built from, for callers that show a few nodes without explaining
        them (the graph view's summary of a large graph)."""
        return self._explainer.details

    def claim_by_id(self, ident: str) -> ClaimAssessment:
        """A claim by IRI, or by the last segment of its IRI (``nk-troops-in-russia``)."""
        return self.claims[self.claim_iri(ident)]

    def actor_by_id(self, ident: str) -> ActorAssessment:
        """An actor by IRI, or by the last segment of its IRI (``putin``)."""
        return self.actors[self.actor_iri(ident)]

    def claim_iri(self, ident: str) -> str:
        """The IRI of the claim that an IRI or id names, without building its explanation.
        KeyError if none, or if the id is ambiguous."""
        return resolve_id(self.numbers.columns.claim_index, self._short_claims, ident, "claim")

    def actor_iri(self, ident: str) -> str:
        """The IRI of the actor that an IRI or id names (as :meth:`claim_iri`)."""
        return resolve_id(self.numbers.columns.actor_index, self._short_actors, ident, "actor")

    @cached_property
    def _short_claims(self) -> dict[str, list[str]]:
        return short_index(self.numbers.columns.claims)

    @cached_property
    def _short_actors(self) -> dict[str, list[str]]:
        return short_index(self.numbers.columns.actors)

    def by_status(self, status: Status) -> list[ClaimAssessment]:
        """The claims with this status, with their explanations. ValueError for a status that
        is not one of :data:`kg.statuses.STATUSES`."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}"
                             " (contested is not a status: see ClaimSummary.contested)")
        code = STATUSES.index(status)
        cols = self.numbers.columns
        return self.claims.many(cols.claims[i]
                                for i in np.flatnonzero(self.numbers.status == code).tolist())

    def counts(self) -> dict[str, int]:
        """How many claims, actors, statements, evidence items and groups, from the arrays."""
        cols = self.numbers.columns
        # Statements as the records count them: one per statement, actor and claim.
        return {"claims": cols.n_claims, "actors": cols.n_actors,
                "statements": cols.n_statements, "evidence": len(cols.evidence),
                "groups": len(self.groups.groups)}

    def claim_summaries(self, iris: Iterable[str] | None = None) -> list[ClaimSummary]:
        """Every claim's numbers, in IRI order (or those of ``iris``, in their order), without
        building any explanation. KeyError for an IRI that is not a claim."""
        n, cols = self.numbers, self.numbers.columns
        actors = cols.actors
        belief = self.trust.belief

        def names(ids: np.ndarray) -> tuple[str, ...]:
            return tuple(actors[i] for i in ids.tolist())

        out = []
        for c in _ids(cols.claim_index, cols.n_claims, iris):
            iri = cols.claims[c]
            contested = names(n.contested.of(c))
            grade = int(n.grade[c])
            out.append(ClaimSummary(
                iri=iri, status=STATUSES[int(n.status[c])],
                independent_groups=int(n.affirm_groups.indptr[c + 1] - n.affirm_groups.indptr[c]),
                contested=bool(contested), affirming=names(n.affirm_groups.of(c)),
                denying=names(n.deny_groups.of(c)), contested_by=contested,
                hedging=names(n.hedge_groups.of(c)), credibility=grade,
                stix_confidence=STIX_CONFIDENCE[grade], belief=belief.get(iri),
            ))
        return out

    def actor_summaries(self, iris: Iterable[str] | None = None) -> list[ActorSummary]:
        """Every actor's numbers, in IRI order (or those of ``iris``, in their order), without
        building any explanation. KeyError for an IRI that is not an actor."""
        n, cols, scale = self.numbers, self.numbers.columns, self._scale
        statements = np.bincount(cols.stmt_actor, minlength=cols.n_actors)
        assessed = n.assessed.counts()
        trust = self.trust.trust
        out = []
        for a in _ids(cols.actor_index, cols.n_actors, iris):
            iri = cols.actors[a]
            t = trust.get(iri)
            out.append(ActorSummary(
                iri=iri, group=cols.actors[int(n.partition.group[a])],
                reliability=reliability_grade(t, int(assessed[a]), scale), trust=t,
                assessed_claims=int(assessed[a]), statements=int(statements[a]),
            ))
        return out

    def claims_with_stance_of(self, actor: str) -> np.ndarray:
        """Ids of the claims whose explanation lists a stance of ``actor`` (an IRI): direct,
        or implied through refinement or contradiction; without building any explanation."""
        return self._filters.stance_of(actor)

    def claims_with_evidence_kind(self, kind: str) -> np.ndarray:
        """Ids of the claims whose explanation lists an evidence item of ``kind`` (its local
        name, in any case: ``satelliteimagery``); without building any explanation."""
        return self._filters.evidence_kind(kind, self.catalogue.evidence)

    def claims_with_evidence(self, items: Iterable[str]) -> np.ndarray:
        """Ids of the claims whose explanation weighs one of the evidence ``items`` (IRIs)."""
        return self._filters.evidence(items)

    def claims_dated(self, low: str | None, high: str | None) -> np.ndarray:
        """Ids of the claims whose explanation lists a statement dated on or after ``low`` and
        on or before ``high`` (``YYYY-MM-DD``, either None; a partial date counts if any of
        its days does); without building any explanation. The first call reads every dated
        statement's claim, stance and date (one query on a store)."""
        return self._filters.dated(low, high)

    @property
    def dates_read(self) -> bool:
        """True once :meth:`claims_dated` has read the dated statements (it then reads
        nothing more, so it needs no guard against a write)."""
        return self._filters.dates_read

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: claims, actors and groups, with every reason."""
        from kg.analysis.serialize import analysis_to_dict

        return analysis_to_dict(self)

    # -- every explanation at once: the reference over the whole graph ---------------------

class _Everything:
    """Every assessment in one pass of the reference implementation over the whole graph (for
    :meth:`LazyAssessments.values` and the like), and the graph's records, read once."""

    def __init__(self, numbers: Numbers, trust: TrustEstimate, explainer: Explainer,
                 scale: ReliabilityScale, case_loader: Callable[[], CaseGraph]) -> None:
        self.numbers, self.trust, self._scale = numbers, trust, scale
        self.groups = explainer.groups
        self._case_loader = case_loader

    @cached_property
    def case(self) -> CaseGraph:
        """The records the analysis read from the store, read when first asked for;
        ``case.to_networkx()`` is the actor-claim graph (docs/python.md)."""
        return self._case_loader()

    def claims(self) -> dict[str, ClaimAssessment]:
        case = self.case
        groups = self.groups
        groups.groups.values()  # build every group record in one pass
        stances, entries = stance_tables(case, ImplicationIndex(case))
        weights = weigh_evidence(case, groups, entries, stances)
        corroboration = corroborate(case, groups, stances, weights,
                                    min_groups=self.numbers.min_groups)
        belief = self.trust.belief
        result = {}
        for iri, claim in case.claims.items():
            evidence = tuple(weights.get(iri, ()))
            result[iri] = ClaimAssessment(
                claim=claim, corroboration=corroboration[iri],
                credibility=grade_credibility(claim, corroboration[iri], list(evidence)),
                evidence=evidence, stances=tuple(stances.get(iri, ())), belief=belief.get(iri),
                context=case,
            )
        return result

    def actors(self) -> dict[str, ActorAssessment]:
        case = self.case
        cols, n = self.numbers.columns, self.numbers
        groups = self.groups
        groups.groups.values()
        by_actor: dict[str, list[Statement]] = {}
        for statement in case.statements:
            by_actor.setdefault(statement.actor, []).append(statement)
        result = {}
        for a, iri in enumerate(cols.actors):
            group = groups.of(iri)
            assessed = tuple(cols.claims[c] for c in n.assessed.of(a).tolist())
            result[iri] = ActorAssessment(
                actor=case.actors[iri], group=group,
                reliability=grade_reliability(
                    iri, trust=self.trust.trust.get(iri), assessed=assessed, group=group.id,
                    group_label=group.label, method=self.trust.method, scale=self._scale,
                    overrides=group.member(iri).overrides,
                unchecked=self.trust.unchecked.get(iri, 0),
                ),
                statements=tuple(by_actor.get(iri, ())), context=case,
            )
        return result


def reliability_grade(trust: float | None, assessed: int, scale: ReliabilityScale) -> str:
    """The grade letter of :func:`kg.analysis.reliability.grade_reliability`, without reasons."""
    if assessed < scale.min_track_record or trust is None:
        return "F"
    if trust >= scale.a and assessed >= scale.a_min_track_record:
        return "A"
    for letter, threshold in (("B", scale.b), ("C", scale.c), ("D", scale.d)):
        if trust >= threshold:
            return letter
    return "E"


def _ids(index: Mapping[str, int], size: int, iris: Iterable[str] | None) -> Iterable[int]:
    return range(size) if iris is None else [index[i] for i in iris]


def analyse(
    source: SparqlSource | Any,
    *,
    min_groups: int = 2,
    method: str = DEFAULT_METHOD,
    scale: ReliabilityScale = DEFAULT_SCALE,
    as_of: str | None = None,
    count_undated: bool = True,
) -> Analysis:
    """Analyse everything in a store.

    The numbers of every claim and actor are computed at once; each explanation is read from
    the store on first access (see the module docstring). An in-memory store's data stays with
    the analysis, so closing the store does not end the explanations. An on-disk store's
    records are read at once when it holds at most :data:`EAGER_STATEMENTS` statements (so the
    store may be closed, as before); above that, it must stay open while explanations are asked
    for.

    Args:
        source: a :class:`kg.store.KnowledgeStore` or a ``pyoxigraph.Store``.
        min_groups: k, independent affirming groups needed for "corroborated".
        method: truth-discovery method for trust and belief (a key of
            :data:`kg.analysis.trust.METHODS`).
        scale: thresholds of the reliability grades.
        as_of: a date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: the end of that month or
            year): only what was known then counts, statements and evidence dated on or before
            it (:mod:`kg.analysis.as_of`); the result's :attr:`Analysis.as_of` says what was
            left out. The dates are read as two more projections (every ``dcterms:date`` and
            ``cred:inDocument``), only when a date is given.
        count_undated: with ``as_of``, whether undated statements and evidence count.

    Raises:
        ValueError: ``min_groups`` below 1, an unknown ``method``, a date that is not one,
            or ``count_undated=False`` without ``as_of`` (it would be ignored).
    """
    if min_groups < 1:
        raise ValueError("min_groups must be at least 1")
    check_undated(as_of, count_undated)
    dates = None if as_of is None else DateFilter(as_of, count_undated)  # a bad date fails now
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    if getattr(source, "path", True) is None and isinstance(
        store := getattr(source, "oxigraph", None), ox.Store
    ):
        # In memory: hold the data itself, which outlives the wrapper's close().
        source = store
    release_freed_memory()  # what earlier work freed, before the read allocates on top of it
    columns = read_case_columns(source, dates)
    if columns.n_statements > TRIM_ABOVE_STATEMENTS:
        release_freed_memory()  # the read's tables, before the numbers and trust allocate
    if hasattr(source, "path") and columns.n_statements <= EAGER_STATEMENTS:
        case = read_case_graph(source)
        if as_of is not None:  # the records' filter: the same rule (tests/analysis)
            return analyse_case(case, min_groups=min_groups, method=method, scale=scale,
                                as_of=as_of, count_undated=count_undated)
        return _analysis(columns, CaseDetails(case), lambda: case, min_groups=min_groups,
                         method=method, scale=scale)
    implicit = [columns.actors[i] for i in np.flatnonzero(columns.actor_implicit).tolist()]
    if dates is not None:
        return _as_of_analysis(source, columns, dates, implicit, min_groups=min_groups,
                               method=method, scale=scale)
    return _analysis(columns, StoreDetails(source, implicit), lambda: read_case_graph(source),
                     lambda: read_catalogue(source, columns),
                     lambda: read_dated_rows(source, columns),
                     min_groups=min_groups, method=method, scale=scale)


def _as_of_analysis(source: Any, columns: CaseColumns, dates: DateFilter, implicit: list[str],
                    *, min_groups: int, method: str, scale: ReliabilityScale) -> Analysis:
    """The bulk path as of a date: the columns without the evidence not known then, and the
    explanations' records filtered by the same rule (:mod:`kg.analysis.as_of_details`)."""
    columns, report = dates.evidence(source, columns)
    case, catalogue, dated = loaders(source, columns, dates.as_of, dates.last,
                                     dates.count_undated)
    details = AsOfDetails(StoreDetails(source, implicit), dates.last, dates.count_undated)
    result = _analysis(columns, details, case, catalogue, dated, min_groups=min_groups,
                       method=method, scale=scale)
    result.as_of = report
    return result


def analyse_case(
    case: CaseGraph,
    *,
    min_groups: int = 2,
    method: str = DEFAULT_METHOD,
    scale: ReliabilityScale = DEFAULT_SCALE,
    as_of: str | None = None,
    count_undated: bool = True,
) -> Analysis:
    """Analyse records already read (see :func:`analyse`)."""
    if min_groups < 1:
        raise ValueError("min_groups must be at least 1")
    check_undated(as_of, count_undated)
    report = None
    if as_of is not None:
        case, report = case_as_of(case, as_of, count_undated=count_undated)
    result = _analysis(columns_from_case(case), CaseDetails(case), lambda: case,
                       min_groups=min_groups, method=method, scale=scale)
    result.as_of = report
    return result


def _analysis(columns: CaseColumns, details: Details, case_loader: Callable[[], CaseGraph],
              catalogue_loader: Callable[[], Catalogue] | None = None,
              dated_loader: Callable[[], DatedRows] | None = None, *,
              min_groups: int, method: str, scale: ReliabilityScale) -> Analysis:
    numbers = compute_numbers(columns, min_groups=min_groups)
    if columns.n_statements > TRIM_ABOVE_STATEMENTS:
        release_freed_memory()
    trust = estimate_trust_bulk(numbers, method=method)
    return Analysis(numbers, trust, details, scale, case_loader, catalogue_loader, dated_loader)


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "RELIABILITY_NAMES",
    "STATUSES",
    "ActorAssessment",
    "ActorSummary",
    "Analysis",
    "AsOfReport",
    "ClaimAssessment",
    "ClaimSummary",
    "LazyAssessments",
    "ReliabilityScale",
    "analyse",
    "analyse_case",
]
