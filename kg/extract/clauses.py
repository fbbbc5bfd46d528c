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

from kg.extract.lexicon import Lexicon
from kg.extract.model import Span

# "said that P, and that Q" ("but that Q"); "had recorded P but had seen no Q" (the subject
# left out); "P, and that Q"; "P; Q"; "X had done P but had not done Q"; "made P plausible but
# did not prove it" (a negated second verb phrase of the same subject: its own claim, denied)
_CLAUSES = re.compile(r",?\s+(?:and|but)\s+that\s+|,\s+that\s+|;\s+|"
                      r",?\s+(?:but|and)\s+(?=(?:had|has|have|was|were|is|are|did|does|do|"
                      r"would|could|will)\s+(?:not\s+|never\s+)?"
                      r"(?:\w+(?:ed|en|n)|found|made|told|said|sent|kept|held|left|got|brought|"
                      r"bought|thought|caught|built|lost|paid|won|met|heard|struck|hit|put|"
                      r"set|cut|shut|spent|sold|fought|taught|felt|led|fled)\b|"
                      r"(?:did|does|do)\s+not\s+[a-z]+\b)")
# ", and its workers had been paid", ", and we will share": a comma, a conjunction and a new
# subject (a pronoun or a determiner's noun phrase) before a finite verb: a second clause
_AUX = r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should)"
_REPORTING = r"(?:said|say|says|added|told|believe[sd]?|think|thought|know|knew|hope|fear|insist)"
# (or a number or quantifier: ", and 6 have needed surgery", ", and every engine we buy is")
_NEW_CLAUSE = (r",\s+(?:and|but)\s+(?=(?:we|i|he|she|they|it|its|their|his|her|our|my|the|this|"
               rf"these|those|every|each|all|most|many|\d[\d,.]*)\b(?:\s+[\w\u2019'-]+){{0,3}}?"
               rf"\s+{_AUX}\b)|"
               # ", and we reject ...": a personal pronoun and any verb but a reporting one
               rf",\s+(?:and|but)\s+(?=(?:we|i|he|she|they)\s+(?!{_REPORTING}\b)[a-z]+\s+\w)|"
               # "P, we warned Q, and R" / "P, the drivers had been warned, and R": an item of a
               # list of clauses, without its conjunction, when one follows
               rf",\s+(?=(?:(?:we|i|he|she|they)\s+(?!{_REPORTING}\b)(?:\w+ed|{_AUX})|"
               rf"(?:the|its|their|his|her|our|my|this|these|those)\b(?:\s+[\w\u2019'-]+){{0,3}}?"
               rf"\s+{_AUX})\b[^,]*,\s+(?:and|but)\s)")
# "P and found no trace of Q": a second verb of the same subject with a negative object
_PAST = (r"(?:\w+ed|found|saw|got|gave|took|made|heard|knew|left|showed|kept|held|met|felt|"
         r"spotted|seen)")
_NEGATIVE_OBJECT = (rf"{_PAST}\s+no\s+(?!longer\b|doubt\b|more\b|less\b|matter\b|later\b|"
                    r"sooner\b|fewer\b|one\b|other\b)\w")
# ", after engineers had found cracks in the piers": a temporal clause with a finite
# verb states its event as a fact (the writer presupposes it), a claim of its own
_AFTER = re.compile(r",\s+(?:after|before|once)\s+(?!which\b|whom\b|that\b)"
                    r"(?=(?:[\w\u2019'-]+\s+){1,8}?(?:\w+ed|had|has|was|were|found|showed|made)\b)")
#: A clause that opens with its verb: its subject was left out ("... and was not for sale",
#: "... and found no trace of it").
AUXILIARY_START = re.compile(r"(?:had|has|have|was|were|is|are|did|does|do|would|could)\b|"
                             rf"{_NEGATIVE_OBJECT}")
#: The same, once a negative object was read ("found any trace of it"): a claim's words.
VERB_START = re.compile(rf"(?:had|has|have|was|were|is|are|did|does|do|would|could|{_PAST})\b")
#: The finite verb that ends a clause's subject ("X has", "the ministry was"); narration.py too.
SUBJECT_END = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|could|may|might|"
                          r"did|does|do)\b")
_QUOTE_PARTS = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\u201c\"])|;\s+")


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
                (rf"|(?:{subjects})\s+(?:[\w\u2019'-]+\s+){{0,4}}?(?:is|are|was|were|has|have|"
                 r"had|did|does|do|could|would|can|will|\w+ed|\w+s)\b" if subjects else "") + ")")
    return re.compile(rf"{base.pattern}|{negative}|{_NEW_CLAUSE}")


def elided_subject(first: str, part: str) -> str | None:
    """The subject of ``first`` when ``part`` leaves it out ("The player was under contract
    ... and was not for sale": "The player"), else None."""
    if not AUXILIARY_START.match(part):
        return None
    verb = SUBJECT_END.search(first)
    subject = first[:verb.start()].strip(" ,\u201c\u201d\"") if verb else ""
    return subject if 0 < len(subject.split()) <= 8 else None


def split_parts(text: str, span: Span, lex: Lexicon, *, quote: bool = False,
                own_voice: bool = False) -> list[Span]:
    """Split what was said (``text[span[0]:span[1]]``) into one piece per claim:
    that-clauses, quoted sentences, coordinated negative or new clauses, lists of clauses. The
    publisher's own sentences split only at coordinated negative or new clauses and at a
    temporal clause after a comma (", after the tests had matched Q")."""
    base = _AFTER if own_voice else _QUOTE_PARTS if quote else _CLAUSES
    splitter = _splitter(base, tuple(lex.negative_subjects))
    words = text[span[0]:span[1]]
    pieces, start = [], 0
    for match in splitter.finditer(words):
        if len(words[start:match.start()].split()) >= 3 and \
                len(words[match.end():].split()) >= 3:
            pieces.append((span[0] + start, span[0] + match.start()))
            start = match.end()
    pieces.append((span[0] + start, span[1]))
    return pieces


__all__ = ["AUXILIARY_START", "SUBJECT_END", "VERB_START", "elided_subject", "split_parts"]
