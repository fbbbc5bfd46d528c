"""Forms the writer of a held-out write-up of a parliamentary hearing listed the extractor
missing (in general terms only), on sentences written for these tests: other names, other
bodies, none taken from that article. Expected values were worked out by hand."""

from __future__ import annotations

from tests.extract.forms import draft_of, mention, said

# --- a verbatim exchange: "'P,' X replied", then unattributed questions and answers

EXCHANGE = (
    "Tom Rell, a councillor, said the depot had been sold too cheaply.\n\n"
    "\u201cDid you see the valuation before the sale?\u201d Mr Rell asked.\n\n"
    "\u201cI did not,\u201d Ms Okafor replied. \u201cI was shown it in May.\u201d\n\n"
    "\u201cSo the finance team kept it from you?\u201d\n\n"
    "\u201cThe finance team sent it to the wrong office.\u201d\n"
)


def test_an_answer_that_a_speaker_replied_is_the_speakers() -> None:
    draft = draft_of(EXCHANGE)
    assert mention(draft, "shown it in May").actor == "okafor"
    answer = mention(draft, "I did")
    assert (answer.actor, answer.stance) == ("okafor", "denies")


def test_a_quoted_question_is_no_statement_and_the_answer_after_it_is_the_answerers() -> None:
    draft = draft_of(EXCHANGE)
    texts = [s.claim_text for s in draft.mentions or draft.statements]
    assert not any("?" in t or "valuation before" in t or "kept it from" in t for t in texts)
    assert mention(draft, "wrong office").actor == "okafor"


# --- a negation inside a partial quotation or a frame of denial


def test_a_frame_calling_a_claim_untrue_denies_it() -> None:
    draft = draft_of("A council spokesperson said it was \u201centirely untrue\u201d that the "
                     "mayor had approved the sale.")
    assert mention(draft, "approved the sale").stance == "denies"
    assert mention(draft, "approved the sale").claim_text.startswith("The mayor")


def test_rejecting_entirely_any_suggestion_denies_it() -> None:
    draft = draft_of("A Brockway spokesman said the company \u201crejects completely\u201d any "
                     "suggestion that it had hidden the fault.")
    assert mention(draft, "hidden the fault").stance == "denies"


def test_no_knowledge_of_a_thing_denies_knowing_of_it() -> None:
    draft = draft_of("The treasurer, Alan Voss, said he had \u201cno knowledge\u201d of the "
                     "payments until March.")
    assert said(draft)[0][:2] == ("alan-voss", "denies")


def test_at_no_point_negates_the_clause() -> None:
    draft = draft_of("The contractor, Dunmere Works, said it had at no point been told to "
                     "close the site.")
    assert mention(draft, "close the site").stance == "denies"


def test_not_yet_reached_a_view_on_whether_hedges() -> None:
    draft = draft_of("The inspector, Rosa Lind, said the panel had not yet reached a view on "
                     "whether the rules had been broken.")
    assert said(draft)[0][:2] == ("rosa-lind", "hedges")


# --- "Asked whether P, X said: 'Certainly not. Q.'": the no answers P; Q is its own


def test_a_short_no_to_a_whether_question_denies_what_was_asked() -> None:
    draft = draft_of("Asked by Ann Pryce whether he had signed the lease knowing of the flood "
                     "risk, the mayor, Colin Brack, said: \u201cCertainly not. I signed it on "
                     "the advice of the planners.\u201d")
    asked = mention(draft, "signed the lease")
    assert (asked.actor, asked.stance) == ("colin-brack", "denies")
    advice = mention(draft, "advice of the planners")
    assert (advice.actor, advice.stance) == ("colin-brack", "affirms")
    assert "Certainly" not in advice.claim_text


# --- a statutory office named by a title after what it oversees


def test_an_office_named_by_a_trailing_commissioner_keeps_the_title() -> None:
    draft = draft_of("The Water Standards Commissioner said the inquiry would take a year.")
    speaker = next(a for a in draft.actors if a.id == said(draft)[0][0])
    assert speaker.name == "Water Standards Commissioner"
    # (a title with a person's name after it still makes the person the speaker)
    draft = draft_of("Police Commissioner Ann Hart said the force had acted quickly.")
    assert said(draft)[0][0] == "ann-hart"


# --- a document whose maker is set off by commas speaks for its maker


def test_a_document_with_its_maker_in_commas_speaks_for_the_maker() -> None:
    draft = draft_of("The report, by the Fire Safety Board, found that the doors were faulty.")
    assert said(draft)[0][:2] == ("fire-safety-board", "affirms")
    assert any(e.produced_by == "fire-safety-board" for e in draft.evidence)


def test_a_document_that_recommended_that_speaks_for_its_maker() -> None:
    draft = draft_of("The inspection by the Harbour Safety Board recommended that the crane "
                     "be replaced.")
    assert said(draft)[0][:2] == ("harbour-safety-board", "affirms")


def test_a_document_and_its_maker_before_two_coordinated_verbs_speak_for_the_maker() -> None:
    draft = draft_of("The report, by the River Trust, rated the weir unsafe and recommended "
                     "that the footpath be closed.")
    closed = mention(draft, "footpath be closed")
    assert (closed.actor, closed.stance) == ("river-trust", "affirms")
    assert [s for s in draft.mentions or draft.statements if s.own_voice] == []
    assert [e.produced_by for e in draft.evidence] == ["river-trust"]


# --- a witness's written evidence to an inquiry is what the witness says, not an item the
# inquiry made


def test_written_evidence_published_by_a_committee_is_no_evidence_item() -> None:
    draft = draft_of("In written evidence published by the committee on Monday, Brack Ltd "
                     "said the pump had failed.")
    assert said(draft)[0][:2] == ("brack-ltd", "affirms")
    assert draft.evidence == []
