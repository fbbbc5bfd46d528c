"""Material the publisher has seen, as the subject of a verb of showing: "Internal memos seen
by the Gazette suggest that P", "Shipping logs from the port authority, also seen by the
Gazette, record P". The material does not speak: the publisher states P from it (a hedge
when the verb only suggests), and the material is the publisher's evidence, made by the body
named after "from" when there is one.
Without this rule the words before the verb became an actor ("Internal memos") and
"reports"/"records" in them could be read as the verb.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Internal memos seen by the Test Gazette suggest that the plant "
    ...                 "was warned in May.", publisher="The Test Gazette")
    >>> [(s.actor, s.stance, s.claim_text) for s in draft.statements]
    [('test-gazette', 'hedges', 'The plant was warned in May.')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract import narration

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_PUBLISHER = r"(?:the\s+|The\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3}"
_SEEN = re.compile(
    r"^(?P<what>[A-Z][^,;]{2,120}?)(?:,\s+(?:also\s+)?|\s+(?:also\s+|and\s+)?)"
    rf"(?:(?:seen|reviewed|obtained)\s+by\s+(?P<by>{_PUBLISHER})|"
    # "shared with the Gazette by a member of staff": the giver released it
    rf"(?:shared\s+with|given\s+to|passed\s+to|leaked\s+to|provided\s+to|sent\s+to)\s+"
    rf"(?P<to>{_PUBLISHER})\s+by\s+(?P<giver>[^,;]{{2,60}}?)),?"
    r"\s+(?P<verb>suggest(?:s|ed)?|indicate[sd]?|show(?:s|ed)?|record(?:s|ed)?|reveal(?:s|ed)?|"
    r"confirm(?:s|ed)?)\s+(?:that\s+)?")
_HEDGING = ("suggest", "indicate")
_FROM = re.compile(r"\s+from\s+(?P<who>.+)$")


def seen_material(ctx: Context, sent: Sentence) -> bool:
    """Read ``sent`` as above when it opens that way; True if it did (nothing else reads it)."""
    match = _SEEN.match(sent.masked())
    publisher = ctx.publisher
    if match is None or publisher is None:
        return False
    seer = "by" if match.group("by") else "to"
    by = ctx.table.resolve(match.group(seer), sent.start + match.start(seer),
                           sentence=sent.index)
    if by is None or by.id != publisher.id:
        return False
    giver = ctx.table.resolve(match.group("giver"), sent.start + match.start("giver"),
                              sentence=sent.index) if match.group("giver") else None
    mentions = []
    offset = match.start("what")
    for part in re.split(r"(\s+and\s+)", match.group("what")):
        if (kind := ev.evidence_kind(part, ctx.lex)) is not None and not part.startswith(" "):
            producer = None
            if made := _FROM.search(part):
                found = ctx.table.resolve(made.group("who"), sent.start + offset + made.start(
                    "who"), sentence=sent.index)
                producer = found.id if found is not None else None
                if producer:
                    ctx.table.mark_used(producer)
            span = (sent.start + offset, sent.start + offset + len(part))
            if producer is None and giver is not None:
                producer = giver.id  # released by the giver, who is taken to have made it
                ctx.table.mark_used(producer)
            mentions.append(ev.EvidenceMention(kind, part, span, "produced" if made else
                                               "released", sent.index, actor=producer))
        offset += len(part)
    if not mentions:
        return False
    # material with no maker named is left to the evidence rules that read every sentence
    # (kg/extract/gather.py): it stays cited by the publisher, as before this rule
    mentions = [m for m in mentions if m.actor is not None]
    before = len(ctx.statements)
    # (material the evidence frame of kg/extract/evidence.py reads is left to it, with the
    # sentence: it records that material as the publisher's)
    known = ev.claim_frame(sent.text, ctx.lex) is not None
    narration.own_voice(ctx, sent, prefix=0 if known else match.end())
    made_now = list(range(before, len(ctx.statements)))
    if match.group("verb").startswith(_HEDGING):
        for index in made_now:
            statement = ctx.statements[index]
            if statement.stance == "affirms":
                statement.stance = "hedges"
                statement.cues.append(f"hedge: {match.group('verb')}")
    for mention in mentions:
        mention.supports = made_now
    ctx.evidence.extend(mentions)
    return True


__all__ = ["seen_material"]
