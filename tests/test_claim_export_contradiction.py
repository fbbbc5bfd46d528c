"""One claim's export (`kg export --claim`, `GET /export?claim=`) loaded alone gives the claim
the status, groups, denials and grade it has in the whole store (docs/api.md), also when what
decides them lies outside the claim's refinement chain: an affirmation of a contradicting claim
(or of a narrower claim of one) denies it, and an analyst's dependence override merges groups.
Before, both were left out: the claim lost its deniers and "contested", and a state broadcaster
merged with its state by an override counted as a second, independent group.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.analysis import analyse
from kg.store import KnowledgeStore

# By hand: Velmara affirms `channel` (through the agency) and `channel-near-hesk`, which
# refines it; Drosk's minister affirms `road-repair`, which contradicts `channel`, and its
# spokesperson `old-ditch`, which contradicts `channel-near-hesk`; DTV, one source with Drosk
# by an override, affirms `drought`, as does the spokesperson; a hydrologist denies it.
CASE = """\
format: cred-kg/1
document: {id: orsa-story, title: Orsa, publisher: ledger, date: 2025-03-12}
actors:
  - {id: ledger, name: Tarnby Ledger, kind: NewsOutlet}
  - {id: velmara, name: Velmara, kind: State}
  - {id: agency, name: Velmaran Water Agency, kind: GovernmentBody, acts_for: velmara}
  - {id: drosk, name: Drosk, kind: State}
  - {id: hald, name: Viktor Hald, kind: Person, acts_for: drosk}
  - {id: marek, name: Pavel Marek, kind: Person, acts_for: drosk}
  - {id: dtv, name: DTV, kind: NewsOutlet}
  - {id: berg, name: Tomas Berg, kind: Person}
claims:
  - {id: channel, text: Drosk has built a diversion channel.}
  - {id: channel-near-hesk, text: A new channel cuts away near Hesk., refines: [channel]}
  - {id: road-repair, text: The construction near Hesk was a road repair., contradicts: [channel]}
  - {id: old-ditch, text: The feature is an old irrigation ditch., contradicts: [channel-near-hesk]}
  - {id: drought, text: The fall in flow was caused by the dry winter.}
statements:
  - {actor: agency, claim: channel-near-hesk, stance: affirms}
  - {actor: hald, claim: road-repair, stance: affirms}
  - {actor: marek, claim: old-ditch, stance: affirms}
  - {actor: marek, claim: drought, stance: affirms}
  - {actor: dtv, claim: drought, stance: affirms}
  - {actor: berg, claim: drought, stance: denies}
independence:
  - {actors: [dtv, drosk], independent: false, reason: State broadcaster.}
"""

ID = "https://w3id.org/cred-kg/id/"
#: Each claim's answer turns on a contradiction or on the override.
CLAIMS = ["road-repair", "old-ditch", "channel", "channel-near-hesk", "drought"]


def case_in_memory(directory: Path) -> KnowledgeStore:
    """An in-memory store holding :data:`CASE`, written to ``directory`` to be loaded."""
    path = directory / "orsa.yaml"
    path.write_text(CASE, encoding="utf-8")
    store = KnowledgeStore()
    store.load([path])
    return store


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeStore:
    return case_in_memory(Path(tmp_path_factory.mktemp("case")))


@pytest.mark.parametrize("claim", CLAIMS)
def test_a_claims_export_alone_keeps_its_deniers_and_groups(
    whole: KnowledgeStore, claim: str
) -> None:
    iri = ID + "claim/" + claim
    (expected,) = analyse(whole).claim_summaries([iri])
    alone = KnowledgeStore()
    alone.load_bytes(whole.export("nquads", claim=claim), "nquads", source=f"{claim}.nq")
    (found,) = analyse(alone).claim_summaries([iri])
    assert (found.status, found.independent_groups, found.contested, found.affirming,
            found.denying, found.credibility) == (
        expected.status, expected.independent_groups, expected.contested, expected.affirming,
        expected.denying, expected.credibility)


def test_the_worked_answers(whole: KnowledgeStore) -> None:
    """The answers the test above keeps, worked out by hand, so that it cannot pass on a
    whole store that got them wrong too."""
    got = {s.iri.rsplit("/", 1)[1]: s for s in analyse(whole).claim_summaries()}
    assert got["road-repair"].contested_by == (ID + "actor/velmara",)
    assert got["old-ditch"].contested_by == (ID + "actor/velmara",)
    assert got["channel"].contested_by == (ID + "actor/drosk",)
    assert (got["drought"].status, got["drought"].affirming) == (
        "single-source", (ID + "actor/drosk",))
