"""A speaker's impression set before a clause: "It looked to me like he didn't want to wait",
"It seems to me that the figures were wrong", "It looked as if the ramp was working".

The frame says how things looked to the speaker, not that they were so: the clause after it
is hedged. A negation inside the clause belongs to what the speaker thinks they saw ("he
didn't want to wait" is the impression), so it is kept in the claim and does not turn the
statement into a denial. :mod:`kg.extract.stance` strips the frame with its other hedge
frames.

Example:
    >>> import re
    >>> re.match(IMPRESSION, "It looked to me like he left", re.I).group(0)
    'It looked to me like '
"""

from __future__ import annotations

# "it looks/looked/seems/seemed [to me] like/as if/as though/that": the frame, then the clause
IMPRESSION = (r"^it\s+(?:look|seem)(?:s|ed)\s+(?:to\s+(?:me|us|him|her|them)\s+)?"
              r"(?:like|as\s+if|as\s+though|that)\s+(?=\w)")

__all__ = ["IMPRESSION"]
