"""The query worker: a separate process that runs SPARQL queries on a read-only snapshot.

pyoxigraph cannot cancel a running query, so each query runs here, in a process that the
server kills when the query's time is up; killing a process really stops the work and gives
back its memory, which a thread could not. The server keeps a small pool of these and
replaces the ones it kills.

Before it reads any request a worker

- limits its address space (``RLIMIT_AS``), so that a runaway query (a cartesian product)
  fails inside the worker instead of exhausting the machine;
- moves itself into a new, empty network namespace where the kernel allows it (as root, or
  with unprivileged user namespaces): defence in depth behind the query guard, since in there
  no ``SERVICE`` call could connect anywhere, not even to 127.0.0.1.

The protocol, over stdin and stdout: each message is a 4-byte big-endian length and a JSON
header, then an 8-byte length and a body (empty in requests; the serialised results in
replies). Requests:
``{"op": "query", "store": PATH, ...}`` (see :func:`run_query`; ``store`` is the snapshot of
the current data version, opened read-only and kept open until the path changes),
``{"op": "close"}`` (let go of the snapshot, so that the server can delete it) and
``{"op": "ping"}``. A worker exits when stdin closes.

Only the standard library and pyoxigraph are imported here, so a worker starts in about 0.1 s.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import itertools
import json
import os
import resource
import struct
import sys
from typing import IO, Any, BinaryIO
from xml.parsers import expat

import pyoxigraph as ox

from api.sparql.projection import select_star_order
from api.sparql.results import write_solutions

_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}
_BOOLEAN_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


class QueryFailure(Exception):
    """A reply with ``ok: false``: ``code`` for the server, ``message`` for the client."""

    def __init__(self, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


def read_message(stream: IO[bytes]) -> tuple[dict[str, Any], bytes] | None:
    """One message (header and body) from ``stream``; ``None`` at end of input."""
    size = stream.read(4)
    if len(size) < 4:
        return None
    header = json.loads(_read_exactly(stream, struct.unpack(">I", size)[0]))
    body_size = struct.unpack(">Q", _read_exactly(stream, 8))[0]
    return header, _read_exactly(stream, body_size)


def write_message(stream: IO[bytes], header: dict[str, Any], body: bytes = b"") -> None:
    """A header and a body, flushed."""
    data = json.dumps(header).encode()
    stream.write(struct.pack(">I", len(data)) + data + struct.pack(">Q", len(body)))
    stream.write(body)
    stream.flush()


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            raise EOFError("stream closed mid-message")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def isolate_network() -> str:
    """Enter a new network namespace with no interfaces; say what was done."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return "none (no libc)"
    for flags, how in ((_CLONE_NEWNET, "network namespace"),
                       (_CLONE_NEWUSER | _CLONE_NEWNET, "user and network namespace")):
        if libc.unshare(flags) == 0:
            return how
    return f"none (unshare refused: {os.strerror(ctypes.get_errno())})"


