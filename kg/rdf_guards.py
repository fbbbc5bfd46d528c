"""Checks run on untrusted RDF input before a parser sees it (private to :mod:`kg.rdfio`).

Nesting depth of JSON and JSON-LD, the ``@id`` values of JSON-LD, and RDF/XML's depth, entity
declarations and external DTDs: what a parser would otherwise follow into deep recursion,
entity expansion or a fetch. Each refusal names the place (line, column) and the limit.
"""

from __future__ import annotations

import json
import re
from xml.parsers import expat

from kg.errors import LimitExceededError, Location, RdfSyntaxError, UnsafeInputError

# Any entity declaration, general or parameter (XML 1.0 section 4.2). Case-insensitive so that
# a lenient parser's reading of a misspelt declaration is caught too.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
# A DOCTYPE with an external identifier (XML 1.0 section 2.8): a DTD to be fetched.
_EXTERNAL_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*?\b(?:SYSTEM|PUBLIC)\b", re.IGNORECASE)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _utf8_error(
    data: bytes, source: str, line: int | None = None, column: int | None = None
) -> RdfSyntaxError | None:
    """The error for the first byte that is not UTF-8, or ``None`` if all are."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        return RdfSyntaxError(
            f"byte 0x{data[error.start]:02x} is not valid UTF-8",
            location=Location(source, line, column),
            term="encoding",
            expected="UTF-8 text",
        )
    return None


_JSON_STRING_OR_BRACKET = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
# Every byte but quotes and brackets, for bytes.translate; and a string once escapes are gone.
_NOT_STRUCTURE = bytes(sorted(set(range(256)) - set(b'"[]{}')))
_BARE_STRING = re.compile(rb'"[^"]*"')


def check_json_depth(data: bytes, *, source: str, max_depth: int = 100) -> None:
    """Refuse JSON that nests objects and arrays deeper than ``max_depth``.

    pyoxigraph's JSON-LD parser recurses once per level, so a deep document overflows the
    stack and kills the process; this runs first. Linear in the size: strings are cut out
    with one regular expression and the depth is a running sum over the brackets left.

    Raises:
        LimitExceededError: with the line and column of the first bracket past the limit.

    Example:
        >>> check_json_depth(b'{"a": [[1]]}', source="x.jsonld", max_depth=2)
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.LimitExceededError: x.jsonld:1:8: max_nesting: JSON nested deeper than 2 ...
    """
    if data.count(b"{") + data.count(b"[") <= max_depth:
        return
    import numpy as np

    # Escaped backslashes first, then escaped quotes: what is left of a string is "...".
    # All in C: a tenth of the parser's own time on a 15 MB document.
    bare = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    codes = np.frombuffer(_BARE_STRING.sub(b"", bare), dtype=np.uint8)
    steps = ((codes == ord("{")) | (codes == ord("["))).astype(np.int64) - (
        (codes == ord("}")) | (codes == ord("]")))
    if not len(steps) or int(np.cumsum(steps).max()) <= max_depth:
        return
    depth = 0
    line: int | None
    column: int | None
    for match in _JSON_STRING_OR_BRACKET.finditer(data):
        token = match.group()
        if token in (b"{", b"["):
            depth += 1
            if depth > max_depth:
                line, column = _position(data, match.start())
                break
        elif token in (b"}", b"]"):
            depth -= 1
    else:  # pragma: no cover - the sum above found the place
        line = column = None
    raise _too_deep(f"JSON nested deeper than {max_depth:,} levels (objects and arrays)",
                    source, line, column)


# An "@id" with its string value (unrolled: no per-character group state on long values).
_JSONLD_ID = re.compile(rb'"@id"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"')
# Characters no IRI reference may hold (RFC 3987: space, <>"{}|\^` and controls).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')


def check_jsonld_ids(data: bytes, *, source: str, base_iri: str | None = None) -> None:
    """Refuse an ``@id`` that the JSON-LD algorithm would silently drop.

    JSON-LD to RDF (JSON-LD 1.1 API, section 8.3) skips a node whose ``@id`` is not a
    well-formed IRI, and a relative one when there is no base: the file then loads without
    that node's data, and without a word. Two cases are certain without processing the
    contexts: characters that no IRI may hold, and a relative ``@id`` in a document with no
    ``@context`` at all and no ``base_iri`` (with one, the parser resolves it).

    Raises:
        RdfSyntaxError: with the line and column of the ``@id``.

    Example:
        >>> check_jsonld_ids(b'{"@id": "urn:a b"}', source="x.jsonld")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.RdfSyntaxError: x.jsonld:1:2: @id: 'urn:a b' is not an IRI ...
    """
    if b'"@id"' not in data:
        return
    contextless = b'"@context"' not in data and base_iri is None
    for match in _JSONLD_ID.finditer(data):
        raw = match.group(1)
        try:
            value = json.loads(b'"' + raw + b'"') if b"\\" in raw else raw.decode("utf-8")
        except ValueError:
            continue  # the parser reports bad JSON or UTF-8 with its own position
        if value.startswith(("_:", "@")):
            continue
        bad = _NOT_IN_IRI.search(value)
        if bad or (contextless and ":" not in value):
            line, column = _position(data, match.start())
            why = (f"it holds {bad.group()!r}" if bad else
                   "it is relative and the document sets no @base")
            raise RdfSyntaxError(
                f"{value!r} is not an IRI ({why}); JSON-LD would drop the node silently",
                location=Location(source, line, column), term="@id",
                expected="an absolute IRI such as https://example.org/a, or a blank node _:a")


def _too_deep(message: str, source: str, line: int | None,
              column: int | None) -> LimitExceededError:
    return LimitExceededError(
        message, location=Location(source, line, column), term="max_nesting",
        expected="a flatter document: give nested nodes their own @id (JSON-LD) or "
        "rdf:about (RDF/XML) at the top level")


class _XmlRefused(Exception):
    def __init__(self, message: str, term: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.term, self.line, self.column = message, term, line, column


def check_rdfxml(
    data: bytes, *, source: str, max_depth: int = 100, max_literal_chars: int | None = None
) -> None:
    """Refuse entity declarations and external DTDs; check UTF-8 and XML well-formedness.

    pyoxigraph expands internal entities and accepts some ill-formed documents (a missing end
    tag at the end of the file), and reports XML errors without a position. Expat, with no
    entity declaration allowed and no external entity loaded, gives both the strictness and
    the line and column. :func:`parse_bytes` calls this for RDF/XML; call it yourself before
    handing RDF/XML to pyoxigraph by another route.

    An XML literal (``rdf:parseType="Literal"``) is another expansion: pyoxigraph copies every
    namespace declaration in scope into each of its elements (a 43 kB document with 40
    namespaces gave a literal of 25.9 million characters). With ``max_literal_chars``, a
    document whose copies alone would pass it is refused before the parser builds them.

    Raises:
        UnsafeInputError: an entity declaration or an external DTD, with its line.
        RdfSyntaxError: bytes that are not UTF-8, or XML that is not well-formed.
        LimitExceededError: elements nested deeper than ``max_depth``; an XML literal whose
            namespace copies pass ``max_literal_chars``.

    Example:
        >>> check_rdfxml(b'<!DOCTYPE r [<!ENTITY a "aa">]><r/>', source="x.rdf")
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.UnsafeInputError: x.rdf:1:14: <!ENTITY: the document declares an XML ...
    """
    for pattern, term, what in (
        (_ENTITY_DECLARATION, "<!ENTITY", "declares an XML entity"),
        (_EXTERNAL_DOCTYPE, "<!DOCTYPE", "refers to an external DTD"),
    ):
        match = pattern.search(data)
        if match:
            line, column = _position(data, match.start())
            raise UnsafeInputError(
                f"the document {what}; RDF/XML with entity declarations or external DTDs is "
                "refused, since entities can expand to gigabytes ('billion laughs') or read "
                "local files",
                location=Location(source, line, column),
                term=term,
                expected="RDF/XML without a DOCTYPE, or with a DOCTYPE that declares nothing",
            )
    utf8 = _utf8_error(data, source)
    if utf8 is not None:
        raise utf8

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_entity(name: str, *_args: object) -> None:
        raise _XmlRefused(
            f"the document declares the XML entity {name!r}",
            "<!ENTITY",
            parser.CurrentLineNumber,
            parser.CurrentColumnNumber + 1,
        )

    def refuse_external_dtd(
        _name: str, system_id: str | None, public_id: str | None, _internal: int
    ) -> None:
        if system_id or public_id:
            raise _XmlRefused(
                f"the DOCTYPE refers to an external DTD ({system_id or public_id})",
                "<!DOCTYPE",
                parser.CurrentLineNumber,
                parser.CurrentColumnNumber + 1,
            )

    # Second line of defence behind the pattern check above, in case a declaration is spelt in
    # a way the pattern misses.
    parser.EntityDeclHandler = refuse_entity
    parser.StartDoctypeDeclHandler = refuse_external_dtd
    depth = 0
    # Characters of the namespace declarations in scope, per open element; where an XML
    # literal opened (its depth), and the characters its elements' copies add up to.
    in_scope = [0]
    literal_at: int | None = None
    copied = 0
    # (an attribute name cannot be written with character references: no literal otherwise)
    if b"parseType" not in data:
        max_literal_chars = None

    def enter(_name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, literal_at, copied
        depth += 1
        if depth > max_depth:
            raise _XmlRefused(f"XML elements nested deeper than {max_depth:,} levels",
                              "max_nesting", parser.CurrentLineNumber,
                              parser.CurrentColumnNumber + 1)
        if max_literal_chars is None:
            return
        in_scope.append(in_scope[-1] + sum(
            len(k) + len(v) + 4 for k, v in attributes.items()
            if k == "xmlns" or k.startswith("xmlns:")))
        if literal_at is not None:
            copied += in_scope[-1]
            if copied > max_literal_chars:
                raise _XmlRefused(
                    f"an XML literal (rdf:parseType=\"Literal\") would pass "
                    f"{max_literal_chars:,} characters: the parser copies the namespace "
                    "declarations in scope into each of its elements", "max_literal_chars",
                    parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        elif any(k.rpartition(":")[2] == "parseType" and v == "Literal"
                 for k, v in attributes.items()):
            literal_at = depth

    def leave(*_args: object) -> None:
        nonlocal depth, literal_at
        if max_literal_chars is not None:
            in_scope.pop()
            if literal_at == depth:
                literal_at = None
        depth -= 1

    parser.StartElementHandler = enter
    parser.EndElementHandler = leave
    try:
        parser.Parse(data, True)
    except _XmlRefused as refused:
        if refused.term == "max_nesting":
            raise _too_deep(refused.message, source, refused.line, refused.column) from None
        if refused.term == "max_literal_chars":
            raise LimitExceededError(
                refused.message, location=Location(source, refused.line, refused.column),
                term=refused.term, expected="fewer namespace declarations in scope, or a "
                "smaller XML literal") from None
        raise UnsafeInputError(
            refused.message,
            location=Location(source, refused.line, refused.column),
            term=refused.term,
        ) from None
    except expat.ExpatError as error:
        raise RdfSyntaxError(
            f"invalid RDF/XML: XML is not well-formed: {expat.ErrorString(error.code)}",
            location=Location(source, error.lineno, error.offset + 1),
        ) from None


__all__ = ["check_json_depth", "check_jsonld_ids", "check_rdfxml"]
