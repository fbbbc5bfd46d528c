"""Writes to a SPARQL endpoint, for :class:`kg.backends.sparql.SparqlEngine`: quads added and
removed in one ``INSERT DATA``/``DELETE DATA`` request, or in several when the request would be
too large (:data:`MAX_UPDATE_CHARS`) or the endpoint refuses it for its size; an ingest batch
with its progress records (with the opt-in bulk URL, POSTed to ``oxigraph serve``'s bulk
loader); clearing; bulk loading a file.

Every write names its graphs in the registry (:mod:`kg.backends.sparql_registry`) in the same
request, and the first write to a store checks first that the endpoint's default graph is the
union of its named graphs (:mod:`kg.backends.sparql_union`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.backends.http import BadRequest, display_url
from kg.backends.sparql_registry import OWNED, REGISTRY, registry_block, registry_quads
from kg.backends.sparql_requests import TooLarge
from kg.backends.sparql_terms import (
    _DEFAULT,
    DEFAULT_GRAPH,
    _stored_graph,
    _stored_quad,
    canonical_ntriples,
    data_block,
)
from kg.backends.sparql_union import UnionCheck

#: Quads per request when bulk loading (not atomic as a whole, like the embedded bulk loader).
BULK_CHUNK = 20_000
#: Quads per request below which a POST to the bulk URL is all or nothing on ``oxigraph
#: serve`` 0.5: its bulk loader (``/store?no_transaction``) holds up to 1,000,000 quads, then
#: writes them in one RocksDB ingestion of sorted files, atomic, crash included (the same
#: loader as the embedded on-disk ingest: ``kg.ingest.writes`` says why); a larger batch goes
#: as ``INSERT DATA`` instead.
BULK_ATOMIC_QUADS = 1_000_000
#: Characters of one update request at most, where :meth:`SparqlWrites.update` may split it:
#: ``oxigraph serve`` refuses a body over 128 MiB, which the analysis graph of 10M triples
#: (1M statements) passes, at about 370 MB as one request.
MAX_UPDATE_CHARS = 32 * 2**20


class SparqlWrites(UnionCheck):
    """The writing half of ``pyoxigraph.Store``'s interface, on an endpoint."""

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one request: all of them, or none if the endpoint refuses it; in
        several (not all or nothing) past :data:`MAX_UPDATE_CHARS` or a refusal for size, as
        :meth:`update` says."""
        self.update(added=quads)

    def add(self, quad: ox.Quad) -> None:
        """Add one quad."""
        self.update(added=[quad])

    def remove(self, quad: ox.Quad) -> None:
        """Remove one quad."""
        self.update(removed=[quad])

    def update(self, *, removed: Iterable[ox.Quad] = (), added: Iterable[ox.Quad] = ()) -> None:
        """Remove, then add, in one request (so that a reader never sees half of it), unless
        the request would be over :data:`MAX_UPDATE_CHARS`, or the endpoint refuses it for
        its size (:meth:`_send_quads`): then in requests of at most that,
        the removals first (a reader may see the change half done, and a failure half way
        leaves it so; :meth:`kg.store.KnowledgeStore.replace_graph` writes only the
        difference, so the next replacement finishes it).

        Raises:
            OSError: the endpoint refused or failed a request; that request changed nothing.
        """
        removed, added = list(removed), list(added)
        operations = []
        body, _ = data_block(removed)
        if body:
            operations.append(f"DELETE DATA {{\n{body}\n}}")
        body, graphs = data_block(added)
        if body:
            operations.append(f"INSERT DATA {{\n{registry_block(graphs)}\n{body}\n}}")
        if not operations:
            return
        if graphs and not self._union_checked:
            # Before writing: a refused endpoint must not keep what was sent.
            self.check_union(probe=True)
        text = " ;\n".join(operations)
        fits = self._cap is None or len(removed) + len(added) <= self._cap
        if fits and len(text) <= MAX_UPDATE_CHARS:
            try:
                self._send(text)
                return
            except TooLarge:
                pass  # sent again below, in requests the endpoint takes
        del text, operations, body
        for piece in _pieces(removed, MAX_UPDATE_CHARS):
            self._send_quads("DELETE", piece)
        for piece in _pieces(added, MAX_UPDATE_CHARS):
            self._send_quads("INSERT", piece)

    def write_batch(self, ntriples: bytes, quads: Iterable[ox.Quad] = ()) -> None:
        """Add the triples of an N-Triples text to the default graph, and ``quads`` (an
        ingest batch and its progress records).

        Without a bulk URL, in one request, all of them or none: the text is checked here,
        before anything is sent, and sent as :func:`canonical_ntriples` writes it, with no
        Python object per triple kept, as the body of one ``INSERT DATA`` (any SPARQL 1.1
        endpoint); an endpoint that refuses it for its size gets it in halves, the records
        last (:meth:`_insert_split`).

        With a bulk URL (``oxigraph serve``'s bulk loader: several times faster, see
        docs/backends.md) and fewer than :data:`BULK_ATOMIC_QUADS` quads, in two requests,
        each all or nothing: first the text as it is, POSTed into the default graph's named
        graph, where the server checks it with the same parser before it writes any of it;
        then ``quads`` and the registry as N-Quads. Should the second fail, the triples are
        in and the records are not: the batch counts as not written, and writing it again
        changes nothing (a set of triples, and this path has no blank node).

        A text with blank nodes or ``<<`` is written quad by quad instead, its blank nodes
        skolemised as by :meth:`extend`.

        Raises:
            SyntaxError: ``ntriples`` is not N-Triples (positions in ``ntriples``); nothing
                was written.
            ValueError: a quad holds an RDF 1.2 triple term.
            OSError: the endpoint refused or failed a request; that request changed nothing.
        """
        records = list(quads)
        if not self._union_checked and (ntriples.strip() or records):
            self.check_union(probe=True)  # before writing, as in update()
        parsed: list[ox.Quad] = []
        if b"_:" in ntriples or b"<<" in ntriples:
            parsed = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
            ntriples = b""
        extra = [*parsed, *records]
        # At most one triple per line; the registry adds a quad per graph: at most one per
        # extra quad, and the default's.
        if (
            self.client.bulk_url is not None
            and ntriples.count(b"\n") + 1 + 2 * len(extra) + 1 < BULK_ATOMIC_QUADS
        ):
            if ntriples.strip():
                self._post_text(ntriples)
            self._post_nquads(extra, with_default=bool(ntriples.strip()))
        else:
            canonical = canonical_ntriples(ntriples) if ntriples else b""
            self._insert_split(canonical.splitlines(keepends=True), parsed, records)

    def _insert_split(
        self, lines: list[bytes], parsed: list[ox.Quad], records: list[ox.Quad]
    ) -> None:
        """:meth:`_insert_text` of a batch, in one request unless the endpoint refuses it for
        its size (Virtuoso 7: about 5,000 triples): then its data in halves, the records
        always in the last request, so that a batch is recorded only once all of it is in
        (one that fails half way is written again, which changes nothing: a set of
        triples)."""
        size = len(lines) + len(parsed)
        if self._cap is None or size + len(records) <= self._cap or size <= 1:
            try:
                self._insert_text(b"".join(lines), [*parsed, *records])
                return
            except TooLarge:
                if size <= 1:
                    raise
                self._cap = max(1, (size + len(records)) // 2)
        cut = size // 2
        head_lines, head_parsed = lines[:cut], parsed[: max(0, cut - len(lines))]
        tail_lines, tail_parsed = lines[cut:], parsed[max(0, cut - len(lines)) :]
        self._insert_split(head_lines, head_parsed, [])
        self._insert_split(tail_lines, tail_parsed, records)

    def _insert_text(self, canonical: bytes, quads: list[ox.Quad]) -> None:
        """One ``INSERT DATA``: the canonical N-Triples in the default graph's named graph,
        the quads as :func:`data_block` writes them, and the registry of their graphs."""
        body, graphs = data_block(quads)
        if canonical:
            graphs.add(_DEFAULT)
        if not graphs:
            return
        parts = [f"INSERT DATA {{\n{registry_block(graphs)}\n".encode()]
        if canonical:
            parts += [f"GRAPH <{DEFAULT_GRAPH}> {{\n".encode(), canonical, b"}\n"]
        parts.append(f"{body}\n}}".encode())
        self._send(b"".join(parts))

    def _post_text(self, ntriples: bytes) -> None:
        """One POST of N-Triples, as the file has them, into the default graph's named graph
        at the bulk URL: the server parses them, so they are not parsed and written again
        here (1M triples: 3.8 s that way against 6.0 s, two batches at once, on 2 cores)."""
        try:
            self.client.post_graph_ntriples(ntriples, DEFAULT_GRAPH)
        except BadRequest as refusal:
            # Locate the error in the text, as without the bulk URL (a SyntaxError with
            # positions in ``ntriples``); else the server refused for a reason of its own.
            canonical_ntriples(ntriples)
            raise OSError(
                f"{display_url(self.client.bulk_url or '')}: the endpoint refused the "
                f"data: {refusal.message}"
            ) from None

    def _post_nquads(self, quads: list[ox.Quad], *, with_default: bool) -> None:
        """One POST of N-Quads to the bulk URL: ``quads`` and the registry of their graphs
        (the default graph's too when ``with_default``)."""
        stored = [_stored_quad(quad) for quad in quads]
        graphs = {_stored_graph(quad.graph_name) for quad in quads}
        if with_default:
            graphs.add(_DEFAULT)
        if not graphs:
            return
        registry = registry_quads(graphs)
        data = ox.serialize([*registry, *stored], format=ox.RdfFormat.N_QUADS)
        # Without an output pyoxigraph returns the document (its stub says bytes | None).
        assert data is not None
        try:
            self.client.post_nquads(data)
        except BadRequest as refusal:
            raise OSError(
                f"{display_url(self.client.bulk_url or '')}: the endpoint refused the "
                f"data: {refusal.message}"
            ) from None

    def clear(self) -> None:
        """Drop every graph this store wrote, and the registry, in one request."""
        rows = self.select(f"SELECT ?g WHERE {{ {OWNED} }}")
        drops = [f"DROP SILENT GRAPH {row['g']}" for row in rows]
        self._send(" ;\n".join([*drops, f"DROP SILENT GRAPH <{REGISTRY}>"]))

    def bulk_load(self, *, path: str, format: ox.RdfFormat) -> None:
        """Load a file in requests of :data:`BULK_CHUNK` quads: not all or nothing. Blank
        nodes get fresh identifiers, as Oxigraph's own bulk loader gives them."""
        quads = iter(ox.parse(path=path, format=format, rename_blank_nodes=True))
        while chunk := list(itertools.islice(quads, BULK_CHUNK)):
            self.extend(chunk)

    def flush(self) -> None:
        """Nothing to do: the endpoint persists each request itself."""

    def _send_quads(self, verb: str, quads: list[ox.Quad]) -> None:
        """``DELETE DATA`` or ``INSERT DATA`` of ``quads``, in as many requests as the
        endpoint needs: a request it refuses for its size is sent again in two halves, and
        later requests are kept to the size that worked (Virtuoso 7 refuses an update of
        more than about 5,000 triples, or 10 MB, whatever its configuration)."""
        if self._cap is not None and len(quads) > self._cap:
            for start in range(0, len(quads), self._cap):
                self._send_quads(verb, quads[start : start + self._cap])
            return
        block, named = data_block(quads)
        registry = f"{registry_block(named)}\n" if verb == "INSERT" and named else ""
        try:
            self._send(f"{verb} DATA {{\n{registry}{block}\n}}")
        except TooLarge:
            if len(quads) <= 1:
                raise
            half = len(quads) // 2
            self._cap = half
            self._send_quads(verb, quads[:half])
            self._send_quads(verb, quads[half:])




def _pieces(quads: list[ox.Quad], budget: int) -> Iterator[list[ox.Quad]]:
    """``quads`` in runs whose N-Quads text stays under ``budget`` characters (a quad longer
    than that alone), for an update sent in several requests."""
    piece: list[ox.Quad] = []
    size = 0
    for quad in quads:
        length = len(str(quad)) + 2
        if piece and size + length > budget:
            yield piece
            piece, size = [], 0
        piece.append(quad)
        size += length
    if piece:
        yield piece



__all__ = ["BULK_ATOMIC_QUADS", "BULK_CHUNK", "MAX_UPDATE_CHARS", "SparqlWrites"]
