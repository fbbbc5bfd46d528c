"""The checks: one per SHACL constraint component of a shape (SHACL 4), each a SPARQL ``SELECT``
whose solutions are validation results: a focus node ``?this`` and, where SHACL gives one, a
value node ``?value`` (SHACL 3.6).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from kg.shacl.conditions import AnyOf, ClassCondition, Condition
from kg.shacl.model import OxTerm, Shape, SparqlConstraint
from kg.shacl.query import Query


@dataclass(frozen=True)
class Check:
    """One constraint component of one shape; its solutions are ``?this`` (and ``?value``)."""

    shape: Shape

    def classes(self) -> Iterator[str]:
        yield from self.shape.targets.classes

    def query(self, q: Query) -> str:
        raise NotImplementedError

    def _focus_filter(self, q: Query) -> str:
        return f"FILTER EXISTS {{ {q.targets(self.shape.targets)} }}"

    def _focus_nodes(self, q: Query) -> str:
        # A sub-select: Oxigraph evaluates it first, so the rest runs once per focus node.
        return f"{{ SELECT DISTINCT ?this WHERE {{ {q.targets(self.shape.targets)} }} }}"


@dataclass(frozen=True)
class MinCount(Check):
    """``sh:minCount`` (4.2.1): one result per focus node with fewer value nodes."""

    minimum: int

    def query(self, q: Query) -> str:
        assert self.shape.path is not None
        path = self.shape.path.sparql
        if self.minimum == 1:
            return (
                f"SELECT DISTINCT ?this WHERE {{ {self._focus_nodes(q)} "
                f"FILTER NOT EXISTS {{ ?this {path} ?value }} }}"
            )
        return (
            f"SELECT ?this WHERE {{ {self._focus_nodes(q)} OPTIONAL {{ ?this {path} ?value }} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {self.minimum})"
        )


@dataclass(frozen=True)
class MaxCount(Check):
    """``sh:maxCount`` (4.2.2): one result per focus node with more value nodes."""

    maximum: int

    def query(self, q: Query) -> str:
        assert self.shape.path is not None
        path, most = self.shape.path.sparql, self.maximum
        if self.shape.path.simple:
            # Scan the predicate, not the focus nodes: counting triples per subject is cheap
            # and finds the only candidates (a triple in two graphs counts twice there); the
            # distinct values and the targets are checked for those few alone.
            candidates = (
                f"SELECT ?this WHERE {{ ?this {path} ?v }} "
                f"GROUP BY ?this HAVING (COUNT(?v) > {most})"
            )
            found = (
                f"SELECT ?this WHERE {{ {{ {candidates} }} ?this {path} ?value }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {most})"
            )
            return f"SELECT ?this WHERE {{ {{ {found} }} {self._focus_filter(q)} }}"
        return (
            f"SELECT ?this WHERE {{ {self._focus_nodes(q)} ?this {path} ?value }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {most})"
        )


@dataclass(frozen=True)
class HasValue(Check):
    """``sh:hasValue`` (4.8.2): one result, without a value, per focus node lacking it."""

    value: str

    def query(self, q: Query) -> str:
        if self.shape.path is None:
            test = f"FILTER (!sameTerm(?this, <{self.value}>))"
        else:
            test = f"FILTER NOT EXISTS {{ ?this {self.shape.path.sparql} <{self.value}> }}"
        return f"SELECT DISTINCT ?this WHERE {{ {self._focus_nodes(q)} {test} }}"


@dataclass(frozen=True)
class Disjoint(Check):
    """``sh:disjoint`` (4.5.2): a result per value node that is also a value of the predicate."""

    predicate: str

    def query(self, q: Query) -> str:
        assert self.shape.path is not None
        path = self.shape.path
        both = f"?this {path.sparql} ?value . ?this <{self.predicate}> ?value ."
        if path.simple:
            return (
                f"SELECT DISTINCT ?this ?value WHERE {{ "
                f"{{ SELECT DISTINCT ?this ?value WHERE {{ {both} }} }} {self._focus_filter(q)} }}"
            )
        return f"SELECT DISTINCT ?this ?value WHERE {{ {self._focus_nodes(q)} {both} }}"


@dataclass(frozen=True)
class ValueTest(Check):
    """Constraints on each value node that SPARQL decides exactly (class, kind, in, or, xone).

    For a node shape the value node is the focus node itself (SHACL 2.2).
    """

    condition: Condition

    def classes(self) -> Iterator[str]:
        yield from super().classes()
        yield from self.condition.classes()

    def query(self, q: Query) -> str:
        path = self.shape.path
        node = "?this" if path is None else "?value"
        failing = self._failing(node, q)
        if path is None:
            return (
                f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {self._focus_nodes(q)} "
                f"{failing} }}"
            )
        if path.simple:
            found = f"SELECT DISTINCT ?this ?value WHERE {{ ?this {path.sparql} ?value {failing} }}"
            return f"SELECT ?this ?value WHERE {{ {{ {found} }} {self._focus_filter(q)} }}"
        return (
            f"SELECT DISTINCT ?this ?value WHERE {{ {self._focus_nodes(q)} "
            f"?this {path.sparql} ?value {failing} }}"
        )

    def _failing(self, node: str, q: Query) -> str:
        condition = self.condition
        classes = (
            [condition]
            if isinstance(condition, ClassCondition)
            else list(condition.parts)
            if type(condition) is AnyOf
            and all(isinstance(p, ClassCondition) for p in condition.parts)
            else []
        )
        if classes:
            # Not an instance of any of the classes. MINUS is a hash anti-join in Oxigraph,
            # several times faster than a NOT EXISTS per row.
            return " ".join(
                f"MINUS {{ {q.instance(node, c.cls)} }}"  # type: ignore[attr-defined]
                for c in classes
            )
        return f"FILTER (!{condition.sparql(node, q)})"


@dataclass(frozen=True)
class TermTest(Check):
    """Constraints on each value node decided in Python (datatype, pattern, ranges).

    :meth:`candidates` lists the distinct values; those failing :attr:`condition` come back
    into :meth:`query_failing` as ``VALUES``. Blank nodes are never listed (SPARQL cannot name
    them): every local test treats all blank nodes alike, so one flag covers them.
    """

    condition: Condition

    def candidates(self, q: Query) -> tuple[str, str]:
        """A query for the distinct values (blank nodes are skipped later), and a key under
        which to share them between checks."""
        path = self.shape.path
        if path is None:
            text = f"SELECT DISTINCT ?value WHERE {{ {q.targets(self.shape.targets, '?value')} }}"
            return text, text
        if path.simple:
            return f"SELECT DISTINCT ?value WHERE {{ ?this {path.sparql} ?value }}", path.sparql
        text = (
            f"SELECT DISTINCT ?value WHERE {{ {self._focus_nodes(q)} ?this {path.sparql} ?value }}"
        )
        return text, text

    def query_failing(self, q: Query, failing: Sequence[OxTerm], blanks_fail: bool) -> str:
        """The results, given the failing values and whether blank nodes fail."""
        path = self.shape.path
        values = " ".join(str(v) for v in failing)
        if path is None:
            parts = [f"VALUES ?this {{ {values} }}"] if failing else []
            if blanks_fail:
                parts.append(f"{q.targets(self.shape.targets)} FILTER (isBlank(?this))")
            body = " UNION ".join(f"{{ {p} }}" for p in parts)
            return (
                f"SELECT DISTINCT ?this (?this AS ?value) WHERE {{ {body} "
                f"{self._focus_filter(q)} }}"
            )
        parts = [f"VALUES ?value {{ {values} }} ?this {path.sparql} ?value"] if failing else []
        if blanks_fail:
            parts.append(f"?this {path.sparql} ?value FILTER (isBlank(?value))")
        body = " UNION ".join(f"{{ {p} }}" for p in parts)
        if path.simple:
            return f"SELECT DISTINCT ?this ?value WHERE {{ {body} {self._focus_filter(q)} }}"
        return f"SELECT DISTINCT ?this ?value WHERE {{ {self._focus_nodes(q)} {body} }}"


@dataclass(frozen=True)
class CompiledShapes:
    """The checks of a shapes graph, ready to run."""

    checks: tuple[Check, ...]
    sparql: tuple[SparqlConstraint, ...]
    classes: tuple[str, ...] = field(default=())
