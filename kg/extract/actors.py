"""Actors: resolve the phrases that name speakers to one record per actor, with kinds,
affiliation chains and coreference.

Coreference rules, in order (``ActorTable.resolve``):

1. a pronoun ("he", "she") is the most recent person mentioned, within three sentences;
   "it" and "they" the most recent organisation, state or group;
2. a definite description with a state and a head noun ("the South Korean spy agency") is the
   earlier actor of that state whose head noun has the same class ("South Korea's intelligence
   service"); with a title ("the Russian president"), the earlier person with that title and
   state; with a head noun alone ("the agency", "the company"), the most recent actor whose
   head noun or kind fits;
3. a surname alone ("Putin") is the earlier person of that surname; a name's first word
   ("Redline") the earlier organisation whose name it starts;
4. anything else is a new actor.

Descriptions with a title or an organisation's head noun are read by
:mod:`kg.extract.described`.

Affiliation ("acts for") comes from titles ("U.S. Defense Secretary" -> United States
Department of Defense -> United States; ``titles.tsv``), from possessive or adjectival states
("South Korea's intelligence service" -> South Korea), from well-known bodies ("White House"
-> United States) and from appositions ("chief of the Harbourton Fire Department", "which
answers to the city council").

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> table = ActorTable(load_lexicon())
    >>> austin = table.resolve("U.S. Defense Secretary Lloyd Austin", 0, sentence=0)
    >>> [table.records[a].name for a in table.chain(austin.id)]
    ['Lloyd Austin', 'United States Department of Defense', 'United States']
    >>> table.resolve("he", 80, sentence=1).id
    'lloyd-austin'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.extract.affiliation import (
    NAME_OF,
    affiliate,
    affiliated_person,
    apposition,
    by_first_word,
    capital,
    described_as,
    heads_a_body,
    is_role,
    possessor,
)
from kg.extract.brand_names import same_outlet
from kg.extract.described import headed, titled
from kg.extract.descriptions import (
    DESCRIPTION_WINDOW,
    LOWER_DESCRIPTION,
    PROPER_NAME,
    WINDOW,
    named_by_apposition,
    named_by_possessive_apposition,
)
from kg.extract.employers import home_government
from kg.extract.lexicon import Country, Lexicon, OrgHead
from kg.extract.names import Description, describe, slug, strip_possessive
from kg.extract.namesakes import namesake_of, of_state, possessor_state, public_kind
from kg.extract.people import NAME_PART, introduced_person, surname
from kg.extract.pronouns import antecedent

# "a spokesperson for the regulator" speaks for the regulator, as its voice; "an official at
# the regulator" is a source of its own inside it (often anonymous), a person acting for it
_SPOKESPERSON_OF = re.compile(r"^(?:an?\s+|the\s+|another\s+)?(?:(?:second|third|other)\s+)?"
                              r"(?:spokesperson|spokesman|spokeswoman|press secretary|"
                              r"representative)\s+(?:for|of|at)\s+(.+)$", re.I)
_NATIONAL = re.compile(r"^(?:the\s+)?(?:National|State|Federal|Ministry|Department)\b", re.I)
_TITLED = r"(?:Dr|Mr|Mrs|Ms|Prof|Col|Lt|Gen|Maj|Capt|Sgt|Cdr)\.?\s+"  # "Col. Ana Vos"
_PERSON_NAME = re.compile(rf"(?:{_TITLED})?[A-Z][a-z\u2019'-]+(?:\s+{NAME_PART}){{1,3}}")
# "the shipping line Arvik Lines": an article, lower-case nouns, then a proper name
_DESCRIBED_NAME = re.compile(r"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}"
                             r"(?P<name>[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3})")
_POSSESSIVE_NOUN = re.compile(r"[\w-][\u2019']s\s+[a-z]")
# "her campaign", "his party": a body a person's possessive pronoun owns
_PERSON_OWNS = re.compile(r"(?i)(her|his)\s+(?=[a-z])")
# a short form in brackets after a name: "the Coastal Fisheries Board (CFB)"
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z&]{1,7}|(?:[A-Z][a-z]+){2,4})\)\s*$")  # or "(KelShip)"
_PARTITIVE = re.compile(r"(?:one|two|three|some|several|many|most|each|another)\s+of\s+(?:them|"
                        r"those|(?:the|its|their|your|our)\s+(?:[\w-]+[\u2019']s\s+)?[a-z][\w-]*)",
                        re.I)  # ("another of your spokespeople", "one of the firm's lawyers")

# "the people", "the sources": a group named before, by its head noun alone
_THE_PLURAL = re.compile(r"(?i)the\s+([a-z]+)")


@dataclass
class ActorRecord:
    """One actor as the draft will list it."""

    id: str
    name: str
    kind: str
    role: str | None = None
    acts_for: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.9
    notes: list[str] = field(default_factory=list)
    state: str | None = None  # the state id, for coreference
    cls: str | None = None  # the head noun's class
    nouns: set[str] = field(default_factory=set)
    title: str | None = None
    used: bool = False
    named: bool = True  # False: known only by a description ("the city's election board")

    def add_form(self, form: str) -> None:
        form = form.strip()
        if form.startswith("The "):
            form = "the " + form[4:]
        if form and form != self.name and form not in self.aliases and \
                form.lower() not in {"he", "she", "it", "they", "we"}:
            self.aliases.append(form)


class ActorTable:
    """Every actor found so far, with the indexes that coreference needs."""

    def __init__(self, lex: Lexicon, *, places: dict[str, str] | None = None,
                 home_state: str | None = None, people: dict[str, str] | None = None,
                 introduced: list[tuple[int, int, str]] | None = None,
                 genders: dict[str, str] | None = None) -> None:
        self.lex = lex
        self.genders = dict(genders or {})  # surname -> "f" or "m" (kg/extract/gender.py)
        self.people = dict(people or {})  # surname -> full name (kg/extract/people.py)
        # (sentence, offset, surname) of each such introduction: "she" may name that person
        self.introduced = list(introduced or [])
        self.records: dict[str, ActorRecord] = {}
        self.keys: dict[tuple[str, ...], str] = {}
        self.recent: list[tuple[int, int, str]] = []  # (sentence, position, id)
        self.voices: list[tuple[int, int, str]] = []  # the same, of each "spokesperson for X"
        self.places = dict(places or {})  # name -> state id, for states not in the lexicon
        self.home_state = home_state
        self.overrides: list[tuple[str, str, str]] = []  # (actor, state, reason): dependence

    # ---- creation --------------------------------------------------------------------------

    def new_record(self, name: str, kind: str, key: tuple[str, ...],
                   **extra: object) -> ActorRecord:
        ident = slug(name)
        base, n = ident, 2
        while ident in self.records:
            ident, n = f"{base}-{n}", n + 1
        record = ActorRecord(id=ident, name=name, kind=kind, **extra)  # type: ignore[arg-type]
        self.records[ident] = record
        self.keys[key] = ident
        return record

    def state(self, country: Country | str) -> ActorRecord:
        """The actor for a state, created on first use."""
        if isinstance(country, str):
            ident, name = self.places.get(country, slug(country)), country
        else:
            ident, name = country.id, country.name
        key = ("state", ident)
        if key in self.keys:
            return self.records[self.keys[key]]
        record = self.new_record(name, "State", key, state=ident)
        record.id = ident if ident not in self.records else record.id
        if record.id != slug(name):
            self.records[record.id] = self.records.pop(slug(name), record)
            self.keys[key] = record.id
        return record

    def outlet(self, name: str) -> ActorRecord:
        """The actor for a news outlet, created on first use. A short form of a known
        outlet's name ("the Courier" for "The Halden Courier") is that outlet. A sentence's
        full stop is no part of the name ("..., she told Radio Albion.")."""
        name = re.sub(r"(?<=[a-z]{2})\.$", "", name.strip())
        bare = name.lower().removeprefix("the ")
        key = ("outlet", bare)
        if key in self.keys:
            return self.records[self.keys[key]]
        # (an outlet first met as a speaker, "Dagmar, the sports daily, reported", is keyed
        # as a named body: "told Dagmar" is that outlet, not a second one)
        if (named := self.keys.get(("org", bare))) and self.records[named].kind == "NewsOutlet":
            return self.records[named]
        for other, ident in self.keys.items():
            known = other[-1]
            if other[0] == "outlet" and same_outlet(known, bare):
                return self.records[ident]
        return self.new_record(name, "NewsOutlet", key)

    def organisation(self, name: str, kind: str, *, state: str | None = None,
                     cls: str | None = None) -> ActorRecord:
        """A named body, created on first use; acts for ``state`` when given. A name's own
        "'s" ("Brindley's", a shop named after its founder) is left out of a second key, so
        that the possessor of "Brindley's spokesperson" is the same body."""
        key = ("org", name.lower().removeprefix("the "))
        own = ("org", re.sub(r"['\u2019]s$", "", key[1]))
        if key in self.keys or own in self.keys:
            return self.records[self.keys.get(key) or self.keys[own]]
        record = self.new_record(capital(name.removeprefix("the ")), kind, key, cls=cls)
        self.keys.setdefault(own, record.id)
        if state:  # (a firm or union named by a demonym is the state's for coreference only)
            home = self.state(self.lex.countries.get(state) or state)
            record.state, record.acts_for = home.state, None if kind == "Organization" else home.id
        return record

    # ---- resolution ------------------------------------------------------------------------

    def chain(self, ident: str) -> list[str]:
        """``ident`` and the actors it acts for, nearest first."""
        seen = [ident]
        while (parent := self.records[seen[-1]].acts_for) and parent not in seen:
            seen.append(parent)
        return seen

    def mark_used(self, ident: str) -> None:
        for member in self.chain(ident):
            self.records[member].used = True

    def _mention(self, record: ActorRecord, start: int, end: int, sentence: int,
                 form: str | None) -> ActorRecord:
        record.mentions.append((start, end))
        self.recent.append((sentence, start, record.id))
        if form:
            record.add_form(form)
        return record

    def recent_actor(self, sentence: int, position: int, test: Callable[[ActorRecord], object],
                window: int = WINDOW) -> ActorRecord | None:
        for s, p, ident in reversed(self.recent):
            if p >= position:
                continue
            if sentence - s > window:
                break
            record = self.records[ident]
            if test(record):
                return record
        return None

    def last_seen(self, ident: str, before: int) -> int:
        """The offset of the last mention of ``ident`` before ``before`` (-1 if none)."""
        return max((p for _, p, i in self.recent if i == ident and p < before), default=-1)

    def resolve(self, phrase: str, start: int, *, sentence: int, appositive: str | None = None,
                initial: bool = False) -> ActorRecord | None:
        """The actor that ``phrase`` (at offset ``start``) names, or None if it names none.

        Args:
            phrase: the words as written.
            start: their offset in the article.
            sentence: the index of their sentence (for pronouns).
            appositive: words set off by commas right after the phrase ("chief of ...").
            initial: the phrase starts its sentence.
        """
        end = self.at = start + len(phrase)  # (where the reading is: employers.py looks back)
        if (short := _ACRONYM.search(phrase)) is not None:
            # "The Coastal Fisheries Board (CFB) said": the name speaks, and the letters in
            # brackets are its short form from here on ("CFB inspectors", "the CFB's report")
            record = self.resolve(phrase[:short.start()], start, sentence=sentence,
                                  appositive=appositive, initial=initial)
            if record is not None:
                record.add_form(short.group(1))
                self.keys.setdefault(("org", short.group(1).lower()), record.id)
            return record
        if person := affiliated_person(self, phrase, start, sentence, appositive, initial):
            return person  # "Senator Ana Holt of the Green Party": acting for the party
        d = describe(phrase, self.lex, initial=initial)
        affiliation = None
        if appositive and not d.name and (split := NAME_OF.fullmatch(appositive.strip())):
            # "A third expert, Dr. Lena Fisk of the Norrland Agricultural College,": the name,
            # then whom the person works for
            appositive, affiliation = split.group(1), split.group(2)
        if appositive and not d.name and not d.title and _POSSESSIVE_NOUN.search(d.text) and \
                (named := _DESCRIBED_NAME.fullmatch(appositive.strip())) is not None:
            # "The vessel's operator, the shipping line Arvik Lines,": the name at the end of
            # the apposition is the actor (its lower-case description says only what it is)
            appositive = named.group("name")
        if _PARTITIVE.fullmatch(d.text):
            return self._partitive(d.text, appositive, start, end, sentence)
        if d.title and not d.name and appositive and _PERSON_NAME.fullmatch(appositive):
            # "Dunmore's mayor, Clara Whitby,": the name ("a spokesman for X, Mr. Ola Voss,": he)
            d = replace(describe(appositive if _SPOKESPERSON_OF.match(phrase.strip()) else
                                 f"{phrase.strip()} {appositive}", self.lex, initial=initial),
                        name=re.sub(f"^{_TITLED}", "", appositive.strip()))
            # ("X's ambassador to Y, Dmitar Vell,": as set off; "a spokesman for Z, W,": W for Z)
            appositive = None
            affiliation = affiliation or (_SPOKESPERSON_OF.match(phrase.strip()) and phrase)
        elif named_by_apposition(d, appositive):
            # "The supplier, Brava Farms, denied": the apposition names the described actor,
            # whose head noun ("supplier") gives the kind when the name alone does not
            assert appositive is not None
            inner = describe(appositive, self.lex)
            d = replace(inner, head=inner.head or d.head)
            appositive = None
        elif named_by_possessive_apposition(d, appositive):
            # "Falcão's agent, Marta Lenz, denied": the apposition names the speaker, who
            # acts for the possessor when the possessor is an actor already known
            assert appositive is not None and d.possessor is not None
            owner = self._known(d.possessor)
            inner = describe(appositive, self.lex)
            record = self._describe_to_actor(inner, sentence, start, None)
            if record is None:
                return None
            if owner is not None and owner.id != record.id and not record.acts_for:
                record.acts_for = owner.id
            record.add_form(_form(phrase, initial))
            return self._mention(record, start, end, sentence, None)
        if affiliation and appositive:  # the name was not taken: the apposition as written
            appositive, affiliation = f"{appositive} {affiliation}", None
        if d.pronoun:
            found = antecedent(self, d.pronoun, sentence, start)
            return self._mention(found, start, end, sentence, None) if found else None
        record = self._describe_to_actor(d, sentence, start, appositive)
        if record is None:
            return None
        if appositive or affiliation:
            apposition(self, record, appositive or affiliation or "")
        # "a company spokesperson" names who speaks for the actor, not the actor
        speaks_for = bool(_SPOKESPERSON_OF.match(d.text)) or (
            d.title is not None and not d.name and record.kind != "Person")
        form = None if speaks_for else _form(phrase, initial)
        return self._mention(record, start, end, sentence, form)

    def resolve_named(self, name: str, head: OrgHead, start: int, *,
                      sentence: int) -> ActorRecord | None:
        """The actor ``name`` names, of the kind of ``head`` when the name alone does not say
        ("Harlan Freight" described as "the company")."""
        inner = describe(name, self.lex, initial=True)
        record = self._describe_to_actor(replace(inner, head=inner.head or head), sentence,
                                         start, None)
        return self._mention(record, start, start + len(name), sentence, None) if record else None

    def _partitive(self, text: str, appositive: str | None, start: int, end: int,
                   sentence: int) -> ActorRecord | None:
        """"one of them" names an unnamed member of a group, a new actor at each mention (two
        such mentions need not be one person); "One of them, Ivo Lind," names Ivo Lind."""
        if appositive and PROPER_NAME.fullmatch(appositive.strip()):
            record = self._describe_to_actor(describe(appositive, self.lex), sentence, start, None)
            return self._mention(record, start, end, sentence, None) if record else None
        record = self.new_record(capital(text), "Person", ("partitive", str(start)),
                                 confidence=0.5)
        record.named = False
        record.notes.append("Unnamed in the text: one member of a group named before.")
        return self._mention(record, start, end, sentence, None)

    def _known(self, name: str) -> ActorRecord | None:
        """An actor already in the table by this name (a person's full name or surname, an
        organisation, a state), or None: a possessor is never created just to be acted for."""
        lowered = name.lower()
        for key in (("person", lowered), ("surname", lowered), ("org", lowered)):
            if key in self.keys:
                return self.records[self.keys[key]]
        if name in self.lex.country_by_form:
            return self.state(self.lex.country_by_form[name])
        return by_first_word(self, name) if " " not in name else None

    def _describe_to_actor(self, d: Description, sentence: int, start: int,
                           appositive: str | None) -> ActorRecord | None:
        spokes = _SPOKESPERSON_OF.match(d.text)
        if spokes and (owner := self.owner(spokes.group(1), sentence, start)):
            self.voices.append((sentence, start, owner.id))  # "the spokesperson" names it later
            return owner  # "a spokeswoman for the regulator": the regulator speaks
        if d.outlet:
            return self.outlet(d.outlet)
        if d.is_state and d.state:
            return self.state(d.state)
        if d.name and d.name in self.places and not d.title:
            return self.state(d.name)
        if d.title and d.name:
            return self._person(d)
        if twin := namesake_of(self, d, start):
            return twin  # "Ukraine's Foreign Ministry" after "the Russian Foreign Ministry"
        if d.name:
            return self.named(d, appositive)
        if d.title:
            return titled(self, d, sentence, start)
        if d.plural:
            # "engineers who inspected the dam": the group is named without its relative clause
            group = re.sub(r"\s+(?:who|that)\s.*$", "", d.text)
            key = ("group", group.lower())
            if key in self.keys:
                return self.records[self.keys[key]]
            if (back := _THE_PLURAL.fullmatch(group)) and (earlier := self.recent_actor(
                    sentence, start, lambda r: ("group", r.name.lower()) in self.keys and
                    back.group(1).lower() in r.name.lower().split()[:2],
                    window=DESCRIPTION_WINDOW)):
                return earlier  # "the people said" after "people familiar with the matter"
            record = self.new_record(capital(group), d.head.kind if d.head else "Organization",
                                     key, confidence=0.6)
            if re.match(r"(?i)(?:its|their)\s", d.text) and (
                    owner := antecedent(self, "it", sentence, start)) is not None:
                record.acts_for = owner.id  # "Its inspectors" work for what "it" names
            return record
        if d.head and (owned := _PERSON_OWNS.match(d.text)) is not None and (
                person := antecedent(self, {"his": "he"}.get(owned.group(1).lower(), "she"),
                                        sentence, start)) is not None and person.kind == "Person":
            # "Her campaign says P" after Mara Dellweg: "Mara Dellweg's campaign", the body a
            # later "Mara Dellweg's campaign" names too
            return headed(self, describe(f"{person.name}'s {d.text[owned.end():]}", self.lex),
                          sentence, start)
        if d.head:
            return headed(self, d, sentence, start)
        if d.definite and LOWER_DESCRIPTION.fullmatch(d.text):
            # "the federation" after "the national athletics federation": a head noun the
            # lexicon lacks still names the nearest earlier actor whose name ends in it
            noun = d.text.split()[-1].lower()
            return self.recent_actor(sentence, start, lambda r: r.kind != "Person" and any(
                form.lower().split()[-1] == noun for form in (r.name, *r.aliases)),
                window=DESCRIPTION_WINDOW)
        return None

    def _person(self, d: Description) -> ActorRecord:
        assert d.name and d.title
        key = ("person", d.name.lower())
        if key in self.keys:
            return self.records[self.keys[key]]
        text = d.text.removeprefix("the ").removeprefix("The ")
        role = text[: text.rfind(d.name)].strip() if d.name in text else d.title_text
        record = self.new_record(d.name, "Person", key, role=role or None, title=d.title.title,
                           state=d.state.id if d.state else None)
        self.keys[("surname", surname(d.name).lower())] = record.id
        affiliate(self, record, d)
        return record

    def named(self, d: Description, appositive: str | None) -> ActorRecord:
        assert d.name
        lowered = d.name.lower()
        if ("surname", lowered) in self.keys and " " not in d.name:
            return self.records[self.keys[("surname", lowered)]]
        for key in (("person", lowered), ("org", lowered), ("outlet", lowered)):
            if key in self.keys:  # "The Velden Courant" after "the student newspaper The ..."
                return self.records[self.keys[key]]
        bare, own = strip_possessive(d.name)
        if own and " " not in d.name and (known := self._known(bare)) is not None:
            return known  # "Brightwater's" after "Brightwater Structural Services": its own
        if d.kind != "NewsOutlet" and not d.title and \
                (existing := by_first_word(self, d.name)):
            # ("Harrow Peak", which looks like a person's name, after "Harrow Peak Research")
            return existing
        if " " not in d.name and lowered in self.people and not d.head:
            return introduced_person(self, d.name)  # "Holt" after "Maren Holt, a clerk,"
        if d.head and (described := described_as(self, d)):
            return described
        kind = public_kind(self, d, d.kind or "Organization")  # "X's National ... Centre"
        if kind == "Person" and appositive and re.match(r"which\b", appositive):
            kind = "Organization"  # "Farrow Chemicals, which operates the plant"
        if appositive and not re.match(r"who\b", appositive):  # "X, who runs the firm Y": a person
            inner = describe(appositive, self.lex)
            if inner.head and not d.head and kind == "Person" and (
                    not is_role(appositive, self.lex) or
                    heads_a_body(appositive, inner.head.head, self.lex)):
                kind = inner.head.kind
        if kind == "Person":
            record = self.new_record(d.name, "Person", ("person", lowered))
            self.keys[("surname", surname(d.name).lower())] = record.id
            return record
        state = d.state.id if d.state else of_state(self, d.name, kind)  # "Embassy of X"
        if state is None and d.possessor:  # ("Esterland's Foreign Ministry": a state's)
            state = possessor_state(self, d.possessor, kind)
        if state is None and d.possessor:
            owner = possessor(self, d.possessor, "org")
            state = owner.state if owner and owner.kind == "State" else None
        record = self.organisation(d.name, kind, state=state,
                                   cls=d.head.cls if d.head else None)
        if d.head:
            record.nouns.add(d.head.head.split()[-1])
        if not record.acts_for and self.home_state and _NATIONAL.match(d.name) and \
                kind == "GovernmentBody":
            record.acts_for = self.state(self.home_state).id
            record.confidence = 0.5
            record.notes.append("Taken to act for the state of the dateline: a national body "
                                "whose state the text does not name.")
        return record

    def owner(self, phrase: str, sentence: int, start: int) -> ActorRecord | None:
        """The actor ``phrase`` names when it names one ("the election board" of "an official
        at the election board"), else None."""
        inner = describe(phrase, self.lex)
        return self._describe_to_actor(inner, sentence, start, None) if (
            inner.name or inner.head or inner.is_state or inner.known_org) else None

    def emitted(self) -> list[ActorRecord]:
        """The actors the draft lists: those used and whom they act for, by first mention (an
        implied body, never mentioned, after the one that needs it)."""
        home_government(self)  # "the Health Ministry": the one "government"'s (employers.py)
        used = [r for r in self.records.values() if r.used]
        return sorted(used, key=lambda r: (min((m[0] for m in r.mentions), default=10**9), r.id))


def _form(phrase: str, initial: bool) -> str:
    phrase = phrase.strip(" ,")
    if initial and phrase.startswith("The "):
        return "the " + phrase[4:]
    return phrase


__all__ = ["ActorRecord", "ActorTable"]
