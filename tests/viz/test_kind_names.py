"""The panel names kinds as people write them ("Factual claim"), not as class names."""

from __future__ import annotations

from rdflib.namespace import RDFS

from kg.analysis import Analysis
from kg.authoring.kinds import vocabulary_graph
from kg.namespaces import CRED
from viz import build_view
from viz.kinds import kind_label


def _vocabulary_label(local: str) -> str | None:
    labels = [str(o) for o in vocabulary_graph().objects(CRED[local], RDFS.label)]
    return labels[0] if labels else None


def test_a_kind_takes_the_vocabularys_label_else_its_name_split() -> None:
    for local in ("FactualClaim", "NewsOutlet", "SatelliteImagery"):
        label = _vocabulary_label(local)
        assert label and kind_label(local) == label
    assert kind_label("SatelliteImagery") == "Satellite imagery"
    # Kinds a case declares itself (extend:) have no label in the vocabulary.
    assert kind_label("MobileSignalIntercept") == "Mobile signal intercept"
    assert kind_label("OSINTReport") == "OSINT report"
    assert kind_label("https://example.org/kinds#DroneFootage") == "Drone footage"


def test_the_panel_data_holds_readable_kinds(seed_analysis: Analysis) -> None:
    details = build_view(seed_analysis).details
    case = seed_analysis.case
    for iri, claim in details["claims"].items():
        assert claim["kinds"] == [kind_label(k) for k in case.claims[iri].kinds]
    assert "Factual claim" in {k for c in details["claims"].values() for k in c["kinds"]}
    assert "News outlet" in {k for a in details["actors"].values() for k in a["kinds"]}
    assert "Satellite imagery" in {k for e in details["evidence"].values() for k in e["kinds"]}
    shown = [k for part in ("claims", "actors", "evidence") for v in details[part].values()
             for k in v["kinds"]]
    assert shown and not any(" " not in k and k[1:] != k[1:].lower() for k in shown)


def test_a_summarys_briefs_hold_readable_kinds(seed_analysis: Analysis) -> None:
    briefs = build_view(seed_analysis, summary_above=10, max_nodes=40).details["briefs"]
    kinds = {k for b in briefs.values() for k in b.get("kinds", [])}
    assert "Factual claim" in kinds and "FactualClaim" not in kinds
