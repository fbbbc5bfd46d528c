"""A hostile file is refused alike by every load path, the bulk loader included, on every
backend.

``KnowledgeStore.bulk_load_file`` streams a trusted dump into the store, with no SHACL check and
no all-or-nothing; but what makes the parser expand or recurse without bound is refused first,
as ``load`` and ``load_bytes`` refuse it (``kg.rdfio.check_expansion``). It checked RDF/XML's
entity declarations only: an XML literal of 43 kB went in as a literal of 23 million characters,
and JSON-LD nested 20,000 deep killed the process (a stack overflow in the parser).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import errors
from kg.ingest import ingest_file
from kg.store import KnowledgeStore
from tests.rdf_bombs import xml_literal_document


def _deep_jsonld(levels: int) -> bytes:
    """JSON-LD nested ``levels`` deep (past the limit of 100; shallow enough not to crash the
    parser, which would take the test process with it)."""
    return (b'{"@id": "https://e.org/s", "https://e.org/p": '
            + b'{"https://e.org/p": ' * levels + b'"x"' + b"}" * levels + b"}")


HOSTILE = {
    # name: (file name, content, error class, term)
    "xml-literal": ("literal.rdf", xml_literal_document(40, 10_000), errors.LimitExceededError,
                    "max_literal_chars"),
    "deep-jsonld": ("deep.jsonld", _deep_jsonld(200), errors.LimitExceededError,
                    "max_nesting"),
    "entity": ("entity.rdf", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aa">]>'
               b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
               errors.UnsafeInputError, "<!ENTITY"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_bulk_load_refuses_what_load_refuses(
    store: KnowledgeStore, tmp_path: Path, case: str
) -> None:
    name, content, error, term = HOSTILE[case]
    path = tmp_path / name
    path.write_bytes(content)
    refusals = []
    for load in (
        lambda: store.load(path, validate=False),
        lambda: store.load_bytes(content, path.suffix[1:], source=str(path), validate=False),
        lambda: store.bulk_load_file(path),
    ):
        with pytest.raises(error) as caught:
            load()
        refusals.append((type(caught.value), caught.value.term, caught.value.location.line))
    assert refusals == [(error, term, refusals[0][2])] * 3
    assert len(store) == 0


def test_an_xml_literal_under_the_limit_still_bulk_loads(
    store: KnowledgeStore, tmp_path: Path
) -> None:
    path = tmp_path / "small.rdf"
    path.write_bytes(xml_literal_document(2, 10))
    assert store.bulk_load_file(path) == 1
    (quad,) = store.quads()
    assert quad.object.value.count("<a ") == 10


def test_ingest_takes_neither_format(tmp_path: Path) -> None:
    """The fourth path, ``kg ingest``, reads neither RDF/XML nor JSON-LD at all."""
    for name, content, _error, _term in HOSTILE.values():
        path = tmp_path / name
        path.write_bytes(content)
        with KnowledgeStore() as store:
            with pytest.raises(errors.UnsupportedFormatError):
                ingest_file(store, path)
            assert len(store) == 0
