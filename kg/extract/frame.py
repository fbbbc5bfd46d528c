"""An attribution frame, and the patterns every part of the frame reader shares: where what
was said ends, whether words hold a finite verb, which words after a verb only say when or
where ("on Monday", "in a statement"), and the reporting verbs of the lexicon as one pattern.

Example:
    >>> masked = "the pumps failed, according to the agency"
    >>> masked[:terminator(masked, 0)]
    'the pumps failed'
    >>> finite("the pumps failed"), finite("the river rose"), finite("a whole herd")
    (True, True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kg.extract.lexicon import Lexicon, Verb, package_words

# where what was said ends: an "according to", a participle that labels it, a dash, a semicolon
# (", pointing to the log": the speaker's evidence, no part of the claim)
_TERMINATORS = re.compile(r"[,\u201d\"]?\s+according to\b|[,\u201d\"]\s+(?:amid|per|citing|"
                          r"pointing\s+to|referring\s+to|where|while|as)\b|;\s|\s\u2014\s|"
                          r"[,\u201d\"]\s+(?:calling|describing|dismissing)\b|"
                          r",\s+(?:an?|the)\s+(?:accusation|claim|allegation|charge|assertion)s?"
                          r"\s")
#: Past tenses without "-ed" (lexicons/irregular_past.txt), as one alternation.
IRREGULAR_PAST = "|".join(package_words("irregular_past.txt"))
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|"
                     r"may|might|must|shall|should|do|does|did|won\u2019t|won't|can\u2019t|can't|"
                     rf"isn\u2019t|isn't|wasn\u2019t|wasn't|\w+ed|\w+s|{IRREGULAR_PAST})\b")
_MONTHS = ("(?:January|February|March|April|May|June|July|August|September|October|November|"
           "December)")
#: "(a statement) the charity passed on to reporters": who passed the words on (the "via" group)
PASSED_ON = (r"\s+(?:that\s+|which\s+)?(?P<via>(?:the\s+)?[\w\u2019'.&-]+(?:\s+[\w\u2019'.&-]+)"
             r"{0,3}?)\s+(?:passed\s+on|released|shared|forwarded|circulated|distributed)"
             r"\s+to\s+(?:reporters|journalists|the\s+press|the\s+media|news\s+outlets)"
             r"(?=\s*[.,;]|\s*$)")
#: Words after a verb that only say when, where or how something was said.
ADJUNCT = re.compile(
    # ("in 9 of the 12 cases" counts, it says neither when nor where)
    # "said at least 4,000 troops ...": "at least", "at most" count, they say neither
    r"^\s*(?:,\s*)?(?:(?:in|at|during|via|by|on|through|from|to|after|before)\s+(?!\d+\s+of\s)"
    r"(?!(?:least|most)\b)"
    r"(?:an?\s+|the\s+)?"
    r"(?:[\w\u2019'\u201c\u201d\"-]+\s+){0,6}?(?:"
    # a whole date first, so that "on 12 March" is not read as "on 12"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?\b|"
    rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b|"
    # ("said in a statement to the Courier that P": to whom is no part of P)
    r"statements?(?:\s+to\s+(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,4}|"
    # ("said in a statement the charity passed on to reporters.": who passed it on)
    rf"{PASSED_ON})?|"
    r"briefing|conference|reply|post|speech|"
    # ("said in an interview with Radio Nord that P": with whom is no part of P)
    r"interview(?:\s+(?:with|on)\s+(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,4})?|"
    # ("said in a message sent to the Courier through an intermediary.": the medium and how
    # it came, after a quotation or before "that")
    r"message(?:\s+sent)?\s+to\s+(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*){0,3}"
    r"(?:\s+(?:through|via)\s+(?:an?|the|its|his|her|their)\s+[\w-]+)?(?=\s+that\b|\s*[,.]|$)|"
    # "said in a report that P": the medium, not the claim (only right before "that" or a
    # comma: "said in a report published Tuesday" names the report, evidence)
    r"(?:report|letter|filing|memo|note|message|tweet|submission)(?:\s+to\s+(?:the\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?)?"
    # ("said in a report published late on Tuesday that P": when the medium came out)
    r"(?:\s+(?:published|released|issued|dated|sent|filed)(?:\s+[\w,]+){1,4}?)?"
    r"(?=\s+that\b|\s*,)|"
    r"email|telephone|phone|call|meeting|summit|video|address|social media|website|blog|X|Facebook|"
    r"podcast|programme|program|show|broadcast|"
    # "said through a spokesperson that P", "through its lawyers": who carried the words
    r"spokesperson|spokesman|spokeswoman|representatives?|lawyers?|attorneys?|"
    r"Telegram|questions from the [A-Z][\w ]+|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|night|morning|evening|afternoon|week|month|year|"
    # a year or a day of the month, not the first digits of "4,000" or "1.5"
    # ("in a 64-page report": a number in a compound word says neither)
    r"\d{4}(?![,.]?\d|-)|\d{1,2}(?![,.]?\d|-)|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?:night|morning|evening|afternoon))?\b|(?:last|this|earlier this)\s+(?:week|month|"
    r"year|spring|summer|autumn|winter)|yesterday|today|however|"
    # "said Tuesday that P" (US style, no "on"), not "said Tuesday's vote ..."
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w\u2019'])|"
    r"in part|separately|also|"
    # "told reporters in Vilnius.": a place name that ends the clause says where, not what
    # (also before a participle: "said at a briefing in Vilnius, adding that P")
    r"(?:in|at)\s+[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2}(?=\s*(?:[.;]|$|,\s+"
    r"[a-z]+ing\b)))\s*,?")


@dataclass
class Frame:
    """One attribution: a verb, the phrase naming its speaker, and what was said."""

    kind: str  # speech | belief | release | cite | topic | according | continuation
    verb: Verb | None
    verb_span: tuple[int, int] | None
    verb_text: str | None
    speaker: tuple[int, int] | None  # offsets of the speaker phrase
    speaker_text: str | None
    appositive: str | None = None
    claims: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    attribution: list[tuple[int, int]] = field(default_factory=list)  # words outside claims
    cues: list[str] = field(default_factory=list)  # report-scope cues ("appeared to")
    recipient: tuple[int, int] | None = None  # "NBC News" in "told NBC News"
    obj: tuple[int, int] | None = None  # the object of a release or cite verb
    initial: bool = False  # the speaker phrase starts the sentence
    from_quote: bool = False  # the claim is the quotation only
    same_as_previous: bool = False  # coordinated with the previous frame's speaker
    anaphor: bool = False  # the claim is "that account", "the allegations": an earlier claim
    question: bool = False  # "declined to say when ...": an open question, no claim at all
    # the attribution inside a claim that a split quotation spans ('"P," she said, "Q."'):
    # absolute offsets to leave out of the claim's words
    blank: list[tuple[int, int]] = field(default_factory=list)
    # the outlet that passed the claim on from the speaker it cites ("X reported, citing
    # people familiar with ..."): absolute offsets of the outlet's name
    relayed_by: tuple[int, int] | None = None


@cache
def _verb_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w\u2019'-])(?:{alternatives})(?![\w\u2019'-])")


def verb_pattern(lex: Lexicon) -> re.Pattern[str]:
    """One pattern for every reporting-verb form of the lexicon (lower case, whole words)."""
    return _verb_pattern(tuple(lex.verbs))


def skip_adjuncts(masked: str, position: int) -> int:
    """The position after the adjuncts at ``position`` ("on Monday", ", in a statement,")."""
    while (adjunct := ADJUNCT.match(masked[position:])) and adjunct.end() > 0:
        position += adjunct.end()
    return position


def finite(text: str) -> bool:
    return bool(_FINITE.search(text))


# "if his crews reach the valleys, where roads are blocked, they could find P": inside an
# if-clause, ", where ...," set off by commas is a relative clause on the clause's noun, and
# the consequent after it is still what was said
_CONDITION = re.compile(r"\s*(?:that\s+)?(?:if|unless)\s", re.I)
_SET_OFF = re.compile(r"[,\u201d\"]\s+(?:where|while|as)\b[^,;\u201c\u201d\"]{3,80},\s+(?=\w)")


def terminator(masked: str, position: int) -> int:
    match = _TERMINATORS.search(masked, position)
    if match and _CONDITION.match(masked, position) and \
            (aside := _SET_OFF.match(masked, match.start())) is not None:
        match = _TERMINATORS.search(masked, aside.end())
    end = match.start() if match else len(masked)
    while end > position and masked[end - 1] in " .,;:!?\u201d\"":
        end -= 1
    # keep a closing quotation mark that belongs to a quote inside the claim
    if end < len(masked) and masked[end] in "\u201d\"" and "_" in masked[position:end]:
        end += 1
    return end


__all__ = ["ADJUNCT", "Frame", "finite", "skip_adjuncts", "terminator", "verb_pattern"]
