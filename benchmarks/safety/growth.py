"""How the work the service does on hostile input in its event loop grows with the input.

Two checks run on every request before anything else, in the event loop, on text a client
chose: the SPARQL guard (`api.sparql.guard.check_query`, which refuses SERVICE and friends) reads
the whole query, and the access-log filter (`api.logredact.redact_query`) reads the whole
path. Each once grew with the square of its input (a long run of short words made the
guard's tokenizer retry every prefix: 7 s at 40 kB, 139 s at 80 kB; one regular expression
over every parameter name made the redaction take 3.4 s for 90 kB), so a single request
could stall every other client. Each input here is doubled three times and timed (median of
--repeat calls in this one process, in CPU time: the work is one thread's, and CPU time is
not inflated by other work on a shared machine); the anchor is the smallest input's time
times the size ratio (linear growth). A ratio near 1 is linear; one that doubles with each
step is the square.

    .venv/bin/python benchmarks/safety/growth.py [--readme] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_machine import cpu_model, memory_gib  # noqa: E402

from api.logredact import redact_query  # noqa: E402
from api.sparql.guard import QueryRefused, check_query  # noqa: E402
from kg.namespaces import PREFIXES  # noqa: E402

COMMAND = ".venv/bin/python benchmarks/safety/growth.py --readme"
# Measured once (2026-11-29, one call each, CPU time): linear is not enough for the guard.
# A POST body may hold 8 MiB, and at that size it took 20 s, so it runs beside the event
# loop since then (api/sparql/protocol.py; tests/api/test_guard_off_loop.py).
LARGEST = ("At the largest body a request may have (8 MiB, `max_request_bytes`), one call of "
           "the guard took 19.98 s of CPU on \"a.\" repeated and 14.32 s on \"ab.c1-\" "
           "repeated (2026-11-29, one call each): linear, but far too long for the event loop. "
           "Since then the guard runs in a thread beside it (`api/sparql/protocol.py`), and "
           "other requests are answered meanwhile (`tests/api/test_guard_off_loop.py`); the "
           "access-log filter stays in the loop (under 1 ms at 320,000 characters; the HTTP "
           "layer reads URLs of at most 1 MiB).")
SIZES = (40_000, 80_000, 160_000, 320_000)


def _guard(run: str) -> Callable[[int], None]:
    def call(size: int) -> None:
        query = "SELECT * { ?s ?p ?o } " + run * (size // len(run)) + " SERVICE <http://x/> {}"
        try:
            check_query(query, named_graphs=set(), predeclared=PREFIXES)
        except QueryRefused as refusal:
            assert refusal.code == "service", refusal.code  # the last token was read too
        else:
            raise AssertionError("the SERVICE clause at the end was not found")
    return call


def _redaction(unit: str) -> Callable[[int], None]:
    def call(size: int) -> None:
        path = "/x?" + unit * (size // len(unit))
        assert redact_query(path) == path  # no "=": nothing to redact
    return call


CASES: dict[str, Callable[[int], None]] = {
    'guard: "a." repeated, then SERVICE': _guard("a."),
    'guard: "ab.c1-" repeated, then SERVICE': _guard("ab.c1-"),
    'access log: "/x?" + "key" repeated': _redaction("key"),
    'access log: "/x?" + "?" repeated': _redaction("?"),
}


def _median_seconds(call: Callable[[int], None], size: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        call(size)
        times.append(time.process_time() - started)
    return statistics.median(times)


def report(repeat: int) -> str:
    rows = []
    for name, call in CASES.items():
        call(SIZES[0])  # warm up: imports, compiled patterns
        first = 0.0
        for size in SIZES:
            seconds = _median_seconds(call, size, repeat)
            first = first or seconds
            anchor = first * size / SIZES[0]
            rows.append(f"| {name} | {size:,} | {seconds * 1000:.1f} | {anchor * 1000:.1f} | "
                        f"**{seconds / anchor:.2f}** |")
    return "\n".join([
        "## Hostile input in the event loop",
        "",
        f"`{COMMAND}` ({Path(__file__).name}'s docstring says why). Each input doubled three "
        f"times; each time the median of {repeat} calls. Anchor: the smallest input's time "
        "times the size ratio (linear growth); the square would double the ratio at every "
        "step.",
        "",
        "| input | characters | CPU ms | anchor (linear), ms | ratio |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        f"Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, Python "
        f"{platform.python_version()}; run on {time.strftime('%Y-%m-%d', time.gmtime())}, "
        f"load average {os.getloadavg()[0]:.1f} at the end.",
        "",
        LARGEST,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readme", action="store_true", help="write benchmarks/README.md")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    text = report(args.repeat)
    print(text)
    if args.readme:
        from bench_readme import replace_section

        replace_section("## Hostile input in the event loop", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
