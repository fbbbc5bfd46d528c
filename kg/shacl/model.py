"""The compiled form of a shape: its targets, its path and what its results carry.

The checks made of them are in :mod:`kg.shacl.checks`, the tests of value nodes in
:mod:`kg.shacl.conditions` and :mod:`kg.shacl.term_conditions`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal

RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))


@dataclass(frozen=True)
class Path:
    """A property path (SHACL 2.3.1) as SPARQL, and as :mod:`kg.validate` shows it."""

    sparql: str
    text: str
    #: The IRI if the path is a predicate or the inverse of one: then its triples can be
    #: scanned with both ends unbound, and the check skipped if the data never uses it.
    predicate: str | None = None

    @property
    def simple(self) -> bool:
        return self.predicate is not None


@dataclass(frozen=True)
class Targets:
    """The targets of a shape (SHACL 2.1.3), as IRIs."""

    classes: tuple[str, ...] = ()
    subjects_of: tuple[str, ...] = ()
    objects_of: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.classes or self.subjects_of or self.objects_of or self.nodes)


@dataclass(frozen=True)
class Shape:
    """What every result of one shape carries."""

    iri: str
    message: str
    severity: str | None
    targets: Targets
    path: Path | None


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint (SHACL 5), run once with ``$this`` unbound.

    As in :mod:`kg.shacl_sparql`: the shape targets the subjects of some predicates and its
    query starts from ``$this <predicate> ...``, so the unbound run gives the pre-bound results
    (SHACL 5.3.1) for every focus node at once.
    """

    iri: str
    message: str
    severity: str | None
    subjects_of: tuple[str, ...]
    query: str
