"""Sentences sourced to a document: whose word "according to the report" is.

"According to X" names a speaker when X is an actor (:mod:`kg.extract.sourcing`). When X is
a document, the sentence is still someone's word: the document's author's. This module finds
the author where the phrase itself does not name an owner ("the retailer's list", read by
:mod:`kg.extract.sourcing`):

- a document with a relative clause that names who made it: "according to data the agency
  published on Monday", "according to figures that the ministry released", or with "from"
  its maker ("according to data from the port authority"). The agency says P through its
  data, which is its evidence;
- a definite document named before: "A report by the audit office found P. According to the
  report, Q": "the report" is the one the text presented, and its producer says Q;
- a statement named before: "In a statement, the board said P. ..., according to the
  statement": the speaker of the last statement made in that setting (``settings.tsv``: the
  cues whose last word is the noun) says it.

Nothing is taken when the text offers no such antecedent: the sentence stays in the
publisher's voice, as before.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Water use rose 4 percent, according to data the Harl Water Board "
    ...                 "published on Monday.", publisher="The Test Gazette")
    >>> [(s.actor, s.stance) for s in draft.statements]
    [('harl-water-board', 'affirms')]
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.actors import ActorRecord
from kg.extract.lexicon import phrase_alternation

if TYPE_CHECKING:
    from kg.extract.frame import Frame
    from kg.extract.model import Span
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

WINDOW = 8  # sentences a definite statement looks back for its antecedent
# sentences a definite document looks back: a story about a report calls it "the report"
# all along, and an article rarely presents two documents of one noun
DOCUMENT_WINDOW = 20
# "data the agency published on Monday", "figures that the ministry released": the material,
# then the clause's subject and a verb of making or releasing
_MADE_BY_CLAUSE = re.compile(r"^(?P<what>(?:the\s+|its\s+|new\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)\s+"
                             r"(?:that\s+|which\s+)?(?P<who>(?!by\b)(?:the\s+|a\s+)?[\w\u2019'.&-]+"
                             r"(?:\s+[\w\u2019'.&-]+){0,5}?)\s+(?:has\s+|had\s+)?(?:published|"
                             r"released|issued|compiled|collected|posted|provided|filed|"
                             r"presented|shared)\b", re.I)
# "data from blockchain-analytics firm Chainlight", "figures from the port authority": the
# material, then its maker (the maker says P through it, as with "data the agency published")
_FROM_MAKER = re.compile(r"^(?P<what>(?:the\s+|new\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)\s+from\s+"
                         r"(?P<who>(?:the\s+|a\s+)?[\w\u2019'.&-]+(?:\s+[\w\u2019'.&-]+){0,5})$",
                         re.I)
_DEFINITE = re.compile(r"^(?:the|that|this)\s+((?:[\w-]+\s+){0,2}?([\w-]+))$", re.I)


@cache
def _owned(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """"Pell Mills' own delivery logs, leaked to the Gazette, show P": a named owner's
    material (the evidence phrases of the lexicon, a user's too) as the subject of a verb of
    showing; the owner made it, whoever passed it on."""
    nouns = phrase_alternation(phrases)
    # (a definite description owns too: "The conservation centre's report, which ..., records
    # that P"; and "contains" and "lists" say what the material holds)
    # (also as what a speaker said: "X said the hospital's register alone recorded P")
    return re.compile(r"(?:^|[,;:]\s+|\b(?:said|says|added|adds)\s+(?:that\s+)?)"
                      r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}|"
                      r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
                      r"(?:[\u2019']s|(?<=s)[\u2019'])\s+(?:own\s+)?"
                      rf"(?P<what>(?:[\w-]+\s+){{0,2}}?(?i:{nouns}))(?:\s+on\s+[^,]{{1,40}})?"
                      r"(?:,[^,]{1,80},)?(?:\s+(?:alone|itself|also))?\s+"
                      r"(?:show|shows|showed|found|reveal|reveals|revealed|indicate|indicates|"
                      r"indicated|suggest|suggests|suggested|record|records|recorded|contains|"
                      r"contained|lists|listed)\b")


@cache
def _own(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """"one of the museum's own laboratory notes": "own" says whose the material is,
    wherever it stands."""
    nouns = phrase_alternation(phrases)
    return re.compile(r"\b(?P<who>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}|"
                      r"[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
                      r"(?:[\u2019']s|(?<=s)[\u2019'])\s+own\s+"
                      rf"(?P<what>(?:[\w-]+\s+){{0,2}}(?i:{nouns}))\b")


@cache
def _of_owner(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """"a leaked internal spreadsheet of the agency listed P", "the minutes of the board
    show P": a body's record named with "of", as the subject of a verb of showing."""
    nouns = phrase_alternation(phrases)
    return re.compile(r"\b(?:an?|the)\s+"
                      rf"(?P<what>(?:[\w-]+\s+){{0,3}}?(?i:{nouns}))\s+of\s+"
                      r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}|"
                      r"the\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+"
                      r"(?:show|shows|showed|found|revealed|record|records|recorded|lists|"
                      r"listed|contains|contained)\b")


