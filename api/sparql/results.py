"""Write SELECT solutions in the four SPARQL results formats, and as plain JSON rows.

Runs inside the query worker, so it imports only the standard library and pyoxigraph. The
worker collects at most ``max_results + 1`` solutions (to tell "exactly the limit" from "over
it") and then writes them here; pyoxigraph's own writer cannot stop at a row count.

Formats, each to its W3C recommendation:

- ``json``: SPARQL 1.1 Query Results JSON Format;
- ``xml``: SPARQL Query Results XML Format (Second Edition);
- ``csv`` and ``tsv``: SPARQL 1.1 Query Results CSV and TSV Formats;
- ``rows``: not a standard: ``{"columns": [...], "rows": [{column: value}]}`` with IRIs and
  strings as JSON strings and numbers and booleans as JSON numbers and booleans, for people
  who do not read SPARQL results.

Example:
    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(3)))
    >>> solutions = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")
    >>> names = [v.value for v in solutions.variables]
    >>> write_solutions(names, list(solutions), "csv")
    b's,o\\r\\nurn:s,3\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = XSD + "string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_INTEGERS = {XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_FLOATS = {XSD + "decimal", XSD + "double", XSD + "float"}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
SELECT_FORMATS = ("json", "xml", "csv", "tsv", "rows")


def write_solutions(variables: Sequence[str], solutions: Sequence[ox.QuerySolution],
                    fmt: str) -> bytes:
    """Serialise solutions (rows) of a SELECT in ``fmt``, one of :data:`SELECT_FORMATS`.

    Columns come in the order of ``variables``, which may differ from the solutions' own
    (terms are looked up by name), so that ``SELECT *`` keeps the query's order.
    """
    if fmt == "json":
        return _json(variables, solutions)
    if fmt == "xml":
        return _xml(variables, solutions)
    if fmt == "csv":
        return _csv(variables, solutions)
    if fmt == "tsv":
        return _tsv(variables, solutions)
    if fmt == "rows":
        return json.dumps(rows(variables, solutions), ensure_ascii=False).encode()
    raise ValueError(f"unknown results format {fmt!r}")


def rows(variables: Sequence[str], solutions: Sequence[ox.QuerySolution]) -> dict[str, Any]:
    """The plain form: columns and one object per row, unbound columns left out.

    Example:
        >>> import pyoxigraph as ox
        >>> store = ox.Store()
        >>> rows(["n"], list(store.query("SELECT ?n WHERE { BIND(2 AS ?n) }")))
        {'columns': ['n'], 'rows': [{'n': 2}]}
    """
    out = []
    for solution in solutions:
        row = {}
        for name in variables:
            term = solution[name]
            if term is not None:
                row[name] = plain(term)
        out.append(row)
    return {"columns": list(variables), "rows": out}


def plain(term: Term) -> Any:
    """A term as a plain JSON value: IRIs and text as strings, numbers and booleans as such."""
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return {"subject": plain(term.subject), "predicate": plain(term.predicate),
                "object": plain(term.object)}
    return term.value


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    data: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        data["datatype"] = term.datatype.value
    return data


def _json(variables: Sequence[str], solutions: Sequence[ox.QuerySolution]) -> bytes:
    bindings = []
    for solution in solutions:
        binding = {}
        for name in variables:
            term = solution[name]
            if term is not None:
                binding[name] = _json_term(term)
        bindings.append(binding)
    document = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject>"
                f"<predicate>{_xml_term(term.predicate)}</predicate>"
                f"<object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return (f"<literal datatype={quoteattr(term.datatype.value)}>"
                f"{escape(term.value)}</literal>")
    return f"<literal>{escape(term.value)}</literal>"


def _xml(variables: Sequence[str], solutions: Sequence[ox.QuerySolution]) -> bytes:
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
             "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables), "</head>",
             "<results>"]
    for solution in solutions:
        parts.append("<result>")
        for name in variables:
            term = solution[name]
            if term is not None:
                parts.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts).encode()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _csv(variables: Sequence[str], solutions: Sequence[ox.QuerySolution]) -> bytes:
    buffer = io.StringIO()
    # The CSV recommendation follows RFC 4180: CRLF line ends, quotes doubled.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for solution in solutions:
        writer.writerow([_csv_value(solution[name]) for name in variables])
    return buffer.getvalue().encode()


def _tsv(variables: Sequence[str], solutions: Sequence[ox.QuerySolution]) -> bytes:
    # TSV writes terms in Turtle/N-Triples syntax, whose escapes keep tabs and newlines out.
    lines = ["\t".join(f"?{v}" for v in variables)]
    for solution in solutions:
        terms = (solution[name] for name in variables)
        lines.append("\t".join("" if term is None else str(term) for term in terms))
    return ("\n".join(lines) + "\n").encode()


__all__ = ["SELECT_FORMATS", "plain", "rows", "write_solutions"]
