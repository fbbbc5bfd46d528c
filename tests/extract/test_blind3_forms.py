"""Forms two more blind-written articles (a regional daily's health page and a US business-news
site) showed the extractor missing, on sentences written for these tests (other names, other
topics; none taken from the articles). Tests that also passed before the change guard the
rules' bounds. Expected values were worked out by hand."""

from __future__ import annotations

from kg.extract import Draft, extract
from tests.extract.forms import draft_of, said

# --- the publisher named only in the body

_NO_OUTLET_BYLINE = (
    "Grain trader halts shipments as auditors step in\n\n"
    "By Lena Ortiz\n\n"
    "Updated 9:10 AM ET, Wed April 8, 2026\n\n"
    "Ostrava Grain halted all shipments on Wednesday.\n\n"
    '"We are reviewing every contract," a company official told FieldReport.\n\n'
)


def test_a_name_spoken_to_that_reviews_documents_itself_is_the_publisher() -> None:
    draft = extract(
        _NO_OUTLET_BYLINE + "The audit letter, which FieldReport has reviewed, lists three "
        "missing cargoes.\n"
    )
    assert draft.document.publisher == "fieldreport"
    own = [(s.actor, s.claim_text) for s in draft.mentions if s.own_voice]
    assert ("fieldreport", "Ostrava Grain halted all shipments on Wednesday.") in own


def test_could_not_independently_verify_also_marks_the_house() -> None:
    draft = extract(
        _NO_OUTLET_BYLINE + "FieldReport could not independently verify the official's account.\n"
    )
    assert draft.document.publisher == "fieldreport"


def test_a_name_only_spoken_to_or_only_reviewing_is_no_publisher() -> None:
    spoken_only = extract(_NO_OUTLET_BYLINE)
    assert spoken_only.document.publisher is None
    reviewing_only = extract(
        "Grain trader halts shipments\n\nBy Lena Ortiz\n\nUpdated 9:10 AM ET, Wed April 8, 2026"
        "\n\nThe audit letter, which Harlow Commission has reviewed, lists three missing "
        "cargoes.\n"
    )
    assert reviewing_only.document.publisher is None


# --- names after titles


def test_two_roles_joined_by_and_before_a_name_are_one_person() -> None:
    draft = draft_of("Co-founder and CEO Lina Moor said the mill would reopen in May.")
    assert said(draft) == [("lina-moor", "affirms", "The mill would reopen in May.")]


def test_an_organisation_and_a_union_role_before_a_name_is_the_speaker() -> None:
    draft = draft_of("ACU district organiser Owen Tate said the depot was unsafe.")
    assert said(draft) == [("owen-tate", "affirms", "The depot was unsafe.")]


# --- spokespeople and the bodies they speak for


def test_a_trust_is_an_organisation_a_spokesperson_speaks_for() -> None:
    draft = draft_of(
        "Pellow Valley Health Trust said the clinic would stay open. A spokesperson for the "
        "trust said the ward had been cleaned."
    )
    assert [s[0] for s in said(draft)] == ["pellow-valley-health-trust"] * 2


def test_the_spokesperson_later_speaks_for_the_body_a_spokesperson_spoke_for() -> None:
    draft = draft_of(
        "Aldway Water Company said on Monday that the leak was fixed. A spokesperson for the "
        "company said the pipes were safe. The spokesperson added that repairs would start "
        "in June."
    )
    assert said(draft)[-1] == ("aldway-water-company", "affirms", "Repairs would start in June.")


def test_the_spokesman_of_a_person_speaks_for_that_person() -> None:
    draft = draft_of(
        "Marlow Grain said the silo was safe. A spokesman for Deputy Mayor Tom Reyes said the "
        "inspection was overdue. The spokesman added that Reyes had written to the firm."
    )
    assert [s[0] for s in said(draft)] == ["marlow-grain", "tom-reyes", "tom-reyes"]


# --- a role named first, the person later


def test_a_possessed_role_is_the_person_later_given_that_role() -> None:
    draft = draft_of(
        "Its finance chief denied that the loan was hidden. Ola Berg, the bank's finance chief, "
        "said the audit was complete."
    )
    assert said(draft) == [
        ("ola-berg", "denies", "The loan was hidden."),
        ("ola-berg", "affirms", "The audit was complete."),
    ]
    berg = next(a for a in draft.actors if a.id == "ola-berg")
    assert "Its finance chief" in berg.aliases


