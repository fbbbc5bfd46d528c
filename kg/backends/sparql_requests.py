"""Requests to a SPARQL endpoint, for :class:`kg.backends.sparql.SparqlEngine`: a SELECT or ASK
over the endpoint's default graph, and an update, whose refusal is told apart by cause (too
large for the endpoint, or refused for another reason).

The engine is built in layers, one job per module: :class:`SparqlRequests` (this one) sends;
:class:`kg.backends.sparql_union.UnionCheck` checks that the default graph is the union;
:class:`kg.backends.sparql_writes.SparqlWrites` writes; :class:`kg.backends.sparql.SparqlEngine`
reads the data back as pyoxigraph's ``Store`` does.
"""

from __future__ import annotations

import copy
import re
from typing import Self

import pyoxigraph as ox

from kg.backends.http import BadRequest, EndpointError, SparqlClient, display_url
from kg.backends.sparql_protocol import SELECT_ACCEPT, parse_answer
from kg.query_results import solutions

#: How endpoints say a request is too large for them (HTTP 413; Virtuoso 7: SP030 "memory
#: exhausted" from about 5,000 triples, SP031 past 10,000 lines, SR578 past 10 MB). By the
#: words, not the codes: Virtuoso's SP030 is also its plain syntax error.
# (the status as the client words it: a bare "413" would match a line number of a syntax
# error, which must not be retried in parts)
_TOO_LARGE = re.compile(
    r"answered 413\b|SR578|too large|memory exhausted|exceeded \d+ lines", re.IGNORECASE
)


class TooLarge(OSError):
    """The endpoint refused an update for its size; the same request in parts may pass."""


class SparqlRequests:
    """An endpoint's query and update URLs, and the requests sent to them.

    Args:
        client: the endpoint's query and update URLs.
    """

    def __init__(self, client: SparqlClient) -> None:
        self.client = client
        self._union_checked = False
        #: Quads per update request at most, once the endpoint refused a larger one.
        self._cap: int | None = None

    @property
    def location(self) -> str:
        """The query URL, without any query string (it may hold a token)."""
        return display_url(self.client.query_url)

    def with_timeout(self, seconds: float | None) -> Self:
        """The same store, with a deadline of ``seconds`` on every request."""
        clone = copy.copy(self)
        clone.client = copy.copy(self.client)
        clone.client.timeout = seconds
        return clone

    def select(self, query: str) -> ox.QuerySolutions:
        """A SELECT over the endpoint's default graph, as written (no prefixes added)."""
        answer = self.client.query(query, accept=SELECT_ACCEPT)
        return solutions(parse_answer(answer))

    def _ask(self, query: str) -> bool:
        return bool(parse_answer(self.client.query(query, accept=SELECT_ACCEPT)))

    def _send(self, text: str | bytes) -> None:
        """One update request.

        Raises:
            TooLarge: the endpoint refused it for its size.
            OSError: it refused it for another reason, or failed.
        """
        try:
            self.client.update(text)
        except BadRequest as refusal:
            message = f"{self.location}: the endpoint refused the update: {refusal.message}"
            raise (TooLarge if _TOO_LARGE.search(message) else OSError)(message) from None
        except EndpointError as failure:
            if _TOO_LARGE.search(str(failure)):
                raise TooLarge(str(failure)) from None
            raise


__all__ = ["SparqlRequests", "TooLarge"]
