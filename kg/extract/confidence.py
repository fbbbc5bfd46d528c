"""A judgement stated with its confidence: "X judges with "high confidence" that P".

Intelligence and scientific bodies grade what they conclude ("with high confidence", "with
only low confidence", "with moderate confidence"). The grade sits between the verb and its
"that" clause, where the frame reader takes it for the claim, and a parenthetical source
("..., the officials said, while ...") for the speaker. The body is the speaker of its own
judgement (the sources only tell the reader of it), and the grade is its stance: high
confidence affirms P, moderate or low confidence hedges it. Every judgement of the sentence is
read so ("X judges with high confidence that P, the officials said, while Y has assessed with
only low confidence that Q": X affirms P, Y hedges Q).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Fire Service judges with high confidence that the blaze was "
    ...                 "arson, officials said.", publisher="The Test Gazette")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.statements]
    [('fire-service', 'affirms', 'The blaze was arson.')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.model import RelayStep, StatementRecord
from kg.extract.stance import read_claim

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_JUDGEMENT = re.compile(
    r"(?:^|,\s+(?:while|whereas|but|and)\s+|;\s+|\b(?:while|whereas)\s+)"
    r"(?P<who>(?:[Tt]he\s+|[Ii]ts\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,5}|"
    r"(?:[Tt]he|[Ii]ts)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    r"(?:(?:has|have|had|also|now|still)\s+)*"
    r"(?P<verb>judges?|judged|assess(?:es|ed)?|concludes?|concluded|believes?|believed|"
    r"estimates?|estimated)\s+with\s+(?:only\s+|a\s+)?[\u201c\"]?"
    r"(?P<level>high|moderate|medium|low)\s+confidence[\u201d\"]?\s+that\s+")
# where the judged clause ends: a parenthetical source, a contrast, the sentence's end
_END = re.compile(r",?\s+(?:according\s+to\b|while\b|whereas\b|but\b)|,\s+(?:the\s+|an?\s+|"
                  r"two\s+|three\s+|several\s+)?[\w\s-]{0,40}?\b(?:said|say|says|told)\b|"
                  r"[;.]?\s*$")


def read_confidence(ctx: Context, sent: Sentence) -> None:
    """Replace the statements read from graded judgements in ``sent`` with the judging
    bodies' own (see the module text)."""
    text = sent.text
    found = []
    for match in _JUDGEMENT.finditer(text):
        end = _END.search(text, match.end())
        stop = end.start() if end else len(text)
        speaker = ctx.table.resolve(match.group("who"), sent.start + match.start("who"),
                                    sentence=sent.index, initial=match.start("who") == 0)
        if speaker is None or stop <= match.end():
            continue
        found.append((match, stop, speaker))
    if not found:
        return
    first = next((i for i, s in enumerate(ctx.statements) if s.sentence_index == sent.index),
                 len(ctx.statements))
    region = (sent.start + found[0][0].start("who"), sent.start + found[-1][1])
    # (the frame reader's reading of the judgements: "high confidence" as the sources' claim)
    ctx.statements[first:] = [s for s in ctx.statements[first:]
                              if not (s.sentence_index == sent.index and
                                      s.span[0] < region[1] and region[0] < s.span[1])]
    relay = [RelayStep(ctx.publisher.id, "published")] if ctx.publisher else []
    for number, (match, stop, speaker) in enumerate(found):
        a, b = sent.start + match.end(), sent.start + stop
        level = match.group("level").lower()
        reading = read_claim(ctx.text[a:b], "affirms" if level == "high" else "hedges", [],
                             ctx.lex, start=a)
        ctx.statements.insert(first + number, StatementRecord(
            actor=speaker.id, stance=reading.stance, sentence=(sent.start, sent.end),
            span=(reading.start, reading.end), claim_text=reading.text,
            claim_kind=reading.kind, verb=match.group("verb"),
            verb_span=(sent.start + match.start("verb"), sent.start + match.end("verb")),
            speaker_span=(sent.start + match.start("who"), sent.start + match.end("who")),
            reported_as=sent.text, relay=list(relay),
            cues=[*reading.cues, f"judged with {level} confidence"], confidence=0.7,
            anaphor=reading.anaphor, group=ctx.next_group(), sentence_index=sent.index))
        ctx.table.mark_used(speaker.id)


__all__ = ["read_confidence"]
