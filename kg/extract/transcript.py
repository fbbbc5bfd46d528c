"""Transcript lines: a speaker's label, a colon and a quotation, each line a paragraph of its
own, as court reports, hearings and interviews print an exchange::

    Mr Hale: "The file was opened at noon. Who opened it?"
    Ms Moss: "Not me. I was at lunch."

The label is the speaker (no verb of saying stands in the line). A question is no statement;
the line after it answers it: "No" (or "Not at all", "Never") denies what the question asks,
"Yes" affirms it, and "Not me" denies that the one answering did what a "Who ...?" question
asks. Every other quoted sentence is the speaker's claim, as in an attributed quotation.
Without this the line had no attribution at all and was read as the publisher's own words.

Example:
    >>> from kg.extract import extract
    >>> draft = extract('Ivo Lind, the site engineer, gave evidence.\\nMs Holt: "Did the pump '
    ...                 'fail?"\\nMr Lind: "No. It was switched off."', publisher="The Gazette")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.mentions if not s.own_voice]
    [('ivo-lind', 'denies', 'The pump failed.'), ('ivo-lind', 'affirms', 'It was switched off.')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.clauses import split_parts
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.questions import declarative
from kg.extract.refusals import APOLOGY
from kg.extract.stance import read_claim, sentence_text

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Judge|Justice|Sir|Dame|Lord|Lady|Cllr)"
_NAME = r"[A-Z][\w\u2019'-]+"
# "Mr Arvo:", "Dr Oren Falk:", "Petra Lund:" before the opening quotation mark
LABEL = re.compile(rf"^(?P<label>(?:{_HONORIFIC}\.?\s+)?{_NAME}(?:\s+{_NAME}){{0,2}})\s*:\s*"
                   r"[\u201c\"]")
# a quoted sentence: up to a stop before a space or the end ("at 21.06" goes on)
_QUOTED_SENTENCE = re.compile(r"(?:[^.?!]|[.?!](?![\s\u201d\"]|$))+(?:[.?!]+|$)")
_NO = re.compile(r"^(?:No|Nope|Never|Not\s+at\s+all|Absolutely\s+not|Certainly\s+not)"
                 r"(?=[.,!]|$)")
_YES = re.compile(r"^(?:Yes|Yeah|Correct|That\s+is\s+right|That[\u2019']s\s+right)(?=[.,!]|$)")
_NOT_ME = re.compile(r"^Not\s+(?:me|us|I|him|her)(?=[.,!]|$)")
# the auxiliary or question word that opens a question (not "The pump failed?")
_ASKING = re.compile(r"(?i)^(?:did|does|do|was|were|is|are|has|have|had|can|could|will|would|"
                     r"should|what|why|how|when|where|which)\b")
# "Who opened it, if not you?": the question without its tag
_WHO = re.compile(r"^Who\s+(?P<rest>.+?)(?:,\s+if\s+not\s+\w+)?$")


def _line(ctx: Context, sent: Sentence) -> tuple[str, int, tuple[int, int]] | None:
    """The label, its offset and the quotation of a transcript line, or None."""
    match = LABEL.match(sent.text)
    if match is None or len(sent.quotes) != 1:
        return None
    quote = sent.quotes[0]
    after = ctx.text[quote[1]:sent.end]
    if quote[0] - sent.start != match.end() or after.strip(" \u201d\".,!?"):
        return None  # (words after the quotation: "Mr X: 'Q,' she said" is a frame)
    return match.group("label"), sent.start, quote


def _question_before(ctx: Context, sent: Sentence) -> str | None:
    """The last question of the transcript line just above ``sent``, if that line is one."""
    above = ctx.text[:sent.start].rstrip().rsplit("\n", 1)[-1]
    match = LABEL.match(above)
    if match is None:
        return None
    pieces = [p.strip() for p in _QUOTED_SENTENCE.findall(above[match.end():].rstrip(
        " \u201d\""))]
    return next((p for p in reversed(pieces) if p.endswith("?")), None)


def _asked(question: str, answerer: str, *, who: bool) -> str | None:
    """The claim a question asks about, as a statement ("Did the pump fail?": "The pump
    failed."; None when it cannot be turned round); for "Not me" a "Who ...?" question
    with the answerer put in ("Who opened it?": "Ms Moss opened it.")."""
    body = question.rstrip(" ?")
    if who:
        match = _WHO.match(body)
        return sentence_text(f"{answerer} {match.group('rest')}") if match else None
    if _ASKING.match(body):
        # "Did the pump fail?": "The pump failed." (kg/extract/questions.py), or no claim
        # where the question cannot be turned round; "What ...?" asks no yes or no
        return declarative(question, answerer=answerer)
    return sentence_text(body)  # "The pump failed?": a statement said as a question


def transcript_line(ctx: Context, sent: Sentence) -> bool:
    """Read ``sent`` as a transcript line (see the module text); whether it was one."""
    line = _line(ctx, sent)
    if line is None:
        return False
    label, at, quote = line
    pieces = [(m.start() + quote[0], m.group(0)) for m in
              _QUOTED_SENTENCE.finditer(ctx.text[quote[0]:quote[1]]) if m.group(0).strip()]
    if all(text.strip().endswith("?") for _, text in pieces):
        return True  # only questions: counsel asks, states nothing
    known = set(ctx.table.records)
    speaker = ctx.table.resolve(label, at, sentence=sent.index, initial=True)
    if speaker is None or (speaker.kind != "Person" and not re.match(_HONORIFIC, label)) or \
            (" " not in label and speaker.id not in known):
        return False  # ("Update: 'Q'": one word the text never named is no speaker's label)
    ctx.table.mark_used(speaker.id)
    relay = [RelayStep(ctx.publisher.id, "published")] if ctx.publisher else []
    question = _question_before(ctx, sent)
    group = ctx.next_group()
    for offset, raw in pieces:
        lead = len(raw) - len(raw.lstrip())
        text, start = raw.strip(), offset + lead
        if text.endswith("?") or APOLOGY.match(text):
            continue
        answer = _NOT_ME.match(text) or _NO.match(text) or _YES.match(text)
        if answer is not None:
            claim = _asked(question, label, who=bool(_NOT_ME.match(text))) if question else None
            if claim is None:
                continue
            stance = "affirms" if _YES.match(text) else "denies"
            span, cues = (start, start + answer.end()), ["answers the question before"]
        else:
            reading = read_claim(text, "affirms", [], ctx.lex, start=start, quote=True)
            if not reading.text.strip(" ."):
                continue
            claim, stance, span, cues = reading.text, reading.stance, \
                (reading.start, reading.end), reading.cues
        ctx.statements.append(StatementRecord(
            actor=speaker.id, stance=stance, sentence=(sent.start, sent.end), span=span,
            claim_text=claim, speaker_span=(at, at + len(label)),
            quote=text.rstrip(" ,"), reported_as=sent.text, relay=list(relay),
            cues=[*cues, "transcript line"], confidence=0.7, from_quote=True, group=group,
            sentence_index=sent.index))
    return True


# "Asked by the coroner whether P, he said: 'It is possible.'": the question, then the answer
_ASKED_WHETHER = re.compile(r"^Asked\s+(?:by\s+[^,]{1,60}?\s+)?(?:whether|if)\s+"
                            r"(?P<asked>[^,;]{8,}?),\s+")
# an answer that states nothing but a degree of belief in what was asked
_BARE_ANSWER = re.compile(r"(?i)^(?:it\s+is|it[\u2019']s)\s+(?:possible|likely|unlikely|"
                          r"probable)|^(?:possibly|probably|perhaps|maybe|yes|no)$")


# a quoted answer that opens with a yes or a no and goes on ("Absolutely not. I signed it.")
_SHORT_ANSWER = re.compile(r"(?i)^(?:(?P<no>(?:absolutely|certainly|definitely|of\s+course|"
                           r"categorically)\s+not|not\s+at\s+all|no|never)|(?:yes|absolutely|"
                           r"certainly|of\s+course|definitely))[.!]\s+(?=\S)")


def answered_question(ctx: Context, sent: Sentence, before: int) -> None:
    """"Asked whether P, she said: 'It is possible.'": an answer that only weighs what was
    asked is about P, the question's claim (its stance, a hedge here, stays as read). An answer
    that opens with a yes or a no and goes on ("Absolutely not. I signed it on advice.")
    affirms or denies P, and what follows is a statement of its own."""
    asked = _ASKED_WHETHER.match(sent.text)
    if asked is None:
        return
    for statement in ctx.statements[before:]:
        if _BARE_ANSWER.match(statement.claim_text.strip(" .")):
            statement.claim_text = sentence_text(asked.group("asked"))
            statement.cues.append("answers the question put")
    for i in range(len(ctx.statements) - 1, before - 1, -1):
        statement = ctx.statements[i]
        answer = _SHORT_ANSWER.match(ctx.text[statement.span[0]:statement.span[1]])
        if answer is None or not statement.from_quote:
            continue
        put = (sent.start + asked.start("asked"), sent.start + asked.end("asked"))
        parts = [replace(statement, stance="denies" if answer.group("no") else "affirms",
                         span=put, claim_text=sentence_text(asked.group("asked")),
                         cues=["answers the question put"], group=ctx.next_group())]
        for a, b in split_parts(ctx.text, (statement.span[0] + answer.end(), statement.span[1]),
                                ctx.lex, quote=True):
            reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a, quote=True)
            if reading.text.strip(" ."):
                parts.append(replace(statement, stance=reading.stance, claim_text=reading.text,
                                     span=(reading.start, reading.end), cues=reading.cues))
        ctx.statements[i:i + 1] = parts


__all__ = ["LABEL", "answered_question", "transcript_line"]
