"""The publisher named only in the body: a byline with no outlet ("By Dana Whitcomb") and a
body that speaks of the house outlet in the third person, as news sites do ("told NewsDesk",
"which NewsDesk has reviewed", "NewsDesk could not independently verify the account").

A name is taken as the publisher when the body both has someone speak *to* it ("X told NAME",
"speaking to NAME") and has it report its own work ("NAME has reviewed", "NAME could not
independently verify"): only the house says what it has itself checked, and a name spoken to
is a news outlet or a person, never the kind of name that checks documents in its own voice.
Two signals, not one, so a body whose only "X has reviewed" is a regulator's ("the Commission
has reviewed the filings") names no publisher; a name the outlet lexicon knows needs only the
second signal (``pipeline._infer_publisher``).

Two more forms of the house's own work: the passive ("a video ..., checked by NAME against
the radar track", "seen by NAME"), and a paper that calls itself "this newspaper" ("a report
... seen by this newspaper") while someone "told The Eastern Gazette": when exactly one outlet
name (by the outlet lexicon's head words) is spoken to, that outlet is the house, since a
paper that speaks of itself in the first person never names a rival as the one told. A
document "seen by The NAME" (a capital "The" inside a sentence: a publication's title) needs
no second signal.

A brand line of one or two words above the headline ("Veritrace") is the second signal
itself: the page's first line names its publisher when the body names the same word doing
the house's own work ("photographs examined by Veritrace", "Veritrace sent questions to the
ministry"). Alone, a short first line may be a section label ("Investigations"), which the
body never names as the one that examined the material."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.extract.sentences import Sentence

_NAME = r"([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3})"
_SELF = r"(?:seen|examined|reviewed|obtained|verified|checked|analysed|analyzed|learned|learnt)"
# "which NAME has reviewed", "NAME has learned", "NAME could not independently verify/confirm"
_OWN_WORK = re.compile(
    rf"(?:^|\bwhich\s+|\bthat\s+|,\s+)(?:The\s+)?{_NAME}\s+(?:has|had)\s+{_SELF}\b|"
    rf"(?:^|,\s+)(?:The\s+)?{_NAME}\s+(?:could|was\s+unable\s+to|cannot|can\s*not)\s+(?:not\s+)?"
    r"independently\s+(?:verify|confirm)\b|"
    # "posted online and checked by NAME against the radar track", "seen by NAME"
    rf"\b(?!learn){_SELF}\s+by\s+(?:The\s+|the\s+)?{_NAME}")
# the house naming itself: "seen by this newspaper", "told this paper"
_THIS_PAPER = re.compile(r"\bthis\s+(?:newspaper|paper|magazine|website|publication)\b")
# "a copy of which was seen by The Korea Herald", "a memo, seen by The X,": a name with a
# capital "The" inside a sentence is a publication's title, and only the house says what it
# has itself seen (a regulator that saw papers is "the Commission", lower case)
_SEEN_BY_TITLE = re.compile(rf"\b(?:seen|obtained|reviewed)\s+by\s+(The\s+{_NAME})")
# "told NAME", "speaking (anonymously) to NAME", "in an interview with NAME"
# "Veritrace sent questions to the General Staff", "NAME contacted the ministry": the house
# asking for comment
_ASKED = r"\s+(?:sent\s+questions\s+to|contacted|asked|emailed|approached)\b"
_SPOKEN_TO = re.compile(rf"\b(?:told|telling|speaking(?:\s+\w+ly)?\s+to|in\s+an\s+interview\s+"
                        rf"with)\s+(?:The\s+)?{_NAME}")


def house_outlet(sentences: Iterable[Sentence],
                 outlet: Callable[[str], str | None] | None = None) -> str | None:
    """The name the body treats as the house outlet, or None (see the module docstring).
    ``outlet`` gives an outlet's full name for a name the outlet lexicon knows (else None)."""
    sentences = list(sentences)
    texts = [s.text for s in sentences]
    if (brand := _brand_line(sentences)) is not None and _named_at_work(brand, texts[1:]):
        return brand
    spoken_to = {m.group(1).rstrip(".") for t in texts for m in _SPOKEN_TO.finditer(t)}
    for text in texts:
        for match in _OWN_WORK.finditer(text):
            name = next(g for g in match.groups() if g).rstrip(".")
            # (a person told things who reviewed them also speaks: "Jones said"; the house
            # never quotes itself)
            if name in spoken_to and not any(re.search(
                    rf"\b{re.escape(name)}\s+(?:said|says|told|added|wrote)\b", t)
                    for t in texts):
                return name
    for text in texts:
        if (seen := _SEEN_BY_TITLE.search(text)) is not None:
            return seen.group(1)
    if outlet is not None and any(_THIS_PAPER.search(t) for t in texts):
        named = {found for name in spoken_to if (found := outlet(name))}
        if len(named) == 1:
            return named.pop()
    return None


def _named_at_work(name: str, texts: list[str]) -> bool:
    """Whether the body names ``name`` doing the house's own work or asking for comment."""
    return any(own.group(0).startswith(name) or name in own.groups()
               for text in texts for own in _OWN_WORK.finditer(text)) or \
        any(re.match(re.escape(name) + _ASKED, text) for text in texts)


def _brand_line(sentences: list[Sentence]) -> str | None:
    """The page's first line when it is a brand line: one or two capitalised words alone in
    their paragraph, with no full stop, above a longer line (the headline)."""
    if len(sentences) < 2 or sentences[1].paragraph == sentences[0].paragraph:
        return None
    line = sentences[0].text.strip()
    words = line.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words) \
            or len(sentences[1].text.split()) < 3:
        return None
    return line
