"""Literals as written: stand-ins that Oxigraph keeps, for the literals it would rewrite.

Oxigraph stores typed literals by value (``"0"^^xsd:nonNegativeInteger`` becomes
``"0"^^xsd:integer``, ``"01"^^xsd:integer`` becomes ``"1"``), which would change datatypes,
merge values that SHACL counts apart, and change the values reported. In the temporary store
only, each literal Oxigraph would rewrite is replaced by a stand-in that it keeps as written
(``"0"^^<urn:x-kg-shacl:as-written:...>``) and that decodes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg.errors import Location, UnsupportedFormatError
from kg.shacl.model import RDF_TYPE, OxTerm

_XSD_STRING = str(XSD.string)

# Stand-ins for literals that Oxigraph would rewrite: same lexical form, and a datatype IRI that
# Oxigraph does not know, which carries the real datatype.
_AS_WRITTEN = "urn:x-kg-shacl:as-written:"


class Literals:
    """Replaces literals that Oxigraph would store differently by stand-ins, and back."""

    def __init__(self) -> None:
        self._stand_ins: dict[ox.Literal, ox.Literal | None] = {}
        self._scratch = ox.Store()
        self._s = ox.NamedNode("urn:x-kg-shacl:s")

    def prepare_data(self, quads: Sequence[ox.Quad]) -> tuple[Sequence[ox.Quad], set[ox.NamedNode]]:
        """The data with stand-ins, and the predicates it uses.

        A few passes over the quads at C speed (``map``, ``filter``, ``set``), not a Python
        loop: the distinct literals, the predicates (cheaper here than a scan of the store, for
        the check of undeclared terms), and any RDF 1.2 triple term. The quads are copied only
        if a literal needs a stand-in.
        """
        objects = attrgetter("object")
        if any(map(ox.Triple.__instancecheck__, map(objects, quads))):
            raise UnsupportedFormatError(
                "RDF 1.2 triple terms cannot be validated",
                location=Location("<validation>"),
                term="triple term",
            )
        predicates = set(map(attrgetter("predicate"), quads))
        literals = set(filter(ox.Literal.__instancecheck__, map(objects, quads)))
        if not any(self.stand_in(lit) is not None for lit in literals):
            return quads, predicates
        return self.prepare(quads), predicates

    def prepare(
        self, quads: Iterable[ox.Quad | ox.Triple], graph: ox.NamedNode | ox.BlankNode | None = None
    ) -> list[ox.Quad]:
        """The quads with stand-ins, moved to ``graph`` if given (a Python loop, for small sets
        or when some literal needs a stand-in)."""
        literal, quad_type, default = ox.Literal, ox.Quad, ox.DefaultGraph()
        out: list[ox.Quad] = []
        target: ox.NamedNode | ox.BlankNode | ox.DefaultGraph
        for q in quads:
            obj = q.object
            if type(obj) is literal:
                obj = self.stand_in(obj) or obj
            if graph is not None:
                target = graph
            else:
                target = q.graph_name if type(q) is quad_type else default
            out.append(quad_type(q.subject, q.predicate, obj, target))
        return out

    def stand_in(self, lit: ox.Literal) -> ox.Literal | None:
        """The stand-in for a literal that Oxigraph would store differently; else ``None``."""
        found = self._stand_ins.get(lit, _UNSEEN)
        if found is _UNSEEN:
            found = self._stand_ins[lit] = self._make_stand_in(lit)
        return found  # type: ignore[return-value]

    def _make_stand_in(self, lit: ox.Literal) -> ox.Literal | None:
        if lit.language is not None:
            return None
        datatype = lit.datatype.value
        if datatype == _XSD_STRING:
            return None
        if not datatype.startswith(_AS_WRITTEN):
            # Ask Oxigraph itself what it stores: its rules change with its versions.
            self._scratch.add(ox.Quad(self._s, RDF_TYPE, lit))
            stored = next(iter(self._scratch)).object
            self._scratch.clear()
            if stored == lit:
                return None
        return ox.Literal(lit.value, datatype=ox.NamedNode(_AS_WRITTEN + quote(datatype, safe="")))


_UNSEEN = object()


def original(term: OxTerm) -> OxTerm:
    """The literal a stand-in replaced; any other term as it is."""
    if isinstance(term, ox.Literal) and term.language is None:
        datatype = term.datatype.value
        if datatype.startswith(_AS_WRITTEN):
            return ox.Literal(
                term.value, datatype=ox.NamedNode(unquote(datatype[len(_AS_WRITTEN) :]))
            )
    return term
