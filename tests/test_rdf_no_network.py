"""Loading user RDF never touches the network: remote JSON-LD contexts, XML entities and
document loaders are never fetched, whatever the file says."""

from __future__ import annotations

import ast
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import errors, rdfio
from kg.rdfio import parse_bytes


@pytest.mark.parametrize("module", [
    "formats", "rdfio", "rdf_write", "rdf_errors", "convert", "classes", "store", "store_load",
    "store_read",
])
def test_user_rdf_is_parsed_only_by_pyoxigraph(module: str) -> None:
    # rdflib's JSON-LD parser fetches remote contexts: it must never see user input.
    source = (Path(rdfio.__file__).parent / f"{module}.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    parse_calls = [
        ast.unparse(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "parse"
    ]
    assert set(parse_calls) <= {"ox.parse"}


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A TCP server on 127.0.0.1 that serves a JSON-LD context and records every connection."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.05)
    connections: list[str] = []
    stop = threading.Event()
    body = b'{"@context": {"text": "https://w3id.org/cred-kg/ns#text"}}'

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    connections.append(conn.recv(4096).decode("latin-1"))
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                    )
                except OSError:
                    connections.append("<error>")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    host, port = server.getsockname()
    try:
        yield f"http://{host}:{port}", connections
    finally:
        stop.set()
        thread.join()
        server.close()


def remote_documents(url: str) -> dict[str, tuple[str, bytes]]:
    rdf = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:e="https://e.org/"><rdf:Description rdf:about="https://e.org/s">'
        "<e:p>{body}</e:p></rdf:Description></rdf:RDF>"
    )
    return {
        "context string": (
            "jsonld",
            b'{"@context": "%s/ctx", "@id": "https://e.org/s", "text": "x"}' % url.encode(),
        ),
        "context array": (
            "jsonld",
            b'{"@context": [{"e": "https://e.org/"}, "%s/ctx"], "@id": "https://e.org/s"}'
            % url.encode(),
        ),
        "import": (
            "jsonld",
            b'{"@context": {"@version": 1.1, "@import": "%s/ctx"}, "@id": "https://e.org/s",'
            b' "text": "x"}' % url.encode(),
        ),
        "scoped context": (
            "jsonld",
            b'{"@context": {"@version": 1.1, "p": {"@id": "https://e.org/p", "@context": '
            b'"%s/ctx"}}, "@id": "https://e.org/s", "p": {"@id": "https://e.org/o"}}'
            % url.encode(),
        ),
        "xml external entity": (
            "rdfxml",
            (
                f'<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "{url}/x">]>' + rdf.format(body="&x;")
            ).encode(),
        ),
        "xml external dtd": (
            "rdfxml",
            (f'<!DOCTYPE rdf:RDF SYSTEM "{url}/dtd">' + rdf.format(body="x")).encode(),
        ),
    }


def test_remote_contexts_and_entities_are_never_fetched(
    listener: tuple[str, list[str]],
) -> None:
    url, connections = listener
    for name, (fmt, doc) in remote_documents(url).items():
        with pytest.raises(errors.UnsafeInputError) as caught:
            parse_bytes(doc, fmt, source=f"{name}.{fmt}")
        assert caught.value.location.source == f"{name}.{fmt}"
        if fmt == "jsonld":
            assert "remote contexts are never fetched" in caught.value.message
    time.sleep(0.2)  # a connection attempt in flight would land in the accept loop by now
    assert connections == []

    # The listener works: a real client is seen, so the assertion above could fail.
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=1) as c:
        c.sendall(b"GET /ctx HTTP/1.0\r\n\r\n")
        assert c.recv(100).startswith(b"HTTP/1.1 200")
    assert len(connections) == 1
