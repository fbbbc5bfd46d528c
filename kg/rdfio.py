"""Safe parsing and serialisation of RDF, with pyoxigraph.

Everything is parsed into memory before anything is used, so a caller that writes only after a
parse succeeded gets all-or-nothing loads. Errors name the file, line and column and keep the
parser's own words (what it expected).

Untrusted input is refused, never half-handled:

- a file over :attr:`Limits.max_file_bytes` is refused before it is read;
- a literal over :attr:`Limits.max_literal_chars`, or more than
  :attr:`Limits.max_quads_per_load` quads, is refused after parsing;
- bytes that are not UTF-8 are a syntax error with their line and column;
- JSON-LD never fetches a remote ``@context`` or ``@import``: pyoxigraph is given no document
  loader, so it cannot (a fetch would tell a third party that the file is being read, and the
  context it returns could change the meaning of the data);
- RDF/XML that declares entities (``<!ENTITY``) or an external DTD is refused before parsing:
  pyoxigraph expands internal entities, so a few hundred bytes of nested entities (the
  "billion laughs" attack) would expand to gigabytes;
- RDF 1.2 triple terms are refused: rdflib, and so SHACL validation, cannot represent them.

rdflib is never used to parse RDF here: its JSON-LD parser fetches remote contexts and its
RDF/XML parser relies on the XML library's defences.

The checks made before a parser sees the bytes (nesting depth, JSON-LD ``@id`` values, XML
entities and DTDs) are in :mod:`kg.rdf_guards`; the errors raised with the best line and column
the parser's message allows, in :mod:`kg.rdf_errors`; :func:`serialize`, in :mod:`kg.rdf_write`
(importable from here).

Example:
    >>> quads = parse_bytes(b'<https://e.org/s> <https://e.org/p> "o" .', "nt", source="x.nt")
    >>> len(quads)
    1
    >>> serialize(quads, "nt")
    b'<https://e.org/s> <https://e.org/p> "o" .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, LimitExceededError, Location, UnsupportedFormatError
from kg.formats import JSONLD, RDFXML, Format, detect_format
from kg.jsonld_terms import check_jsonld_terms
from kg.rdf_errors import _find, _rdf_format, _syntax_error, _token_too_big, _too_big
from kg.rdf_guards import check_json_depth, check_jsonld_ids, check_rdfxml
from kg.rdf_write import serialize
from kg.typed_literals import check_literals

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Size limits on untrusted input. Each one refused raises :class:`LimitExceededError`.

    Attributes:
        max_file_bytes: largest file (or in-memory payload) read, checked before reading.
            Default 512 MiB, about 4 million triples of typical N-Triples; the parsed quads
            take several times that in memory.
        max_literal_chars: longest literal, in characters. Default 1,000,000: a quote or a
            document's text fits many times over; a bigger literal is almost surely a mistake
            or an attack on whatever later renders it.
        max_quads_per_load: most quads in one file and in one load (all its files together).
            Default 20,000,000, several GB of memory while the load is held for checking.
        max_nesting: deepest nesting of JSON objects and arrays (JSON-LD) or of XML elements
            (RDF/XML). Default 100; real documents nest a few levels. pyoxigraph 0.5's JSON-LD
            parser recurses per level and crashes the process (a stack overflow, not an
            exception) at about 10,000 levels, 110 kB of input, and its RDF/XML parser takes
            time cubic in the depth (8 s at 20,000 levels, 1.3 MB).

    Example:
        >>> Limits().max_literal_chars
        1000000
        >>> Limits(max_file_bytes=1024).max_file_bytes
        1024
    """

    max_file_bytes: int = 512 * MiB
    max_literal_chars: int = 1_000_000
    max_quads_per_load: int = 20_000_000
    max_nesting: int = 100


DEFAULT_LIMITS = Limits()


