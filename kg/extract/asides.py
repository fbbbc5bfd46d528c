"""An aside between a speaker and the reporting verb that says whom the speaker spoke to: "A
nurse on the ward, speaking anonymously to Valley TV News on Monday, said P". The aside is
blanked before the speaker phrase is read (else the phrase before the verb is the aside, and
no one speaks), and the outlet it names relays what the speaker said, as "told X" would.

A description with its own relative clause is blanked too: "Ivo Sand, a ferryman who said
he saw it, told X that P" is Ivo Sand telling X P; so is where the words were heard: "The
pilot, heard in recordings published by X, told controllers P" is the pilot speaking; and why
the speaker is unnamed: "A diplomat who requested anonymity because the report is not public
said P" is the diplomat saying P, and so is "A miner, speaking on condition of anonymity, told
X that P".

A passive report is read the same way: "The warden, Ola Brenn, was quoted by the weekly
Nordposten as saying that P" is Ola Brenn saying P, relayed by Nordposten ("saying" is read as
the verb "said"; the words are left as written, only the copy the frames are read from changes),
and so is "Ola Brenn was quoted as saying by the weekly Nordposten that P".

Example:
    >>> from kg.extract import extract
    >>> draft = extract("A nurse, speaking anonymously to Valley TV News, said staff were "
    ...                 "tired.", publisher="The Test Gazette")
    >>> [(s.actor, [r.outlet for r in s.relay]) for s in draft.statements]
    [('a-nurse', ['valley-tv-news', 'test-gazette'])]
"""

from __future__ import annotations

import re

# ", speaking (anonymously) to NAME (on Tuesday)," just before the verb
SPEAKING_TO = re.compile(r",\s+(?:speaking|talking)\s+(?:[a-z]+ly\s+)?(?:to|with)\s+"
                         r"(?P<to>(?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)"
                         r"[^,;\u201c\u201d\"]{0,60},(?=\s+\w)")


# " was quoted by NAME as " just before "saying"
QUOTED_BY = re.compile(r",?\s+(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+by\s+"
                       r"(?P<to>(?:the\s+)?[\w\u2019'.&-]+(?:\s+[\w\u2019'.&-]+){0,6}?)\s+as\s+"
                       r"(?=saying\b)")


# " was quoted as saying by NAME" before "that P" or a comma: the same report, the outlet
# named after the verb (the verb is moved to the front of the blanked copy, so the words after
# the outlet are the claim and the outlet is not read as its first words)
QUOTED_AS_BY = re.compile(r",?\s+(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+as\s+"
                          r"saying\s+by\s+(?P<to>(?:the\s+)?[\w\u2019'.&-]+"
                          r"(?:\s+[\w\u2019'.&-]+){0,6}?)(?=\s*,|\s+that\b)")


# ", a boatman who said he was there," after a name: a description of who the speaker is, with
# its own relative clause; the verb after it is the speaker's ("NAME, a ferryman who said he
# saw it, told X that P": NAME told X P; the clause only says why NAME is a witness)
_WITNESS = re.compile(r"(?<=[a-z]),\s+an?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+who\s+"
                      r"[^,;\u201c\u201d\"]{3,120},(?=\s+(?:told|said|says|tells)\b)")


# ", heard in recordings published by X," after a speaker: where the words were heard (the
# recording is the evidence; the speaker still speaks)
_HEARD = re.compile(r"(?<=[a-z]),\s+(?:heard|seen|recorded|filmed)\s+(?:in|on)\s+"
                    r"[^,;\u201c\u201d\"]{3,100},(?=\s+(?:told|said|says|tells|asked|warned)\b)")


# ", who first reported the leak," after a speaker's description: a non-restrictive relative
# clause between the subject and the verb says who the speaker is ("Dr Ann Lee, the head of
# surgery, who first noticed the leak, said P": Ann Lee said P; without the blank the phrase
# before the verb is the description alone, and the person goes unnamed)
_WHO_ASIDE = re.compile(r"(?<=[\w\u2019],)\s+who\s+[^,;\u201c\u201d\"]{3,150},"
                        r"(?=\s+(?:told|said|says|tells|added|warned)\b)")
