"""Who made material, from words the other evidence rules do not read:

- "a report by X", "price monitoring by X (WFA)", "an analysis of the footage by X": the
  material, then "by" and its author with no verb between (:func:`authored`; "by Monday",
  "by hand" or "by email" name no one);
- "X, the accounting firm whose December attestation Y cited": X's (:func:`whose_material`);
- "Referee Tomas Heide's match report, released by the league": a possessive before the
  material names its maker, also when the rule that read the material kept only its noun
  (:func:`possessive_before`);
- "records obtained by its investigators": the people of the body "its" names work for it,
  so the body is the producer (:func:`body_of`), and so is the body of "a board of three
  doctors at the X Hospital" (:func:`workplace`);
- "Its analysis found P", "according to its annual reports": the possessive pronoun names the
  body the sentence (or the one before) is about (:func:`pronoun_owner`);
- "published by the newspaper": the outlet named before, not the publisher
  (:func:`outlet_named_before`);
- "A passenger's video from the cabin shows P": someone new and unnamed made it
  (:func:`indefinite_owner`);
- "readouts from the A320, reproduced in the report, show P": part of the report named
  before, from its producer (:func:`part_of_document`).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Water monitoring by the Lake Trust shows that oxygen levels fell.",
    ...                 publisher="The Test Gazette")
    >>> [(e.description, e.produced_by) for e in draft.evidence]
    [('Water monitoring', 'lake-trust')]
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.affiliation import capital
from kg.extract.lexicon import phrase_alternation

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable
    from kg.extract.lexicon import Lexicon


@cache
def _with_nouns(template: str, phrases: tuple[str, ...]) -> re.Pattern[str]:
    """``template`` with the lexicon's evidence phrases in its ``{nouns}`` slot."""
    return re.compile(template.format(nouns="(?i:" + phrase_alternation(phrases) + ")"))


# words after "by" that say how or when, not who: "by Monday", "by hand", "by the end of May"
_NOT_WHO = re.compile(
    r"(?i)(?:the\s+)?(?:end|start|middle|close|time|turn|way|hand|email|e-mail|phone|"
    r"telephone|post|mail|fax|law|far|now|then|noon|midnight|nightfall|dawn|contrast|"
    r"comparison|default|chance|mistake|accident|design|volume|weight|value|number|"
    r"percent|per\s+cent|\d[\w,.%]*|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|spring|summer|autumn|fall|winter|today|tomorrow|tonight|mid-\w+))\b")
_AUTHORED = (
    r"(?P<what>(?:[\w\u2019'-]+\s+){{0,3}}?(?:{nouns}))"
    # "an analysis of the footage by X": what the material is of
    # (no verb in it: "its report on a firm was followed by a fine" names no author)
    r"(?:\s+(?:of|on|into)\s+(?:(?!(?:by|was|were|is|are|has|have|had|been|\w+ed)\b)"
    r"[\w\u2019'-]+\s+){{0,6}}?(?!(?:by|was|were|is|are|has|have|had|been|\w+ed)\b)"
    r"[\w\u2019'-]+)?"
    r"\s+by\s+(?P<who>(?:the\s+|an?\s+)?[\w\u2019'.&-]+(?:\s+[\w\u2019'.&-]+){{0,6}}?"
    r"(?:\s+\([A-Z][A-Z&]{{1,7}}\))?)"
    r"(?=\s*[,.;:]|\s*$|\s+(?:seen|obtained|reviewed|which|that|shows?|showed|found|finds|"
    r"suggests?|suggested|published|released|issued|dated|in|on|at|last|this|appears?|"
    r"appeared|says?|said|puts?|put|records|recorded|put)\b)")


def authored(text: str, start: int, sentence: int, lex: Lexicon) -> list[ev.EvidenceMention]:
    """``a report by X``: evidence produced by the author named after "by" (the actor is
    resolved by the caller)."""
    found = []
    for match in _with_nouns(_AUTHORED, tuple(lex.evidence)).finditer(text):
        who = match.group("who")
        if _NOT_WHO.match(who) or re.search(r"\s(?:was|were|is|are|had|has)\s*$",
                                            text[:match.start("what")]):
            continue  # ("the report was written by X" is read by the participle rules)
        what = match.group("what")
        lowered = what.lower()
        # (the words from the evidence phrase on: "Water monitoring", not "Price-wise, water")
        at = min((m.start() for k in lex.evidence
                  if (m := re.search(rf"(?<![\w-]){re.escape(k)}s?(?![\w-])", lowered))),
                 default=0)
        kind = ev.evidence_kind(what, lex)
        if kind is None:
            continue
        begin = _modifiers_start(what, at)
        # ("a UN panel of experts": a body named by an indefinite description is the name)
        bare = re.sub(r"^an?\s+(?=[A-Z])", "", re.sub(r"^an?\s+(?=\S+\s+\S*[A-Z])", "", who))
        found.append(ev.EvidenceMention(kind, what[begin:], (start + match.start("what") + begin,
                                                             start + match.end("what")),
                                        "produced", sentence, actor_text=bare,
                                        actor_at=start + match.end("who") - len(bare)))
    return found


