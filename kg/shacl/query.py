"""The text of one SPARQL query: fresh variable names, and SHACL instances written as ``VALUES``.

SHACL instances are ``rdf:type/rdfs:subClassOf*`` (SHACL 2.1.3.1) and a path per row is slow in
Oxigraph, so the subclasses of every class the shapes name are looked up first, in one query
(:meth:`kg.shacl.run.Run.subclasses`), and written into the queries as ``VALUES``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import count

from kg.shacl.model import Targets


class Query:
    """Builds one query's text: fresh variable names and the subclass lists of classes."""

    def __init__(self, subclasses: Mapping[str, tuple[str, ...] | None]) -> None:
        self._subclasses = subclasses
        self._names = count()

    def var(self, stem: str) -> str:
        return f"?_{stem}{next(self._names)}"

    def instance(self, node: str, cls: str) -> str:
        """A group pattern matching when ``node`` is a SHACL instance of ``cls`` (2.1.3.1)."""
        members = self._subclasses.get(cls)
        if members is None:
            # A blank-node subclass cannot go into VALUES; the path is exact, only slower.
            return f"{node} rdf:type/rdfs:subClassOf* <{cls}> ."
        t = self.var("t")
        return f"{node} rdf:type {t} . VALUES {t} {{ {_iris(members)} }}"

    def targets(self, targets: Targets, node: str = "?this") -> str:
        """A graph pattern binding ``node`` to each focus node (with repeats)."""
        parts = []
        classes = sorted({m for c in targets.classes for m in self._subclasses.get(c) or ()})
        if classes and all(self._subclasses.get(c) is not None for c in targets.classes):
            t = self.var("t")
            parts.append(f"{node} rdf:type {t} . VALUES {t} {{ {_iris(classes)} }}")
        else:
            parts += [self.instance(node, c) for c in targets.classes]
        parts += [f"{node} <{p}> {self.var('o')} ." for p in targets.subjects_of]
        parts += [f"{self.var('s')} <{p}> {node} ." for p in targets.objects_of]
        parts += [f"VALUES {node} {{ <{n}> }}" for n in targets.nodes]
        return " UNION ".join(f"{{ {p} }}" for p in parts)


def _iris(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)
