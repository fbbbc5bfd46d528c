"""What a body's published recordings show: "the fire service published photographs of debris
recovered from the site", "bloggers have posted videos of the trucks being loaded".

A release verb whose object is a recording "of" something says, for the one who released it,
that the recording shows that thing (as "released images showing P" does: the seed's "released
satellite images appearing to show P"); the words after "of" are the claim, up to a closing
time adjunct ("since the spring", "on Tuesday") that says when the recordings came out, not
what they show. Written material ("published a report of its findings") is left to the other
rules ("images showing P" to :func:`kg.extract.evidence.shown_claim`), and so is a recording of
a thing with no participle to make it an event ("posted videos of the aftermath": the
writer's own account of who posted what).

Example:
    >>> recording_of("The service published photographs of debris recovered from the site.", 21)
    (37, 67)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.frame import Frame
    from kg.extract.sentences import Sentence

# a recording, perhaps with a word or two before it ("new photographs", "two videos"), then "of"
_RECORDING_OF = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:photographs|photos|pictures|images|"
                           r"videos?|footage|clips?|recordings?)\s+of\s+")
# when the recordings came out, closing the sentence: "since the spring", "on Tuesday"
_WHEN_END = re.compile(r"\s+(?:since|on|in|last|earlier|this|over)\s+(?:the\s+)?[\w-]+"
                       r"(?:\s+[\w-]+)?\s*$")

# a participle that makes the thing recorded an event: "debris recovered from the site",
# "the trucks being loaded"
_EVENT = re.compile(r"\b(?:being\s+)?[a-z]{3,}(?:ed|ing|en)\b")


def recording_of(text: str, after: int) -> tuple[int, int] | None:
    """The offsets in ``text`` of what the recording right after ``after`` (the end of a
    release verb) is of, or None when no recording "of" something follows."""
    match = _RECORDING_OF.match(text, after)
    if match is None:
        return None
    end = len(text.rstrip(" .;"))
    if (when := _WHEN_END.search(text[:end], match.end())) is not None:
        end = when.start()
    if not _EVENT.search(text, match.end(), end):
        return None  # "videos of the aftermath": a thing recorded, no event it shows
    return match.end(), end


def released_recording(sent: Sentence, frame: Frame) -> tuple[int, int] | None:
    """:func:`recording_of` after a release frame's verb, in ``sent.text``'s offsets."""
    return recording_of(sent.text, frame.verb_span[1] - sent.start) if frame.verb_span else None


__all__ = ["recording_of", "released_recording"]
