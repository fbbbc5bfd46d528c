"""Round 32: whom a speaker acts for, so that one state's voices count as one source.

The analysis groups actors by their ``acts_for`` chains; a minister or a state's agency whose
state the draft misses makes one government's word count as two sources. The forms here are
general ways news writing ties a voice to its state, on sentences written for these tests
(other names, other topics; none taken from an article). Each test fails on the code before
the round. Conventions follow most gold files: a minister, a ministry and a state's public
agency act for the state; a firm or a union named with a state's name does not.
"""

from __future__ import annotations

from tests.extract.forms import chain_of, draft_of

# --- a state as the lede's subject: whose story it is ----------------------------------

def test_a_minister_acts_for_the_state_the_lede_is_about() -> None:
    """No dateline names a state; the first sentence has one as its subject, and the
    text's unqualified ministers and government spokespeople are that state's."""
    draft = draft_of("SKARN, 4 May (Harbour Wire) - Norway on Tuesday accused a group of "
                     "hackers of the attack on its rail signals.\n"
                     "Transport Minister Eva Lund said the group had been inside for weeks.\n"
                     "Government spokesperson Nils Berg said a report would follow.\n")
    assert chain_of(draft, "eva-lund") == ["eva-lund", "norway"]
    assert chain_of(draft, "nils-berg") == ["nils-berg", "norway"]
    # (a firm's lede says nothing of whose minister speaks: "Harlow Freight on Tuesday said")
    firm = draft_of("Harlow Freight on Tuesday said its trucks had been hacked.\n"
                    "Transport Minister Eva Lund said the group had been inside for weeks.\n")
    assert chain_of(firm, "eva-lund") == ["eva-lund"]


def test_a_state_the_lexicon_lacks_is_one_when_an_envoy_is_sent_to_it() -> None:
    """"the ambassador to Velmara": an envoy is sent to a state, so a lede about Velmara is
    a state's story too."""
    draft = draft_of("Velmara on Monday expelled two diplomats over the leaked files.\n"
                     "Interior Minister Ana Brisk said the files were forged.\n"
                     "Drosk's ambassador to Velmara, Ivo Tal, said the expulsion was unjust.\n")
    assert chain_of(draft, "ana-brisk") == ["ana-brisk", "velmara"]


# --- a state's possessive before a body's name ------------------------------------------

def test_a_state_s_possessive_before_a_name_with_letters_ties_the_body() -> None:
    """"Kesaria's Ministry of External Affairs (MEA)": the letters stand for the name after
    the possessive, and the state is still the ministry's (and its spokeswoman's)."""
    draft = draft_of("Norway's Ministry of External Affairs (MEA) summoned the envoy on "
                     "Friday.\n"
                     "The MEA said the patrol had fired first.\n"
                     "MEA spokesperson Lena Orm said the protest was a strong one.\n")
    assert chain_of(draft, "lena-orm") == ["lena-orm", "ministry-of-external-affairs", "norway"]


def test_a_state_s_public_agency_acts_for_the_state() -> None:
    """"Norway's National Cyber Security Centre": a state's centre, service or board is the
    state's voice as its ministries are; a firm or union named with its people's name is a
    source of its own."""
    draft = draft_of("Norway said on Monday that the signals had been jammed.\n"
                     "Norway's National Cyber Security Centre said it shared the assessment.\n"
                     "The Lithuanian Farmers Association said prices had fallen.\n")
    assert chain_of(draft, "national-cyber-security-centre") == [
        "national-cyber-security-centre", "norway"]
    assert chain_of(draft, "farmers-association") == ["farmers-association"]


# --- a minister's portfolio; a firm's voice set off by commas ---------------------------

def test_a_portfolio_before_a_bare_minister_is_no_body() -> None:
    """"Water Minister X" with "water" no title of the lexicon: only a government has
    ministers, so "Water" is her portfolio (the ministry of it, or the government), never a
    body called "Water"."""
    draft = draft_of("ORLA, Lusara, May 12 - Lusara's water ministry said the dam had "
                     "flooded six villages.\n"
                     '"Nobody called to warn us," Water Minister Ilse Varga told reporters.\n')
    assert chain_of(draft, "ilse-varga") == ["ilse-varga", "lusara-water-ministry", "lusara"]
    bare = draft_of("The government said on Monday that rents would fall.\n"
                    '"The plan is sound," Housing Minister Petra Vale told the committee.\n')
    assert chain_of(bare, "petra-vale") == ["petra-vale", "government"]
    # (a possessive before the title is the owner, not a portfolio: "Zanbera's minister")
    owned = draft_of("Zanbera's information minister, Ruth Kamanzi, said the report was "
                     "true.\n")
    assert chain_of(owned, "ruth-kamanzi")[-1] == "zanbera"