def test_a_role_two_named_people_hold_stays_unnamed() -> None:
    draft = draft_of(
        "Its finance chief denied that the loan was hidden. Ola Berg, the bank's finance chief, "
        "said the audit was complete. Rui Sousa, the insurer's finance chief, said the policy "
        "had lapsed."
    )
    assert said(draft)[0][0] == "its-finance-chief"


# --- stance


def test_not_until_says_when_and_denies_nothing() -> None:
    draft = draft_of(
        "The operator said the trains were not inspected until March. The pier did not "
        "reopen until noon, the council said."
    )
    assert [(s[0], s[1]) for s in said(draft)] == [("operator", "affirms"), ("council", "affirms")]


def test_a_negation_without_until_still_denies() -> None:
    draft = draft_of("The operator said the trains were not inspected in March.")
    assert said(draft) == [("operator", "denies", "The trains were inspected in March.")]


def test_being_cautious_or_wary_about_a_link_hedges_it() -> None:
    draft = draft_of(
        '"I would be very cautious about tying the fish deaths to the spill," said Omar Reid, '
        'a chemist at Dunmore University. "We would be wary of reading much into one '
        'sample," he said.'
    )
    assert [(s[0], s[1]) for s in said(draft)] == [("omar-reid", "hedges")] * 2


# --- refusals and comment requests


def test_could_not_comment_on_is_no_claim_but_the_clause_after_it_is() -> None:
    draft = draft_of(
        "A spokeswoman for Harwell Mills said the company could not comment on individual "
        "workers, but that it had paid the fines."
    )
    assert [(s[0], s[1]) for s in said(draft)] == [("harwell-mills", "affirms")]
    assert "fines" in said(draft)[0][2]


def test_a_passive_request_for_comment_is_the_publishers_request() -> None:
    draft = draft_of(
        "Harwell Mills said the fines were paid. Harwell Mills has been approached for further "
        "comment."
    )
    assert [s[2] for s in said(draft, own=True)] == ["The fines were paid."]
    assert [(r.by, r.to, r.response_reported) for r in draft.comment_requests] == [
        ("test-gazette", "harwell-mills", False)
    ]


# --- speakers who spoke to an outlet


def test_speaking_anonymously_to_an_outlet_between_speaker_and_verb_relays() -> None:
    draft = draft_of(
        "A teacher who works at the school, speaking anonymously to Valley TV News on Monday, "
        "said the boilers were faulty."
    )
    [statement] = draft.mentions
    assert statement.actor == "a-teacher-who-works-at-the-school"
    assert statement.claim_text == "The boilers were faulty."
    assert [r.outlet for r in statement.relay] == ["valley-tv-news", "test-gazette"]


def test_a_former_employee_who_asked_not_to_be_named_speaks_and_the_person_is_them() -> None:
    draft = draft_of(
        "A former Harlow employee, who asked not to be named, told Valley TV News that the "
        'ledgers were altered. "Everyone knew," the person said.'
    )
    assert [(s.actor, [r.outlet for r in s.relay]) for s in draft.mentions] == [
        ("a-former-harlow-employee", ["valley-tv-news", "test-gazette"]),
        ("a-former-harlow-employee", ["test-gazette"]),
    ]


def test_told_cnbc_is_a_relay() -> None:
    draft = draft_of("Ana Lutz, the bank's treasurer, told CNBC that the bonds were sold.")
    assert [r.outlet for r in draft.mentions[0].relay] == ["cnbc", "test-gazette"]


def test_said_on_a_podcast_or_programme_is_a_relay_and_not_the_claim() -> None:
    draft = draft_of(
        'Ana Lutz said on the "Night Shift" podcast that staff were tired. Rui Sousa said on '
        "the Morning Desk programme that the strike would end."
    )
    assert [(s.claim_text, [r.outlet for r in s.relay]) for s in draft.mentions] == [
        ("Staff were tired.", ["night-shift", "test-gazette"]),
        ("The strike would end.", ["morning-desk", "test-gazette"]),
    ]


def test_an_indefinite_titled_person_is_someone_new() -> None:
    draft = draft_of(
        "The clinic's senior nurse told the board that the ward was clean. A nurse who works "
        "on the night shift said the beds were short."
    )
    assert [s[0] for s in said(draft)] == [
        "clinic-senior-nurse",
        "a-nurse-who-works-on-the-night-shift",
    ]


def test_may_indicate_and_could_suggest_hedge() -> None:
    draft = draft_of(
        "The lab said early tests may indicate that the samples are linked. The council said "
        "the readings could suggest a leak."
    )
    assert [(s[0], s[1]) for s in said(draft)] == [("lab", "hedges"), ("council", "hedges")]


