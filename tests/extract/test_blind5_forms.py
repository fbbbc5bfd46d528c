"""Forms two more blind-written articles (an art-trade paper's museum story and a tech site's
data-leak story) showed the extractor missing, on sentences written for these tests (other
names, other topics; none taken from the articles). Expected values were worked out by hand."""

from __future__ import annotations

from tests.extract.forms import draft_of, said

# --- a museum, a gallery, an auction house or a family as a speaker


def test_a_museum_named_with_its_town_is_one_actor_without_the_town() -> None:
    draft = draft_of(
        "The Orvel Museum of Modern Art in Brask has announced that the bronze is a fake.\n\n"
        "The museum said the bronze was cast in 1990.\n"
    )
    assert said(draft) == [
        ("orvel-museum-of-modern-art", "affirms", "The bronze is a fake."),
        ("orvel-museum-of-modern-art", "affirms", "The bronze was cast in 1990."),
    ]


def test_a_family_speaks_as_a_body() -> None:
    draft = draft_of(
        "The estate was left to the Morrow family in 1970.\n\n"
        "The family said it had not been told of the sale.\n"
    )
    assert [(a, s) for a, s, _ in said(draft)] == [("family", "denies")]


# --- a relative pronoun before the subject


def test_the_subject_after_which_is_the_body_not_which() -> None:
    draft = draft_of(
        "The audit, which the ministry published in May, lists 40 unpaid invoices.\n\n"
        "The invoices were never sent, the ministry said.\n"
    )
    assert {a.id for a in draft.actors} == {"ministry", "test-gazette"}


# --- stance: believers, exclusions, objects negated by "none of"


def test_a_relative_who_never_doubted_affirms() -> None:
    draft = draft_of('"My aunt never doubted that the ring was gold," Tove Marr said.\n')
    assert said(draft) == [("tove-marr", "affirms", "The ring was gold.")]


def test_not_easy_to_rule_out_hedges() -> None:
    draft = draft_of('"It is not always easy to rule out a faulty sensor," Ilse Brun said.\n')
    assert [(a, s) for a, s, _ in said(draft)] == [("ilse-brun", "hedges")]


def test_could_not_exclude_that_hedges() -> None:
    draft = draft_of("Ilse Brun said she could not exclude that the sensor had been moved.\n")
    assert [(a, s) for a, s, _ in said(draft)] == [("ilse-brun", "hedges")]


def test_a_scan_showing_none_of_the_marks_denies() -> None:
    draft = draft_of(
        "Scans of the hull show none of the dents a collision leaves, the navy said.\n"
    )
    assert [(a, s) for a, s, _ in said(draft)] == [("navy", "denies")]


def test_a_ledger_giving_no_source_denies_in_the_writers_voice() -> None:
    draft = draft_of("The ledger gives no source for the payment.\n")
    assert said(draft, own=True) == [
        ("test-gazette", "denies", "The ledger gives some source for the payment.")
    ]


# --- the lede's indefinite person named in the next sentence


def test_a_researcher_in_the_lede_is_the_person_named_next() -> None:
    draft = draft_of(
        "A lender's app served some users the balances of complete strangers, according to "
        "an independent security researcher.\n\n"
        "Mira Sand, who tests banking apps for a living, says the app showed her other "
        "customers' accounts.\n"
    )
    assert [a for a, _, _ in said(draft)] == ["mira-sand", "mira-sand"]


def test_a_witness_later_in_the_story_stays_apart_from_the_name_after_it() -> None:
    draft = draft_of(
        "The mayor resigned on Monday, the council said.\n\n"
        "The bus left the road, according to a witness.\n\n"
        "Mira Sand, a driver, said the brakes failed.\n"
    )
    assert "mira-sand" in {a for a, _, _ in said(draft)}
    assert len({a for a, _, _ in said(draft)}) == 3
