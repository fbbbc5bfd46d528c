"""One claim's neighbourhood in the store, for exports: the claim, its related claims, the
statements about it, about the claims refining it or refined by it, and about the claims
contradicting it or a broader claim of it and their narrower claims (which its status counts),
with their actors, relays and documents, their evidence, every actor's affiliation chain and
the analysts' overrides that regroup these actors: what its explanation rests on, so that the
export loaded alone gives the claim the same status."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import InputError, Location
from kg.ids import short_id
from kg.namespaces import CRED
from kg.query_results import solutions
from kg.store_stats import class_sets, values_block

if TYPE_CHECKING:
    from kg.store import KnowledgeStore

_CHAIN_CHUNK = 100
#: Predicates whose object is a claim.
_CLAIM_LINKS = frozenset(
    ox.NamedNode(str(CRED[name]))
    for name in ("about", "supports", "disputes", "refines", "contradicts")
)


def resolve_claim(store: KnowledgeStore, claim: str) -> ox.NamedNode:
    """The claim named by an IRI or by its id as the lists show it (:func:`kg.ids.short_id`:
    ``c1`` for ``http://example.org/case#c1``); an InputError with suggestions if none, and
    one naming the claims that share an id given for several.

    Example:
        >>> from kg.store import KnowledgeStore
        >>> store = KnowledgeStore()
        >>> data = b"<http://example.org/case#c1> a <https://w3id.org/cred-kg/ns#Claim> ."
        >>> _ = store.load_bytes(data, "turtle", source="x.ttl", validate=False)
        >>> resolve_claim(store, "c1").value
        'http://example.org/case#c1'
    """
    claim_classes = class_sets(store.oxigraph)[str(CRED.Claim)]
    node: ox.NamedNode | None = None
    invalid: ValueError | None = None
    if ":" in claim:
        try:
            node = ox.NamedNode(claim)
        except ValueError as error:
            invalid = error  # unless it is an id with a colon in it ("a:b"): see below
        else:
            rows = _select(store, "SELECT ?c ?t WHERE { ?c a ?t }", {"c": node})
            if any(row["t"].value in claim_classes for row in rows):
                return node
    known = _all_claims(store, claim_classes)
    by_id: dict[str, list[str]] = {}
    for iri in known:
        by_id.setdefault(short_id(iri), []).append(iri)
    matches = by_id.get(claim, [])
    if len(matches) == 1:
        return ox.NamedNode(matches[0])
    if matches:
        raise InputError(
            f"claim id {claim!r} is ambiguous: {len(matches)} claims have it",
            location=Location("<claim>"),
            term="claim",
            expected="the full IRI",
            suggestions=matches[:5],
        )
    if invalid is not None:
        raise InputError(
            f"{claim!r} is not a valid IRI: {invalid}",
            location=Location("<claim>"),
            term="claim",
        )
    if node is not None:
        name = f"<{claim}>"
        suggestions = difflib.get_close_matches(claim, known, n=3, cutoff=0.6)
    else:
        name = repr(claim)
        close = difflib.get_close_matches(claim, list(by_id), n=3, cutoff=0.6)
        suggestions = [c if len(by_id[c]) == 1 else by_id[c][0] for c in close]  # ids
    raise InputError(
        f"no claim {name} in the store",
        location=Location("<claim>"),
        term="claim",
        expected="the IRI or id of a cred:Claim in the store",
        suggestions=suggestions,
    )


def _select(store: KnowledgeStore, query: str,
            substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None) -> ox.QuerySolutions:
    """The solutions of a SELECT query (``store.query`` is typed for every query form)."""
    return solutions(store.query(query, substitutions=substitutions))


def _all_claims(store: KnowledgeStore, claim_classes: frozenset[str]) -> list[str]:
    query = f"SELECT DISTINCT ?c WHERE {{ {values_block('t', claim_classes)} ?c a ?t }}"
    return sorted(
        row["c"].value
        for row in _select(store, query)
        if isinstance(row["c"], ox.NamedNode)
    )

def claim_neighbourhood(store: KnowledgeStore, claim: ox.NamedNode) -> list[ox.Quad]:
    """The quads of a claim's neighbourhood (see :meth:`KnowledgeStore.export`)."""
    nodes: set[ox.NamedNode | ox.BlankNode] = {claim}
    nodes.update(row["node"] for row in _select(store, _NEIGHBOURS, {"claim": claim}))
    # What bears on the claim and on the claims its status counts: those refining it or
    # refined by it (a narrower claim's support, a broader one's denial), and those that
    # contradict it or a broader claim of it, with their narrower claims (affirming one
    # denies it: kg/analysis/stances.py). Each is a constant in the query that reads what
    # bears on it, as _CHAIN_BLOCK's starts are: Virtuoso evaluates a `+` path reliably only
    # from a given start (docs/backends.md).
    refined = _named(row["node"] for row in _select(store, _REFINED, {"claim": claim}))
    opposing = _named(row["node"] for row in _select(store, _OPPOSING, {"claim": claim}))
    opposing |= _named(_union_of(store, _NARROWER_BLOCK, opposing))
    opposing.discard(claim)
    nodes.update(opposing)
    nodes.update(_union_of(store, _BEARING_BLOCK, {claim} | refined | opposing))
    # Second hop: publishers and affiliation chains of every actor found, and the classes
    # the data declares for these nodes (a case file's extension kinds); then the analysts'
    # overrides that name any of them, which regroup them, with the other actors they name
    # and those actors' chains, until nothing new is found (a dependence declaration merges
    # the groups of all the actors it names, and these may be named by another).
    frontier = _named(nodes)
    while frontier:
        chained = frontier | _named(_union_of(store, _CHAIN_BLOCK, frontier))
        nodes.update(chained)
        found = _named(_union_of(store, _OVERRIDE_BLOCK, chained))
        frontier = found - nodes
        nodes.update(found)
    quads = _describe(store, nodes)
    # A link from an exported node to a claim that is not exported (evidence that also
    # supports another claim, a contradicting claim's own broader claim) would point at nothing
    # in the export, which then fails the shapes when loaded alone: such links are left out.
    # They do not bear on this claim's status, which is why the claim was not exported.
    described = {quad.subject for quad in quads}
    return [
        quad
        for quad in quads
        if quad.predicate not in _CLAIM_LINKS or quad.object in described
    ]


def _named(nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> set[ox.NamedNode]:
    return {n for n in nodes if isinstance(n, ox.NamedNode)}


def _union_of(store: KnowledgeStore, block: str,
              starts: Iterable[ox.NamedNode]) -> set[ox.NamedNode | ox.BlankNode]:
    """The ``?node`` of ``block`` for each start, in chunks of one query each."""
    iris = sorted(starts, key=lambda n: n.value)
    found: set[ox.NamedNode | ox.BlankNode] = set()
    for start in range(0, len(iris), _CHAIN_CHUNK):
        chunk = iris[start : start + _CHAIN_CHUNK]
        blocks = " UNION ".join(block.replace("$START", str(n)) for n in chunk)
        query = f"SELECT DISTINCT ?node WHERE {{ {blocks} }}"
        found.update(row["node"] for row in _select(store, query))
    return found


def _describe(store: KnowledgeStore, nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> list[ox.Quad]:
    """Every quad whose subject is one of ``nodes``, following blank-node objects."""
    oxigraph = store.oxigraph
    found: dict[ox.Quad, None] = {}
    seen: set[ox.NamedNode | ox.BlankNode] = set()
    frontier = [n for n in nodes if isinstance(n, ox.NamedNode | ox.BlankNode)]
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for quad in oxigraph.quads_for_pattern(node, None, None, None):
            found[quad] = None
            if isinstance(quad.object, ox.BlankNode):
                frontier.append(quad.object)
    return sorted(
        found,
        key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)),
    )


# What bears on a claim $START: its statements with their actors, documents and relays, and
# its evidence with its makers.
_BEARING_BLOCK = """
  { ?node cred:about $START }
  UNION { ?statement cred:about $START ; cred:statedBy|cred:inDocument ?node }
  UNION { ?statement cred:about $START . ?statement cred:reportedIn|^cred:relays ?node }
  UNION { ?statement cred:about $START . ?statement cred:reportedIn|^cred:relays ?report .
          ?report cred:reportedBy|cred:relayedFrom ?node }
  UNION { ?node cred:supports|cred:disputes $START }
  UNION { ?evidence cred:supports|cred:disputes $START .
          ?evidence cred:producedBy|cred:releasedBy|cred:citedBy|cred:partOf+ ?node }
"""

# The claims refining $START, at any depth.
_NARROWER_BLOCK = "{ ?node cred:refines+ $START }"

# The claim's direct neighbours. ?claim is bound by substitution, and kept in every pattern:
# Virtuoso misses rows when it comes through a zero-length path.
_NEIGHBOURS = """
SELECT DISTINCT ?claim ?node WHERE {
  { ?claim cred:refines+ ?node }
  UNION { ?node cred:refines+ ?claim }
  UNION { ?claim cred:contradicts ?node }
  UNION { ?node cred:contradicts ?claim }
  UNION { ?claim cred:appearsIn ?node }
}
"""

# The claims refining ?claim or refined by it, at any depth.
_REFINED = """
SELECT DISTINCT ?claim ?node WHERE {
  { ?claim cred:refines+ ?node } UNION { ?node cred:refines+ ?claim }
}
"""

# The claims that contradict ?claim or a broader claim of it, either way round (the link is
# symmetric).
_OPPOSING = """
SELECT DISTINCT ?claim ?node WHERE {
  { ?claim cred:contradicts|^cred:contradicts ?node }
  UNION { ?claim cred:refines+/(cred:contradicts|^cred:contradicts) ?node }
}
"""

# Publishers and affiliation chains of one node found, and its data-declared classes.
# $START is replaced by an IRI serialised by pyoxigraph, never by user text. The start is a
# constant, not a VALUES binding, because Virtuoso evaluates a transitive path only from a
# given start ("transitive start not given"); one query unions the blocks of a chunk.
_CHAIN_BLOCK = """
  { $START (cred:publishedBy|cred:actsOnBehalfOf)+ ?node }
  UNION { $START (cred:publishedBy|cred:actsOnBehalfOf)*/(rdf:type|cred:setting) ?kind .
          ?kind rdfs:subClassOf* ?node . FILTER EXISTS { ?node ?p ?o } }
"""

# An override (an independence or dependence declaration) that names the node $START, and
# every actor it names.
_OVERRIDE_BLOCK = """
  { ?node cred:concernsActor $START }
  UNION { ?override cred:concernsActor $START . ?override cred:concernsActor ?node }
"""


__all__ = ["claim_neighbourhood", "resolve_claim"]
