"""What one running service holds: the store, the query workers, and the current analysis.

The analysis is computed once per change to the data, never per request: at start-up and
after each write, :meth:`ServiceState.refresh` recomputes it, rewrites the analysis graph
(:mod:`kg.analysis.rdf`) and bumps :attr:`ServiceState.version`. Requests read whatever
:class:`Snapshot` is current; a new one replaces it in one assignment, so a request never sees
half of an update.

The store is always on disk, because the query workers read it from other processes: the
one given (``--store``), or a temporary directory deleted at shutdown. Workers never open the
live store (its background compactions delete files under a reader); after every change the
state makes a checkpoint (``Store.backup``: hard links, so cheap and quick) in a private
directory, and workers read that.
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

from api.settings import Settings
from api.sparql.pool import QueryPool
from kg.analysis import Analysis, analyse
from kg.analysis.rdf import ANALYSIS_GRAPH, replace_analysis_graph
from kg.seed import seed_paths
from kg.store import KnowledgeStore

log = logging.getLogger("kg.api")
T = TypeVar("T")


@dataclass(frozen=True)
class Snapshot:
    """The analysis of one version of the data, and what the query guard needs to know."""

    version: int
    analysis: Analysis
    named_graphs: frozenset[str]
    quads: int
    #: The immutable checkpoint of this version that the query workers read.
    store_path: Path
    #: Views derived from the analysis (sorted summaries), built on first use per version.
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


class ServiceState:
    """The store, the worker pool and the current :class:`Snapshot` of one service.

    Args:
        settings: the service's settings.
        store: an on-disk store to serve, owned by the caller (not closed here). ``None``:
            open ``settings.store``, or a temporary store, and load ``settings.data`` (or
            the seed case) into it.
    """

    def __init__(self, settings: Settings, store: KnowledgeStore | None = None) -> None:
        if store is not None and store.path is None:
            raise ValueError("the service needs an on-disk store (its query workers open it "
                             "read-only from other processes); pass KnowledgeStore(path)")
        self.settings = settings
        self._given = store
        self._temp: Path | None = None
        self._snapshots: Path | None = None
        self.store: KnowledgeStore | None = store
        self.pool: QueryPool | None = None
        self.snapshot: Snapshot | None = None
        self._writes = asyncio.Lock()

    async def start(self) -> None:
        """Open and load the store, analyse it, and start the query workers."""
        self.store = await asyncio.to_thread(self._open)
        self._snapshots = _snapshot_folder(self.store.path or Path(tempfile.gettempdir()))
        await asyncio.to_thread(self._refresh, 1)
        self.pool = QueryPool(size=self.settings.query_workers,
                              memory_mb=self.settings.worker_memory_mb)
        self.pool.store = str(self.current.store_path)
        await self.pool.start()

    async def stop(self) -> None:
        """Stop the workers; close and remove what this state opened itself."""
        if self.pool is not None:
            await self.pool.close()
        if self.store is not None and self._given is None:
            self.store.close()
        for folder in (self._snapshots, self._temp):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)

    def _open(self) -> KnowledgeStore:
        if self._given is not None:
            return self._given
        settings = self.settings
        if settings.store is not None:
            path = settings.store
        else:
            self._temp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            path = self._temp / "store"
        store = KnowledgeStore(path)
        try:
            files = list(settings.data)
            if not files and settings.store is None and settings.seed:
                files = seed_paths()
            if files:
                report = store.load(files, validate=True)
                log.info("loaded %d files, %d quads", len(report.files), report.total_quads)
        except BaseException:
            store.close()
            raise
        return store

    def _refresh(self, version: int) -> None:
        """Analyse the store, rewrite the analysis graph, flush; then publish the snapshot."""
        store = self.store
        assert store is not None
        analysis = analyse(store, min_groups=self.settings.min_groups,
                           method=self.settings.method)
        _materialise(analysis)
        replace_analysis_graph(store.oxigraph, analysis)
        store.oxigraph.flush()
        assert self._snapshots is not None
        checkpoint = self._snapshots / f"v{version}"
        store.oxigraph.backup(str(checkpoint))
        graphs = frozenset(g.value for g in store.oxigraph.named_graphs()
                           if isinstance(g, ox.NamedNode))
        previous = self.snapshot
        self.snapshot = Snapshot(version, analysis, graphs, len(store), checkpoint)
        if previous is not None:
            # Called with every worker held and closed: nobody reads the old one any more.
            shutil.rmtree(previous.store_path, ignore_errors=True)

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

    async def write(self, action: Callable[[KnowledgeStore], T]) -> T:
        """Run ``action(store)`` with every query worker held, then refresh the analysis.

        Writes are serialised. If ``action`` raises, nothing is refreshed and the error
        propagates (the store's loads are all or nothing, so the data is unchanged).
        """
        assert self.store is not None and self.pool is not None
        async with self._writes, self.pool.exclusive():
            store = self.store
            result = await asyncio.to_thread(action, store)
            await asyncio.to_thread(self._refresh, self.current.version + 1)
            self.pool.store = str(self.current.store_path)
            return result


def _materialise(analysis: Analysis) -> None:
    """Build every part of the analysis now, while the store holds exactly this version.

    The analysis may build its parts on first access, reading the store; done later, that
    would read data written since (a snapshot mixing two versions) and would block the event
    loop in the middle of a request. Here it runs once per version, in a worker thread.
    """
    _ = analysis.case
    analysis.claims.values()
    analysis.actors.values()
    groups = getattr(analysis.groups, "groups", None)
    if groups is not None:
        list(groups.values())


def _snapshot_folder(store: Path) -> Path:
    """A private folder for checkpoints, beside the store when possible (hard links need
    the same file system; elsewhere RocksDB copies the files)."""
    try:
        return Path(tempfile.mkdtemp(prefix=".kg-snapshots-", dir=store.parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="kg-snapshots-"))


__all__ = ["ServiceState", "Snapshot"]
