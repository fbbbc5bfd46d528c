"""The rest of an interview: "Speaking to Radio Nord, Ana Holt said P. 'Q,' she said. She said
R." A speaker who told an outlet something, then goes on in the next sentences with only a
pronoun and "said" (or a quotation that continues hers), is still speaking in that interview:
news writing names the outlet once, where the interview is first quoted, and the sentences
after it carry the same relay. Without it only the first sentence reached the reader through
the outlet, and the others seemed said to the publisher.

The carry stops at the first sentence with another speaker (or none), at a sentence that
names its own outlet or its speaker by name ("Holt said" may open a new occasion), at a verb
other than one of saying ("She declined to say whether P", "he told reporters"), and at a
sentence more than one after the last one carried.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Ana Holt told Radio Nord that the dam was safe. She said the gates "
    ...                 "were shut.", publisher="The Test Gazette")
    >>> [[r.outlet for r in s.relay] for s in draft.statements]
    [['radio-nord', 'test-gazette'], ['radio-nord', 'test-gazette']]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.model import RelayStep, StatementRecord

# the speaker named again only by a pronoun (or "the ministry"): the same occasion
_PRONOUNS = {"he", "she", "they"}
# verbs that go on with what was being said ("declined to say", "told reporters": another act,
# another audience); a denial or an admission answers within the same interview ("She told
# Radio Nord that P. She denied that Q.")
_SAYING = {"said", "says", "added", "adds", "adding", "saying", "continued", "went on",
           "suggested", "insisted", "argued", "explained", "noted", "stressed", "denied",
           "denies", "admitted", "confirmed"}
_CONTINUED = "continues the previous speaker's quotation"
# a body named again by its head noun (not "the person", "the man": a person may be named so
# on another occasion, as by name)
_THE_NOUN = re.compile(r"(?i:the)\s+(?:ministry|department|agency|office|government|council|"
                       r"company|firm|authority|embassy|committee|commission|board|service|"
                       r"administration|army|navy|military|police|regulator)")


def _outlets(mention: StatementRecord, publisher: str | None) -> list[RelayStep]:
    return [step for step in mention.relay if step.outlet != publisher]


def _by_pronoun(mention: StatementRecord, text: str) -> bool:
    """Whether the speaker of ``mention`` is named only by a pronoun, with a verb of saying
    (or a quotation that continues the previous speaker's, with no verb of its own)."""
    if mention.speaker_span is None:
        return _CONTINUED in mention.cues
    words = text[slice(*mention.speaker_span)].strip()
    # (or a body's head noun alone, which refers back as a pronoun does: "the ministry")
    return (words.lower() in _PRONOUNS or bool(_THE_NOUN.fullmatch(words))) and \
        (mention.verb or "").lower() in _SAYING


def carry_interview_relays(mentions: list[StatementRecord], text: str,
                           publisher: str | None) -> None:
    """Give the outlets of a statement made to an outlet to the same speaker's statements in
    the sentences right after it that name the speaker by a pronoun and no outlet of their
    own (see the module docstring)."""
    by_sentence: dict[int, list[StatementRecord]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_index, []).append(mention)
    carried: dict[int, tuple[str, list[RelayStep]]] = {}  # sentence -> (speaker, outlets)
    for index in sorted(by_sentence):
        # (the publisher's own words beside a quotation interrupt no one: "..., where P,")
        group = [m for m in by_sentence[index] if not m.own_voice]
        speakers = {m.actor for m in group}
        if len(speakers) != 1:
            continue
        speaker = next(iter(speakers))
        own = next((steps for m in group if (steps := _outlets(m, publisher))), None)
        if own is not None:
            carried[index] = (speaker, own)
            continue
        before = carried.get(index - 1)
        if before is None or before[0] != speaker or \
                not all(_by_pronoun(m, text) for m in group):
            continue
        for mention in group:
            mention.relay = [replace(step, span=None) for step in before[1]] + mention.relay
            mention.cues.append("relay carried from the interview just before")
        carried[index] = before


__all__ = ["carry_interview_relays"]
