"""A relative clause of saying on the sentence's subject: "A third video, which the channel said
had been sent in by a resident, appears to show a car burning."

The clause is a statement of its own, by the one it names ("the channel": what had been sent
in), set inside a sentence the writer states in its own voice (what the video appears to
show). Read as one frame, the saying would swallow the main clause ("had been sent in by a
resident, appears to show ...") or, when the one named is a news outlet, be lost; so the
clause's words go to its speaker and the main clause to the writer. Material the subject names
("A third video") is the speaker's, released by it: it vouches for where the material came
from.

Only a subject of a few words set off by commas with "which" or "who", then a speaker and a
verb of saying: "X, which the council says was built in 1920, ..." A clause after the verb
("the bridge, which the council says ...") belongs to the rules for objects.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Harbour Today, a news channel, posted the first videos. A third "
    ...                 "video, which the channel said had been sent in by a resident, "
    ...                 "appears to show a car burning.", publisher="The Test Gazette")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.statements[-2:]]
    [('harbour-today', 'affirms', 'Had been sent in by a resident.'), \
('test-gazette', 'hedges', 'A car burning.')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.model import RelayStep, StatementRecord
from kg.extract.narration import own_voice
from kg.extract.stance import read_claim

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

CUE = "relative clause of saying"
_WHICH_SAID = re.compile(
    r"^(?P<np>(?:[\w\u2019'-]+\s+){0,5}[\w\u2019'-]+),\s+(?:which|who)\s+"
    r"(?P<who>(?:the\s+|its\s+|[A-Z][\w\u2019'.&-]*\s+)?[\w\u2019'.&-]+"
    r"(?:\s+[A-Z][\w\u2019'.&-]*){0,3})\s+(?P<verb>said|says|claimed|claims|reported|reports|"
    r"described\s+as|believes|believed)\s+(?P<claim>[^,;]{5,}?),\s+(?P<main>[a-z][^;]*)$")

# an outlet named again by its head noun alone
_OUTLET_NOUN = re.compile(r"the\s+(?:channel|station|broadcaster|newspaper|paper|agency|site|"
                          r"website|outlet|magazine)")


def read_which_said(ctx: Context, sent: Sentence) -> None:
    """Give the subject's relative clause of saying to its speaker and the main clause to the
    writer (see the module text)."""
    match = _WHICH_SAID.match(sent.text)
    if match is None or ctx.publisher is None:
        return
    at = sent.start + match.start("who")
    speaker = ctx.table.resolve(match.group("who"), at, sentence=sent.index)
    if speaker is None and _OUTLET_NOUN.fullmatch(match.group("who")):
        # ("the channel": the news outlet the text named last, not the publisher)
        speaker = ctx.table.recent_actor(sent.index, at, lambda r: r.kind == "NewsOutlet" and
                                         r.id != ctx.publisher.id if ctx.publisher else False)
    if speaker is None or speaker.id == ctx.publisher.id or any(
            s.sentence_index == sent.index and s.actor not in {speaker.id, ctx.publisher.id}
            for s in ctx.statements):
        return  # ("..., was unsafe, engineers said": the main clause has a speaker of its own)
    ctx.statements[:] = [s for s in ctx.statements if s.sentence_index != sent.index]
    a, b = sent.start + match.start("claim"), sent.start + match.end("claim")
    reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a)
    ctx.statements.append(StatementRecord(
        actor=speaker.id, stance=reading.stance, sentence=(sent.start, sent.end),
        span=(reading.start, reading.end), claim_text=reading.text, claim_kind=reading.kind,
        verb=match.group("verb"), verb_span=(at + len(match.group("who")) + 1,
                                             sent.start + match.end("verb")),
        speaker_span=(at, at + len(match.group("who"))), reported_as=sent.text,
        relay=[RelayStep(ctx.publisher.id, "published")], cues=[*reading.cues, CUE],
        confidence=0.6, anaphor=reading.anaphor, group=ctx.next_group(),
        sentence_index=sent.index))
    ctx.table.mark_used(speaker.id)
    own_voice(ctx, sent)
    if (kind := ev.evidence_kind(match.group("np"), ctx.lex)) is not None:
        # ("A third video, which the channel said ...": the channel vouches for where the
        # video came from, so it passed the video on)
        span = (sent.start, sent.start + match.end("np"))
        ctx.evidence.append(ev.EvidenceMention(kind, match.group("np"), span, "released",
                                               sent.index, actor=speaker.id))


__all__ = ["read_which_said"]
