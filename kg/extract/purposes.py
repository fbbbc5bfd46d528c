"""A purpose clause after an act: "took the bus out of service so the ramp could be checked",
"moved the files so that investigators can read them".

The modal in such a clause ("could", "can", "might") says what the act was for, not that the
speaker is unsure of anything: the act is stated as done. So hedge cues inside the clause do
not make the statement a hedge. "so" right after a comma ("The valve failed, so the fire may
have spread") gives a consequence, and the speaker's doubt about it stands: it is not cut.

Example:
    >>> without_purpose("Fennel took the van away so the brakes could be checked")
    'Fennel took the van away'
    >>> without_purpose("The valve failed, so the fire may have spread")
    'The valve failed, so the fire may have spread'
"""

from __future__ import annotations

import re

# "so (that)" or "in order that" without a comma before it, a subject of a few words, a modal
_PURPOSE = re.compile(r"(?<![,;])\s+(?:so(?:\s+that)?|in\s+order\s+that)\s+(?:[\w\u2019'-]+\s+)"
                      r"{1,5}?(?:could|can|would|might|may)\s.*$", re.I | re.S)


def without_purpose(text: str) -> str:
    """``text`` without a purpose clause at its end (unchanged when it has none)."""
    return _PURPOSE.sub("", text)


__all__ = ["without_purpose"]
