"""N-Triples as dictionary-encoded columns, read without a Python object per triple.

The screens of :mod:`kg.shacl.screen` need every triple of a large load, but building a
pyoxigraph ``Quad`` per triple costs more than Oxigraph's whole bulk load. This module reads
N-Triples, the line format of dumps, as three ``int32`` columns (subject, predicate, object)
over a table of distinct terms, with a regular expression over the whole text and
dictionaries: per triple only C code runs.

Exactness first: a term's key is its canonical N-Triples text, as ``str()`` of the pyoxigraph
term gives it, so two spellings of one RDF term (escapes, ``"a"^^xsd:string`` and ``"a"``,
language-tag case) get one id. Anything this reader does not handle exactly makes
:func:`read_ntriples` return ``None``, and the caller takes the general path: a line that is
not ``subject predicate object .`` with single spaces, a blank line or a comment, a blank node
(Oxigraph's loaders give it a fresh label of their own, each time, so a result naming it would
not name the node as stored unless the staging store is adopted), an RDF 1.2 triple term, a
literal over the size limit, a typed literal that Oxigraph would store in another form
(``"01"^^xsd:integer``), whose as-written form validation needs, or an ill-typed literal
(``"x"^^xsd:integer``), which the general path refuses with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import pyoxigraph as ox

from kg.shacl.literals import Literals
from kg.shacl.model import OxTerm
from kg.typed_literals import is_ill_typed

IRI, BLANK, LITERAL = 0, 1, 2

_LINE = re.compile(rb"^(\S+) (\S+) (.*) \.\r?$", re.M)
_IRI = re.compile(rb'<[^\x00-\x20<>"{}|^`\\\x7f]*>')
_PLAIN = re.compile(rb'"[^"\\\x00-\x1f\x7f]*"')
_TAGGED = re.compile(rb'"([^"\\\x00-\x1f\x7f]*)"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)')
_TYPED = re.compile(rb'"([^"\\\x00-\x1f\x7f]*)"\^\^<([^\x00-\x20<>"{}|^`\\\x7f]*)>')
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# U+FFFE and U+FFFF, which Oxigraph writes escaped in literals, as it does control characters.
_ESCAPED_BY_OXIGRAPH = re.compile(b"\xef\xbf[\xbe\xbf]")
# Bytes read per regular-expression pass: bounds the memory of the intermediate lists.
_CHUNK = 8 << 20
_PREFIX = b"<urn:x-kg:s> <urn:x-kg:p> "


@dataclass
class Columns:
    """Triples as three ``int32`` columns over a table of canonical terms.

    Attributes:
        s, p, o: term ids per row: the data's rows first, then any added with :meth:`extend`.
        data_rows: how many rows are the data's.
        triples: triples (lines) read, duplicates included.
        terms: canonical N-Triples text of each term, by id.
        kinds: :data:`IRI`, :data:`BLANK` or :data:`LITERAL` per term.
    """

    s: np.ndarray
    p: np.ndarray
    o: np.ndarray
    data_rows: int
    triples: int
    terms: list[bytes]
    kinds: np.ndarray
    index: dict[bytes, int] = field(repr=False)
    _ox: dict[int, OxTerm] = field(default_factory=dict, repr=False)

    def iri(self, iri: str) -> int:
        """The id of an IRI, or -1 if no row has it."""
        return self.index.get(b"<" + iri.encode("utf-8") + b">", -1)

    def term(self, tid: int) -> OxTerm:
        """The pyoxigraph term of an id (made on demand, then kept)."""
        found = self._ox.get(tid)
        if found is None:
            found = self._ox[tid] = _to_term(self.terms[tid])
        return found

    def extend(self, triples: list[Any]) -> None:
        """Add rows (pyoxigraph triples or quads) after the data's, such as the vocabulary."""
        kinds: list[int] = []
        ids = [
            self._add(str(t).encode("utf-8"), kinds)
            for q in triples
            for t in (q.subject, q.predicate, q.object)
        ]
        self.kinds = np.concatenate([self.kinds, np.asarray(kinds, dtype=np.uint8)])
        rows = np.asarray(ids, dtype=np.int32).reshape(-1, 3)
        self.s = np.concatenate([self.s, rows[:, 0]])
        self.p = np.concatenate([self.p, rows[:, 1]])
        self.o = np.concatenate([self.o, rows[:, 2]])

    def _add(self, key: bytes, kinds: list[int]) -> int:
        tid = self.index.get(key)
        if tid is None:
            tid = self.index[key] = len(self.terms)
            self.terms.append(key)
            kinds.append(IRI if key[:1] == b"<" else BLANK if key[:1] == b"_" else LITERAL)
        return tid


