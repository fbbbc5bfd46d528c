"""Hostile RDF documents that the loaders must refuse before parsing, shared by the parser's
tests (tests/test_rdfio.py) and every load path's (tests/backends/test_bulk_load_guards.py)."""

from __future__ import annotations


def xml_literal_document(namespaces: int, elements: int) -> bytes:
    """RDF/XML whose one XML literal the parser blows up: each element gets a copy of the
    namespace declarations in scope."""
    declared = b" ".join(b'xmlns:n%d="https://example.org/some/long/namespace/%d#"' % (i, i)
                         for i in range(namespaces))
    return (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            b'xmlns:ex="https://e.org/" ' + declared + b'><rdf:Description '
            b'rdf:about="https://e.org/s"><ex:p rdf:parseType="Literal">' + b"<a/>" * elements
            + b"</ex:p></rdf:Description></rdf:RDF>")
