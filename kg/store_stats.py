"""What a store holds, counted: claims, actors, statements by stance, evidence by kind.

``kg stats`` and ``GET /status`` show these; :meth:`kg.store.KnowledgeStore.stats` reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.classes import subclasses
from kg.namespaces import ANALYSIS_GRAPH, CRED, INGEST_GRAPH, RDFS
from kg.query_results import solutions

if TYPE_CHECKING:
    from kg.store import KnowledgeStore

_SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))


@dataclass(frozen=True)
class StoreStats:
    """Counts over the union of all graphs. Classes count with their subclasses.

    Attributes:
        quads: quads of data, in every graph but the store's own
            (:data:`kg.store.OWN_GRAPHS`): the same file counts the same whether it was
            loaded, ingested, or ingested, interrupted and resumed.
        named_graphs: named graphs of data (the store's own left out).
        claims: instances of ``cred:Claim``.
        actors: instances of ``cred:Actor``.
        statements: instances of ``cred:Statement``.
        statements_by_stance: statements per stance (``"affirms"``, ``"denies"``, ``"hedges"``;
            ``"none"`` for a statement without one; the IRI for a stance outside the three).
        evidence: instances of ``cred:Evidence``.
        evidence_by_kind: evidence per class, by local name for ``cred:`` classes; an item
            with two classes is counted under both.
        reports: instances of ``cred:Report``.
        source_documents: instances of ``cred:SourceDocument``.
        ingest_records: quads of ``kg ingest``'s progress records (bookkeeping, not data).
        analysis_quads: quads of the analysis graph ``kg serve`` writes (derived, not data).
    """

    quads: int
    named_graphs: int
    claims: int
    actors: int
    statements: int
    statements_by_stance: dict[str, int] = field(default_factory=dict)
    evidence: int = 0
    evidence_by_kind: dict[str, int] = field(default_factory=dict)
    reports: int = 0
    source_documents: int = 0
    ingest_records: int = 0
    analysis_quads: int = 0

    def as_rows(self) -> list[tuple[str, int]]:
        """``(what, count)`` rows for a table, in a fixed order.

        Example:
            >>> StoreStats(quads=3, named_graphs=1, claims=1, actors=0, statements=0).as_rows()[:3]
            [('quads', 3), ('named graphs', 1), ('claims', 1)]
        """
        rows = [
            ("quads", self.quads),
            ("named graphs", self.named_graphs),
            ("claims", self.claims),
            ("actors", self.actors),
            ("statements", self.statements),
        ]
        rows += [(f"statements: {k}", v) for k, v in sorted(self.statements_by_stance.items())]
        rows.append(("evidence", self.evidence))
        rows += [(f"evidence: {k}", v) for k, v in sorted(self.evidence_by_kind.items())]
        rows += [("reports", self.reports), ("source documents", self.source_documents)]
        # The store's own graphs, apart from the data and only when there are any.
        rows += [(name, n) for name, n in (("ingest records (quads, not data)",
                                            self.ingest_records),
                                           ("analysis graph (quads, not data)",
                                            self.analysis_quads)) if n]
        return rows


def read_stats(store: KnowledgeStore) -> StoreStats:
    """Count what ``store`` (a :class:`kg.store.KnowledgeStore`) holds, over the union of all
    graphs; classes with their subclasses, in the vocabulary and in the store."""
    engine = store.oxigraph
    classes = class_sets(engine)

    def count(root: str) -> int:
        query = (
            f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {values_block('t', classes[root])} "
            "?x a ?t }"
        )
        return _int(next(iter(solutions(store.query(query))))["n"])

    by_stance: dict[str, int] = {}
    stance_query = (
        f"SELECT ?stance (COUNT(DISTINCT ?x) AS ?n) WHERE {{ "
        f"{values_block('t', classes[str(CRED.Statement)])} ?x a ?t "
        "OPTIONAL { ?x cred:stance ?stance } } GROUP BY ?stance"
    )
    for row in solutions(store.query(stance_query)):
        by_stance[_stance_name(row["stance"])] = _int(row["n"])
    by_kind: dict[str, int] = {}
    kind_query = (
        f"SELECT ?t (COUNT(DISTINCT ?x) AS ?n) WHERE {{ "
        f"{values_block('t', classes[str(CRED.Evidence)])} ?x a ?t }} GROUP BY ?t"
    )
    for row in solutions(store.query(kind_query)):
        by_kind[_local_name(row["t"].value)] = _int(row["n"])
    sizes = store.graph_sizes((INGEST_GRAPH, ANALYSIS_GRAPH))
    ingest, analysis = sizes[INGEST_GRAPH], sizes[ANALYSIS_GRAPH]
    own = {ox.NamedNode(INGEST_GRAPH), ox.NamedNode(ANALYSIS_GRAPH)}
    return StoreStats(
        quads=len(engine) - ingest - analysis,
        named_graphs=sum(1 for g in engine.named_graphs() if g not in own),
        claims=count(str(CRED.Claim)),
        actors=count(str(CRED.Actor)),
        statements=count(str(CRED.Statement)),
        statements_by_stance=by_stance,
        evidence=count(str(CRED.Evidence)),
        evidence_by_kind=by_kind,
        reports=count(str(CRED.Report)),
        source_documents=count(str(CRED.SourceDocument)),
        ingest_records=ingest,
        analysis_quads=analysis,
    )


def class_sets(engine: ox.Store) -> dict[str, frozenset[str]]:
    """Each counted root class with its subclasses, in the vocabulary and in the store."""
    edges = [
        (q.subject.value, q.object.value)
        for q in engine.quads_for_pattern(None, _SUBCLASS_OF, None, None)
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
    ]
    roots = (
        CRED.Claim,
        CRED.Actor,
        CRED.Statement,
        CRED.Evidence,
        CRED.Report,
        CRED.SourceDocument,
    )
    return {str(r): subclasses(str(r), edges) for r in roots}


def values_block(variable: str, iris: Iterable[str]) -> str:
    """``VALUES ?variable { <iri> ... }``, the IRIs sorted and checked."""
    # Class IRIs from the vocabulary and the store, passed through NamedNode for validation.
    terms = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    return f"VALUES ?{variable} {{ {terms} }}"


def _int(term: object) -> int:
    return int(term.value) if isinstance(term, ox.Literal) else 0


def _local_name(iri: str) -> str:
    return iri[len(CRED) :] if iri.startswith(str(CRED)) else iri


def _stance_name(term: object) -> str:
    if term is None:
        return "none"
    iri = term.value if isinstance(term, ox.NamedNode) else str(term)
    return _local_name(iri).lower() if iri.startswith(str(CRED)) else iri


__all__ = ["StoreStats", "class_sets", "read_stats", "values_block"]
