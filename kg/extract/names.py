"""Read a noun phrase that names a speaker: its state, title, name, head noun and kind.

"U.S. Defense Secretary Lloyd Austin" is a person named Lloyd Austin with the title "Defense
Secretary" of the state named by "U.S."; "South Korea's intelligence service" is an unnamed
intelligence agency of South Korea; "the agency" is a definite description to resolve against
earlier actors; "he" is a pronoun. :func:`describe` only reads the words; resolving them to
actors is :mod:`kg.extract.actors`' job.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> d = describe("U.S. Defense Secretary Lloyd Austin", load_lexicon())
    >>> d.name, d.title.title, d.state.name, d.kind
    ('Lloyd Austin', 'defense secretary', 'United States', 'Person')
    >>> d = describe("The South Korean spy agency", load_lexicon())
    >>> d.state.name, d.head.cls, d.definite, d.kind
    ('South Korea', 'intelligence', True, 'IntelligenceAgency')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.extract.brand_names import fused_outlet
from kg.extract.lexicon import Country, KnownOrg, Lexicon, OrgHead, Title
from kg.extract.located import without_place
from kg.extract.outlet_phrases import noun_named_outlet
from kg.extract.similarity import common_noun

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "it": "thing", "they": "group", "them": "group", "we": "group", "i": "person"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "your",
               "another"}  # "Another Harl Water spokeswoman": the body is Harl Water
_CONNECTORS = {"of", "for", "and", "the", "de", "del", "la", "le", "al", "von", "van", "bin",
               "on", "&"}
_PREPOSITIONS = {"at", "of", "for", "with", "from", "in", "on", "to", "by"}
_PLACE_PREPOSITIONS = {"near", "around", "inside", "outside", "across", "along"}
_AFTER_PLURAL = {"familiar", "close", "who", "involved", "briefed", "aware"}
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|ing)")
_NUMBERS = {"two", "three", "four", "five", "several", "many", "some", "both", "one"}
# People described by what they do, in the plural: an unnamed group speaks.
PEOPLE_PLURALS = {"researchers", "analysts", "officials", "investigators", "experts",
                  "witnesses", "residents", "sources", "prosecutors", "lawmakers", "doctors",
                  "scientists", "activists", "workers", "employees", "diplomats", "engineers",
                  "leaders", "members", "lawyers", "protesters", "organisers", "organizers",
                  "critics", "supporters", "opponents", "economists", "teachers", "parents",
                  "farmers", "villagers", "survivors", "families", "relatives", "neighbours",
                  "neighbors", "students", "nurses", "observers", "monitors", "inspectors",
                  "authorities", "campaigners", "environmentalists", "locals", "people",
                  "shoppers", "passengers", "patients", "voters", "customers", "fans",
                  "statisticians", "epidemiologists", "clinicians", "physicians", "auditors",
                  "historians", "academics", "specialists", "technicians",
                  "rebels", "separatists", "insurgents", "militants", "volunteers", "rescuers",
                  "firefighters", "medics", "paramedics", "pilots", "bloggers"}
_POSSESSIVE = re.compile(r"^(.*?)(?:\u2019s|'s|\u2019|')$")
_TOKEN = re.compile(r"[^\s]+")


@dataclass(frozen=True)
class Description:
    """What a noun phrase says about the actor it names."""

    text: str
    definite: bool = False
    pronoun: str | None = None
    state: Country | None = None
    state_form: str | None = None  # the words that named the state
    possessor: str | None = None  # "Redline" in "Redline's head of research", if not a state
    known_org: KnownOrg | None = None
    title: Title | None = None
    title_text: str | None = None
    name: str | None = None
    head: OrgHead | None = None
    outlet: str | None = None  # full outlet name
    is_state: bool = False
    plural: bool = False
    honorific: bool = False  # "Ms Voss", "Dr Lind": a person, whatever the name's length

    @property
    def kind(self) -> str | None:
        """The actor kind the words imply, or None when they do not say."""
        if self.outlet:
            return "NewsOutlet"
        if self.is_state:
            return "State"
        if self.title and self.name:
            return "Person"
        if self.known_org:
            return self.known_org.kind
        if self.name and self.head:
            return self.head.kind
        if self.head:
            return self.head.kind
        if self.plural:
            return "Organization"
        if self.name:
            return "Person" if self.honorific or _looks_like_person(self.name) else \
                "Organization"
        if self.title:
            return "Person"
        return None


# last words of organisations' names that org_heads.tsv leaves out, because alone ("the
# alliance") they would name the wrong actor: "Clearwater Alliance" names no person
_ORG_NAME_ENDS = frozenset({"International", "Alliance", "Coalition", "Network", "Initiative",
                            "Collective", "Society", "Partnership", "Fund", "Project",
                            "Consortium", "Cooperative", "Monitor", "Observatory",
                            "Commissioner", "Ombudsman"})
# statutory offices named by a capitalised title after what they oversee, with no person's
# name after it ("the Information Standards Commissioner", "the Health Service Ombudsman")
_OFFICE_TITLES = frozenset({"Commissioner", "Ombudsman"})


def named_like_organisation(name: str) -> bool:
    """Whether a name of two words or more ends in a word only organisations' names end in
    ("Coastal Watch Alliance", "Harbourlight International")."""
    words = name.split()
    return len(words) >= 2 and words[-1] in _ORG_NAME_ENDS


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words) \
        and words[-1] not in _ORG_NAME_ENDS


def strip_possessive(word: str) -> tuple[str, bool]:
    """``Korea\u2019s`` -> (``Korea``, True)."""
    match = _POSSESSIVE.match(word)
    if match and match.group(1) and word[-2:] in {"\u2019s", "'s"}:
        return match.group(1), True
    return word, False


# "BBC Radio 4's Today programme": an outlet's programme, named after the outlet
_PROGRAMME = re.compile(r"^(?:the\s+)?(.+?)[\u2019']s\s+(?:[A-Z][\w-]*\s+){1,3}"
                        r"(?:programme|program|show|podcast|bulletin)$")


def is_outlet(name: str, lex: Lexicon) -> str | None:
    """The outlet's full name if ``name`` names a news outlet, else None."""
    bare = name.strip()
    for candidate in (bare, bare.removeprefix("The ").removeprefix("the ")):
        if candidate in lex.outlet_names:
            return lex.outlet_names[candidate]
    if (show := _PROGRAMME.match(bare)) and is_outlet(show.group(1), lex):
        return bare.removeprefix("the ")  # "BBC Radio 4's Today programme": the show relays
    words = bare.split()
    if not words or not all(w[:1].isupper() or w.isdigit() or w.lower() in _CONNECTORS
                            for w in words):
        return None
    if len(words) == 1 and (fused := fused_outlet(words[0], lex.outlet_heads)):
        return fused  # "FennickLive": kg/extract/brand_names.py
    for size in (2, 1):
        if len(words) > size and " ".join(words[-size:]) in lex.outlet_heads:
            return bare.removeprefix("the ")
    if len(words) in (2, 3) and words[0] in lex.outlet_leads and words[1][:1].isupper():
        return bare.removeprefix("the ")  # "Radio Nord": the head word first
    if len(words) >= 1 and words[0] in lex.outlet_names and len(words) <= 2:
        return lex.outlet_names[words[0]]
    if 3 <= len(words) <= 4 and words[0] in lex.outlet_names and words[-1].isdigit():
        return bare  # "BBC Radio 4": a numbered channel of a known outlet
    return None


