"""Screens: which compiled checks could report anything, decided with numpy over columns.

A screen is sound, never complete: it clears a check only when the check provably has no
result, and keeps it (for the SPARQL of :mod:`kg.shacl.checks` to run exactly) when it may have
one, when its shape uses something the screen does not model (a path other than a predicate
or its inverse, a class with a blank-node subclass), and always for SHACL-SPARQL constraints
whose predicates the data uses. So the results of the kept checks are all the results: the
same list as :func:`kg.shacl.validate_quads` gives, at a fraction of the time, because most
shapes of conforming data are cleared by a few vectorised operations over the triples.

What each clears, over the union of the data and the vocabulary (SHACL 2.1.3, 4):

- every check whose focus nodes (targets that are subjects of the data, as
  :mod:`kg.shacl.results` reports them) are none;
- ``sh:minCount`` / ``sh:maxCount``: every focus node has enough / not too many distinct values;
- ``sh:hasValue``, ``sh:disjoint``: the value is there / no value is shared;
- ``sh:class``, ``sh:nodeKind``, ``sh:in`` and their ``sh:or`` / ``sh:xone``: every value passes;
- datatype, pattern and ranges: every distinct value passes the Python test the SPARQL run
  would apply (:func:`kg.shacl.run.holds`);
- the check of undeclared ``cred:`` terms: every such term is a subject somewhere.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rdflib import BNode

from kg.namespaces import CRED
from kg.shacl.checks import (
    Check,
    CompiledShapes,
    Disjoint,
    HasValue,
    MaxCount,
    MinCount,
    TermTest,
    ValueTest,
)
from kg.shacl.columns import BLANK, IRI, LITERAL, Columns
from kg.shacl.conditions import (
    AllOf,
    AnyOf,
    ClassCondition,
    Condition,
    ExactlyOne,
    InCondition,
    NodeKindCondition,
)
from kg.shacl.model import SparqlConstraint, Targets
from kg.shacl.run import holds
from kg.shacl.term_conditions import DatatypeCondition, PatternCondition, regex

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_SH = "http://www.w3.org/ns/shacl#"
_KINDS = {
    _SH + "IRI": (IRI,),
    _SH + "BlankNode": (BLANK,),
    _SH + "Literal": (LITERAL,),
    _SH + "BlankNodeOrIRI": (BLANK, IRI),
    _SH + "BlankNodeOrLiteral": (BLANK, LITERAL),
    _SH + "IRIOrLiteral": (IRI, LITERAL),
}
_A_BLANK_NODE = BNode("b0")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def screen(
    cols: Columns, program: CompiledShapes
) -> tuple[list[Check], list[SparqlConstraint], bool]:
    """The checks and SPARQL constraints that must run, and whether undeclared terms must.

    Args:
        cols: the data, followed by the vocabulary (and any known types), as columns.
        program: the compiled shapes.
    """
    data = _Data(cols)
    checks = [c for c in program.checks if c.shape.severity is not None and data.may_fire(c)]
    used = set(np.unique(cols.p).tolist())
    sparql = [
        c
        for c in program.sparql
        if c.severity is not None and any(cols.iri(p) in used for p in c.subjects_of)
    ]
    return checks, sparql, data.undeclared()


class _Data:
    def __init__(self, cols: Columns) -> None:
        self.cols = cols
        self.n = len(cols.terms)
        self.described = np.zeros(self.n, dtype=bool)
        self.described[cols.s[: cols.data_rows]] = True
        # Rows grouped by predicate, once: a predicate's rows are then a slice.
        self._order = np.argsort(cols.p, kind="stable")
        self._sorted_p = cols.p[self._order]
        self._instances: dict[tuple[int, ...], np.ndarray] = {}
        rdf_type = cols.iri(_RDF_TYPE)
        typed = cols.p == rdf_type
        self.type_s, self.type_o = cols.s[typed], cols.o[typed]
        children: dict[int, list[int]] = {}
        subclass = cols.p == cols.iri(_SUBCLASS_OF)
        for child, parent in zip(cols.s[subclass].tolist(), cols.o[subclass].tolist(), strict=True):
            children.setdefault(parent, []).append(child)
        self.children = children

    # -- building blocks ----------------------------------------------------------------------

    def pairs(
        self, predicate: str, inverse: bool = False, distinct: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """(node, value) pairs of a predicate over all rows (SPARQL's union graph).

        With repeats (a triple written twice, or in the data and the vocabulary) unless
        ``distinct``: repeats only raise counts, which the screens that do not ask for
        ``distinct`` read as "may fire".
        """
        pid = self.cols.iri(predicate)
        bounds = np.asarray([pid, pid + 1], dtype=self._sorted_p.dtype)
        lo, hi = np.searchsorted(self._sorted_p, bounds) if pid >= 0 else (0, 0)
        rows = self._order[lo:hi]
        s, o = self.cols.s[rows], self.cols.o[rows]
        if distinct:
            keys = np.unique(s.astype(np.int64) * self.n + o.astype(np.int64))
            s, o = keys // self.n, keys % self.n
        return (o, s) if inverse else (s, o)

    def subclasses(self, cls: str) -> list[int] | None:
        """``cls`` and its subclasses (``rdfs:subClassOf*``); ``None`` if one is a blank node,
        as :meth:`kg.shacl.run.Run.subclasses` gives up there too."""
        start = self.cols.iri(cls)
        if start < 0:
            return []
        seen, todo = {start}, [start]
        while todo:
            for child in self.children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        members = sorted(seen)
        if (self.cols.kinds[members] != IRI).any():
            return None
        return members

    def instances(self, members: Iterable[int]) -> np.ndarray:
        """A mask of the nodes typed with one of ``members`` (SHACL instances, 2.1.3.1)."""
        key = tuple(members)
        found = self._instances.get(key)
        if found is None:
            found = np.zeros(self.n, dtype=bool)
            found[self.type_s[np.isin(self.type_o, key)]] = True
            self._instances[key] = found
        return found

    def focus(self, targets: Targets) -> np.ndarray | None:
        """A mask of the focus nodes that are subjects of the data; ``None`` if unknown."""
        mask = np.zeros(self.n, dtype=bool)
        for cls in targets.classes:
            members = self.subclasses(cls)
            if members is None:
                return None
            mask |= self.instances(members)
        for p in targets.subjects_of:
            mask[self.pairs(p)[0]] = True
        for p in targets.objects_of:
            mask[self.pairs(p)[1]] = True
        for node in targets.nodes:
            tid = self.cols.iri(node)
            if tid >= 0:
                mask[tid] = True
        return mask & self.described

    # -- checks ---------------------------------------------------------------------------------

    def may_fire(self, check: Check) -> bool:
        focus = self.focus(check.shape.targets)
        if focus is None:
            return True
        if not focus.any():
            return False
        path = check.shape.path
        if path is not None and path.predicate is None:
            return True  # a complex path: the SPARQL run decides
        # Distinct pairs only where repeats could hide a result: sh:minCount above 1.
        distinct = isinstance(check, MinCount) and check.minimum > 1
        values = (
            None
            if path is None
            else self.pairs(path.predicate, path.sparql.startswith("^"), distinct)  # type: ignore[arg-type]
        )
        if isinstance(check, MinCount | MaxCount):
            assert values is not None
            counts = np.bincount(values[0], minlength=self.n)
            if isinstance(check, MinCount):
                return bool((focus & (counts < check.minimum)).any())
            return bool((focus & (counts > check.maximum)).any())
        if isinstance(check, HasValue):
            vid = self.cols.iri(check.value)
            if values is None:
                others = focus.copy()
                if vid >= 0:
                    others[vid] = False
                return bool(others.any())
            has = np.zeros(self.n, dtype=bool)
            has[values[0][values[1] == vid]] = True
            return bool((focus & ~has).any())
        if isinstance(check, Disjoint):
            assert values is not None
            nodes, objects = values
            keep = focus[nodes]
            mine = nodes[keep].astype(np.int64) * self.n + objects[keep]
            other_s, other_o = self.pairs(check.predicate)
            theirs = other_s.astype(np.int64) * self.n + other_o
            return bool(np.isin(mine, theirs).any())
        if isinstance(check, ValueTest | TermTest):
            if values is None:
                ids = np.flatnonzero(focus)
            else:
                seen = np.zeros(self.n, dtype=bool)
                seen[values[1][focus[values[0]]]] = True
                ids = np.flatnonzero(seen)
            if not len(ids):
                return False
            if isinstance(check, TermTest):
                return not self._terms_pass(check.condition, ids)
            ok = self.passes(check.condition, ids)
            return ok is None or not bool(ok.all())
        return True

    def passes(self, condition: Condition, ids: np.ndarray) -> np.ndarray | None:
        """Per id, whether it passes a SPARQL-decided condition; ``None`` if unknown."""
        if isinstance(condition, ClassCondition):
            members = self.subclasses(condition.cls)
            return None if members is None else self.instances(members)[ids]
        if isinstance(condition, NodeKindCondition):
            return np.isin(self.cols.kinds[ids], _KINDS[condition.kind])
        if isinstance(condition, InCondition):
            members = [self.cols.iri(m) for m in condition.members]
            return np.isin(ids, [m for m in members if m >= 0])
        if isinstance(condition, AllOf):
            parts = [self.passes(p, ids) for p in condition.parts]
            if any(p is None for p in parts):
                return None
            stacked = np.vstack(parts)  # type: ignore[arg-type]
            # numpy's stubs type a reduction over one axis as a scalar or an array: they cannot
            # tell that stacked is 2-D, and so the result an array.
            if type(condition) is AnyOf:
                return stacked.any(axis=0)  # type: ignore[return-value]
            if type(condition) is ExactlyOne:
                return stacked.sum(axis=0) == 1
            return stacked.all(axis=0)  # type: ignore[return-value]
        return None

    def _terms_pass(self, condition: Condition, ids: np.ndarray) -> bool:
        kinds = self.cols.kinds[ids]
        if (kinds == BLANK).any() and not condition.holds(_A_BLANK_NODE):
            return False
        terms = self.cols.terms
        for i in ids[kinds != BLANK].tolist():
            fast = _plain_string_holds(condition, terms[i])
            if not (holds(condition, self.cols.term(i)) if fast is None else fast):
                return False
        return True

    def undeclared(self) -> bool:
        """Whether a ``cred:`` property or class of the data may be undeclared."""
        cols, cred = self.cols, str(CRED).encode("utf-8")
        subjects = np.zeros(self.n, dtype=bool)
        subjects[cols.s] = True
        rows = slice(0, cols.data_rows)
        used = np.unique(
            np.concatenate([cols.p[rows], cols.o[rows][cols.p[rows] == cols.iri(_RDF_TYPE)]])
        )
        return any(cols.terms[i].startswith(b"<" + cred) and not subjects[i] for i in used.tolist())


def _plain_string_holds(condition: Condition, key: bytes) -> bool | None:
    """:meth:`Condition.holds` for a plain string literal without escapes, from its text,
    for the tests most shapes make of strings (``sh:datatype xsd:string``, ``sh:pattern``);
    ``None`` for anything else. pySHACL's rules, as in :mod:`kg.shacl.term_conditions`: such a
    literal is an ``xsd:string`` and a pattern is matched on its value."""
    if len(key) < 2 or key[:1] != b'"' or key[-1:] != b'"' or b"\\" in key:
        return None
    if isinstance(condition, DatatypeCondition):
        return True if condition.datatype == _XSD_STRING else None
    if isinstance(condition, PatternCondition):
        text = key[1:-1].decode("utf-8")
        return regex(condition.pattern, condition.flags).search(text) is not None
    if type(condition) is AllOf:
        parts = [_plain_string_holds(p, key) for p in condition.parts]
        return None if None in parts else all(parts)
    return None
