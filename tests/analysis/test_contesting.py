"""``Corroboration.contesting``: the contesting groups as records, like ``affirming``.

``contested_by`` holds group ids while ``affirming``, ``denying`` and ``hedging`` hold
:class:`~kg.analysis.corroboration.GroupStance` records; ``contesting`` gives a Python user the
records of the contesting groups (with their labels and actors) without looking ids up.
"""

from __future__ import annotations


def test_contesting_holds_the_denying_groups_that_do_not_affirm(analysed):
    # p1 and p2 are one group g: p1 affirms, p2 denies, so g denies but does not contest.
    # north-korea denies and does not affirm: it alone contests, worked out from the rule in
    # kg.analysis.corroboration's docstring.
    analysis = analysed(actors=["p1 > g", "p2 > g"],
                        statements=["p1 affirms c", "p2 denies c", "north-korea denies c"])
    corroboration = analysis.claims["c"].corroboration
    assert [g.group for g in corroboration.denying] == ["g", "north-korea"]
    contesting = corroboration.contesting
    assert [(g.group, g.label, g.actors, g.stance) for g in contesting] == [
        ("north-korea", "NORTH-KOREA", ("north-korea",), "denies")]
    assert tuple(g.group for g in contesting) == corroboration.contested_by


def test_an_uncontested_claim_has_no_contesting_group(analysed):
    analysis = analysed(actors=["p1 > g", "p2 > g"], statements=["p1 affirms c", "p2 denies c"])
    assert analysis.claims["c"].corroboration.contesting == ()


def test_seed_contesting_group_is_north_korea(seed_analysis):
    corroboration = seed_analysis.claim_by_id("nk-sent-troops-to-assist-war-on-ukraine") \
        .corroboration
    assert [(g.label, g.actors) for g in corroboration.contesting] == [
        ("North Korea", ("https://w3id.org/cred-kg/id/actor/north-korea",))]


def test_a_denier_that_also_affirms_is_named_as_not_contesting(analysed):
    # x denies a but affirms n, which refines a: x affirms a too, so D = 0 (the rule in
    # kg.analysis.corroboration's docstring) and the grade is 1 with y. The reasons list x's
    # denial; they must also say why it is not counted, or "D=0" cannot be checked by hand.
    # n is the same the other way round: x affirms it and denies it through a.
    analysis = analysed(claims=["n refines a"],
                        statements=["x denies a", "x affirms n", "y affirms a",
                                    "v affirms m", "w denies m"])
    reason = ("Not contested by X: it also affirms it, and a group that affirms a claim does "
              "not contest it.")
    for iri in ("a", "n"):
        claim = analysis.claims[iri]
        assert [g.group for g in claim.corroboration.denying] == ["x"]
        assert claim.corroboration.contested_by == ()
        assert reason in claim.corroboration.reasons
    assert analysis.claims["a"].credibility.grade == 1
    # A denier that does not affirm contests, and only the "Contested:" reason is given.
    m = analysis.claims["m"].corroboration
    assert m.contested_by == ("w",)
    assert [r for r in m.reasons if "ontested" in r] == [
        "Contested: W denies it and does not affirm it."]


DENIED_AFTER_OVERRIDE = """\
format: cred-kg/1
document: {id: d, title: T, publisher: paper}
actors:
  - {id: paper, name: Paper, kind: NewsOutlet}
  - {id: arland, name: Republic of Arland, kind: State}
  - {id: arland-intel, name: Arland Signals Directorate, kind: IntelligenceAgency, acts_for: arland}
  - {id: arland-fm, name: Arland Foreign Ministry, kind: GovernmentBody, acts_for: arland}
  - {id: arland-navy, name: Arland Navy, kind: GovernmentBody, acts_for: arland}
claims:
  - {id: c, text: The drill took place.}
statements:
  - {actor: arland-intel, claim: c, stance: denies}
  - {actor: arland-fm, claim: c, stance: denies}
  - {actor: arland-navy, claim: c, stance: denies}
independence:
  - actors: [arland-intel, arland]
    independent: true
    reason: The directorate collects and assesses on its own.
"""


def test_the_contesting_groups_say_how_they_were_formed(analyse_yaml):
    # Worked by hand: the override takes the directorate out of Arland, so the three denials
    # are two groups (Arland: ministry and navy; the directorate): D = 2 = k, grade 5. Without
    # the override D would be 1 and the grade 4, so the reasons must name the override and the
    # ministry-navy merge, as they do for affirming groups (docs/analysis.md section 1).
    claim = analyse_yaml(DENIED_AFTER_OVERRIDE).claim_by_id("c")
    assert (claim.credibility.grade, len(claim.corroboration.contested_by)) == (5, 2)
    reasons = claim.corroboration.reasons
    assert ("Arland Foreign Ministry, Arland Navy count as one source, Republic of Arland, by "
            "affiliation: Arland Foreign Ministry \u2192 Republic of Arland; Arland Navy "
            "\u2192 Republic of Arland.") in reasons
    assert ("Arland Signals Directorate heads a group of its own, no longer part of Republic "
            "of Arland, by an analyst's override: The directorate collects and assesses on its "
            "own.") in reasons


def test_an_actor_an_override_names_says_so_in_its_reliability_reasons(analyse_yaml):
    # The actor's explanation said only "Judged as part of source group ...": the override
    # that decides that group was in the claims' explanations alone.
    analysis = analyse_yaml(DENIED_AFTER_OVERRIDE)
    override = ("An analyst's override of the grouping names it: The directorate collects and "
                "assesses on its own.")
    directorate = analysis.actor_by_id("arland-intel").reliability.reasons
    assert directorate[1:] == ("Judged as part of source group Arland Signals Directorate.",
                               override)
    assert override not in analysis.actor_by_id("arland-fm").reliability.reasons
