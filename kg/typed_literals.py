"""Ill-typed literals: a lexical form that is not in its datatype's lexical space.

``"x"^^xsd:integer`` and ``"2024-13-45"^^xsd:date`` parse, but SPARQL and SHACL treat them as
ill-formed (RDF 1.1 Concepts, section 3.3): a comparison or a cast fails and ``sh:datatype``
refuses them. :func:`check_literals` refuses them on input, with the file, line and literal,
before SHACL runs.

The rule is rdflib's (``Literal.ill_typed``), the one ``sh:datatype`` uses here
(:mod:`kg.shacl.term_conditions`, as pySHACL does), so that input refused here is never input
that SHACL would accept, and the reverse. rdflib is lenient on a few forms (``"abc"^^xsd:gYear``
and ``"1e3"^^xsd:decimal`` pass) and strict on two that XSD 1.1 allows (``T24:00:00``, and
the year ``0000`` of ``"0000-01-01"^^xsd:date``).

rdflib logs each lexical form it cannot convert, with a traceback, on the ``rdflib.term``
logger, and warns about odd booleans and numbers; :func:`quiet_rdflib` silences both while
our code converts terms, since the product reports the problem itself.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pyoxigraph as ox

from kg.errors import IllTypedLiteralError, Location
from kg.namespaces import PREFIXES
from kg.rdf_guards import _position

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_RDFLIB_TERM = logging.getLogger("rdflib.term")


class _DropConversionNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Within the block, rdflib neither logs failed literal conversions nor warns about odd
    literals. Scoped: the logger and the warning filters are as they were afterwards.

    Example:
        >>> import rdflib
        >>> with quiet_rdflib():
        ...     rdflib.Literal("x", datatype=rdflib.XSD.integer).ill_typed
        True
    """
    noise = _DropConversionNoise()
    _RDFLIB_TERM.addFilter(noise)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module=r"rdflib\.term")
            yield
    finally:
        _RDFLIB_TERM.removeFilter(noise)


def _calendar(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def valid(text: str) -> bool:
        try:
            parse(text)
        except ValueError:
            return False
        return True

    return valid


# Forms that are valid by XSD and by rdflib's rule alike, checked without rdflib's conversion
# (about 8 us a literal): a file of a million distinct timestamps would otherwise spend seconds
# here. Anything else, such as a time zone offset or an hour 24, goes to rdflib, which decides.
_SURELY_VALID: dict[str, tuple[re.Pattern[str], Callable[[str], bool]]] = {
    _XSD + "integer": (re.compile(r"[+-]?[0-9]+"), lambda _: True),
    _XSD + "date": (re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), _calendar(date.fromisoformat)),
    _XSD + "dateTime": (
        re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z?"),
        _calendar(datetime.fromisoformat),
    ),
}


def is_ill_typed(literal: ox.Literal) -> bool:
    """Whether an XSD-typed literal's lexical form is not in its datatype's lexical space.

    Example:
        >>> is_ill_typed(ox.Literal("2024-13-45", datatype=ox.NamedNode(_XSD + "date")))
        True
        >>> is_ill_typed(ox.Literal("2024-12-25", datatype=ox.NamedNode(_XSD + "date")))
        False
    """
    if literal.language is not None:
        return False
    datatype = literal.datatype.value
    if datatype == _XSD_STRING or not datatype.startswith(_XSD):
        return False
    surely = _SURELY_VALID.get(datatype)
    if surely is not None and surely[0].fullmatch(literal.value) and surely[1](literal.value):
        return False
    # Imported here: only data with typed literals needs rdflib.
    import rdflib

    with quiet_rdflib():
        converted = rdflib.Literal(
            literal.value, datatype=rdflib.URIRef(datatype), normalize=False
        )
        return converted.ill_typed is True


def check_literals(
    quads: Iterable[ox.Quad], *, source: str, data: bytes | None = None
) -> None:
    """Refuse the quads if a literal is ill-typed.

    Args:
        quads: the quads to check.
        source: the input's name, for the message.
        data: the document the quads came from, if any: used to find the literal's line.

    Raises:
        IllTypedLiteralError: for the first ill-typed literal in document order; the message
            gives its subject and predicate and how many others there are.

    Example:
        >>> s, p = ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p")
        >>> lit = ox.Literal("x", datatype=ox.NamedNode(_XSD + "integer"))
        >>> check_literals([ox.Quad(s, p, lit)], source="a.nt")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.IllTypedLiteralError: a.nt: "x"^^xsd:integer: ill-typed literal: ...
    """
    seen: dict[ox.Literal, bool] = {}
    bad: list[ox.Quad] = []
    literal_type = ox.Literal
    for quad in quads:
        obj = quad.object
        if type(obj) is literal_type and obj.language is None:
            verdict = seen.get(obj)
            if verdict is None:
                verdict = seen[obj] = is_ill_typed(obj)
            if verdict:
                bad.append(quad)
    if not bad:
        return
    first = bad[0]
    literal = first.object
    assert isinstance(literal, ox.Literal)
    datatype = _short(literal.datatype.value)
    line, column = _locate(data, literal)
    others = f"; {len(bad) - 1} more ill-typed literal(s) after it" if len(bad) > 1 else ""
    raise IllTypedLiteralError(
        f"ill-typed literal: {literal.value!r} is not a valid {datatype} (subject "
        f"{first.subject}, predicate {first.predicate}){others}",
        location=Location(source, line, column),
        term=f'"{literal.value}"^^{datatype}',
        expected=f"a lexical form of {datatype}, or a plain string",
    )


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _locate(data: bytes | None, literal: ox.Literal) -> tuple[int | None, int | None]:
    """Line and column of the literal's first quoted occurrence followed by a datatype (Turtle,
    N-Triples), else of its lexical form anywhere; ``None`` if it is written with escapes."""
    if not data:
        return None, None
    value = re.escape(literal.value.encode("utf-8"))
    for pattern in (rb"([\"'])" + value + rb"\1\^\^", rb"([\"'>])" + value + rb"[\"'<]"):
        match = re.search(pattern, data)
        if match:
            return _position(data, match.start())
    return None, None


__all__ = ["check_literals", "is_ill_typed", "quiet_rdflib"]
