"""Where what was said splits into several claims: "said that P, and that Q", "P; Q", "P
but did not Q", "P, and nobody has Q", "P, we warned Q, and R", one quoted sentence each.

Example:
    >>> from kg.extract.lexicon import load_lexicon
    >>> text = "the gate had closed at noon, the drivers were warned, and the alarm had rung"
    >>> [text[a:b] for a, b in split_parts(text, (0, len(text)), load_lexicon())]
    ['the gate had closed at noon', 'the drivers were warned', 'the alarm had rung']
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.frame import IRREGULAR_PAST
from kg.extract.lexicon import Lexicon
from kg.extract.model import Span

# "said that P, and that Q" ("but that Q"); "had recorded P but had seen no Q" (the subject
# left out); "P, and that Q"; "P; Q"; "X had done P but had not done Q"; "made P plausible but
# did not prove it" (a negated second verb phrase of the same subject: its own claim, denied)
_CLAUSES = re.compile(r",?\s+(?:and|but)\s+that\s+|,\s+that\s+|;\s+|,?\s+so\s+that\s+|"
                      # 'found damage that was "consistent with" P': the finding, then what
                      # it may mean, a claim of its own (a hedge when the words are quoted)
                      r"\s+(?=that\s+(?:was|were|is|are)\s+[\u201c\x22]?consistent\s+with\b)|"
                      # "was flagged in March and never repaired": the "never" denies its own
                      r"\s+and\s+(?P<never>)(?=never\s+[a-z]+(?:ed|en)\s*$)|"
                      # "the plant will stay shut after an inspection found leaks": what the
                      # inspection found is said too (a determiner's noun phrase, a past verb)
                      r",?\s+after\s+(?=(?:an?|the|its|their)\s+(?:[\w\u2019'-]+\s+){0,3}?"
                      r"(?:found|showed|revealed|detected|confirmed|identified)\s)|"
                      # (a quotation may open on the verb: 'and "cannot rule out" P')
                      # ("was consistent with P, but could also have followed Q": another
                      # possibility beside P leaves P open, one hedged claim, not two)
                      r",?\s+(?:but|and)\s+"
                      r"(?!(?<=but\s)(?:could|may|might)\s+(?:also|equally|just\s+as\s+well)\s)"
                      r"(?=[\u201c\x22]?(?:had|has|have|was|were|is|are|did|"
                      r"does|do|"
                      r"would|could|will)\s+(?:not\s+|never\s+)?"
                      r"(?:\w+(?:ed|en|n|ing)|found|made|told|said|sent|kept|held|left|got|brought|"
                      r"bought|thought|caught|built|lost|paid|won|met|heard|struck|hit|put|"
                      r"set|cut|shut|spent|sold|fought|taught|felt|led|fled)\b|"
                      r"(?:did|does|do)\s+not\s+[a-z]+\b|"
                      # 'and "was not a warning"': a negated copula and a noun phrase
                      r"[\u201c\x22]?(?:was|were|is|are)\s+(?:not|never)\s+(?:an?|the|any)\s|"
                      # 'and had "followed every instruction"': a quotation opening on the verb
                      # after its auxiliary
                      r"(?:had|has|have|was|were)\s+[\u201c\x22](?!(?:no|an?|the|any|some|"
                      r"every|all|its|their|his|her|our|my)\b)[a-z]+\b|"
                      # "and would end the deal", "and could be collected": a modal verb phrase
                      r"[\u201c\x22]?(?:would|could|will|can|may|might|should|must)\s+"
                      r"(?:not\s+|never\s+)?(?:be\s+)?[a-z]+\b|"
                      r"[\u201c\x22]?(?:cannot|can[\u2019']t|won[\u2019']t)\s+"
                      r"(?:be\s+)?[a-z]+\b|"
                      # "held the keys and refused to return them": a past verb and its
                      # infinitive (not "moved to the city", a place)
                      r"\w+ed\s+to\s+(?!the\b|an?\b|its\b|their\b)[a-z]+\b)|"
                      # "12 soldiers had been killed and three tanks destroyed": a counted
                      # subject and a participle that ends the words, the auxiliary left out
                      r"\s+and\s+(?=(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
                      r"dozens|hundreds|several)\s+(?:[\w-]+\s+){0,3}?[a-z]+(?:ed|en)\s*$)|"
                      # "forced them to work and confiscated their passports": a second past
                      # verb of the same subject with its own object (a clause must come first)
                      r"\s+and\s+(?P<verb2>)(?=\w+ed\s+(?:their|its|his|her|our|my|the|an?)\s)")
# ", and its workers had been paid", ", and we will share": a comma, a conjunction and a new
# subject (a pronoun or a determiner's noun phrase) before a finite verb: a second clause
_AUX = r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should)"
_REPORTING = r"(?:said|say|says|added|told|believe[sd]?|think|thought|know|knew|hope|fear|insist)"
# (or a number or quantifier: ", and 6 have needed surgery", ", and every engine we buy is")
_NEW_CLAUSE = (r",\s+(?:and|but)\s+(?=(?:we|i|he|she|they|it|its|their|his|her|our|my|the|this|"
               r"these|those|every|each|all|most|many|several|some|both|two|three|four|five|six|"
               rf"seven|eight|nine|ten|\d[\d,.]*)\b(?:\s+[\w\u2019'-]+){{0,5}}?"
               rf"\s+{_AUX}\b|"
               # ", and even the inspectors have said so": "even" before a new subject and its verb
               rf"even\s+(?:an?|the|its|their|his|her|our|my|this|these|those|we|they|he|she|"
               rf"i)\b(?:\s+[\w\u2019'-]+){{0,5}}?\s+{_AUX}\b|"
               # ", and withdrawals will resume": a bare plural noun and a modal verb, a
               # forecast or promise beside the fact before it (", and passengers were at
               # risk" stays one claim)
               rf"(?!(?:this|thus|was|has|his|its|as|is|unless|perhaps|whereas|across|less)\b)"
               rf"[a-z]{{2,}}s\s+(?:will|would|can|could|may|might|must|should)\b)|"
               # "P and its crew had been held", "P and we have the papers": without a comma,
               # a new subject only when it is a pronoun or a possessive's noun phrase
               rf"\s+(?:and|but)\s+(?P<bare>)(?=(?:we|i|he|she|they|its|their|his|her|our|my)\b"
               rf"(?:\s+[\w\u2019'-]+){{0,3}}?\s+{_AUX}\b)|"
               # ", so we could not confirm the date": a result clause with its own subject (a
               # pronoun and a finite verb) is a claim of its own
               rf",\s+so\s+(?=(?:we|i|he|she|they|it)\s+(?:{_AUX}|cannot|can[\u2019']t)\b)|"
               # ", and we reject ...": a personal pronoun and any verb but a reporting one
               rf",\s+(?:and|but)\s+(?=(?:we|i|I|he|she|they)\s+(?!{_REPORTING}\b)[a-z]+\s+\w)|"
               # "P, we warned Q, and R" / "P, the drivers had been warned, and R": an item of a
               # list of clauses, without its conjunction, when one follows
               rf",\s+(?=(?:(?:we|i|he|she|they)\s+(?!{_REPORTING}\b)(?:\w+ed|{_AUX})|"
               rf"(?:the|its|their|his|her|our|my|this|these|those)\b(?:\s+[\w\u2019'-]+){{0,3}}?"
               rf"\s+{_AUX})\b[^,]*,\s+(?:and|but)\s)|"
               # ", and the release stayed within ...": a determiner's noun phrase and a past
               # verb; ", but rain fell on ...": a bare noun and a past verb after "but" (not
               # an adverb: ", but only reopened"); ", and for many families the harvest is
               # gone": a fronted phrase, then the subject and its verb
               rf",\s+(?:and|but)\s+(?=(?:the|its|their|his|her|our|my|this|these|those)"
               rf"(?:\s+[\w\u2019'-]+){{1,3}}?\s+(?:\w+ed|{IRREGULAR_PAST})\s)|"
               rf",\s+but\s+(?=(?!(?:only|also|then|still|later|never|soon|not|just|even|"
               rf"again|instead)\b)[a-z]+(?<!ly)\s+(?:\w+ed|{IRREGULAR_PAST})\s)|"
               rf",\s+(?:and|but)\s+(?=(?:for|in|on|at|to|by)\s+(?:[\w\u2019'-]+\s+){{1,4}}?"
               rf"(?:the|its|their|his|her|our|my|we|they)\s+(?:[\w\u2019'-]+\s+){{0,2}}?"
               rf"{_AUX}\b)|"
               # ", but a link to the illness cannot be ruled out": a new subject of up to six
               # words and a negated modal passive, a possibility beside the fact before it
               rf",\s+but\s+(?=(?:a|an|the|any|some)\s+(?:[\w\u2019'-]+\s+){{0,5}}?"
               rf"(?:cannot|can[\u2019']t|can\s+not|could\s+not|couldn[\u2019']t)\s+be\s)")
# "P and found no trace of Q": a second verb of the same subject with a negative object
_PAST = (r"(?:\w+ed|found|saw|got|gave|took|made|heard|knew|left|showed|kept|held|met|felt|"
         r"spotted|seen)")
_NEGATIVE_OBJECT = (rf"{_PAST}\s+no\s+(?!longer\b|doubt\b|more\b|less\b|matter\b|later\b|"
                    r"sooner\b|fewer\b|one\b|other\b)\w")
# ", after engineers had found cracks in the piers": a temporal clause with a finite
# verb states its event as a fact (the writer presupposes it), a claim of its own
_AFTER = re.compile(r",\s+(?:after|before|once)\s+(?!which\b|whom\b|that\b)"
                    r"(?=(?:[\w\u2019'-]+\s+){1,8}?(?:\w+ed|had|has|was|were|found|showed|made)\b)|"
                    # "P; a second, filmed at street level, shows Q": two clauses, two claims
                    r";\s+(?=(?:[\w\u2019'-]+,?\s+){1,10}?(?:is|are|was|were|has|have|had|"
                    r"shows?|showed|\w+ed)\s)")
#: A clause that opens with its verb: its subject was left out ("... and was not for sale",
#: "... and found no trace of it").
AUXILIARY_START = re.compile(r"(?:had|has|have|was|were|is|are|did|does|do|would|could)\b|"
                             r"\w+ed\s+(?:to\s+[a-z]|(?:their|its|his|her|our|my|the|an?)\s)|"
                             rf"{_NEGATIVE_OBJECT}")
#: The same, once a negative object was read ("found any trace of it"): a claim's words.
VERB_START = re.compile(rf"(?:had|has|have|was|were|is|are|did|does|do|would|could|{_PAST})\b")
#: The finite verb that ends a clause's subject ("X has", "the ministry was"); narration.py too.
SUBJECT_END = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|"
                          r"did|does|do)\b")
# "P so that it could Q": the purpose is a claim of its own (what the act was for)
_PURPOSE = r",?\s+so\s+that\s+"
# a finite verb in the words before a bare "and" (no comma): they are a clause
# (or a personal pronoun, always a subject: "we sold the grain")
_CLAUSE_VERB = re.compile(rf"\b(?:{_AUX}|\w+ed|{_PAST}|sold|bought|paid|sent|brought|told|"
                          r"said|put|set|cut|lost|won|ran|came|went)\b|"
                          r"^\W*(?:we|i|he|she|they)\s", re.I)
#: A finite verb (or a subject pronoun), the mark of a clause in a claim's words.
CLAUSE_VERB = _CLAUSE_VERB
_QUOTE_PARTS = re.compile(rf"(?<=[.!?;])\s+(?=[A-Z\u201c\"])|;\s+|{_PURPOSE}")


# "we closed it because P, not because Q": the reason denied is a claim of its own, which
# keeps its "not because" (a frame of denial_cues.tsv that denies Q)
_NOT_BECAUSE = r",\s+(?=not\s+because\s)"
# "it is part of the original frame, not a later repair": the noun phrase set against the
# first is a claim of its own, which the speaker denies (at the end of the clause only)
# (or a participle set against the first: "protecting visitors, not attacking them")
_NOT_NOUN = (r",\s+(?=not\s+(?:an?|the|its|their|his|her|our|my|"
             r"(?!(?:some|any|no|every)thing\b)[a-z]{3,}ing)\s+[^,;.]+"
             r"(?:[,.\u201d\x22]*\s*$|\.\s+[A-Z\u201c\x22]))")
# "the figures understate the problem because crews no longer file reports": a negated reason
# is a claim of its own, which the speaker denies (an affirmed reason stays with its result)
_NEGATED_REASON = (r",?\s+because\s+(?=(?:[\w\u2019'-]+\s+){1,5}?(?:no\s+longer|never|"
                   r"(?:do|does|did|had|has|have|was|were|is|are)\s+not)\s)")

# "..., and passengers were not at risk": a comma, a conjunction, a one-word subject and a
# negated verb: a second clause, which the speaker denies
_NEGATED_AFTER_AND = (r",\s+(?:and|but)\s+(?=[a-z]+\s+(?:had|has|have|was|were|is|are|did|does|"
                      r"do)\s+(?:not|never)\b)")
# "carried out training that posed no threat": a relative clause with a negative object is a
# claim of its own (denied); the noun's own clause stays affirmed
_NEGATIVE_RELATIVE = rf"\s+(?=(?:that|which)\s+{_NEGATIVE_OBJECT})"


@cache
def _splitter(base: re.Pattern[str], negatives: tuple[str, ...]) -> re.Pattern[str]:
    """``base`` or a coordinated negative clause: "P and was not Q" (a negated verb phrase of
    the same subject), "P and nobody has Q", "P but no fee had been agreed" (a negative
    subject, ``denial_cues.tsv`` scope ``subject``, before a finite verb). The negative half is
    a claim of its own, which the speaker denies."""
    subjects = "|".join(re.escape(n).replace(r"\ ", r"\s+")
                        for n in sorted(negatives, key=len, reverse=True))
    negative = (r",?\s+(?:but|and)\s+(?=(?:had|has|have|was|were|is|are|did|does|do|would|"
                r"could)\s+(?:not|never|no\s+longer)\b|" + _NEGATIVE_OBJECT +
                # ("and neither do we" agrees with what was said: no clause of its own)
                (rf"|(?:{subjects})\s+(?!(?<=neither\s)(?:do|does|did|have|has|had|is|are|was|"
                 r"were|can|could|would|will)\b)(?:[\w\u2019'-]+\s+){0,4}?"
                 r"(?:is|are|was|were|has|have|"
                 r"had|did|does|do|could|would|can|will|\w+ed|\w+s)\b" if subjects else "") + ")")
    return re.compile(rf"{base.pattern}|{negative}|{_NEW_CLAUSE}|{_NOT_BECAUSE}|{_NOT_NOUN}|"
                      rf"{_NEGATED_REASON}|{_NEGATED_AFTER_AND}|{_NEGATIVE_RELATIVE}")


_PREPOSITION = r"due\s+to|because\s+of|by|to|in|at|from|for|with|on|of|over|under|after|before"


def contrasted(first: str, part: str) -> str | None:
    """The claim that ``part`` (", not a strike") denies: ``first`` with the phrase set against
    it put in place of its last phrase of the same preposition ("The delay was due to weather,
    not a strike": "The delay was due to a strike"; "caused by a heater, not by arson": "caused
    by arson"), or after its last preposition when the phrase has none ("part of the original
    frame, not a later repair": "part of a later repair"); a phrase of another preposition
    takes the place of the last prepositional phrase ("acted on advice, not for profit":
    "acted for profit"). None when ``part`` is no such phrase or ``first`` has no preposition
    to anchor it."""
    match = re.match(r"\s*,?\s*not\s+(.+?)[\s.]*$", part, re.S)
    if match is None:
        return None
    phrase = match.group(1)
    lead = re.match(rf"(?i)({_PREPOSITION})\s", phrase)
    anchors = list(re.finditer(rf"(?i)\s(?:{_PREPOSITION})\s", first))
    if lead:
        # the same preposition's phrase, else the last prepositional phrase ("acted on
        # advice, not for profit": "acted for profit")
        anchors = list(re.finditer(rf"(?i)\s{re.escape(lead.group(1))}\s", first)) or anchors
    if not anchors:
        return None
    return first[:anchors[-1].start()] + " " + phrase if lead else \
        first[:anchors[-1].end()] + phrase


def elided_subject(first: str, part: str) -> str | None:
    """The subject of ``first`` when ``part`` leaves it out ("The player was under contract
    ... and was not for sale": "The player"), else None."""
    if re.match(r"never\s+[a-z]+(?:ed|en)\s*$", part) and (aux := SUBJECT_END.search(first)):
        # "The valve was flagged ... and never repaired": the subject and its auxiliary
        return first[:aux.end()].strip(" ,\u201c\u201d\"") if aux.start() > 0 else None
    if not AUXILIARY_START.match(part):
        return None
    # the first finite verb ends the subject: an auxiliary, else a past tense ("kept")
    verb = SUBJECT_END.search(first) or re.search(rf"\s{_PAST}\b", first)
    subject = first[:verb.start()].strip(" ,\u201c\u201d\"") if verb else ""
    return subject if 0 < len(subject.split()) <= 8 else None


# "had found no evidence of P or of Q": a negative object over a list of things found
_NONE_OF = re.compile(r"\bno\s+(?:evidence|signs?|traces?|indication|proof|record)\s+of\s+")
_OR_OF = re.compile(r",?\s+(?:n?or|and)\s+of\s+")


def none_of(text: str, span: Span) -> list[Span] | None:
    """The items of "found no evidence of P or of Q" in ``text[span[0]:span[1]]`` (P and Q,
    each a claim the speaker denies), or None when the words hold no such list. Only with
    the preposition repeated ("or of"), which says that the two are things not found."""
    words = text[span[0]:span[1]]
    frame = _NONE_OF.search(words)
    if frame is None:
        return None
    items, start = [], frame.end()
    for match in _OR_OF.finditer(words, frame.end()):
        items.append((span[0] + start, span[0] + match.start()))
        start = match.end()
    if not items:
        return None
    return [*items, (span[0] + start, span[1])]


# "denied that any guard had crossed the line or fired a shot": under a denial, "or" before a
# second past verb of the same subject joins two claims, each denied (under an affirmation
# "P or Q" is one claim: a choice)
_OR_VERB = re.compile(rf"\s+or\s+(?=(?:had\s+|has\s+|have\s+)?(?:\w+ed|{_PAST})\s+"
                      r"(?:an?|the|its|their|his|her|any|a\s+single)\s)")


def split_parts(text: str, span: Span, lex: Lexicon, *, quote: bool = False,
                own_voice: bool = False, denied: bool = False) -> list[Span]:
    """Split what was said (``text[span[0]:span[1]]``) into one piece per claim:
    that-clauses, quoted sentences, coordinated negative or new clauses, lists of clauses. The
    publisher's own sentences split only at coordinated negative or new clauses and at a
    temporal clause after a comma (", after the tests had matched Q")."""
    base = _AFTER if own_voice else _QUOTE_PARTS if quote else _CLAUSES
    splitter = _splitter(base, tuple(lex.negative_subjects))
    words = text[span[0]:span[1]]
    pieces, start = [], 0
    for match in splitter.finditer(words):
        second_verb = match.groupdict().get("verb2") is not None
        bare = match.group("bare") is not None or second_verb
        if (bare and not _CLAUSE_VERB.search(words[start:match.start()])) or (
                second_verb and re.search(r"\w+ed\s*$", words[start:match.start()])):
            # "the mayor of Lusk and her deputy had resigned": one subject of two; "owned and
            # operated the plant": two verbs of one object (one claim each time)
            continue
        if len(words[start:match.start()].split()) >= 3 and \
                len(words[match.end():].split()) >= (2 if match.groupdict().get("never")
                                                     is not None else 3):
            pieces.append((span[0] + start, span[0] + match.start()))
            start = match.end()
    pieces.append((span[0] + start, span[1]))
    if denied and not quote and not own_voice:
        pieces = [piece for whole in pieces for piece in _split_or(text, whole)]
    return pieces


def _split_or(text: str, span: Span) -> list[Span]:
    """``span`` split at each "or" of :data:`_OR_VERB` (both sides three words or more)."""
    words = text[span[0]:span[1]]
    pieces, start = [], 0
    for match in _OR_VERB.finditer(words):
        if len(words[start:match.start()].split()) >= 3 and \
                len(words[match.end():].split()) >= 3:
            pieces.append((span[0] + start, span[0] + match.start()))
            start = match.end()
    pieces.append((span[0] + start, span[1]))
    return pieces


__all__ = ["AUXILIARY_START", "CLAUSE_VERB", "SUBJECT_END", "VERB_START", "elided_subject",
           "none_of",
           "split_parts"]