def _modifiers_start(what: str, at: int) -> int:
    """Where the material's words start in ``what``: the lexicon phrase at ``at`` and the
    lower-case modifiers just before it ("Price monitoring"), not a verb or an article."""
    words = list(re.finditer(r"[\w\u2019'-]+", what[:at]))
    begin = at
    for word in reversed(words):
        if word.group(0).lower() in {"the", "a", "an", "its", "their", "his", "her", "our",
                                     "of", "to", "and", "in", "on", "at", "from"} or \
                word.group(0).lower().endswith(("ed", "ing")) or "\u2019" in word.group(0) or \
                "'" in word.group(0):
            break
        begin = word.start()
    return begin


# "Brightwater & Co., the accounting firm whose December attestation X cited": the material
# of the body the relative pronoun follows
_WHOSE = (r"(?P<who>[A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z&][\w\u2019'.&-]*|of|for))*)"
          r"(?:,\s+(?:an?|the)\s+[^,;]{{1,60}}?)?,?\s+whose\s+"
          r"(?P<what>(?:[\w\u2019'-]+\s+){{0,3}}?(?:{nouns}))\b")


def whose_material(text: str, start: int, sentence: int,
                   lex: Lexicon) -> list[ev.EvidenceMention]:
    """``X, the firm whose December attestation Y cited``: X's material (the actor is
    resolved by the caller)."""
    found = []
    for match in _with_nouns(_WHOSE, tuple(lex.evidence)).finditer(text):
        if (kind := ev.evidence_kind(match.group("what"), lex)) is not None:
            found.append(ev.EvidenceMention(
                kind, match.group("what"), (start + match.start("what"), start + match.end("what")),
                "produced", sentence, actor_text=match.group("who"),
                actor_at=start + match.start("who")))
    return found


# "Referee Tomas Heide's match report": a possessive, then up to three modifiers, then the
# material's words
_POSSESSIVE_BEFORE = re.compile(
    r"(?:^|[\s(\u201c\"])(?P<owner>(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*|"
    r"[Tt]he\s+[a-z][\w-]*)(?:[\u2019']s|(?<=s)[\u2019'])\s+(?:own\s+)?"
    r"(?:[\w-]+\s+){0,3}$")


def possessive_before(text: str, at: int) -> str | None:
    """The owner a possessive just before offset ``at`` names ("Tomas Heide" for the
    "report" of "Tomas Heide's match report"), or None."""
    line_start = max(text.rfind("\n", 0, at) + 1, at - 80)
    match = _POSSESSIVE_BEFORE.search(text[line_start:at])
    return match.group("owner") if match else None


_STAFF = re.compile(r"(?i)(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:investigators|researchers|"
                    r"inspectors|staff|officials|engineers|analysts|auditors|scientists|experts|"
                    r"lawyers|accountants|technicians|teams?|observers|monitors)$")


# "a board of three doctors at the Meghpur Hospital": people described, then where they work
_PEOPLE_AT = re.compile(r"(?:an?\s+|the\s+|\d+\s+)?[a-z][^A-Z,;]{2,60}?\s+at\s+"
                        r"(?P<body>(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|for))*)")


def workplace(phrase: str) -> str:
    """The body in "a board of three doctors at the X Hospital" (unnamed people at a named
    body made the material for it), else ``phrase``."""
    match = _PEOPLE_AT.fullmatch(phrase.strip())
    return match.group("body") if match else phrase


def body_of(table: ActorTable, record: ActorRecord, phrase: str) -> ActorRecord:
    """``record`` resolved from ``phrase``; for "its investigators" (the people of the body
    "its" names, taken to act for it), that body, which the material is taken to be of."""
    if record.acts_for and _STAFF.fullmatch(phrase.strip()):
        return table.records[record.acts_for]
    return record


# the subject of a sentence that narrates: "At the mayor's request, the Lusk Institute, a
# research group, reviewed the footage": a fronted adjunct, the name, an aside, a past verb
_SUBJECT = re.compile(r"^(?:[A-Z][^,.]{2,60},\s+)?(?P<name>(?:[Tt]he\s+)?[A-Z][\w\u2019'.&-]*"
                      r"(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|for|&))*)(?:,\s+(?P<aside>[^,]{2,80}),)?\s+"
                      r"(?:had\s+|has\s+|also\s+)?[a-z]+ed\b")

