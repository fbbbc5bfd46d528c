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

Example:
    >>> with KnowledgeStore() as store:
    ...     report = store.load_bytes(
    ...         b'<https://e.org/s> <https://e.org/p> "o" .', "nt", source="a.nt", validate=False)
    ...     (report.total_quads, len(store))
    (1, 1)
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox

from kg.backends import StoreKind
from kg.errors import (
    InputError,
    Location,
    RdfSyntaxError,
    StoreError,
    UnsupportedFormatError,
)
from kg.formats import RDFXML, YAML, Format, detect_format, format_by_name
from kg.namespaces import ANALYSIS_GRAPH, INGEST_GRAPH, PREFIXES
from kg.neighbourhood import claim_neighbourhood, resolve_claim
from kg.rdfio import (
    DEFAULT_LIMITS,
    Limits,
    check_rdfxml,
    parse_bytes,
    read_limited,
    serialize,
)
from kg.staging import (
    FileReport,
    FormatArg,
    LoadReport,
    StagedFile,
    _check_total,
    _compile_case,
    _per_file_formats,
    _stage_file,
)
from kg.store_context import validate_load
from kg.store_ntriples import load_ntriples, open_engine
from kg.store_stats import StoreStats, read_stats

#: ``progress(stage, done, total)``: stages are "parsing" and "validating" (counted in files)
#: and "writing" (counted in quads).
ProgressCallback = Callable[[str, int, int], None]
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

#: The named graphs the store writes for itself, which hold no data: the progress records of
#: ``kg ingest`` (bookkeeping) and the analysis graph ``kg serve`` derives from the data.
OWN_GRAPHS = (INGEST_GRAPH, ANALYSIS_GRAPH)

