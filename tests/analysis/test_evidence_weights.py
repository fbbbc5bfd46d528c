"""Evidence: weights from the vocabulary's priors, ownership and independence, refinement.

Rules from kg/analysis/evidence.py: the weight of an item is the reliability prior of its kind
(from ontology/vocab.ttl or a case's ``extend:``; a kind without one inherits its superclass's);
an item is independent on a claim only if none of its producers' and releasers' groups takes
the same side on that claim by statement; an item without producer or releaser adds weight but
no group; evidence never changes the corroboration status (corroboration.py).
"""

from __future__ import annotations

import pytest

from kg.analysis.serialize import short_id

# One claim, one speaker, one evidence item of each kind. The expected weight of each item is
# read off ontology/vocab.ttl (cred:reliabilityPrior) and this file's `extend:`:
# InterceptedCall declares 0.45; DroneFootage declares none and inherits Video's 0.6;
# PaperTrail inherits from DocumentClause (0.8) through two custom levels.
KINDS_CASE = """\
format: cred-kg/1
base: https://example.org/evidence-kinds/
document:
  id: doc
  publisher: outlet
  date: 2024-01-01
extend:
  evidence_kinds:
    - id: InterceptedCall
      parent: Testimony
      reliability_prior: 0.45
    - id: DroneFootage
      parent: Video
    - id: Ledger
      parent: DocumentClause
    - id: PaperTrail
      parent: Ledger
actors:
  - {id: outlet, name: Outlet, kind: NewsOutlet}
  - {id: spk, name: Speaker, kind: Person}
claims:
  - {id: c, text: Something happened.}
statements:
  - {actor: spk, claim: c, stance: affirms}
evidence:
"""
PRIORS = {
    "SatelliteImagery": 0.7,
    "FacialRecognitionMatch": 0.5,
    "Document": 0.8,
    "DocumentClause": 0.8,
    "Photograph": 0.6,
    "Video": 0.6,
    "Testimony": 0.4,
    "Evidence": 0.5,
    "InterceptedCall": 0.45,
    "DroneFootage": 0.6,
    "PaperTrail": 0.8,
}


def test_weight_is_the_prior_of_the_kind_through_rdf(analyse_yaml):
    items = "".join(
        f"  - {{id: e-{kind.lower()}, kind: {kind}, description: An item., supports: [c]}}\n"
        for kind in PRIORS
    )
    claim = analyse_yaml(KINDS_CASE + items, method="voting").claim_by_id("c")
    weights = {w.kinds: w.weight for w in claim.evidence}
    assert weights == {(kind,): prior for kind, prior in PRIORS.items()}
    # Nobody produced or released these: weight, but no group and no independence.
    assert {w.groups for w in claim.evidence} == {()}
    assert not any(w.independent for w in claim.evidence)
    assert claim.corroboration.status == "single-source"


def test_reason_names_the_kind_and_prior(analyse_yaml):
    items = ("  - {id: call, kind: InterceptedCall, description: A call., produced_by: outlet,"
             " supports: [c]}\n")
    (weight,) = analyse_yaml(KINDS_CASE + items, method="voting").claim_by_id("c").evidence
    assert (short_id(weight.evidence), weight.weight) == ("call", 0.45)
    assert weight.reason == "InterceptedCall, prior 0.45; from Outlet: an independent source"


# ---- Ownership and independence -----------------------------------------------------------------

# Yoon and the NIS are South Korea; the NGO is its own group. Yoon affirms c; north-korea denies
# d. (name, producers, releasers, cited_by, claim, supports, groups, independent, reason part)
INDEPENDENCE = [
    # The NIS is South Korea, which affirms c by Yoon's statement: not independent.
    ("same group as the affirmer", ("nis",), (), (), "c", True, ("south-korea",), False,
     "from SOUTH-KOREA, which also affirms it by statement: not independent"),
    # Yoon himself released it.
    ("released by the affirmer", (), ("yoon",), (), "c", True, ("south-korea",), False,
     "which also affirms it by statement"),
    # Another group entirely.
    ("another group", ("ngo",), (), (), "c", True, ("ngo",), True,
     "from NGO: an independent source"),
    # South Korea's own item disputing c: South Korea does not deny c, so it is independent.
    ("disputing, from the affirming group", ("nis",), (), (), "c", False, ("south-korea",), True,
     "from SOUTH-KOREA: an independent source"),
    # North Korea's own item disputing d, which North Korea denies: not independent.
    ("disputing, from the denier", ("north-korea",), (), (), "d", False, ("north-korea",), False,
     "from NORTH-KOREA, which also denies it by statement"),
    # No producer or releaser; citing it does not make it Yoon's.
    ("cited only", (), (), ("yoon",), "c", True, (), False,
     "no producer or releaser is known, so it adds weight but no source group"),
    ("nothing known", (), (), (), "c", True, (), False, "adds weight but no source group"),
]


@pytest.mark.parametrize(
    ("producers", "releasers", "cited_by", "claim", "supports", "groups", "independent",
     "reason"),
    [row[1:] for row in INDEPENDENCE], ids=[row[0] for row in INDEPENDENCE],
)
def test_evidence_independence(analysed, evidence, producers, releasers, cited_by, claim,
                               supports, groups, independent, reason):
    item = evidence("e", 0.7, kind="SatelliteImagery", producers=producers, releasers=releasers,
                    cited_by=cited_by, **{"supports" if supports else "disputes": (claim,)})
    analysis = analysed(actors=["yoon > south-korea", "nis > south-korea", "ngo", "north-korea"],
                        statements=["yoon affirms c", "north-korea denies d"], evidence=[item])
    (weight,) = analysis.claims[claim].evidence
    assert (weight.weight, weight.supports, weight.groups, weight.independent) == (
        0.7, supports, groups, independent)
    assert weight.reason.startswith("SatelliteImagery, prior 0.7; ")
    assert reason in weight.reason


