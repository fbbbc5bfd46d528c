"""``/actors``: actors with their independent source group and reliability grade.

The list is read off the bulk summaries (:meth:`kg.analysis.Analysis.actor_summaries`); one
actor's explanation is built when ``/actors/{id}`` first asks for it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel

from api.as_of import AsOf, explained, snapshot_for
from api.deps import get_state
from api.lookup import check_kind, find
from api.routers.paging import Page, page_of
from api.state import Snapshot
from kg.analysis import RELIABILITY_NAMES, Analysis
from kg.analysis import ActorSummary as Numbers
from kg.analysis.serialize import actor_to_dict, short_id

router = APIRouter(prefix="/actors", tags=["Actors"])



class GroupRef(BaseModel):
    id: str
    label: str


class Reliability(BaseModel):
    grade: str
    name: str
    trust: float | None


class ActorSummary(BaseModel):
    """One actor in a list; ``GET /actors/{id}`` adds its statements and every reason."""

    id: str
    iri: str
    label: str
    kinds: list[str]
    role: str | None
    acts_for: str | None
    group: GroupRef
    reliability: Reliability
    statements: int
    url: str


class ActorPage(Page):
    items: list[ActorSummary]


def _summary(analysis: Analysis, item: Numbers) -> dict[str, Any]:
    """An actor's list entry, from its bulk numbers and its record (no explanation)."""
    actor = analysis.catalogue.actors[item.iri]
    ident = short_id(item.iri)
    return {
        "id": ident,
        "iri": item.iri,
        "label": actor.label,
        "kinds": list(actor.kinds),
        "role": actor.role,
        "acts_for": actor.acts_for,
        "group": {"id": item.group, "label": analysis.groups.groups[item.group].label},
        "reliability": {
            "grade": item.reliability,
            "name": RELIABILITY_NAMES[item.reliability],
            "trust": item.trust,
        },
        "statements": item.statements,
        "url": f"/actors/{ident}",
    }


@dataclass(frozen=True)
class _Entry:
    grade: str
    group: str
    kinds: frozenset[str]
    summary: dict[str, Any]


def _index(snapshot: Snapshot) -> list[_Entry]:
    """Every actor, by grade then label, from the bulk summaries; built once per version."""
    cached: list[_Entry] | None = snapshot.cache.get("actors")
    if cached is None:
        analysis = snapshot.analysis
        actors = analysis.catalogue.actors
        items = sorted(
            analysis.actor_summaries(), key=lambda a: (a.reliability, actors[a.iri].label, a.iri)
        )
        cached = snapshot.cache["actors"] = [
            _Entry(
                a.reliability,
                a.group,
                frozenset(k.lower() for k in actors[a.iri].kinds),
                _summary(analysis, a),
            )
            for a in items
        ]
    return cached


def warm(snapshot: Snapshot) -> None:
    """Build the actors list's index of ``snapshot`` (:attr:`api.state.ServiceState.warmers`)."""
    _index(snapshot)


@router.get("", response_model=ActorPage, summary="List actors with group and reliability")
async def list_actors(
    request: Request,
    grade: Literal["A", "B", "C", "D", "E", "F"] | None = Query(
        None, description="Only actors with this reliability grade."
    ),
    group: str | None = Query(
        None, description="Only members of this actor's source group (id or IRI: its head, or "
        "any member)."
    ),
    kind: str | None = Query(None, description="Only actors of this kind (Person, State, ...)."),
    limit: int = Query(50, ge=1, le=1000, description="Actors per page."),
    offset: int = Query(0, ge=0, description="Actors to skip."),
    as_of: AsOf = None,
) -> Response:
    snapshot = await snapshot_for(get_state(request), as_of)
    # In a thread: the first request of a data version may build the sorted index itself.
    matches = await asyncio.to_thread(matching, snapshot, grade=grade, group=group, kind=kind)
    return page_of(request, matches, limit=limit, offset=offset, version=snapshot.version)


def matching(
    snapshot: Snapshot, *, grade: str | None, group: str | None, kind: str | None
) -> list[dict[str, Any]]:
    """The list entries that pass the filters, by grade then label (shared with
    ``/actors.html``, so that the page and the JSON show the same actors). An unknown group
    or kind answers a 404 with suggestions."""
    head = None
    if group:
        # Any member names its group: the group's head, or another actor in it.
        actor = find(snapshot.analysis, "actor", group)
        head = snapshot.analysis.groups.group_of.get(actor, actor)
    if kind:
        check_kind(snapshot, kind, "actor")
    wanted = kind.lower() if kind else None
    return [
        entry.summary
        for entry in _index(snapshot)
        if (grade is None or entry.grade == grade)
        and (head is None or entry.group == head)
        and (wanted is None or wanted in entry.kinds)
    ]


@router.get("/{actor_id:path}", summary="One actor: group, reliability, statements, reasons")
async def get_actor(
    request: Request,
    actor_id: str = PathParam(description="An actor id (putin) or IRI."),
    as_of: AsOf = None,
) -> dict[str, Any]:
    """An actor's source group (with the affiliation chain that puts it there), its
    reliability grade with the reasons, and every statement it made. As of a date, the first
    reason says what was left out, and only the statements known then are listed."""
    state = get_state(request)
    # In a thread: an unknown id is compared with every id of its kind, for
    # suggestions (0.4 s for the 128,000 claims of 10M triples).
    analysis = (await snapshot_for(state, as_of)).analysis
    iri = await asyncio.to_thread(find, analysis, "actor", actor_id)

    def explain(snapshot: Snapshot) -> dict[str, Any]:
        data = actor_to_dict(snapshot.analysis, snapshot.analysis.actors[iri])
        data["version"] = snapshot.version
        return data

    return await explained(state, as_of, explain)


__all__ = ["router"]