def outlet_name(phrase: str, lex: Lexicon) -> str | None:
    """The outlet ``phrase`` names: by its name, or by a name after an outlet's head noun
    ("the local newspaper Valle Hoy", "the Vantish newspaper Dagsblad")."""
    return is_outlet(phrase, lex) or describe(phrase, lex).outlet or \
        noun_named_outlet(phrase, lex) or _agency_named(phrase)


# "the Tass news agency", "the Nordpress wire service": a proper name, then what it is
_NAME_THEN_AGENCY = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)"
                               r"{0,3})\s+(?:state\s+)?(?:news\s+agency|wire\s+service)")


def _agency_named(phrase: str) -> str | None:
    """The name before "news agency" or "wire service" in ``phrase`` (the whole phrase): an
    agency the lexicon need not know, since the head noun says what it is."""
    match = _NAME_THEN_AGENCY.fullmatch(phrase.strip())
    return match.group(1) if match else None


def _longest(words: list[str], table: Mapping[str, object], *, lower: bool) -> tuple[int, int]:
    """(start, end) of the longest run of ``words`` that is a key of ``table``, or (-1, -1)."""
    best = (-1, -1)
    # No run longer than the longest key can match: without this bound a phrase of n words
    # costs n^3 (a hostile run of 2,000 capitalised words took minutes).
    widest = _widest_key(table)
    for i in range(len(words)):
        for j in range(min(len(words), i + widest), i, -1):
            key = " ".join(words[i:j])
            key = key.lower() if lower else key
            if key in table and (j - i) > (best[1] - best[0]):
                best = (i, j)
                break
    return best


