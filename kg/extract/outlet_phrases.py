"""Outlets named by what they are: a proper name after an outlet's head noun of
``org_heads.tsv`` (class ``outlet``: "newspaper", "broadcaster", "newsletter", "news site"),
whatever stands before the noun.

News text often names a small outlet the lexicon cannot know by saying what it is: "told
local broadcaster Kestrel TV", "told the newsletter Grain Notes", "the Vantish newspaper
Dagsblad reported". :func:`kg.extract.names.describe` reads such a phrase only when the words
before the name are all lower case; a capitalised demonym the lexicon lacks ("Vantish") or a
bare adjective without an article ("local broadcaster") defeated it, so the outlet was
neither a relay nor kept out of the claim. The head noun is the evidence: a user who adds a
row to ``org_heads.tsv`` with the class ``outlet`` extends this rule.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> noun_named_outlet("the Vantish newspaper Dagsblad", load_lexicon())
    'Dagsblad'
"""

from __future__ import annotations

import re

from kg.extract.lexicon import Lexicon

_WORD = re.compile(r"[\w\u2019'.&-]+")
_CONNECTORS = {"of", "and", "the", "&"}


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _outlet_noun(words: list[str], lex: Lexicon) -> bool:
    """Whether ``words`` end in an outlet's head noun (one to three words, plural too)."""
    lowered = [w.lower() for w in words]
    for size in (3, 2, 1):
        tail = " ".join(lowered[-size:]) if len(lowered) >= size else ""
        for key in (tail, tail[:-1] if tail.endswith("s") else ""):
            head = lex.org_heads.get(key) if key else None
            if head is not None and head.cls == "outlet":
                return True
    return False


def noun_named_outlet(phrase: str, lex: Lexicon) -> str | None:
    """The proper name after the last outlet head noun of ``phrase``, when the name ends the
    phrase ("the Vantish newspaper Dagsblad" -> "Dagsblad"), else None. At most four words
    may stand before the noun, so that a clause is never read as a description."""
    words = _WORD.findall(phrase.strip(" ,.;:"))
    tail = len(words)
    while tail > 0 and (_capitalised(words[tail - 1]) or
                        (words[tail - 1].lower() in _CONNECTORS and tail < len(words))):
        tail -= 1
    while tail < len(words) and words[tail].lower() in _CONNECTORS:
        tail += 1  # the name starts with a capitalised word, not "of"
    if tail == len(words) or tail == 0 or tail > 6 or words[tail - 1][:1].isupper():
        return None
    if not _outlet_noun(words[:tail], lex):
        return None
    return " ".join(words[tail:]).removesuffix("'s").removesuffix("\u2019s") or None


def outlet_prefix(text: str, lex: Lexicon) -> tuple[int, str] | None:
    """An outlet described by its head noun at the start of ``text`` ("local broadcaster
    Kestrel TV on Sunday ..."): the end of the phrase and the outlet's name, the longest
    such phrase, else None. Used after "told" and the relay cues."""
    best: tuple[int, str] | None = None
    for match in re.finditer(r"[\w\u2019'.&-]+", text):
        if re.search(r"[,;:\u201c\u201d\"_()]", text[:match.start()]) or \
                len(text[:match.end()].split()) > 8:
            break  # a description is one noun phrase: no punctuation, a few words
        name = noun_named_outlet(text[:match.end()], lex)
        if name is not None:
            best = (match.end(), name)
    return best


def told_outlet(masked: str, position: int, lex: Lexicon) -> tuple[int, int] | None:
    """The offsets (into ``masked``) of an outlet described by its head noun right after
    "told" at ``position`` ("told local broadcaster Kestrel TV."), else None."""
    lead = len(masked[position:]) - len(masked[position:].lstrip())
    found = outlet_prefix(masked[position + lead:], lex)
    return (position + lead, position + lead + found[0]) if found else None


__all__ = ["noun_named_outlet", "outlet_prefix", "told_outlet"]
