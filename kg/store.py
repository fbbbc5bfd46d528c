"""The knowledge store: a thin layer over a pyoxigraph ``Store`` with all-or-nothing loads.

:class:`KnowledgeStore` adds what the project needs around Oxigraph:

- :meth:`~KnowledgeStore.load` parses every file first, checks the new data against the SHACL
  shapes, and only then writes it in one transaction, so that any error leaves the store as it
  was;
- :meth:`~KnowledgeStore.export` writes the whole store or one claim's neighbourhood;
- :meth:`~KnowledgeStore.stats` counts what the store holds, subclass-aware;
- :meth:`~KnowledgeStore.query` runs SPARQL over the union of all graphs.

Where data goes: a case file (YAML) becomes one named graph, named after its source document;
a triple format's data (Turtle, N-Triples, RDF/XML) goes into the default graph; TriG, N-Quads
and JSON-LD keep the graphs they name.

Oxigraph stores typed literals by value (oxigraph/oxigraph#526): ``"0"^^xsd:nonNegativeInteger``
comes back as ``"0"^^xsd:integer``, ``"01"^^xsd:integer`` as ``"1"``, ``"1.50"^^xsd:decimal``
as ``"1.5"``. Data is validated before it is written, in the form it was given; what the store
exports afterwards is the normalised form.

The class keeps the interface and its documentation; the work is done by sibling modules:
loading in :mod:`kg.store_load` (and :mod:`kg.store_ntriples`), validation context in
:mod:`kg.store_context`, query and export in :mod:`kg.store_read`, counts in
:mod:`kg.store_stats`.

Example:
    >>> with KnowledgeStore() as store:
    ...     report = store.load_bytes(
    ...         b'<https://e.org/s> <https://e.org/p> "o" .', "nt", source="a.nt", validate=False)
    ...     (report.total_quads, len(store))
    (1, 1)
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.backends import StoreKind
from kg.errors import InputError, StoreError  # noqa: F401 (load()'s doctest catches InputError)
from kg.formats import Format
from kg.namespaces import ANALYSIS_GRAPH, INGEST_GRAPH
from kg.query_results import QueryResult, solutions
from kg.rdfio import DEFAULT_LIMITS, Limits
from kg.staging import FileReport, FormatArg, LoadReport
from kg.store_load import bulk_load, load_document, load_files
from kg.store_ntriples import open_engine
from kg.store_read import export_quads, run_query
from kg.store_stats import StoreStats, read_stats

if TYPE_CHECKING:
    from kg.backends.sparql import SparqlEngine

#: ``progress(stage, done, total)``: stages are "parsing" and "validating" (counted in files)
#: and "writing" (counted in quads).
ProgressCallback = Callable[[str, int, int], None]

#: The named graphs the store writes for itself, which hold no data: the progress records of
#: ``kg ingest`` (bookkeeping) and the analysis graph ``kg serve`` derives from the data.
OWN_GRAPHS = (INGEST_GRAPH, ANALYSIS_GRAPH)


class KnowledgeStore:
    """An Oxigraph store, in memory or on disk, or a SPARQL endpoint, with safe all-or-nothing
    loads.

    Open one from a store setting with :func:`kg.backends.open_store`.

    Args:
        path: a directory for an on-disk store (created if missing); ``None`` for a store in
            memory, gone when the object is.
        engine: a remote backend (:class:`kg.backends.sparql.SparqlEngine`), which answers
            the part of ``pyoxigraph.Store``'s interface used here; not with ``path``.

    Raises:
        StoreError: ``path`` is a file, a directory that is not an Oxigraph store, or a store
            that another process (or another ``KnowledgeStore``) holds open.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     with KnowledgeStore(Path(tmp) / "db") as store:
        ...         len(store)
        0
    """

    def __init__(
        self, path: Path | str | None = None, *, engine: SparqlEngine | None = None
    ) -> None:
        if engine is not None and path is not None:
            raise ValueError("give a path or an engine, not both")
        self.path = None if path is None else Path(path)
        self._remote = engine is not None
        self._store: Any = engine if engine is not None else open_engine(self.path)
        #: Where the data is, for messages: the directory, the endpoint, or "in-memory store".
        if engine is not None:
            self.location: str = engine.location
        else:
            self.location = str(self.path) if self.path else "in-memory store"

    @property
    def kind(self) -> StoreKind:
        """``"memory"``, ``"disk"`` or ``"remote"``."""
        return "remote" if self._remote else "memory" if self.path is None else "disk"

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Flush an on-disk store and release it (and its lock). Closing twice is harmless."""
        if self._store is None:
            return
        try:
            if self.path is not None:
                self._store.flush()
        except OSError as error:
            raise StoreError(f"{self.path}: cannot flush the store: {error}") from None
        finally:
            # Dropping the last reference closes RocksDB and releases its lock file.
            engine, self._store = self._store, None
            # (the local and getrefcount's argument are two references)
            if sys.getrefcount(engine) > 2:
                # Held elsewhere too, maybe only by garbage: the frames of an interrupted
                # ingest, kept by its traceback in a cycle, hold the engine until the cycle
                # collector runs, and the lock with it. Collected now, so that the store
                # can be opened again as soon as it is closed.
                del engine
                gc.collect()

    def __enter__(self) -> KnowledgeStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for what this class does not wrap.

        On a remote store, the :class:`kg.backends.sparql.SparqlEngine`, which answers the
        same calls (``query``, ``quads_for_pattern``, ``extend``, ``remove``, ...).
        """
        return self._engine()

    @property
    def remote_engine(self) -> SparqlEngine | None:
        """:attr:`oxigraph` typed as what it is on a remote store, for the one write only it
        has (``update(removed=..., added=...)``, one request); ``None`` on an Oxigraph store.
        """
        return self._engine() if self._remote else None

    def _engine(self) -> Any:
        # Any: a pyoxigraph Store or a SparqlEngine (the properties above type it).
        if self._store is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._store

    def __len__(self) -> int:
        """Every quad, in every graph, the store's own graphs included (see :meth:`data_size`)."""
        return len(self.oxigraph)

    def graph_size(self, graph_name: str) -> int:
        """The quads of the named graph ``graph_name`` (0 if there is none).

        Example:
            >>> KnowledgeStore().graph_size(INGEST_GRAPH)
            0
        """
        return self.graph_sizes([graph_name])[graph_name]

    def graph_sizes(self, graph_names: Iterable[str]) -> dict[str, int]:
        """The quads of each named graph in ``graph_names`` (0 for one there is none of),
        listing the store's graphs once.

        Example:
            >>> KnowledgeStore().graph_sizes(OWN_GRAPHS) == dict.fromkeys(OWN_GRAPHS, 0)
            True
        """
        # Only a graph this store holds: a remote endpoint may hold graphs another store wrote
        # (a `kg serve`'s own /sparql holds its analysis graph but no registry), which
        # `len(self)` does not count either, so subtracting them would give a negative size.
        held = set(self.oxigraph.named_graphs())
        sizes = {}
        for name in graph_names:
            # (the name goes through NamedNode, which refuses anything but an IRI)
            graph = ox.NamedNode(name)
            sizes[name] = self._count_graph(graph) if graph in held else 0
        return sizes

    def _count_graph(self, graph: ox.NamedNode) -> int:
        # Counted by the engine (one SPARQL COUNT), not by carrying millions of quads into
        # Python: the analysis graph of a large store is that big.
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        row = next(iter(solutions(rows)), None)
        return int(row["n"].value) if row is not None else 0

    def data_size(self) -> int:
        """The quads of data: every graph but the store's own (:data:`OWN_GRAPHS`, the
        progress records of ``kg ingest`` and the analysis graph ``kg serve`` writes).

        What ``kg stats``, ``kg serve`` and ``GET /status`` count as data: the same file
        gives the same figure whether it was loaded, ingested at once, or ingested, interrupted
        and resumed.

        Example:
            >>> KnowledgeStore().data_size()
            0
        """
        return len(self) - sum(self.graph_sizes(OWN_GRAPHS).values())

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, in every graph, in the store's order."""
        return iter(self.oxigraph)

    def clear(self) -> None:
        """Remove everything: every quad and every named graph."""
        self._write(self.oxigraph.clear)

    def replace_graph(self, graph_name: str, quads: Iterable[ox.Quad]) -> int:
        """Make the named graph ``graph_name`` hold exactly ``quads``; return its size.

        Only the difference is written: removing quads is what costs. On a remote store the
        removals and additions go in one request, so no reader sees half of the change, unless
        it would pass :data:`kg.backends.sparql.MAX_UPDATE_CHARS` (the analysis graph of 10M
        triples) or the endpoint refuses it for its size: then in several, removals first.
        Quads of ``quads`` in another graph are ignored.

        Example:
            >>> store = KnowledgeStore()
            >>> g, s, p = (ox.NamedNode(f"https://e.org/{n}") for n in "gsp")
            >>> store.replace_graph(g.value, [ox.Quad(s, p, ox.Literal("1"), g)])
            1
            >>> store.replace_graph(g.value, [ox.Quad(s, p, ox.Literal("2"), g)])
            1
            >>> [q.object.value for q in store.quads()]
            ['2']
        """
        graph = ox.NamedNode(graph_name)
        new = {q for q in quads if q.graph_name == graph}
        # Not set(...), which holds the GIL throughout: this loop lets other threads run.
        old = {q for q in self.oxigraph.quads_for_pattern(None, None, None, graph)}
        remote = self.remote_engine
        if remote is not None:
            self._write(lambda: remote.update(removed=old - new, added=new - old))
            return len(new)
        engine = self.oxigraph

        def write() -> None:
            for quad in old - new:
                engine.remove(quad)
            engine.extend(new - old)

        self._write(write)
        return len(new)

    # -- loading -----------------------------------------------------------------------------

    def load(
        self,
        paths: Sequence[Path | str] | Path | str,
        *,
        formats: FormatArg | Sequence[FormatArg] = None,
        validate: bool = True,
        limits: Limits = DEFAULT_LIMITS,
        progress: ProgressCallback | None = None,
        replace: bool = False,
    ) -> LoadReport:
        """Load files, all or nothing: if any file has any error, the store is unchanged.

        Every file is parsed (case files compiled) into memory first, then the new data is
        checked against the SHACL shapes, then everything is written in one transaction.

        One N-Triples file with ``validate`` takes a faster route to the same result
        (:mod:`kg.shacl.staged`): Oxigraph's bulk loader fills a staging store while the
        file is read into columns on the other core, and the shapes are checked on them;
        then an empty in-memory store adopts the staging store (so ``oxigraph`` is a new
        ``pyoxigraph.Store`` after such a load: take it afterwards), and any other store
        gets the file in one all-or-nothing write. Files it cannot read exactly (blank
        nodes, comments, literals Oxigraph stores in another form) go the general way.

        Args:
            paths: the files, loaded in this order; one file may be given alone.
            formats: one format for all files, or one per file (``None`` entries: by
                extension); by default each file's extension decides.
            validate: check the new data against ``ontology/shapes.ttl`` first. Each file is
                checked with the types of the nodes it refers to and the description of the
                nodes it adds to (its subjects), taken from the store and from the other files
                of the load: the results are those of the union on the nodes the file touches,
                less any its earlier description has on its own (:mod:`kg.shacl.touched`).
            limits: size limits; ``max_quads_per_load`` also caps all files together.
            progress: called as ``progress(stage, done, total)``.
            replace: empty the named graphs the files write (a case file's: its document's)
                first, in the same write: a corrected case replaces what it said before,
                where loading it again would clash with it. Validation sees the store
                without those graphs. The default graph is never emptied: a file with
                triples in it is refused (``InputError``, term ``replace``), since its old
                triples would stay beside the new.

        Returns:
            What each file contributed, the total and the time taken.

        Raises:
            InputError: a file cannot be read, does not parse, is unsafe or over a limit
                (subclasses say which), with file, line and column.
            ShapeValidationError: a file's data breaks a shape; names the file.
            StoreError: the write failed (nothing was written; on a remote store, a load too
                big for one update request goes in several, and the ones before a failure
                stay: :meth:`kg.backends.sparql.SparqlEngine.update`).

        Example:
            >>> import tempfile
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     good = Path(tmp, "good.nt")
            ...     _ = good.write_text('<https://e.org/s> <https://e.org/p> "o" .')
            ...     bad = Path(tmp, "bad.ttl")
            ...     _ = bad.write_text('<https://e.org/s> <https://e.org/p> .')
            ...     store = KnowledgeStore()
            ...     try:
            ...         store.load([good, bad], validate=False)
            ...     except InputError as error:
            ...         print(error.location.line, len(store))
            1 0
        """
        if isinstance(paths, str | Path):
            paths = [paths]  # a file named alone: a string would be read as its characters
        return load_files(self, paths, formats=formats, validate=validate, limits=limits,
                          progress=progress, replace=replace)

    def load_bytes(
        self,
        data: bytes,
        fmt: str | Format,
        *,
        source: str,
        validate: bool = True,
        limits: Limits = DEFAULT_LIMITS,
        base_iri: str | None = None,
        progress: ProgressCallback | None = None,
    ) -> LoadReport:
        """Load an in-memory document (an upload), all or nothing, as :meth:`load` does.

        Args:
            data: the document's bytes.
            fmt: its format, RDF or ``yaml``.
            source: a name for it in messages and in the report (``"<request>"``).
            validate: check it against the SHACL shapes first.
            limits: size limits.
            base_iri: base for relative IRIs (RDF only); by default they are errors.
            progress: called as ``progress(stage, done, total)``.

        Example:
            >>> store = KnowledgeStore()
            >>> store.load_bytes(b"", "turtle", source="empty.ttl").total_quads
            0
        """
        return load_document(self, data, fmt, source=source, validate=validate, limits=limits,
                             base_iri=base_iri, progress=progress)

    def bulk_load_file(self, path: Path | str, fmt: str | Format | None = None) -> int:
        """Load a large trusted file fast with Oxigraph's bulk loader. NOT all-or-nothing.

        The bulk loader streams the file into the store, writing as it goes: a syntax error
        half-way leaves the first half loaded, and no SHACL check is made. Blank nodes get
        fresh identifiers per file, as with :meth:`load`: ``_:b1`` in two files (or in one
        file loaded twice) is two nodes (measured on pyoxigraph 0.5). Use it for
        dumps you produced yourself; use :meth:`load` for anything else. What would make the
        parser expand or recurse without bound is still refused first, with the default
        limits, as :meth:`load` refuses it (:func:`kg.rdfio.check_expansion`): RDF/XML's
        entity declarations, external DTDs, nesting and XML literals
        (``rdf:parseType="Literal"``) that would pass ``max_literal_chars``, and JSON-LD's
        nesting; JSON-LD still never fetches a remote context.

        Args:
            path: the file.
            fmt: an RDF format; by default the one the extension says. Not ``yaml``.

        Returns:
            The number of quads added (quads already present are not counted).

        Raises:
            RdfSyntaxError: the file does not parse (part of it may have been written).
            UnsafeInputError, LimitExceededError: refused before anything was written (above).
            UnsupportedFormatError: not an RDF format.
            StoreError: the store could not be written.

        Example:
            >>> import tempfile
            >>> with tempfile.TemporaryDirectory() as tmp:
            ...     path = Path(tmp, "dump.nt")
            ...     _ = path.write_text('<https://e.org/s> <https://e.org/p> "o" .\\n')
            ...     KnowledgeStore().bulk_load_file(path)
            1
        """
        return bulk_load(self, path, fmt)

    # -- reading -----------------------------------------------------------------------------

    def query(
        self, sparql: str, *, substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None
    ) -> QueryResult:
        """Run a SPARQL query over the union of all graphs.

        The prefixes of :data:`kg.namespaces.PREFIXES` are predeclared. Pass user values as
        ``substitutions`` (variable name to term), never by formatting them into the text; a
        substituted variable must be in the SELECT projection (pyoxigraph's rule).

        Raises:
            InputError: the query does not parse (line and column are those of the query), or
                cannot run as written.

        Example:
            >>> store = KnowledgeStore()
            >>> bool(store.query("ASK { ?s a cred:Claim }"))
            False
        """
        return run_query(self, sparql, substitutions)

    def export(
        self, fmt: str | Format, *, claim: str | None = None, include_analysis: bool = False
    ) -> bytes:
        """Write the whole store, or one claim's neighbourhood, in an RDF format.

        The neighbourhood of a claim (:mod:`kg.neighbourhood`) is: the claim; the claims it
        refines or that refine it (transitively) and those it contradicts or that contradict
        it; the statements about it with their actors, reports and the reports' outlets; the
        evidence supporting or disputing it with its producers, releasers, citers and the
        evidence it is part of; the same for the claims refining it or refined by it, and for
        the claims contradicting it or a broader claim of it and their narrower claims; the
        documents of these statements and of the claim, with their publishers; every actor's
        affiliation chain; the independence and dependence declarations naming these actors,
        with the actors they name; and the classes the data declares for these nodes. Every
        triple whose subject is one of these nodes is written, with its blank nodes, but for a
        link (``cred:about``, ``supports``, ``disputes``, ``refines``, ``contradicts``) to a
        claim left out, which would point at nothing when the export is loaded alone.

        Args:
            fmt: an RDF format. TriG, N-Quads and JSON-LD keep the named graphs (a triple
                that two graphs hold is written in each); the others merge all graphs into
                one (it is written once).
            claim: a claim's IRI, or its id (the last part of the IRI, ``troops-in-russia``).
            include_analysis: also write the derived analysis graph
                (:data:`kg.namespaces.ANALYSIS_GRAPH`), left out by default. The progress
                records of ``kg ingest`` (:data:`kg.namespaces.INGEST_GRAPH`) are never written:
                they are this store's bookkeeping.

        Returns:
            The document.

        Raises:
            InputError: no such claim; names it and suggests close ones.
            UnsupportedFormatError: ``fmt`` is not an RDF format.

        Example:
            >>> store = KnowledgeStore()
            >>> store.export("nt")
            b''
        """
        return export_quads(self, fmt, claim, include_analysis)

    def stats(self) -> StoreStats:
        """Count what the store holds, over the union of all graphs (:mod:`kg.store_stats`).

        Example:
            >>> KnowledgeStore().stats().claims
            0
        """
        return read_stats(self)

    # -- internals ---------------------------------------------------------------------------

    def _write(self, action: Callable[[], object]) -> None:
        try:
            action()
        except OSError as error:
            raise StoreError(f"{self.location}: write failed: {error}") from None

    def _adopt(self, engine: ox.Store) -> None:
        """Take ``engine`` (a store filled and checked elsewhere) as this empty in-memory
        store's engine: the N-Triples fast path's staging store, not copied again."""
        self._store = engine


__all__ = [
    "OWN_GRAPHS",
    "FileReport",
    "KnowledgeStore",
    "LoadReport",
    "ProgressCallback",
    "StoreStats",
]
