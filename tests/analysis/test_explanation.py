"""The explanation data: ``Analysis.to_dict()`` carries every reason, as JSON-ready data.

One hand-made graph, after the seed case:

- Austin (-> DoD -> US) affirms "troops", with a quote, relayed by Newsweek;
- Kirby (-> White House -> US) affirms "troops-3000", which refines "troops";
- HUR (-> Ukraine's MoD -> Ukraine) affirms "troops"; Putin (-> Russia) hedges it;
- North Korea denies it;
- Ukraine's own satellite images (0.7) support "troops"; an AFP photograph (0.6) supports
  "troops-3000".

Worked out by hand: "troops" has two affirming groups, Ukraine (HUR) and the US (Austin, and
Kirby through the narrower claim): corroborated, and contested by North Korea. The images are
Ukraine's, and Ukraine affirms: not independent. The photograph bears on "troops" through
refinement and is AFP's, which takes no side: independent. A=2, D=1, k=2: credibility 2.
"""

from __future__ import annotations

import json

import pytest

from kg.analysis.model import Relay, SourceDocument, Statement

ARTICLE = SourceDocument("article", title="Troops seen", publisher="newsweek",
                         publisher_label="NEWSWEEK", date="2024-10-24",
                         url="https://example.org/troops")
AUSTIN = Statement("austin-affirms-troops", "austin", "troops", "affirms", date="2024-10-23",
                   quote="there is evidence", verb="said",
                   relays=(Relay("newsweek", 0, "published"),), document=ARTICLE)


@pytest.fixture
def explained(analysed, evidence):
    return analysed(
        actors=["austin > dod > us", "kirby > white-house > us", "hur > ukraine-mod > ukraine",
                "putin > russia"],
        claims=["troops-3000 refines troops"],
        statements=[AUSTIN, "kirby affirms troops-3000", "hur affirms troops",
                    "putin hedges troops", "north-korea denies troops"],
        evidence=[evidence("images", 0.7, kind="SatelliteImagery", producers=("hur",),
                           supports=("troops",)),
                  evidence("photo", 0.6, kind="Photograph", producers=("afp",),
                           supports=("troops-3000",))],
    )


def claim_dict(analysis, ident):
    (found,) = [c for c in analysis.to_dict()["claims"] if c["id"] == ident]
    return found


def test_claim_summary(explained):
    claim = claim_dict(explained, "troops")
    assert {k: claim[k] for k in ("id", "text", "status", "independent_groups", "min_groups",
                                  "contested", "contested_by", "refines")} == {
        "id": "troops", "text": "Claim TROOPS.", "status": "corroborated",
        "independent_groups": 2, "min_groups": 2, "contested": True,
        "contested_by": [{"group": "north-korea", "label": "NORTH-KOREA"}], "refines": []}


def test_affirming_groups_with_their_actors_and_statements(explained):
    affirming = claim_dict(explained, "troops")["affirming"]
    assert [(g["group"], g["label"], g["actors"], g["evidence"]) for g in affirming] == [
        ("ukraine", "UKRAINE", [{"iri": "hur", "label": "HUR"}], ["images"]),
        ("us", "US", [{"iri": "austin", "label": "AUSTIN"}, {"iri": "kirby", "label": "KIRBY"}],
         []),
    ]
    assert affirming[1]["statements"] == [
        {"statement": "austin-affirms-troops", "actor": "austin", "actor_label": "AUSTIN",
         "stance": "affirms", "via": "direct", "quote": "there is evidence", "verb": "said",
         "date": "2024-10-23",
         "relay": [{"outlet": "newsweek", "label": "NEWSWEEK", "cue": "published",
                    "position": 0}],
         # Where Austin said it; a statement with no document has none.
         "document": {"iri": "article", "title": "Troops seen", "publisher": "newsweek",
                      "publisher_label": "NEWSWEEK", "date": "2024-10-24",
                      "url": "https://example.org/troops"}},
        {"statement": "kirby-affirms-troops-3000", "actor": "kirby", "actor_label": "KIRBY",
         "stance": "affirms", "via": "refinement", "via_claim": "troops-3000",
         "via_claim_text": "Claim TROOPS-3000.", "quote": None, "verb": None, "date": None,
         "relay": [], "document": None},
    ]


def test_hedges_and_denials_are_listed_apart(explained):
    claim = claim_dict(explained, "troops")
    assert [(g["group"], [a["iri"] for a in g["actors"]]) for g in claim["hedging"]] == [
        ("russia", ["putin"])]
    assert [(g["group"], [s["stance"] for s in g["statements"]]) for g in claim["denying"]] == [
        ("north-korea", ["denies"])]


