"""A fact-checker's house style: the kicker that names the outlet, the claim under check, the
rating, and the footer about the outlet.

- A kicker above the headline that pairs a name with the kind of piece ("PolitiFact | Fact
  check", "Analysis | The Ledger") names the outlet, when the name comes back in the body
  (the house speaks of itself in the third person: "told NAME", "NAME found"); a place or a
  body the lexicons know is a section, not the outlet.
- A closing line about the outlet ("NAME is an independent fact-checking newsroom
  based in X.") names the publisher too; it and what follows (a call for tips
  with an address) are the page's furniture, not statements.
- "CLAIM: P" (also "Claim:", "The claim:") states the claim under check, presented, not
  asserted: no statement, but the claim the rating is about.
- The rating ("OUR VERDICT: False.", "Rating: Misleading", or "False." opening the paragraph
  under a "Verdict" heading) is the publisher's own stance on the claim under check: a false
  rating denies it, a true one affirms it, a mixed one hedges it.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Ledgerline | Fact check\\n\\nNo, the mayor did not sell the park\\n\\n"
    ...                 "CLAIM: The mayor sold the city park to a developer.\\n\\n"
    ...                 "OUR VERDICT: False. The park still belongs to the city.\\n\\n"
    ...                 "The city's land register, checked by Ledgerline, lists the park as "
    ...                 "public land.")
    >>> draft.document.publisher
    'ledgerline'
    >>> [(s.stance, s.claim_text) for s in draft.statements][:1]
    [('denies', 'The mayor sold the city park to a developer.')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.evidence import claim_frame
from kg.extract.lexicon import Lexicon
from kg.extract.model import StatementRecord
from kg.extract.names import describe, is_outlet
from kg.extract.sentences import Sentence

# the kinds of piece a kicker names beside the outlet's name
_GENRES = frozenset({"fact check", "fact-check", "factcheck", "fact checks", "fact-checks",
                     "fact checking", "fact-checking", "verify", "analysis", "explainer",
                     "investigation", "opinion"})
_NAME = re.compile(r"[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3}")
# "NAME is an independent fact-checking newsroom based in X": the outlet's
# own description of itself, which only its own page prints at the foot of every piece
_ABOUT = re.compile(
    r"^(?P<name>[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3})\s+is\s+(?:an?|the)\s+"
    r"(?:[\w-]+,?\s+){0,5}?(?:fact[- ]?checking|news|media|journalism|verification)\s+"
    r"(?:organi[sz]ation|outlet|website|site|publication|newsroom|agency|project|platform|"
    r"service|team|unit|initiative|network)\b")
# "CLAIM: P", "The claim: P", "Claim - P": the claim under check
_CLAIM = re.compile(r"^(?:The\s+|THE\s+)?(?:CLAIM|Claim|claim)\s*[:\u2013\u2014-]\s+(?=\S)")
# the ratings fact-checkers print, by the stance they take on the claim under check
_RATINGS = {
    "denies": ("false", "mostly false", "fake", "incorrect", "wrong", "untrue", "not true",
               "fabricated", "baseless", "pants on fire", "four pinocchios"),
    "affirms": ("true", "mostly true", "correct", "accurate", "verified", "confirmed"),
    "hedges": ("misleading", "half true", "half-true", "partly false", "partly true",
               "mixed", "mixture", "unproven", "unverified", "unsupported", "unsubstantiated",
               "missing context", "needs context", "lacks context", "exaggerated", "disputed"),
}
_STANCE = {word: stance for stance, words in _RATINGS.items() for word in words}
_RATING = "|".join(sorted((re.escape(w) for w in _STANCE), key=len, reverse=True))
# "OUR VERDICT: False.", "Rating: Mostly true": a rating under its label
_LABELLED = re.compile(rf"(?i)^(?:(?:our|the)\s+)?(?:verdict|rating|ruling|conclusion)\s*:\s*"
                       rf"(?P<rating>{_RATING})\s*\.?$")
# "False." alone, opening the paragraph under a "Verdict" heading
_BARE = re.compile(rf"(?i)^(?P<rating>{_RATING})\s*[.!]?$")
_VERDICT_HEADING = re.compile(r"(?i)^(?:(?:our|the)\s+)?(?:verdict|rating|ruling|conclusion)"
                              r"\s*:?$")


def kicker_outlet(line: str, sentences: Iterable[Sentence], lex: Lexicon) -> str | None:
    """The outlet a kicker names beside the kind of piece ("NAME | Fact check"), or None.
    The name must come back inside a sentence of the body, so that a section's name above a
    piece ("Politics | Analysis") is not taken for the house."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) != 2 or not any(p.lower() in _GENRES for p in parts):
        return None
    name = next(p for p in parts if p.lower() not in _GENRES)
    if not _NAME.fullmatch(name):
        return None
    if (known := is_outlet(name, lex)) is not None:
        return known
    found = describe(name, lex)
    if found.known_org or found.is_state or found.state or found.title:
        return None
    inside = re.compile(rf"\S\s+{re.escape(name)}\b")
    return name if any(inside.search(s.text) for s in sentences if s.text != line) else None


