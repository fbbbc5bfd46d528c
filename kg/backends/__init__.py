"""Store backends: one setting chooses where a :class:`kg.store.KnowledgeStore` keeps its data.

==========================  ================================================================
Store setting               Backend
==========================  ================================================================
``None`` or ``"memory"``    embedded Oxigraph in memory (the default), gone at exit
a directory path            embedded Oxigraph on disk (RocksDB), created if missing
``http://`` / ``https://``  a SPARQL 1.1 Query+Update endpoint (:mod:`kg.backends.sparql`)
==========================  ================================================================

Every backend answers the same interface (:class:`kg.store.KnowledgeStore`): atomic validated
loads, export, stats and SPARQL queries; the analysis, the API and the view run unchanged on
each (``tests/backends`` runs one suite over all of them). ``docs/backends.md`` says which
server to choose in production and what each needs.

Example:
    >>> with open_store("memory") as store:
    ...     store.kind, len(store)
    ('memory', 0)
    >>> store_kind("https://db.example.org/sparql"), store_kind("./store"), store_kind(None)
    ('remote', 'disk', 'memory')
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kg.errors import StoreError
from kg.timeouts import check_timeout

if TYPE_CHECKING:
    from kg.backends.sparql import SparqlEngine
    from kg.store import KnowledgeStore

StoreKind = Literal["memory", "disk", "remote"]
MEMORY = "memory"
#: Seconds a remote store's request may take, its whole answer included, unless
#: ``KG_STORE_TIMEOUT`` (or ``timeout=``) says otherwise. Generous on purpose: the analysis of
#: a large store (10M triples) reads it with a few big CONSTRUCT/SELECT queries that take
#: minutes on a busy server; the point is that a server that stopped answering (stopped,
#: overloaded, a dropped link) ends in an error rather than a command that waits forever.
DEFAULT_TIMEOUT = 600.0
TIMEOUT_ENV = "KG_STORE_TIMEOUT"
#: A URL of some other scheme ("htp://", "ftp://", "file://"): never a directory a person meant.
_OTHER_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def store_kind(spec: str | Path | None) -> StoreKind:
    """Which backend a store setting names."""
    if spec is None or (isinstance(spec, str) and spec in ("", MEMORY)):
        return "memory"
    if isinstance(spec, str) and spec.lower().startswith(("http://", "https://")):
        return "remote"
    return "disk"


def default_timeout() -> float | None:
    """The remote store timeout: ``KG_STORE_TIMEOUT`` seconds (``0`` or ``inf``: no deadline), else
    :data:`DEFAULT_TIMEOUT`.

    Raises:
        StoreError: the variable is not a number of seconds.
    """
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        seconds = check_timeout(raw, TIMEOUT_ENV, least="0 (no deadline) or more seconds")
    except ValueError as error:
        raise StoreError(str(error)) from None
    return seconds if 0 < seconds < math.inf else None


def open_store(
    spec: str | Path | None = None,
    *,
    update_url: str | None = None,
    timeout: float | None = None,
    bulk_url: str | None = None,
) -> KnowledgeStore:
    """Open the store a setting names (see the table above).

    Args:
        spec: ``None`` or ``"memory"``, a directory, or an endpoint's query URL.
        update_url: a remote endpoint's update URL, if not the one derived from ``spec``
            (``.../query`` gives ``.../update``; any other URL serves both).
        timeout: a remote endpoint's deadline per request, in seconds, its whole answer
            included (default: :func:`default_timeout`, ``KG_STORE_TIMEOUT`` or 600 s;
            ``0`` or ``math.inf``: no deadline).
        bulk_url: opt-in, a remote endpoint's URL that loads POSTed N-Quads atomically
            (``oxigraph serve``: ``http://host:7878/store?no_transaction``), for
            ``kg.ingest``; see docs/backends.md.

    Raises:
        StoreError: the directory cannot be used, or the endpoint cannot be reached, refuses
            queries, or does not show its named graphs in its default graph.
    """
    from kg.store import KnowledgeStore

    kind = store_kind(spec)
    if update_url is not None and kind != "remote":
        raise StoreError(
            f"an update URL ({update_url}) only applies to a SPARQL endpoint, not to a {kind} store"
        )
    if bulk_url is not None and kind != "remote":
        raise StoreError(
            f"a bulk URL ({bulk_url}) only applies to a SPARQL endpoint, not to a {kind} store"
        )
    if kind == "memory" or spec is None:  # (None is "memory")
        return KnowledgeStore()
    if kind == "disk":
        if isinstance(spec, str) and _OTHER_URL.match(spec):
            # Else "htp://host/query" becomes the directory "htp:/host/query", and RocksDB's
            # "While mkdir if missing" error hides the mistyped scheme.
            raise StoreError(
                f"{spec}: not a URL this tool opens (http or https) nor a directory; "
                "for a SPARQL endpoint give its http:// or https:// query URL"
            )
        return KnowledgeStore(Path(spec))
    if timeout is None:
        timeout = default_timeout()
    else:
        try:  # a negative timeout or NaN is an error, never "no deadline" (kg.timeouts)
            timeout = check_timeout(timeout, "timeout", least="0 (no deadline) or more seconds")
        except ValueError as error:
            raise StoreError(str(error)) from None
        timeout = timeout if 0 < timeout < math.inf else None
    return KnowledgeStore(engine=_remote_engine(str(spec), update_url, timeout, bulk_url))


def _remote_engine(
    url: str, update_url: str | None, timeout: float | None, bulk_url: str | None = None
) -> SparqlEngine:
    from kg.backends.http import BadRequest, SparqlClient, display_url
    from kg.backends.sparql import SparqlEngine

    try:
        engine = SparqlEngine(SparqlClient(url, update_url, timeout=timeout, bulk_url=bulk_url))
        # One cheap request at once, so that a wrong URL fails here, not at the first query.
        engine.check_union()
    except BadRequest as refusal:
        raise StoreError(
            f"{display_url(url)}: the endpoint refused a plain SELECT: {refusal.message}"
        ) from None
    except ValueError as error:
        raise StoreError(f"store setting: {error}") from None
    except OSError as error:
        raise StoreError(str(error)) from None
    return engine


__all__ = [
    "DEFAULT_TIMEOUT",
    "MEMORY",
    "TIMEOUT_ENV",
    "StoreKind",
    "default_timeout",
    "open_store",
    "store_kind",
]
