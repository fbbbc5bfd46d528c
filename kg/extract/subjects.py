"""The speaker phrase of an attribution: where it starts and ends, before or after the verb.

``subject`` reads back from the reporting verb: over auxiliaries and hedges ("has",
"appeared to"), over an apposition set off by commas ("Marta Okonjo, chief of the fire
department, said"), to the start of the clause (a comma, a quotation, the sentence's start),
and past a leading adverbial ("On Thursday,", "Separately,") or conjunction ("but"). The words
it returns are only a phrase; :mod:`kg.extract.actors` decides whether they name an actor.
"""

from __future__ import annotations

import re

_MODIFIERS = re.compile(
    r"(?:\b(?:has|have|had|since|also|separately|previously|later|earlier|again|publicly|first|"
    r"repeatedly|then|now|already|never|not|did not|does not|do not|would not|could not|"
    r"immediately|independently|tentatively|provisionally|at first|initially|originally|"
    r"appeared to|appears to|appear to|seemed to|seems to|declined to|refused to|would|will|"
    # "the driver can be heard telling her": a recording's viewer hears the speaker speak
    r"(?:can|could|is|was)\s+(?:be\s+)?(?:heard|seen)|"
    # ("has for months accused": how long the accusing has gone on)
    r"for (?:months|years|weeks|decades|days|some time)|"
    r"last week|yesterday|today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)(?: night| morning| evening| afternoon)?|however|,)\s*)+$")
#: Leading adverbials before a speaker: "On Thursday,", "Separately,", "In a statement,".
LEADING = re.compile(r"^(?:(?:separately|however|meanwhile|earlier|later|in a statement|"
                     r"in a statement on \w+|on \w+(?: night| morning| evening)?|last week|"
                     r"yesterday|today|on \d{1,2} \w+|in \w+)\s*,?\s+)+", re.I)
# a verb phrase coordinated before the reporting verb: "praised the plan but", "has ... and"
_VERB_FIRST = re.compile(r"(?:\w+ed|has|had|was|were)\b[^,]*\s(?:and|but)$")
# "Open Rivers, a conservation charity" before it: a capitalised name and its apposition
_NAMED_BEFORE = re.compile(r"(?:^|[.;:]\s*)((?:The\s+)?[A-Z][\w\u2019'.&-]*"
                           r"(?:\s+[A-Z][\w\u2019'.&-]*){0,5}),((?:\s+[\w\u2019'.&-]+){1,8})\s*$")
# "A report released in August by the State Auditor's Office [found]": a document, the
# participle that says who made it and when, then its maker: a longer phrase, one speaker
_MADE_BY = re.compile(r"(?i:an?|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:released|published|"
                      r"issued|commissioned|prepared|compiled)\s+(?:[^,;]{1,30}?\s+)?by\s+\S")
# "The audit, by the Audit Agency,": a document's maker set off by commas
_BY_MAKER = re.compile(r"by\s+(?:the\s+)?[A-Z]")
_DOCUMENT = re.compile(r"(?i)\b(?:audit|report|review|study|survey|investigation|inquiry|"
                       r"assessment|analysis|letter|memo|briefing)$")
# "The audit, by the Audit Agency, rated the site poor and [recommended]": the document and
# its maker are the subject of a first verb coordinated before the reporting verb
_DOCUMENT_DID = re.compile(r"((?:The|An?|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:audit|report|review|"
                           r"study|survey|assessment|analysis),?\s+by\s+(?:the\s+)?[A-Z][^,;]{2,60}?),?"
                           r"\s+(?:\w+ed|gave|found|made|took|put|set|kept)\b[^;]*\s+and$")
# "the Tass news agency quoted an unnamed navy source as [saying]": an outlet and the one it
# quotes, a longer phrase (kg/extract/sourcing.py parts them; "quoted a guard who gave his
# name as Ivo Lind as [saying]" with the time and the outlet's kind before it: 20 words)
_QUOTED_AS = re.compile(r"\s(?:quoted|cited)\s.+\sas$")
_ACCUSATION = re.compile(r"(?:an?|the|this|that)\s+(?:accusation|claim|allegation|charge|"
                         r"assertion|suggestion|version|account)s?\s+(?:that\s+|which\s+)?")


