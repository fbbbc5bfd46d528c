"""One outlet under the names a page gives it: the brand line's long name and the short name
the body uses.

A broadcaster's or paper's web page prints its brand with a word for the kind of service after
it ("Westmoor TV News | Place", "Kestrel Radio Online"), while the story's own sentences name
the outlet without it ("she told Kestrel Radio"). The brand's last word says which of the
outlet's services the page belongs to, not another outlet, so both names are one actor; so is
a short form that keeps the name's last words ("the Courier" for "The Halden Courier").

Example:
    >>> same_outlet("westmoor tv news", "westmoor tv")
    True
    >>> same_outlet("halden courier", "courier")
    True
    >>> same_outlet("halden courier", "halden")
    False
    >>> fused_outlet("KentOnline", frozenset()), fused_outlet("PayPal", frozenset({"News"}))
    ('KentOnline', None)
"""

from __future__ import annotations

import re

# a brand line's closing word for the service ("... News", "... Online"), not part of the
# outlet's own name in the body's sentences
SERVICE_WORDS = ("news", "online", "digital", "live")


def _without_service(name: str) -> str:
    words = name.split()
    if len(words) >= 3 and words[-1] in SERVICE_WORDS:
        return " ".join(words[:-1])
    return name


def same_outlet(known: str, bare: str) -> bool:
    """Whether two lower-case outlet names (without "the") name one outlet: one ends with the
    other ("halden courier", "courier"), or both are one name but for a brand's closing service
    word ("westmoor tv news", "westmoor tv"; the name kept must have two words or more, so
    "Sky News" and "Sky" are left to the lexicon)."""
    if known.endswith(" " + bare) or bare.endswith(" " + known):
        return True
    return _without_service(known) == _without_service(bare) and known != bare


# "FennickLive", "KentOnline", "CityNews": a town's name fused with the service's word, as
# regional news sites write their brands; a word of the outlet lexicon's heads counts too
_FUSED = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)*?(?P<tail>[A-Z][a-z]+)")
FUSED_TAILS = frozenset({"Live", "Online"})


def fused_outlet(word: str, heads: frozenset[str]) -> str | None:
    """``word`` when it is one capitalised word that ends in a second capitalised part naming
    a news service ("FennickLive"), else None. A name in capitals or with a space is left to
    the other rules."""
    match = _FUSED.fullmatch(word)
    if match is None or match.start("tail") == 0:
        return None
    tail = match.group("tail")
    return word if tail in FUSED_TAILS or tail in heads else None
