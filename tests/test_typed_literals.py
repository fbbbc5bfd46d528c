"""kg.typed_literals: ill-typed literals refused on parse, and rdflib kept quiet in scope."""

from __future__ import annotations

import logging

import pytest
import rdflib

from kg.errors import IllTypedLiteralError, RdfSyntaxError
from kg.rdfio import parse_bytes
from kg.typed_literals import quiet_rdflib

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_quiet_rdflib_is_scoped(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="rdflib.term")
    with quiet_rdflib():
        rdflib.Literal("x", datatype=rdflib.URIRef(XSD + "integer"))
    assert not caplog.records
    rdflib.Literal("y", datatype=rdflib.URIRef(XSD + "integer"))
    assert [r.name for r in caplog.records] == ["rdflib.term"]


@pytest.mark.parametrize(
    ("value", "datatype", "ill"),
    [("x", "integer", True), ("2024-13-45", "date", True), ("yes", "boolean", True),
     ("2024-12-25", "date", False), ("-1", "integer", False), ("0.5", "decimal", False)],
)
def test_parse_refuses_ill_typed_literals_only(value: str, datatype: str, ill: bool) -> None:
    data = f'<https://e.org/s> <https://e.org/p> "{value}"^^<{XSD}{datatype}> .'.encode()
    if not ill:
        assert len(parse_bytes(data, "nt", source="a.nt")) == 1
        return
    with pytest.raises(IllTypedLiteralError) as caught:
        parse_bytes(data, "nt", source="a.nt")
    error = caught.value
    assert (error.location.line, error.location.column) == (1, 37)
    assert error.term == f'"{value}"^^xsd:{datatype}'


@pytest.mark.parametrize("after", ["\n", '<https://e.org/s> <https://e.org/p> "o" .\n'])
def test_turtle_missing_final_dot_is_reported_after_the_statement(after: str) -> None:
    data = b'<https://e.org/s> <https://e.org/p> "o" .\n<https://e.org/s> <https://e.org/p> '
    with pytest.raises(RdfSyntaxError) as caught:
        parse_bytes(data + b'"o"\n' + after.encode(), "turtle", source="a.ttl")
    assert (caught.value.location.line, caught.value.location.column) == (2, 40)
    assert "dot" in caught.value.message
