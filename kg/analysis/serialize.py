"""The analysis as plain JSON-ready data: one shape for the CLI, the API and the graph view."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kg.analysis.assessments import ActorAssessment, ClaimAssessment
from kg.analysis.corroboration import GroupStance
from kg.analysis.evidence import EvidenceWeight
from kg.analysis.model import CaseGraph, SourceDocument
from kg.analysis.stances import StanceEntry
from kg.ids import short_id

if TYPE_CHECKING:
    from kg.analysis import Analysis


#: The schemes a document's URL may be linked with; anything else (``javascript:``,
#: ``data:``) is shown as text. viz/static/panel.js applies the same test.
_WEB_URL = re.compile(r"https?://", re.IGNORECASE)


def web_url(url: str | None) -> str | None:
    """``url`` if a page may link it (its scheme is http or https), else ``None``.

    A document's URL comes from the data, so it is shown as text unless it is a web address.

    Example:
        >>> web_url("https://example.org/a"), web_url("javascript:alert(1)")
        ('https://example.org/a', None)
    """
    return url if url is not None and _WEB_URL.match(url) else None


def document_to_dict(document: SourceDocument | None) -> dict[str, Any] | None:
    """Where a statement was said: its document's title, publisher, date and URL (as stored;
    see :func:`web_url` before linking it), or ``None`` if it names no document."""
    if document is None:
        return None
    return {
        "iri": document.iri,
        "title": document.title,
        "publisher": document.publisher,
        "publisher_label": document.publisher_label,
        "date": document.date,
        "url": document.url,
    }


def _stance_entry(case: CaseGraph, entry: StanceEntry) -> dict[str, Any]:
    statement = case.statement_index.get(entry.statement)
    data: dict[str, Any] = {
        "statement": entry.statement,
        "actor": entry.actor,
        "actor_label": case.actors[entry.actor].label,
        "stance": entry.stance,
        "via": entry.via,
    }
    if entry.via != "direct":
        data["via_claim"] = entry.source_claim
        data["via_claim_text"] = case.claims[entry.source_claim].text
    if statement is not None:
        data.update(
            quote=statement.quote,
            verb=statement.verb,
            date=statement.date,
            relay=[
                {"outlet": r.outlet, "label": case.actors[r.outlet].label,
                 "cue": r.cue, "position": r.position}
                for r in statement.relays
            ],
            document=document_to_dict(statement.document),
        )
    return data


def _group_stance(case: CaseGraph, group: GroupStance) -> dict[str, Any]:
    return {
        "group": group.group,
        "label": group.label,
        "actors": [{"iri": a, "label": case.actors[a].label} for a in group.actors],
        "statements": [_stance_entry(case, e) for e in group.statements],
        "evidence": list(group.evidence),
    }


def _evidence(weight: EvidenceWeight) -> dict[str, Any]:
    return {
        "iri": weight.evidence,
        "label": weight.label,
        "kinds": list(weight.kinds),
        "supports": weight.supports,
        "via": weight.via,
        "via_claim": weight.source_claim,
        "weight": weight.weight,
        "groups": list(weight.groups),
        "independent": weight.independent,
        "reason": weight.reason,
    }


def claim_to_dict(analysis: Analysis, item: ClaimAssessment) -> dict[str, Any]:
    """One claim's assessment with every reason."""
    # The records the explanation was built from: its neighbourhood, not the whole graph.
    case = item.context if item.context is not None else analysis.case
    c, cred = item.corroboration, item.credibility
    # As of a date, the explanation says so first, and what was left out (kg.analysis.as_of).
    as_of = analysis.as_of
    data: dict[str, Any] = {
        "id": short_id(item.claim.iri),
        "iri": item.claim.iri,
        "text": item.claim.text,
        "kinds": list(item.claim.kinds),
        "refines": list(item.claim.refines),
        "contradicts": list(item.claim.contradicts),
        "status": c.status,
        "independent_groups": c.independent_groups,
        "min_groups": c.min_groups,
        "contested": c.contested,
        "contested_by": [
            {"group": g, "label": analysis.groups.groups[g].label} for g in c.contested_by
        ],
        "affirming": [_group_stance(case, g) for g in c.affirming],
        "denying": [_group_stance(case, g) for g in c.denying],
        "hedging": [_group_stance(case, g) for g in c.hedging],
        "evidence": [_evidence(w) for w in item.evidence],
        "credibility": {
            "grade": cred.grade,
            "name": cred.name,
            "stix_confidence": cred.stix_confidence,
            "reasons": list(cred.reasons),
        },
        "belief": item.belief,
        "reasons": ([as_of.claim_reason(item.claim.iri)] if as_of else []) + list(c.reasons),
    }
    if as_of is not None:
        data["as_of"] = as_of.to_dict()
    return data


def actor_to_dict(analysis: Analysis, item: ActorAssessment) -> dict[str, Any]:
    """One actor's assessment: its group, grade and statements (as of a date, the grade's
    reasons start with what was left out, as a claim's do)."""
    case = item.context if item.context is not None else analysis.case
    r = item.reliability
    as_of = analysis.as_of
    return {
        "id": short_id(item.actor.iri),
        "iri": item.actor.iri,
        "label": item.actor.label,
        "kinds": list(item.actor.kinds),
        "role": item.actor.role,
        "acts_for": item.actor.acts_for,
        "group": {"id": item.group.id, "label": item.group.label,
                  "chain": list(item.group.member(item.actor.iri).chain)},
        "reliability": {
            "grade": r.grade,
            "name": r.name,
            "trust": r.trust,
            "assessed_claims": list(r.assessed_claims),
            "reasons": ([as_of.summary()] if as_of else []) + list(r.reasons),
        },
        **({"as_of": as_of.to_dict()} if as_of else {}),
        "statements": [
            {"statement": s.iri, "claim": s.claim, "claim_text": case.claims[s.claim].text,
             "stance": s.stance, "quote": s.quote, "date": s.date,
             "document": document_to_dict(s.document)}
            for s in item.statements
        ],
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole analysis."""
    return {
        "min_groups": analysis.min_groups,
        "method": analysis.trust.method,
        **({"as_of": analysis.as_of.to_dict()} if analysis.as_of else {}),
        "claims": [claim_to_dict(analysis, c) for c in analysis.claims.values()],
        "actors": [actor_to_dict(analysis, a) for a in analysis.actors.values()],
        "groups": [
            {
                "id": g.id,
                "label": g.label,
                "members": [
                    {"iri": m.actor, "label": m.label, "chain": list(m.chain),
                     "overrides": list(m.overrides)}
                    for m in g.members
                ],
                "reasons": list(g.reasons),
            }
            for g in analysis.groups.groups.values()
        ],
    }


__all__ = ["actor_to_dict", "analysis_to_dict", "claim_to_dict", "document_to_dict", "short_id",
           "web_url"]
