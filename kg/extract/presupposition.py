"""Presuppositions: propositions a statement commits its speaker to without asserting them.

A modifier inside a possessed noun phrase can carry a proposition of its own
(``presupposition_cues.tsv``):

- **evaluative**, in the publisher's own voice: "Russia's *unprovoked* invasion of Ukraine"
  commits the publisher to "Russia's invasion of Ukraine was unprovoked", a claim that refines
  "Russia's invasion of Ukraine took place" (a claim with no statement of its own: it is
  supported through the refinement);
- **trend**, in the publisher's own voice: "its *dwindling* supplies" -> "its supplies are
  dwindling";
- **standing**, in anyone's words: "reviewing the country's *longstanding* policy of not
  supplying arms" -> "the country has a longstanding policy of not supplying arms". A
  presupposition survives negation and hedging ("we will not review our longstanding policy
  of P" still presupposes the policy), so the presupposed statement affirms, whatever the
  stance of the statement it was read from.

Evaluative and trend modifiers are read in the publisher's narration only: inside a quotation
or a paraphrase the modifier is the speaker's wording, and the publisher may only be
reporting it. A possessive pronoun ("its", "their") in narration is taken to name the nearest
state named before it in the same statement; with none, the pronoun is kept and the
statement is marked for review.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Chile has cut exports since its botched harvest in 2023.",
    ...                 publisher="The Daily Example", date="2025-01-02")
    >>> [(c.text, c.refines) for c in draft.claims][1:]  # doctest: +NORMALIZE_WHITESPACE
    [("Chile's harvest in 2023 was botched.", ['chile-harvest-in-2023-took-place']),
     ("Chile's harvest in 2023 took place.", [])]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.lexicon import Lexicon
from kg.extract.model import StatementRecord
from kg.extract.stance import sentence_text
from kg.extract.statements import Context

_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we"}
_PHRASE = re.compile(
    r"(?P<poss>\b(?:its|their|his|her|our)|(?:\b[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}"
    r"[\w.-]+[\u2019']s)\s+(?P<cue>[\w-]+)\s+"
    r"(?P<noun>[a-z][\w-]*(?:\s+(?!(?:of|on|in|to|and|for|with|by|against|into|from|at)\b)"
    r"[a-z][\w-]*)?)"
    r"(?P<rest>\s+(?:of|on|in|against|into|toward|towards|with)\s+[^,.;:\u201c\u201d\"]+?)?"
    r"(?=\s+(?:and|but|which|that|who|while|as)\b|[,.;:\u201c\u201d\"]|\s*$)"
)
_NARRATION_ONLY = {"evaluative", "trend"}


def read_presuppositions(ctx: Context, first: int) -> None:
    """Add the statements presupposed by ``ctx.statements[first:]`` (one sentence's)."""
    mark = "\u2019" if "\u2019" in ctx.text else "'"  # the article's own apostrophe
    for statement in list(ctx.statements[first:]):
        text = ctx.text[statement.span[0] : statement.span[1]]
        for match in _PHRASE.finditer(text):
            cls = ctx.lex.presuppositions.get(match.group("cue").lower())
            if cls is None or (cls in _NARRATION_ONLY and not statement.own_voice):
                continue
            ctx.statements.append(_presupposed(ctx.lex, statement, text, match, cls, mark))


def _presupposed(
    lex: Lexicon, parent: StatementRecord, text: str, match: re.Match[str], cls: str, mark: str
) -> StatementRecord:
    cue, noun = match.group("cue"), match.group("noun")
    rest = match.group("rest") or ""
    owner, resolved = _owner(lex, parent, text, match, mark)
    plural = noun.endswith("s") and not noun.endswith("ss")
    cues = [f"presupposition: \u2018{cue}\u2019 ({cls})"]
    if not resolved:
        cues.append("possessive pronoun not resolved")
    broader = None
    if cls == "evaluative":
        claim = f"{owner} {noun}{rest} {'were' if plural else 'was'} {cue}."
        broader = sentence_text(f"{owner} {noun}{rest} took place.")
    elif cls == "trend":
        claim = f"{owner} {noun} {'are' if plural else 'is'} {cue}{rest}."
    else:
        subject = _PRONOUNS.get(owner.lower(), re.sub(r"[\u2019']s$", "", owner))
        has = "have" if subject.lower() in {"they", "we"} else "has"
        claim = f"{subject} {has} a {cue} {noun}{rest}."
    start = parent.span[0] + match.start()
    return replace(
        parent,
        stance="affirms",
        span=(start, parent.span[0] + match.end()),
        claim_text=sentence_text(claim),
        claim_kind="factual",
        claim=None,
        quote=None,
        relay=list(parent.relay),
        cues=cues,
        confidence=round(parent.confidence * (0.7 if resolved else 0.5), 2),
        from_quote=False,
        anaphor=False,
        presupposes=broader,
        presupposed=True,
    )


def _owner(
    lex: Lexicon, parent: StatementRecord, text: str, match: re.Match[str], mark: str
) -> tuple[str, bool]:
    """The possessor as the claim names it; False when a pronoun was left unresolved."""
    poss = match.group("poss")
    if poss.lower() not in _PRONOUNS:
        return poss, True
    if parent.own_voice:
        before = text[: match.start()]
        found = [
            (m.start(), lex.country_by_form[form].name)
            for form in lex.country_by_form
            for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w])", before)
        ]
        if found:
            return f"{max(found)[1]}{mark}s", True
    return poss, False


__all__ = ["read_presuppositions"]
