"""Forms the writer of a held-out write-up of a foreign ministry's press briefing listed the
extractor missing (in general terms only), on sentences written for these tests: other names,
other places, none taken from that article. Expected values were worked out by hand."""

from __future__ import annotations

import pytest

from kg.extract import extract
from tests.extract.forms import draft_of, mention, said

# --- a ministry owned by a state the lexicon does not know, named first as a subject


def test_a_ministry_of_an_unlisted_state_is_not_a_later_namesakes() -> None:
    draft = draft_of("Morvania's Interior Ministry on Monday closed the border crossing "
                     "with Tessara.\n\nThe Tessaran Interior Ministry said the closure was "
                     "illegal.\n\n"
                     "Morvania's Interior Ministry said the crossing would reopen on Friday.\n")
    speakers = [s.actor for s in draft.mentions if not s.own_voice]
    assert len(speakers) == 2 and speakers[0] != speakers[1]
    tessaran, morvanian = (next(a for a in draft.actors if a.id == i) for i in speakers)
    assert (tessaran.acts_for, morvanian.acts_for) == ("tessara", "morvania")


def test_the_ministry_after_a_states_namesake_is_that_namesake() -> None:
    draft = draft_of("Morvania's Interior Ministry on Monday closed the border crossing "
                     "with Tessara.\n\nThe Tessaran Interior Ministry said the closure was "
                     "illegal. The ministry said its citizens were stranded.\n")
    speakers = {s.actor for s in draft.mentions if not s.own_voice}
    assert len(speakers) == 1
    assert next(a for a in draft.actors if a.id in speakers).acts_for == "tessara"


# --- "Asked about reports that P, X said it was checking them": X hedges P


@pytest.mark.parametrize("answer", [
    "Ana Holt told reporters that the ministry had noted the reports and was checking them",
    "Ana Holt said she had \u201cno information to share at this stage.\u201d",
    "Ana Holt said the ministry was looking into them",
])
def test_a_non_answer_to_reports_put_to_a_spokesperson_hedges_what_they_say(answer: str) -> None:
    draft = draft_of(f"Asked about reports that the envoy, a former general, had resigned, "
                     f"{answer}.\n")
    assert said(draft) == [("ana-holt", "hedges", "The envoy, a former general, had resigned.")]


def test_an_answer_of_its_own_to_reports_is_left_as_read() -> None:
    draft = draft_of("Asked about reports that the envoy had resigned, Ana Holt said the envoy "
                     "was on leave.\n")
    assert said(draft) == [("ana-holt", "affirms", "The envoy was on leave.")]


def test_a_plural_noun_after_a_preposition_is_no_reporting_verb() -> None:
    draft = draft_of("Amid claims that the dam had cracked, the engineers said the wall was "
                     "sound.\n")
    assert [s.claim_text for s in draft.mentions if not s.own_voice] == ["The wall was sound."]
    assert mention(draft, "wall was sound").actor == "engineers"


# --- a state's lede: a demand on the other side, and the other side's accusation dismissed


def test_a_states_demand_and_its_dismissal_of_the_other_sides_accusation() -> None:
    draft = draft_of("Norway on Friday urged Iceland to free the two detained reporters, and "
                     "dismissed as \u201cabsurd\u201d Iceland\u2019s accusation that a Norwegian "
                     "attach\u00e9 had been spying. Norway also dismissed the accusation that "
                     "its navy had jammed radios.\n")
    assert [(a, b, c.rstrip(".")) for a, b, c in said(draft)] == [
        ("norway", "affirms", "Iceland to free the two detained reporters"),
        ("norway", "denies", "A Norwegian attach\u00e9 had been spying"),
        ("iceland", "affirms", "A Norwegian attach\u00e9 had been spying"),
        ("norway", "denies", "Its navy had jammed radios")]  # (no owner named: no one else)


def test_urging_by_anyone_but_a_state_is_no_claim() -> None:
    draft = draft_of("The league said it backed the referees but urged them to explain the "
                     "decision.\n")
    assert said(draft) == [("league", "affirms", "It backed the referees.")]


# --- a trailing participle after an object with an apposition: the subject speaks


@pytest.mark.parametrize("text", [
    "Tessara on Monday ordered Ivo Brenn, a trade attach\u00e9 at the Morvanian embassy, to "
    "leave within 48 hours, accusing him of \u201cconduct unbecoming a diplomat.\u201d\n",
    "Tessara expelled Ivo Brenn, a trade attach\u00e9, accusing him of spying.\n",
])
def test_a_participle_after_the_objects_apposition_is_the_subjects(text: str) -> None:
    draft = draft_of(text)
    assert [s.actor for s in draft.mentions if not s.own_voice] == ["tessara"]


# --- a state news agency: its short form, "carried by", a closing "X reported", carry-on

_AGENCY = "The state-run Norland News Agency (NNA) reopened its bureau on Monday.\n\n"


def _outlets(draft, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.outlet for r in mention(draft, words).relay]


def test_a_statement_carried_by_a_state_run_agency_is_relayed_and_carried_on() -> None:
    draft = draft_of("In a statement carried by the state-run Norland News Agency (NNA) on "
                     "Monday, the Norland Interior Ministry said the border was closed. The "
                     "ministry said the stranded drivers were safe.\n")
    assert _outlets(draft, "border was closed") == ["norland-news-agency", "test-gazette"]
    assert _outlets(draft, "drivers were safe") == ["norland-news-agency", "test-gazette"]


