"""``/actors``: actors with their independent source group and reliability grade."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel

from api.deps import get_state
from api.lookup import find
from api.routers.paging import Page, page_of
from api.state import Snapshot
from kg.analysis import ActorAssessment
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


def _summary(item: ActorAssessment) -> dict[str, Any]:
    r = item.reliability
    return {
        "id": short_id(item.actor.iri),
        "iri": item.actor.iri,
        "label": item.actor.label,
        "kinds": list(item.actor.kinds),
        "role": item.actor.role,
        "acts_for": item.actor.acts_for,
        "group": {"id": item.group.id, "label": item.group.label},
        "reliability": {"grade": r.grade, "name": r.name, "trust": r.trust},
        "statements": len(item.statements),
        "url": f"/actors/{short_id(item.actor.iri)}",
    }


def _index(snapshot: Snapshot) -> list[tuple[ActorAssessment, dict[str, Any]]]:
    cached = snapshot.cache.get("actors")
    if cached is None:
        items = sorted(snapshot.analysis.actors.values(),
                       key=lambda a: (a.reliability.grade, a.actor.label, a.actor.iri))
        cached = snapshot.cache["actors"] = [(a, _summary(a)) for a in items]
    return cached  # type: ignore[no-any-return]


@router.get("", response_model=ActorPage, summary="List actors with group and reliability")
async def list_actors(
    request: Request,
    grade: Literal["A", "B", "C", "D", "E", "F"] | None = Query(
        None, description="Only actors with this reliability grade."),
    group: str | None = Query(
        None, description="Only members of the source group headed by this actor (id or IRI)."),
    kind: str | None = Query(None, description="Only actors of this kind (Person, State, ...)."),
    limit: int = Query(50, ge=1, le=1000, description="Actors per page."),
    offset: int = Query(0, ge=0, description="Actors to skip."),
) -> Response:
    snapshot = get_state(request).current
    head = find(snapshot.analysis, "actor", group) if group else None
    wanted = kind.lower() if kind else None
    matches = [
        summary for item, summary in _index(snapshot)
        if (grade is None or item.reliability.grade == grade)
        and (head is None or item.group.id == head)
        and (wanted is None or wanted in (k.lower() for k in item.actor.kinds))
    ]
    return page_of(request, matches, limit=limit, offset=offset, version=snapshot.version)


@router.get("/{actor_id:path}", summary="One actor: group, reliability, statements, reasons")
async def get_actor(
    request: Request,
    actor_id: str = PathParam(description="An actor id (putin) or IRI."),
) -> dict[str, Any]:
    """An actor's source group (with the affiliation chain that puts it there), its
    reliability grade with the reasons, and every statement it made."""
    snapshot = get_state(request).current
    iri = find(snapshot.analysis, "actor", actor_id)
    data = actor_to_dict(snapshot.analysis, snapshot.analysis.actors[iri])
    data["version"] = snapshot.version
    return data


__all__ = ["router"]
