"""The reference analysis: every measure computed record by record over the whole graph.

This is how :func:`kg.analysis.analyse_case` worked before the fast path: simple, slow, and the
definition the fast path (:mod:`~kg.analysis.bulk`, :mod:`~kg.analysis.trust`) and the
explanations built from a claim's neighbourhood (:mod:`~kg.analysis.explain`) are checked
against. It reads well at the size of a case file and takes minutes at a million statements.

Example:
    >>> from kg.analysis.model import Actor, CaseGraph, Claim, Statement
    >>> case = CaseGraph(actors={"a": Actor("a", "A"), "b": Actor("b", "B")},
    ...                  claims={"c": Claim("c", "C.")},
    ...                  statements=[Statement("s1", "a", "c", "affirms"),
    ...                              Statement("s2", "b", "c", "affirms")])
    >>> claims, actors, trust = reference_assessments(case, method="voting")
    >>> claims["c"].corroboration.status
    'corroborated'
"""

from __future__ import annotations

from collections import defaultdict

from kg.analysis.assessments import ActorAssessment, ClaimAssessment
from kg.analysis.corroboration import corroborate
from kg.analysis.credibility import grade_credibility
from kg.analysis.evidence import weigh_evidence
from kg.analysis.groups import source_groups
from kg.analysis.model import CaseGraph, Statement
from kg.analysis.reliability import ReliabilityScale, assessed_claims, grade_reliability
from kg.analysis.stances import ImplicationIndex, stance_tables
from kg.analysis.trust import DEFAULT_METHOD, TrustEstimate, estimate_trust


def reference_assessments(
    case: CaseGraph,
    *,
    min_groups: int = 2,
    method: str = DEFAULT_METHOD,
    scale: ReliabilityScale | None = None,
) -> tuple[dict[str, ClaimAssessment], dict[str, ActorAssessment], TrustEstimate]:
    """Every claim's and actor's assessment, and the trust estimate, the slow way.

    Trust runs ``method`` as asked, whatever the size (:func:`kg.analysis.trust.estimate_trust`).
    """
    scale = scale or ReliabilityScale()
    groups = source_groups(case)
    stances, evidence_entries = stance_tables(case, ImplicationIndex(case))
    weights = weigh_evidence(case, groups, evidence_entries, stances)
    corroboration = corroborate(case, groups, stances, weights, min_groups=min_groups)
    trust = estimate_trust(case, groups, stances, method=method)
    claims = {}
    for iri, claim in case.claims.items():
        evidence = tuple(weights.get(iri, ()))
        claims[iri] = ClaimAssessment(
            claim=claim,
            corroboration=corroboration[iri],
            credibility=grade_credibility(claim, corroboration[iri], list(evidence)),
            evidence=evidence,
            stances=tuple(stances.get(iri, ())),
            belief=trust.belief.get(iri),
        )
    by_actor: dict[str, list[Statement]] = defaultdict(list)
    for statement in case.statements:
        by_actor[statement.actor].append(statement)
    assessed = assessed_claims(case, groups, stances)
    actors = {}
    for iri, actor in case.actors.items():
        group = groups.of(iri)
        actors[iri] = ActorAssessment(
            actor=actor,
            group=group,
            reliability=grade_reliability(
                iri, trust=trust.trust.get(iri), assessed=assessed[iri], group=group.id,
                group_label=group.label, method=method, scale=scale,
                overrides=group.member(iri).overrides,
                unchecked=trust.unchecked.get(iri, 0),
            ),
            statements=tuple(by_actor.get(iri, ())),
        )
    return claims, actors, trust


__all__ = ["reference_assessments"]
