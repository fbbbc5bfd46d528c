"""Word orders around a reporting verb that the attribution patterns of
:mod:`kg.extract.attribution` would misread, each a small test on the masked sentence.

- "P, said Hugo Lant, a hydrologist at X": a paraphrase before an inverted speaker, which
  only some verbs allow (:data:`INVERTING`; "the trial, called VELOCITY-HF, ..." names);
- "Rain alone could explain part of the rise": after a modal, a verb of saying with a plain
  object states a possibility and reports no one (:func:`modal_object`);
- "..., a figure the company said was close to its own estimate": an appositive noun for a
  number or a claim, with a reduced relative clause whose speaker says what the noun is
  (:func:`appositive_relative`);
- "An airliner rejected its take-off": a verb of refusal whose object is the subject's own
  thing is an act, not a denial (:func:`refused_act`);
- "rejected as baseless the union's attempt to blame the rail company": a denial's label
  before its object, the object being what is denied (:func:`shifted_object`; the labels are
  those of ``denial_cues.tsv``, scope ``label``, so a label a user adds counts here too).

Example:
    >>> masked = "Rain alone could explain part of the rise, said Tomas Ek."
    >>> modal_object(masked, 17, 24)
    True
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.frame import Frame, terminator
from kg.extract.lexicon import Lexicon, Verb
from kg.extract.sentences import Sentence
from kg.extract.subjects import opening_subject

# verbs that put their speaker after them, after a paraphrase ("P, said X"; not "the trial,
# called VELOCITY-HF, ...", where "called" names)
INVERTING = frozenset({"say", "add", "write", "warn", "note", "argue", "insist", "explain",
                       "admit", "acknowledge", "conclude"})
_MODAL_BEFORE = re.compile(r"\b(?:could|may|might|can)\s+$", re.I)


def modal_object(masked: str, v0: int, v1: int) -> bool:
    """Whether the verb at ``v0``-``v1`` follows a modal ("could", "may", "might", "can")
    and takes no "that", "whether" or "if" clause: a possibility, not an attribution."""
    return bool(_MODAL_BEFORE.search(masked[:v0])) and \
        not re.match(r"\s*,?\s*(?:that|whether|if)\b", masked[v1:])


#: nouns that name a claim as someone's ("Y's accusation that P", "the reports that P")
CLAIM_NOUNS = (r"(?:allegations?|claims?|reports?|accusations?|suggestions?|rumou?rs|"
               r"speculation|assertions?|charges?|concerns?|fears?)")
#: a claim named as the object of a verb, before what it says: "(denied) the allegations that
#: P", also a named owner's before "that" ("Y's accusation that P"; kg/extract/named_claims.py)
OBJECT_NOUN = re.compile(rf"^(?:the\s+)?{CLAIM_NOUNS}\s+(?:that\s+)?(?!of\b|about\b|on\b|"
                         r"from\b|in\b|(?:is|are|was|were|had|has|have)\b)|"
                         rf"^(?-i:(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*)[\u2019']s\s+{CLAIM_NOUNS}"
                         r"\s+that\s+", re.I)
# "about reports that P", "amid claims that P": a preposition takes a noun, never a verb
_PREPOSITION_BEFORE = re.compile(r"\b(?:about|amid|despite|following|after|over|of|on|with|"
                                 r"against|into|from|by|for)\s+$", re.I)


# a determiner or modifier right before a verb form makes it a noun ("its claims", "the first
# reports"; "media", "news", "press" only in lower case: "Harwick Academic Press said" is a name)
_NOUN_BEFORE = re.compile(r"\b(?:(?i:a|an|the|its|his|her|their|our|this|these|those|such|"
                          r"new|recent|earlier|latest|initial|(?<!at )first)|media|news|press|"
                          r"^(?i:media|news|press))\s+$")


def noun_before(masked: str, verb: Verb, v0: int) -> bool:
    """Whether a determiner or modifier right before it makes the verb form at ``v0`` a noun
    ("the first reports"); not a past form after "first" with no determiner before it ("The
    Valley Post first reported that P": an adverb, then the verb).

    >>> from kg.extract.lexicon import Verb
    >>> said = Verb("reported", "report", "affirms", "speech")
    >>> noun_before("The Post first ", said, 15), noun_before("the first ", said, 10)
    (False, True)
    """
    if not _NOUN_BEFORE.search(masked[:v0]):
        return False
    before = re.search(r"(\S+)\s+first\s+$", masked[:v0])
    return not (verb.form.endswith("ed") and before is not None and before.group(1).lower() not in
                {"a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those",
                 "at"})


def noun_after_preposition(masked: str, verb: Verb, v0: int) -> bool:
    """Whether the verb form at ``v0`` is a plural noun after a preposition ("Asked about
    reports that P, X said ...", "amid claims that P"): a verb's third-person form cannot
    follow a preposition, so no one reports there.

    >>> from kg.extract.lexicon import Verb
    >>> noun_after_preposition("Asked about reports that", Verb("reports", "report",
    ...                        "affirms", "speech"), 12)
    True
    """
    return verb.form.endswith("s") and not verb.form.endswith("ss") and \
        bool(_PREPOSITION_BEFORE.search(masked[:v0]))


# "rejected its take-off", "dismissed his lawyer": a verb of refusal with its subject's own
# thing as the object is an act; the claim nouns ("its claims", "their account") keep it a
# denial of what was said
_OWN_OBJECT = re.compile(r"\s+(?:its|his|her|their|our)\s+(?!(?:own\s+)?(?:claims?|accounts?|"
                         r"allegations?|reports?|suggestions?|version|assertions?|findings?|"
                         r"conclusions?|statements?|figures?|denials?|responsibility|"
                         r"involvement|role|guilt)\b)[a-z]")


def refused_act(masked: str, verb: Verb, v1: int) -> bool:
    """Whether the verb ending at ``v1`` ("rejected", "dismissed", "refused") takes its
    subject's own thing as its object: an act, no statement ("An airliner rejected its
    take-off ..., according to a report by X": X speaks)."""
    return verb.lemma in {"reject", "dismiss", "refuse"} and bool(_OWN_OBJECT.match(masked, v1))


@cache
def _shifted(labels: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels) or "(?!)"
    # (or quoted, any short label after a verb of denial: dismissed as "groundless" the
    # finding that P; the quotation reaches here masked, as underscores)
    return re.compile(rf"\s*as\s+(?:\w+ly\s+)?(?:{words}|[\u201c\x22]_{{1,40}}[\u201d\x22])\s+"
                      r"(?=\S)", re.I)


def shifted_object(masked: str, position: int,
                   lex: Lexicon) -> tuple[bool, tuple[int, int] | None] | None:
    """"[rejected] as baseless X's attempt to blame Y": after a verb of denial (at
    ``position``), a label of ``denial_cues.tsv`` before the object; the object is what is
    denied. None when there is no such label; else (whether an object follows, its span)."""
    match = _shifted(lex.labels()).match(masked[position:])
    if match is None:
        return None
    start = position + match.end()
    end = terminator(masked, start)
    return (end - start >= 3, (start, end))


# ", a figure the ministry said": the noun (a number or a claim), no "that", then a subject
# of at most four words, a capitalised name or a definite description
_APPOSITIVE = re.compile(r",\s+(?P<noun>(?:a|an|the)\s+(?:[a-z][\w-]*\s+)?(?:figure|number|total|"
                         r"estimate|toll|count|sum|amount|claim|account|version)\s+)"
                         r"(?:that\s+|which\s+)?"
                         r"(?P<who>(?:the\s+)?(?:[A-Za-z][\w\u2019'&.-]*\s+){0,3}?"
                         r"[A-Za-z][\w\u2019'&.-]*)\s+$")
_COPULA = re.compile(r"\s+(?:was|is|were|are|had\s+been|has\s+been|would\s+be)\s")


def appositive_relative(sent: Sentence, masked: str, verb: Verb, v0: int,
                        v1: int) -> tuple[int, Frame] | None:
    """"The union said 300 jobs would go, a figure the company said was close to its own
    estimate": the company says that the figure was close to its own estimate. Returns where
    the sentence's earlier claim ends (the comma) and the frame, with the speaker's words
    and the verb left out of the claim; None when the words before the verb at ``v0`` are no
    such apposition or the verb is not followed by a copula."""
    match = _APPOSITIVE.search(masked[:v0])
    if match is None or verb.cls != "speech" or not _COPULA.match(masked[v1:]):
        return None
    who = match.group("who")
    if not (who[:1].isupper() or who.lower().startswith("the ")):
        return None
    base = sent.start
    end = terminator(masked, v1)
    frame = Frame(kind="speech", verb=verb, verb_span=(base + v0, base + v1),
                  verb_text=verb.form, speaker=(base + match.start("who"),
                                                base + match.end("who")),
                  speaker_text=who)
    frame.claims.append((base + match.start("noun"), base + end))
    frame.blank.append((base + match.start("who"), base + v1))
    frame.attribution.append((base + match.start("who"), base + v1))
    return base + match.start(), frame


# ", which they said showed P": the material just named, what its user says it showed (also
# with no comma: "released photographs that it said show P")
_WHICH_SAID = re.compile(r"(?:,\s+which|\s+(?:that|which))\s+"
                         r"(?P<who>they|it|he|she|(?:the\s+)?[A-Z][\w\u2019'.&-]*"
                         r"(?:\s+[A-Z][\w\u2019'.&-]*)*)\s+$")
# an opening the subject pattern reads as a name but which names no one by itself
_BARE_OPENINGS = frozenset({"The", "It", "They", "He", "She", "We"})
_SHOWED = re.compile(r"\s+(?:showed|shows?|proved|proves?|confirmed|confirms?|demonstrated|"
                     r"demonstrates?|revealed|reveals?)\s+(?:that\s+)?")


def which_said_showed(sent: Sentence, masked: str, verb: Verb, v0: int,
                      v1: int) -> Frame | None:
    """"The union cited a video clip, which it said showed police charging": the union says
    that police charged (the claim is what the material showed); None for any other form."""
    match = _WHICH_SAID.search(masked[:v0])
    shown = _SHOWED.match(masked, v1)
    if match is None or shown is None or verb.cls != "speech":
        return None
    base = sent.start
    end = terminator(masked, shown.end())
    who = match.span("who")
    opening = opening_subject(masked)
    if match.group("who") in {"it", "they"} and opening is not None and \
            opening[1] < match.start() and masked[:opening[1]] not in _BARE_OPENINGS:
        # ("KNA also published a video, ..., which it said showed P": "it" is the subject
        # of the sentence, whatever was named before it, an outlet too)
        who = (opening[0], opening[1])
    frame = Frame(kind="speech", verb=verb, verb_span=(base + v0, base + v1),
                  verb_text=verb.form, speaker=(base + who[0], base + who[1]),
                  speaker_text=sent.text[who[0]:who[1]], initial=who[0] == 0)
    frame.claims.append((base + shown.end(), base + end))
    frame.attribution.append((base + match.start("who"), base + shown.end()))
    return frame


# "findings that Dr Bell has called flawed", "the report, which the firm called biased,": a
# claim named by its noun, then a relative clause whose subject gives it a denial's label
_LABELLED_NOUN = (r"(?:findings?|reports?|claims?|allegations?|accusations?|account|version|"
                  r"assessments?|conclusions?|figures?|estimates?|study|reading)")
_LABELLED_BY = re.compile(
    r"(?<![\w\u2019'-])(?P<np>(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]hese|[Tt]hose)\s+|"
    r"(?:[Tt]he\s+)?(?:[A-Z][\w\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]*[\u2019']s\s+)?"
    # (no verb before the noun: "the mill cited findings that ...": "findings")
    r"(?:(?!(?:\w+ed|is|are|was|were|has|have|had|said|says)\b)[\w-]+\s+){0,2}?"
    rf"{_LABELLED_NOUN})\s*,?\s+(?:that|which)\s+"
    r"(?P<who>(?:(?:the|a|an)\s+)?[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,4}?)\s+"
    r"(?:(?:has|have|had)\s+)?(?:(?:also|publicly|since|repeatedly)\s+)?$")


def relative_label(sent: Sentence, masked: str, verb: Verb, v0: int, v1: int,
                   lex: Lexicon) -> Frame | None:
    """"The mill cited findings that Dr Bell has called 'flawed'": Dr Bell denies the claim
    the findings name (an earlier claim, :mod:`kg.extract.anaphora`); None for any other
    form. Only "call" with a denial label (``denial_cues.tsv``, scope ``label``) after it,
    in quotation marks or not."""
    if verb.lemma != "call":
        return None
    match = _LABELLED_BY.search(masked[:v0])
    labels = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in lex.labels())
    label = re.match(rf"\s+[\u201c\u2018\"']?(?:\w+ly\s+)?(?:{labels})\b", sent.text[v1:], re.I) \
        if labels else None
    if match is None or label is None or re.match(r"(?i)(?:it|they|that|which)$",
                                                   match.group("who")):
        return None
    base = sent.start
    frame = Frame(kind="speech", verb=verb, verb_span=(base + v0, base + v1),
                  verb_text=verb.form, speaker=(base + match.start("who"),
                                                base + match.end("who")),
                  speaker_text=match.group("who"), anaphor=True)
    frame.claims.append((base + match.start("np"), base + match.end("np")))
    frame.attribution.append((base + match.end("np"), base + v1 + label.end()))
    return frame


def quote_comma(sent: Sentence, masked: str, v0: int) -> str:
    """``masked[:v0]``, with a closing quotation mark that follows a comma ('rejected the
    account as "a distortion," saying P': American punctuation puts the comma inside) turned
    into that comma, so that the rules for ", saying P" read it; the length is kept."""
    before = masked[:v0]
    match = re.search(r",[\u201d\x22](\s+)$", sent.text[:v0])
    if match is None or not before.endswith(("\u201d" + match.group(1), '"' + match.group(1))):
        return before
    at = len(before) - len(match.group(1)) - 1
    return before[:at] + "," + before[at + 1:]


__all__ = ["CLAIM_NOUNS", "INVERTING", "OBJECT_NOUN", "appositive_relative", "modal_object",
           "noun_after_preposition", "quote_comma", "refused_act", "relative_label",
           "shifted_object", "which_said_showed"]
