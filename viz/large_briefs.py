"""The panel texts of a large graph's summary (private to :mod:`viz.large`): for each node
drawn, what its side panel shows (a claim's groups on each side, an actor's group and grade,
an evidence item's owners and claims), read from the bulk numbers and the records of the nodes
drawn only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from kg.analysis import Analysis
from kg.analysis.credibility import CREDIBILITY_NAMES, STIX_CONFIDENCE
from kg.analysis.reliability import RELIABILITY_NAMES
from kg.analysis.serialize import short_id
from viz.kinds import kind_labels

if TYPE_CHECKING:
    from viz.large import _Index, _Pick

#: Groups named per side (affirming, denying, ...) in a claim's brief: those drawn, at most.
NAMED_PER_SIDE = 25


def _named(
    node_of: dict[int, str], labels: dict[int, str], groups: Iterable[int]
) -> dict[str, Any]:
    """How many groups are on one side of a claim, and those of them drawn."""
    items = [int(g) for g in groups]
    drawn = [{"node": node_of[g], "label": labels[g]} for g in items if g in node_of]
    return {"count": len(items), "drawn": drawn[:NAMED_PER_SIDE]}


def _ref(analysis: Analysis, iri: str) -> str:
    """The short id of a claim or actor where ``--focus`` and ``kg explain`` would find this
    node by it (claims first, as they look), else its IRI."""
    ident = short_id(iri)
    try:
        return ident if analysis.claim_iri(ident) == iri else iri
    except KeyError:
        pass
    try:
        return ident if analysis.actor_iri(ident) == iri else iri
    except KeyError:
        return iri


def _briefs(
    analysis: Analysis,
    index: _Index,
    pick: _Pick,
    node_of: dict[int, str],
    labels: dict[int, str],
    actors: dict[str, Any],
    texts: dict[str, Any],
    evidence: dict[str, Any],
    claim_numbers: dict[str, Any],
    actor_numbers: dict[str, Any],
    shown_actors: Sequence[int],
    listed: dict[int, list[int]],
    groups: Sequence[int],
) -> dict[str, Any]:
    """What the side panel shows for each node drawn: numbers and records, no reasons."""
    cols, n = analysis.columns, analysis.numbers
    briefs: dict[str, Any] = {}
    for c in pick.claims:
        iri = cols.claims[c]
        s, record = claim_numbers[iri], texts[iri]
        items = [evidence[cols.evidence[e]] for e in pick.evidence[c]]
        briefs[iri] = {
            "type": "claim",
            "iri": iri,
            "id": _ref(analysis, iri),
            "text": record.text,
            "kinds": kind_labels(record.kinds),
            "status": s.status,
            "contested": s.contested,
            "independent_groups": s.independent_groups,
            "min_groups": analysis.min_groups,
            "credibility": {
                "grade": s.credibility,
                "name": CREDIBILITY_NAMES[s.credibility],
                "stix_confidence": STIX_CONFIDENCE[s.credibility],
            },
            "belief": s.belief,
            "affirming": _named(node_of, labels, n.affirm_groups.of(c)),
            "denying": _named(node_of, labels, n.deny_groups.of(c)),
            "hedging": _named(node_of, labels, n.hedge_groups.of(c)),
            "contested_by": _named(node_of, labels, n.contested.of(c)),
            "evidence": {
                "count": int(index.link_ptr[c + 1] - index.link_ptr[c]),
                "drawn": [
                    {
                        "node": e.iri,
                        "label": e.label,
                        "kinds": kind_labels(e.kinds),
                        "prior": e.prior,
                        "supports": iri in e.supports,
                    }
                    for e in items
                ],
            },
        }
    partition = n.partition
    for a in shown_actors:
        iri = cols.actors[a]
        record, s = actors[iri], actor_numbers[iri]
        g = int(partition.group[a])
        briefs[iri] = {
            "type": "actor",
            "iri": iri,
            "id": _ref(analysis, iri),
            "label": record.label,
            "kinds": kind_labels(record.kinds),
            "role": record.role,
            "group": {
                "id": cols.actors[g],
                "label": labels.get(g) or record.label,
                "members": int(index.size[g]),
            },
            "reliability": {
                "grade": s.reliability,
                "name": RELIABILITY_NAMES[s.reliability],
                "trust": s.trust,
                "assessed_claims": s.assessed_claims,
            },
            "statements": s.statements,
        }
    for g in groups:
        if index.size[g] == 1:
            continue
        iri = cols.actors[g]
        s = actor_numbers[iri]
        briefs[f"group:{iri}"] = {
            "type": "group",
            "iri": iri,
            "id": _ref(analysis, iri),
            "label": labels[g],
            "members": int(index.size[g]),
            "listed": [actors[cols.actors[m]].label for m in listed[g] if cols.actors[m] in actors],
            "reliability": {"grade": s.reliability, "name": RELIABILITY_NAMES[s.reliability]},
            "claims": sorted(cols.claims[c] for c in pick.claims if g in pick.sources[c]),
        }
    names = {iri: getattr(record, "label", iri) for iri, record in actors.items()}
    for iri, e in evidence.items():
        briefs[iri] = {
            "type": "evidence",
            "iri": iri,
            "id": _ref(analysis, iri),
            "label": e.label,
            "description": e.description,
            "kinds": kind_labels(e.kinds),
            "prior": e.prior,
            "date": e.date,
            "producers": [names.get(a, short_id(a)) for a in e.producers],
            "releasers": [names.get(a, short_id(a)) for a in e.releasers],
            "cited_by": [names.get(a, short_id(a)) for a in e.cited_by],
            "claims": sorted(c for c in (*e.supports, *e.disputes) if c in briefs),
        }
    return briefs


__all__ = ["NAMED_PER_SIDE"]
