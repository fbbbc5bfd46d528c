"""A participle after a statement that describes something named: "X denied that P,
describing the transfers as routine treasury operations". The speaker says the transfers were
routine treasury operations: a claim of its own, affirmed, beside the denial. Only with a
noun phrase of its own ("the transfers"): "describing them as baseless" labels the claim just
made, which the denial labels of ``denial_cues.tsv`` read (:mod:`kg.extract.statements`).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Orla Mining denied that it had polluted the river, describing the "
    ...                 "spill as a minor leak.", publisher="The Test Gazette")
    >>> [(s.stance, s.claim_text) for s in draft.statements]
    [('denies', 'Orla Mining had polluted the river.'), ('affirms', 'The spill as a minor leak.')]
"""

from __future__ import annotations

import re

from kg.extract.model import Span
from kg.extract.sentences import Sentence

_DESCRIBING = re.compile(r"[,\u201d\x22]\s+describing\s+(?P<what>(?:the|its|their|his|her)\s+"
                         r"(?!claims?\b|allegations?\b|accusations?\b|reports?\b|suggestions?\b)"
                         r"[\w-]+(?:\s+[\w-]+)?\s+as\s+\S.*?)\s*\.?$")


def described_object(sent: Sentence, after: int) -> Span | None:
    """The span of "the transfers as ..." in ``sent`` after offset ``after`` (absolute), or
    None when no such participle follows."""
    match = _DESCRIBING.search(sent.masked(), max(0, after - sent.start))
    if match is None:
        return None
    return sent.start + match.start("what"), sent.start + match.end("what")


__all__ = ["described_object"]