# what a body keeps of its own (a photograph or video "of X" shows X, and is not X's)
_RECORDS = {"Document"}
_KEPT = re.compile(r"(?i)\b(?:logs?|data|figures|statistics|records|database)$")


def _known_only(ctx: Context, phrase: str, at: int, sentence: int) -> ActorRecord | None:
    """The actor ``phrase`` names when the table knew it before; else None, and the table is
    left as it was (no actor made for the description)."""
    table = ctx.table
    records, keys, recent = set(table.records), dict(table.keys), len(table.recent)
    found = table.resolve(phrase, at, sentence=sentence)
    if found is None or found.id in records:
        return found
    for ident in set(table.records) - records:
        del table.records[ident]
    table.keys.clear()
    table.keys.update(keys)
    del table.recent[recent:]
    return None


def owned_material(ctx: Context, sent: Sentence) -> list[ev.EvidenceMention]:
    """The material a sentence presents as a named owner's ("X's own logs ... show P",
    "one of the museum's own notes", "a spreadsheet of the agency listed P": an owner known
    before), produced by the owner, with the sentence's statements to support (set by the
    pipeline)."""
    found = []
    phrases = tuple(ctx.lex.evidence)
    makers: list[Span] | None = None
    for match in [*_owned(phrases).finditer(sent.text), *_own(phrases).finditer(sent.text)]:
        at = sent.start + match.start("who")
        described = match.group("who")[4:5].islower()
        if described and makers is None:
            makers = [m.span for m in ev.released_by(sent.text, sent.start, sent.index, ctx.lex)]
        # ("the company's own records, which Vale Water filed": a description names only a
        # body met before when the sentence names the maker)
        named = described and any(a < sent.start + match.end("what") and
                                  sent.start + match.start("what") < b for a, b in makers or [])
        owner = _known_only(ctx, match.group("who"), at, sent.index) if named else \
            ctx.table.resolve(match.group("who"), at, sentence=sent.index)
        kind = ev.evidence_kind(match.group("what"), ctx.lex)
        if owner is None or kind is None or owner.kind == "NewsOutlet":
            continue
        span = (sent.start + match.start("what"), sent.start + match.end("what"))
        found.append(ev.EvidenceMention(kind, ctx.text[span[0]:span[1]], span, "produced",
                                        sent.index, actor=owner.id))
    for match in _of_owner(phrases).finditer(sent.text):
        kind = ev.evidence_kind(match.group("what"), ctx.lex)
        if kind is None or (kind not in _RECORDS and not _KEPT.search(match.group("what"))):
            continue
        owner = _known_only(ctx, match.group("who"), sent.start + match.start("who"),
                            sent.index)
        if owner is None or owner.kind in {"Person", "NewsOutlet"}:
            continue
        span = (sent.start + match.start("what"), sent.start + match.end("what"))
        found.append(ev.EvidenceMention(kind, ctx.text[span[0]:span[1]], span, "produced",
                                        sent.index, actor=owner.id))
    return found


