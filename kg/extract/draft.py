"""Write a draft as a case file in the authoring format (``docs/authoring.md``), and as JSON.

The YAML is a valid case: it compiles and loads without edits. What a reviewer needs to
check each item sits in a comment line above it: the character offsets of the words it was
read from, an excerpt, its confidence, and the cues that decided its stance. Items whose
confidence is below the draft's threshold get a ``# REVIEW`` line saying why. Comments are
not data, so the format needs no new fields; the JSON form (:func:`draft_to_dict`) carries
the same offsets and confidences as fields, for programs.

Example:
    >>> from kg.extract.pipeline import extract
    >>> draft = extract("Acme Corp denied that its plant had leaked chemicals.",
    ...                 publisher="The Daily Example", date="2025-01-02")
    >>> text = draft_yaml(draft)
    >>> "stance: denies" in text and "# chars 22-52" in text
    True
"""

from __future__ import annotations

import json
import re
from typing import Any

from kg.extract.actors import ActorRecord
from kg.extract.affiliation_review import unaffiliated_title
from kg.extract.model import Draft, Span, StatementRecord

FORMAT = "cred-kg/1"
_PLAIN = re.compile(r"^[A-Za-z][\w ,.\u2019'()/-]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}
_EXCERPT = 70
# What JSON leaves raw but a YAML stream may not hold raw (YAML 1.1 section 5.1: C1 controls,
# DEL, U+FFFE, U+FFFF), and U+0085, which YAML reads as a line break even inside quotes.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\ufffe\uffff]")


def _scalar(value: object) -> str:
    """A YAML scalar: plain when that is safe, else double-quoted (JSON escaping)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and ": " not in text and \
            not text.endswith((":", " ")):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _excerpt(draft: Draft, span: Span) -> str:
    words = re.sub(r"\s+", " ", draft.text[span[0]:span[1]])
    return words if len(words) <= _EXCERPT else words[:_EXCERPT - 3] + "..."


def _comment(draft: Draft, spans: list[Span], confidence: float,
             why: list[str] | None = None, indent: str = "  ") -> list[str]:
    lines = []
    if spans:
        where = ", ".join(f"{a}-{b}" for a, b in spans[:4]) + (" ..." if len(spans) > 4 else "")
        excerpt = json.dumps(_excerpt(draft, spans[0]), ensure_ascii=False)
        lines.append(f"{indent}# chars {where}: {excerpt}")
    detail = f"confidence {confidence:.2f}" + (f"; {'; '.join(why)}" if why else "")
    lines.append(f"{indent}# {detail}")
    if draft.needs_review(confidence):
        lines.append(f"{indent}# REVIEW: confidence below {draft.threshold:.2f}; check against "
                     "the text")
    return lines


def _field(name: str, value: object, indent: str = "    ") -> list[str]:
    if value is None or value == [] or value == "":
        return []
    if isinstance(value, list):
        return [f"{indent}{name}: [{', '.join(_scalar(v) for v in value)}]"]
    return [f"{indent}{name}: {_scalar(value)}"]


def _document(draft: Draft) -> list[str]:
    doc = draft.document
    lines = ["document:"]
    lines += _field("id", doc.id, "  ") + _field("title", doc.title, "  ")
    lines += _field("publisher", doc.publisher, "  ") + _field("date", doc.date, "  ")
    lines += _field("date_text", doc.date_text, "  ") + _field("date_basis", doc.date_basis, "  ")
    note = (f"Drafted by kg extract from {draft.source}; items with a confidence below "
            f"{draft.threshold:.2f} are marked REVIEW in the draft file.")
    lines += _field("note", " ".join([note, *doc.notes]), "  ")
    return lines


def _actor(draft: Draft, actor: ActorRecord) -> list[str]:
    lines = _comment(draft, actor.mentions, actor.confidence,
                     [f"{len(actor.mentions)} mention(s)"] if actor.mentions else
                     ["not named in the text"])
    title = _speaks_for_no_one(draft, actor)
    if title:
        lines.append(f"  # REVIEW: a {title} acting for no one: add acts_for (the body or "
                     "state the text names), or the analysis counts this voice as a source "
                     "of its own")
    lines.append(f"  - id: {actor.id}")
    lines += _field("name", actor.name) + _field("kind", actor.kind) + _field("role", actor.role)
    lines += _field("acts_for", actor.acts_for) + _field("aliases", actor.aliases)
    lines += _field("note", " ".join(actor.notes) if actor.notes else None)
    return lines


def _statement(draft: Draft, statement: StatementRecord) -> list[str]:
    why = list(dict.fromkeys(statement.cues))
    lines = _comment(draft, [statement.span], statement.confidence, why)
    lines.append(f"  - actor: {statement.actor}")
    lines += _field("claim", statement.claim) + _field("stance", statement.stance)
    lines += _field("verb", statement.verb) + _field("quote", statement.quote)
    lines += _field("reported_as", statement.reported_as) + _field("date", statement.date)
    lines += _field("date_text", statement.date_text) + _field("date_basis",
                                                               statement.date_basis)
    lines += _field("setting", statement.setting)
    if statement.relay:
        lines.append("    relay:")
        for step in statement.relay:
            lines.append(f"      - outlet: {step.outlet}")
            lines += _field("cue", step.cue, "        ")
    return lines


def draft_yaml(draft: Draft) -> str:
    """The draft as a case file (YAML text)."""
    out = [
        f"# Draft case extracted by `kg extract` from {draft.source}.",
        "# Every item has a comment above it: the character offsets of the words it was read",
        "# from, an excerpt, and a confidence. Items below the review threshold",
        f"# ({draft.threshold:.2f}) are marked REVIEW. Check each against the text, correct",
        "# it, then `kg validate` and `kg load` the file. Offsets count characters of the",
        "# text as given (after HTML was reduced to text, for an HTML file).",
        "",
        f"format: {FORMAT}",
        "",
        *_document(draft),
        "",
        _section("actors", draft.actors),
    ]
    for actor in _actors(draft):
        out += _actor(draft, actor)
    out += ["", _section("claims", draft.claims)]
    for claim in draft.claims:
        out += _comment(draft, claim.spans, claim.confidence, claim.reasons)
        out.append(f"  - id: {claim.id}")
        out += _field("text", claim.text) + _field("kind", claim.kind)
        out += _field("refines", claim.refines)
    out += ["", _section("statements", draft.statements)]
    for statement in draft.statements:
        out += _statement(draft, statement)
    if draft.evidence:
        out += ["", "evidence:"]
    for item in draft.evidence:
        out += _comment(draft, item.spans, item.confidence)
        out.append(f"  - id: {item.id}")
        out += _field("kind", item.kind) + _field("description", item.description)
        out += _field("produced_by", item.produced_by) + _field("released_by", item.released_by)
        out += _field("cited_by", item.cited_by) + _field("part_of", item.part_of)
        out += _field("date", item.date) + _field("date_text", item.date_text)
        out += _field("date_basis", item.date_basis) + _field("supports", item.supports)
        out += _field("note", " ".join(item.notes) if item.notes else None)
    if draft.overrides:
        out += ["", "independence:"]
    for first, second, reason in draft.overrides:
        out.append("  # confidence 0.70; from the words below")
        out.append(f"  - actors: [{first}, {second}]")
        out += _field("independent", False) + _field("reason", f"The text says: {reason}")
    if draft.comment_requests:
        out += ["", "comment_requests:"]
    for request in draft.comment_requests:
        out += _comment(draft, [request.span], request.confidence)
        out.append(f"  - by: {request.by}")
        out += _field("to", request.to) + _field("channel", request.channel)
        out += _field("response_reported", request.response_reported)
    return "\n".join(out) + "\n"


def _section(name: str, items: list) -> str:
    """A list's key; an empty list written as ``[]``, since a bare key reads as null, which
    the case format refuses (an article with no statement still gives a valid draft)."""
    return f"{name}: []" if not items else f"{name}:"


def _speaks_for_no_one(draft: Draft, actor: ActorRecord) -> str | None:
    """The title of a speaker whose title says whom she speaks for, tied to no one
    (:mod:`kg.extract.affiliation_review`); None otherwise."""
    if not any(s.actor == actor.id for s in draft.statements):
        return None
    return unaffiliated_title(actor)


def _actors(draft: Draft) -> list[ActorRecord]:
    """The actors, and every actor something refers to (so that the file is complete)."""
    return draft.actors


def draft_to_dict(draft: Draft) -> dict[str, Any]:
    """The draft's items as JSON-ready data: each with its spans, confidence and whether it
    needs review."""

    def item(item_type: str, ident: str | None, spans: list[Span], confidence: float,
             **fields: Any) -> dict[str, Any]:
        return {"type": item_type, "id": ident, "spans": [list(s) for s in spans],
                "confidence": confidence, "review": draft.needs_review(confidence), **fields}

    return {
        "document": {"id": draft.document.id, "title": draft.document.title,
                     "publisher": draft.document.publisher, "date": draft.document.date},
        "threshold": draft.threshold,
        "items": [
            *({**item("actor", a.id, a.mentions, a.confidence, name=a.name, kind=a.kind,
                      acts_for=a.acts_for),
               **({"review": True, "review_reason": f"a {title} acting for no one"}
                  if (title := _speaks_for_no_one(draft, a)) else {})}
              for a in draft.actors),
            *(item("claim", c.id, c.spans, c.confidence, text=c.text, kind=c.kind,
                   refines=c.refines) for c in draft.claims),
            *(item("statement", None, [s.span], s.confidence, actor=s.actor, claim=s.claim,
                   stance=s.stance, verb=s.verb, sentence=list(s.sentence),
                   speaker_span=list(s.speaker_span) if s.speaker_span else None,
                   relay=[r.outlet for r in s.relay], cues=s.cues) for s in draft.statements),
            *(item("evidence", e.id, e.spans, e.confidence, kind=e.kind,
                   produced_by=e.produced_by, released_by=e.released_by, cited_by=e.cited_by,
                   supports=e.supports) for e in draft.evidence),
            *(item("comment_request", None, [r.span], r.confidence, by=r.by, to=r.to)
              for r in draft.comment_requests),
        ],
    }


__all__ = ["draft_to_dict", "draft_yaml"]
