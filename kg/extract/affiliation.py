"""Affiliation: whom an actor acts for, read from titles, possessives and appositions.

- a title beside a state ("Russian President X") makes X act for the state; a title that
  implies a body ("U.S. Defense Secretary X") makes X act for the body ("United States
  Department of Defense"), which acts for the state (``titles.tsv``);
- a spokesperson's title after a state and a body of it ("Borovian defence ministry
  spokesman X", "Arland's foreign ministry spokesperson Y") makes X act for the ministry,
  which acts for the state;
- a well-known body ("White House spokesperson X") or a possessive ("Redline's head of
  research X") names the organisation X acts for;
- an apposition says it too: "X, chief of the Harbourton Fire Department,"; "Y, which
  answers to the city council,"; "Z, the state broadcaster owned by the government of V,"
  (an outlet acts for no one: that one becomes a dependence override, one source with V);
- an organisation known first by a description and later by its name ("the city's election
  board", then "the Lakeport Election Board") is one actor, and gets the name.

These functions work on an :class:`~kg.extract.actors.ActorTable` and are called by it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.employers import apposed_employer, by_noun, employer_before_title, opposes
from kg.extract.frame import ADJUNCT
from kg.extract.lexicon import Lexicon
from kg.extract.names import Description, describe

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable

_OF_ORG = re.compile(r"\b(?:of|for|at|with)\s+((?:the\s+)?[A-Z][\w\u2019'.-]*(?:\s+(?:of|for|"
                     r"the|and|[A-Z][\w\u2019'.-]*))*)")
# "a meteorologist with the X": a role, then "with" the body she works for (not "who met
# with X", "in talks with X")
_ROLE_WITH = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?!talks\b|contact\b)[a-z][\w-]*\s*")
_FOR_DESCRIBED = re.compile(r"\b(?:of|for|at)\s+(the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*$")
_ANSWERS_TO = re.compile(r"\b(?:answers|reports|belongs)\s+to\s+((?:the\s+)?[\w\u2019' -]+?)\s*$|"
                         r"\b(?:part|a unit|a division|an arm|a subsidiary)\s+of\s+"
                         r"((?:the\s+)?[\w\u2019' -]+?)\s*$")
_OWNED_BY_STATE = re.compile(r"\b(?:state[- ]owned|state broadcaster|owned by the government"
                             r" of|run by the government of|state-run)\b", re.I)
_GOVERNMENT_OF = re.compile(r"\bgovernment of ([A-Z][\w-]+(?: [A-Z][\w-]+)?)")
_APPOSITIVE_HEAD = re.compile(r"^(.*?)(?:\s+(?:that|which|who|owned|run|based|with|of|in|on|"
                              r"for|at|since|whose)\b.*)?$")
# "a Telegram channel", "an online forum": an indefinite description and its last noun
_INDEFINITE_NOUN = re.compile(r"an?\s+(?:[\w-]+\s+){0,3}?([a-z][a-z-]+)")
# a participle after the head noun of an apposition ("an armed group fighting ...")
_PARTICIPLE = re.compile(r"\s+[a-z]{2,}ing\b")


def affiliate(table: ActorTable, record: ActorRecord, d: Description) -> None:
    title = d.title
    if title is None:
        return
    if d.known_org:
        org = d.known_org
        record.acts_for = table.organisation(org.name, org.kind, state=org.state).id
    elif title.affiliation in {"state", "body"} and d.state:
        state = table.state(d.state)
        if title.affiliation == "body" and title.body:
            body = table.organisation(title.body.format(state=state.name),
                                     title.body_kind or "GovernmentBody", state=state.id)
            body.notes.append(f"Not named in the text; implied by the title "
                              f"{d.title_text!r}.")
            record.acts_for = body.id
        else:
            record.acts_for = state.id
    elif title.affiliation == "org" and d.state and (state_org := state_body(table, d)):
        # "Borovian defence ministry spokesman X": the ministry, which acts for the state
        record.acts_for = state_org.id
    elif d.possessor and title.affiliation != "none" and not _portfolio(table, d):
        # ("Lusk resident Ana Holt": a title that acts for no one makes the place before it
        # where she lives, not whom she acts for)
        target = possessor(table, d.possessor, title.affiliation)
        record.acts_for = target.id if target else None
    elif d.head and title.affiliation == "org":
        # "board chair Petra Lind": the most recent board
        noun, cls = d.head.head.split()[-1], d.head.cls
        found = table.recent_actor(10**9, 10**12, lambda r: r.kind != "Person" and (
            noun in r.nouns or r.cls == cls), window=10**9)
        record.acts_for = found.id if found else None
    if not record.acts_for and (found := employer_before_title(table, d)) is not None and \
            found.id != record.id:
        record.acts_for = found.id  # "A Vetra spokeswoman, X,", "Its chief executive, Y,"


def _portfolio(table: ActorTable, d: Description) -> bool:
    """Whether the word before a bare "Minister" is her portfolio, not a body ("Water
    Minister X", "Housing Minister Y": only a government has ministers, so a word that names
    no state and no body the text knows is what she is minister of; the minister acts for
    the ministry of it, or the government, in ``employer_before_title``)."""
    owner = d.possessor or ""
    owned = re.search(rf"\b{re.escape(owner)}['\u2019]s\b", d.text)  # ("Zanbera's minister")
    return d.title is not None and d.title.title == "minister" and " " not in owner and \
        owned is None and \
        owner not in table.lex.country_by_form and owner not in table.places and \
        ("org", owner.lower()) not in table.keys and by_first_word(table, owner) is None


def state_body(table: ActorTable, d: Description) -> ActorRecord | None:
    """The body of state named between the state and an "org" title ("defence ministry" in
    "Russian defence ministry spokesman X"); None when the words between name no body of
    state ("French lawyer X" acts for no one). A body that a minister's title also names
    ("defence minister") gets that title's name: "Russia Ministry of Defence"."""
    words = d.text.split()
    state_at = next((i for i in range(len(words)) if d.state_form and
                     " ".join(words[i:]).startswith(d.state_form)), None)
    title_at = next((i for i in range(len(words)) if d.title_text and
                     " ".join(words[i:]).lower().startswith(d.title_text.lower())), None)
    if state_at is None or title_at is None or d.state is None or d.state_form is None:
        return None
    between = words[state_at + len(d.state_form.split()):title_at]
    head = (table.lex.org_heads.get(" ".join(between).lower()) or
            table.lex.org_heads.get(between[-1].lower())) if between else None
    if head is None or head.kind != "GovernmentBody":
        return None
    minister = table.lex.titles.get(" ".join(between[:-1]).lower() + " minister") \
        if between[-1].lower() == "ministry" else None
    state = table.state(d.state)
    name = minister.body.format(state=state.name) if minister and minister.body else \
        " ".join([state.name, *(w.capitalize() for w in between)])
    body = table.organisation(name, head.kind, state=state.id, cls=head.cls)
    if not any(n.startswith("Not named") for n in body.notes):
        body.notes.append(f"Not named in the text; implied by {d.text!r}.")
    return body