def strip_modifiers(masked: str, position: int) -> tuple[int, list[str]]:
    """Move back over "has", "appeared to", "on Wednesday" ... before the verb."""
    left = masked[:position]
    match = _MODIFIERS.search(left)
    if not match or not match.group(0).strip():
        return position, []
    before = left[:match.start()]
    if re.search(r"\w\s*,\s*$", match.group(0)) and \
            re.search(r"\s(?:who|which)\s", before[_last_comma(before):]):
        # "X, a driver who was hurt on Monday, told ...": the words end a relative clause set
        # off by commas, not modifiers of the verb
        return position, []
    words = match.group(0)
    cues = [cue for cue in ("appeared to", "appears to", "appear to", "seemed to", "seems to",
                            "declined to", "refused to", "would not", "could not", "did not",
                            "does not", "do not", "never", "not", "tentatively",
                            "provisionally") if re.search(
        rf"\b{cue}\b", words)]
    # "could not" is one cue, not "could not" and "not" (which would turn the hedge around)
    cues = [c for c in cues if not any(c != d and re.search(rf"\b{c}\b", d) for d in cues)]
    start = match.start()
    while start < position and masked[start] in " ,":
        start += 1
    return start, cues


# "Ana Holt, 41": a name's age set off by a comma, before a second apposition
_AGED = re.compile(r"(?<=[A-Za-z\u2019']),\s+\d{1,3}$")
_WHOSE = re.compile(r"(?:^|[;:\u201d\"]\s*)([^,;:\u201d\"]+?),\s+whose\s+[^;:\u201d\"]*$")


def _last_comma(text: str) -> int:
    """The last comma of ``text`` that parts words, not the digits of a number ("which serves
    90,000 homes, said"), or -1."""
    found = [m.start() for m in re.finditer(r",(?!\d)|(?<!\d),", text)]
    return found[-1] if found else -1


# "state-owned Kelda Shipping (KelShip)": a hyphenated modifier before a proper name and its
# short form in brackets after it (registered by kg/extract/shortforms.py) leave the name
_NAME_MODIFIER = re.compile(r"^(?:[a-z]+-[a-z]+\s+)+(?=[A-Z])")
_SHORT_FORM_AFTER = re.compile(r"(?<=[a-z])\s*\([A-Z][\w-]*\)$")


def _bare_name(appositive: str) -> str:
    """The proper name an appositive gives, without a modifier or a short form around it."""
    bare = _SHORT_FORM_AFTER.sub("", _NAME_MODIFIER.sub("", appositive))
    return bare if bare[:1].isupper() else appositive


def subject(masked: str, end: int) -> tuple[int, int, str | None, bool] | None:
    """The speaker phrase that ends at ``end`` (exclusive), with any appositive before the
    verb: (start, end, appositive, starts the sentence). None if there is no phrase."""
    left = masked[:end].rstrip()
    appositive = None
    if left.endswith(",") and not left.endswith("\u201d,") and not left.endswith('",'):
        inner = left[:-1]
        comma = _last_comma(inner)
        if comma > 0 and "_" not in inner[comma:]:
            appositive = _bare_name(inner[comma + 1:].strip())
            left = inner[:comma]
            if (aged := _AGED.search(left)) is not None:
                left = left[:aged.start()]  # "Ana Holt, 41, a nurse, said": the age goes too
        else:
            return None
    # "Ana Holt, whose firm, Holt Barr LLP, represents 20 families, said": the name before the
    # "whose" clause speaks, not a name inside it
    if (doc := _DOCUMENT_DID.match(left)) is not None:
        return 0, doc.end(1), None, True  # "The audit, by X, gave ... and [recommended]"
    whose = _WHOSE.search(left)
    if whose is not None and len(whose.group(1).split()) <= 9:
        return whose.start(1), whose.end(1), None, whose.start(1) == 0
    boundary = max(_last_comma(left), left.rfind(";"), left.rfind(":"), left.rfind("\u201d"),
                   left.rfind('"'), left.rfind("—"), left.rfind(" - "))
    start = boundary + 1
    while start < len(left) and left[start] in " \"\u201d'\u2019":
        start += 1
    phrase = left[start:]
    leading = LEADING.match(phrase)
    if leading:
        start += leading.end()
        phrase = left[start:]
    # ("But engineers who ... say": a sentence may open with the conjunction; "..., with
    # residents saying P": an absolute clause's subject)
    conjunction = re.match(r"(?:[Bb]ut|[Aa]nd|while|whereas|although|though|with)\s+", phrase)
    if conjunction:
        start += conjunction.end()
        phrase = left[start:]
    # "Voss thanked voters and [said]", "... welcomed the ruling but [said]": the subject of
    # the first verb
    # (a hyphenated verb too: "three colleagues re-analysed the data and [posted]")
    verb_phrase = re.match(r"(.+?)\s+(?:(?:\w+-)?\w+ed|has|had|was|were|is|are)\b.*\s+"
                           r"(?:and|but)$", phrase)
    if verb_phrase:
        phrase = verb_phrase.group(1)
        left = left[:start + len(phrase)]
    elif appositive is None and _VERB_FIRST.match(phrase) and (
            named := _NAMED_BEFORE.search(left[:boundary])) and boundary > 0:
        # "Open Rivers, a charity, praised the plan but [said]": the verb phrase follows an
        # apposition, so its subject is the name before it
        return named.start(1), named.end(1), named.group(2).strip(), named.start(1) == 0
    if not phrase.strip() or "_" in phrase or \
            len(phrase.split()) > (14 if _MADE_BY.match(phrase) else 20 if
                                   _QUOTED_AS.search(phrase) else 9):
        return None
    if appositive is not None and _BY_MAKER.match(appositive) and _DOCUMENT.search(phrase):
        # "The audit, by the Audit Agency, found": the maker set off by commas is part of
        # the phrase, as in "The audit by the Audit Agency found"
        return start, len(masked[:end].rstrip()) - 1, None, boundary < 0 and not leading
    return start, len(left), appositive, boundary < 0 and not leading


