"""A pool of query worker processes, with a deadline per query that really stops the work.

The event loop never runs a query: it hands the request to an idle worker process
(:mod:`api.sparql.worker`) and awaits the reply. When the deadline passes, the worker is
killed (SIGKILL: the work stops and the kernel takes its memory back) and a fresh one takes
its place, while the other workers and the event loop go on answering. A reply that comes
after the deadline is never used, so a client never receives a partial result.

Workers read immutable snapshots of the store, never the live store. A write switches them to
its new snapshot by taking the whole pool (:meth:`QueryPool.exclusive`): every worker lets go
of its snapshot, and the next query names the new one. (On an embedded store the service takes
the pool only for that switch, and queries go on reading the previous snapshot while the data
changes: :meth:`api.state.ServiceState.write`.)

Example:
    >>> import asyncio, tempfile, pyoxigraph
    >>> async def demo(path):
    ...     pool = QueryPool(size=1)
    ...     await pool.start()
    ...     try:
    ...         reply = await pool.query({"store": path, "query": "ASK {}",
    ...                                   "select_format": "json", "max_results": 10},
    ...                                  timeout=10)
    ...         return reply.body
    ...     finally:
    ...         await pool.close()
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     pyoxigraph.Store(tmp).flush()
    ...     asyncio.run(demo(tmp))
    b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import select
import subprocess
import sys
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api.sparql.worker import read_message, write_message

log = logging.getLogger("kg.api.pool")

_READY_SECONDS = 30.0
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class QueryTimeout(Exception):
    """The query ran past its deadline; its worker was killed."""


class WorkerLost(Exception):
    """The worker died while running the query (most often: over its memory limit)."""


class PoolBusy(Exception):
    """No worker became free in time."""


@dataclass(frozen=True)
class Reply:
    """A worker's answer: ``header["ok"]`` tells success; ``body`` holds the results."""

    header: dict[str, Any]
    body: bytes


class _Worker:
    """One worker process and its pipes; every method blocks (run them in a thread)."""

    def __init__(self, memory_mb: int) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        # glibc reserves 64 MiB of address space per thread arena; RocksDB's threads would
        # then use most of RLIMIT_AS before a query allocates anything (measured: 815 MiB
        # peak with the default, 275 MiB with two arenas).
        env["MALLOC_ARENA_MAX"] = "2"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "api.sparql.worker", "--memory-mb", str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
            # Its own session: a Ctrl-C in the terminal reaches the server, which then closes
            # the workers in order, rather than every process at once.
            start_new_session=True,
        )
        assert self.process.stdout is not None and self.process.stdin is not None
        self._in = self.process.stdin
        self._out = self.process.stdout
        ready, _, _ = select.select([self._out], [], [], _READY_SECONDS)
        message = read_message(self._out) if ready else None
        hello = message[0] if message else {}
        if not hello.get("ready"):
            self.kill()
            raise WorkerLost("a query worker did not start")
        self.sandbox: str = hello.get("sandbox", "unknown")
        self.pid: int = self.process.pid

    def exchange(self, request: dict[str, Any]) -> Reply:
        write_message(self._in, request)
        message = read_message(self._out)
        if message is None:
            raise EOFError("worker closed its output")
        return Reply(*message)

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        for stream in (self._in, self._out):
            with contextlib.suppress(OSError):
                stream.close()

    def stop(self) -> None:
        """Ask the worker to exit (it exits when its input closes); kill it if it lingers."""
        with contextlib.suppress(OSError):
            self._in.close()
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
        with contextlib.suppress(OSError):
            self._out.close()


