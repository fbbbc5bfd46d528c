"""Read the analysis records out of a store with a few SPARQL SELECT projections.

SELECT projections over the union of all named graphs, not a walk triple by triple. The whole
graph (:func:`read_case_graph`) is read one predicate at a time, two queries at once, and joined
in Python; the records of a few IRIs (:mod:`kg.analysis.details`) are read with the joins in the
store, restricted by a VALUES block. Both give the same records (tests/analysis/
test_whole_graph_read.py). Every list is sorted before it is returned, so the result is the same
whatever order the data was loaded in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib.namespace import RDFS

from kg.analysis._memory import collector_paused
from kg.analysis._rows import first_of, grouped_pairs, rows
from kg.analysis._rows import local_name as _local
from kg.analysis._rows import values_block as _values
from kg.analysis.documents import document_tables, documents_of
from kg.analysis.model import (
    Actor,
    CaseGraph,
    Claim,
    Evidence,
    Override,
    Relay,
    SourceDocument,
    Stance,
    Statement,
)
from kg.namespaces import CRED
from kg.rdf_terms import literal
from kg.vocabulary import vocabulary_graph

_STANCE_BY_IRI: dict[str, Stance] = {
    str(CRED.Affirms): "affirms",
    str(CRED.Denies): "denies",
    str(CRED.Hedges): "hedges",
}


class SparqlSource(Protocol):
    """Anything that answers SPARQL SELECT over the union of its graphs."""

    def query(self, sparql: str) -> Any: ...


def select(source: SparqlSource | ox.Store, sparql: str) -> Iterator[tuple[str | None, ...]]:
    """Run a SELECT and yield each row as a tuple of plain strings (``None`` where unbound)."""
    return rows(source, sparql)


@cache
def _vocabulary_hierarchy() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, float], ...]]:
    vocab = vocabulary_graph()
    edges = tuple(sorted((str(c), str(p)) for c, p in vocab.subject_objects(RDFS.subClassOf)))
    priors = tuple(
        sorted(
            (str(c), float(literal(v))) for c, v in vocab.subject_objects(CRED.reliabilityPrior)
        )
    )
    return edges, priors


class _Hierarchy:
    """Class hierarchy of the vocabulary plus any kinds the data declares (``extend:``)."""

    def __init__(self, source: SparqlSource | ox.Store) -> None:
        edges, priors = _vocabulary_hierarchy()
        self.parents: dict[str, set[str]] = defaultdict(set)
        for child, parent in edges:
            self.parents[child].add(parent)
        self.priors = dict(priors)
        for kind, broader in select(source, "SELECT ?c ?p WHERE { ?c rdfs:subClassOf ?p }"):
            if kind and broader:
                self.parents[kind].add(broader)
        for kind, prior in select(
            source, "SELECT ?c ?v WHERE { ?c cred:reliabilityPrior ?v }"
        ):
            if kind and prior:
                self.priors[kind] = float(prior)

    def ancestors(self, kind: str) -> list[str]:
        """``kind`` and its superclasses, nearest first (breadth first, sorted per level)."""
        order, level, seen = [], [kind], {kind}
        while level:
            order.extend(level)
            nxt = sorted({p for k in level for p in self.parents.get(k, ()) if p not in seen})
            seen.update(nxt)
            level = nxt
        return order

    def subclasses_of(self, root: str) -> list[str]:
        children: dict[str, set[str]] = defaultdict(set)
        for child, parents in self.parents.items():
            for parent in parents:
                children[parent].add(child)
        found, stack = {root}, [root]
        while stack:
            for child in children.get(stack.pop(), ()):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return sorted(found)

    def prior(self, kinds: Iterable[str]) -> float:
        """The prior of the most specific kind that has one; the highest on a tie of depth."""
        best: tuple[int, float] | None = None
        for kind in kinds:
            for depth, ancestor in enumerate(self.ancestors(kind)):
                if ancestor in self.priors:
                    candidate = (-depth, self.priors[ancestor])
                    best = candidate if best is None or candidate > best else best
                    break
        return best[1] if best else self.priors.get(str(CRED.Evidence), 0.5)


def read_case_graph(source: SparqlSource | ox.Store) -> CaseGraph:
    """Read actors, claims, statements, evidence and overrides from a store.

    Args:
        source: a :class:`kg.store.KnowledgeStore`, or a ``pyoxigraph.Store``.

    Returns:
        The records, sorted by IRI.
    """
    with collector_paused():
        return _read_case_graph(source)


def typed_queries(hierarchy: _Hierarchy) -> dict[str, str]:
    """The queries of the whole-graph readers for what each predicate alone does not give:
    the instances of each kind of actor, claim and evidence, and contradiction both ways."""
    kinds = {name: _values(hierarchy.subclasses_of(str(root))) for name, root in
             (("actor", CRED.Actor), ("claim", CRED.Claim), ("evidence", CRED.Evidence))}
    return {
        **{f"{name}_types": f"SELECT ?s ?t WHERE {{ VALUES ?t {{ {values} }} ?s a ?t }}"
           for name, values in kinds.items()},
        # owl:SymmetricProperty: data that states it one way means both.
        "contradicts": "SELECT ?c ?o WHERE { { ?c cred:contradicts ?o } "
                       "UNION { ?o cred:contradicts ?c } }",
    }


def actor_record(iri: str, t: dict[str, dict[str, list[str]]]) -> Actor:
    """An actor's record from the tables of :func:`_read_tables` (``actor_types``,
    ``label``, ``actsOnBehalfOf``, ``role``: subject -> sorted values)."""
    parents = t["actsOnBehalfOf"].get(iri, [])
    return Actor(
        iri=iri,
        label=(t["label"].get(iri) or [_local(iri)])[0],
        kinds=tuple(_local(k) for k in t["actor_types"].get(iri, [])),
        # The shapes allow one affiliation; if the union of several documents gives more,
        # the first in IRI order is followed, so the choice is at least stable.
        acts_for=parents[0] if parents else None,
        role=first_of(t["role"].get(iri)),
    )


def claim_record(iri: str, t: dict[str, dict[str, list[str]]]) -> Claim:
    """A claim's record from the tables (``claim_types``, ``text``, ``refines``,
    ``contradicts``)."""
    return Claim(
        iri=iri,
        text=(t["text"].get(iri) or [_local(iri)])[0],
        kinds=tuple(_local(k) for k in t["claim_types"].get(iri, [])),
        refines=tuple(t["refines"].get(iri, [])),
        contradicts=tuple(t["contradicts"].get(iri, [])),
    )


def _read_case_graph(source: SparqlSource | ox.Store) -> CaseGraph:
    hierarchy = _Hierarchy(source)
    t = _read_tables(source, {
        **typed_queries(hierarchy),
        **{name: f"SELECT ?s ?o WHERE {{ ?s {predicate} ?o }}"
           for name, predicate in _PREDICATES.items()},
    })
    acts_for, actor_types = t["actsOnBehalfOf"], t["actor_types"]

    # Actors: anything typed with an actor kind, plus anything that states, produces,
    # releases or reports without a type (so that untyped data is still analysed).
    statements = _read_all_statements(t)
    referenced = {s.actor for s in statements} | {r.outlet for s in statements for r in s.relays}
    evidence_rows = _read_all_evidence(t, hierarchy)
    for item in evidence_rows:
        referenced.update(item.producers, item.releasers, item.cited_by)
    overrides = _read_overrides(source)
    for override in overrides:
        referenced.update(override.actors)
    actors = {iri: actor_record(iri, t)
              for iri in sorted(set(actor_types) | referenced | set(acts_for))}
    for actor in list(actors.values()):
        if actor.acts_for and actor.acts_for not in actors:
            actors[actor.acts_for] = Actor(actor.acts_for, _local(actor.acts_for))

    claim_iris = set(t["claim_types"]) | {s.claim for s in statements}
    for item in evidence_rows:
        claim_iris.update(item.supports, item.disputes)
    for table in (t["refines"], t["contradicts"]):
        for iri, others in table.items():
            claim_iris.add(iri)
            claim_iris.update(others)
    claims = {iri: claim_record(iri, t) for iri in sorted(claim_iris)}
    return CaseGraph(actors=actors, claims=claims, statements=statements,
                     evidence=evidence_rows, overrides=overrides)


def _read_statements(source: SparqlSource | ox.Store, restrict: str = "") -> list[Statement]:
    """All statements, or (``restrict``, a VALUES block on ``?c`` or ``?a``) those about some
    claims or by some actors; their details are then read for those statements only."""
    # With each statement's document: a query of its own would repeat the join to the
    # statements (on 1M triples, 200 claims' statements: 0.16 s alone, 0.02 s here).
    rows_with_documents = list(select(source, f"""
        SELECT ?s ?a ?c ?st ?d WHERE {{ {restrict}
            ?s cred:statedBy ?a ; cred:about ?c ; cred:stance ?st
            OPTIONAL {{ ?s cred:inDocument ?d }} }}
    """))
    core = [row[:4] for row in rows_with_documents]
    only = ""
    if restrict:
        if not core:
            return []
        # The same restriction, joined to the statements: one query per kind of detail
        # whatever the number of statements (a VALUES block of statements would be chunked).
        only = f"{restrict} ?s cred:statedBy ?a ; cred:about ?c ."

    def first(query: str) -> dict[str, str]:
        table: dict[str, str] = {}
        for subject, value in select(source, query):
            if subject and value is not None and (subject not in table or value < table[subject]):
                table[subject] = value
        return table

    dates = first(f"SELECT ?s ?d WHERE {{ {only} ?s cred:statedBy ?a ; "
                  "<http://purl.org/dc/terms/date> ?d }")
    quotes = first(f"SELECT ?s ?q WHERE {{ {only} ?s cred:quote ?q }}")
    verbs = first(f"SELECT ?s ?v WHERE {{ {only} ?s cred:reportingVerb ?v }}")
    relays: dict[str, list[Relay]] = defaultdict(list)
    # DISTINCT over the relay node too: a relay counts once even when the join to the
    # statements (restricted) or a triple stored in several graphs repeats its rows.
    relay_rows = select(source, f"""
        SELECT DISTINCT ?r ?s ?o ?pos ?cue WHERE {{ {only}
          ?r cred:relays ?s ; cred:reportedBy ?o .
          OPTIONAL {{ ?r cred:relayPosition ?pos }} OPTIONAL {{ ?r cred:relayCue ?cue }}
        }}
    """)
    for row in relay_rows:
        statement, outlet, position, cue = row[-4:]
        if statement and outlet:
            relays[statement].append(Relay(outlet, int(position or 0), cue))
    # The documents of these statements only: an explanation reads the few it shows, never
    # every document of the graph.
    in_document: dict[str, str] = {}
    for statement, *_, document in rows_with_documents:
        if statement and document and (statement not in in_document
                                       or document < in_document[statement]):
            in_document[statement] = document
    documents = documents_of(in_document, document_tables(source, set(in_document.values())))
    return _statement_records(core, dates, quotes, verbs, relays, documents)


#: The predicates the reader of the whole graph scans, each alone (table name -> predicate):
#: it joins them in Python, because the store's joins cost most of the read on disk (on a
#: 1M-triple store in RocksDB, the statements' three-way join took 2.8 s, its three scans
#: 1.2 s).
_PREDICATES = {
    "label": "rdfs:label", "actsOnBehalfOf": "cred:actsOnBehalfOf", "role": "cred:role",
    "date": "<http://purl.org/dc/terms/date>", "statedBy": "cred:statedBy",
    "about": "cred:about", "stance": "cred:stance", "quote": "cred:quote",
    "reportingVerb": "cred:reportingVerb", "relays": "cred:relays",
    "reportedBy": "cred:reportedBy", "relayPosition": "cred:relayPosition",
    "relayCue": "cred:relayCue", "producedBy": "cred:producedBy",
    "releasedBy": "cred:releasedBy", "citedBy": "cred:citedBy", "supports": "cred:supports",
    "disputes": "cred:disputes", "description": "<http://purl.org/dc/terms/description>",
    "text": "cred:text", "refines": "cred:refines",
    # Where each statement was said: its document and the fields a statement shows of it.
    "inDocument": "cred:inDocument", "title": "<http://purl.org/dc/terms/title>",
    "publishedBy": "cred:publishedBy", "url": "<https://schema.org/url>",
}


def _read_tables(
    source: SparqlSource | ox.Store, queries: dict[str, str]
) -> dict[str, dict[str, list[str]]]:
    """Each two-column query's rows as subject -> its distinct values, sorted; two queries at
    a time, so that one is evaluated and serialised by the store (without the GIL) while the
    other's rows are read in Python."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(grouped_pairs, source, query)
                   for name, query in queries.items()}
        return {name: future.result() for name, future in futures.items()}