# only after a description set off by commas ("NAME, the head of surgery,"): "NAME, who runs
# the clinic, said" is read by the relative-clause rules as it is
_AFTER_DESCRIPTION = re.compile(r",\s+(?:the|a|an|its|his|her|their)\s+[^,;]+,$")


# " who requested anonymity because the report is not public" between a speaker and the verb,
# commas or not: why the speaker is unnamed, no statement (wire style: "An official who spoke
# on condition of anonymity because he was not authorized to discuss it said P")
_ANONYMITY = re.compile(
    r",?\s+who\s+(?:requested|asked\s+for|was\s+granted|were\s+granted|insisted\s+on|"
    r"spoke\s+on\s+(?:the\s+)?condition\s+of|declined\s+to\s+be\s+(?:named|identified)|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified))"
    r"(?:\s+anonymity)?(?:\s+(?:because|as|since|to)\b[^;\u201c\u201d\"]{0,150}?)?,?"
    r"(?=\s+(?:told|said|says|tells|added|warned)\b)")


# ", speaking on condition of anonymity," between a speaker and the verb, as a participle:
# why the speaker is unnamed ("A miner working at the pit, speaking on condition of anonymity,
# told X that P"), no statement of the writer's; ", speaking anonymously to NAME," names an
# outlet as well, and is SPEAKING_TO
_ANONYMOUS_ASIDE = re.compile(
    r",\s+(?:(?:speaking|talking)\s+(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|"
    r"anonymously|off\s+the\s+record)|(?:requesting|asking\s+for|granted)\s+anonymity|"
    r"(?:declining|asking\s+not)\s+to\s+be\s+(?:named|identified))"
    r"(?:\s+(?:because|as|since)\b[^;\u201c\u201d\"]{0,150}?)?,"
    r"(?=\s+(?:told|said|says|tells|added|warned)\b)")


def speaking_to(masked: str, verb_start: int) -> re.Match[str] | None:
    """The aside that ends right before the verb at ``verb_start`` (offsets in ``masked``), or
    the "was quoted as saying by NAME" whose blanked copy holds that verb."""
    return next((m for pattern in (SPEAKING_TO, QUOTED_BY) for m in pattern.finditer(masked)
                 if m.end() <= verb_start and not masked[m.end():verb_start].strip()),
                next((m for m in QUOTED_AS_BY.finditer(masked)
                      if m.start() <= verb_start < m.end()), None))


def blank_asides(masked: str) -> str:
    """``masked`` with every such aside turned to spaces (offsets kept), and the "saying"
    after "was quoted by X as" turned to "said" (padded to the same length)."""
    masked = SPEAKING_TO.sub(lambda m: " " * len(m.group(0)), masked)
    masked = _WITNESS.sub(lambda m: " " * len(m.group(0)), masked)
    masked = _HEARD.sub(lambda m: " " * len(m.group(0)), masked)
    masked = _WHO_ASIDE.sub(lambda m: " " * len(m.group(0)) if _AFTER_DESCRIPTION.search(
        m.string, 0, m.start()) else m.group(0), masked)
    masked = _ANONYMITY.sub(lambda m: " " * len(m.group(0)), masked)
    masked = _ANONYMOUS_ASIDE.sub(lambda m: " " * len(m.group(0)), masked)
    masked = QUOTED_AS_BY.sub(lambda m: " said".ljust(len(m.group(0))), masked)
    return re.sub(QUOTED_BY.pattern + r"saying\b", lambda m: " " * (len(m.group(0)) - 6) +
                  "said  ", masked)


__all__ = ["QUOTED_AS_BY", "QUOTED_BY", "SPEAKING_TO", "blank_asides", "speaking_to"]
