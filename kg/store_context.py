"""What a store already says that bears on new data: the context a load is validated in.

A load is checked against the SHACL shapes as the union of the store and the new data would
be, but only on the focus nodes the new data touches (:mod:`kg.shacl.touched`): so besides
the new quads, the validation needs what the store says about the new data's subjects, and the
types (with the class hierarchy) of the nodes the new data refers to. Both are read here, a
thousand IRIs per query, never node by node.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.errors import ShapeValidationError
from kg.namespaces import RDF, RDFS
from kg.query_results import solutions, triples
from kg.shacl.origins import Origin, with_origins

if TYPE_CHECKING:
    from kg.staging import StagedFile
    from kg.store import KnowledgeStore, ProgressCallback

_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
_SUBJECT = attrgetter("subject")
#: IRIs per ``VALUES`` list: one query per this many nodes.
VALUES_CHUNK = 1000


def validate_load(
    store: KnowledgeStore, staged: list[StagedFile], progress: ProgressCallback | None,
    replacing: frozenset[str] = frozenset(),
) -> None:
    """Check each staged file against the shapes, in the store's context; record its
    warnings on it. What the store holds only in the named graphs ``replacing`` (which the
    load empties first) is not part of that context.

    Raises:
        ShapeValidationError: a file violates a shape (the first such file).
    """
    # Imported here: loads with validate=False never need the validator. The compiled
    # engine gives pySHACL's results (tests/test_shacl_compiled.py) at a fraction of its time.
    from kg.shacl.touched import validate_touching

    # Nothing can be described elsewhere in one file for an empty store: no pass over it.
    alone = len(staged) == 1 and not replacing and next(iter(store.oxigraph), None) is None
    subjects = [set() if alone else named_subjects(item.quads) for item in staged]
    # What the store already says about the nodes the new data has as subjects: each file
    # is checked as the union would be, on the focus nodes it touches (kg.shacl.touched).
    stored = descriptions_of(store, set().union(*subjects), replacing)
    referenced = {q.object for q in stored if isinstance(q.object, ox.NamedNode)}
    referenced.update(
        q.object for item in staged for q in item.quads if isinstance(q.object, ox.NamedNode)
    )
    from_store = known_types_of(store, referenced)
    # What each file types, for the other files of the load; a file's own types are in its
    # data already.
    typed = [_type_quads(item.quads) for item in staged] if len(staged) > 1 else [[]]
    # Last file first: where two files disagree (one id, two labels), the error names the
    # later one, as loading them one after the other would, not a case loaded before it
    # (the built-in seed of `kg corroborate case.yaml`).
    for done, (index, item) in enumerate(reversed(list(enumerate(staged))), 1):
        others = [q for i, quads in enumerate(typed) if i != index for q in quads]
        touched = subjects[index]
        # The other files of the load describe nodes too: a load of [a, b] is checked as
        # a load of a, then one of b, would be.
        described: list[ox.Quad | ox.Triple] = [q for q in stored if q.subject in touched]
        described += [
            q
            for i, other in enumerate(staged)
            if i != index and not subjects[i].isdisjoint(touched)
            for q in other.quads
            if q.subject in touched
        ]
        results = validate_touching(
            item.quads,
            described,
            source=item.source,
            known_types=[*from_store, *others],
        )
        violations = [v for v in results if v.severity == "Violation"]
        if violations:
            # the other files and the store may hold the other half of a conflict
            origins: list[Origin] = [
                (item.source, item.quads),
                *((other.source, other.quads) for i, other in enumerate(staged) if i != index),
                ("what the store already held", stored),
            ]
            raise ShapeValidationError(item.source, with_origins(violations, origins))
        item.warnings = tuple(v for v in results if v.severity != "Violation")
        if progress:
            progress("validating", done, len(staged))


def known_types_of_columns(
    store: KnowledgeStore, cols: Any, touches: list[bool]
) -> list[ox.Triple]:
    """:func:`known_types_of` for :class:`kg.shacl.columns.Columns` (the IRIs among their
    objects); appends to ``touches`` instead if the store describes one of their subjects
    (the general way then checks them with that description)."""
    if describes_any(store, _column_iris(cols, cols.s)):
        touches.append(True)
        return []
    return known_types_of(store, _column_iris(cols, cols.o))


def descriptions_of(store: KnowledgeStore, subjects: set[ox.NamedNode],
                    excluding: frozenset[str] = frozenset()) -> list[ox.Triple]:
    """Every triple the store holds, in any graph but the named graphs ``excluding``, about
    these subjects; none if the store is empty."""
    described: list[ox.Triple] = []
    for values in _chunks(store, subjects):
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"
        described.extend(
            ox.Triple(row["s"], row["p"], row["o"])
            for row in solutions(store.query(query))
        )
    if not excluding or not described:
        return described
    # the named graphs each triple is in: one held only in excluded graphs goes (a triple
    # in no named graph is in the default graph, and stays)
    graphs: dict[ox.Triple, set[str]] = {}
    for values in _chunks(store, subjects):
        query = (f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} "
                 "GRAPH ?g { ?s ?p ?o } }")
        for row in solutions(store.query(query)):
            graphs.setdefault(ox.Triple(row["s"], row["p"], row["o"]), set()).add(
                row["g"].value)
    dropped = {t for t in described if t in graphs and not graphs[t] - excluding}
    if not dropped:
        return described
    # ... unless the default graph holds it too, which GRAPH ?g does not see: the load keeps
    # it. (Queried without the union, the engine's default graph is the real one.)
    kept: set[ox.Triple] = set()
    for values in _chunks(store, {t.subject for t in dropped
                                  if isinstance(t.subject, ox.NamedNode)}):
        query = f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"
        kept.update(ox.Triple(row["s"], row["p"], row["o"])
                    for row in solutions(store.oxigraph.query(query)))
    return [t for t in described if t not in dropped or t in kept]


def describes_any(store: KnowledgeStore, subjects: set[ox.NamedNode]) -> bool:
    """Whether the store holds a triple, in any graph, about one of these subjects."""
    return any(
        bool(store.query(f"ASK {{ VALUES ?s {{ {values} }} ?s ?p ?o }}"))
        for values in _chunks(store, subjects)
    )


def known_types_of(store: KnowledgeStore, referenced: set[ox.NamedNode]) -> list[ox.Triple]:
    """Types (and class hierarchy), in the store, of the nodes the new data refers to; none
    if the store is empty."""
    known: list[ox.Triple] = []
    for values in _chunks(store, referenced):
        query = (
            "CONSTRUCT { ?n a ?t . ?c rdfs:subClassOf ?d } WHERE { "
            f"VALUES ?n {{ {values} }} "
            "{ ?n a ?t OPTIONAL { ?t rdfs:subClassOf* ?c . ?c rdfs:subClassOf ?d } } "
            "UNION { ?n rdfs:subClassOf* ?c . ?c rdfs:subClassOf ?d } }"
        )
        known.extend(triples(store.query(query)))
    return known


def named_subjects(quads: list[ox.Quad]) -> set[ox.NamedNode]:
    """The IRIs among the quads' subjects."""
    # A parsed blank node is new to the load: only IRIs can be described elsewhere. A pass at
    # C speed (map, filter), as in kg.shacl.literals: loads can be large.
    return set(filter(ox.NamedNode.__instancecheck__, map(_SUBJECT, quads)))