def possessor(table: ActorTable, name: str, affiliation: str) -> ActorRecord | None:
    if name in table.lex.country_by_form:
        return table.state(table.lex.country_by_form[name])
    if name in table.places:
        return table.state(name)
    existing = by_first_word(table, name) if affiliation != "place" else None
    if existing:
        return existing
    inner = describe(name, table.lex)
    kind = inner.kind if inner.kind and inner.kind != "Person" else "GovernmentBody" \
        if affiliation == "place" else "Organization"
    return table.organisation(name, kind, cls=inner.head.cls if inner.head else None)


def by_first_word(table: ActorTable, name: str) -> ActorRecord | None:
    """The body whose name starts with the words of ``name`` and goes on: "Voltaro" or
    "Harrow Peak" after "Voltaro Mobility Holdings" or "Harrow Peak Research", the short form
    a second reference uses."""
    words = name.split()
    for record in table.records.values():
        known = record.name.split()
        if record.kind != "Person" and known[:len(words)] == words and len(known) > len(words) \
                and (len(words) == 1 or all(w[:1].isupper() for w in known[len(words):])):
            # (a longer name goes on in capitalised words: "Research", "Mobility Holdings")
            return record
        if record.kind != "Person" and len(words) >= 2 and len(known) == len(words) + 1 and \
                known[1:] == words and known[0] not in table.lex.country_by_form:
            return record  # "the Environment Office" after "the Ardell Environment Office"
    return None


