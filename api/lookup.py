"""Find an actor, claim or evidence item of the current analysis by id or IRI.

Ids are the last segment of an IRI (``putin`` for ``.../actor/putin``), as everywhere in the
project. An unknown id gets close matches as suggestions.

Example:
    >>> from kg.store import KnowledgeStore
    >>> from kg.seed import seed_paths
    >>> from kg.analysis import analyse
    >>> store = KnowledgeStore()
    >>> _ = store.load(seed_paths())
    >>> resolve(analyse(store), "actor", "putin")
    'https://w3id.org/cred-kg/id/actor/putin'
    >>> resolve(analyse(store), "actor", "puttin")
    Traceback (most recent call last):
    ...
    LookupError: ("no actor 'puttin'", ['putin', 'austin'])
    >>> resolve(analyse(store), "actor", "PUTIN")
    Traceback (most recent call last):
    ...
    LookupError: ("no actor 'PUTIN'", ['putin', 'austin'])
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from api.errors import ApiError
from kg.analysis import Analysis
from kg.analysis.serialize import short_id
from kg.authoring.kinds import vocabulary

if TYPE_CHECKING:
    from api.state import Snapshot


def _table(analysis: Analysis, kind: str) -> Mapping[str, Any]:
    if kind == "actor":
        return analysis.actors
    if kind == "claim":
        return analysis.claims
    if kind == "evidence":
        return analysis.catalogue.evidence_index
    raise ValueError(f"unknown kind {kind!r}")


def resolve(analysis: Analysis, kind: str, ident: str) -> str:
    """The IRI of the ``kind`` named ``ident`` (an id or an IRI).

    Raises:
        LookupError: ``(message, suggestions)`` when there is no such item, or when the id is
            shared by several IRIs (then the suggestions are those IRIs).
    """
    table = _table(analysis, kind)
    if ident in table:
        return ident
    matches = [iri for iri in table if short_id(iri) == ident]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise LookupError(f"{kind} id {ident!r} is ambiguous: {', '.join(sorted(matches))}; "
                          "give the IRI", sorted(matches))
    raise LookupError(f"no {kind} {ident!r}", _close(ident, {short_id(iri) for iri in table}))


def suggest_node(analysis: Analysis, ident: str) -> list[str]:
    """For ``ident`` that names no claim and no actor (the graph view's ``focus``): up to
    three claim or actor ids like it, or, for an id that several of them share, their IRIs.

    Example:
        >>> from kg.store import KnowledgeStore
        >>> from kg.seed import seed_paths
        >>> from kg.analysis import analyse
        >>> store = KnowledgeStore()
        >>> _ = store.load(seed_paths())
        >>> suggest_node(analyse(store), "nk-troops-in-rusia")
        ['nk-troops-in-russia', 'nk-3000-troops-training-in-russia']
    """
    iris = [*analysis.claims, *analysis.actors]
    shared = sorted(iri for iri in iris if short_id(iri) == ident)
    return shared if len(shared) > 1 else _close(ident, {short_id(iri) for iri in iris})


def _close(ident: str, ids: set[str]) -> list[str]:
    """Up to three ids like ``ident``, compared without case (``PUTIN`` suggests ``putin``),
    those equal but for case first."""
    by_lower: dict[str, list[str]] = {}
    for name in sorted(ids):
        by_lower.setdefault(name.lower(), []).append(name)
    wanted = ident.lower()
    near = [wanted] if wanted in by_lower else []
    near += [n for n in difflib.get_close_matches(wanted, list(by_lower), n=3) if n != wanted]
    return [name for lower in near for name in by_lower[lower]][:3]


def find(analysis: Analysis, kind: str, ident: str) -> str:
    """:func:`resolve`, answering a 404 (with suggestions) when there is no such item."""
    try:
        return resolve(analysis, kind, ident)
    except LookupError as error:
        raise ApiError(404, "not_found", error.args[0],
                       details={"suggestions": list(error.args[1])}) from None


def check_kind(snapshot: Snapshot, kind: str, what: Literal["actor", "evidence"]) -> None:
    """Answer a 404 with suggestions when ``kind`` (in any case) is no actor or evidence
    kind of the vocabulary or of the data: a misspelt kind would otherwise filter
    everything out and look like an empty answer. The kinds are read once per data version."""
    key = f"kinds:{what}"
    names: dict[str, str] | None = snapshot.cache.get(key)
    if names is None:
        catalogue = snapshot.analysis.catalogue
        items = catalogue.actors.values() if what == "actor" else catalogue.evidence
        known = {*getattr(vocabulary(), f"{what}_kinds"), *(k for i in items for k in i.kinds)}
        names = snapshot.cache[key] = {name.lower(): name for name in known}
    if kind.lower() not in names:
        close = difflib.get_close_matches(kind.lower(), sorted(names), n=3)
        raise ApiError(404, "not_found", f"no {what} kind {kind!r}",
                       details={"suggestions": [names[c] for c in close]})


__all__ = ["check_kind", "find", "resolve", "suggest_node"]