_WIDEST: dict[int, tuple[Mapping[str, object], int, int]] = {}


def _widest_key(table: Mapping[str, object]) -> int:
    """Words in the longest key of ``table``. Cached by identity: the cache holds the table
    itself, so that its id cannot be reused by another, and its size, in case it grew."""
    found = _WIDEST.get(id(table))
    if found is None or found[0] is not table or found[1] != len(table):
        found = (table, len(table), max((len(k.split()) for k in table), default=0))
        _WIDEST[id(table)] = found
    return found[2]


def _state_prefix(words: list[str], lex: Lexicon) -> tuple[Country | None, str | None, int]:
    """A state named at the start of ``words`` (possessive, demonym or name)."""
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        candidate = " ".join(words[:size])
        bare, possessive = strip_possessive(candidate)
        country = lex.country_by_form.get(bare)
        if country and (possessive or len(words) > size or bare == country.name):
            return country, candidate, size
    return None, None, 0


def _head(words: list[str], lex: Lexicon) -> OrgHead | None:
    """The organisation head noun at the end of ``words`` (singular or plural)."""
    lowered = [w.lower().strip(",.") for w in words]
    for size in (3, 2, 1):
        if len(lowered) < size:
            continue
        tail = " ".join(lowered[-size:])
        for key in (tail, tail[:-1] if tail.endswith("s") else None):
            if key and key in lex.org_heads:
                return lex.org_heads[key]
    return None


def _clean(phrase: str) -> str:
    text = phrase.strip(" \t,;:\u201c\u201d\"()—-")
    # A final full stop goes, unless it ends an abbreviation ("the U.S.").
    if text.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", text):
        text = text[:-1]
    return text


def _leading_head(words: list[str], lex: Lexicon) -> OrgHead | None:
    """"Ministry of Transport", "Office of the Inspector General": a head noun first."""
    if len(words) >= 3 and words[1].lower() in {"of", "for"}:
        return lex.org_heads.get(words[0].lower())
    return None