def about_line(sentences: list[Sentence], last: int = 3) -> tuple[str, set[int]] | None:
    """The closing line about the outlet, in the last ``last`` paragraphs: the outlet's name,
    and the sentences from that line to the end (furniture)."""
    if not sentences:
        return None
    final = sentences[-1].paragraph
    for sent in sentences:
        if sent.paragraph > final - last and (match := _ABOUT.match(sent.text)):
            return match.group("name"), {s.index for s in sentences if s.index >= sent.index}
    return None


def claim_under_check(sentences: list[Sentence], lex: Lexicon) -> tuple[str, set[int]] | None:
    """The "CLAIM: P" paragraph near the top: P's text and the paragraph's sentences. The
    material the claim cites is left out of P ("A leaked memo shows that P": P)."""
    for sent in sentences:
        if sent.paragraph > 8:
            break
        if (match := _CLAIM.match(sent.text)) is not None:
            group = {s.index for s in sentences if s.paragraph == sent.paragraph}
            claim = " ".join(s.text for s in sentences if s.index in group)[match.end():]
            if (frame := claim_frame(claim, lex)) is not None and frame.removed < len(claim) - 8:
                claim = claim[frame.removed:]
            claim = claim.strip()
            return claim[:1].upper() + claim[1:], group
    return None


def ratings(sentences: list[Sentence]) -> dict[int, tuple[str, int, int]]:
    """Sentence index -> (stance, start and end of the rating's words) for every rating."""
    found: dict[int, tuple[str, int, int]] = {}
    heading = {s.paragraph for s in sentences if _VERDICT_HEADING.match(s.text.strip())}
    firsts = {s.paragraph: s.index for s in reversed(sentences)}
    for sent in sentences:
        text = sent.text.strip()
        match = _LABELLED.match(text)
        if match is None and sent.paragraph - 1 in heading and \
                firsts[sent.paragraph] == sent.index:
            match = _BARE.match(text)
        if match is not None:
            word = match.group("rating")
            at = sent.start + sent.text.find(word, match.start("rating"))
            found[sent.index] = (_STANCE[word.lower()], at, at + len(word))
    return found


def rating_statement(sent: Sentence, rating: tuple[str, int, int], publisher: str,
                     claim: str, group: int) -> StatementRecord:
    """The publisher's stance on the claim under check, read from its rating."""
    stance, start, end = rating
    return StatementRecord(
        actor=publisher, stance=stance, sentence=(sent.start, sent.end), span=(start, end),
        claim_text=claim, reported_as=sent.text, setting="publication",
        cues=[f"fact-check rating: {sent.text[start - sent.start:end - sent.start]}"],
        confidence=0.8, own_voice=True, group=group, sentence_index=sent.index)
