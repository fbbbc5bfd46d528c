"""Information credibility, 1 to 6, after the Admiralty code (STANAG 2511 / AJP-2.1).

The grade is read off the corroboration of the claim, by the first rule that matches:

====  ==================================  ===================================================
grade  name                                rule (A: independent affirming groups, D: groups
                                           that deny and do not affirm, K: ``min_groups``,
                                           or 2 when ``min_groups`` is 1)
====  ==================================  ===================================================
6     truth cannot be judged              a forecast, conditional or policy position; or
                                          A = 0 and D = 0 (nothing, or hedges only)
1     confirmed by other sources          A >= K and D = 0
2     probably true                       A >= 2 and D < A (and not grade 1); or A = 1,
                                          D = 0 and supporting evidence with prior >= 0.7
                                          that is not the affirming group's own
3     possibly true                       A = 1 and D = 0
4     doubtful                            A >= 1 and D >= A; or A = 0 and 0 < D < K
5     improbable                          A = 0 and D >= K
====  ==================================  ===================================================

Grade 1 therefore needs independent groups: two spokespeople of one government never make
it, and neither does one group when ``min_groups`` is 1 (k = 1 makes a single group's claim
*corroborated*, but "confirmed by other sources" needs another source, and "improbable",
grade 5, another denier: STANAG 2511 grades 1 and 5 are about *other* information).

Each grade maps to the STIX 2.1 confidence value of the Admiralty credibility scale (STIX 2.1
Part 1, confidence scales appendix): 1 -> 90, 2 -> 70, 3 -> 50, 4 -> 30, 5 -> 10, 6 -> no
value.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.analysis.corroboration import Corroboration
from kg.analysis.evidence import EvidenceWeight
from kg.analysis.model import Claim

CREDIBILITY_NAMES: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

#: STIX 2.1 confidence for each Admiralty credibility grade; grade 6 has none.
STIX_CONFIDENCE: dict[int, int | None] = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: None}

#: Claim kinds whose truth cannot be judged from statements at the time they are made.
UNJUDGEABLE_KINDS: dict[str, str] = {
    "Forecast": "a forecast cannot be confirmed before the event",
    "ConditionalClaim": "a conditional claim states what would follow, not what is",
    "PolicyPosition": "a policy position states an intent, not a fact",
}

#: Supporting evidence at or above this prior lifts a single-source claim from 3 to 2.
STRONG_EVIDENCE_PRIOR = 0.7

#: Grades 1 and 5 need at least this many independent groups, even with ``min_groups`` 1.
MIN_CONFIRMING_GROUPS = 2


@dataclass(frozen=True)
class Credibility:
    """A claim's credibility grade, its STIX confidence, and the rule that gave it."""

    claim: str
    grade: int
    name: str
    stix_confidence: int | None
    reasons: tuple[str, ...]

    @property
    def code(self) -> str:
        return str(self.grade)


def grade_credibility(
    claim: Claim, corroboration: Corroboration, evidence: list[EvidenceWeight]
) -> Credibility:
    """Grade one claim's credibility.

    Args:
        claim: the claim record (its kinds decide whether it can be judged at all).
        corroboration: its corroboration status.
        evidence: its weighed evidence.

    Returns:
        The grade with its reasons.
    """
    a = corroboration.independent_groups
    d = len(corroboration.contested_by)
    k = corroboration.min_groups
    # One group never confirms (1) or refutes (5) a claim, whatever k says: see the table.
    need = max(k, MIN_CONFIRMING_GROUPS)
    counts = f"A={a} independent affirming group(s), D={d} contesting group(s), k={k}"
    unjudgeable = [UNJUDGEABLE_KINDS[kind] for kind in claim.kinds if kind in UNJUDGEABLE_KINDS]
    # Only evidence that is not the affirming group's own can lift a claim: images released by
    # an agency do not confirm that agency's statement.
    strong = [w for w in evidence
              if w.supports and w.weight >= STRONG_EVIDENCE_PRIOR
              and (w.independent or not w.groups)]
    if unjudgeable:
        grade, rule = 6, unjudgeable[0]
    elif a == 0 and d == 0:
        grade, rule = 6, "nothing affirms or denies it (hedges do not count)"
    elif a >= need and d == 0:
        grade, rule = 1, f"{a} independent groups affirm it and none contests it"
    elif a >= 2 and d < a:
        grade, rule = 2, (f"{a} independent groups affirm it, {d} contest it"
                          + (f" (k={a} would make it confirmed)" if a < need and d == 0 else ""))
    elif a == 1 and d == 0 and strong:
        how = "independent" if strong[0].independent else "unattributed"
        grade, rule = 2, (f"one group affirms it, backed by {how} evidence, "
                          f"\u201c{strong[0].label}\u201d (prior {strong[0].weight:g} "
                          f"\u2265 {STRONG_EVIDENCE_PRIOR:g})")
    elif a == 1 and d == 0:
        grade, rule = 3, "one group affirms it; nothing confirms or contests it"
    elif a >= 1:
        grade, rule = 4, f"as many groups contest it ({d}) as affirm it ({a}), or more"
    elif d < need:
        grade, rule = 4, f"{d} group(s) deny it and none affirms it"
    else:
        grade, rule = 5, f"{d} independent groups deny it and none affirms it"
    reasons = (f"Credibility {grade} ({CREDIBILITY_NAMES[grade]}): {rule}.", counts + ".")
    return Credibility(claim.iri, grade, CREDIBILITY_NAMES[grade], STIX_CONFIDENCE[grade],
                       reasons)


__all__ = ["CREDIBILITY_NAMES", "MIN_CONFIRMING_GROUPS", "STIX_CONFIDENCE",
           "STRONG_EVIDENCE_PRIOR", "UNJUDGEABLE_KINDS", "Credibility", "grade_credibility"]
