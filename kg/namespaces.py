"""The one table of namespaces and prefixes used everywhere (queries, exports, docs)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CRED = Namespace("https://w3id.org/cred-kg/ns#")
SCHEMA = Namespace("https://schema.org/")

#: The named graph of derived analysis results (kg.analysis.rdf): rewritten after every change,
#: and left out of exports meant to be loaded elsewhere, where it would go stale.
ANALYSIS_GRAPH = "https://w3id.org/cred-kg/analysis"

#: The named graph of `kg ingest`'s progress records (kg.ingest.records): bookkeeping of this
#: store, never part of an export.
INGEST_GRAPH = "https://w3id.org/cred-kg/ingest"

#: Default base for the IRIs of case data (actors, claims, ...). A case file may set its own.
DEFAULT_DATA_BASE = "https://w3id.org/cred-kg/id/"

PREFIXES: dict[str, str] = {
    "cred": str(CRED),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
}


def sparql_prefixes() -> str:
    """The PREFIX block for SPARQL text, built from :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


__all__ = ["ANALYSIS_GRAPH", "CRED", "DCTERMS", "DEFAULT_DATA_BASE", "INGEST_GRAPH", "OWL",
           "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SKOS", "XSD", "sparql_prefixes"]
