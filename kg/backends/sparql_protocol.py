"""The query side of the SPARQL 1.1 protocol for :class:`kg.backends.sparql.SparqlEngine`:
the text sent (values substituted for variables, the Accept header for the query form) and
the answer read back (results or RDF as pyoxigraph objects, syntax errors at the caller's
positions)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pyoxigraph as ox

from kg.backends.http import Answer
from kg.backends.sparql_terms import Term, _sparql_term
from kg.query_results import QueryResult

SELECT_ACCEPT = "application/sparql-results+json"
# Asked for by query form: Virtuoso answers a CONSTRUCT in a results format if one is accepted.
_GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"
# Comments, IRIs and strings: removed before looking for the query form's keyword.
_NOT_KEYWORDS = re.compile(r"#[^\n]*|<[^<>\s]*>|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_POSITION = re.compile(r"^error at (\d+):(\d+): ")
_LINE = re.compile(r"\bline (\d+):")


def substitute(query: str, substitutions: Mapping[ox.Variable, Term]) -> str:
    """Put each value in place of its variable, as SEP-0007 substitution does: in the SELECT
    projection as ``(<value> AS ?var)``, elsewhere as the value itself.

    A trailing ``VALUES`` block would join too late for some engines (Virtuoso refuses a
    property path whose start is bound only by it). Meant for the store's own queries: the
    variable must be projected by name (not ``SELECT *``) and not appear inside a string.

    Raises:
        RuntimeError: a SELECT that does not project a substituted variable by name.

    Example:
        >>> substitute("SELECT ?c ?n WHERE { ?c <urn:p>+ ?n }",
        ...             {ox.Variable("c"): ox.NamedNode("urn:x")})
        'SELECT (<urn:x> AS ?c) ?n WHERE { <urn:x> <urn:p>+ ?n }'
    """
    select = re.search(r"\bSELECT\b", query, flags=re.IGNORECASE)
    cut = query.find("{") if select else -1
    where = re.search(r"\bWHERE\b", query[:cut] if cut >= 0 else "", flags=re.IGNORECASE)
    if where:
        cut = where.start()
    head, body = (query[:cut], query[cut:]) if select and cut >= 0 else ("", query)
    for variable, term in substitutions.items():
        name = re.compile(r"[?$]" + re.escape(variable.value) + r"(?![\w\u00b7-\U000effff])")
        value = _sparql_term(term)
        if select and not name.search(head):
            # RuntimeError, as pyoxigraph raises for it: the store turns it into an InputError.
            raise RuntimeError(
                f"substituted variable ?{variable.value} is not in the SELECT projection (by name)")
        head = name.sub(_as_it_is(f"({value} AS ?{variable.value})"), head)
        body = name.sub(_as_it_is(value), body)
    return head + body


def _as_it_is(text: str) -> Callable[[re.Match[str]], str]:
    # A replacement for re.sub that is the text itself: a string would have its backslashes
    # (in a literal's escapes) read as group references.
    return lambda _match: text


def accept_header(query: str) -> str:
    """The Accept header for a query: RDF for CONSTRUCT and DESCRIBE, results otherwise.

    Example:
        >>> accept_header("PREFIX s: <urn:select#> # SELECT\\nCONSTRUCT { ?s ?p ?o } WHERE {}")
        'application/n-triples, text/turtle;q=0.9'
    """
    found = _FORM.search(_NOT_KEYWORDS.sub(" ", query))
    if found and found[1].upper() in ("CONSTRUCT", "DESCRIBE"):
        return _GRAPH_ACCEPT
    return SELECT_ACCEPT


def endpoint_syntax_error(message: str) -> SyntaxError:
    # The query was sent after one line of prefixes: give positions in the caller's text.
    found = _POSITION.match(message)
    if found and int(found[1]) > 1:
        message = _POSITION.sub(f"error at {int(found[1]) - 1}:{found[2]}: ", message)
    # Virtuoso: "SPARQL compiler, line 3: syntax error ..."
    message = _LINE.sub(lambda m: f"line {max(1, int(m[1]) - 1)}:", message, count=1)
    error = SyntaxError(message)
    error.msg = message
    return error


def parse_answer(answer: Answer) -> QueryResult:
    kind = answer.content_type
    # (pyoxigraph reads any binary stream; its stub asks for a typing.IO)
    if kind in _RESULT_FORMATS:
        return ox.parse_query_results(answer, _RESULT_FORMATS[kind])  # type: ignore[arg-type]
    if kind in _GRAPH_FORMATS:
        return (quad.triple for quad in ox.parse(answer, _GRAPH_FORMATS[kind]))  # type: ignore[arg-type]
    answer.close()
    raise OSError(
        f"the endpoint answered in {kind or 'an unnamed format'}, which is not a "
        "SPARQL results or RDF format"
    )


__all__ = ["SELECT_ACCEPT", "accept_header", "endpoint_syntax_error", "parse_answer", "substitute"]