def opening_subject(masked: str) -> tuple[int, int, str | None, bool] | None:
    """The noun phrase that opens the sentence, as the subject of a trailing participle."""
    # ("Tarsia's navy", "Valloria's foreign ministry": a possessor and its lower-case noun)
    # (an adverb may stand before the verb: "Norland's transport ministry later released")
    match = re.match(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[\u2019']s(?:\s+[a-z][\w-]*){1,3}?"
                     r"(?=(?:\s+(?:later|also|then|again|earlier|since|subsequently|itself))?"
                     r"\s+(?:has|have|had|was|were|is|are|\w+ed)\b)|"
                     r"(?:The\s+|the\s+)?[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*)*|"
                     r"It|They|He|She|We)\s+[a-z]", masked)
    return (0, match.end(1), None, True) if match else None


def anaphoric_subject(masked: str, s0: int) -> int:
    """"..., an accusation the board dismissed": the length of "an accusation " at ``s0``
    (the claim is the clause before it), or 0."""
    match = _ACCUSATION.match(masked[s0:])
    return match.end() if match else 0


def inverted_subject(masked: str, after: int) -> tuple[int, int, str | None] | None:
    """``"...," said Tomas Varga, head of research.``: the speaker after the verb."""
    rest = masked[after:]
    # (a relative clause says who the speaker is: "said a senior official who spoke on
    # condition of anonymity because ...")
    match = re.match(r"\s+((?:the\s+|a\s+)?[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,5}?)\s*"
                     r"(?:(?:,\s*|(?=who\s))(.+?))?\s*[.!?]?$", rest)
    if not match:
        return None
    start = after + match.start(1)
    return start, after + match.end(1), (match.group(2) or None)


def inverted_speaker(masked: str, after: int) -> tuple[int, int, str | None] | None:
    """"P, said Hugo Lant, a hydrologist at X.": the speaker after the verb when no quotation
    comes before it. Only a name or a description ("said the ministry") qualifies: a lower-case
    word after "said" ("said to be ...", "said it would ...") is no inverted speaker."""
    found = inverted_subject(masked, after)
    if found is None:
        return None
    words = masked[found[0]:found[1]].split()
    if not words[0][:1].isupper() and words[0].lower() not in {"the", "a", "an"}:
        return None
    if words[0].lower() in {"a", "an", "the"} and (len(words) < 2 or words[1] in {"same"}):
        return None
    return found


# a proper name inside the clause (not at its start), then the comma of an apposition; or
# a verb in the past right before (the name is its object: "X expelled Ivo Brenn, accusing")
_NAME_BEFORE = re.compile(r"\S\s+[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*)*,\s+$|"
                          r"\s[a-z]{3,}ed\s+$")
# ("Tarsia expelled Ivo Brenn, an attache, accusing": a verb and its object read as a name)
_VERB_INSIDE = re.compile(r"\s[a-z]{3,}ed\s+[A-Z]")


def participle_subject(masked: str, found: tuple[int, int, str | None, bool] | None
                       ) -> tuple[int, int, str | None, bool] | None:
    """The subject of a trailing participle (", accusing him of P"): ``found``, unless it is
    the clause's object or an apposition to it ("X ordered Ivo Brenn, an attaché at the
    embassy, to leave, accusing him of P": the apposition says who Brenn is, and X, the
    clause's subject, accuses), when the sentence opens with a subject of its own.

    >>> masked = "Tarsia ordered Ivo Brenn, an attache, to leave, accusing him of spying."
    >>> participle_subject(masked, (26, 37, "to leave", False))
    (0, 6, None, True)
    """
    if found is None or not (_NAME_BEFORE.search(masked[:found[0]]) or
                             _VERB_INSIDE.search(masked, found[0], found[1])):
        return found
    opening = opening_subject(masked)
    return opening if opening is not None and opening[1] < found[1] else found


__all__ = ["LEADING", "anaphoric_subject", "inverted_speaker", "inverted_subject",
           "opening_subject", "participle_subject", "strip_modifiers", "subject"]