def parse_bytes(
    data: bytes,
    fmt: str | Format,
    *,
    source: str,
    limits: Limits = DEFAULT_LIMITS,
    base_iri: str | None = None,
) -> list[ox.Quad]:
    """Parse RDF held in memory, with every safety check.

    Args:
        data: the document's bytes (UTF-8).
        fmt: an RDF format (see :mod:`kg.formats`); not ``yaml``, which is compiled, not parsed.
        source: a name for the input used in error messages (the file name, ``"<request>"``).
        limits: size limits.
        base_iri: the base against which relative IRIs are resolved. Without one, a relative
            IRI is an error: a file's own path would make a poor identifier.

    Returns:
        The quads, in document order. Triple formats give default-graph quads; blank nodes get
        fresh identifiers, so that two files' ``_:b1`` never merge.

    Raises:
        RdfSyntaxError: the document does not parse (or is not UTF-8); with line and column
            where the parser gives them.
        UnsafeInputError: a remote JSON-LD context, an XML entity declaration or external DTD.
        LimitExceededError: the input is over one of ``limits``.
        UnsupportedFormatError: ``fmt`` is not an RDF format, or the input has RDF 1.2 triple
            terms.

    Example:
        >>> parse_bytes(b"<https://e.org/s> <https://e.org/p> .", "turtle", source="a.ttl")
        Traceback (most recent call last):
        ...
        kg.errors.RdfSyntaxError: a.ttl:1:37: invalid Turtle: . is not a valid RDF object
    """
    rdf_format = _rdf_format(fmt, source)
    if len(data) > limits.max_file_bytes:
        raise _too_big(source, len(data), limits)
    if not data.strip():
        # An empty document is an empty graph in every format, though an empty JSON-LD file
        # is not JSON: treating all of them alike is what a user expects of an empty file.
        return []
    check_expansion(data, rdf_format, source=source, limits=limits)
    if rdf_format is JSONLD:
        check_jsonld_ids(data, source=source, base_iri=base_iri)
    parser = ox.parse(
        data,
        format=rdf_format.oxigraph,
        base_iri=base_iri,
        rename_blank_nodes=True,
    )
    try:
        quads = list(islice(parser, limits.max_quads_per_load + 1))
    except SyntaxError as error:
        raise _syntax_error(error, data, rdf_format, source) from None
    except MemoryError as error:
        if "buffer maximal size" not in str(error):
            raise
        raise _token_too_big(data, source, limits) from None
    if len(quads) > limits.max_quads_per_load:
        raise LimitExceededError(
            f"more than {limits.max_quads_per_load:,} quads",
            location=Location(source),
            term="max_quads_per_load",
            expected="a smaller file, or a higher limit for trusted data",
        )
    check_quads(quads, source=source, limits=limits, data=data)
    if rdf_format is JSONLD:
        check_jsonld_terms(data, source=source, base_iri=base_iri)
    return quads


def check_expansion(
    data: bytes, fmt: Format, *, source: str, limits: Limits = DEFAULT_LIMITS
) -> None:
    """Refuse a document that the parser would expand, recurse into or fetch for without
    bound: RDF/XML's entity declarations, external DTDs, depth and XML literals (whose
    namespace copies pass ``limits.max_literal_chars``), and JSON-LD's depth (pyoxigraph
    recurses per level and overflows the stack).

    Every path that hands RDF to pyoxigraph calls this first (:func:`parse_bytes`, and the
    bulk loader, which has no other check), so that a hostile file is refused alike
    whichever way it is loaded. Other formats have nothing to check here.

    Raises:
        UnsafeInputError: an XML entity declaration or an external DTD.
        LimitExceededError: nesting deeper than ``limits.max_nesting``, or an XML literal
            over ``limits.max_literal_chars``.
        RdfSyntaxError: RDF/XML that is not UTF-8 or not well-formed XML.

    Example:
        >>> check_expansion(b'[' * 101 + b']' * 101, JSONLD, source="x.jsonld")
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.LimitExceededError: x.jsonld:1:101: max_nesting: JSON nested deeper than 100 ...
    """
    if fmt is RDFXML:
        check_rdfxml(data, source=source, max_depth=limits.max_nesting,
                     max_literal_chars=limits.max_literal_chars)
    elif fmt is JSONLD:
        check_json_depth(data, source=source, max_depth=limits.max_nesting)


