"""A denial said as an act of rejecting, set before the claim it rejects.

"we reject any suggestion that P", "I deny that P" inside a quotation: the speaker denies P;
so does a lawyer who says "its client rejects any suggestion that P" (the client's denial, in
the lawyer's words), and a spokesperson who says that "the company strongly rejects any
suggestion that P": the body the speaker speaks for (a definite head noun of a body, "the
company", "the council", "the ministry") rejects P, and the speaker says so on its behalf. A
quotation mark may close after the verb (the company "strongly rejects" any suggestion that
P): the quoted words are still the frame.

A claim called false is denied too: "the claim that P was false", and with no article or
"that" ("claims Meravia was arming the rebels were 'a fabrication assembled by ...'": a label
of ``denial_cues.tsv`` after "a", quoted or not, with words after it); and "nothing" as a
verb's object denies the verb with "something" ("We buy nothing from X", :data:`NOTHING_OBJECT`,
read by :mod:`kg.extract.stance`).

Example:
    >>> OWN_DENIAL.match('the company “strongly rejects” any suggestion that P').group(0)
    'the company “strongly rejects” any suggestion that '
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon

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


# "we buy nothing from X": "nothing" as a verb's object denies the verb with "something"
# (not after a preposition, "for nothing"; "nothing but", "nothing less than" assert; as with
# "no", possession is left as said, "we have nothing to hide"; and "did nothing", "said
# nothing" charge an omission, an act the speaker affirms)
NOTHING_OBJECT = re.compile(r"\b(?!(?:for|of|to|with|about|from|in|on|at|by|like|than|is|was|"
                            r"are|were|be|have|has|had|having|do|does|did|done|doing|say|says|"
                            r"said|saying|tell|told)\b)[a-z]{2,}\s+(nothing)\b"
                            r"(?!\s+(?:but|less|short|more|else)\b)", re.I)


def labelled_false(text: str, lex: Lexicon) -> re.Match[str] | None:
    """"A claim ... that P was false": the words P, when a report is called false."""
    labels = "|".join(re.escape(c) for c, s in lex.denials.items() if s == "label")
    return re.match(
        r"^(?:(?:an?|the|this|that)\s+|(?=claims|allegations))(?:claims?|reports?|rumou?rs?|"
        r"allegations?|suggestions?|story|stories|posts?)\b(?:[^,]*?\bthat\b)?\s+(?P<p>.+?)\s+"
        r"(?:was|is|were|are)\s+(?:(?:completely|entirely|simply)\s+)?"
        rf"(?:(?:{labels}|misleading|wrong|incorrect|inaccurate)\W*$|"
        # ('were "a fabrication assembled by ..."': a label as a noun, words after it)
        rf"[\u201c\x22]?(?:an?|the)\s+(?:[a-z]+\s+)?(?:{labels})\b.*$)", text, re.I)


__all__ = ["NOTHING_OBJECT", "OWN_DENIAL", "UNTRUE_THAT", "labelled_false"]
