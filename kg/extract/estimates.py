"""A figure given as an estimate: "The port authority put the number of containers lost at
1,200", "Police estimated the size of the crowd at 40,000", "the agency has placed the cost at
about R2bn". The subject states the figure: it says the number was 1,200. No reporting verb of
the lexicon is there ("put" and "placed" say nothing by themselves, and "estimated" takes no
"that" clause here), so without this the sentence was read in the writer's voice.

The claim is written as the figure stated: "The number of containers lost was 1,200."

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Harl Port Authority put the number of containers lost at 1,200.",
    ...                 publisher="The Test Gazette")
    >>> [(s.actor, s.claim_text) for s in draft.statements]
    [('harl-port-authority', 'The number of containers lost was 1,200.')]
"""

from __future__ import annotations

import re

from kg.extract.frame import Frame
from kg.extract.lexicon import Verb
from kg.extract.sentences import Sentence

_MEASURE = (r"number|toll|death\s+toll|figure|count|total|cost|bill|turnout|tally|size|damage|"
            r"losses|value|attendance")
_ESTIMATE = re.compile(
    r"(?:^|,\s+(?:while|whereas|and|but)\s+)"
    r"(?P<who>(?:[Tt]he\s+|[A-Z])[^,;]{1,80}?)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?P<verb>put|puts|placed|places|estimated|estimates|set|sets)\s+"
    rf"(?P<what>(?:the|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_MEASURE})"
    r"(?:\s+(?:of|from|for|in)\s+[^,;]{1,60}?)?)\s+at\s+"
    r"(?P<figure>(?:about\s+|around\s+|roughly\s+|some\s+|more\s+than\s+|at\s+least\s+|"
    r"nearly\s+|almost\s+|over\s+|up\s+to\s+)?[$\u00a3\u20ac]?\d(?:[^,;]|,(?=\d))*?)"
    r"(?=\s*[,;](?!\d)|\.?\s*$)")
#: the claim's words as the frame reads them: "the number of X at N"
FIGURE_AT = re.compile(r"^(?P<what>.+?)\s+at\s+(?P<figure>(?:about|around|roughly|some|more "
                       r"than|at least|nearly|almost|over|up to)?\s*[$\u00a3\u20ac]?\d.*?)\.?$")


def estimate_frames(sent: Sentence, masked: str) -> list[Frame]:
    """The frames of each "X put the number of Y at N" in ``sent`` (``masked``: its text with
    quotations masked)."""
    frames = []
    for match in _ESTIMATE.finditer(masked):
        base = sent.start
        verb = Verb(match.group("verb"), "estimate", "affirms", "speech")
        frame = Frame(kind="speech", verb=verb, verb_span=(base + match.start("verb"),
                                                           base + match.end("verb")),
                      verb_text=verb.form, speaker=(base + match.start("who"),
                                                    base + match.end("who")),
                      speaker_text=match.group("who"), initial=match.start("who") == 0)
        frame.claims.append((base + match.start("what"), base + match.end("figure")))
        frame.attribution.append((base + match.start("who"), base + match.end("verb")))
        frames.append(frame)
    return frames


__all__ = ["FIGURE_AT", "estimate_frames"]
