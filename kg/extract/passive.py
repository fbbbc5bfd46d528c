"""A passive denial: "The ministry's figure was disputed by the Harl Tenants Union" says that
the union disputes the figure. The frame reader skips a past participle followed by "by" (in
"shoppers questioned by the Gazette" or "a report released by X" no one speaks); a denying
verb in a passive clause that opens the sentence is the exception: the agent after "by"
speaks, and the subject is what it denies (read as a claim, or, for "X's figure", as the
claim referred to: :mod:`kg.extract.anaphora`).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The council's count was disputed by the Harl Tenants Union.",
    ...                 publisher="The Test Gazette")
    >>> [(s.actor, s.stance) for s in draft.statements]
    [('harl-tenants-union', 'denies')]
"""

from __future__ import annotations

import re

from kg.extract.frame import Frame
from kg.extract.lexicon import Verb
from kg.extract.sentences import Sentence

# the subject, its passive auxiliary, then the verb (matched on the text before the verb)
_SUBJECT = re.compile(r"^(?P<what>[A-Z][^,;]{2,80}?)\s+(?:was|were|has\s+been|have\s+been|"
                      r"had\s+been|is|are)\s+(?:also\s+|strongly\s+|flatly\s+)?$")
# the agent after "by", up to a comma or the end
_AGENT = re.compile(r"\s+by\s+(?P<who>(?:the\s+)?[A-Z][^,;]{1,80}?)(?=\s*[,;]|\.?\s*$)")


def passive_denial(sent: Sentence, masked: str, verb: Verb, v0: int, v1: int) -> Frame | None:
    """The frame of "SUBJECT was VERBED by AGENT" when the verb denies (offsets in
    ``masked``, the sentence with its quotations masked), else None."""
    if verb.stance != "denies" or verb.cls != "speech" or not verb.form.endswith("ed"):
        return None
    subject = _SUBJECT.match(masked[:v0])
    agent = _AGENT.match(masked, v1)
    if subject is None or agent is None:
        return None
    base = sent.start
    a0, a1 = agent.span("who")
    frame = Frame(kind="speech", verb=verb, verb_span=(base + v0, base + v1),
                  verb_text=verb.form, speaker=(base + a0, base + a1),
                  speaker_text=sent.text[a0:a1])
    frame.claims.append((base + subject.start("what"), base + subject.end("what")))
    frame.attribution.append((base + subject.end("what"), base + a1))
    return frame


__all__ = ["passive_denial"]
