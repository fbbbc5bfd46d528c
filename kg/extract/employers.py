"""Employers: the body a person acts for, read from the words around her title.

The analysis counts one source per ``acts_for`` chain, so a spokesperson whose body the draft
misses makes one government's word count twice. News writing ties a person to her body in a
few set ways that the title alone does not say:

- a body's word before the title: "A Vetra spokeswoman, Ines Varro,", "ministry spokesman
  X", "Company spokesperson Y", "the port authority's chief executive, Z,", "Its chief
  executive, W," ("its": the actor named last, when that is no person); "her lawyer X" acts
  for the person "her" names (a lawyer or agent for the client, as most gold files have it);
- a minister's portfolio with no state beside it ("Water Minister X", "Health Minister Y"):
  the ministry of that portfolio named in the text, else the state of the dateline, else
  the government the text names;
- an apposition after the name: "X, the firm's head of research,", "X, who heads the
  group's legal team,", "X, who runs the consultancy Brightline,", "X, an analyst at the
  shipping-data firm Seawise,";
- at the end, a ministry named by its portfolio alone ("the Finance Ministry") is the one
  unqualified government's ("the government"), as news writing names its own country's.

Only bodies the text has named are taken (a body is never made up from a word before a
title); when bodies of two sources fit ("ministry spokeswoman X" after two states'
ministries) none is taken, so one state's voice never becomes another's; and an apposition
that says the person opposes or observes a body ("a critic of the ministry", "a former
adviser at it") ties her to nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.lexicon import OrgHead

if TYPE_CHECKING:
    from collections.abc import Callable

    from kg.extract.actors import ActorRecord, ActorTable
    from kg.extract.names import Description

__all__ = ["apposed_employer", "employer_before_title", "home_government", "opposes"]

# "a second", "another", "the": words before a body's word that say nothing of the body
_LEAD = re.compile(r"(?i)^(?:(?:a|an|the|another|one)\b\s*)?(?:(?:second|third|fourth|fifth|"
                   r"senior|other|further)\b\s*)?")
_NOUN_POSSESSIVE = re.compile(r"(?i)^(?:the\s+)?([a-z][\w-]*)['\u2019]s$")
# "the port authority's", "the Valdorian government's", "Clearline's"
# (and the words of the title before its head noun: "the company's finance" director)
_PHRASE_POSSESSIVE = re.compile(r"^(?i:the\s+)?((?:[\w-]+\s+){0,2}[\w-]+)['\u2019]s"
                                r"(?:\s+[a-z][\w-]*){0,3}$")
_PRONOUN = re.compile(r"(?i)^(?:its|their)$")
# "her lawyer X", "his agent Y": they act for the person, as most gold files have it
_PERSON_PRONOUN = re.compile(r"(?i)(his|her)")
_AGENT = re.compile(r"lawyer|attorney|agent|solicitor|barrister|counsel|spokes|representative|"
                    r"publicist")
# a minister's portfolio before the title: "Water Minister", "Minister of Water"
_PORTFOLIO = re.compile(r"(?i)^(?:deputy\s+)?(?:minister\s+(?:of|for)\s+(?:the\s+)?)?"
                        r"([a-z]+(?:\s+and\s+[a-z]+)?)(?:\s+minister)?$")
# titles of members, not voices, of a body ("Sollen captain X" speaks for herself)
_MEMBERS = frozenset({"captain", "player", "goalkeeper", "striker", "member", "fan"})
# words before a title that say the person is no voice of a body
_NOT_OF_BODY = re.compile(r"(?i)\b(?:former|ex-|independent|freelance|retired|rival)\b")
_HEAD_OF_STATE = frozenset({"prime minister", "president", "premier", "chancellor",
                            "vice president", "deputy prime minister"})
# appositions after a name
_APPOSED_POSSESSIVE = re.compile(r"(?i)^(?:the\s+)?([a-z][\w-]*)['\u2019]s\s+\w")
_APPOSED_PRONOUN = re.compile(r"(?i)^(?:its|their)\s+\w")
_WHO_HEADS = re.compile(r"^who\s+(?:now\s+)?(?:heads|leads|runs|chairs|directs|edits|manages|"
                        r"oversees|founded|co-founded|co-leads|co-chairs)\s+(.+)$")
_NAME = r"[A-Z][\w\u2019'.&-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w\u2019'.&-]*)*"
# "an analyst at the shipping-data firm Seawise", "chief executive of rival exchange Coinvale"
_AT_DESCRIBED = re.compile(r"^(.*?)\b(?:of|at|for|with|from)\s+((?:the\s+|a\s+)?"
                           r"(?:(?!(?:the|a|an)\s)[a-z][\w-]*\s+){1,3}(" + _NAME + r"))")
# words that tie a person to a body without her acting for it
_NOT_FOR = re.compile(r"(?i)\b(?:critic|opponent|rival|adversary|victim|customer|client|former|"
                      r"ex-|observer|supporter|fan|student|patient|user|investor|shareholder|"
                      r"expert on|author of|plaintiff|claimant|neighbour|neighbor)\b")
_OWNER_OBJECT = re.compile(r"^(?:the\s+)?([A-Za-z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)['\u2019]s\s+\w")
_NAMED_OBJECT = re.compile(r"(" + _NAME + r")\s*$")


# a body's word that no head noun lists ("customs", "transportation", "guild") names a body
# by its name alone; not words of a title or of a person
_NO_HEAD = OrgHead("", "Organization", "")
_NOT_BODY_WORDS = frozenset({"deputy", "acting", "chief", "senior", "junior", "former", "interim",
                             "opposition", "local", "regional", "national", "state", "new",
                             "lead", "head", "general", "assistant", "executive", "vice"})
_NEAR = 600  # characters (some three sentences) within which two bodies that fit are rivals


def _forms(record: ActorRecord) -> list[str]:
    """The names a body goes by, lower-case: not a longer phrase it was first read in ("the
    department from the security firm X" is no name of X's)."""
    return [record.name.lower(), *(a.lower() for a in record.aliases if len(a.split()) <= 5 and
                                   not re.search(r"\s(?:from|by|at|with|to)\s", a))]


def by_noun(table: ActorTable, words: str) -> ActorRecord | None:
    """The nearest body before that a lower-case description names ("ministry", "the
    defence ministry", "company"): a body whose name or head noun has the last word, and
    every word before it when there are more ("foreign ministry" is no health ministry).
    None when bodies of two sources fit near by ("the ministry" after two states'
    ministries): the words do not say which."""
    parts = words.lower().split()
    noun, whole = parts[-1], table.lex.org_heads.get(" ".join(parts))
    head = whole or table.lex.org_heads.get(noun) or _NO_HEAD
    if head is _NO_HEAD and (len(parts) > 2 or noun in _NOT_BODY_WORDS):
        return None  # ("Customs director": a word of a body's name, "National Customs Service")

    def strict(r: ActorRecord) -> bool:  # the words themselves: "firm" of "the firm"
        if r.kind in {"Person", "State"} or (r.kind == "NewsOutlet") != (
                head.kind == "NewsOutlet"):
            return False
        named = [w.strip("\u2019'") for f in _forms(r) for w in f.split()]
        return all(p in named for p in parts) or (len(parts) == 1 and noun in r.nouns)

    def classed(r: ActorRecord) -> bool:  # their class: "firm" of "a data company"
        return r.kind not in {"Person", "NewsOutlet"} and head is not _NO_HEAD and \
            r.cls == head.cls and \
            (len(parts) == 1 or whole is not None)

    def loose(r: ActorRecord) -> bool:
        # "the company" of a firm whose name says nothing of its kind ("Vetra"), or a
        # firm's plural "Services" ("Brightline Structural Services"; a public body's is one)
        # (a body the text names by a proper name: not "the experts", a group)
        return len(parts) == 1 and head.cls == "company" and r.kind == "Organization" and \
            (r.cls in {None, "company"} or r.name.endswith(" Services")) and r.id in named_bodies
    named_bodies = {ident for key, ident in table.keys.items() if key[0] == "org"}
    fits: list[tuple[tuple[int, int], ActorRecord]] = []
    for test in (strict, classed):
        fits = fits or [(last, r) for r in table.records.values()
                        if (last := _last_before(table, r))[0] >= 0 and test(r)]
    if not fits:
        # (a firm by its name alone only when it is the body named last)
        latest = _latest(table, lambda r: r.kind not in {"Person", "State"})
        fits = [((0, 0), latest)] if latest is not None and loose(latest) else []
    if not fits:  # ("Government spokesperson X" with no government named: the dateline's)
        return table.state(table.home_state) if noun == "government" and table.home_state \
            else None
    nearest = max(fits, key=lambda pair: pair[0])
    # (a body of state anywhere before is a rival: one state's voice is never another's)
    reach = 10**12 if head.kind == "GovernmentBody" else _NEAR
    near = {table.chain(r.id)[-1] for last, r in fits if nearest[0][0] - last[0] <= reach}
    return nearest[1] if len(near) == 1 else None  # ("the ministry" after two states')


def _last_before(table: ActorTable, record: ActorRecord) -> tuple[int, int]:
    """``record``'s last mention before the words being read ((-1, -1) if none); of two at
    one offset, the longer ("The International Association of X" over its first words)."""
    at = getattr(table, "at", 10**12)
    return max((m for m in record.mentions if m[0] < at), default=(-1, -1))


def _latest(table: ActorTable, test: Callable[[ActorRecord], bool]) -> ActorRecord | None:
    """The actor passing ``test`` mentioned last before the words being read."""
    found = [(last, r) for r in table.records.values() if test(r) and
             (last := _last_before(table, r))[0] >= 0]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _nearest_body(table: ActorTable) -> ActorRecord | None:
    """What "its" names before a title: the actor named last (a news outlet aside, named as a
    relay), when that is no person."""
    found = _latest(table, lambda r: r.kind != "NewsOutlet")
    return found if found is not None and found.kind != "Person" else None


def _known_body(table: ActorTable, name: str) -> ActorRecord | None:
    """A body the text has named by ``name`` (its name, a short form, an acronym)."""
    lowered = name.lower()
    if lowered in {"the", "a", "an", "its", "their", "his", "her", "our"}:
        return None
    for key in (("org", lowered), ("outlet", lowered)):
        if key in table.keys:
            return table.records[table.keys[key]]
    for record in table.records.values():
        if record.kind not in {"Person", "State"} and lowered in _forms(record):
            return record
    from kg.extract.affiliation import by_first_word
    return by_first_word(table, name)


def body_named(table: ActorTable, words: str) -> ActorRecord | None:
    """The body the words before a title name, or None."""
    words = _LEAD.sub("", words.strip(" ,"), count=1).strip()
    if not words:
        return None
    if _PRONOUN.match(words):
        return _nearest_body(table)
    if (owner := _NOUN_POSSESSIVE.match(words)) is not None:
        return by_noun(table, owner.group(1))
    if (owned := _PHRASE_POSSESSIVE.match(words)) is not None:  # the body so named before
        owner_words = owned.group(1)
        return (_known_body(table, owner_words) if owner_words[:1].isupper() else None) or \
            by_noun(table, owner_words)
    if words[:1].isupper() and (known := _known_body(table, words)) is not None:
        return known
    if all(w[:1].islower() for w in words.split()[1:]) and len(words.split()) <= 3:
        return by_noun(table, words)  # "ministry", "Company" (a sentence's first word)
    return None


def _minister(table: ActorTable, d: Description, before: str) -> ActorRecord | None:
    """Whom a minister acts for when no state stands beside the title: the ministry of her
    portfolio named in the text, else the state of the dateline, else a government the text
    names."""
    assert d.title is not None and d.title_text is not None
    title = d.title.title
    if title not in _HEAD_OF_STATE and (portfolio := _PORTFOLIO.match(
            f"{before} {d.title_text}".strip())) is not None:
        topic = portfolio.group(1).lower().split()[0]
        if topic not in {"minister", "prime", "deputy"}:
            named = re.compile(rf"\b{topic}\b.*\b(?:ministry|department)\b|\b(?:ministry|"
                               rf"department) (?:of|for) (?:the )?{topic}\b|\b{topic} office\b")
            found = [r for r in table.records.values() if r.kind == "GovernmentBody" and
                     r.mentions and any(named.search(f) for f in _forms(r))]
            if len(found) == 1:  # (named before or after: "Agriculture Minister X" of the
                return found[0]  # "Agriculture Ministry" the text names)
    if table.home_state:
        return table.state(table.home_state)
    return table.recent_actor(10**9, 10**12, lambda r: r.kind in {"GovernmentBody", "State"} and
                              any(f.split()[-1:] == ["government"] for f in _forms(r)),
                              window=10**9)


def _client(table: ActorTable, pronoun: str) -> ActorRecord | None:
    """The person "his" or "her" names before an agent's title, whom the agent acts for."""
    from kg.extract.pronouns import antecedent
    now = table.recent[-1][0] if table.recent else 0
    found = antecedent(table, "he" if pronoun == "his" else "she", now,
                       getattr(table, "at", 10**12))
    return found if found is not None and found.kind == "Person" else None


def employer_before_title(table: ActorTable, d: Description) -> ActorRecord | None:
    """The body a person's title names by the words before it ("A Vetra spokeswoman Ines
    Varro", "ministry spokesman X", "Its chief executive Y", "Water Minister Z", "the
    trust's lead infection prevention nurse"), or None."""
    title = d.title
    if title is None or not d.title_text or title.affiliation in {"none", "place"} \
            or title.title in _MEMBERS:
        return None
    named_at = d.text.find(d.name) if d.name else -1
    at = d.text.lower().rfind(d.title_text.lower(), 0, max(named_at, 0) or None)
    before = _LEAD.sub("", d.text[:at].strip() if at >= 0 else "", count=1).strip()
    # (the words a title's head takes before it say nothing of the body: "DPWU regional
    # organiser X" is the DPWU's)
    before = re.sub(r"(?:\s+(?:" + "|".join(_NOT_BODY_WORDS) + r"))+$", "", before)
    if _NOT_OF_BODY.search(before):
        return None
    if not d.name:  # an unnamed person only by a body's possessive: "the trust's lead nurse"
        return body_named(table, before) if _PHRASE_POSSESSIVE.match(before) else None
    if (owner := _PERSON_PRONOUN.fullmatch(before)) is not None and _AGENT.search(title.title):
        return _client(table, owner.group(1).lower())  # "her lawyer X": her client's
    if before and (found := body_named(table, before)) is not None:
        return found
    ministerial = title.affiliation == "body" or "minister" in title.title or \
        title.title in _HEAD_OF_STATE
    if ministerial and not d.state and not _NOUN_POSSESSIVE.match(before) and \
            len(before.split()) <= 2 and before == before.title():
        return _minister(table, d, before)
    return None


def _new_body(table: ActorTable, described: str, name: str) -> ActorRecord | None:
    """The body a description and a name introduce ("the audit firm Ledgerwise": a firm
    called Ledgerwise), by the whole phrase when it gives that name, else by the name."""
    from kg.extract.affiliation import resolve_org
    from kg.extract.names import describe
    whole = describe(described, table.lex)
    return resolve_org(table, described if whole.name == name else name)


def opposes(words: str) -> bool:
    """Whether the words before "of X" or "at X" say the person is no voice of X ("a critic
    of", "a former adviser at", "a customer of")."""
    return bool(_NOT_FOR.search(words))


def apposed_employer(table: ActorTable, text: str) -> ActorRecord | None:
    """The body an apposition after a person's name ties her to ("the firm's head of
    research", "who heads the group's legal team", "an analyst at the data firm Seawise"),
    or None."""
    if (owner := _APPOSED_POSSESSIVE.match(text)) is not None:
        return by_noun(table, owner.group(1))
    if _APPOSED_PRONOUN.match(text):
        return _nearest_body(table)
    if (heads := _WHO_HEADS.match(text)) is not None:
        thing = re.split(r",|\s+(?:and|which|that|who|since|in|on)\s", heads.group(1))[0].strip()
        if (owned := _OWNER_OBJECT.match(thing)) is not None:
            owner_words = owned.group(1)
            return _known_body(table, owner_words) if owner_words[:1].isupper() else \
                by_noun(table, owner_words.removeprefix("the "))
        if (named := _NAMED_OBJECT.search(thing)) is not None:
            # (a body new to the text keeps what its description says it is: "the
            # image-forensics firm Clearframe" is a firm, no later "the university")
            return _known_body(table, named.group(1)) or _new_body(table, thing, named.group(1))
        return by_noun(table, thing.split()[-1]) if thing.startswith("the ") else None
    if (at := _AT_DESCRIBED.match(text)) is not None and not opposes(at.group(1)):
        return _known_body(table, at.group(3)) or _new_body(table, at.group(2), at.group(3))
    return None


# a body of the government by its portfolio alone: "the Health Ministry", "the Ministry of
# Finance", "the Interior Ministry" (not "the Borovian defence ministry": a state's)
_PORTFOLIO_BODY = re.compile(r"(?i)^(?:the\s+)?(?:(?:[a-z]+\s+){1,2}ministry|ministry\s+(?:of|for)"
                             r"\s+.+|(?:[a-z]+\s+){1,2}department|department\s+(?:of|for)\s+.+)$")


def _placed(table: ActorTable, word: str) -> bool:
    """Whether ``word`` names a place or a people ("Kesaria", "Velmaran"): a ministry so
    named is that state's, not the home government's."""
    demonym = re.fullmatch(r"[A-Z][a-z]+(?:ian|ese|ish|ean|an)", word) is not None
    return word in table.lex.country_by_form or word in table.places or demonym


def home_government(table: ActorTable) -> None:
    """A ministry the text names by its portfolio alone is the home government's, as "the
    government" alone is: each acts for the one government the text names without a state
    ("the government", "the Health Ministry"), when there is one, else the home state (of
    the dateline, or of the lede: "Valdoria on Thursday urged ... Foreign Ministry
    spokesperson X"). News writing names its own country's bodies so; a foreign ministry is
    named with its state."""
    governments = {r.id for r in table.records.values() if r.kind in {"GovernmentBody", "State"}
                   and r.name.lower().removeprefix("the ") == "government" and not r.acts_for}
    if len(governments) != 1 and not (not governments and table.home_state):
        return
    # (with no "government" named, the home state's, the dateline's or the lede's subject's:
    # a ministry only, as "the Harbourton Fire Department" is a city's)
    home = table.home_state or ""
    (government,) = governments or {table.state(table.lex.countries.get(home) or home).id}
    for record in table.records.values():
        if record.kind == "GovernmentBody" and not record.acts_for and record.state is None and \
                record.id != government and _PORTFOLIO_BODY.match(record.name) and \
                (governments or "ministry" in record.name.lower()) and \
                not any(_placed(table, w) for w in record.name.split()):
            record.acts_for = government
            if record.used:
                table.mark_used(government)