_SPARQL_POSITION = re.compile(r"^error at (\d+):(\d+): ")


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

    def __init__(self, path: Path | str | None = None, *, engine: Any = None) -> None:
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
            self._store = None

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
        if self._store is None:
            raise StoreError(f"{self.location}: the store is closed")
        return self._store  # type: ignore[no-any-return]

    def __len__(self) -> int:
        """Every quad, in every graph, the store's own graphs included (see :meth:`data_size`)."""
        return len(self.oxigraph)

    def graph_size(self, graph_name: str) -> int:
        """The quads of the named graph ``graph_name`` (0 if there is none).

        Example:
            >>> KnowledgeStore().graph_size(INGEST_GRAPH)
            0
        """
        # Counted by the engine (one SPARQL COUNT), not by carrying millions of quads into
        # Python: the analysis graph of a large store is that big.
        # (the name goes through NamedNode, which refuses anything but an IRI)
        graph = ox.NamedNode(graph_name)
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        row = next(iter(rows), None)  # type: ignore[call-overload]
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
        return len(self) - sum(self.graph_size(g) for g in OWN_GRAPHS)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, in every graph, in the store's order."""
        return iter(self.oxigraph)

    def clear(self) -> None:
        """Remove everything: every quad and every named graph."""
        self._write(self.oxigraph.clear)

    def replace_graph(self, graph_name: str, quads: Iterable[ox.Quad]) -> int:
        """Make the named graph ``graph_name`` hold exactly ``quads``; return its size.

        Only the difference is written: removing quads is what costs (see
        :func:`kg.analysis.rdf.replace_analysis_graph`). On a remote store the removals and
        additions go in one request, so no reader sees half of the change, unless that request
        would pass :data:`kg.backends.sparql.MAX_UPDATE_CHARS` (the analysis graph of 10M
        triples): then in several, removals first.

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
        old = set(self.oxigraph.quads_for_pattern(None, None, None, graph))
        engine = self.oxigraph
        if self._remote:
            self._write(lambda: engine.update(removed=old - new, added=new - old))
            return len(new)

        def write() -> None:
            for quad in old - new:
                engine.remove(quad)
            engine.extend(new - old)

        self._write(write)
        return len(new)

    # -- loading -----------------------------------------------------------------------------

    def load(
        self,
        paths: Sequence[Path | str],
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
            paths: the files, loaded in this order.
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
                without those graphs. The default graph is never emptied.

        Returns:
            What each file contributed, the total and the time taken.

        Raises:
            InputError: a file cannot be read, does not parse, is unsafe or over a limit
                (subclasses say which), with file, line and column.
            ShapeValidationError: a file's data breaks a shape; names the file.
            StoreError: the write failed (nothing was written).

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
        started = time.perf_counter()
        per_file = _per_file_formats(paths, formats)
        if validate and len(paths) == 1 and self.kind != "remote" and not replace:
            try:
                fast = load_ntriples(self, Path(paths[0]), per_file[0], limits, progress, started)
            except UnsupportedFormatError:
                fast = None  # no format from the name: the general way says so, or what it is
            if fast is not None:
                return fast
        staged: list[StagedFile] = []
        total = 0
        for index, (path, fmt) in enumerate(zip(paths, per_file, strict=True)):
            item = _stage_file(Path(path), fmt, limits)
            total += len(item.quads)
            _check_total(total, item.source, limits)
            staged.append(item)
            if progress:
                progress("parsing", index + 1, len(paths))
        return self._commit(staged, validate=validate, progress=progress, started=started,
                            replace=replace)

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
        started = time.perf_counter()
        rdf_format = format_by_name(fmt)
        if rdf_format is YAML:
            item = _compile_case(data, source, limits)
        else:
            quads = parse_bytes(data, rdf_format, source=source, limits=limits, base_iri=base_iri)
            item = StagedFile(source, rdf_format, quads)
        if progress:
            progress("parsing", 1, 1)
        return self._commit([item], validate=validate, progress=progress, started=started)

    def bulk_load_file(self, path: Path | str, fmt: str | Format | None = None) -> int:
        """Load a large trusted file fast with Oxigraph's bulk loader. NOT all-or-nothing.

        The bulk loader streams the file into the store, writing as it goes: a syntax error
        half-way leaves the first half loaded, and no SHACL check is made. Blank nodes get
        fresh identifiers per file, as with :meth:`load`: ``_:b1`` in two files (or in one
        file loaded twice) is two nodes (measured on pyoxigraph 0.5). Use it for
        dumps you produced yourself; use :meth:`load` for anything else. RDF/XML is still
        checked for entity declarations, and JSON-LD still never fetches a remote context.

        Args:
            path: the file.
            fmt: an RDF format; by default the one the extension says. Not ``yaml``.

        Returns:
            The number of quads added (quads already present are not counted).

        Raises:
            RdfSyntaxError: the file does not parse (part of it may have been written).
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
        rdf_format = detect_format(path, fmt)
        source = str(path)
        if rdf_format.oxigraph is None:
            raise UnsupportedFormatError(
                "case files cannot be bulk loaded",
                location=Location(source),
                term="format",
                expected="an RDF format; load case files with load()",
            )
        if rdf_format is RDFXML:
            check_rdfxml(read_limited(path, Limits(max_file_bytes=2**62)), source=source)
        store = self.oxigraph
        before = len(store)
        try:
            store.bulk_load(path=str(path), format=rdf_format.oxigraph)
        except SyntaxError as error:
            raise RdfSyntaxError(
                f"invalid {rdf_format.label} (quads before this point may have been loaded): "
                f"{error.msg}",
                location=Location(source, error.lineno, error.offset),
            ) from None
        except OSError as error:
            raise StoreError(f"{source}: bulk load failed: {error}") from None
        return len(store) - before

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
        bindings = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            return self.oxigraph.query(
                sparql,
                use_default_graph_as_union=True,
                prefixes=PREFIXES,
                substitutions=bindings or None,
            )
        except SyntaxError as error:
            message = error.msg or str(error)
            found = _SPARQL_POSITION.match(message)
            line, column = (int(found[1]), int(found[2])) if found else (None, None)
            raise InputError(
                _SPARQL_POSITION.sub("", message),
                location=Location("<query>", line, column),
                term="SPARQL",
            ) from None
        except RuntimeError as error:
            # pyoxigraph's complaint about the query itself, such as a substituted variable
            # that is not projected.
            raise InputError(str(error), location=Location("<query>"), term="SPARQL") from None
        except OSError as error:
            raise StoreError(f"query failed: {error}") from None

    def export(
        self, fmt: str | Format, *, claim: str | None = None, include_analysis: bool = False
    ) -> bytes:
        """Write the whole store, or one claim's neighbourhood, in an RDF format.

        The neighbourhood of a claim is: the claim; the claims it refines or that refine it
        (transitively) and those it contradicts or that contradict it; the statements about it
        with their actors, reports and the reports' outlets; the evidence supporting or
        disputing it with its producers, releasers, citers and the evidence it is part of; the
        source documents of these statements and of the claim, with their publishers; every
        actor's affiliation chain (``cred:actsOnBehalfOf``, transitively); and the classes the
        data itself declares for these nodes. Every triple whose subject is one of these nodes
        is written, with the blank nodes they lead to.

        Args:
            fmt: an RDF format. TriG, N-Quads and JSON-LD keep the named graphs; the others
                merge all graphs into one.
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
        rdf_format = format_by_name(fmt)
        if claim is None:
            skip = {ox.NamedNode(INGEST_GRAPH)}
            if not include_analysis:
                skip.add(ox.NamedNode(ANALYSIS_GRAPH))
            return serialize((q for q in self.quads() if q.graph_name not in skip), rdf_format)
        node = resolve_claim(self, claim)
        return serialize(claim_neighbourhood(self, node), rdf_format)

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

    def _commit(
        self,
        staged: list[StagedFile],
        *,
        validate: bool,
        progress: ProgressCallback | None,
        started: float,
        replace: bool = False,
    ) -> LoadReport:
        replacing = frozenset(g for item in staged for g in item.graph_names) if replace \
            else frozenset()
        if validate:
            validate_load(self, staged, progress, replacing)
        merged = {} if replacing else self._other_versions(staged)
        total = sum(len(item.quads) for item in staged)
        if progress:
            progress("writing", 0, total)
        if replacing:
            self._write(lambda: self._replace_graphs(replacing, staged))
        else:
            # Store.extend is one transaction: it writes every quad or none (pyoxigraph 0.5).
            self._write(lambda: self.oxigraph.extend(q for item in staged for q in item.quads))
        if progress:
            progress("writing", total, total)
        return LoadReport(
            files=tuple(item.report(merged.get(i, ())) for i, item in enumerate(staged)),
            total_quads=total,
            elapsed_seconds=time.perf_counter() - started,
        )

    def _other_versions(self, staged: list[StagedFile]) -> dict[int, tuple[str, ...]]:
        """Per staged case file (by position), its document graphs that the store holds in
        another version: with a quad that this load does not write again, so that writing
        would merge two versions of one document. A case file is its document's whole graph,
        so only case files are checked: RDF files add to graphs by design."""
        new: dict[str, set[ox.Quad]] = {}
        for item in staged:
            for quad in item.quads:
                if isinstance(quad.graph_name, ox.NamedNode):
                    new.setdefault(quad.graph_name.value, set()).add(quad)
        found = {}
        for index, item in enumerate(staged):
            if item.format is not YAML:
                continue
            stale = tuple(g for g in item.graph_names if any(
                quad not in new[g]
                for quad in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g))))
            if stale:
                found[index] = stale
        return found

    def _replace_graphs(self, graphs: frozenset[str], staged: list[StagedFile]) -> None:
        """Empty ``graphs`` and write the staged quads, as one update: a reader sees the
        old graphs or the new ones, never neither."""
        new = [q for item in staged for q in item.quads]
        if self._remote:  # one request (see kg.backends.sparql.SparqlEngine.update)
            old = [q for g in sorted(graphs)
                   for q in self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g))]
            self.oxigraph.update(removed=old, added=new)
            return
        by_graph: dict[ox.NamedNode | ox.DefaultGraph, list[str]] = {}
        for q in new:  # (Oxigraph writes its terms in N-Triples syntax, which SPARQL reads)
            by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
        body = "\n".join("\n".join(lines) if isinstance(g, ox.DefaultGraph) else
                         f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}"
                         for g, lines in by_graph.items())
        drops = [f"DROP SILENT GRAPH <{g}>" for g in sorted(graphs)]
        # (one SPARQL update is one transaction in Oxigraph)
        self.oxigraph.update(" ;\n".join([*drops, f"INSERT DATA {{\n{body}\n}}"]))

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