def parse_file(
    path: Path | str,
    fmt: str | Format | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    base_iri: str | None = None,
) -> list[ox.Quad]:
    """Parse an RDF file, with every safety check of :func:`parse_bytes`.

    Args:
        path: the file.
        fmt: its format; by default the one its extension says (:func:`kg.formats.detect_format`).
        limits: size limits; the file size is checked before the file is read.
        base_iri: the base against which relative IRIs are resolved; by default none.

    Returns:
        The quads, in document order.

    Raises:
        InputError: the file cannot be read, or one of the errors of :func:`parse_bytes`.

    Example:
        >>> import tempfile, os
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Path(tmp, "a.ttl")
        ...     _ = path.write_text("<https://e.org/s> <https://e.org/p> 1 .")
        ...     [q.object.value for q in parse_file(path)]
        ['1']
    """
    rdf_format = detect_format(path, fmt)
    source = str(path)
    data = read_limited(path, limits)
    return parse_bytes(data, rdf_format, source=source, limits=limits, base_iri=base_iri)


def read_limited(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes, refused without reading if it is over ``limits.max_file_bytes``.

    Raises:
        LimitExceededError: the file is too big.
        InputError: the file cannot be read (missing, a directory, no permission).

    Example:
        >>> read_limited(__file__, Limits(max_file_bytes=10))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.LimitExceededError: ...rdfio.py: max_file_bytes: file is ...
    """
    source = str(path)
    try:
        size = Path(path).stat().st_size
        if size > limits.max_file_bytes:
            raise _too_big(source, size, limits)
        with open(path, "rb") as handle:
            # Read at most one byte past the limit: the file may have grown since stat().
            data = handle.read(min(size, limits.max_file_bytes) + 1)
    except OSError as error:
        raise InputError(
            f"cannot read file: {error.strerror or error}", location=Location(source)
        ) from None
    if len(data) > limits.max_file_bytes:
        raise _too_big(source, len(data), limits)
    return data


def check_quads(
    quads: Iterable[ox.Quad],
    *,
    source: str,
    limits: Limits = DEFAULT_LIMITS,
    data: bytes | None = None,
) -> None:
    """Refuse literals over ``limits.max_literal_chars``, ill-typed literals and RDF 1.2
    triple terms.

    :func:`parse_bytes` calls this; call it for quads that come by another route (compiled
    case files).

    Args:
        quads: the quads to check.
        source: the input's name, for messages.
        limits: the limits.
        data: the document the quads were parsed from, if any: used to find the line of an
            over-long or ill-typed literal.

    Raises:
        LimitExceededError: a literal is too long; the message names its subject and predicate.
        IllTypedLiteralError: a literal's lexical form does not fit its datatype
            (:mod:`kg.typed_literals`).
        UnsupportedFormatError: a triple term.

    Example:
        >>> q = ox.Quad(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"),
        ...             ox.Literal("x" * 11))
        >>> check_quads([q], source="a.nt", limits=Limits(max_literal_chars=10))
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.LimitExceededError: a.nt: max_literal_chars: literal of 11 characters, ...
    """
    quads = quads if isinstance(quads, list) else list(quads)  # read twice
    # Every literal is measured, however small the document: an RDF/XML XML literal
    # (rdf:parseType="Literal") gets the namespaces in scope copied into each of its elements
    # (43 kB gave 25.9 million characters), and a JSON-LD JSON literal is written canonically
    # (1e20 becomes 21 digits). Skipping small documents saved 6% of this function's time.
    literal, triple = ox.Literal, ox.Triple
    for quad in quads:
        obj = quad.object
        if type(obj) is literal:
            if len(obj.value) > limits.max_literal_chars:
                line, column = _find(data or b"", obj.value[:64].encode("utf-8"))
                raise LimitExceededError(
                    f"literal of {len(obj.value):,} characters, over the limit of "
                    f"{limits.max_literal_chars:,} (subject {quad.subject}, predicate "
                    f"{quad.predicate})",
                    location=Location(source, line, column),
                    term="max_literal_chars",
                    expected="a shorter literal",
                )
        elif type(obj) is triple:
            raise UnsupportedFormatError(
                f"RDF 1.2 triple terms are not supported (subject {quad.subject}, predicate "
                f"{quad.predicate}): SHACL validation cannot check them",
                location=Location(source),
                term="triple term",
                expected="RDF 1.1 data; reify statements with rdf:Statement if needed",
            )
    check_literals(quads, source=source, data=data)


__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "check_expansion",
    "check_json_depth",
    "check_jsonld_ids",
    "check_quads",
    "check_rdfxml",
    "parse_bytes",
    "parse_file",
    "read_limited",
    "serialize",
]