# --- material the publisher has seen


_SEEN = (
    "Shipping logs from the Harlow Port Authority, also seen by the Test Gazette, record three "
    "late arrivals in May. Internal memos and audit reports seen by the Gazette suggest that "
    "the cranes were unsafe."
)


def test_material_seen_by_the_publisher_is_its_own_voice_and_suggest_hedges() -> None:
    draft = draft_of(_SEEN)
    assert said(draft, own=True) == [
        ("test-gazette", "affirms", "Three late arrivals in May."),
        ("test-gazette", "hedges", "The cranes were unsafe."),
    ]


def test_material_seen_by_the_publisher_is_evidence_made_by_whom_it_is_from() -> None:
    draft = draft_of(_SEEN)
    found = [(e.kind, _SEEN[e.spans[0][0] : e.spans[0][1]], e.produced_by) for e in draft.evidence]
    assert (
        "Evidence",
        "Shipping logs from the Harlow Port Authority",
        "harlow-port-authority",
    ) in found
    assert all(producer != "test-gazette" for _, _, producer in found)


def test_material_seen_by_someone_else_is_not_the_publishers() -> None:
    draft = draft_of(
        "Harlow Port Authority said the logs were complete. Internal memos seen by Harlow Port "
        "Authority suggest that the cranes were unsafe."
    )
    assert ("test-gazette", "hedges", "The cranes were unsafe.") not in said(draft, own=True)


# --- what was said


def test_according_to_data_from_a_firm_makes_the_firm_speak_with_its_data() -> None:
    draft = draft_of(
        "Rents rose 4 percent in May, according to data from property firm Halden Lettings."
    )
    assert said(draft) == [("halden-lettings", "affirms", "Rents rose 4 percent in May.")]
    assert [e.produced_by for e in draft.evidence] == ["halden-lettings"]


def test_a_quoted_modal_verb_phrase_after_and_is_a_claim_of_its_own() -> None:
    draft = draft_of(
        "The Harlow Transit Board said Tuesday that it had opened an inquiry into the operator "
        'and "cannot rule out" a safety breach.'
    )
    assert [(s[1], s[2]) for s in said(draft)] == [
        ("affirms", "Harlow Transit Board had opened an inquiry into the operator."),
        ("hedges", "Cannot rule out a safety breach."),
    ]


def test_a_bare_weekday_after_the_verb_is_when_not_what() -> None:
    draft = draft_of("The Harlow Transit Board said Tuesday that the line would reopen.")
    assert said(draft) == [("harlow-transit-board", "affirms", "The line would reopen.")]


def test_a_negative_subject_after_but_and_a_time_adverb_denies() -> None:
    draft = draft_of(
        '"But right now nobody outside the council can check," Ana Lutz said. "And still no '
        'one has paid," she said.'
    )
    assert [s[1] for s in said(draft)] == ["denies", "denies"]


# --- references back to a claim


def _claims(draft: Draft) -> dict[str, str | None]:
    return {s.claim_text: s.claim for s in draft.mentions}


def test_the_publisher_unable_to_verify_someones_account_is_about_their_paraphrase() -> None:
    claims = _claims(
        draft_of(
            "A former Orla employee told the Gazette that the brakes had been disabled. "
            '"We all knew about it," the person said. The Test Gazette could not independently '
            "verify the former employee's account."
        )
    )
    assert claims["The former employee's account."] == claims["The brakes had been disabled."]


def test_a_figure_with_a_number_refers_to_the_claim_that_gave_that_number() -> None:
    claims = _claims(
        draft_of(
            "The Rail Union said 40 trains were cancelled in May. The union said 12 drivers were "
            "injured. A spokesperson for the Harlow Rail Regulator told the Gazette it could not "
            "confirm the union's figure of 40."
        )
    )
    assert claims["The union's figure of 40."] == claims["40 trains were cancelled in May."]


# --- evidence


def test_a_sentence_opening_in_an_email_or_letter_makes_it_the_speakers_document() -> None:
    draft = draft_of(
        "In a letter to parents dated 4 May, the school's head teacher wrote that the roof had "
        "leaked. In a statement, Harlow Council said the roof was safe."
    )
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [
        ("Document", "school-head-teacher")
    ]


def test_material_shared_with_the_publisher_by_someone_is_theirs_and_the_publisher_states_it() -> (
    None
):
    draft = draft_of(
        "A video filmed on 3 May and shared with the Test Gazette by a member of staff shows "
        "water pouring through the roof."
    )
    assert said(draft, own=True) == [("test-gazette", "affirms", "Water pouring through the roof.")]
    assert [(e.kind, e.produced_by) for e in draft.evidence] == [("Video", "a-member-of-staff")]


