"""Tests of one value node decided in Python with pySHACL's rules: ``sh:datatype`` (4.1.2),
``sh:pattern`` (4.4.3) and the four range constraints (4.3).

Why some tests run in Python: pySHACL decides ``sh:datatype`` with rdflib's conversion of the
lexical form (``Literal.ill_typed``) and the Python type of the value, not with XSD's rules nor
Oxigraph's: it accepts ``"abc"^^xsd:gYear`` and ``"1e3"^^xsd:decimal`` and refuses
``"2024-02-30"^^xsd:date``. ``sh:pattern`` is Python's ``re``, whose ``\\S`` differs from the
Rust regex crate's on U+001C to U+001F. So these tests run on distinct values in Python, with
the same rules; there are few distinct values compared with triples.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.shacl.conditions import Condition


@dataclass(frozen=True)
class DatatypeCondition(Condition):
    """``sh:datatype`` (4.1.2), decided as pySHACL 0.40 does.

    pySHACL's ``DatatypeConstraintComponent.evaluate``: a literal matches if its datatype is
    the one required (a plain literal is an ``xsd:string``, a language-tagged one an
    ``rdf:langString``), rdflib does not flag it ``ill_typed``, and the Python value has the
    type expected of a few datatypes; ``rdfs:Literal`` matches any literal.
    """

    datatype: str
    local = True

    def holds(self, term: Node) -> bool:
        if not isinstance(term, Literal):
            return False
        rule = URIRef(self.datatype)
        if term.datatype == rule:
            if getattr(term, "ill_typed", None) is True:
                return False
            return _has_python_type(term, rule)
        if rule == RDFS.Literal:
            return True
        if rule == RDFS.Datatype and term.datatype:
            return True
        if term.datatype is None and term.language is None and rule == XSD.string:
            return _has_python_type(term, rule)
        if rule == RDF.langString and term.language:
            return _has_python_type(term, rule)
        return False


# pySHACL's DatatypeConstraintComponent._assert_actual_datatype: the Python type rdflib's value
# must have; other datatypes pass.
_PYTHON_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: datetime.date,
    XSD.time: datetime.time,
    XSD.dateTime: datetime.datetime,
}


def _has_python_type(term: Literal, rule: URIRef) -> bool:
    kind = _PYTHON_TYPES.get(rule)
    return True if kind is None else isinstance(term.value, kind)


@dataclass(frozen=True)
class PatternCondition(Condition):
    """``sh:pattern`` (4.4.3) with pySHACL's reading: Python ``re``, only flags ``i`` and ``m``.

    A blank node fails; a plain or language-tagged string is matched on its value, anything
    else on ``str(term)``.
    """

    pattern: str
    flags: str = ""
    local = True

    def holds(self, term: Node) -> bool:
        if isinstance(term, BNode):
            return False
        if (
            isinstance(term, Literal)
            and term.value is not None
            and term.datatype in (None, RDF.langString, XSD.string)
        ):
            text = str(term.value)
        else:
            text = str(term)
        return regex(self.pattern, self.flags).search(text) is not None


@cache
def regex(pattern: str, flags: str) -> re.Pattern[str]:
    """The compiled ``sh:pattern``, with pySHACL's reading of ``sh:flags``."""
    mode = (re.I if "i" in flags.lower() else 0) | (re.M if "m" in flags.lower() else 0)
    return re.compile(pattern, mode)


_RANGE_TESTS: dict[str, Callable[[int], bool]] = {
    str(SH.minInclusive): lambda c: c >= 0,
    str(SH.minExclusive): lambda c: c > 0,
    str(SH.maxInclusive): lambda c: c <= 0,
    str(SH.maxExclusive): lambda c: c < 0,
}


@dataclass(frozen=True)
class RangeCondition(Condition):
    """``sh:minInclusive`` and its three siblings (4.3), with pySHACL's comparison.

    Only literals compare; a string never compares with a non-string; an incomparable pair
    fails.
    """

    operator: str
    bound: Literal
    local = True

    def holds(self, term: Node) -> bool:
        if not isinstance(term, Literal):
            return False
        if isinstance(self.bound.value, str) != isinstance(term.value, str):
            return False
        try:
            return _RANGE_TESTS[self.operator](_compare_literals(term, self.bound))
        except (TypeError, NotImplementedError):
            return False


def _compare_literals(left: Literal, right: Literal) -> int:
    # pySHACL's rdfutil.compare.compare_literal.
    if left.eq(right):
        return 0
    if left.value.__class__ in (datetime.datetime, datetime.time):
        if left.value == right.value:
            return 0
        if left.value > right.value:
            return 1
    elif left > right:
        return 1
    return -1
