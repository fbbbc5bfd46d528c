"""Content negotiation for SPARQL results: one table, documented in ``docs/api.md``.

=========================  ========================================  ===========================
Query form                 Media type (``Accept``)                   Format
=========================  ========================================  ===========================
SELECT, ASK                ``application/sparql-results+json``       SPARQL JSON (the default)
SELECT, ASK                ``application/sparql-results+xml``        SPARQL XML
SELECT, ASK                ``text/csv``                              SPARQL CSV
SELECT, ASK                ``text/tab-separated-values``             SPARQL TSV
CONSTRUCT, DESCRIBE        ``text/turtle``                           Turtle (the default)
CONSTRUCT, DESCRIBE        ``application/n-triples``                 N-Triples
CONSTRUCT, DESCRIBE        ``application/ld+json``                   JSON-LD
CONSTRUCT, DESCRIBE        ``application/rdf+xml``                   RDF/XML
CONSTRUCT, DESCRIBE        ``application/trig``                      TriG
=========================  ========================================  ===========================

Also understood: ``application/json`` (SPARQL JSON, or JSON-LD for graphs),
``application/xml`` and ``text/xml`` (SPARQL XML, or RDF/XML for graphs), ``text/plain``
(N-Triples), ``*/*`` and ``type/*``. ``q=0`` excludes a type. No ``Accept`` means the default.

Example:
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SELECT_TABLE).name
    'xml'
    >>> negotiate("text/html", GRAPH_TABLE) is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.formats import JSONLD, NTRIPLES, RDFXML, TRIG, TURTLE


@dataclass(frozen=True)
class ResultFormat:
    """One row of the table: the worker's format name, the media type, its aliases."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    def matches(self, media: str) -> bool:
        return media == self.media_type or media in self.aliases


SELECT_TABLE: tuple[ResultFormat, ...] = (
    ResultFormat("json", "application/sparql-results+json", ("application/json",)),
    ResultFormat("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    ResultFormat("csv", "text/csv"),
    ResultFormat("tsv", "text/tab-separated-values"),
)
GRAPH_TABLE: tuple[ResultFormat, ...] = (
    ResultFormat("turtle", TURTLE.media_type, ("application/x-turtle",)),
    ResultFormat("nt", NTRIPLES.media_type, ("text/plain",)),
    ResultFormat("jsonld", JSONLD.media_type, ("application/json",)),
    ResultFormat("rdfxml", RDFXML.media_type, ("application/xml", "text/xml")),
    ResultFormat("trig", TRIG.media_type),
)


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``(media type, q)`` pairs, best first; more specific types first among equals.

    Example:
        >>> parse_accept("text/*;q=0.8, text/csv, */*;q=0.1")
        [('text/csv', 1.0), ('text/*', 0.8), ('*/*', 0.1)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    items = []
    for position, part in enumerate(header.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        items.append((media.lower(), q, _specificity(media), position))
    items.sort(key=lambda item: (-item[1], -item[2], item[3]))
    return [(media, q) for media, q, _, _ in items]


def negotiate(header: str | None, table: tuple[ResultFormat, ...]) -> ResultFormat | None:
    """The best format of ``table`` for an ``Accept`` header, or ``None`` if none is acceptable.

    A type the client gave ``q=0`` is never chosen, even through a wildcard; nor is a type
    under a ``type/*;q=0``, except through a range that names it exactly (RFC 9110, section
    12.5.1: the most specific range that matches a type gives its quality).
    """
    accepted = parse_accept(header)
    refused = [(media, _specificity(media)) for media, q in accepted if q == 0]
    for media, q in accepted:
        if q == 0:
            continue
        for fmt in table:
            if any(_covers(range_, fmt.media_type) and rank >= _specificity(media)
                   for range_, rank in refused):
                continue
            if fmt.matches(media) or _covers(media, fmt.media_type):
                return fmt
    return None


def _specificity(media: str) -> int:
    return 0 if media == "*/*" else 1 if media.endswith("/*") else 2


def _covers(media_range: str, media_type: str) -> bool:
    """Whether an ``Accept`` range (``*/*``, ``text/*`` or a type) takes in ``media_type``."""
    return media_range in ("*/*", media_type) or (
        media_range.endswith("/*") and media_type.startswith(media_range[:-1]))


__all__ = ["GRAPH_TABLE", "SELECT_TABLE", "ResultFormat", "negotiate", "parse_accept"]
