"""Where material first appeared: "The video first appeared at 17:52 on Sunday on Voice of
Kessin, a Telegram channel", "The footage was first posted on X by an account called Y",
"The clip surfaced on Kessel Today". A verification desk traces a clip back to its first
upload, and whoever put it out there released it: the channel or account it appeared on. When
the text names no one who filmed it, that first release is all the draft can say of where the
material came from (gather.py takes who released it to have produced it, with a note).

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The video first appeared on Sunday on Voice of Kessel, a Telegram "
    ...                 "channel.", publisher="The Test Gazette")
    >>> [(e.kind, e.released_by) for e in draft.evidence]
    [('Video', 'voice-of-kessel')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

# the material (a definite or indefinite noun phrase opening the sentence), "first" or not, a
# verb of appearing or posting, when, then "on" and the channel's proper name
_FIRST_ON = re.compile(
    r"^(?P<what>(?:The|A|An|This|That)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:was\s+|were\s+)?"
    r"(?:first\s+|originally\s+)?(?:appeared|surfaced|emerged|posted|uploaded|published|"
    r"shared|circulated)\b(?P<when>[^,;]{0,60}?)\s+(?:on|to)\s+"
    r"(?P<who>[A-Z][\w\u2019'.&-]*(?:\s+(?:of\s+)?[A-Z][\w\u2019'.&-]*){0,4})(?=[,.;]|\s*$)")


def first_upload(ctx: Context, sent: Sentence) -> list[ev.EvidenceMention]:
    """The material ``sent`` says first appeared on a named channel, released by that channel
    (see the module text); none when the channel names no actor or is a platform."""
    match = _FIRST_ON.match(sent.text)
    if match is None:
        return []
    kind = ev.evidence_kind(match.group("what"), ctx.lex)
    if kind not in {"Video", "Photograph"}:
        return []
    who = match.group("who")
    if who in _NOT_CHANNELS:
        return []  # ("first appeared on Telegram", "on Sunday": where or when, not who)
    # (with what the text says it is: "Voice of Kessel, a Telegram channel run by ...")
    said = re.match(r",\s+((?:an?|the)\s+[^,;]{2,80})", sent.text[match.end("who"):])
    channel = ctx.table.resolve(who, sent.start + match.start("who"), sentence=sent.index,
                                appositive=said.group(1) if said else None)
    if channel is None or (ctx.publisher is not None and channel.id == ctx.publisher.id):
        return []
    span = (sent.start + match.start("what"), sent.start + match.end("what"))
    return [ev.EvidenceMention(kind, ctx.text[span[0]:span[1]], span, "released", sent.index,
                               actor=channel.id)]


# platforms, not channels (material posted "on X" was released by the account, not the
# site), and days
_NOT_CHANNELS = frozenset({"Telegram", "X", "Twitter", "Facebook", "Instagram", "TikTok",
                        "YouTube", "WhatsApp", "Reddit", "Weibo", "VK", "Snapchat", "Sunday",
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"})

__all__ = ["first_upload"]
