"""Where statements were said: each statement's source document (``cred:inDocument``), read
for the statements an explanation shows, or from the whole-graph reader's tables."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from rdflib.namespace import RDFS

from kg.analysis._rows import first_of, local_name, rows, values_block
from kg.analysis.model import SourceDocument
from kg.namespaces import CRED

#: Documents per VALUES block when their fields are read, so that no query text grows with
#: the data.
_DOCUMENT_CHUNK = 1000
_DOCUMENT_FIELDS = {"http://purl.org/dc/terms/title": "title", str(CRED.publishedBy): "publishedBy",
                    "http://purl.org/dc/terms/date": "date", "https://schema.org/url": "url",
                    str(RDFS.label): "label"}


def document_tables(
    source: Any, documents: Iterable[str]
) -> dict[str, dict[str, list[str]]]:
    """The tables :func:`documents_of` reads, for these documents only: their fields by
    document, and their publishers' labels by publisher. ``source`` is a store or a SPARQL
    source (:class:`kg.analysis.extract.SparqlSource`). The documents are bound first and the
    predicates filtered, with a VALUES block of a few documents rather than a join per
    statement: most statements share their document."""
    tables: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    ordered = sorted(documents)
    for i in range(0, len(ordered), _DOCUMENT_CHUNK):
        values = values_block(ordered[i:i + _DOCUMENT_CHUNK])
        for subject, predicate, value in rows(source, f"""
            SELECT ?x ?p ?v WHERE {{ VALUES ?d {{ {values} }}
              {{ ?d ?p ?v . BIND(?d AS ?x) FILTER(?p IN (<http://purl.org/dc/terms/title>,
                 cred:publishedBy, <http://purl.org/dc/terms/date>, <https://schema.org/url>)) }}
              UNION {{ ?d cred:publishedBy ?x . ?x rdfs:label ?v . BIND(rdfs:label AS ?p) }}
            }}
        """):
            name = _DOCUMENT_FIELDS.get(predicate or "")
            if name and subject and value is not None:
                tables[name][subject].add(value)
    return {name: {k: sorted(v) for k, v in table.items()} for name, table in tables.items()}


def documents_of(
    in_document: Mapping[str, str], t: Mapping[str, dict[str, list[str]]]
) -> dict[str, SourceDocument]:
    """Statement IRI -> its document's record, from ``in_document`` (statement -> the first of
    its ``cred:inDocument`` in IRI order) and the tables ``title``, ``publishedBy``, ``date``,
    ``url`` (document -> sorted values) and ``label`` (publisher -> sorted labels): the first
    value of each field; one record per document, shared by its statements."""
    records: dict[str, SourceDocument] = {}

    def first(name: str, iri: str) -> str | None:
        return first_of(t.get(name, {}).get(iri))

    result = {}
    for statement, iri in in_document.items():
        record = records.get(iri)
        if record is None:
            publisher = first("publishedBy", iri)
            record = records[iri] = SourceDocument(
                iri=iri, title=first("title", iri), publisher=publisher,
                # The label the publisher's actor record has (kg.analysis.extract.actor_record).
                publisher_label=(first("label", publisher) or local_name(publisher)
                                 if publisher else None),
                date=first("date", iri), url=first("url", iri),
            )
        result[statement] = record
    return result


__all__ = ["document_tables", "documents_of"]