def _post_participle(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a participle after its noun ("based in", "interviewed by"),
    not one before it ("a rowing club"): a preposition follows it."""
    return bool(_PARTICIPLE.fullmatch(words[i])) and i + 1 < len(words) and \
        words[i + 1].lower() in _PREPOSITIONS | _PLACE_PREPOSITIONS


def _name_after_role(after: list[str], lex: Lexicon) -> int | None:
    """Where a person's name starts after the lower-case rest of a role ("of product safety
    Ana Ruiz", "scientist Ona Vik"): two or more capitalised words at the end, after a
    lower-case word that is no preposition or article ("head of the Interior Ministry" names
    no person), none of them an organisation head."""
    cut = len(after)
    while cut > 0 and after[cut - 1][:1].isupper():
        cut -= 1
    if cut == 0 or len(after) - cut < 2 or not all(w[:1].islower() for w in after[:cut]):
        return None
    if after[cut - 1].lower() in _PREPOSITIONS | _DETERMINERS | _CONNECTORS:
        return None
    if any(w.lower() in lex.org_heads for w in after[cut:]):
        return None
    return cut


def _joined_title(after: list[str], lex: Lexicon) -> int | None:
    """How many words of ``after`` a second title joined by "and" takes ("and CEO" after
    "Founder"), or None: without it the "and" ends the role and the name is lost."""
    if len(after) < 2 or after[0].lower() not in {"and", "&"}:
        return None
    start, end = _longest(after[1:], lex.titles, lower=True)
    return end + 1 if start == 0 else None


def _unlisted_role(rest: list[str], lex: Lexicon) -> tuple[str, str, str | None] | None:
    """(role, name, body) of "ACU district coordinator Owen Tate": capitalised words (the
    body), one to three lower-case words (the role: no preposition, article or head noun),
    then a full name of two or three capitalised words; None for any other shape. The body
    may be missing ("harbour master Ilse Varga told reporters") when every word of the role
    is a noun of LemmInflect's dictionary ("also Ilse Varga" is no role)."""
    cut = len(rest)
    while cut > 0 and rest[cut - 1][:1].isupper():
        cut -= 1
    start = cut
    while start > 0 and rest[start - 1][:1].islower():
        start -= 1
    role, name, body = rest[start:cut], rest[cut:], rest[:start]
    if not body and not all(common_noun(w) and w.lower() not in lex.stopwords
                            for w in role):
        return None
    if not 2 <= len(name) <= 3 or not 1 <= len(role) <= 3 or not all(
            w[:1].isupper() for w in body) or any(
            w.lower() in _PREPOSITIONS | _DETERMINERS | _CONNECTORS or w.lower() in lex.org_heads
            or w.lower() in PEOPLE_PLURALS for w in role) or any(
            w.lower() in lex.org_heads for w in name):
        return None
    return " ".join(role), " ".join(name), " ".join(body) or None


# honorifics, and military ranks written short or in full before a name ("Col Petar Ruslic",
# later "Col Ruslic": one person, known by the surname); not "General" or "Major", which also
# open names and phrases ("General Motors", "Major League"); police ranks ("DS Lathe")
_HONORIFIC = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Col|Lt|Gen|Maj|Capt|Sgt|Cpl|Brig|Adm|"
                        r"DS|DC|DI|DCI|PC|Cdr|Cmdr|Colonel|Lieutenant|Sergeant|Corporal|Brigadier|Admiral)\.?"
                        r"\s+(?=[A-Z])")

# letters after a name (counsel's rank, an honour): "Imogen Slade KC" is Imogen Slade, a person
_POST_NOMINAL = re.compile(r"(?<=[a-z])(?:,?\s+(?:KC|QC|SC|OBE|MBE|CBE|KBE|DBE))+$")