def _read_all_statements(t: dict[str, dict[str, list[str]]]) -> list[Statement]:
    """Every statement: the records of :func:`_read_statements` without a restriction, from
    the tables of :func:`_read_tables`."""
    stated_by, about, stance_of = t["statedBy"], t["about"], t["stance"]
    quotes, verbs, dates = t["quote"], t["reportingVerb"], t["date"]
    relays_of, reported_by = t["relays"], t["reportedBy"]
    positions, cues = t["relayPosition"], t["relayCue"]
    relays: dict[str, list[Relay]] = defaultdict(list)
    # One relay per distinct (node, statement, outlet, position, cue), as the joined query's
    # DISTINCT gives (two relay nodes alike are two relays); a missing position or cue is one
    # row with none.
    for node, statements in relays_of.items():
        for statement in statements:
            for outlet in reported_by.get(node, ()):
                for position in positions.get(node) or (None,):
                    for cue in cues.get(node) or (None,):
                        relays[statement].append(Relay(outlet, int(position or 0), cue))
    core = [
        (iri, actor, claim, stance)
        for iri in stated_by.keys() & about.keys() & stance_of.keys()
        for actor in stated_by[iri] for claim in about[iri] for stance in stance_of[iri]
    ]
    first = {iri: values[0] for iri, values in dates.items()}
    return _statement_records(
        core, first, {k: v[0] for k, v in quotes.items()}, {k: v[0] for k, v in verbs.items()},
        relays, documents_of({k: v[0] for k, v in t["inDocument"].items()}, t),
    )


