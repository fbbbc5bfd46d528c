"""An aside between a speaker and the reporting verb that says whom the speaker spoke to: "A
nurse on the ward, speaking anonymously to Valley TV News on Monday, said P". The aside is
blanked before the speaker phrase is read (else the phrase before the verb is the aside, and
no one speaks), and the outlet it names relays what the speaker said, as "told X" would.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("A nurse, speaking anonymously to Valley TV News, said staff were "
    ...                 "tired.", publisher="The Test Gazette")
    >>> [(s.actor, [r.outlet for r in s.relay]) for s in draft.statements]
    [('a-nurse', ['valley-tv-news', 'test-gazette'])]
"""

from __future__ import annotations

import re

# ", speaking (anonymously) to NAME (on Tuesday)," just before the verb
SPEAKING_TO = re.compile(r",\s+(?:speaking|talking)\s+(?:[a-z]+ly\s+)?(?:to|with)\s+"
                         r"(?P<to>(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)"
                         r"[^,;\u201c\u201d\"]{0,60},(?=\s+\w)")


def speaking_to(masked: str, verb_start: int) -> re.Match[str] | None:
    """The aside that ends right before the verb at ``verb_start`` (offsets in ``masked``)."""
    return next((m for m in SPEAKING_TO.finditer(masked)
                 if m.end() <= verb_start and not masked[m.end():verb_start].strip()), None)


def blank_asides(masked: str) -> str:
    """``masked`` with every such aside turned to spaces (offsets kept)."""
    return SPEAKING_TO.sub(lambda m: " " * len(m.group(0)), masked)


__all__ = ["SPEAKING_TO", "blank_asides", "speaking_to"]
