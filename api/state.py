"""What one running service holds: the store, the query workers, and the current analysis.

The analysis is computed once per change to the data, never per request: at start-up and
after each write, :meth:`ServiceState.refresh` recomputes it, rewrites the analysis graph
(:mod:`kg.analysis.rdf`) and bumps :attr:`ServiceState.version`. Requests read whatever
:class:`Snapshot` is current; a new one replaces it in one assignment, so a request never sees
half of an update.

A refresh computes the numbers of every claim and actor (cheap, in bulk) and reads the records
of every actor, claim and evidence item once (not the statements); the explanation of one claim
or actor is built when a request first asks for it (:meth:`ServiceState.explain`) and cached
with its snapshot, so that a refresh of 1M triples does not build 12,000 explanations nobody
asked for.

Where the queries run depends on the store (``KG_STORE``, :func:`kg.backends.open_store`):

- an embedded store is served from disk, because the query workers read it from other
  processes: the directory given, or, for ``memory``, a temporary directory deleted at
  shutdown (a store in memory passed in is copied there; writes go to the copy). Workers
  never open the live store (its background compactions delete files under a reader); after
  every change the state makes a checkpoint (``Store.backup``: hard links, so cheap and quick)
  in a private directory, and workers read that;
- a remote store (a SPARQL endpoint) answers the queries itself
  (:class:`api.sparql.remote.RemoteQueries`), with the same guard, deadline and result limit.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from api.leftovers import mark_owned, remove_abandoned
from api.settings import Settings
from api.sparql.pool import QueryPool
from api.sparql.remote import RemoteQueries
from kg.analysis import Analysis, analyse
from kg.analysis.rdf import ANALYSIS_GRAPH, analysis_quads
from kg.backends import open_store, store_kind
from kg.namespaces import INGEST_GRAPH
from kg.query_results import solutions
from kg.seed import seed_paths
from kg.store import KnowledgeStore

log = logging.getLogger("kg.api")
T = TypeVar("T")

#: Up to this many claims, a refresh builds every explanation (see :func:`_materialise`);
#: above it, each is built on first request (a 1M-triple store has 12,820 claims and its
#: explanations would take longer to build than the rest of the refresh).
EXPLAIN_AT_REFRESH_MAX_CLAIMS = 5_000


@dataclass(frozen=True)
class Snapshot:
    """The analysis of one version of the data, and what the query guard needs to know."""

    version: int
    analysis: Analysis
    named_graphs: frozenset[str]
    #: Every quad of the store, the analysis graph's included.
    quads: int
    #: The immutable checkpoint of this version that the query workers read (``None`` on a
    #: remote store, which answers queries itself).
    store_path: Path | None
    #: The quads of the analysis graph, which the service writes (``quads`` counts them too).
    analysis_quads: int = 0
    #: The quads of ``kg ingest``'s progress records (``quads`` counts them too): bookkeeping.
    ingest_quads: int = 0
    #: Views derived from the analysis (sorted summaries), built on first use per version.
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def data_quads(self) -> int:
        """The quads of data: ``quads`` without the analysis graph and the ingest records,
        what ``kg serve``'s start-up line and ``kg stats`` count."""
        return self.quads - self.analysis_quads - self.ingest_quads