def describe(phrase: str, lex: Lexicon, *, initial: bool = False) -> Description:
    """Read ``phrase``, a noun phrase naming a speaker, an outlet or an organisation.

    Args:
        phrase: the words as written ("The Russian president", "Valmora's National
            Coastguard", "she").
        lex: the lexicons.
        initial: the phrase starts its sentence, so its first word may be capitalised only
            for that reason ("Independent researcher Ana Lutz").
    """
    text = _clean(phrase)
    honorific = _HONORIFIC.match(text) is not None
    text = _HONORIFIC.sub("", text)
    if post := _POST_NOMINAL.search(text):  # "Imogen Slade KC", later "Ms Slade": a person
        text, honorific = text[:post.start()], True
    words = _TOKEN.findall(text)
    definite = bool(words) and words[0].lower() in {"the", "this", "that"}
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    quantified = bool(words) and words[0].lower() in _NUMBERS
    if quantified:
        words = words[1:]
    core = " ".join(words)
    if not words:
        return Description(text=text)
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Description(text=text, pronoun=words[0].lower())
    outlet = is_outlet(text, lex) or is_outlet(core, lex)
    if outlet and core not in lex.country_by_form:
        return Description(text=text, definite=definite, outlet=outlet, name=outlet)
    if core in lex.country_by_form or text in lex.country_by_form:
        country = lex.country_by_form.get(core) or lex.country_by_form[text]
        return Description(text=text, state=country, state_form=core, is_state=True)
    if core in lex.org_by_form:
        org = lex.org_by_form[core]
        return Description(text=text, known_org=org, name=org.name,
                           state=lex.countries.get(org.state or ""))
    state, state_form, used = _state_prefix(words, lex)
    possessor = None
    rest = words[used:]
    if state is None and rest:
        for i, word in enumerate(rest[:3]):
            bare, possessive = strip_possessive(word)
            # ("Brindley's said", "Marlow's, a supermarket chain,": with nothing after it to
            # own, a name's "'s" is its own, as a shop's named after its founder is)
            if possessive and all(w[:1].isupper() for w in rest[:i + 1]) and rest[i + 1:]:
                after = rest[i + 1:]
                if len(after) == 1 and after[0][:1].isupper() and _head(after, lex):
                    break  # "the State Auditor's Office", "the Sheriff's Office": one name
                possessor = " ".join([*rest[:i], bare])
                rest = rest[i + 1:]
                break
    known = _longest(rest, lex.org_by_form, lower=False)
    known_org = lex.org_by_form[" ".join(rest[known[0]:known[1]])] if known[0] >= 0 else None
    title_at = _longest(rest, lex.titles, lower=True)
    title = lex.titles[" ".join(rest[title_at[0]:title_at[1]]).lower()] if title_at[0] >= 0 \
        else None
    title_text = " ".join(rest[title_at[0]:title_at[1]]) if title else None
    if title is not None and title.affiliation == "none" and title_at[0] > 0 and \
            title_at[1] == len(rest) and all(w[:1].isupper() for w in rest):
        title, title_text = None, None  # "Harbour Witness": a word for a person ends a name
    if title is not None and title.affiliation == "none" and title_at[0] == 0 and \
            len(rest) > title_at[1] + 1 and all(w[:1].isupper() for w in rest) and \
            _head(rest[-1:], lex):  # "Passenger Transport Standards Office": a body's name
        title, title_text = None, None
    if title is not None and all(w[:1].isupper() for w in rest) and ((title_at[0] > 0 and len(
            rest) == title_at[1] + 1 and _head(rest[-1:], lex)) or len(getattr(_head(rest, lex),
            "head", "").split()) >= len(rest) - title_at[0]):  # "Holm General Hospital", "the
        title, title_text = None, None  # General Staff" (a head of two words holds the title)
    if title is not None and title_at[0] > 0 and title_at[1] == len(rest) and state is None \
            and known_org is None and rest[-1] in _OFFICE_TITLES and not _head(rest[:-1], lex) \
            and all(w[:1].isupper() for w in rest):
        title, title_text = None, None  # "the Information Standards Commissioner": an office
    name = None
    if title is not None:
        after = rest[title_at[1]:]
        if (joined := _joined_title(after, lex)) is not None:
            # "Founder and CEO X", "chair and chief executive X": two roles of one person
            title_at = (title_at[0], title_at[1] + joined)
            title_text = " ".join(rest[title_at[0]:title_at[1]])
            after = rest[title_at[1]:]
        if after and all(w[:1].isupper() for w in after):
            name = " ".join(after)
        elif (cut := _name_after_role(after, lex)) is not None:
            # "head of product safety Ana Ruiz": the rest of the role, then the name
            name = " ".join(after[cut:])
            title_text = " ".join(rest[title_at[0]:title_at[1] + cut])
        before = rest[:title_at[0]]
        leading_only = initial and not definite and used == 0 and len(before) == 1
        if known_org is None and before and not leading_only and all(
                w[:1].isupper() or w.lower() in _CONNECTORS for w in before):
            # "Kestrel Province Governor X": the place or body named before the title
            possessor = possessor or " ".join(before)
        head = _head(before, lex) if before and not name else None
    else:
        head = None
        rest = without_place(rest, lambda ws: _head(ws[:next((i for i, w in enumerate(ws) if i and
                                                       w.lower() in _PREPOSITIONS), len(ws))],
                                                 lex) is not None, _CONNECTORS)
        split = next((i for i, w in enumerate(rest) if w[:1].isupper()), len(rest))
        if split == 0 and initial and len(rest) > 2 and rest[1][:1].islower() and \
                rest[1] not in _CONNECTORS:
            # "Disability charity Access Fennick": its first word is capitalised as the
            # sentence's first, not as a name's
            split = next((i for i, w in enumerate(rest) if i > 1 and w[:1].isupper()), len(rest))
        described = _head(rest[:split], lex) if split else None
        if rest and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in rest[split:]) \
                and split < len(rest) and (split == 0 or described is not None):
            name = " ".join(rest[split:])  # "the firm Redline Security": the name
            head = described
    if head is None and not (title and name):
        # the head noun comes before any prepositional phrase, participle or relative clause:
        # "an official at the board", "a rights group based in Arlen", "the unions that
        # called the strike"
        zone = next((i for i, w in enumerate(rest) if i and (
            w.lower() in _PREPOSITIONS | {"that", "which"} or _post_participle(rest, i))),
                    len(rest))
        head = _head(rest[:zone], lex) or _leading_head(rest, lex)
    if head and title and not name and title_at[1] < len(rest):
        title, title_text = None, None  # "security researchers' firm": the head wins
    # the plural noun before any prepositional phrase or participle: "two former members of
    # the lab", "residents interviewed by the paper", "farmers near the dam"
    # (and before a relative clause: "independent statisticians who re-analysed the data")
    before_of = next((rest[:i] for i, w in enumerate(rest) if i and (
        w.lower() in _PREPOSITIONS | _PLACE_PREPOSITIONS | {"who"} or
        _post_participle(rest, i))), rest)
    plural = bool(rest) and (rest[-1].lower() in PEOPLE_PLURALS or (
        quantified and not name and rest[-1].lower().endswith("s")) or (
        not name and before_of[-1].lower() in PEOPLE_PLURALS) or (
        # "people familiar with the matter", "officials close to the talks"
        not name and rest[0].lower() in PEOPLE_PLURALS and len(rest) > 1 and
        rest[1].lower() in _AFTER_PLURAL))
    if title is None and name is None and head is None and not plural and \
            (role := _unlisted_role(rest, lex)) is not None:
        # "ACU district coordinator Owen Tate": a role the lexicon lacks, then a full name
        title, title_text, name = Title(role[0].split()[-1].lower(), "org"), role[0], role[1]
        possessor = possessor or role[2]
    # "the Brazilian sports newspaper Lance Hoje": a name after an outlet's head noun
    outlet = name if name and head and head.cls == "outlet" and title is None else None
    if outlet is None and name is None and title is None:  # "the Vantish newspaper X"
        name = outlet = noun_named_outlet(text, lex)
    return Description(
        text=text, definite=definite, state=state, state_form=state_form, possessor=possessor,
        known_org=known_org, title=title, title_text=title_text, name=name, head=head,
        outlet=outlet, plural=plural, honorific=honorific and name is not None and head is None,
    )


def slug(text: str) -> str:
    """An id made of ``text``: ``"South Korea\u2019s intelligence service"`` ->
    ``south-korea-intelligence-service``."""
    import unicodedata

    text = re.sub(r"['\u2019]s\b", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    ident = "-".join(words)[:60].strip("-")
    if not ident or not ident[0].isalpha():
        ident = "x-" + ident
    return ident


__all__ = ["PEOPLE_PLURALS", "PRONOUNS", "Description", "describe", "is_outlet",
           "named_like_organisation", "outlet_name", "slug", "strip_possessive"]