def described_as(table: ActorTable, d: Description) -> ActorRecord | None:
    """An actor known so far only by a description that the name spells out ("the
    city's election board", then "the Lakeport Election Board"): it gets the name. So does
    one described only by its owner and its class's plain noun ("Kestria's military") when the
    name has the same owner and class ("Kestria's General Staff"): one body, named later."""
    assert d.name and d.head
    name, cls, possessor = d.name, d.head.cls, d.possessor or d.state_form
    words = set(name.lower().split())
    owner = set(re.sub(r"[\u2019']s$", "", possessor.lower()).split()) if possessor else set()
    for record in table.records.values():
        described = {w for w in record.name.lower().replace("\u2019s", "").replace("'s", "")
                     .split() if w not in {"the", "a", "an", "city", "country"}}
        plain = bool(owner) and owner < described and described - owner == {cls}
        if not record.named and record.cls == cls and record.kind != "Person" and \
                described and (described <= words or plain):
            record.aliases.append(record.name)
            record.name, record.named = name, True
            table.keys[("org", name.lower())] = record.id
            return record
    return None


def _without_adjunct(text: str) -> str:
    """The appositive without a when or how after its last comma: "said X, the company's
    chief executive, in a statement" gives the role "the company's chief executive"."""
    head, comma, tail = text.rpartition(",")
    match = ADJUNCT.match(" " + tail.strip()) if comma else None
    return head.strip(" ,") if match and match.end() == len(tail.strip()) + 1 else text


def apposition(table: ActorTable, record: ActorRecord, appositive: str) -> None:
    text = _without_adjunct(appositive.strip(" ,"))
    if record.kind == "Person":
        if not record.role and is_role(text, table.lex):
            record.role = text
        owner = describe(text, table.lex).possessor
        if not record.acts_for and owner:
            target = possessor(table, owner, "org")
            record.acts_for = target.id if target and target.id != record.id else None
        described = re.match(r"(?:the|its|his|her|their)\s+(\w+)(?:\u2019s|'s)\s", text)
        if not record.acts_for and described:  # "the company's operations director"
            head = table.lex.org_heads.get(described.group(1).lower())
            found = table.recent_actor(10**9, 10**12, lambda r: r.kind != "Person" and (
                r.cls == head.cls if head else False), window=10**9)
            record.acts_for = found.id if found else None
        if not record.acts_for and (match := _OF_ORG.search(text)) and not (
                text.startswith("who ") and match.group(0).startswith("of")) and \
                not opposes(text[:match.start()]) and (not match.group(0).startswith("with") or
                                                       _ROLE_WITH.fullmatch(text[:match.start()])):
            # ("who said batches of X were safe": no X's, nor "a critic of X"; "who led it
            # for X": X's)
            org = resolve_org(table, match.group(1))
            if org:
                record.acts_for = org.id
        if not record.acts_for and (match := _FOR_DESCRIBED.search(text)) and \
                (head := describe(match.group(1), table.lex).head):
            # "a spokesperson for the office": the body described, named before
            noun = head.head.split()[-1]
            found = table.recent_actor(10**9, 10**12, lambda r: r.kind != "Person" and (
                noun in r.nouns or r.cls == head.cls), window=10**9) or \
                by_noun(table, match.group(1)[4:])  # ("the firm" of "Brightline Services")
            record.acts_for = found.id if found else None
        if not record.acts_for and (found := apposed_employer(table, text)) is not None and \
                found.id != record.id:
            record.acts_for = found.id  # "X, who heads the group's legal team,"
        return
    relative = bool(re.match(r"(?:which|that|who)\b", text))
    head_words = _APPOSITIVE_HEAD.match(text)
    inner = describe(head_words.group(1) if head_words else text, table.lex)
    for participle in _PARTICIPLE.finditer(text):
        # "an armed group fighting government forces": the head noun is before the participle
        # (not "forces"); "an accounting firm" has none before it, and is read whole
        if (before := describe(text[:participle.start()], table.lex)).head is not None:
            inner = before
            break
    if relative:
        inner = describe("", table.lex)
    if inner.kind == "NewsOutlet" or (inner.head and inner.head.kind == "NewsOutlet"):
        record.kind = "NewsOutlet"
    elif inner.head and record.kind == "Organization" and not record.cls:
        record.kind, record.cls = inner.head.kind, inner.head.cls
    if inner.head:
        record.nouns.add(inner.head.head.split()[-1])
    elif not relative and (unlisted := _INDEFINITE_NOUN.fullmatch(
            head_words.group(1) if head_words else text)) is not None:
        # "Voice of Kessel, a Telegram channel": a noun the lexicon lacks still says what the
        # actor is (no "group" then, when "the group" was named another way)
        record.nouns.add(unlisted.group(1).lower())
    if not record.role and not relative:
        record.role = text
    government = _GOVERNMENT_OF.search(text)
    if _OWNED_BY_STATE.search(text) and government:
        country = government.group(1)
        state = table.state(table.lex.country_by_form.get(country) or country)
        table.overrides.append((record.id, state.id, text))
    elif (match := _ANSWERS_TO.search(text)) and not record.acts_for:
        target = resolve_org(table, match.group(1) or match.group(2))
        if target and target.id != record.id:
            record.acts_for = target.id
    if record.kind == "GovernmentBody" and not record.acts_for and table.home_state and \
            re.search(r"\b(?:national|state|federal)\b", text, re.I):
        record.acts_for = table.state(table.home_state).id
        record.notes.append("Taken to act for the state of the dateline (described as "
                            "national).")


