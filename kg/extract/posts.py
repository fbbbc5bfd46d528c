"""A social-media post that speaks before its author is named, as fact-checks tell it: "A post
claiming that P has been shared 900 times. ... '"Q," the post reads. It was first published
by NAME, ...'". The post is its author's medium: P and Q are the author's claims, which the
publisher reports, though the author is named only after them.

- "(It|The post) was (first) published/posted/written/uploaded by NAME" names the author of
  the post spoken of in the three sentences before it (in its paragraph or the one before).
- '"Q," the post reads' (or says, states, claims): each quoted sentence is the author's, not
  the publisher's.
- "A post claiming that P has been shared ...": P is the author's too (the sentence stays the
  publisher's own report of the sharing).

A post whose author the text never names is left as it was (no speaker).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("A post claiming that the dam had burst has been shared 900 times. "
    ...                 "It was first published by Marco Ruiz, a local councillor.",
    ...                 publisher="The Test Gazette")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.mentions if not s.own_voice]
    [('marco-ruiz', 'affirms', 'The dam had burst.')]
"""

from __future__ import annotations

import re

from kg.extract.model import RelayStep, StatementRecord
from kg.extract.sentences import Sentence
from kg.extract.stance import read_claim
from kg.extract.statements import Context

_MEDIUM = r"(?:post|tweet|message|video|update|caption)"
# "It was first posted by Marta Keller", "The post was originally written by X"
_AUTHOR = re.compile(rf"^(?:It|The\s+{_MEDIUM})\s+was\s+(?:first\s+|originally\s+)?"
                     r"(?:published|posted|written|uploaded|put\s+online)\s+"
                     r"(?:on\s+[A-Z]\w+\s+)?by\s+"
                     r"(?P<name>[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})")
# '"Q," the post reads.'
_READS = re.compile(rf"[\u201d\"]\s*,?\s*the\s+{_MEDIUM}\s+(?P<verb>reads|read|says|said|states|"
                    r"stated|claims|claimed)\s*\.?\s*$")
# "A post claiming that P has been shared ...": P, up to the main clause's auxiliary
_CLAIMING = re.compile(rf"^(?:An?|The)\s+(?:[\w-]+\s+){{0,2}}?{_MEDIUM}\s+(?:on\s+[A-Z]\w+\s+)?"
                       r"(?P<verb>claiming|saying|alleging|stating)\s+(?:that\s+)?")
_MAIN_VERB = re.compile(r"\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?"
                        r"[a-z]+(?:ed|en|wn|ing)\b")
_WINDOW = 3  # sentences before the author's that may speak of the post


def attribute_posts(ctx: Context, sentences: list[Sentence], skip: set[int]) -> None:
    """Give the words of a post named before its author to the author (module docstring)."""
    if ctx.publisher is None:
        return
    for position, sent in enumerate(sentences):
        match = _AUTHOR.match(sent.text)
        if match is None or sent.index in skip:
            continue
        author = ctx.table.resolve(match.group("name"), sent.start + match.start("name"),
                                   sentence=sent.index)
        if author is None or author.id == ctx.publisher.id:
            continue
        for earlier in sentences[max(0, position - _WINDOW):position]:
            if earlier.index in skip or earlier.paragraph < sent.paragraph - 1:
                continue
            if (reads := _READS.search(earlier.masked())) is not None:
                _quoted(ctx, earlier, author.id, reads)
            elif (claiming := _CLAIMING.match(earlier.masked())) is not None:
                _claiming(ctx, earlier, author.id, claiming)


def _relay(ctx: Context) -> list[RelayStep]:
    assert ctx.publisher is not None
    return [RelayStep(ctx.publisher.id, "published")]


def _insert(ctx: Context, record: StatementRecord) -> None:
    """Put ``record`` after the statements of sentences before its own, keeping the evidence's
    statement indices right."""
    at = next((i for i, s in enumerate(ctx.statements)
               if s.sentence_index > record.sentence_index), len(ctx.statements))
    ctx.statements.insert(at, record)
    for mention in ctx.evidence:
        if mention.supports:
            mention.supports = [i + 1 if i >= at else i for i in mention.supports]


def _quoted(ctx: Context, sent: Sentence, author: str, reads: re.Match[str]) -> None:
    """'"Q," the post reads.': each quoted sentence is the author's (the publisher's own-voice
    readings of the same words become the author's, one quoted sentence each)."""
    verb = reads.group("verb")
    verb_span = (sent.start + reads.start("verb"), sent.start + reads.end("verb"))
    own = [s for s in ctx.statements if s.sentence_index == sent.index and s.own_voice]
    pieces = [(start + m.start(), start + m.end()) for start, end in sent.quotes
              for m in re.finditer(r"[^.!?]+[.!?]?", ctx.text[start:end])
              if len(m.group(0).strip(" ,")) >= 8]
    for number, (a, b) in enumerate(pieces):
        reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a, quote=True)
        cues = [*reading.cues, "a post's words, its author named after it"]
        if number < len(own):  # the publisher's reading of these words, given to the author
            statement = own[number]
            statement.stance, statement.span = reading.stance, (reading.start, reading.end)
            statement.claim_text, statement.claim_kind = reading.text, reading.kind
            statement.cues, statement.anaphor = cues, reading.anaphor
        else:
            statement = StatementRecord(
                actor=author, stance=reading.stance, sentence=(sent.start, sent.end),
                span=(reading.start, reading.end), claim_text=reading.text,
                claim_kind=reading.kind, cues=cues, confidence=0.6, group=ctx.next_group(),
                sentence_index=sent.index, anaphor=reading.anaphor)
            _insert(ctx, statement)
        statement.actor, statement.own_voice, statement.setting = author, False, None
        statement.verb, statement.verb_span, statement.from_quote = verb, verb_span, True
        statement.quote, statement.reported_as = ctx.text[a:b], sent.text
        statement.relay = _relay(ctx)
    for statement in own[len(pieces):]:
        statement.actor, statement.own_voice, statement.relay = author, False, _relay(ctx)
    ctx.table.mark_used(author)


def _claiming(ctx: Context, sent: Sentence, author: str, claiming: re.Match[str]) -> None:
    """"A post claiming that P has been shared ...": P is the author's."""
    masked = sent.masked()
    ends = [m.start() for m in _MAIN_VERB.finditer(masked, claiming.end())]
    if not ends or ends[-1] - claiming.end() < 8:
        return
    a, b = sent.start + claiming.end(), sent.start + ends[-1]
    reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a)
    verb_span = (sent.start + claiming.start("verb"), sent.start + claiming.end("verb"))
    _insert(ctx, StatementRecord(
        actor=author, stance=reading.stance, sentence=(sent.start, sent.end),
        span=(reading.start, reading.end), claim_text=reading.text, claim_kind=reading.kind,
        verb=claiming.group("verb"), verb_span=verb_span, reported_as=sent.text,
        cues=[*reading.cues, "a post's claim, its author named after it"], relay=_relay(ctx),
        confidence=0.6, group=ctx.next_group(), sentence_index=sent.index,
        anaphor=reading.anaphor))
    ctx.table.mark_used(author)


__all__ = ["attribute_posts"]