def test_an_agencys_short_form_relays_a_closing_report_for_each_part() -> None:
    draft = draft_of(_AGENCY + "The Norland Defence Ministry denied that its jets had crossed "
                     "the border, saying its patrols were flown \u201cover open sea,\u201d NNA "
                     "reported.\n")
    assert _outlets(draft, "jets had crossed") == ["norland-news-agency", "test-gazette"]
    assert _outlets(draft, "patrols were flown") == ["norland-news-agency", "test-gazette"]
    assert "NNA" not in mention(draft, "patrols were flown").claim_text


def test_a_named_speaker_after_an_agencys_report_is_not_carried_on_by_name() -> None:
    draft = draft_of(_AGENCY + "NNA quoted ministry spokesman Ivo Brenn as saying that the "
                     "border was closed. Ana Holt said the queues were long.\n")
    assert _outlets(draft, "border was closed") == ["norland-news-agency", "test-gazette"]
    assert _outlets(draft, "queues were long") == ["test-gazette"]


def test_which_it_said_showed_is_the_sentence_subjects_claim_even_an_outlets() -> None:
    draft = draft_of(_AGENCY + "The ministry said the crew were safe. NNA also published a "
                     "video, filmed by a coastguard officer, which it said showed the crew "
                     "hauling nets.\n")
    assert mention(draft, "hauling nets").actor == "norland-news-agency"


# --- a negated claim with a purpose clause ("to back its claim") still denies


def test_a_negated_claim_with_to_back_its_claim_denies() -> None:
    draft = draft_of("Ana Holt said the Norland side \u201chas not produced a single "
                     "coordinate\u201d to back its claim.\n")
    assert [(s.actor, s.stance) for s in draft.mentions] == [("ana-holt", "denies")]


# --- material a relative clause on the speaker says it released


def test_material_released_in_a_relative_clause_on_the_speaker_is_its_evidence() -> None:
    draft = draft_of("The Norland Defence Ministry, which released radar tracks of the flight, "
                     "said the jet stayed for four minutes.\n")
    speaker = mention(draft, "four minutes")
    [item] = draft.evidence
    assert "radar tracks" in item.description.lower()
    assert item.produced_by == speaker.actor and speaker.claim in item.supports


def test_the_pictures_name_again_the_photographs_released_before() -> None:
    draft = draft_of("The coastguard released three photographs of the ship on Monday.\n\n"
                     "Ana Holt said the pictures showed an empty deck.\n")
    [item] = draft.evidence  # one item, mentioned twice, cited by Holt
    assert (item.kind, len(item.spans), item.cited_by) == ("Photograph", 2, ["ana-holt"])


def test_a_body_met_bare_is_not_a_later_foreign_namesake_but_the_datelines() -> None:
    draft = draft_of("The Foreign Ministry said the envoy would return on Friday.\n\n"
                     "The Norwegian Foreign Ministry said the talks would resume.\n\n"
                     "The Foreign Ministry said it would wait.\n")
    home, norway, again = (s.actor for s in draft.mentions)
    assert home == again != norway
    assert next(a for a in draft.actors if a.id == norway).acts_for == "norway"
    # (under a dateline of that state, the bare body is the state's own)
    draft = draft_of("OSLO, March 6 (Reuters) - The Foreign Ministry said the envoy would "
                     "return on Friday.\n\nThe Norwegian Foreign Ministry said the talks would "
                     "resume.\n")
    assert len({s.actor for s in draft.mentions if not s.own_voice}) == 1


# --- a general denial ("any of its aircraft") is one claim with the specific one it answers


def test_a_general_denial_joins_the_one_specific_claim_it_answers() -> None:
    draft = draft_of("Ana Holt said a Norwegian patrol aircraft had entered Swedish airspace "
                     "over Gotland on Monday.\n\nThe Norwegian Defence Ministry denied that any "
                     "of its aircraft had entered Swedish airspace.\n")
    claims = {(s.actor, s.stance): s.claim for s in draft.mentions}
    assert len(claims) == 2 and len(set(claims.values())) == 1
    assert not any(c.refines for c in draft.claims)
    # (with two specific claims it might answer, which one is not said: it stays apart)
    draft = draft_of("Ana Holt said a Norwegian patrol aircraft had entered Swedish airspace "
                     "over Gotland on Monday. Ivo Brenn said a Norwegian transport aircraft had "
                     "entered Swedish airspace over Oland on Tuesday.\n\nThe Norwegian Defence "
                     "Ministry denied that any of its aircraft had entered Swedish airspace.\n")
    denial = next(s for s in draft.mentions if s.stance == "denies")
    assert all(s.claim != denial.claim for s in draft.mentions if s is not denial)


def test_which_it_said_showed_after_a_possessive_subject_and_an_adverb() -> None:
    """(Found by the lead: the subject rule above took "Norland's" alone for the subject when
    an adverb stood before the verb, and the sentence fell to the publisher.)"""
    draft = extract("Norland's transport ministry later released photographs, taken by a local "
                    "drone operator, which it said showed two lorries parked on the bridge.\n",
                    publisher="The Test Gazette", date="2025-03-07")
    names = {a.id: a.name for a in draft.actors}
    assert [(names[s.actor], s.stance, s.claim_text) for s in draft.mentions] == [
        ("Norland's transport ministry", "affirms", "Two lorries parked on the bridge.")]
