"""Evidence items: merge the evidence mentions of one article and tie them to claims.

Two mentions are one item when they are of the same kind and were made, released or cited by
the same actor ("satellite images released by X" in one paragraph, "X released satellite
images" in another). A clause ("Article 4") is part of the most recent document mentioned
within two sentences ("the treaty"). A photo credit ("NAME/AGENCY via DISTRIBUTOR") is a
photograph taken by NAME for AGENCY that supports the caption's claims, the publisher's own
statements just above it.

Who released material is taken to have produced it too unless the text says otherwise; the
draft says so in a note, for the reviewer.
"""

from __future__ import annotations

import re

from kg.extract.evidence import EvidenceMention
from kg.extract.model import EvidenceRecord
from kg.extract.names import slug
from kg.extract.producers import possessive_before
from kg.extract.sentences import Sentence
from kg.extract.statements import Context

_CONFIDENCE = {"released": 0.8, "released-by": 0.75, "produced": 0.75, "cited": 0.7,
               "credit": 0.8}


def gather_evidence(ctx: Context, credits: list[EvidenceMention], sentences: list[Sentence],
                    skip: set[int]) -> list[EvidenceRecord]:
    """The evidence items of the draft; statements must already have their claim ids."""
    records: list[EvidenceRecord] = []
    latest_document: dict[int, EvidenceRecord] = {}
    for mention in sorted([*ctx.evidence, *credits], key=lambda m: m.span[0]):
        if mention.role == "credit":
            record = _credit(ctx, mention, sentences, skip)
            if record:
                records.append(record)
            continue
        record = _find(records, mention) or _named_again(ctx.text, records, mention)
        if record is None:
            record = EvidenceRecord(id=_ident(ctx, mention, records), kind=mention.kind,
                                    description=_describe(mention),
                                    confidence=_CONFIDENCE.get(mention.role, 0.6))
            records.append(record)
        _apply(ctx, record, mention)
        if mention.kind == "Document":
            latest_document[mention.sentence] = record
        if mention.role == "listed" and not record.part_of and \
                (parent := latest_document.get(mention.sentence)) is not None:
            # "The report ... lists water samples": part of the report, from its producer
            record.part_of = parent.id
            if parent.produced_by and not record.produced_by:
                record.produced_by = parent.produced_by
                record.notes.append(f"Listed in {parent.id}; taken to come from its producer.")
        if mention.role == "part" and (parent := _document_named(records, record,
                                                                 mention)) is not None:
            # "readouts, reproduced in the report, show P": the report's producer put them
            # there (and a maker read from "readouts from the A320" yields to it)
            record.part_of = parent.id
            if parent.produced_by:
                record.produced_by = parent.produced_by
                record.notes.append(f"Part of {parent.id}; taken to come from its producer.")
        if mention.kind == "DocumentClause" and not record.part_of:
            parent = next((latest_document[s] for s in range(mention.sentence,
                                                             mention.sentence - 3, -1)
                           if s in latest_document), None)
            if parent:
                record.part_of = parent.id
    for record in records:
        for actor in [record.produced_by, record.released_by, *record.cited_by]:
            if actor:
                ctx.table.mark_used(actor)
    return records


def _document_named(records: list[EvidenceRecord], record: EvidenceRecord,
                    mention: EvidenceMention) -> EvidenceRecord | None:
    """The latest document before ``record`` whose description ends in the noun of
    ``mention.actor_text`` ("the report")."""
    noun = (mention.actor_text or "").lower().split()[-1:]
    return next((r for r in reversed(records) if r is not record and r.kind == "Document" and
                 noun and noun[0].rstrip("s") in r.description.lower()), None)


_ASSUMED = ("The text says who released it; that the same actor produced it is an "
            "assumption.")


def _describe(mention: EvidenceMention) -> str:
    text = mention.description.strip(" ,.")
    return text[:1].upper() + text[1:]


def _ident(ctx: Context, mention: EvidenceMention, records: list[EvidenceRecord]) -> str:
    owner = ctx.table.records[mention.actor].name if mention.actor else ""
    words = [w for w in slug(mention.description).split("-")
             if w not in {"the", "a", "an", "its", "their", "his", "her", "of"}]
    base = slug(f"{owner} {' '.join(words[:4])}")[:60].strip("-") or "evidence"
    ident, n = base, 2
    while any(r.id == ident for r in records):
        ident, n = f"{base}-{n}", n + 1
    return ident


