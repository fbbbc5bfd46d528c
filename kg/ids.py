"""The short id of an IRI, as every list, table, CSV and page shows it, and as every command
and route that takes an id accepts it."""

from __future__ import annotations

__all__ = ["short_id"]


def short_id(iri: str) -> str:
    """The last path segment of an IRI, after a ``#`` if it has one.

    Example:
        >>> short_id("https://w3id.org/cred-kg/id/claim/nk-troops-in-russia")
        'nk-troops-in-russia'
        >>> short_id("http://example.org/case#c1"), short_id("urn:x:claims:c1")
        ('c1', 'urn:x:claims:c1')
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