def _statement_records(
    core: Sequence[tuple[str | None, ...]], dates: dict[str, str], quotes: dict[str, str],
    verbs: dict[str, str], relays: dict[str, list[Relay]],
    documents: dict[str, SourceDocument],
) -> list[Statement]:
    """One record per (statement, actor, claim) with a known stance, sorted; a statement's
    first stance in IRI order wins where it names several."""
    result = []
    seen: set[tuple[str, str, str]] = set()
    for iri, actor, claim, stance_iri in sorted(core, key=lambda r: tuple(x or "" for x in r)):
        stance = _STANCE_BY_IRI.get(stance_iri or "")
        if not (iri and actor and claim and stance) or (iri, actor, claim) in seen:
            continue  # the shapes refuse such statements; a raw load may still contain them
        seen.add((iri, actor, claim))
        result.append(
            Statement(
                iri=iri, actor=actor, claim=claim, stance=stance, date=dates.get(iri),
                quote=quotes.get(iri), verb=verbs.get(iri),
                relays=tuple(sorted(relays.get(iri, []),
                                   key=lambda r: (r.position, r.outlet, r.cue or ""))),
                document=documents.get(iri),
            )
        )
    return result


def _read_evidence(
    source: SparqlSource | ox.Store, kinds: list[str], hierarchy: _Hierarchy,
    restrict: str = "",
) -> list[Evidence]:
    """All evidence items, or those of ``restrict`` (a VALUES block on ``?e``)."""
    types: dict[str, list[str]] = defaultdict(list)
    for item, kind in select(
        source, f"SELECT ?e ?t WHERE {{ {restrict} VALUES ?t {{ {_values(kinds)} }} ?e a ?t }}"
    ):
        if item and kind:
            types[item].append(kind)
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    predicates = ("cred:producedBy", "cred:releasedBy", "cred:citedBy", "cred:supports",
                  "cred:disputes", "rdfs:label", "<http://purl.org/dc/terms/description>",
                  "<http://purl.org/dc/terms/date>")
    # For a few items, bind ?e and filter the predicates: a VALUES block on ?p is planned as a
    # scan of each predicate (60 items of a 1M-triple store: 0.45 s, against 0.014 s).
    pattern = (f"?e ?p ?v . FILTER(?p IN ({', '.join(predicates)}))" if restrict
               else f"VALUES ?p {{ {' '.join(predicates)} }} ?e ?p ?v .")
    for item, predicate, value in select(source, f"""
        SELECT ?e ?p ?v WHERE {{ {restrict}
          {pattern}
          FILTER EXISTS {{ ?e cred:supports|cred:disputes|cred:producedBy|cred:releasedBy ?x }}
        }}
    """):
        if item and predicate and value is not None:
            links[item][_local(predicate)].append(value)
    result = []
    for iri in sorted(set(types) | set(links)):
        fields = links.get(iri, {})
        kinds_of = sorted(set(types.get(iri, []))) or [str(CRED.Evidence)]
        label = (sorted(fields.get("label", [])) or sorted(fields.get("description", []))
                 or [_local(iri)])[0]
        result.append(
            Evidence(
                iri=iri,
                label=label,
                kinds=tuple(_local(k) for k in kinds_of),
                prior=hierarchy.prior(kinds_of),
                producers=tuple(sorted(set(fields.get("producedBy", [])))),
                releasers=tuple(sorted(set(fields.get("releasedBy", [])))),
                cited_by=tuple(sorted(set(fields.get("citedBy", [])))),
                supports=tuple(sorted(set(fields.get("supports", [])))),
                disputes=tuple(sorted(set(fields.get("disputes", [])))),
                date=first_of(sorted(fields.get("date", []))),
                description=first_of(sorted(fields.get("description", []))),
            )
        )
    return result


