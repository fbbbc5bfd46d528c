"""Peak memory of the catalogue's loader and guard cases, in a fresh process.

Run by test_memory.py (``python tests/hostile/measure_memory.py``). Loads the seed case into
an in-memory store, notes the peak resident set size (``ru_maxrss``), then sends every
``load/`` and ``yaml/`` case through ``KnowledgeStore.load`` and every ``sparql/`` case through
the query guard, and prints, as JSON, the peak before and after and each case's seconds. The
server process parses uploads with the same code, and queries run in workers that have an
address-space limit of their own, so this bounds what a hostile input costs the service.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from hostile_catalogue import load_cases

from api.sparql.guard import QueryRefused, check_query
from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.seed import seed_paths
from kg.store import KnowledgeStore


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    store = KnowledgeStore()
    store.load(seed_paths())
    baseline = peak_mib()
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in load_cases():
            started = time.perf_counter()
            data = case.data(9, "token")
            if case.kind in ("load", "yaml"):
                path = Path(tmp) / case.path.name
                path.write_bytes(data)
                with contextlib.suppress(KgError):
                    store.load([path])
            elif case.kind.startswith("sparql"):
                with contextlib.suppress(QueryRefused):
                    check_query(data.decode("utf-8"), named_graphs=set(), predeclared=PREFIXES)
            else:
                continue
            seconds[case.name] = time.perf_counter() - started
    json.dump({"baseline_mib": baseline, "peak_mib": peak_mib(), "seconds": seconds},
              sys.stdout)


if __name__ == "__main__":
    main()