def test_reasons_in_words(explained):
    assert claim_dict(explained, "troops")["reasons"] == [
        "Affirmed by 2 independent groups (k=2): UKRAINE (HUR; with its evidence "
        "\u201cIMAGES\u201d); US (AUSTIN; KIRBY by affirming the narrower claim "
        "\u201cClaim TROOPS-3000.\u201d).",
        "Status corroborated: 2 \u2265 2 independent groups.",
        "AUSTIN, KIRBY count as one source, US, by affiliation: AUSTIN \u2192 DOD \u2192 US; "
        "KIRBY \u2192 WHITE-HOUSE \u2192 US.",
        "Denied by NORTH-KOREA (NORTH-KOREA).",
        "Contested: NORTH-KOREA denies it and does not affirm it.",
        "Hedged by RUSSIA (PUTIN): a hedge is shown as a hedge and never counted as an "
        "affirmation.",
    ]


def test_evidence_with_weight_and_reason(explained):
    assert claim_dict(explained, "troops")["evidence"] == [
        {"iri": "images", "label": "IMAGES", "kinds": ["SatelliteImagery"], "supports": True,
         "via": "direct", "via_claim": "troops", "weight": 0.7, "groups": ["ukraine"],
         "independent": False,
         "reason": "SatelliteImagery, prior 0.7; from UKRAINE, which also affirms it by "
                   "statement: not independent of that statement, adds no group"},
        {"iri": "photo", "label": "PHOTO", "kinds": ["Photograph"], "supports": True,
         "via": "refinement", "via_claim": "troops-3000", "weight": 0.6, "groups": ["afp"],
         "independent": True, "reason": "Photograph, prior 0.6; from AFP: an independent source"},
    ]


def test_grades_with_reasons(explained):
    claim = claim_dict(explained, "troops")
    assert claim["credibility"] == {
        "grade": 2, "name": "probably true", "stix_confidence": 70,
        "reasons": ["Credibility 2 (probably true): 2 independent groups affirm it, 1 contest it.",
                    "A=2 independent affirming group(s), D=1 contesting group(s), k=2."]}
    # North Korea's denial of "troops" denies "troops-3000" too: A=1 (US), D=1, grade 4.
    narrow = claim_dict(explained, "troops-3000")
    assert (narrow["status"], narrow["credibility"]["grade"]) == ("single-source", 4)
    assert narrow["contested_by"] == [{"group": "north-korea", "label": "NORTH-KOREA"}]


def test_actor_explanation(explained):
    (kirby,) = [a for a in explained.to_dict()["actors"] if a["id"] == "kirby"]
    assert kirby["group"] == {"id": "us", "label": "US",
                              "chain": ["KIRBY", "WHITE-HOUSE", "US"]}
    assert kirby["statements"] == [
        {"statement": "kirby-affirms-troops-3000", "claim": "troops-3000",
         "claim_text": "Claim TROOPS-3000.", "stance": "affirms", "quote": None, "date": None,
         "document": None}]
    (austin,) = [a for a in explained.to_dict()["actors"] if a["id"] == "austin"]
    assert [s["document"]["title"] for s in austin["statements"]] == ["Troops seen"]
    # Kirby's one claim is assessed (North Korea denies it through the broader claim), but one
    # is below the track record of 3: grade F.
    assert kirby["reliability"]["assessed_claims"] == ["troops-3000"]
    assert kirby["reliability"]["grade"] == "F"


def test_groups_with_member_chains(explained):
    groups = {g["id"]: g for g in explained.to_dict()["groups"]}
    assert [(m["iri"], m["chain"]) for m in groups["ukraine"]["members"]] == [
        ("ukraine", ["UKRAINE"]), ("ukraine-mod", ["UKRAINE-MOD", "UKRAINE"]),
        ("hur", ["HUR", "UKRAINE-MOD", "UKRAINE"])]


def test_to_dict_is_json(explained):
    data = explained.to_dict()
    assert json.loads(json.dumps(data)) == data


def test_lookup_by_short_id(explained):
    assert explained.claim_by_id("troops").claim.iri == "troops"
    assert explained.actor_by_id("kirby").group.id == "us"
    with pytest.raises(KeyError, match="no claim 'nowhere'"):
        explained.claim_by_id("nowhere")


def test_ambiguous_short_id_is_refused(analysed):
    analysis = analysed(statements=["https://a.org/x affirms https://a.org/c",
                                    "https://b.org/y affirms https://b.org/c"])
    with pytest.raises(KeyError, match="ambiguous"):
        analysis.claim_by_id("c")


def test_the_id_in_to_dict_finds_the_claim(analysed):
    analysis = analysed(statements=["https://e.org/data#x affirms https://e.org/data#c1"])
    (claim,) = analysis.to_dict()["claims"]
    assert claim["id"] == "c1"
    assert analysis.claim_by_id(claim["id"]).claim.iri == "https://e.org/data#c1"


def test_by_status_names_the_statuses_when_given_another(seed_analysis):
    assert [c.claim.iri.rsplit("/", 1)[1] for c in seed_analysis.by_status("unsupported")] == [
        "nk-sent-troops-to-assist-war-on-ukraine",
        "nk-troops-sent-for-possible-deployment-to-ukraine",
    ]
    with pytest.raises(ValueError, match="unknown status 'contested'; expected one of "
                       "corroborated, partly-corroborated, single-source, unsupported"):
        seed_analysis.by_status("contested")  # type: ignore[arg-type]