def _read_all_evidence(t: dict[str, dict[str, list[str]]], hierarchy: _Hierarchy) -> list[Evidence]:
    """Every evidence item: the records of :func:`_read_evidence` without a restriction, from
    the tables of :func:`_read_tables`."""
    types, labels, dates, links = t["evidence_types"], t["label"], t["date"], t
    # Only what supports, disputes, or has a producer or releaser has its links read (as in
    # the restricted read); an item that is only typed is named by its IRI.
    linked = set().union(*(links[name].keys() for name in
                           ("supports", "disputes", "producedBy", "releasedBy")))

    def field(name: str, iri: str) -> tuple[str, ...]:
        return tuple(links[name].get(iri, ())) if iri in linked else ()

    result = []
    for iri in sorted(types.keys() | linked):
        kinds_of = types.get(iri) or [str(CRED.Evidence)]
        named = (labels.get(iri) or links["description"].get(iri)) if iri in linked else None
        result.append(
            Evidence(
                iri=iri,
                label=(named or [_local(iri)])[0],
                kinds=tuple(_local(k) for k in kinds_of),
                prior=hierarchy.prior(kinds_of),
                producers=field("producedBy", iri),
                releasers=field("releasedBy", iri),
                cited_by=field("citedBy", iri),
                supports=field("supports", iri),
                disputes=field("disputes", iri),
                date=first_of(dates.get(iri)) if iri in linked else None,
                description=first_of(sorted(field("description", iri))),
            )
        )
    return result


def _read_overrides(source: SparqlSource | ox.Store) -> list[Override]:
    rows: dict[str, dict[str, Any]] = defaultdict(lambda: {"actors": set()})
    for iri, kind, actor, reason in select(source, """
        SELECT ?o ?t ?a ?r WHERE {
          VALUES ?t { cred:IndependenceDeclaration cred:DependenceDeclaration }
          ?o a ?t ; cred:concernsActor ?a . OPTIONAL { ?o cred:reason ?r }
        }
    """):
        if iri and kind and actor:
            row = rows[iri]
            row["actors"].add(actor)
            row["independent"] = kind == str(CRED.IndependenceDeclaration)
            row["reason"] = min(filter(None, [row.get("reason"), reason]), default="")
    return [
        Override(iri, tuple(sorted(row["actors"])), row["independent"], row["reason"])
        for iri, row in sorted(rows.items())
        if len(row["actors"]) >= 2
    ]


__all__ = ["SparqlSource", "actor_record", "claim_record", "read_case_graph", "select",
           "typed_queries"]