def test_a_letter_to_a_news_outlet_is_no_evidence() -> None:
    draft = draft_of("In a letter to the Test Gazette, Harlow Council said the roof was safe.")
    assert draft.evidence == []


def test_we_accept_that_p_says_p_and_an_apology_is_no_claim() -> None:
    draft = draft_of(
        '"We accept that there were faults in the wiring, and I apologise for that," Ana Lutz '
        'said. "We do not accept that anyone was hurt," she said.'
    )
    assert said(draft) == [
        ("ana-lutz", "affirms", "There were faults in the wiring."),
        ("ana-lutz", "denies", "Anyone was hurt."),
    ]


def test_a_report_after_the_verb_that_follows_the_claim_is_the_speakers_evidence() -> None:
    text = (
        "The largest leak, of 40 tonnes, was found on May 2, Orla Water said in a report "
        "published Tuesday."
    )
    draft = draft_of(text)
    assert [(text[slice(*e.spans[0])], e.produced_by) for e in draft.evidence] == [
        ("a report published Tuesday", "orla-water")
    ]


def test_someones_own_records_cited_by_another_are_made_by_their_owner() -> None:
    draft = draft_of(
        "Harlow Council said the pier was safe. The union pointed to the council's own "
        "inspection records, published in May, which list two cracks."
    )
    assert [(e.produced_by, len(e.spans)) for e in draft.evidence] == [("harlow-council", 1)]


def test_describing_a_named_thing_as_something_after_a_denial_is_a_claim_too() -> None:
    draft = draft_of(
        "Orla Mining denied that it had polluted the river, describing the spill as a minor "
        "leak. Harlow Council denied that it had closed the road, describing them as rumours."
    )
    assert [(s[0], s[1]) for s in said(draft)] == [
        ("orla-mining", "denies"),
        ("orla-mining", "affirms"),
        ("harlow-council", "denies"),
    ]
    assert "minor leak" in said(draft)[1][2]


def test_a_person_told_things_who_reviewed_them_and_speaks_is_no_publisher() -> None:
    draft = extract(
        _NO_OUTLET_BYLINE.replace("FieldReport", "Nora Vance")
        + "Nora Vance has reviewed the letters. Nora Vance said the cargoes were missing.\n"
    )
    assert draft.document.publisher is None


def test_a_role_the_lexicon_lacks_between_a_body_and_a_full_name_is_a_person() -> None:
    draft = draft_of(
        "ACU district coordinator Owen Tate said the depot was unsafe. Harbour Watch field "
        "worker Lena Moss said the river was low."
    )
    assert [s[0] for s in said(draft)] == ["owen-tate", "lena-moss"]


def test_a_closing_who_clause_in_the_writers_sentence_is_the_writers_claim_too() -> None:
    draft = draft_of(
        "Among the passengers was Ana Holt, 64, who was travelling to Oslo for a wedding. The "
        "mayor praised Rui Sousa, who said the bridge was safe."
    )
    assert said(draft, own=True) == [
        ("test-gazette", "affirms", "Among the passengers was Ana Holt, 64."),
        ("test-gazette", "affirms", "Ana Holt was travelling to Oslo for a wedding."),
        ("rui-sousa", "affirms", "The bridge was safe."),
        ("test-gazette", "affirms", "The mayor praised Rui Sousa."),
    ]


def test_and_was_doing_and_and_nouns_will_do_are_claims_of_their_own() -> None:
    draft = draft_of(
        "The agency said it was aware of two cases at the school and was supporting the "
        'council. "Every pupil is safe, and classes will resume on Monday," the head teacher, '
        "Ana Holt, said."
    )
    assert [s[2] for s in said(draft)] == [
        "It was aware of two cases at the school.",
        "It was supporting the council.",
        "Every pupil is safe.",
        "Classes will resume on Monday.",
    ]


def test_the_publishers_reference_to_one_of_two_bodies_it_does_not_name_is_left_alone() -> None:
    claims = _claims(
        draft_of(
            "The Harlow transport ministry said the rail line was sabotaged. The Orla interior "
            "ministry denied that its agents had been near the line. The Test Gazette could "
            "not independently verify the ministry's account."
        )
    )
    assert claims["The ministry's account."] not in {
        claims["The rail line was sabotaged."],
        claims["Its agents had been near the line."],
    }