class ServiceState:
    """The store, the worker pool and the current :class:`Snapshot` of one service.

    Args:
        settings: the service's settings.
        store: a store to serve, owned by the caller (not closed here): on disk or remote;
            a store in memory is copied to a temporary directory first. ``None``: open
            ``settings.store`` (a temporary directory for ``memory``) and load
            ``settings.data`` (or, in memory, the seed case) into it.
    """

    def __init__(self, settings: Settings, store: KnowledgeStore | None = None) -> None:
        self.settings = settings
        self._given = store
        self._owned: KnowledgeStore | None = None
        self._temp: Path | None = None
        self._snapshots: Path | None = None
        self.store: KnowledgeStore | None = store
        self.pool: QueryPool | RemoteQueries | None = None
        self.snapshot: Snapshot | None = None
        self._writes = asyncio.Lock()
        #: Called with each new snapshot in a background thread, to build before any request
        #: does what the first requests of a version would wait for (the list indexes: 8 s at
        #: 10M triples); a request that comes first builds it itself. Set by the app.
        self.warmers: list[Callable[[Snapshot], object]] = []
        #: The background build of the current snapshot's warmers, if any.
        self.warming: asyncio.Future[None] | None = None

    async def start(self) -> None:
        """Open and load the store, analyse it, and start the query workers."""
        self.store = await asyncio.to_thread(self._open)
        # What a killed service left (its checkpoints, its copy of a store in memory) goes now.
        places = [Path(tempfile.gettempdir())]
        if self.store.path is not None:
            places.append(self.store.path.parent)
        await asyncio.to_thread(remove_abandoned, places)
        if self.store.kind == "remote":
            self._publish(await asyncio.to_thread(self._refresh, 1))
            self.pool = RemoteQueries(self.store.oxigraph, size=self.settings.query_workers)
            return
        self._snapshots = _snapshot_folder(self.store.path or Path(tempfile.gettempdir()))
        self._publish(await asyncio.to_thread(self._refresh, 1))
        pool = QueryPool(size=self.settings.query_workers, memory_mb=self.settings.worker_memory_mb)
        pool.store = str(self.current.store_path)
        self.pool = pool
        await pool.start()

    async def stop(self) -> None:
        """Stop the workers; close and remove what this state opened itself."""
        if self.warming is not None:
            await self.warming  # in memory only, and it stops at a newer version
        if self.pool is not None:
            await self.pool.close()
        if self._owned is not None:
            self._owned.close()
        for folder in (self._snapshots, self._temp):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def _open(self) -> KnowledgeStore:
        given, settings = self._given, self.settings
        if given is not None and given.kind != "memory":
            return given
        if given is not None or store_kind(settings.store) == "memory":
            self._temp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            mark_owned(self._temp)
            store = KnowledgeStore(self._temp / "store")
        else:
            store = open_store(
                settings.store,
                update_url=settings.store_update_url,
                timeout=settings.store_timeout,
            )
        self._owned = store
        try:
            if given is not None:
                # Already validated when it was loaded: copied as it is. A bulk write (no
                # transaction) into the new private store: half the time of extend() at 1M
                # quads (7.7 s against 15.4 s); if it fails, start fails and the folder goes.
                store.oxigraph.bulk_extend(given.quads())
                return store
            files = list(settings.data)
            if not files and store_kind(settings.store) == "memory" and settings.seed:
                files = seed_paths()
            if files:
                report = store.load(files, validate=True)
                log.info("loaded %d files, %d quads", len(report.files), report.total_quads)
        except BaseException:
            store.close()
            self._owned = None
            raise
        return store

    def _refresh(self, version: int) -> Snapshot:
        """Analyse the store, rewrite the analysis graph, flush and checkpoint it.

        Returns the new snapshot, not yet published (see :meth:`_publish`).
        """
        store = self.store
        assert store is not None
        analysis = analyse(store, min_groups=self.settings.min_groups, method=self.settings.method)
        _materialise(analysis)
        quads = analysis_quads(analysis)
        graph = ox.NamedNode(ANALYSIS_GRAPH)
        if store.kind != "remote" and next(
            iter(store.oxigraph.quads_for_pattern(None, None, None, graph)), None
        ) is None:
            # The first analysis graph of an embedded store (start-up): written without a
            # transaction, which nobody needs here, as the query workers read checkpoints,
            # never the live store (1M triples: 2.2 s against 5.0 s). If it fails part-way,
            # what is in is derived data, which the next refresh's difference completes.
            store.oxigraph.bulk_extend(quads)
        else:
            store.replace_graph(ANALYSIS_GRAPH, quads)
        checkpoint = None
        if store.kind != "remote":
            store.oxigraph.flush()
            assert self._snapshots is not None
            checkpoint = self._snapshots / f"v{version}"
            store.oxigraph.backup(str(checkpoint))
        graphs = frozenset(
            g.value for g in store.oxigraph.named_graphs() if isinstance(g, ox.NamedNode)
        )
        return Snapshot(version, analysis, graphs, _count_quads(store), checkpoint,
                        analysis_quads=len(quads), ingest_quads=store.graph_size(INGEST_GRAPH))

    async def explain(self, action: Callable[[Snapshot], T], *, reads_store: bool = False) -> T:
        """Run ``action(snapshot)`` off the event loop, with no write running meanwhile.

        An explanation is built on first use by reading the store (:mod:`kg.analysis.details`):
        a write in the middle would mix two versions. Holding the write lock keeps the store at
        the version of the snapshot taken after it is acquired (a write that finished while
        this request waited has published its own snapshot by then). ``reads_store``: the
        action reads the store whatever the snapshot holds (an analysis as of a date), so the
        lock is taken on a small store too.
        """
        snapshot = self.current
        if (not reads_store and snapshot.analysis.claims.complete
                and snapshot.analysis.actors.complete):
            # Every explanation was built at refresh (a small store): nothing is read from
            # the store, so there is nothing for a write to mix, and no need to wait for one.
            return await asyncio.to_thread(action, snapshot)
        async with self._writes:
            snapshot = self.current
            return await asyncio.to_thread(action, snapshot)

    @property
    def current(self) -> Snapshot:
        """The current snapshot."""
        if self.snapshot is None:
            raise RuntimeError("the service has not started")
        return self.snapshot

    @property
    def analysis_graph(self) -> str:
        """The named graph that holds the analysis (derived data)."""
        return ANALYSIS_GRAPH

    async def write(self, action: Callable[[KnowledgeStore], T],
                    changed: Callable[[T], bool] = lambda _: True) -> T:
        """Run ``action(store)``, refresh the analysis, then switch the queries to the result.

        Writes are serialised. If ``action`` raises, nothing is refreshed and the error
        propagates (the store's loads are all or nothing, so the data is unchanged). When
        ``changed(result)`` is false (a client's retry, which wrote nothing), nothing is
        refreshed either: the version stays, and no analysis of a large store is redone.

        On an embedded store the query workers read checkpoints, never the live store, so they
        go on answering from the previous version while the data is written and analysed;
        they are held only for the switch to the new checkpoint, which is quick. (Holding them
        for the whole write stalled every query for seconds and made them time out under
        load: docs/reliability.md.) A remote store answers queries from its live data, so
        there every query waits for the whole write, and none sees half of one.
        """
        assert self.store is not None and self.pool is not None
        store = self.store
        async with self._writes:
            if not isinstance(self.pool, QueryPool):
                async with self.pool.exclusive():
                    result = await asyncio.to_thread(action, store)
                    if changed(result):
                        self._publish(
                            await asyncio.to_thread(self._refresh, self.current.version + 1)
                        )
                return result
            result = await asyncio.to_thread(action, store)
            if not changed(result):
                return result
            fresh = await asyncio.to_thread(self._refresh, self.current.version + 1)
            async with self.pool.exclusive():
                self.pool.store = str(fresh.store_path)
                self._publish(fresh)
            return result

    def _publish(self, fresh: Snapshot) -> None:
        """Make ``fresh`` the current snapshot and remove the previous checkpoint.

        Called before the workers start, or with every worker held and closed, so nobody
        reads the previous checkpoint any more.
        """
        previous, self.snapshot = self.snapshot, fresh
        if previous is not None and previous.store_path is not None:
            shutil.rmtree(previous.store_path, ignore_errors=True)
        if self.warmers:
            self.warming = asyncio.get_running_loop().run_in_executor(None, self._warm, fresh)

    def _warm(self, snapshot: Snapshot) -> None:
        """Run the warmers on ``snapshot`` while it is current. They read the analysis in
        memory (its catalogue and numbers, read at refresh), never the store."""
        for warm in self.warmers:
            if self.snapshot is not snapshot:
                return  # a newer version is published: its own build has started
            try:
                warm(snapshot)
            except Exception:  # a request will build it, and report the error, itself
                log.exception("building the indexes of version %d failed", snapshot.version)