def test_the_company_s_officer_and_a_second_spokeswoman_for_the_firm() -> None:
    """"X, the company's vice president," and "A second spokeswoman for the firm, Y," after
    a firm whose name ends in "Services" (a firm's plural; a public body's service is one)."""
    draft = draft_of("Harbeck Structural Services said the cables had been inspected.\n"
                     '"We did every check," said Karen Lusk, the company\'s vice president '
                     "for operations.\n"
                     "A second spokeswoman for the firm, Lorna Fisk, said no fault was found.\n")
    assert chain_of(draft, "karen-lusk") == ["karen-lusk", "harbeck-structural-services"]
    assert chain_of(draft, "lorna-fisk") == ["lorna-fisk", "harbeck-structural-services"]


# --- a title's modifiers, an unnamed officer, "with" a body, a hyphenated surname ----------

def test_a_body_s_letters_before_a_title_with_modifiers() -> None:
    """"DPWU regional organiser X": "regional" modifies the title and says nothing of the
    body, which the letters name."""
    draft = draft_of("The Dock and Port Workers Union (DPWU) says the cranes are unsafe.\n"
                     "DPWU regional organiser Gareth Pryce said the alarm had been raised for "
                     "weeks.\n")
    assert chain_of(draft, "gareth-pryce") == ["gareth-pryce", "dock-and-port-workers-union"]


def test_an_unnamed_officer_of_a_body_s_possessive_acts_for_it() -> None:
    """"the trust's lead infection prevention nurse", named by her job alone, is the trust's
    as a named one would be."""
    draft = draft_of("The Harlow Health Trust said the ward was open.\n"
                     "The trust's lead infection prevention nurse said the ward should close.\n")
    [nurse] = [a.id for a in draft.actors if a.kind == "Person"]
    assert chain_of(draft, nurse) == [nurse, "harlow-health-trust"]


def test_a_role_with_a_body_ties_the_person_to_it() -> None:
    """"a meteorologist with the X" works for X; "who met with X" does not."""
    draft = draft_of("Lena Holt, a meteorologist with the National Weather Service in Tarrow, "
                     "said gusts reached 60 mph.\n"
                     "Ola Berg, who met with the Finance Ministry, said the talks had failed.\n")
    assert chain_of(draft, "lena-holt") == ["lena-holt", "national-weather-service"]
    assert chain_of(draft, "ola-berg") == ["ola-berg"]


def test_a_hyphenated_surname_set_off_after_a_possessive_title() -> None:
    """"the group's chair, Teodora Vasquez-Holm," names her (a capital after the hyphen),
    and she acts for the group."""
    draft = draft_of("The Tarrow Reporters Group said the reporter was innocent.\n"
                     '"He was a journalist," the group\'s chair, Teodora Vasquez-Holm, said.\n')
    assert chain_of(draft, "teodora-vasquez-holm") == ["teodora-vasquez-holm",
                                                     "tarrow-reporters-group"]


# --- a body of state named by "its" or by "of" its state ---------------------------------

def test_its_ministry_after_a_state_is_that_state_s() -> None:
    """"Sweden rejected the accusation. Its foreign ministry said ...": "its" names the
    state named last, and the ministry is one source with it."""
    draft = draft_of("Norway said the balloon was a spy craft.\n"
                     "Sweden rejected the accusation. Its foreign ministry said the craft was a "
                     "weather airship.\n")
    [ministry] = [a.id for a in draft.actors if a.kind == "GovernmentBody"]
    assert chain_of(draft, ministry) == [ministry, "sweden"]


def test_an_embassy_of_a_state_acts_for_the_state() -> None:
    """"The Embassy of Sweden", "the embassy of Norway in Tarrow": the state after "of" is
    the body's (not "the Ministry of Defence": no state)."""
    draft = draft_of("The ship was bound for Norway, a customs official said.\n"
                     'The embassy of Norway in Tarrow called the story "a provocation".\n'
                     "The Embassy of Sweden said it had not been told.\n"
                     "The Ministry of Defence said the ship had been searched.\n")
    by_name = {a.name: a.id for a in draft.actors}
    assert chain_of(draft, by_name["Embassy of Norway in Tarrow"])[-1] == "norway"
    assert chain_of(draft, by_name["Embassy of Sweden"])[-1] == "sweden"
    assert chain_of(draft, by_name["Ministry of Defence"]) == [by_name["Ministry of Defence"]]


def test_a_bare_ministry_is_the_home_state_s_when_no_government_is_named() -> None:
    """"Foreign Ministry spokesperson X" in a story whose lede has Valdoria as subject: a
    ministry named by its portfolio alone is the home country's; one named with its state
    ("Karsovia's Foreign Ministry") is that state's."""
    draft = draft_of("Valdoria on Thursday urged Karsovia to release the crew of a trawler.\n"
                     "Foreign Ministry spokesperson Lidia Varenne told a briefing that the "
                     "ministry had noted the reports.\n"
                     "Karsovia's Foreign Ministry said the boat was inside its waters.\n"
                     "Valdoria's Defence Ministry said a jet had crossed the border.\n")
    assert chain_of(draft, "lidia-varenne") == ["lidia-varenne", "foreign-ministry", "valdoria"]
    assert chain_of(draft, "foreign-ministry-of-karsovia")[-1] == "karsovia"
