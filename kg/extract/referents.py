"""Which of several earlier statements a referring noun phrase names: the narrowing that
:mod:`kg.extract.anaphora` applies once the noun ("the accusation", "X's account") is read.

- **What the account is about.** "the airline's version of the clearance": the word after
  "of" (:func:`topic`) picks the statement about clearing among those it could name.
- **A place's adjective for its name.** "the Kesarian version" is Kesaria's, "the Dhurvanese
  account" Dhurvan's (:func:`with_place_adjectives`): the suffixes English makes such
  adjectives with, added to each word of an actor's names.
- **An account opens with its thesis.** "the accusation" (no demonstrative) names an
  accusation as a whole, which its maker states first and then backs with details ("saying
  it was smuggling fuel" ... "what it said were hoses"); "that account" points at what was
  just said (:func:`first_of_speaker`, :data:`DEMONSTRATIVE`).

Example:
    >>> sorted(w for w in with_place_adjectives({"kesaria"}) if w.startswith("kesarian"))
    ['kesarian']
    >>> bool(DEMONSTRATIVE.match("That account.")), bool(DEMONSTRATIVE.match("The claims."))
    (True, False)
"""

from __future__ import annotations

import re

from kg.extract.model import StatementRecord

#: endings that make a place's name the adjective for it ("Kesaria" -> "Kesarian",
#: "Dhurvan" -> "Dhurvanese", "Norland" -> "Norlandish")
PLACE_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")
#: a referring phrase opened by a demonstrative: it points at what was just said
DEMONSTRATIVE = re.compile(r"\W*(?:that|this|those|these)\b", re.I)
# "the airline's version of the clearance": the first word after "of (the)"
_TOPIC = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?([a-z]{5,})\b")
# words after "of" that say nothing of what the account is about ("version of events")
_VAGUE_TOPICS = frozenset(("events", "event", "things", "matters", "affairs", "facts"))


def with_place_adjectives(words: set[str]) -> set[str]:
    """``words`` and, for each of at least four letters, the adjectives English makes of a
    place's name with it."""
    return words | {w + end for w in words if len(w) >= 4 for end in PLACE_ADJECTIVE_ENDINGS}


def topic(statement: StatementRecord) -> str | None:
    """The first word (lower case) of an "of the X" right after the referring words of
    ``statement`` in its sentence, or None ("the airline's version of the clearance" ->
    "clearance")."""
    if not statement.reported_as:
        return None
    match = _TOPIC.match(statement.reported_as[statement.span[1] - statement.sentence[0]:])
    word = match.group(1) if match else None
    return word if word and word not in _VAGUE_TOPICS else None


def about(word: str, text: str) -> bool:
    """Whether ``text`` has a word opening with the same five letters as ``word``
    ("clearance" / "cleared"): the crude stem the topic is matched on."""
    return any(w[:5] == word[:5] for w in re.findall(r"[a-z]{5,}", text.lower()))


def first_of_speaker(statements: list[StatementRecord], i: int, j: int, window: int) -> int:
    """The first statement, within ``window`` sentences before statement ``i``, by the
    speaker of statement ``j`` (``j`` itself when it is the first); statements that only
    refer back themselves are passed over."""
    me, other = statements[i], statements[j]
    for k in range(j):
        earlier = statements[k]
        if earlier.actor == other.actor and not earlier.anaphor and \
                me.sentence_index - earlier.sentence_index <= window:
            return k
    return j


__all__ = ["DEMONSTRATIVE", "PLACE_ADJECTIVE_ENDINGS", "about", "first_of_speaker", "topic",
           "with_place_adjectives"]
