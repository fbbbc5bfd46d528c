"""kg.typed_literals: ill-typed literals refused on parse, and rdflib kept quiet in scope."""

from __future__ import annotations

import logging

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import IllTypedLiteralError, RdfSyntaxError
from kg.rdfio import parse_bytes
from kg.typed_literals import is_ill_typed, quiet_rdflib

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


def _rdflib_ill_typed(value: str, datatype: str) -> bool:
    with quiet_rdflib():
        literal = rdflib.Literal(value, datatype=rdflib.URIRef(XSD + datatype), normalize=False)
        return literal.ill_typed is True


@pytest.mark.parametrize(
    ("datatype", "values"),
    [
        ("integer", ["0", "007", "+5", "-0", "1_000", " 5", "5x", "", "-", "99999999999999999999"]),
        ("date", [f"{y}-{m:02d}-{d:02d}" for y in ("0000", "0001", "2023", "2024", "9999")
                  for m in (0, 1, 2, 12, 13) for d in (0, 1, 28, 29, 30, 31, 32)]
         + ["2024-1-05", "12024-01-01", "2024-12-31Z", "2024-12-31+05:00"]),
        ("dateTime", [f"2024-02-{d:02d}T{h:02d}:{m:02d}:{s:02d}{f}{z}"
                      for d in (28, 29, 30) for h in (0, 23, 24) for m in (0, 59, 60)
                      for s in (0, 59, 60) for f in ("", ".5", ".123456", ".1234567")
                      for z in ("", "Z", "+14:00")]),
    ],
)
def test_the_shortcut_for_common_forms_agrees_with_rdflib(datatype: str, values: list[str]) -> None:
    # is_ill_typed accepts the commonest forms without rdflib's conversion; on every one of
    # these it must say what rdflib says, valid or not.
    for value in values:
        literal = ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))
        assert is_ill_typed(literal) == _rdflib_ill_typed(value, datatype), value