def _find(records: list[EvidenceRecord], mention: EvidenceMention) -> EvidenceRecord | None:
    for record in records:
        if any(a < mention.span[1] and mention.span[0] < b for a, b in record.spans):
            return record  # "a report published by X", cited by Y: the same words, one item
        if not same_kind(record.kind, mention.kind):
            continue
        actors = {record.produced_by, record.released_by, *record.cited_by} - {None}
        if mention.actor and mention.actor in actors and _same_material(record, mention):
            return record
        if not mention.actor and mention.description.lower() in record.description.lower():
            return record
        if mention.description.lower().startswith(("the ", "this ", "that ")) and \
                mention.role in {"cited", "released-by"}:
            return record  # "the footage": the video mentioned before
        if mention.description.lower().startswith(("the ", "these ", "those ")) and \
                mention.role == "produced" and record.produced_by is None and \
                _same_material(record, mention):
            return record  # "The samples were analysed by X.": the samples named before
    return None


def _named_again(text: str, records: list[EvidenceRecord],
                 mention: EvidenceMention) -> EvidenceRecord | None:
    """"the footage showed P" after "released drone footage": a definite article before the
    words read (the description leaves it out) names the latest item of the same kind whose
    description ends in the same noun."""
    words = text[mention.span[0]:mention.span[1]].lower().split()
    noun = mention.description.lower().split()[-1:]
    if len(words) < 2 or words[0] not in {"the", "this", "that", "these", "those"} or not noun:
        return None
    # (a specific kind is named again by another noun of it too: "the pictures" after
    # "three photographs of the diplomat"; not the generic "the data" after "the logs")
    return next((r for r in reversed(records) if same_kind(r.kind, mention.kind) and (
        _head(r.description) == noun or mention.kind not in _GENERIC_KINDS)), None)


# an ordinal or "another" before the noun: material other than what was named before
_ANOTHER = re.compile(r"(?i)(?:an?\s+|the\s+)?(?:second|third|fourth|fifth|another|further|"
                      r"separate)\s")
_GENERIC_KINDS = frozenset({"Evidence", "Document", "DocumentClause"})
# a kind and a narrower kind of it: "Images that X took show P" after "satellite images from
# X" (or "the satellite images" after "images X took") name the same material
_NARROWER = {"Photograph": "SatelliteImagery"}


def same_kind(known: str, kind: str) -> bool:
    """Whether material of ``kind`` can be an item of ``known`` kind: the same kind, or one
    kind and its narrower kind (the item then takes the narrower one, in ``_apply``)."""
    return known == kind or _NARROWER.get(known) == kind or _NARROWER.get(kind) == known


def _head(description: str) -> list[str]:
    """The head noun of a description: its last word before a phrase after the noun ("image"
    of "Still image from a Border Police camera at the gate"), as a list of at most one."""
    return re.split(r"\s+(?:from|of|at|in|on|to|dated|by|with|for)\s",
                    description.lower())[0].split()[-1:]


def _same_material(record: EvidenceRecord, mention: EvidenceMention) -> bool:
    """Whether a mention of the same kind by the same actor can be the same material: any
    for a specific kind ("Video"); for the generic kind "Evidence" ("data", "an inspection",
    "logs") only when the head nouns agree (an actor's inspection is not its data)."""
    if _ANOTHER.match(mention.description):
        return False  # "A third video" from the channel that posted the first two: another
    if mention.kind not in {"Evidence", "Document"}:
        return True  # (a body's notes are not its file: documents by their nouns too)
    head = mention.description.lower().split()[-1:] or [""]
    return head[0].rstrip("s") in record.description.lower()


