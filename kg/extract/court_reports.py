"""Forms of court reporting (and of reported speech generally) that the attribution frames
read with help from here.

A defendant's denial of the charges: "X denies criminal damage and obstructing the railway",
"X denies two counts of fraud", "X pleaded not guilty to both charges". Court reports name the
offence as the object of "denies", a longer phrase than the short objects ("denies
wrongdoing") that :mod:`kg.extract.attribution` takes; and a plea of not guilty is the
defendant's denial of what the charges describe (the reporting verb "plead", stance denies).

A quotation reported inside another report: 'She said that when Reed was questioned he told
officers: "I was at home."' The quoted words are the inner speaker's (the officer who relays
them is no outlet), so the inner verb opens a frame of its own, as a new speaker after "but"
does (``_NEW_SPEAKER`` in :mod:`kg.extract.attribution`), its subject read from the words
after the outer clause's start.
"""

from __future__ import annotations

import re

# words that name an offence or a charge, so that the object of "denies" is the accusation
_OFFENCE = re.compile(r"\b(?:charges?|counts?|offences?|offenses?|murder|manslaughter|assault|"
                      r"fraud|theft|robbery|burglary|arson|damage|obstructing|causing|"
                      r"possession|possessing|conspiracy|conspiring|harassment|stalking|"
                      r"dangerous\s+driving|bribery|blackmail|kidnapping|wounding|"
                      r"misconduct|perverting|attempted|trafficking|supplying|rape)\b", re.I)
# a plea of not guilty ("pleaded guilty" admits: no denial, and no claim read)
_PLEA = re.compile(r"^not\s+guilty\b", re.I)


def charge_denied(lemma: str, text: str) -> bool:
    """Whether ``text``, the object of ``lemma`` ("deny", "plead"), is a charge denied or a
    plea entered (up to ten words: a longer object is more than the charge)."""
    if len(text.split()) > 10:
        return False
    if lemma == "plead":
        return _PLEA.match(text.strip()) is not None
    return lemma == "deny" and _OFFENCE.search(text) is not None


# the inner speaker: a pronoun or a capitalised name straight before the verb, not at the
# start of the sentence (there it is the outer speaker), with the clause of time that opens
# the inner report ("when Reed was questioned he told"), which the outer speaker states no
# more than the quotation
_SUBJECT = re.compile(r"(?<=\s)(?:(?:when|after|as|while|once|before)\s+[^,:;]*?\s+)?"
                      r"(?P<subj>he|she|they|[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,3})"
                      r"\s+(?:(?:had|has|then|later)\s+)?$")
# a name inside the outer clause, after a lower-case word (not the outer speaker)
_NAMED_BEFORE = re.compile(r"(?<=[a-z]\s)[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,3}"
                           r"(?=\s+[a-z])")
# after the verb: at most three words of its object ("officers", "the court"), then a colon
# and a quotation
_COLON_QUOTE = re.compile(r"(?:\s+[\w\u2019'-]+){0,3}?\s*:\s*[\u201c\"]")


def nested_quote(masked: str, v0: int, v1: int) -> re.Match[str] | None:
    """The inner speaker before the verb at ``v0``-``v1`` of ``masked`` when the verb
    introduces a quotation after a colon, inside an earlier report's clause; else None."""
    if _COLON_QUOTE.match(masked, v1) is None:
        return None
    return _SUBJECT.search(masked[:v0])


def blank_nested(masked: str, speaker: re.Match[str] | None) -> str:
    """``masked`` with the words before a nested speaker (of :func:`nested_quote`) blanked,
    so that the inner verb's subject is that speaker, not the outer clause."""
    if speaker is None or speaker.re is not _SUBJECT:
        return masked
    start = speaker.start("subj")
    names = list(_NAMED_BEFORE.finditer(masked, speaker.start(), start))
    if speaker.group("subj") in {"he", "she", "they"} and names:
        named = names[-1]
        # "when Reed was questioned he told officers": the pronoun is the person just named
        # (the words between blanked, so that the name is the verb's subject)
        return " " * named.start() + named.group(0) + " " * (speaker.end() - named.end()) + \
            masked[speaker.end():]
    return " " * start + masked[start:]