def test_owners_are_producers_and_releasers_with_their_groups(analysed, evidence):
    # Smirnov (AFP) took the photograph, AFP released it, Newsweek only cited it.
    item = evidence("photo", 0.6, kind="Photograph", producers=("smirnov",), releasers=("afp",),
                    cited_by=("newsweek",), supports=("c",))
    analysis = analysed(actors=["smirnov > afp"], statements=["newsweek affirms c"],
                        evidence=[item])
    (weight,) = analysis.claims["c"].evidence
    assert weight.owners == (("afp", "afp"), ("smirnov", "afp"))
    assert (weight.groups, weight.independent) == (("afp",), True)


def test_evidence_is_listed_with_its_groups_stance(analysed, evidence):
    # The NIS released images supporting c and Yoon affirms c: South Korea's affirming entry
    # lists the images; Ukraine's does not.
    item = evidence("images", 0.7, producers=("nis",), supports=("c",))
    analysis = analysed(actors=["yoon > south-korea", "nis > south-korea", "hur > ukraine"],
                        statements=["yoon affirms c", "hur affirms c"], evidence=[item])
    listed = {g.group: g.evidence for g in analysis.claims["c"].corroboration.affirming}
    assert listed == {"south-korea": ("images",), "ukraine": ()}
    assert ("SOUTH-KOREA (YOON; with its evidence \u201cIMAGES\u201d)"
            in analysis.claims["c"].corroboration.reasons[0])


# ---- Evidence never changes the status ----------------------------------------------------------

# (name, statements, evidence producers, status): however many independent producers back a
# claim, only statements count.
NO_STATUS_CHANGE = [
    ("no statement, three producers", [], ("p1", "p2", "p3"), "unsupported"),
    ("one group, one other producer", ["yoon affirms c"], ("p1",), "single-source"),
    ("one group, three other producers", ["yoon affirms c"], ("p1", "p2", "p3"),
     "single-source"),
    ("one group, unowned evidence", ["yoon affirms c"], (), "single-source"),
]


@pytest.mark.parametrize(("statements", "producers", "status"),
                         [row[1:] for row in NO_STATUS_CHANGE],
                         ids=[row[0] for row in NO_STATUS_CHANGE])
def test_evidence_never_changes_the_status(analysed, evidence, statements, producers, status):
    items = [evidence(f"e{i}", 0.8, producers=(p,), supports=("c",))
             for i, p in enumerate(producers)] or [evidence("e", 0.8, supports=("c",))]
    analysis = analysed(statements=statements, evidence=items)
    corroboration = analysis.claims["c"].corroboration
    assert corroboration.status == status
    assert corroboration.independent_groups == len(statements)
    assert len(analysis.claims["c"].evidence) == len(items)


# ---- Evidence and refinement --------------------------------------------------------------------

# n refines b. (name, supports, disputes, claim the item bears on, via, supports flag)
REFINED = [
    ("support for narrow bears on broad", ("n",), (), "b", "refinement", True),
    ("support for narrow bears on narrow", ("n",), (), "n", "direct", True),
    ("support for broad does not bear on narrow", ("b",), (), "n", None, None),
    ("dispute of broad bears on narrow", (), ("b",), "n", "broader-denial", False),
    ("dispute of narrow does not bear on broad", (), ("n",), "b", None, None),
]


@pytest.mark.parametrize(("supports", "disputes", "claim", "via", "flag"),
                         [row[1:] for row in REFINED], ids=[row[0] for row in REFINED])
def test_evidence_follows_refinement(analysed, evidence, supports, disputes, claim, via, flag):
    item = evidence("e", 0.7, producers=("ngo",), supports=supports, disputes=disputes)
    analysis = analysed(claims=["n refines b"], statements=["x affirms n"], evidence=[item])
    found = [(w.via, w.supports, w.source_claim) for w in analysis.claims[claim].evidence]
    source = (supports or disputes)[0]
    assert found == ([] if via is None else [(via, flag, source)])


def test_refined_evidence_is_not_independent_of_the_refinement_it_backs(analysed, evidence):
    # The NIS's images support the narrow claim n, which the NIS affirms; through refinement the
    # NIS (South Korea) affirms b too, so on b the images are still South Korea's own.
    item = evidence("images", 0.7, producers=("nis",), supports=("n",))
    analysis = analysed(actors=["nis > south-korea"], claims=["n refines b"],
                        statements=["nis affirms n", "hur affirms b"], evidence=[item])
    (weight,) = analysis.claims["b"].evidence
    assert (weight.via, weight.independent) == ("refinement", False)


def test_evidence_is_listed_only_with_the_stance_it_backs(analysed, evidence):
    item = evidence("e", 0.5, producers=("h",), supports=("c",))
    analysis = analysed(statements=["g affirms c", "h denies c"], evidence=[item])
    (denial,) = analysis.claims["c"].corroboration.denying
    assert denial.evidence == ()
