"""The short id of an IRI, as every list, table, CSV and page shows it, and as every command
and route that takes an id accepts it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["resolve_id", "short_id", "short_index"]


def short_id(iri: str) -> str:
    """The last path segment of an IRI, after a ``#`` if it has one.

    Example:
        >>> short_id("https://w3id.org/cred-kg/id/claim/nk-troops-in-russia")
        'nk-troops-in-russia'
        >>> short_id("http://example.org/case#c1"), short_id("urn:x:claims:c1")
        ('c1', 'urn:x:claims:c1')
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def short_index(iris: Iterable[str]) -> dict[str, list[str]]:
    """The IRIs by short id (a list: several IRIs may share one)."""
    table: dict[str, list[str]] = {}
    for iri in iris:
        table.setdefault(short_id(iri), []).append(iri)
    return table


def resolve_id(known: Mapping[str, object], short: Mapping[str, list[str]], ident: str,
               what: str) -> str:
    """The IRI ``ident`` names: itself if known, else the one IRI with that short id.

    Raises:
        KeyError: no such id, or several IRIs share it (the message names them).

    Example:
        >>> iris = ["http://a.org/x#c1", "http://b.org/c1", "http://a.org/c2"]
        >>> resolve_id(dict.fromkeys(iris), short_index(iris), "c2", "claim")
        'http://a.org/c2'
        >>> resolve_id(dict.fromkeys(iris), short_index(iris), "c1", "claim")
        Traceback (most recent call last):
        ...
        KeyError: "claim id 'c1' is ambiguous: http://a.org/x#c1, http://b.org/c1"
    """
    if ident in known:
        return ident
    matches = short.get(ident, [])
    if len(matches) == 1:
        return matches[0]
    raise KeyError(f"no {what} {ident!r}" if not matches
                   else f"{what} id {ident!r} is ambiguous: {', '.join(sorted(matches))}")