def document_author(ctx: Context, sent: Sentence, frame: Frame,
                    kind: str | None) -> ActorRecord | None:
    """The author whose word "according to ``frame.speaker_text``" is, for a document
    phrase whose owner the words do not give; None to leave the sentence to the publisher.
    A document made by the author becomes its evidence for what the sentence says."""
    assert frame.speaker_text is not None and frame.speaker is not None
    phrase = frame.speaker_text.strip()
    made = _MADE_BY_CLAUSE.match(phrase) or _FROM_MAKER.match(phrase)
    if kind and made and ev.evidence_kind(made.group("what"), ctx.lex):
        at = frame.speaker[0] + made.start("who")
        author = ctx.table.resolve(made.group("who"), at, sentence=sent.index)
        if author is not None and author.kind != "NewsOutlet":
            # the frame's statements come next: the first is what the document says
            ctx.evidence.append(ev.EvidenceMention(kind, phrase, frame.speaker, "produced",
                                                   sent.index, actor=author.id,
                                                   supports=[len(ctx.statements)]))
            return author
        return None
    definite = _DEFINITE.match(phrase)
    if definite is None:
        return None
    noun = definite.group(2).lower()
    if kind:
        return _earlier_document(ctx, sent, frame, kind, noun)
    return _earlier_setting(ctx, sent, noun)


def _earlier_document(ctx: Context, sent: Sentence, frame: Frame, kind: str,
                      noun: str) -> ActorRecord | None:
    """"According to the report": the producer of the last document of that kind and noun
    the text presented, within :data:`DOCUMENT_WINDOW` sentences."""
    for mention in reversed(ctx.evidence):
        if sent.index - mention.sentence > DOCUMENT_WINDOW:
            break
        if mention.kind != kind or mention.actor is None or mention.role not in {
                "produced", "released"} or not re.search(
                    rf"(?<![\w-]){re.escape(noun)}s?(?![\w-])", mention.description, re.I):
            continue
        author = ctx.table.records.get(mention.actor)
        if author is None or author.kind == "NewsOutlet" or _seen_by_publisher(ctx, mention):
            return None
        assert frame.speaker is not None and frame.speaker_text is not None
        ctx.evidence.append(ev.EvidenceMention(kind, frame.speaker_text.strip(), frame.speaker,
                                               "produced", sent.index, actor=author.id,
                                               supports=[len(ctx.statements)]))
        return author
    return None


def _seen_by_publisher(ctx: Context, mention: ev.EvidenceMention) -> bool:
    """Whether the publisher read the document itself ("according to a report by X seen by
    the Courier, P"): the words are the publisher's then, also as "the report says" later,
    though X made the report (:mod:`kg.extract.producers` reads its author)."""
    if ctx.publisher is None:
        return False
    after = re.match(r"[^.;]{0,80}?\b(?:seen|obtained|reviewed)\s+by\s+(?:the\s+)?"
                     r"([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)",
                     ctx.text[mention.span[1]:mention.span[1] + 160])
    names = {n.lower().removeprefix("the ") for n in (ctx.publisher.name,
                                                       *ctx.publisher.aliases)}
    return after is not None and after.group(1).lower() in names


def _earlier_setting(ctx: Context, sent: Sentence, noun: str) -> ActorRecord | None:
    """"..., according to the statement": the speaker of the last statement made in a
    setting whose cue ends with the noun ("in a statement", "in a written statement")."""
    settings = {setting for cue, setting in ctx.lex.settings.items()
                if cue.lower().split()[-1] == noun}
    if not settings:
        return None
    for statement in reversed(ctx.statements):
        if sent.index - statement.sentence_index > WINDOW:
            break
        if statement.setting in settings and not statement.own_voice:
            return ctx.table.records.get(statement.actor)
    return None


__all__ = ["document_author"]