def resolve_org(table: ActorTable, phrase: str) -> ActorRecord | None:
    """An organisation named in an apposition ("the city council")."""
    d = describe(phrase, table.lex)
    if d.is_state and d.state:
        return table.state(d.state)
    if d.name and d.name in table.places:
        return table.state(d.name)
    if d.name:
        return table.named(d, None)
    if d.head:
        key = ("description", d.text.lower().removeprefix("the "))
        if key in table.keys:
            return table.records[table.keys[key]]
        record = table.new_record(capital(d.text.removeprefix("the ")), d.head.kind, key,
                           cls=d.head.cls, confidence=0.6)
        record.nouns.add(d.head.head.split()[-1])
        return record
    return None


# "Senator Ana Holt of the Green Party", "Ana Berg of the Brenna Institute": a person's name
# (a title before it or none), then the body she belongs to; and the same set off by commas
# after a description ("A third expert, Dr. Lena Fisk of the Norrland College,")
NAME_OF = re.compile(r"((?:Dr\.?\s+)?[A-Z][a-z\u2019'-]+(?:\s+[A-Z][a-z\u2019'.-]+){1,3})\s+"
                     r"((?:of|at|from)\s+(?:the\s+)?[A-Z].*)")
_TITLED_NAME_OF = re.compile(r"(.*?[A-Z][a-z\u2019'-]+(?:\s+[A-Z][a-z\u2019'.-]+){1,3})\s+"
                             r"((?:of|at|from)\s+(?:the\s+)?[A-Z].*)")


def affiliated_person(table: ActorTable, phrase: str, start: int, sentence: int,
                      appositive: str | None, initial: bool) -> ActorRecord | None:
    """The person "Opposition lawmaker Ana Holt of the Green Party" names, acting for the
    party; None (for the caller to read the phrase whole) when the words before "of" are no
    person's name ("the Bank of England", "Ministry of the Interior") or the words after it
    name no body by a head noun or the lexicon ("Jan Smit of Rotterdam": a place). Read
    whole, the phrase was one long name, and a later "Holt" matched nothing."""
    split = _TITLED_NAME_OF.fullmatch(phrase.strip())
    if split is None:
        return None
    person = describe(split.group(1), table.lex, initial=initial)
    body = describe(re.sub(r"^(?:of|at|from)\s+", "", split.group(2)), table.lex)
    if person.kind != "Person" or not person.name or " " not in person.name or \
            person.head or not (body.head or body.known_org):
        return None
    record = table.resolve(split.group(1), start, sentence=sentence, appositive=appositive,
                           initial=initial)
    if record is not None and record.kind == "Person" and not record.acts_for and \
            (org := resolve_org(table, split.group(2).split(None, 1)[1])) is not None:
        record.acts_for = org.id
    return record


def is_role(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` contains a title ("chief of the fire department")."""
    words = text.lower().removeprefix("the ").removeprefix("a ").removeprefix("an ").split()
    titles = lex.titles
    return any(" ".join(words[i:j]) in titles for i in range(len(words))
               for j in range(i + 1, min(len(words), i + 5) + 1))


def heads_a_body(text: str, head: str, lex: Lexicon) -> bool:
    """Whether the body noun ``head`` heads ``text`` itself, any title before it a modifier:
    "an activist short-selling firm based in X" describes a firm, where "a lawyer at the
    firm" and "the firm's chief executive" describe a person."""
    found = re.search(rf"(?i)\b{re.escape(head)}\b", text)
    if found is None:
        return False
    before, after = text[:found.start()], text[found.end():]
    return not re.search(r"(?i)\b(?:of|at|for|with|in|from|to|on|by)\b", before) and \
        not re.match(r"['\u2019]s\b", after) and \
        not is_role(" ".join(after.split()[:3]), lex)


def capital(text: str) -> str:
    """``text`` with a capital first letter."""
    return text[:1].upper() + text[1:] if text else text


__all__ = ["NAME_OF", "affiliate", "affiliated_person", "apposition", "by_first_word",
           "capital", "described_as", "heads_a_body", "is_role", "possessor", "resolve_org"]
