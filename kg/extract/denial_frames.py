"""A denial said as an act of rejecting, set before the claim it rejects.

"we reject any suggestion that P", "I deny that P" inside a quotation: the speaker denies P;
so does a lawyer who says "its client rejects any suggestion that P" (the client's denial, in
the lawyer's words), and a spokesperson who says that "the company strongly rejects any
suggestion that P": the body the speaker speaks for (a definite head noun of a body, "the
company", "the council", "the ministry") rejects P, and the speaker says so on its behalf. A
quotation mark may close after the verb (the company "strongly rejects" any suggestion that
P): the quoted words are still the frame.

Example:
    >>> OWN_DENIAL.match('the company “strongly rejects” any suggestion that P').group(0)
    'the company “strongly rejects” any suggestion that '
"""

from __future__ import annotations

import re

# the speaker's own body, named by a definite head noun
_BODY = (r"(?:the|our|its)\s+(?:company|firm|group|operator|council|government|ministry|"
         r"department|agency|club|party|board|bank|charity|union|authority|hospital|trust|"
         r"school|university|airline|business)")

OWN_DENIAL = re.compile(
    rf"(?:we|i|(?:its|their|his|her|our|my|the)\s+clients?|{_BODY})\s+[\u201c\"]?"
    r"(?:\w+ly\s+)?(?:rejects?|deny|denies|disputes?|refutes?)"
    # (the adverb after the verb: the company "rejects entirely" any suggestion that P)
    r"(?:\s+(?:entirely|completely|totally|utterly|outright|firmly|strongly|categorically))?"
    r"[\u201d\"]?\s+"
    r"(?:(?:any|the|all|every)\s+)?"
    r"(?:(?:suggestions?|claims?|allegations?|accusations?|reports?|notion|idea)\s+)?that\s+",
    re.I)

# 'it was "simply untrue" that P', "it is false that P": the speaker calls P untrue ("it was
# wrong that P" is a judgement of P, which happened: not here)
UNTRUE_THAT = re.compile(
    r"it\s+(?:is|was|would\s+be)\s+[\u201c\"]?(?:\w+ly\s+)?(?:untrue|false|incorrect|"
    r"inaccurate|not\s+true|not\s+the\s+case)[\u201d\"]?\s+(?:to\s+(?:say|suggest)\s+)?that\s+",
    re.I)

__all__ = ["OWN_DENIAL", "UNTRUE_THAT"]