def read_ntriples(data: bytes, *, max_literal_bytes: int) -> Columns | None:
    """The triples of an N-Triples document as columns, or ``None`` if not read exactly.

    Args:
        data: the document (UTF-8; invalid bytes make the caller's parser fail instead).
        max_literal_bytes: a literal longer than this, in bytes, returns ``None``, so that the
            general path reports it with its own message.

    Example:
        >>> cols = read_ntriples(b'<https://e.org/s> <https://e.org/p> "o" .\\n',
        ...                      max_literal_bytes=100)
        >>> cols.triples, [cols.terms[i] for i in (cols.s[0], cols.o[0])]
        (1, [b'<https://e.org/s>', b'"o"'])
    """
    raw: dict[bytes, int] = {}
    blocks: list[np.ndarray] = []
    start, size = 0, len(data)
    while start < size:
        end = data.find(b"\n", min(start + _CHUNK, size))
        end = size if end < 0 else end + 1
        chunk = data[start:end]
        rows = _LINE.findall(chunk)
        lines = chunk.count(b"\n") + (0 if chunk.endswith(b"\n") else 1)
        if len(rows) != lines:
            return None  # a blank line, a comment, other spacing: the general path decides
        new = dict.fromkeys(chain.from_iterable(rows)).keys() - raw.keys()
        raw.update(zip(new, range(len(raw), len(raw) + len(new)), strict=True))
        flat = np.fromiter(map(raw.__getitem__, chain.from_iterable(rows)), np.int32, 3 * len(rows))
        blocks.append(flat.reshape(-1, 3))
        start = end
    table = np.concatenate(blocks) if blocks else np.zeros((0, 3), np.int32)
    keys = list(raw)
    canonical = _canonical_terms(keys, max_literal_bytes)
    if canonical is None:
        return None
    terms, remap, kinds = canonical
    index = {key: i for i, key in enumerate(terms)}
    cols = Columns(
        s=remap[table[:, 0]],
        p=remap[table[:, 1]],
        o=remap[table[:, 2]],
        data_rows=len(table),
        triples=len(table),
        terms=terms,
        kinds=kinds,
        index=index,
    )
    if (kinds[cols.s] == LITERAL).any() or (kinds[cols.p] != IRI).any():
        return None
    return cols


def _canonical_terms(
    keys: list[bytes], max_literal_bytes: int
) -> tuple[list[bytes], np.ndarray, np.ndarray] | None:
    terms: list[bytes] = []
    index: dict[bytes, int] = {}
    kinds: list[int] = []
    remap = np.empty(len(keys), dtype=np.int32)
    literals = Literals()
    for i, key in enumerate(keys):
        found = _canonical(key, literals, max_literal_bytes)
        if found is None:
            return None
        text, kind = found
        tid = index.get(text)
        if tid is None:
            tid = index[text] = len(terms)
            terms.append(text)
            kinds.append(kind)
        remap[i] = tid
    if BLANK in kinds:
        return None
    return terms, remap, np.asarray(kinds, dtype=np.uint8)


def _canonical(key: bytes, literals: Literals, max_literal_bytes: int) -> tuple[bytes, int] | None:
    first = key[:1]
    if first == b"<":
        if _IRI.fullmatch(key):
            return key, IRI
    elif first == b'"' and not _ESCAPED_BY_OXIGRAPH.search(key):
        if len(key) > max_literal_bytes:
            return None
        if _PLAIN.fullmatch(key):
            return key, LITERAL
        tagged = _TAGGED.fullmatch(key)
        if tagged:
            # Oxigraph keeps language tags in lower case.
            return b'"' + tagged[1] + b'"@' + tagged[2].lower(), LITERAL
        typed = _TYPED.fullmatch(key)
        if typed:
            datatype = typed[2].decode("utf-8", "replace")
            if datatype == _XSD_STRING:
                return b'"' + typed[1] + b'"', LITERAL
            try:
                literal = ox.Literal(typed[1].decode("utf-8"), datatype=ox.NamedNode(datatype))
            except ValueError:
                return None
            if literals.stand_in(literal) is not None:
                return None  # Oxigraph would store another form; validation needs this one
            if is_ill_typed(literal):
                return None  # the general path refuses it with its line
            return str(literal).encode("utf-8"), LITERAL
    elif first == b"_":
        return None  # blank nodes: see the module's docstring
    # Escapes, control characters, anything unusual: Oxigraph's own parser decides.
    try:
        term = _parse_object(key)
    except (SyntaxError, ValueError):
        return None
    if isinstance(term, ox.Literal):
        if (len(term.value) > max_literal_bytes or literals.stand_in(term) is not None
                or is_ill_typed(term)):
            return None
        return str(term).encode("utf-8"), LITERAL
    if isinstance(term, ox.NamedNode):
        return str(term).encode("utf-8"), IRI
    return None


def _parse_object(key: bytes) -> OxTerm:
    quads = list(ox.parse(_PREFIX + key + b" .\n", format=ox.RdfFormat.N_TRIPLES))
    if len(quads) != 1:
        raise ValueError("not one term")
    return quads[0].object  # type: ignore[return-value]


def _to_term(text: bytes) -> OxTerm:
    if text[:1] == b"<":
        return ox.NamedNode(text[1:-1].decode("utf-8"))
    if _PLAIN.fullmatch(text):
        return ox.Literal(text[1:-1].decode("utf-8"))
    return _parse_object(text)
