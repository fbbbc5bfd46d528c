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
