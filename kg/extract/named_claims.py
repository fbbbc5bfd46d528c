"""Claims a sentence names as someone else's: reports put to a speaker, an accusation denied.

- "Asked about reports that P, X said ...": a briefing's typical exchange puts a report to
  a spokesperson, who neither confirms nor denies it ("Asked about reports that the crew had
  been moved ashore, the spokesperson said the ministry was verifying them", "..., she said
  she had no information to release"). What the reports say (P) is nobody's statement; the
  answer is the speaker's, and an answer that only says the reports are being checked, or
  that there is nothing to say, leaves P open: the speaker hedges P. An answer that states
  something of its own ("..., X said the crew were safe") is left as read.
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


def read_named_claims(ctx: Context, sent: Sentence, before: int) -> None:
    """Read the claims of ``sent`` named as another's (statements from index ``before`` on
    were read from it): see the module docstring."""
    _answered_reports(ctx, sent, before)
    _owned_claims(ctx, sent, before)


def _owned_claims(ctx: Context, sent: Sentence, before: int) -> None:
    """"dismissed Y's accusation that P": Y affirms P too."""
    for statement in list(ctx.statements[before:]):
        owned = _OWNED_CLAIM.search(ctx.text, max(sent.start, statement.span[0] - 80),
                                    statement.span[0])
        if owned is None or statement.stance != "denies":
            continue
        owner = ctx.table.resolve(owned.group("owner"), owned.start("owner"),
                                  sentence=sent.index)
        if owner is None or owner.id == statement.actor:
            continue
        ctx.table.mark_used(owner.id)
        ctx.statements.append(replace(
            statement, actor=owner.id, stance="affirms", verb=f"{owned.group('noun')} that",
            verb_span=(owned.start("noun"), owned.end()), speaker_span=owned.span("owner"),
            group=ctx.next_group(), cues=["the claim a denial names as another's"]))


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
