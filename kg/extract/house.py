"""The publisher named only in the body: a byline with no outlet ("By Dana Whitcomb") and a
body that speaks of the house outlet in the third person, as news sites do ("told NewsDesk",
"which NewsDesk has reviewed", "NewsDesk could not independently verify the account").

A name is taken as the publisher when the body both has someone speak *to* it ("X told NAME",
"speaking to NAME") and has it report its own work ("NAME has reviewed", "NAME could not
independently verify"): only the house says what it has itself checked, and a name spoken to
is a news outlet or a person, never the kind of name that checks documents in its own voice.
Two signals, not one, so a body whose only "X has reviewed" is a regulator's ("the Commission
has reviewed the filings") names no publisher; a name the outlet lexicon knows needs only the
second signal (``pipeline._infer_publisher``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.sentences import Sentence

_NAME = r"([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3})"
_SELF = r"(?:seen|reviewed|obtained|verified|analysed|analyzed|learned|learnt)"
# "which NAME has reviewed", "NAME has learned", "NAME could not independently verify/confirm"
_OWN_WORK = re.compile(
    rf"(?:^|\bwhich\s+|\bthat\s+|,\s+)(?:The\s+)?{_NAME}\s+(?:has|had)\s+{_SELF}\b|"
    rf"(?:^|,\s+)(?:The\s+)?{_NAME}\s+(?:could|was\s+unable\s+to|cannot|can\s*not)\s+(?:not\s+)?"
    r"independently\s+(?:verify|confirm)\b")
# "told NAME", "speaking (anonymously) to NAME", "in an interview with NAME"
_SPOKEN_TO = re.compile(rf"\b(?:told|telling|speaking(?:\s+\w+ly)?\s+to|in\s+an\s+interview\s+"
                        rf"with)\s+(?:The\s+)?{_NAME}")


def house_outlet(sentences: Iterable[Sentence]) -> str | None:
    """The name the body treats as the house outlet, or None (see the module docstring)."""
    texts = [s.text for s in sentences]
    spoken_to = {m.group(1).rstrip(".") for t in texts for m in _SPOKEN_TO.finditer(t)}
    for text in texts:
        for match in _OWN_WORK.finditer(text):
            name = (match.group(1) or match.group(2)).rstrip(".")
            # (a person told things who reviewed them also speaks: "Jones said"; the house
            # never quotes itself)
            if name in spoken_to and not any(re.search(
                    rf"\b{re.escape(name)}\s+(?:said|says|told|added|wrote)\b", t)
                    for t in texts):
                return name
    return None
