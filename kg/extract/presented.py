"""Evidence a sentence presents around its statements: the document a speaker spoke "in"
("said in a report published on Friday that P"), material named inside what was said ("had
collected accounts", "had tested samples"), the object of a release or cite verb, and
material named with its maker ("images released by X", "sequencing at X's laboratory").

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Harbour Foods said its own laboratory had tested samples from the "
    ...                 "batch and found no trace of the virus.", publisher="The Test Gazette")
    >>> [(e.produced_by, e.kind) for e in draft.evidence]
    [('harbour-foods', 'Evidence')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.actors import ActorRecord
from kg.extract.analysed import analysed_material
from kg.extract.documents import owned_material
from kg.extract.frame import Frame
from kg.extract.makers import material_maker
from kg.extract.model import Span
from kg.extract.producers import (
    authored,
    body_of,
    outlet_named_before,
    part_of_document,
    whose_material,
    workplace,
)
from kg.extract.sentences import Sentence

if TYPE_CHECKING:
    from kg.extract.statements import Context

_IN_DOCUMENT = re.compile(r"\bin\s+((?:an?|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?:report|study|analysis|paper|filing|letter|audit|assessment|"
                          r"submission)"
                          r"(?:\s+(?:published|released|issued|posted|filed)\b[^,]*?)?)"
                          r"(?=\s+that\b|\s*,|\s*$)")

# "In an email to managers dated 3 May, X wrote that P": the document opens the sentence
# ("In emails seen by the Gazette, X warned that P": a plural needs no determiner)
_LEADING_DOCUMENT = re.compile(r"^In\s+((?:(?:an?|the|its|their|his|her)\s+|(?=\w+s\b))"
                               r"(?:[\w-]+\s+){0,2}?"
                               r"(?:email|e-mail|letter|memo|memorandum|message|report|filing)s?"
                               r"(?:\s+[^,]{1,60}?)?),\s+")
# "the trust's own infection figures": the material's owner
# ", filmed by the photographer Ana Ruiz and shared ...": who made the material just named
_MADE_AFTER = re.compile(r",?\s+(?:filmed|taken|shot|recorded|made|kept|compiled|written|"
                         r"produced)\s+by\s+((?:the\s+|an?\s+)?[^,;]{2,60}?)"
                         r"(?=\s+(?:and|which|that|on|in|at|during)\b|[,;.]|$)")
_POSSESSOR = re.compile(r"^((?:the\s+)?[\w.&-]+(?:\s+[A-Z][\w.&-]*)*)[\u2019']s\s+(?:own\s+)?\w")
# ", an accredited laboratory in Brenford,": a description of the maker set off by commas
_ASIDE = re.compile(r",\s+((?:an?|the)\s+[a-z][^,;()]{2,60}?),")
# a body's name before a plural noun for its people ("Harbour Watch researchers")
_STAFF = re.compile(r"((?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)\s+"
                    r"(?:researchers|investigators|inspectors|staff|officials|engineers|"
                    r"reporters|analysts|auditors|scientists|experts)")


def vehicle(ctx: Context, sent: Sentence, frame: Frame,
            speaker: ActorRecord) -> ev.EvidenceMention | None:
    """"X said in a report published on Friday that P" ("P, X said in a report ...", "In an
    email dated 3 May, X wrote P"): the report, made by the speaker, is offered for P."""
    if not frame.verb_span or not frame.claims:
        return None
    # "P, X said in a report published on Tuesday.": the claim first, the report after
    between = ctx.text[frame.verb_span[1]:frame.claims[0][0]] if \
        frame.claims[0][0] >= frame.verb_span[1] else \
        ctx.text[frame.verb_span[1]:sent.end].rstrip(" .")
    match = _IN_DOCUMENT.search(between)
    at = frame.verb_span[1] + match.start(1) if match else 0
    if match is None and frame.speaker and (lead := _LEADING_DOCUMENT.match(sent.text)) and \
            sent.start + lead.end() == frame.speaker[0] and not _to_outlet(ctx, sent, lead):
        match, at = lead, sent.start + lead.start(1)  # "In an email dated 3 May, X wrote P"
    if match is None or (kind := ev.evidence_kind(match.group(1), ctx.lex)) is None:
        return None
    return ev.EvidenceMention(kind, match.group(1), (at, at + len(match.group(1))), "produced",
                              sent.index, actor=speaker.id)


def _to_outlet(ctx: Context, sent: Sentence, lead: re.Match[str]) -> bool:
    """"In a letter to the Gazette, X said": a letter to a news outlet is how X spoke to
    the press (as "told the Gazette"), not a document offered as evidence."""
    to = re.search(r"\bto\s+((?:the\s+)?[A-Z][\w\u2019'.&-]*(?:\s+[A-Z][\w\u2019'.&-]*)*)",
                   lead.group(1))
    if to is None:
        return False
    found = ctx.table.resolve(to.group(1), sent.start + lead.start(1) + to.start(1),
                              sentence=sent.index)
    return found is not None and found.kind == "NewsOutlet"


def inline(ctx: Context, sent: Sentence, span: Span, speaker: ActorRecord,
           group: int) -> list[ev.EvidenceMention]:
    """Material named inside what ``speaker`` said (``span``): theirs, supporting the
    statement of ``group`` it sits in (the first, when it sits in none)."""
    found = ev.inline_mentions(ctx.text[span[0]:span[1]], span[0], sent.index, ctx.lex)
    indices = [i for i, s in enumerate(ctx.statements) if s.group == group]
    for mention in found:
        mention.actor = speaker.id
        mention.supports = [i for i in indices
                            if ctx.statements[i].span[0] <= mention.span[0]
                            < ctx.statements[i].span[1]] or indices[:1]
    return found


def object_evidence(ctx: Context, sent: Sentence, frame: Frame, speaker: ActorRecord,
                    role: str) -> ev.EvidenceMention | None:
    """The material a release or cite verb takes ("released satellite images"), added to
    ``ctx`` when it names evidence."""
    assert frame.obj is not None
    mention = ev.object_mention(ctx.text[frame.obj[0]:frame.obj[1]], frame.obj[0], sent.index,
                                role, ctx.lex)
    if mention:
        mention.actor = speaker.id
        # cited material supports the sentence's own claims, set once they are read
        mention.supports = None if role == "cited" else []
        ctx.evidence.append(mention)
        ctx.table.mark_used(speaker.id)
        if role == "cited" and (owner := _POSSESSOR.match(mention.description)) and (
                maker := ctx.table.resolve(owner.group(1), mention.span[0],
                                           sentence=sent.index)) is not None and \
                maker.id != speaker.id and maker.kind != "NewsOutlet":
            # "the union pointed to the trust's own figures": cited by the union, made by
            # the trust
            ctx.evidence.append(ev.EvidenceMention(mention.kind, mention.description,
                                                   mention.span, "produced", sent.index,
                                                   actor=maker.id))
            ctx.table.mark_used(maker.id)
        elif role == "cited" and (made := _MADE_AFTER.search(ctx.text, frame.obj[0], sent.end)) \
                and made.start() <= frame.obj[1] and (
                maker := material_maker(ctx.table, made.group(1), made.start(1),
                                        sent.index)) is not None and maker.id != speaker.id:
            # "the union cited a video clip, filmed by the photographer Ana Ruiz": cited by
            # the union, made by Ana Ruiz
            ctx.evidence.append(ev.EvidenceMention(mention.kind, mention.description,
                                                   mention.span, "produced", sent.index,
                                                   actor=maker.id))
            ctx.table.mark_used(maker.id)
    return mention


_SHOWS = re.compile(r"\s+(?:shows?|showed|appears?\s+to\s+show|suggests?|suggested|"
                    r"reveals?|revealed|indicates?|indicated)\b")


def passive_evidence(ctx: Context, sent: Sentence) -> list[ev.EvidenceMention]:
    """Material named with its maker ("images released by X", "taken by X", "sequencing at
    X's laboratory"), and what a document is said to list."""
    found = ev.released_by(sent.text, sent.start, sent.index, ctx.lex) + \
        ev.made_later(sent.text, sent.start, sent.index, ctx.lex)
    by_author = authored(sent.text, sent.start, sent.index, ctx.lex) + \
        whose_material(sent.text, sent.start, sent.index, ctx.lex)  # "a report by X"
    performed = ev.performed_at(sent.text, sent.start, sent.index, ctx.lex)
    for mention in [*found, *by_author, *performed]:
        at = mention.actor_at or mention.span[1]
        after = (mention.actor_at or 0) - sent.start + len(mention.actor_text or "")
        # "Kestrel Labs, an accredited laboratory,": what the maker is (so that "the lab"
        # names it later)
        aside = _ASIDE.match(sent.text, after) if mention.actor_text else None
        # "Harbour Watch researchers": made by the body's people, for the body named
        staff = _STAFF.fullmatch(mention.actor_text or "")
        maker = workplace(mention.actor_text or "")  # ("doctors at the X Hospital": X)
        at += (mention.actor_text or "").find(maker) if maker != mention.actor_text else 0
        actor = outlet_named_before(ctx.table, maker, sent.index, at, ctx.publisher.id if
                                    ctx.publisher else None) or \
            ctx.table.resolve(staff.group(1) if staff else maker, at, sentence=sent.index,
                              appositive=aside.group(1) if aside else None)
        if actor is None and mention.actor_text:  # ("the data provider X", "a passenger")
            actor = material_maker(ctx.table, mention.actor_text or "", at, sent.index)
        if actor is not None:  # ("obtained by its investigators": the body's)
            actor = body_of(ctx.table, actor, mention.actor_text or "")
        if actor is not None and actor.kind == "NewsOutlet" and mention in by_author:
            actor = None  # ("a report by the Coastal Herald says P": a relay, kg/extract/relays.py)
        mention.actor = actor.id if actor else None
        # "footage posted online by X shows P": the material, as the subject of a verb of
        # showing, supports what the sentence says it shows (set by the pipeline)
        mention.supports = None if mention.actor_text and _SHOWS.match(sent.text, after) else []
    found += by_author
    for mention in performed:  # a test made here supports the sentence's own statements
        mention.supports = None  # (set by the pipeline)
    found += performed
    found += owned_material(ctx, sent)  # "X's own logs ... show P": X made them
    found += analysed_material(ctx, sent)  # "X said P, after analysing readings from Y"
    # what a document lists supports what the sentence says of it (set by the pipeline)
    # ("readouts, reproduced in the report, show P": the report's; kg/extract/gather.py)
    parts = part_of_document(sent.text, sent.start, sent.index, ctx.lex)
    return [m for m in found if m.actor] + ev.listed_in(sent.text, sent.start, sent.index,
                                                        ctx.lex) + parts


__all__ = ["inline", "object_evidence", "passive_evidence", "vehicle"]
