"""Source reliability, A to F, after the Admiralty code (STANAG 2511 / AJP-2.1).

Reliability is a track record, so it is only graded where there is one. An actor's *assessed
claims* are the factual claims on which it took a side (affirms or denies) and on which at
least one other independent group took a side too: only there can its word be compared with
someone else's. Hedges, forecasts, conditionals and policy positions are not assessed.

- **F** (reliability cannot be judged): fewer than ``min_track_record`` assessed claims.
- Otherwise the grade follows the actor's trust, the accuracy that iterative truth discovery
  (:mod:`kg.analysis.truth`) estimates for it over the whole graph, with independent groups
  as the unit of evidence:

  ===== ====================== =============================================
  grade name                   rule
  ===== ====================== =============================================
  A     completely reliable    trust >= 0.9 and >= ``a_min_track_record``
                               assessed claims (a long history)
  B     usually reliable       trust >= 0.8
  C     fairly reliable        trust >= 0.6
  D     not usually reliable   trust >= 0.4
  E     unreliable             trust < 0.4
  ===== ====================== =============================================

The thresholds are parameters (:class:`ReliabilityScale`), shown in every explanation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.analysis.credibility import UNJUDGEABLE_KINDS
from kg.analysis.groups import SourceGroups
from kg.analysis.model import CaseGraph
from kg.analysis.stances import StanceEntry
from kg.analysis.truth.independent_accuracy import PRIOR

RELIABILITY_NAMES: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


@dataclass(frozen=True)
class ReliabilityScale:
    """Thresholds from trust and track record to grades A-E; below the record, F."""

    min_track_record: int = 3
    a_min_track_record: int = 10
    a: float = 0.9
    b: float = 0.8
    c: float = 0.6
    d: float = 0.4


@dataclass(frozen=True)
class Reliability:
    """An actor's reliability grade with its inputs and reasons."""

    actor: str
    grade: str
    name: str
    trust: float | None
    assessed_claims: tuple[str, ...]
    group: str
    reasons: tuple[str, ...]


def assessed_claims(
    case: CaseGraph, groups: SourceGroups, stances: dict[str, list[StanceEntry]]
) -> dict[str, tuple[str, ...]]:
    """Each actor's assessed claims (see the module docstring), in IRI order."""
    judgeable = {
        iri for iri, claim in case.claims.items()
        if not any(kind in UNJUDGEABLE_KINDS for kind in claim.kinds)
    }
    record: dict[str, set[str]] = defaultdict(set)
    for claim in sorted(judgeable):
        entries = [e for e in stances.get(claim, ()) if e.stance in ("affirms", "denies")]
        sided_groups = {groups.group_of[e.actor] for e in entries}
        for entry in entries:
            if entry.via == "direct" and sided_groups - {groups.group_of[entry.actor]}:
                record[entry.actor].add(claim)
    return {actor: tuple(sorted(record.get(actor, ()))) for actor in sorted(case.actors)}


def grade_reliability(
    actor: str,
    *,
    trust: float | None,
    assessed: tuple[str, ...],
    group: str,
    group_label: str,
    method: str,
    scale: ReliabilityScale | None = None,
    overrides: tuple[str, ...] = (),
    unchecked: int = 0,
) -> Reliability:
    """Grade one actor.

    Args:
        actor: the actor's IRI.
        trust: its estimated accuracy in [0, 1] from truth discovery, or None if it took no
            side on any claim.
        assessed: its assessed claims.
        group: its source group id; group_label: that group's name.
        method: the truth-discovery method that estimated ``trust`` (for the explanation).
        scale: the thresholds.
        overrides: the reasons of the analyst's overrides that put the actor in its group
            (:attr:`kg.analysis.groups.GroupMember.overrides`), named in the reasons: the
            group its record is judged with is then the analyst's choice, not its affiliation.
        unchecked: the claims no other group took a side on that held ``trust`` down towards
            the prior (:attr:`kg.analysis.trust.TrustEstimate.unchecked`), named in the
            reasons: a trust near 0.8 despite a clean record is otherwise a puzzle.

    Example:
        >>> grade_reliability("x", trust=0.85, assessed=("c1", "c2", "c3"), group="g",
        ...                   group_label="G", method="voting").grade
        'B'
        >>> grade_reliability("x", trust=0.99, assessed=("c1",), group="g",
        ...                   group_label="G", method="voting").grade
        'F'
    """
    scale = scale or ReliabilityScale()
    n = len(assessed)
    held = ""
    if unchecked and trust is not None:
        # The count includes the sides its statements imply (kg.analysis.stances), which its
        # statements do not list: without saying so, a reader counting the claims of its
        # statements found fewer (one narrower claim stated, two counted) and could not check.
        held = (f"; its trust is held down towards the prior {PRIOR:g} by {unchecked} "
                f"claim{'s' if unchecked != 1 else ''} it took a side on that no other group "
                "did (directly, or by implication of a statement: the broader claims of one it "
                "affirms, the narrower claims of one it denies, the claims contradicting one it "
                "affirms): what nobody else can check earns no credit")
    record = (f"{n} assessed claim{'s' if n != 1 else ''} (claims on which it took a side "
              "and another independent group did too)")
    if n < scale.min_track_record or trust is None:
        grade = "F"
        rule = f"{record}; at least {scale.min_track_record} are needed to judge a source"
        if trust is not None:
            # Truth discovery also weighs stances implied by a narrower claim the actor states
            # (refinements), which are not assessed claims: a trust can exist with none. Say
            # what the number is, since it is shown next to "cannot be judged".
            rule += (f". Its trust {trust:.2f} from {method} is not graded: it rests on too "
                     "thin a record, and may also count claims it takes a side on only "
                     f"through a narrower claim it states, which are not assessed claims{held}")
    else:
        shown = f"trust {trust:.2f} from {method}"
        if trust >= scale.a and n >= scale.a_min_track_record:
            # The record is appended once, below, for every grade: naming it here too
            # repeated the whole "N assessed claims (...)" clause in the sentence.
            grade, rule = "A", (f"{shown} \u2265 {scale.a:g} with at least "
                                f"{scale.a_min_track_record} assessed claims")
        elif trust >= scale.b:
            grade, rule = "B", f"{shown} \u2265 {scale.b:g}"
            if trust >= scale.a:
                rule += f" (A needs {scale.a_min_track_record} assessed claims; it has {n})"
        elif trust >= scale.c:
            grade, rule = "C", f"{shown} \u2265 {scale.c:g}"
        elif trust >= scale.d:
            grade, rule = "D", f"{shown} \u2265 {scale.d:g}"
        else:
            grade, rule = "E", f"{shown} < {scale.d:g}"
        rule += f"; {record}{held}"
    reasons = (
        f"Reliability {grade} ({RELIABILITY_NAMES[grade]}): {rule}.",
        f"Judged as part of source group {group_label}.",
        *(f"An analyst's override of the grouping names it: {reason.rstrip('.')}."
          for reason in overrides),
    )
    return Reliability(actor, grade, RELIABILITY_NAMES[grade], trust, assessed, group, reasons)


__all__ = ["RELIABILITY_NAMES", "Reliability", "ReliabilityScale", "assessed_claims",
           "grade_reliability"]
