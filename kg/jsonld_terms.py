"""Refuse a JSON-LD document that uses a term no context defines: JSON-LD drops it silently.

JSON-LD to RDF (JSON-LD 1.1 API, section 4.5.2, IRI expansion) turns a key into a property
only if a context defines it, it is a compact or absolute IRI, or the context sets ``@vocab``;
any other key is dropped with its values, and ``"@type": "Foo"`` likewise, so a misspelt term
loads "fine" without its data. pyoxigraph does not say what it dropped, and telling needs the
context processing. So the document is parsed a second time with a sentinel ``@vocab`` set at
its top level, below every context it has: a term the first parse dropped now expands to the
sentinel namespace, where it shows, and nothing else changes (a defined term, a compact IRI and
an absolute IRI never use ``@vocab``). A document that mentions ``@vocab`` anywhere is not
checked (its own ``@vocab`` keeps every term, or a ``"@type": "@vocab"`` coercion would read
values differently), nor is a term after a ``"@context": null``, which clears the sentinel too.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pyoxigraph as ox

from kg.errors import Location, RdfSyntaxError

#: Where undefined terms land in the checking parse; never in data.
SENTINEL = "urn:x-kg-undefined-term:"


def check_jsonld_terms(data: bytes, *, source: str, base_iri: str | None = None) -> None:
    """Raise if the document uses a term that no context defines (see the module docstring).

    Call it on a document that parsed: its JSON is valid and its contexts are local.

    Raises:
        RdfSyntaxError: with the line and column of the first undefined term's key.

    Example:
        >>> doc = b'{"@context": {"name": "https://schema.org/name"}, "@id": "urn:a", "nmae": "x"}'
        >>> check_jsonld_terms(doc, source="a.jsonld")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.RdfSyntaxError: a.jsonld:1:67: nmae: the term 'nmae' is not defined ...
    """
    if b'"@vocab"' in data:
        return
    try:
        document = json.loads(data)
    except ValueError:
        return  # the parser has reported bad JSON already
    checking = _with_sentinel(document)
    if checking is None:
        return
    undefined = _undefined_terms(json.dumps(checking).encode(), base_iri)
    if not undefined:
        return
    term = undefined[0]
    line, column = _key_position(data, term)
    others = f" (and {', '.join(repr(t) for t in undefined[1:4])})" if len(undefined) > 1 else ""
    raise RdfSyntaxError(
        f"the term {term!r} is not defined by any @context{others}, and the document sets no "
        "@vocab; JSON-LD would drop its data silently",
        location=Location(source, line, column),
        term=term,
        expected="a term the @context defines, a compact IRI (prefix:name), an absolute IRI, "
        'or an "@vocab" in the @context',
    )


def _with_sentinel(document: Any) -> Any:
    """The document with the sentinel ``@vocab`` under its top-level contexts, or ``None``
    when its shape is not one JSON-LD reads (the parser has said so)."""
    vocab = {"@vocab": SENTINEL}
    if isinstance(document, list):
        return {"@context": vocab, "@graph": document}
    if not isinstance(document, dict):
        return None
    context = document.get("@context")
    if context is None:
        contexts: list[Any] = [vocab]
    elif isinstance(context, list):
        contexts = [vocab, *context]
    else:
        contexts = [vocab, context]
    return {**document, "@context": contexts}


def _undefined_terms(checking: bytes, base_iri: str | None) -> list[str]:
    """The sentinel IRIs' local names, in the order the checking parse meets them."""
    try:
        quads = list(ox.parse(checking, format=ox.RdfFormat.JSON_LD, base_iri=base_iri))
    except (SyntaxError, ValueError):
        return []  # not expected after a good first parse; the first parse stands
    found: dict[str, None] = {}
    for quad in quads:
        # With a base, a relative "@type" value (a class, a datatype) resolves against it
        # rather than being dropped (JSON-LD 1.1 API, IRI expansion, document-relative): only
        # a key can be.
        for term in (quad.predicate,) if base_iri else (quad.predicate, quad.object):
            iri = term.datatype.value if isinstance(term, ox.Literal) else term.value
            if isinstance(term, ox.NamedNode | ox.Literal) and iri.startswith(SENTINEL):
                found[iri[len(SENTINEL) :]] = None
    return list(found)


def _key_position(data: bytes, term: str) -> tuple[int | None, int | None]:
    """Line and column (1-based, in characters) of the first ``"term"`` as a key, else as any
    string (a ``@type`` value); ``(None, None)`` if not found as written (escaped)."""
    quoted = re.escape(json.dumps(term).encode())
    match = re.search(quoted + rb"\s*:", data) or re.search(quoted, data)
    if match is None:
        return None, None
    offset = match.start()
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", errors="replace")) + 1


__all__ = ["SENTINEL", "check_jsonld_terms"]
