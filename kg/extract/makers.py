"""Who made material the writer presents with its maker: "logs kept by Harbour Rescue teams
show P", "a phone video filmed by a passenger shows P", "recordings published by the site
SkyWatch show P" (the "by" phrase of :func:`kg.extract.evidence.claim_frame`).

The phrase is resolved as any speaker phrase is; when that names no one, a name before a
plural common noun ("Harbour Rescue teams") is the body whose members made it, and an
indefinite description ("a passenger") someone new and unnamed, so that the material is not
left cited by the publisher alone; a description before a name ("the tracking site
SkyWatch") gives the name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.affiliation import capital

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord, ActorTable

# "Harbour Rescue teams", "the Coast Guard's crews": a name, then its members
_MEMBERS = re.compile(r"(?:the\s+)?([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)"
                      r"(?:[\u2019']s)?\s+[a-z]+s$")
# "the Geological Survey's seismograph network": its owner's
_OWNER = re.compile(r"(?:the\s+)?([A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|for))*)"
                    r"[\u2019']s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*")
# "a Border Police camera at the north gate", "the Lake Trust's gauge": an instrument of the
# body named before it, perhaps with where it stands
_DEVICE = re.compile(r"(?:an?\s+|the\s+)?"
                     r"([A-Z][\w\u2019'.&-]*(?:\s+(?:[A-Z][\w\u2019'.&-]*|of|for))*)\s+"
                     r"(?:[a-z][\w-]*\s+){0,2}(?:cameras?|sensors?|stations?|gauges?|monitors?|"
                     r"satellites?|radars?|buoys?|networks?|systems?)"
                     r"(?:\s+(?:at|in|on|near|off)\s+[^,;]{1,40})?")
# "the tracking site SkyWatch": a description, then the name
# (a nationality before the description: "the Belvanian company Tovar Aerostatics")
_DESCRIBED = re.compile(r"(?:the\s+|an?\s+)?(?:[A-Z][\w-]*(?:an|ian|ese|ish|i)\s+)?"
                        r"(?:[a-z][\w-]*\s+){1,3}"
                        r"([A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)")
_SOMEONE = re.compile(r"(?i)^an?\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})$")


# "filmed by a fan, Ivo Marr,": a description, then the maker's name set off by commas
_NAME_AFTER = re.compile(r",\s+([A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){1,3}),")


def named_maker(text: str, maker: str) -> tuple[str, int]:
    """The maker phrase ``maker`` of ``text`` and its offset there; the name after it instead
    when an indefinite description is set off by a name ("a video filmed by a fan, Ivo
    Marr, shows P": Ivo Marr made it)."""
    at = text.find(maker)
    if _SOMEONE.match(maker.strip()) and (name := _NAME_AFTER.match(text, at + len(maker))):
        return name.group(1), name.start(1)
    return maker, at


def material_maker(table: ActorTable, phrase: str, start: int,
                   sentence: int) -> ActorRecord | None:
    """The actor ``phrase`` (at offset ``start``) names as the maker of some material."""
    phrase = phrase.strip()
    if ("description", phrase.lower()) in table.keys:  # "a crew member" named so just before
        return table.records[table.keys[("description", phrase.lower())]]
    if (owner := _OWNER.fullmatch(phrase)) is not None:  # "the Survey's seismograph network"
        return table.resolve(owner.group(1), start + owner.start(1), sentence=sentence)
    if (device := _DEVICE.fullmatch(phrase)) is not None:  # "a Border Police camera at X"
        return table.resolve(device.group(1), start + device.start(1), sentence=sentence) or \
            table.organisation(device.group(1), "Organization")
    if (found := table.resolve(phrase, start, sentence=sentence)) is not None:
        return found
    if (members := _MEMBERS.fullmatch(phrase)) is not None:
        table.organisation(members.group(1), "Organization")  # (not a person's two names)
        return table.resolve(members.group(1), start + members.start(1), sentence=sentence)
    if (named := _DESCRIBED.fullmatch(phrase)) is not None:
        at = start + named.start(1)  # ("the photographer Ana Ruiz": a person, by the name)
        return table.resolve(named.group(1), at, sentence=sentence) or \
            table.organisation(named.group(1), "Organization")
    if (someone := _SOMEONE.match(phrase)) is not None:
        record = table.new_record(capital(someone.group(1)), "Person",
                                  ("description", phrase.lower()), confidence=0.5)
        record.named = False
        return record
    return None


__all__ = ["material_maker", "named_maker"]
