"""A refusal or an absence that states nothing: "X declined to comment", "X would not commit
to a date", "X could not be reached for comment", "I cannot put it higher than that"; and an
apology ("and I apologise for that"), which performs an act and states no proposition.

Shared by :mod:`kg.extract.comments` (a whole sentence that only refuses is no claim) and
:mod:`kg.extract.statements` (a clause that only refuses, "..., but he would not commit to a
date", is no claim either), so that a form added here counts in both places.
"""

from __future__ import annotations

import re

# (the refuser: not "X said she" of "X said she would not comment", whose saying frames it)
REFUSED = re.compile(r"^(?P<to>(?:(?!\s(?:said|says|told|added)\s)[^,;])+?)"
                     r"(?:[\u2019']re(?=\s+not\s+going\s+to\s))?\s+"
                     r"(?:(?:(?:declined|refused|did\s+not\s+wish)\s+to|"
                     r"would\s+not|did\s+not|could\s+not|cannot|was\s+unable\s+to|"
                     r"were\s+unable\s+to|will\s+not|won[\u2019']t|"
                     # "we are not going to point fingers", "we're not going to speculate"
                     r"(?:am\s+|are\s+|is\s+|was\s+|were\s+)?not\s+going\s+to|"
                     # "it was not appropriate to comment on a live case": a refusal in
                     # other words, which states nothing about the case (but "on a matter
                     # that may be under investigation" holds a claim of its own)
                     r"(?:is|was|would\s+be|were)\s+[\u201c\"]?(?:not\s+appropriate|inappropriate|"
                     r"not\s+(?:right|proper))\s+(?:for\s+\w+\s+)?to"
                     r"(?!\s+comment\b[^,;]*\b(?:that|which|who)\b))\s+"
                     r"(?:comment(?:\s+(?:further|on|about)\b[^,;]*)?|elaborate|"
                     # "declined to give a timeline", but not "declined to say whether P"
                     r"(?:give|provide|supply|share|disclose|discuss|reveal|specify|name)\s+"
                     r"(?!whether\b|if\b|that\b|how\b|why\b|when\b|who\b|what\b)[^,;]+|"
                     # "would not commit to a date": a promise withheld, nothing stated
                     # ("would not be drawn on whether P" hedges P: a reporting verb)
                     r"(?:commit|be\s+drawn)\s+(?:itself\s+|himself\s+|herself\s+|themselves\s+)?"
                     r"(?:to|on)\s+(?!whether\b|if\b)[^,;]+|"
                     # "would not speculate on who was behind it", "are not going to point
                     # fingers": a guess or a blame withheld, with no claim at issue in the words
                     r"(?:speculate|guess)(?:\s+(?:on|about|as\s+to)\s+(?!whether\b|if\b)[^,;]+)?|"
                     r"point\s+(?:the\s+)?fingers?(?:\s+at\s+[^,;]+)?|"
                     # "I cannot put it higher than that": a limit on the answer just given
                     r"(?:put\s+it|go|take\s+it)\s+(?:any\s+)?(?:higher|further|stronger)"
                     r"(?:\s+than\s+that)?|"
                     # "refused to say how much it paid": a question left open, no claim
                     r"(?:say|disclose|reveal|specify|explain|confirm)\s+(?:when|how|where|why|"
                     r"who|what|which)\b[^,;]*)|"
                     r"could\s+not\s+(?:immediately\s+)?be\s+reached(?:\s+for\s+comment)?)\s*\.?$")
# "..., and I apologise for that": the apology is an act, not a claim
APOLOGY = re.compile(r"^(?:I|We|we)\s+(?:(?:would\s+like|want|wish)\s+to\s+)?(?:apologi[sz]e|"
                     r"am\s+sorry|are\s+sorry)(?:\s+(?:for|to)\b[^,;]*)?\s*\.?$")
