"""Oxigraph's bulk loader filling a new in-memory store in a background thread.

pyoxigraph releases the GIL while it bulk loads from a path, so the calling thread can work on
the same file meanwhile (:mod:`kg.shacl.staged` reads and checks it). This module imports
nothing but pyoxigraph, so that a load can start before the validator is imported.

Example:
    >>> load = BackgroundBulkLoad(data=b'<https://e.org/s> <https://e.org/p> "o" .\\n')
    >>> len(load.join())
    1
"""

from __future__ import annotations

import threading

import pyoxigraph as ox


class BackgroundBulkLoad:
    """``ox.Store().bulk_load(...)`` of one N-Triples document, started in a thread.

    Args:
        path: the file to load (read by Oxigraph, off the GIL).
        data: the document's bytes, if no ``path`` (read through Python).
    """

    def __init__(self, *, path: str | None = None, data: bytes | None = None) -> None:
        self.store = ox.Store()
        self.error: BaseException | None = None
        self._path, self._data = path, data
        self._thread = threading.Thread(target=self._run, name="kg-bulk-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            if self._path is not None:
                self.store.bulk_load(path=self._path, format=ox.RdfFormat.N_TRIPLES)
            else:
                self.store.bulk_load(input=self._data, format=ox.RdfFormat.N_TRIPLES)
        # Any failure, even an interrupt, is the caller's to see: it takes another way.
        except BaseException as error:
            self.error = error

    def join(self) -> ox.Store | None:
        """Wait for the load; the store, or ``None`` if it failed (see :attr:`error`)."""
        self._thread.join()
        return None if self.error is not None else self.store