def _chunks(store: KnowledgeStore, nodes: set[ox.NamedNode]) -> Iterator[str]:
    """The nodes as SPARQL ``VALUES`` lists of :data:`VALUES_CHUNK`; none if the store is
    empty."""
    if next(iter(store.oxigraph), None) is None:
        return
    ordered = sorted(nodes, key=lambda n: n.value)
    for start in range(0, len(ordered), VALUES_CHUNK):
        # The IRIs come from parsed data, so str() gives valid SPARQL; no user text here.
        yield " ".join(str(n) for n in ordered[start : start + VALUES_CHUNK])


def _column_iris(cols: Any, column: Any) -> set[ox.NamedNode]:
    """The IRIs in one column of :class:`kg.shacl.columns.Columns`' data rows."""
    return {
        ox.NamedNode(cols.terms[i][1:-1].decode("utf-8"))
        for i in set(column[: cols.data_rows].tolist())
        if cols.terms[i][:1] == b"<"
    }


def _type_quads(quads: list[ox.Quad]) -> list[ox.Quad]:
    return [q for q in quads if q.predicate == _RDF_TYPE or q.predicate == _SUBCLASS_OF]


__all__ = [
    "VALUES_CHUNK",
    "describes_any",
    "descriptions_of",
    "known_types_of",
    "known_types_of_columns",
    "named_subjects",
    "validate_load",
]
