"""Updates an endpoint refuses for their size (Virtuoso 7: SP030 "memory exhausted" from about
5,000 triples, SP031 past 10,000 lines, SR578 past 10 MB) are sent again in halves, the
smaller size kept for later requests; an ingest batch's records go in its last request.
Against a stub client that refuses any update of more than ``limit`` lines."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.backends.http import BadRequest, EndpointError
from kg.backends.sparql import SparqlEngine

RECORD = "https://e.org/record"


class Refusing:
    """Takes updates of at most ``limit`` lines; refuses larger ones as Virtuoso does."""

    def __init__(self, limit: int, status_500: bool = False) -> None:
        self.limit, self.status_500 = limit, status_500
        self.sent: list[str] = []
        self.refused = 0
        self.bulk_url = None
        self.query_url = "http://x/sparql"

    def update(self, text: str | bytes, **_: object) -> None:
        body = text.decode() if isinstance(text, bytes) else text
        if body.count("\n") > self.limit:
            self.refused += 1
            if self.status_500:
                raise EndpointError(
                    "the SPARQL endpoint http://x/sparql answered 500: Virtuoso 22023 Error "
                    "SR578: The expected result length of string concatenation is too large"
                )
            raise BadRequest("Virtuoso 37000 Error SP030: SPARQL compiler: memory exhausted")
        self.sent.append(body)


def _engine(client: Refusing) -> SparqlEngine:
    engine = SparqlEngine(client)  # type: ignore[arg-type]
    engine._union_checked = True  # (checked elsewhere: tests/backends/test_union_refusal.py)
    return engine


def _subjects(sent: list[str]) -> list[str]:
    return [line.split()[0] for body in sent for line in body.splitlines()
            if line.startswith("<https://e.org/s")]


@pytest.mark.parametrize("status_500", [False, True])
def test_update_refused_for_its_size_is_split(status_500: bool) -> None:
    client = Refusing(limit=40, status_500=status_500)
    graph = ox.NamedNode("https://e.org/g")
    quads = [ox.Quad(ox.NamedNode(f"https://e.org/s{i}"), ox.NamedNode("https://e.org/p"),
                     ox.Literal(str(i)), graph) for i in range(300)]
    engine = _engine(client)
    engine.update(added=quads)
    assert sorted(_subjects(client.sent)) == sorted(f"<https://e.org/s{i}>" for i in range(300))
    refused = client.refused
    engine.update(added=quads[:100])  # the size that worked is kept: no refusal again
    assert client.refused == refused


def test_a_refusal_not_about_size_is_not_retried() -> None:
    class Broken(Refusing):
        def update(self, text: str | bytes, **_: object) -> None:
            self.refused += 1
            raise BadRequest("Virtuoso 37000 Error SP030: syntax error at 'x'")

    client = Broken(limit=0)
    with pytest.raises(OSError, match="syntax error"):
        _engine(client).update(added=[ox.Quad(ox.NamedNode("https://e.org/s"),
                                              ox.NamedNode("https://e.org/p"), ox.Literal("o"))])
    assert client.refused == 1


def test_a_syntax_error_at_line_413_is_not_taken_for_a_413() -> None:
    class Broken(Refusing):
        def update(self, text: str | bytes, **_: object) -> None:
            self.refused += 1
            raise BadRequest("Virtuoso 37000 Error SP030: SPARQL compiler, line 413: syntax error")

    client = Broken(limit=0)
    quads = [ox.Quad(ox.NamedNode(f"https://e.org/s{i}"), ox.NamedNode("https://e.org/p"),
                     ox.Literal("o")) for i in range(4)]
    with pytest.raises(OSError, match="line 413"):
        _engine(client).update(added=quads)
    assert client.refused == 1  # not sent again in halves, which would write part of it


def test_an_http_413_is_split() -> None:
    class Refusing413(Refusing):
        def update(self, text: str | bytes, **kwargs: object) -> None:
            body = text.decode() if isinstance(text, bytes) else text
            if body.count("\n") > self.limit:
                self.refused += 1
                raise EndpointError("the SPARQL endpoint http://x/sparql answered 413 "
                                    "Payload Too Large")
            self.sent.append(body)

    client = Refusing413(limit=20)
    quads = [ox.Quad(ox.NamedNode(f"https://e.org/s{i}"), ox.NamedNode("https://e.org/p"),
                     ox.Literal(str(i))) for i in range(60)]
    _engine(client).update(added=quads)
    assert sorted(_subjects(client.sent)) == sorted(f"<https://e.org/s{i}>" for i in range(60))
    assert client.refused >= 1


def test_ingest_batch_split_keeps_its_records_in_the_last_request() -> None:
    client = Refusing(limit=30)
    lines = b"".join(f"<https://e.org/s{i}> <https://e.org/p> \"{i}\" .\n".encode()
                     for i in range(200))
    records = [ox.Quad(ox.NamedNode(RECORD), ox.NamedNode("https://e.org/done"),
                       ox.Literal(str(n)), ox.NamedNode(RECORD)) for n in range(3)]
    _engine(client).write_batch(lines, records)
    assert client.refused >= 1 and len(client.sent) > 1
    assert sorted(_subjects(client.sent)) == sorted(f"<https://e.org/s{i}>" for i in range(200))
    with_records = [i for i, body in enumerate(client.sent) if RECORD in body]
    assert with_records == [len(client.sent) - 1]
    assert client.sent[-1].count("https://e.org/done") == 3
