"""Forms two held-out articles (a collision in a strait, a match said to be fixed) showed the
extractor missing, on sentences written for these tests (other names, other topics; none taken
from the articles). Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import Draft, extract
from tests.extract.forms import draft_of, mention, said

# --- relays: the outlet named after "quoted as saying by", or with its owner and short form


def _relays(draft: Draft, words: str) -> list[str]:
    return [r.outlet for r in mention(draft, words).relay]


@pytest.mark.parametrize(("sentence", "speaker", "claim", "outlet"), [
    # the outlet after "was quoted as saying by"
    ("The ferry operator was quoted as saying by the weekly Fjordbladet that the crossing "
     "would reopen in May.", "ferry-operator", "The crossing would reopen in May.",
     "fjordbladet"),
    # whom "told" names, with its owner before it and its short form after it
    ("The port authority told the state-run Vessel Radio (VR) that the pier was unsafe.",
     "port-authority", "The pier was unsafe.", "vessel-radio"),
    ("The museum director told Norrland Broadcasting (NBK) that the vase was a copy.",
     "museum-director", "The vase was a copy.", "norrland-broadcasting"),
])
def test_the_outlet_that_relays_is_no_part_of_the_claim(
        sentence: str, speaker: str, claim: str, outlet: str) -> None:
    draft = draft_of(sentence + "\n")
    assert said(draft) == [(speaker, "affirms", claim)]
    assert _relays(draft, claim.split()[1])[0] == outlet


# --- header: the publisher named by its own disclaimer


@pytest.mark.parametrize(("header", "disclaimer", "house"), [
    ("By Ann Lee | Senior writer", "Fjord Sports has not independently verified",
     "fjord-sports"),
    ("Ann Lee, Nordic correspondent | 3 May 2026 | 09:10 GMT",
     "Tide Ledger could not independently verify", "tide-ledger"),
])
def test_the_house_that_could_not_verify_is_the_publisher(
        header: str, disclaimer: str, house: str) -> None:
    draft = extract(f"Harbour report\n\n{header}\n\nThe port authority said the pier was "
                    f"unsafe.\n\n{disclaimer} the photographs.\n")
    said = draft.mentions or draft.statements
    relays = [r.outlet for r in next(s for s in said if s.actor == "port-authority").relay]
    assert relays == [house]
    assert any(s.own_voice and s.actor == house for s in said)


def test_a_body_the_lexicons_know_that_could_not_verify_is_no_publisher() -> None:
    # (the UN, a police force: what they could not check names no news house)
    for name in ("The UN", "Kell Police"):
        draft = extract(f"Flood toll rises\n\n{name} could not independently verify the "
                        "reports.\n\nThe mayor said 40 people died.\n")
        assert draft.document.publisher is None, name
