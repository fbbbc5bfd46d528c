"""The SPARQL protocol client: a deadline over the whole answer, no redirects followed, and
the endpoint's refusals passed on; against a scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from kg.backends.http import BadRequest, DeadlineExceeded, EndpointError, SparqlClient


class Scripted:
    """Answers every connection with ``reply`` (then ``trickle`` times ``byte``, one every
    0.2 s), one connection at a time."""

    def __init__(self, reply: bytes, trickle: int = 0, byte: bytes = b"x") -> None:
        self.reply, self.trickle, self.byte = reply, trickle, byte
        self.requests: list[bytes] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self.requests.append(_read_request(conn))
                try:
                    conn.sendall(self.reply)
                    for _ in range(self.trickle):
                        time.sleep(0.2)
                        conn.sendall(self.byte)
                except OSError:
                    pass


def _read_request(conn: socket.socket) -> bytes:
    """The head and the body (as long as Content-Length says) of one request."""
    conn.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        ),
        0,
    )
    while len(body) < length and (chunk := conn.recv(65536)):
        body += chunk
    return head + b"\r\n\r\n" + body


@pytest.fixture
def scripted() -> Iterator[type[Scripted]]:
    made: list[Scripted] = []

    def make(reply: bytes, trickle: int = 0, byte: bytes = b"x") -> Scripted:
        made.append(Scripted(reply, trickle, byte))
        return made[-1]

    yield make  # type: ignore[misc]
    for server in made:
        server.sock.close()


def test_a_trickling_answer_stops_at_the_deadline(scripted: type[Scripted]) -> None:
    # Each byte comes well within any per-read timeout; the whole answer would take 10 s.
    server = scripted(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 50\r\n\r\n", trickle=50
    )
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        SparqlClient(server.url).query("ASK {}", accept="*/*", timeout=1.0).read()
    assert time.monotonic() - started < 3


def test_a_redirect_is_an_error_and_is_not_followed(scripted: type[Scripted]) -> None:
    elsewhere = scripted(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    server = scripted(
        f"HTTP/1.1 302 Found\r\nLocation: {elsewhere.url}\r\nContent-Length: 0\r\n\r\n".encode()
    )
    with pytest.raises(EndpointError, match="redirects to"):
        SparqlClient(server.url).query("ASK {}", accept="*/*")
    time.sleep(0.1)
    assert elsewhere.requests == []


def test_a_refusal_carries_the_endpoints_first_line(scripted: type[Scripted]) -> None:
    server = scripted(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 33\r\n\r\nerror at 2:5: expected a verb\n..."
    )
    with pytest.raises(BadRequest) as caught:
        SparqlClient(server.url).update("INSERT DATA { }")
    assert caught.value.message == "error at 2:5: expected a verb"
    request = server.requests[0]
    assert request.startswith(b"POST /sparql ") and b"application/sparql-update" in request


def test_queries_are_forms_and_keep_the_urls_own_parameters(scripted: type[Scripted]) -> None:
    server = scripted(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        b"Content-Length: 27\r\n\r\n" + b'{"head":{},"boolean":true}\n'
    )
    client = SparqlClient(server.url + "?access-token=s3cret")
    with client.query(
        "ASK {}", accept="application/sparql-results+json", params=[("default-graph-uri", "urn:g")]
    ) as answer:
        assert answer.content_type == "application/sparql-results+json"
        assert answer.read().startswith(b'{"head"')
    request = server.requests[0]
    assert request.startswith(b"POST /sparql?access-token=s3cret ")
    assert b"query=ASK+%7B%7D&default-graph-uri=urn%3Ag" in request


def test_an_unreachable_endpoint_is_named() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(EndpointError, match=f"127.0.0.1:{port}/sparql"):
        SparqlClient(f"http://127.0.0.1:{port}/sparql?access-token=x").query("ASK {}", accept="*/*")


def test_rows_stream_in_before_the_answer_ends(scripted: type[Scripted]) -> None:
    from kg.backends.sparql import SparqlEngine

    head = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"urn:a"}},'
    server = scripted(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        b"Content-Length: 1000\r\n\r\n" + head + b" " * 8,
        trickle=50,
        byte=b" ",
    )
    started = time.monotonic()
    rows = iter(SparqlEngine(SparqlClient(server.url, timeout=1.0)).select("SELECT ?s {}"))
    assert next(rows)["s"].value == "urn:a"
    assert time.monotonic() - started < 0.5  # the first row, long before the answer is whole
    with pytest.raises(DeadlineExceeded):
        next(rows)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_errors_at_the_bulk_url_name_the_bulk_url_not_a_sparql_endpoint() -> None:
    port = _closed_port()  # nothing listens there once the probe is closed
    client = SparqlClient(
        f"http://127.0.0.1:{port}/query", bulk_url=f"http://127.0.0.1:{port}/store?no_transaction"
    )
    with pytest.raises(EndpointError) as bulk:
        client.post_nquads(b"")
    assert "cannot reach the bulk URL (KG_STORE_BULK_URL) http://127.0.0.1" in str(bulk.value)
    with pytest.raises(EndpointError) as query:
        client.query("ASK {}", accept="application/sparql-results+json")
    assert "cannot reach the SPARQL endpoint http://127.0.0.1" in str(query.value)


def test_an_infinite_timeout_is_no_deadline(scripted: type[Scripted]) -> None:
    """``KG_STORE_TIMEOUT=inf`` or ``timeout=math.inf`` means no deadline; it crashed with
    OverflowError ("timestamp out of range"), a traceback, when the socket was armed."""
    import math

    reply = (b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
             b"Content-Length: 27\r\n\r\n" + b'{"head":{},"boolean":true}\n')
    for client, timeout in ((SparqlClient(scripted(reply).url, timeout=math.inf), None),
                            (SparqlClient(scripted(reply).url, timeout=1.0), math.inf)):
        with client.query("ASK {}", accept="*/*", timeout=timeout) as answer:
            assert answer.read().startswith(b'{"head"')