# ("The city's audit office has found P, according to its annual reports": a description)
_DESCRIBED_SUBJECT = re.compile(r"^(?P<name>[Tt]he\s+(?:[\w\u2019'-]+\s+){0,3}?[a-z][\w-]*)"
                                r"(?P<aside>)\s+(?:has|have|had)\s+[a-z]+\b")

# ("Voltaro's revenue rose, according to its annual report": the subject's owner)
_OWNER_SUBJECT = re.compile(r"^(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?P<aside>)"
                            r"(?:[\u2019']s|(?<=s)[\u2019'])\s+[a-z]")


def pronoun_owner(table: ActorTable, phrase: str, sentence: int, start: int,
                  before: str = "") -> ActorRecord | None:
    """The body "its" or "their" at the start of ``phrase`` names ("Its analysis found P"
    after "X reviewed the footage"): the named subject of the sentence ``before`` when it has
    one, else the latest organisation mentioned before ``start``."""
    match = re.match(r"(?i)(its|their)\s", phrase)
    if match is None:
        return None
    last = re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""
    if (subject := _SUBJECT.match(last) or _DESCRIBED_SUBJECT.match(last) or
            _OWNER_SUBJECT.match(last)) is not None:
        at = start - len(before) + before.find(last) + subject.start("name")
        found = table.resolve(subject.group("name"), at, sentence=max(0, sentence - 1),
                              appositive=subject.group("aside"))
        if found is not None and found.kind != "Person":
            return found
    pronoun = "it" if match.group(1).lower() == "its" else "they"
    return table.resolve(pronoun, start, sentence=sentence)


# "Flight-data readouts from the A320, reproduced in the report, show P", "The transcript,
# also in the report, has P": material that is part of a document named before
_PART = (r"(?P<what>(?:[\w\u2019'-]+\s+){{0,4}}?(?:{nouns}))"
         r"(?:\s+(?:from|of)\s+[^,;]{{1,40}}?)?,\s+"
         r"(?:also\s+)?(?:reproduced\s+|included\s+|quoted\s+|published\s+|attached\s+)?in\s+"
         r"(?:the|that|this)\s+(?P<doc>(?:[\w-]+\s+){{0,2}}?(?:report|filing|dossier|study|"
         r"document|file|submission|indictment)),")


def part_of_document(text: str, start: int, sentence: int,
                     lex: Lexicon) -> list[ev.EvidenceMention]:
    """``readouts from the A320, reproduced in the report,``: material in a document named
    before (role ``part``: :mod:`kg.extract.gather` makes it part of the latest document of
    that noun, from that document's producer)."""
    found = []
    for match in _with_nouns(_PART, tuple(lex.evidence)).finditer(text):
        what = match.group("what")
        if (kind := ev.evidence_kind(what, lex)) is None:
            continue
        found.append(ev.EvidenceMention(kind, what, (start + match.start("what"),
                                                     start + match.end("what")),
                                        "part", sentence, actor_text=match.group("doc")))
    return found


# "published by the newspaper": an outlet named before by its kind
_THE_OUTLET = re.compile(r"(?i)the\s+(?:[a-z][\w-]*\s+)?(?:newspaper|paper|daily|weekly|"
                         r"broadcaster|channel|magazine|outlet|news\s+site)")


def outlet_named_before(table: ActorTable, phrase: str, sentence: int, start: int,
                        publisher: str | None) -> ActorRecord | None:
    """The outlet "the newspaper" names ("Dagsport, the sports daily, reported P. One of the
    messages, published by the newspaper, ..."): the latest outlet mentioned before ``start``
    other than the publisher (a new outlet is not made of the description)."""
    if not _THE_OUTLET.fullmatch(phrase.strip()):
        return None
    return table.recent_actor(sentence, start, lambda r: r.kind == "NewsOutlet" and
                              r.id != publisher)


_SOMEONE_S = re.compile(r"^(?P<who>[Aa]n?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)[\u2019']s\s")


def indefinite_owner(table: ActorTable, phrase: str, sentence: int,
                     start: int) -> ActorRecord | None:
    """The someone of "A passenger's video from the cabin shows P": a person new to the text
    and unnamed (perhaps named later: "The passenger, Jonas Pell, said"), who made it."""
    match = _SOMEONE_S.match(phrase)
    if match is None:
        return None
    phrase = match.group("who")
    key = ("description", phrase.lower())
    if key in table.keys:  # ("a passenger" named so just before)
        return table.records[table.keys[key]]
    # (a record of its own, not a titled person the table would name "A passenger")
    record = table.new_record(capital(phrase.split(None, 1)[1]), "Person", key, confidence=0.5)
    record.named = False
    return record


__all__ = ["authored", "body_of", "indefinite_owner", "outlet_named_before", "part_of_document",
           "possessive_before", "pronoun_owner", "whose_material", "workplace"]