class QueryPool:
    """Worker processes that run queries on read-only store snapshots.

    Every request reads a snapshot (``"store"`` in the request, or else :attr:`store`): a
    directory that no process writes, such as a checkpoint made by ``pyoxigraph.Store.backup``.
    Opening a store that another process is writing is undefined behaviour in RocksDB:
    measured here, a worker that opened the live store read-only failed once the writer's
    background compaction deleted files it expected.

    Args:
        size: how many workers, i.e. how many queries run at once.
        memory_mb: each worker's address-space limit.
    """

    def __init__(self, *, size: int = 2, memory_mb: int = 2048) -> None:
        #: The snapshot that requests without a ``"store"`` read. Change it only while
        #: holding :meth:`exclusive`, so that no query starts on one snapshot and then finds
        #: it deleted.
        self.store: str | None = None
        self.size = size
        self.memory_mb = memory_mb
        self.sandbox = "unknown"
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._gate = asyncio.Lock()
        self._threads = ThreadPoolExecutor(max_workers=size + 2, thread_name_prefix="kg-pool")
        self._workers: set[_Worker] = set()
        self._closed = False

    async def start(self) -> None:
        """Start every worker; raise :class:`WorkerLost` if one cannot start."""
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(
            *(loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size)))
        for worker in workers:
            self._idle.put_nowait(worker)
        self.sandbox = workers[0].sandbox
        log.info("started %d query workers (network isolation: %s)", self.size, self.sandbox)

    def _spawn(self) -> _Worker:
        worker = _Worker(self.memory_mb)
        self._workers.add(worker)
        return worker

    async def query(self, request: dict[str, Any], *, timeout: float) -> Reply:
        """Run a query request (see :func:`api.sparql.worker.run_query`) within ``timeout``.

        ``timeout`` bounds the whole call, waiting for a worker included, so that a client
        has its answer or its 503 within ``timeout`` however many queries are queued.

        Raises:
            PoolBusy: no worker was free within ``timeout``.
            QueryTimeout: the query ran past ``timeout``; its worker was killed.
            WorkerLost: the worker died (memory limit, crash); it was replaced.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            # The wait for the gate counts too: under load, queries queue there, behind the
            # one holding it while it waits for a worker.
            async with asyncio.timeout_at(deadline), self._gate:
                worker = await self._idle.get()
        except TimeoutError:
            raise PoolBusy() from None
        # The snapshot is chosen once a worker is held: a write cannot start in between.
        request = {"store": self.store, **request, "op": "query"}
        try:
            reply = await asyncio.wait_for(
                loop.run_in_executor(self._threads, worker.exchange, request),
                max(0.0, deadline - loop.time()))
        except TimeoutError:
            await self._replace(worker)
            raise QueryTimeout() from None
        except (EOFError, OSError, ValueError):
            await self._replace(worker)
            raise WorkerLost() from None
        except BaseException:
            # Cancelled (the client went away): the worker may be mid-query; replace it.
            await asyncio.shield(self._replace(worker))
            raise
        self._idle.put_nowait(worker)
        return reply

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        self._workers.discard(worker)
        await loop.run_in_executor(self._threads, worker.kill)
        if self._closed:
            return
        while True:
            try:
                fresh = await loop.run_in_executor(self._threads, self._spawn)
            except (OSError, WorkerLost):
                log.exception("could not start a query worker; retrying in 1 s")
                await asyncio.sleep(1)
                continue
            self._idle.put_nowait(fresh)
            return

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        """Hold every worker, each with its snapshot closed, for as long as the block runs
        (a switch to a new snapshot, or a whole write on a remote store).

        Queries that arrive meanwhile wait (within their timeout), then read the new snapshot.
        """
        loop = asyncio.get_running_loop()
        async with self._gate:
            held = [await self._idle.get() for _ in range(self.size)]
        try:
            for index, worker in enumerate(held):
                try:
                    await loop.run_in_executor(self._threads, worker.exchange, {"op": "close"})
                except (EOFError, OSError, ValueError):
                    self._workers.discard(worker)
                    await loop.run_in_executor(self._threads, worker.kill)
                    held[index] = await loop.run_in_executor(self._threads, self._spawn)
            yield
        finally:
            for worker in held:
                self._idle.put_nowait(worker)

    async def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._threads, w.stop)
                               for w in list(self._workers)))
        self._workers.clear()
        self._threads.shutdown(wait=False)


__all__ = ["PoolBusy", "QueryPool", "QueryTimeout", "Reply", "WorkerLost"]
