"""The graph view's panel never rounds a probability to a certainty it is not: the seed's most
corroborated claim has a belief of 0.9996 and was shown as "1"; 0.0004 was "0"."""

from __future__ import annotations

from kg.analysis import analyse
from kg.seed import seed_paths
from kg.store import KnowledgeStore

TROOPS = "https://w3id.org/cred-kg/id/claim/nk-troops-in-russia"


def test_belief_and_trust_keep_their_distance_from_0_and_1(graph, page_file) -> None:
    with KnowledgeStore() as store:
        store.load(seed_paths())
        belief = analyse(store).claim_by_id("nk-troops-in-russia").belief
    assert 0.995 <= belief < 1  # the case this guards; the test means nothing if it moves
    g = graph()
    g.open(page_file())
    g.click_node(TROOPS)
    assert "Belief\n> 0.99" in g.panel_text()
    shown = g.js("[0.0004, 0.004, 0.005, 0, 0.5, 0.994, 0.995, 0.9996, 1, null]"
                 ".map(x => window.KG.proportion(x))")
    assert shown == ["< 0.01", "< 0.01", "0.01", "0", "0.5", "0.99", "> 0.99", "> 0.99", "1",
                     "not estimated"]
    assert g.errors == []