def limit_memory(megabytes: int) -> None:
    """Cap the address space; allocations past it fail instead of swapping the machine."""
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def run_query(store: ox.Store, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one query and serialise its results; raise :class:`QueryFailure` on any error.

    Request fields: ``query``; ``prefixes``; ``union_default_graph``; ``default_graph`` and
    ``named_graphs`` (IRIs, or null for the store's own); ``select_format`` and
    ``graph_format`` (the negotiated formats, null where nothing acceptable exists);
    ``max_results``; ``offset`` and ``limit`` (paging over solutions, for named questions).
    """
    options: dict[str, Any] = {"prefixes": request.get("prefixes") or None}
    if request.get("default_graph") is not None:
        options["default_graph"] = [ox.NamedNode(i) for i in request["default_graph"]]
    else:
        options["use_default_graph_as_union"] = bool(request.get("union_default_graph", True))
    if request.get("named_graphs") is not None:
        options["named_graphs"] = [ox.NamedNode(i) for i in request["named_graphs"]]
    try:
        result = store.query(request["query"], **options)
    except SyntaxError as error:
        raise QueryFailure("syntax", error.msg or str(error)) from None
    max_results = int(request["max_results"])
    if isinstance(result, ox.QueryBoolean):
        fmt = request.get("select_format")
        if fmt not in _BOOLEAN_FORMATS:
            raise QueryFailure("not_acceptable", "no acceptable format for an ASK result")
        answer = result.serialize(format=_BOOLEAN_FORMATS[fmt])
        # Without an output pyoxigraph returns the document (its stub says bytes | None).
        assert answer is not None
        return {"form": "ASK", "format": fmt}, answer
    if isinstance(result, ox.QuerySolutions):
        fmt = request.get("select_format")
        if fmt is None:
            raise QueryFailure("not_acceptable", "no acceptable format for a SELECT result")
        # Oxigraph sorts SELECT *'s variables by name; keep the query's order instead.
        variables = select_star_order(request["query"],
                                      [v.value for v in result.variables])
        offset, limit = int(request.get("offset") or 0), request.get("limit")
        stop = offset + (max_results if limit is None else min(int(limit), max_results))
        # One row past the page tells whether there are more; past max_results is an error.
        taken = list(itertools.islice(result, offset, stop + 1))
        more = len(taken) > stop - offset
        if more and (limit is None or int(limit) > max_results):
            raise QueryFailure("too_many_results", f"the query returns more than "
                               f"{max_results:,} rows", limit=max_results)
        taken = taken[: stop - offset]
        body = write_solutions(variables, taken, fmt)
        if fmt == "xml":
            _check_xml(body)
        return {"form": "SELECT", "format": fmt, "rows": len(taken), "more": more}, body
    fmt = request.get("graph_format")
    if fmt not in _GRAPH_FORMATS:
        raise QueryFailure("not_acceptable", "no acceptable format for a graph result")
    triples = list(itertools.islice(result, max_results + 1))
    if len(triples) > max_results:
        raise QueryFailure("too_many_results", f"the query returns more than "
                           f"{max_results:,} triples", limit=max_results)
    document = ox.serialize(triples, format=_GRAPH_FORMATS[fmt],
                            prefixes=request.get("prefixes") or None)
    assert document is not None  # (as for ASK above)
    if fmt == "rdfxml":
        _check_xml(document)
    return {"form": "GRAPH", "format": fmt, "rows": len(triples)}, document


def _check_xml(body: bytes) -> None:
    """Refuse to send XML that no XML parser reads: pyoxigraph writes a literal's U+0001 (which
    XML 1.0 cannot hold, even escaped) as it is, and some property IRIs as element names that
    are not XML names. Found by fuzzing (tests/fuzz)."""
    try:
        expat.ParserCreate().Parse(body, True)
    except expat.ExpatError:
        raise QueryFailure("not_acceptable", "the result cannot be written as XML: it holds "
                           "characters XML 1.0 cannot carry (control characters) or an IRI "
                           "that is no XML name; ask for JSON, Turtle or N-Triples") from None


def serve(stdin: BinaryIO, stdout: BinaryIO, sandbox: str) -> None:
    """Answer requests until stdin closes."""
    store: ox.Store | None = None
    opened: str | None = None
    write_message(stdout, {"ok": True, "ready": True, "pid": os.getpid(), "sandbox": sandbox})
    while (message := read_message(stdin)) is not None:
        request = message[0]
        op = request.get("op")
        body = b""
        if op == "close":
            store, opened = None, None
            header: dict[str, Any] = {"ok": True}
        elif op == "ping":
            header = {"ok": True, "pid": os.getpid()}
        else:
            try:
                # Each data version has its own immutable snapshot directory.
                if store is None or opened != request["store"]:
                    store = None
                    store = ox.Store.read_only(request["store"])
                    opened = request["store"]
            except OSError:
                header = {"ok": False, "code": "store", "message": "the store could not be read"}
            else:
                header, body = answer(store, request)
        write_message(stdout, header, body)


def answer(store: Any, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """:func:`run_query`, with every failure turned into a reply header (``ok: false``).

    ``store`` is a ``pyoxigraph.Store``, or a remote store's engine
    (:class:`kg.backends.sparql.SparqlEngine`), which takes the same query arguments; a
    remote store past its deadline gives the code ``timeout``.
    """
    try:
        result, body = run_query(store, request)
        return {"ok": True, **result}, body
    except QueryFailure as failure:
        return {"ok": False, "code": failure.code, "message": failure.message,
                **failure.extra}, b""
    except MemoryError:
        return {"ok": False, "code": "resources",
                "message": "the query needs more memory than allowed"}, b""
    except TimeoutError:
        return {"ok": False, "code": "timeout", "message": "the query ran out of time"}, b""
    except OSError as error:
        # The text may name paths or hosts: the server's log only.
        print(f"query worker {os.getpid()}: store: {error}", file=sys.stderr, flush=True)
        return {"ok": False, "code": "store", "message": "the store could not be read"}, b""
    except Exception as error:
        # pyoxigraph raises RuntimeError and others for evaluation errors; their text
        # may quote internals, so it goes to the server's log, and only the kind of
        # failure to the client.
        print(f"query worker {os.getpid()}: {type(error).__name__}: {error}",
              file=sys.stderr, flush=True)
        return {"ok": False, "code": "query_failed",
                "message": "the query failed while running"}, b""


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``python -m api.sparql.worker --memory-mb N``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory-mb", type=int, default=2048)
    args = parser.parse_args(argv)
    # The protocol owns stdout: keep a private copy of it and send fd 1 to stderr, so that
    # a stray print (from any library) cannot corrupt a reply.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sandbox = isolate_network()
    limit_memory(args.memory_mb)
    # A closed pipe means the server is gone or gave up on this worker: leave quietly.
    with contextlib.suppress(BrokenPipeError, EOFError, KeyboardInterrupt):
        serve(sys.stdin.buffer, replies, sandbox)


if __name__ == "__main__":
    main()