def _materialise(analysis: Analysis) -> None:
    """Read what the listings need now, while the store holds exactly this version.

    The records of every actor, claim and evidence item (labels, texts, kinds:
    :attr:`Analysis.catalogue`) and the source groups are read from the store on first access;
    done later, that would read data written since (a snapshot mixing two versions) and block
    the event loop in a request. The statements are not read here: no listing needs them (at
    10M triples, reading them took 40 s of the start-up). The explanations of every claim and
    actor, which do, are built here only for a small store; on a large store one is built on
    demand, reading its statements under the write lock (:meth:`ServiceState.explain`).
    """
    if len(analysis.claims) <= EXPLAIN_AT_REFRESH_MAX_CLAIMS:
        # A small store: every explanation in one pass (well under a second for a few
        # thousand claims), so that a request for one never waits for a write in progress.
        # The catalogue is then taken from the records this pass reads.
        analysis.claims.values()
        analysis.actors.values()
    _ = analysis.catalogue
    groups = getattr(analysis.groups, "groups", None)
    if groups is not None:
        list(groups.values())


#: Every quad of an embedded store, the default graph's and the named graphs'.
_COUNT_QUADS = "SELECT (COUNT(*) AS ?n) { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


def _count_quads(store: KnowledgeStore) -> int:
    """``len(store)``, counted by the engine with a query on an embedded store: pyoxigraph's
    ``len()`` holds the GIL while it counts (0.4 s at 2.4M quads, at each write, with every
    client of the service waiting), its queries do not (1.0 s, in this thread only)."""
    if store.kind == "remote":
        return len(store)  # (a request to the endpoint, which does not hold the GIL)
    row = next(iter(solutions(store.oxigraph.query(_COUNT_QUADS))))
    return int(row["n"].value)


def _snapshot_folder(store: Path) -> Path:
    """A private folder for checkpoints, beside the store when possible (hard links need
    the same file system; elsewhere RocksDB copies the files)."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=".kg-snapshots-", dir=store.parent))
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="kg-snapshots-"))
    mark_owned(folder)
    return folder


__all__ = ["ServiceState", "Snapshot"]
