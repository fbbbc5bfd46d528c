"""Serialisation of RDF, with pyoxigraph: :func:`serialize`, re-exported by :mod:`kg.rdfio`.

What no reader would read back is refused rather than written: characters RDF/XML cannot
carry, and RDF/XML that XML parsers refuse."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

import pyoxigraph as ox

from kg.errors import InputError, Location, UnsupportedFormatError
from kg.formats import RDFXML, Format
from kg.namespaces import PREFIXES
from kg.rdf_errors import _rdf_format
from kg.rdf_guards import check_rdfxml

# Characters outside XML 1.0's Char production (section 2.2), which no XML document can
# hold, not even escaped; IRIs cannot hold them either (pyoxigraph refuses them).
_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def serialize(quads: Iterable[ox.Quad], fmt: str | Format) -> bytes:
    """Write quads in an RDF format.

    No statement is written twice. For a triple format (Turtle, N-Triples, RDF/XML) the quads
    are flattened into one graph, so a triple that several graphs hold is written once; TriG,
    N-Quads and JSON-LD keep the named graphs, so it is written once in each (each is a
    statement of the dataset: a source document's graph says it), and a quad given twice is
    written once. Turtle, TriG and RDF/XML use the prefixes of :data:`kg.namespaces.PREFIXES`;
    pyoxigraph writes JSON-LD in expanded form (full IRIs, no ``@context``).

    Args:
        quads: the quads to write.
        fmt: an RDF format (see :mod:`kg.formats`).

    Returns:
        The document, UTF-8.

    Raises:
        UnsupportedFormatError: ``fmt`` is not an RDF format (``yaml`` is only read), or is
            RDF/XML and the data holds what XML cannot carry (a control character in a
            literal, a property IRI whose last part is no XML name).

    Example:
        >>> q = ox.Quad(ox.NamedNode("https://w3id.org/cred-kg/ns#a"),
        ...             ox.NamedNode("https://w3id.org/cred-kg/ns#b"), ox.Literal("c"))
        >>> print(serialize([q, q], "turtle").decode().splitlines()[-1])
        cred:a cred:b "c" .
        >>> serialize([q, q], "nquads").count(b"\\n")
        1
    """
    rdf_format = _rdf_format(fmt, "<output>")
    # dict keeps the first occurrence's order, so the output is deterministic. (A store is a
    # set of quads, but a caller's list may not be: TriG wrote a repeated quad's object twice.)
    items: list[ox.Quad] | list[ox.Triple]
    if rdf_format.named_graphs:
        items = _grouped(dict.fromkeys(quads))
    else:
        items = triples = _grouped(dict.fromkeys(q.triple for q in quads))
        if rdf_format is RDFXML:
            _check_xml_chars(triples)
    data = ox.serialize(items, format=rdf_format.oxigraph, prefixes=PREFIXES)
    # Without an output pyoxigraph returns the document (its stub says bytes | None for both).
    assert data is not None
    if rdf_format is RDFXML:
        _check_written_xml(data)
    return data


T = TypeVar("T", ox.Quad, ox.Triple)


def _grouped(items: Iterable[T]) -> list[T]:
    """``items`` with each subject's statements together (per graph for quads), subjects in
    the order they first appear. The writers group only consecutive statements of a subject:
    in store order a subject's statements are spread over the graphs, and RDF/XML had one
    ``rdf:Description`` per triple, Turtle a block per run."""
    groups: dict[object, list[T]] = {}
    for item in items:
        key = (item.graph_name, item.subject) if isinstance(item, ox.Quad) else item.subject
        groups.setdefault(key, []).append(item)
    return [item for group in groups.values() for item in group]


def _check_written_xml(data: bytes) -> None:
    """Refuse RDF/XML that our own reader would refuse: pyoxigraph writes a property IRI whose
    last part holds a character outside the Basic Multilingual Plane as an element name, which
    Expat (XML 1.0 before its fifth edition) does not accept."""
    try:
        check_rdfxml(data, source="<output>")
    except InputError as error:
        line = error.location.line
        text = data.splitlines()[line - 1].strip()[:120].decode("utf-8", "replace") if line else ""
        raise UnsupportedFormatError(
            f"the data cannot be written as RDF/XML that XML parsers read back "
            f"({error.message}, at {text!r}); most likely a property IRI whose last part is not "
            "an XML name",
            location=Location("<output>"),
            term="rdfxml",
            expected="another format: Turtle, TriG, N-Triples, N-Quads or JSON-LD",
        ) from None


def _check_xml_chars(triples: Iterable[ox.Triple]) -> None:
    """Refuse a literal that RDF/XML cannot carry, rather than write a document no XML
    parser reads back (pyoxigraph writes such characters as they are)."""
    for triple in triples:
        obj = triple.object
        if isinstance(obj, ox.Literal):
            bad = _NOT_XML_CHAR.search(obj.value)
            if bad:
                raise UnsupportedFormatError(
                    f"a literal holds the character U+{ord(bad.group()):04X}, which XML 1.0, "
                    f"and so RDF/XML, cannot carry (subject {triple.subject}, predicate "
                    f"{triple.predicate})",
                    location=Location("<output>"),
                    term="rdfxml",
                    expected="another format: Turtle, TriG, N-Triples, N-Quads or JSON-LD",
                )


__all__ = ["serialize"]
