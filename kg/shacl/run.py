"""One validation's temporary store, and the queries run on it.

The quads to check go into a temporary in-memory Oxigraph store, with the vocabulary and
``known_types`` in a graph of their own. Each check runs over the union of the graphs; a result
is reported only if its focus node is a subject of the data (:meth:`Run.described`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import BNode
from rdflib.term import Node

from kg.convert import to_rdflib_term
from kg.namespaces import PREFIXES
from kg.shacl.checks import Check, HasValue, MinCount, TermTest
from kg.shacl.conditions import Condition
from kg.shacl.literals import Literals, original
from kg.shacl.model import RDF_TYPE, OxTerm
from kg.shacl.query import Query
from kg.shacl.text import term_text
from kg.vocabulary import vocabulary_quads  # (re-exported: parsed once)

# Any blank node, for the local tests of TermTest: they treat all blank nodes alike.
_A_BLANK_NODE = BNode("b0")

# The graph of the vocabulary and known types in the temporary store: a blank node with a random
# label, which cannot be the name of a graph of the data (parsing renames blank nodes).
_CONTEXT = ox.BlankNode()


@cache
def _vocabulary() -> list[ox.Quad]:
    return Literals().prepare(vocabulary_quads(), _CONTEXT)


@lru_cache(maxsize=1 << 16)
def holds(condition: Condition, value: OxTerm) -> bool:
    """Whether a value (as written, or its stand-in) passes a condition decided in Python."""
    # Shared across runs: vocabulary values, dates and labels recur from one load to the next.
    return condition.holds(to_rdflib_term(original(value)))


class Run:
    """One validation: the temporary store and what is learnt about it."""

    def __init__(
        self,
        quads: Sequence[ox.Quad],
        known_types: Iterable[ox.Quad | ox.Triple],
        originals: Mapping[OxTerm, Node],
    ) -> None:
        literals = Literals()
        store = ox.Store()
        data, predicates = literals.prepare_data(quads)
        store.extend(data)
        self._setup(store, predicates, known_types, originals, literals)

    @classmethod
    def over_store(
        cls,
        store: ox.Store,
        predicates: set[ox.NamedNode],
        known_types: Iterable[ox.Quad | ox.Triple] = (),
    ) -> Run:
        """A run over a store that already holds the data, as written (no literal needing a
        stand-in), adding the vocabulary and known types; :meth:`remove_context` takes them
        out again."""
        run = cls.__new__(cls)
        run._setup(store, predicates, known_types, {}, Literals())
        return run

    def remove_context(self) -> None:
        """Take the vocabulary and known types out of the store, leaving the data alone."""
        self.store.remove_graph(self.context)

    def _setup(
        self,
        store: ox.Store,
        predicates: set[ox.NamedNode],
        known_types: Iterable[ox.Quad | ox.Triple],
        originals: Mapping[OxTerm, Node],
        literals: Literals,
    ) -> None:
        self.originals = originals
        self.literals = literals
        self.predicates = predicates
        # The vocabulary and known types go into a graph of their own, so that nodes described
        # only there can be told apart (they are not reported); a fresh blank node cannot clash
        # with a graph of the data.
        self.context = _CONTEXT
        self.store = store
        self.store.extend(_vocabulary())
        self.store.extend(self.literals.prepare(known_types, self.context))
        self.data_graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph()]
        self.data_graphs += [g for g in self.store.named_graphs() if g != self.context]
        self._described: dict[OxTerm, bool] = {}
        self._candidates: dict[str, list[OxTerm]] = {}
        self._uses: dict[str, bool] = {}
        self._instances: dict[str, bool] = {}

    def select(self, text: str, *, data_only: bool = False) -> Iterator[ox.QuerySolution]:
        """Solutions over all graphs, or over the data's only."""
        if data_only:
            found = self.store.query(text, default_graph=self.data_graphs, prefixes=PREFIXES)
        else:
            found = self.store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        return iter(found)  # type: ignore[arg-type]

    def subclasses(self, classes: Sequence[str]) -> dict[str, tuple[str, ...] | None]:
        found: dict[str, list[OxTerm]] = {c: [] for c in classes}
        if classes:
            values = " ".join(f"<{c}>" for c in classes)
            text = f"SELECT ?c ?sub WHERE {{ VALUES ?c {{ {values} }} ?sub rdfs:subClassOf* ?c }}"
            for row in self.select(text):
                found[row["c"].value].append(row["sub"])
        return {
            c: None
            if any(isinstance(m, ox.BlankNode) for m in members)
            else tuple(sorted({m.value for m in members}))
            for c, members in found.items()
        }

    def uses(self, predicate: str) -> bool:
        """Whether any triple, in any graph, has this predicate (an index lookup)."""
        found = self._uses.get(predicate)
        if found is None:
            matches = self.store.quads_for_pattern(None, ox.NamedNode(predicate), None)
            found = self._uses[predicate] = next(iter(matches), None) is not None
        return found

    def has_instances(self, members: tuple[str, ...] | None) -> bool:
        if members is None:
            return True
        for member in members:
            found = self._instances.get(member)
            if found is None:
                matches = self.store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(member))
                found = self._instances[member] = next(iter(matches), None) is not None
            if found:
                return True
        return False

    def can_fire(self, check: Check, subclasses: Mapping[str, tuple[str, ...] | None]) -> bool:
        """False if the check has no focus node, or scans a predicate the graphs never use.

        Only a shortcut: a check that can fire is run and may find nothing. Small graphs
        trigger few of the shapes, and each query costs a fraction of a millisecond to plan.
        """
        targets = check.shape.targets
        if not (
            targets.nodes
            or any(self.has_instances(subclasses.get(c)) for c in targets.classes)
            or any(self.uses(p) for p in (*targets.subjects_of, *targets.objects_of))
        ):
            return False
        path = check.shape.path
        if (
            path is not None
            and path.predicate is not None
            and not isinstance(check, MinCount | HasValue)
        ):
            return self.uses(path.predicate)
        return True

    def described(self, node: OxTerm) -> bool:
        """Whether ``node`` is a subject of the data (kg.validate's rule for reporting)."""
        if not isinstance(node, ox.NamedNode | ox.BlankNode):
            return False
        known = self._described.get(node)
        if known is None:
            known = self._described[node] = any(
                q.graph_name != self.context for q in self.store.quads_for_pattern(node, None, None)
            )
        return known

    def rdflib(self, term: OxTerm) -> Node:
        """The term as the caller gave it, in rdflib's form."""
        term = original(term)
        given = self.originals.get(term)
        return given if given is not None else to_rdflib_term(term)

    def text(self, term: OxTerm) -> str:
        return term_text(self.rdflib(term))

    def term_rows(self, check: TermTest, q: Query) -> Iterator[ox.QuerySolution]:
        text, key = check.candidates(q)
        candidates = self._candidates.get(key)
        if candidates is None:
            candidates = self._candidates[key] = [
                row["value"]
                for row in self.select(text)
                if not isinstance(row["value"], ox.BlankNode)
            ]
        condition, originals = check.condition, self.originals
        failing = [
            value
            for value in candidates
            if not (
                condition.holds(self.rdflib(value))
                if originals and original(value) in originals
                else holds(condition, value)
            )
        ]
        blanks_fail = not check.condition.holds(_A_BLANK_NODE)
        if not failing and not blanks_fail:
            return iter(())
        return self.select(check.query_failing(q, failing, blanks_fail))