def _apply(ctx: Context, record: EvidenceRecord, mention: EvidenceMention) -> None:
    if _NARROWER.get(record.kind) == mention.kind:
        record.kind = mention.kind  # "Images" then "the satellite images": satellite images
    if not any(a <= mention.span[0] and mention.span[1] <= b for a, b in record.spans):
        record.spans.append(mention.span)  # (one phrase read twice: cited by X, made by Y)
    actor = mention.actor
    if actor:
        if mention.role in {"released", "released-by"}:
            record.released_by = record.released_by or actor
            owner = _possessor(ctx, mention)
            if record.produced_by is None and owner is not None and owner != actor:
                # "Clean Shores released Harwick Labs' analysis": the lab made it
                record.produced_by = owner
            elif record.produced_by is None:
                record.produced_by = actor
                record.notes.append(_ASSUMED)
        elif mention.role == "produced":
            if record.produced_by and record.produced_by == record.released_by and \
                    _ASSUMED in record.notes:
                # the maker named after all ("released a log from a sensor that X had
                # mounted"): no need to assume the releaser made it
                record.notes.remove(_ASSUMED)
                record.produced_by = None
            record.produced_by = record.produced_by or actor
        elif actor not in record.cited_by and actor not in {record.produced_by,
                                                             record.released_by}:
            record.cited_by.append(actor)
    for index in mention.supports or []:
        statement = ctx.statements[index]
        if statement.claim and statement.claim not in record.supports:
            record.supports.append(statement.claim)
        if record.date is None and statement.date and mention.role in {"released", "produced"}:
            record.date, record.date_text = statement.date, statement.date_text
            record.date_basis = statement.date_basis


# "Harwick Labs' analysis", "the laboratory's certificates": whose the material is
_POSSESSOR = re.compile(r"^((?:[Tt]he\s+)?(?:[\w&.-]+\s+){0,3}?[\w&.-]+?)"
                        r"(?:[\u2019']s|(?<=s)[\u2019'])\s")


def _possessor(ctx: Context, mention: EvidenceMention) -> str | None:
    """The actor a possessive before the material names, when the table knows it."""
    match = _POSSESSOR.match(mention.description)
    # ("Referee Tomas Heide's match report, released by X": the rule that read it kept the
    # noun only; the possessive is just before it)
    phrase = match.group(1) if match else possessive_before(ctx.text, mention.span[0])
    if phrase is None or phrase.lower() in {"its", "their", "his", "her", "our"}:
        return None
    owner = ctx.table.owner(phrase, mention.sentence, mention.span[0])
    return owner.id if owner is not None else None


def _credit(ctx: Context, mention: EvidenceMention, sentences: list[Sentence],
            skip: set[int]) -> EvidenceRecord | None:
    photographer, agency, distributor = mention.extra
    table = ctx.table
    agency_actor = table.outlet(agency) if agency else None
    person = None
    if photographer:
        person = table.resolve(photographer.title() if photographer.isupper() else
                               " ".join(w.title() if w.isupper() else w
                                        for w in photographer.split()),
                               mention.span[0], sentence=mention.sentence)
        if person is not None:
            person.add_form(photographer)
            if person.kind != "Person":
                person.kind = "Person"
            if agency_actor and not person.acts_for:
                person.acts_for = agency_actor.id
    caption = _caption_claims(ctx, mention.sentence, sentences, skip)
    record = EvidenceRecord(
        id=slug(f"{agency or 'photo'} photograph {mention.sentence}"), kind="Photograph",
        description="Photograph above the caption: " + (caption[1] if caption[1] else
                                                        mention.description),
        spans=[mention.span], produced_by=person.id if person else None,
        released_by=agency_actor.id if agency_actor else None,
        supports=caption[0], confidence=0.7)
    if ctx.publisher:
        record.cited_by.append(ctx.publisher.id)
    if distributor:
        record.notes.append(f"Distributed via {distributor} (credit line).")
    return record


def _caption_claims(ctx: Context, at: int, sentences: list[Sentence],
                    skip: set[int]) -> tuple[list[str], str]:
    """The publisher's own claims in the paragraph just above a credit line."""
    above = [s for s in sentences if s.index < at and s.index not in skip]
    if not above:
        return [], ""
    paragraph = above[-1].paragraph
    indices = {s.index for s in above if s.paragraph == paragraph}
    claims = [s.claim for s in ctx.statements
              if s.sentence_index in indices and s.own_voice and s.claim]
    first = next((s for s in ctx.statements if s.sentence_index in indices and s.own_voice),
                 None)
    return list(dict.fromkeys(c for c in claims if c)), (first.claim_text if first else "")


__all__ = ["gather_evidence"]
