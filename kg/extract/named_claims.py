"""Claims a sentence names as someone else's: reports put to a speaker, an accusation denied.

- "Asked about reports that P, X said ...": a briefing's typical exchange puts a report to
  a spokesperson, who neither confirms nor denies it ("Asked about reports that the crew had
  been moved ashore, the spokesperson said the ministry was verifying them", "..., she said
  she had no information to release"). What the reports say (P) is nobody's statement; the
  answer is the speaker's, and an answer that only says the reports are being checked, or
  that there is nothing to say, leaves P open: the speaker hedges P. An answer that states
  something of its own ("..., X said the crew were safe") is left as read.
- "P, despite claims by the government that Q": the writer names Q as the government's
  claim, which the government affirms (its word, reported), though the sentence's own clause
  is the writer's; "denials by X that Q" are X's denial of Q. The owner must name an actor.
- "X dismissed as 'groundless' Y's accusation that P": X denies P, and the sentence reports
  that Y affirms P (Y's accusation, its words the same as X's denial's). The owner must name
  an actor ("Y's claim that P"); "the accusation that P" names no one.

Example:
    >>> from kg.extract import extract, load_lexicon
    >>> text = ("Asked about reports that the envoy had resigned, Ana Holt said the ministry "
    ...         "was checking them.")
    >>> draft = extract(text, lexicon=load_lexicon(), publisher="Example News",
    ...                 date="2026-01-01")
    >>> [(m.actor, m.stance, m.claim_text) for m in draft.mentions]
    [('ana-holt', 'hedges', 'The envoy had resigned.')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.model import RelayStep
from kg.extract.stance import sentence_text
from kg.extract.verb_forms import CLAIM_NOUNS

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

# "Asked (by X) about (media) reports that P, ...": P runs to the comma before the answerer
_ASKED_REPORTS = re.compile(r"^Asked\s+(?:by\s+[^,]{1,60}?\s+)?about\s+(?:the\s+|(?:media|news|"
                            r"press)\s+)?(?:reports?|claims?|rumou?rs?|suggestions?|speculation)"
                            r"\s+(?:that|of)\s+")
# an answer that only checks the reports or has nothing to say about them
_NON_ANSWER = re.compile(r"(?i)\b(?:verify(?:ing)?|check(?:ing)?|look(?:ing)?\s+into|"
                         r"(?:had|has|have)\s+noted|not\s+aware|no\s+information|no\s+comment|"
                         r"nothing\s+to\s+(?:add|say|share|release|offer)|"
                         r"(?:could\s+not|cannot|can[\u2019']t|unable\s+to)\s+confirm|"
                         r"not\s+in\s+a\s+position)\b")

# "Y's accusation that " right before a statement's words
_OWNED_CLAIM = re.compile(rf"(?P<owner>(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*)[\u2019']s\s+"
                          rf"(?P<noun>(?i:{CLAIM_NOUNS}))\s+that\s+$")


# "despite claims by the Orvanian government that P", "amid denials from the firm that P":
# a preposition of concession or context, a claim noun, its owner after "by" or "from", then
# "that P" (to the next comma or semicolon, or the sentence's end)
_CLAIMS_BY = re.compile(r"\b(?:despite|amid|in\s+spite\s+of|contrary\s+to|notwithstanding)\s+"
                        r"(?:the\s+)?(?:repeated\s+|earlier\s+|official\s+)?"
                        r"(?P<noun>claims?|assertions?|insistence|allegations?|accusations?|"
                        r"denials?|statements?)\s+(?:by|from)\s+"
                        r"(?P<owner>[^,;\u201c\u201d\x22]{2,60}?)\s+that\s+"
                        r"(?P<claim>[^,;]{3,}?)\s*(?=[,;]|\.?\s*$)")

# ", or the group's claim that " inside a hedged statement's words (the owner in lower case too)
_OWNED_INSIDE = re.compile(rf"(?:,?\s+(?:or|and)\s+)?(?P<owner>(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+)"
                           rf"{{0,3}}[\w-]+)[\u2019']s\s+(?P<noun>(?i:{CLAIM_NOUNS}))\s+that\s+")


def read_named_claims(ctx: Context, sent: Sentence, before: int) -> None:
    """Read the claims of ``sent`` named as another's (statements from index ``before`` on
    were read from it): see the module docstring."""
    _answered_reports(ctx, sent, before)
    _owned_claims(ctx, sent, before)
    _claims_by(ctx, sent, before)


def _claims_by(ctx: Context, sent: Sentence, before: int) -> None:
    """"P, despite claims by X that Q": X affirms Q (denies it, for "denials"); a statement of
    the sentence that ran over the phrase ends before it."""
    made = ctx.statements[before:]
    match = _CLAIMS_BY.search(sent.text)
    if match is None or not made or ctx.publisher is None:
        return
    at = sent.start + match.start()
    owner = ctx.table.resolve(match.group("owner"), sent.start + match.start("owner"),
                              sentence=sent.index)
    if owner is None or owner.id == ctx.publisher.id or \
            any(s.span[0] <= sent.start + match.start("claim") < s.span[1] and
                s.actor == owner.id for s in made):
        return
    for statement in made:  # "P, despite claims ...": P ends before the phrase
        if statement.span[0] < at < statement.span[1]:
            end = at
            while end > statement.span[0] and ctx.text[end - 1] in " ,":
                end -= 1
            statement.span = (statement.span[0], end)
            statement.claim_text = sentence_text(ctx.text[statement.span[0]:end])
    ctx.table.mark_used(owner.id)
    span = (sent.start + match.start("claim"), sent.start + match.end("claim"))
    ctx.statements.append(replace(
        made[0], actor=owner.id, stance="denies" if match.group("noun").startswith("denial")
        else "affirms", span=span, claim_text=sentence_text(ctx.text[span[0]:span[1]]),
        verb=f"{match.group('noun')} by", verb_span=(sent.start + match.start("noun"),
                                                     sent.start + match.end("noun")),
        speaker_span=(sent.start + match.start("owner"), sent.start + match.end("owner")),
        relay=[RelayStep(ctx.publisher.id, "published")], own_voice=False, from_quote=False,
        quote=None, anaphor=False, presupposes=None, presupposed=False,
        group=ctx.next_group(), cues=["a claim the writer names as another's"]))


def _owned_claims(ctx: Context, sent: Sentence, before: int) -> None:
    """"dismissed Y's accusation that P": Y affirms P too; and "could not verify that Q, or
    the group's claim that P": a hedge does not unsay that the group claims P."""
    for statement in list(ctx.statements[before:]):
        owned = _OWNED_CLAIM.search(ctx.text, max(sent.start, statement.span[0] - 80),
                                    statement.span[0]) if statement.stance == "denies" else \
            _OWNED_INSIDE.search(ctx.text, statement.span[0], statement.span[1]) \
            if statement.stance == "hedges" else None
        if owned is None:
            continue
        owner = ctx.table.resolve(owned.group("owner"), owned.start("owner"),
                                  sentence=sent.index)
        if owner is None or owner.id == statement.actor:
            continue
        if owned.re is _OWNED_INSIDE:
            # "could not verify that P, or the group's claim that Q": the hedge is on P and
            # on Q, two claims; the group's claim is Q
            named = (owned.end(), statement.span[1])
            hedged = replace(statement, span=named,
                             claim_text=sentence_text(ctx.text[named[0]:named[1]]))
            if owned.start() > statement.span[0]:
                statement.span = (statement.span[0], owned.start())
                statement.claim_text = sentence_text(ctx.text[slice(*statement.span)])
                ctx.statements.append(hedged)
            statement = replace(hedged, relay=[RelayStep(ctx.publisher.id, "published")]
                                if ctx.publisher else [], own_voice=False)
        ctx.table.mark_used(owner.id)
        ctx.statements.append(replace(
            statement, actor=owner.id, stance="affirms", verb=f"{owned.group('noun')} that",
            verb_span=(owned.start("noun"), owned.end()), speaker_span=owned.span("owner"),
            group=ctx.next_group(), cues=["the claim a denial or a hedge names as another's"]))


def _answered_reports(ctx: Context, sent: Sentence, before: int) -> None:
    """Turn the non-answers read from ``sent`` (statements from index ``before`` on) into
    one hedge, by their speaker, on what the reports asked about say (module docstring)."""
    asked = _ASKED_REPORTS.match(sent.text)
    made = ctx.statements[before:]
    speakers = [s.speaker_span[0] for s in made if s.speaker_span]
    if asked is None or not speakers:
        return
    comma = ctx.text.rfind(",", sent.start + asked.end(), min(speakers))
    if comma < 0:
        return
    span = (sent.start + asked.end(), comma)
    vague = [s for s in made if _NON_ANSWER.search(s.claim_text) and
             s.speaker_span and s.speaker_span[0] > comma]
    if not vague:
        return
    first = vague[0]
    hedge = replace(first, stance="hedges", span=span, quote=None,
                    claim_text=sentence_text(ctx.text[span[0]:span[1]]), from_quote=False,
                    cues=[*first.cues, "answers reports put to the speaker without "
                          "confirming them"])
    dropped = {id(s) for s in vague if s.actor == first.actor}
    ctx.statements[before:] = [hedge if s is first else s for s in made
                               if s is first or id(s) not in dropped]


__all__ = ["read_named_claims"]
