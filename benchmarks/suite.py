"""The performance suite: one command, every size and store, one table.

For each size (triples of ``benchmarks/synth.py`` data, with 1% of the claims contradicting
another, as ``benchmarks/analysis/run.py`` makes it) and each store (``memory``, ``disk``,
``remote``: an ``oxigraph serve`` started for the run), two fresh processes measure, one after
the other:

- **ours** (:func:`measure_ours`): ``kg.ingest.ingest_file`` of the file into the store
  (``open_store``); ``analyse(store)``, its time and peak memory (the process's high-water
  mark, reset after the ingest, store included); the corroboration question
  (``corroborated-claims``, min_groups=2, as ``kg ask`` runs it: ``KnowledgeStore.query``),
  median of ``--repeat``; the API (``create_app(settings, store)`` in-process through
  ``fastapi.testclient``; its start-up analyses the store again, untimed): median latency of
  ``/questions/corroborated-claims?limit=100`` and of ``/claims``; the graph view:
  ``viz.build_view`` + ``render_page`` in Python, then the first render in headless chromium
  (``benchmarks/viz/run.py``'s measure), unless chromium is missing;
- **anchor** (:func:`measure_anchor`): raw ``pyoxigraph.Store().bulk_load`` of the same file
  into the same kind of store (a directory for ``disk`` and ``remote``), then the same
  question text on that bare Oxigraph, holding the same quads (the analysis graph that ours
  wrote is copied in, untimed).

Ratios: ingest throughput ours / raw (goal >= 0.8); question latency ours / bare (lower is
better). Each figure is one run on a shared machine: the load average is written beside it.

Usage::

    python benchmarks/suite.py --sizes 100k,1m --stores memory,disk --out benchmarks/suite.md
    python benchmarks/suite.py --sizes 100k,1m,10m --stores memory,disk,remote --readme

``--readme`` also puts the table (written by ``suite_report.py``) into the "Performance
suite" section of ``benchmarks/README.md`` (other sections kept). Run it under
``flock /tmp/bench.lock`` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SUFFIXES = {"k": 1_000, "m": 1_000_000}
STORES = ("memory", "disk", "remote", "remote-bulk")
#: Files up to this size load in under a second, where single runs on this machine vary by a
#: third: their ingest (ours and the anchor alike) is the median of INGEST_REPEATS fresh loads.
SMALL_INGEST_BYTES = 64 * 2**20
INGEST_REPEATS = 5


def _benchmark_module(name: str) -> Any:
    """``benchmarks/<name>/run.py`` as a module: the suite reuses their functions."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / name / "run.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _question_text() -> str:
    """The corroboration question as ``kg ask`` renders it (min_groups=2), prefixes included."""
    from api.questions.spec import load_questions
    from kg.namespaces import sparql_prefixes

    question = load_questions()["corroborated-claims"]
    return sparql_prefixes() + question.render(question.bind({"min_groups": "2"}, None))


def _median_ms(action: Any, repeat: int) -> tuple[float, int]:
    """Median wall time of ``action()`` in ms, after one warm-up; and its last result's size."""
    size = len(action())
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        size = len(action())
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, size


@contextmanager
def remote_endpoint(folder: Path) -> Iterator[str]:
    """An ``oxigraph serve`` on a free port, its data in ``folder``; yields its query URL."""
    api = _benchmark_module("api")
    port = api._free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        _oxigraph_command(),
        "serve",
        "--location",
        str(folder),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    with api.server(command, url, "/query?query=ASK%7B%7D", 60):
        yield f"{url}/query"


def _oxigraph_command() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise SystemExit("the `oxigraph` command is missing: pip install -e '.[bench]'")
    return found


# -- The children: one measurement process each -------------------------------------------------


def measure_ours(
    data: Path, kind: str, work: Path, repeat: int, ingest_only: bool = False
) -> dict[str, Any]:
    """Ingest, analyse, question, API and view on one store of ``kind``."""
    analysis_run = _benchmark_module("analysis")
    if kind in ("remote", "remote-bulk"):
        with remote_endpoint(work / "remote-ours") as url:
            # remote-bulk: the opt-in KG_STORE_BULK_URL, Oxigraph's own loader (docs/backends.md)
            bulk = url.removesuffix("/query") + "/store?no_transaction"
            return _measure_ours(data, url, work, repeat, analysis_run, ingest_only,
                                 bulk_url=bulk if kind == "remote-bulk" else None)
    spec = "memory" if kind == "memory" else str(work / "disk-ours")
    return _measure_ours(data, spec, work, repeat, analysis_run, ingest_only)


def _measure_ours(
    data: Path, spec: str, work: Path, repeat: int, analysis_run: Any, ingest_only: bool,
    bulk_url: str | None = None,
) -> dict[str, Any]:
    from kg.analysis import analyse
    from kg.analysis.rdf import analysis_quads
    from kg.backends import open_store
    from kg.ingest import ingest_file
    from kg.namespaces import ANALYSIS_GRAPH

    result: dict[str, Any] = {"load_average": os.getloadavg()[0]}
    times = []
    if not spec.startswith("http"):  # a fresh store each time: not on a running server
        for spare in range(_ingest_repeats(data) - 1):
            path = work / f"disk-ours-spare-{spare}"
            fresh = open_store("memory" if spec == "memory" else str(path))
            started = time.perf_counter()
            ingest_file(fresh, data)
            times.append(time.perf_counter() - started)
            fresh.close()
            shutil.rmtree(path, ignore_errors=True)
    store = open_store(spec, bulk_url=bulk_url)
    try:
        started = time.perf_counter()
        report = ingest_file(store, data)
        times.append(time.perf_counter() - started)
        result["ingest_s"] = statistics.median(times)
        result["ingest_runs"] = len(times)
        result["quads"] = report.quads
        result["ingest_peak_mib"] = analysis_run._status("VmHWM") / 2**20
        if ingest_only:
            return result

        Path("/proc/self/clear_refs").write_text("5")  # the peak from here on: the analysis
        started = time.perf_counter()
        analysis = analyse(store)
        result["analysis_s"] = time.perf_counter() - started
        result["analysis_peak_gib"] = analysis_run._status("VmHWM") / 2**30
        cols = analysis.columns
        result.update(statements=cols.n_statements, claims=cols.n_claims, actors=cols.n_actors)

        quads = list(analysis_quads(analysis))
        store.replace_graph(ANALYSIS_GRAPH, quads)
        _dump_quads(quads, work / "analysis.nq")
        text = _question_text()
        result["question_ms"], result["question_rows"] = _median_ms(
            lambda: list(store.query(text)), repeat
        )  # type: ignore[arg-type]

        result.update(_view(analysis, work, repeat))
        del analysis
        result.update(_api(store, repeat))
    finally:
        store.close()
    return result


def _dump_quads(quads: list[Any], path: Path) -> None:
    import pyoxigraph as ox

    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def _view(analysis: Any, work: Path, repeat: int) -> dict[str, Any]:
    """Build the page in Python; first render in chromium when it is installed."""
    from viz import build_view, render_page

    started = time.perf_counter()
    view = build_view(analysis)
    page = render_page(view, title="suite")
    out: dict[str, Any] = {
        "view_build_s": time.perf_counter() - started,
        "view_nodes": len(view.nodes),
    }
    viz_run = _benchmark_module("viz")
    if not Path(viz_run.CHROMIUM).exists():
        return out
    from playwright.sync_api import sync_playwright

    path = work / "view.html"
    path.write_text(page, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=viz_run.CHROMIUM, args=viz_run.ARGS)
        times = [viz_run.first_render_ms(browser, path)[0] for _ in range(max(1, repeat // 2))]
        browser.close()
    out["view_render_ms"] = statistics.median(times)
    return out


def _api(store: Any, repeat: int) -> dict[str, Any]:
    """Median latency of two requests through the whole app, in-process."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    settings = Settings(query_workers=1, max_results=1_000_000, query_timeout=120)
    started = time.perf_counter()
    out: dict[str, Any] = {}
    with TestClient(create_app(settings, store)) as client:
        out["api_start_s"] = time.perf_counter() - started

        def get(url: str, **params: str) -> bytes:
            response = client.get(url, params=params)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code} {response.text[:300]}")
            return response.content

        out["api_question_ms"], _ = _median_ms(
            lambda: get("/questions/corroborated-claims", min_groups="2", limit="100"), repeat
        )
        out["api_claims_ms"], _ = _median_ms(lambda: get("/claims"), repeat)
    return out


def measure_anchor(
    data: Path, kind: str, work: Path, repeat: int, ingest_only: bool = False
) -> dict[str, Any]:
    """Raw pyoxigraph bulk load, then the question on that bare store."""
    import pyoxigraph as ox

    analysis_run = _benchmark_module("analysis")
    result: dict[str, Any] = {"load_average": os.getloadavg()[0]}
    times = []
    for spare in range(_ingest_repeats(data) - 1):
        path = work / f"disk-raw-spare-{spare}"
        fresh = ox.Store() if kind == "memory" else ox.Store(str(path))
        started = time.perf_counter()
        fresh.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        times.append(time.perf_counter() - started)
        del fresh
        shutil.rmtree(path, ignore_errors=True)
    store = ox.Store() if kind == "memory" else ox.Store(str(work / "disk-raw"))
    started = time.perf_counter()
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
    times.append(time.perf_counter() - started)
    result["ingest_s"] = statistics.median(times)
    result["ingest_runs"] = len(times)
    result["quads"] = len(store)
    result["ingest_peak_mib"] = analysis_run._status("VmHWM") / 2**20
    if ingest_only:
        return result
    store.bulk_load(path=str(work / "analysis.nq"), format=ox.RdfFormat.N_QUADS)
    text = _question_text()
    result["question_ms"], result["question_rows"] = _median_ms(
        lambda: list(store.query(text, use_default_graph_as_union=True)), repeat
    )  # type: ignore[arg-type]
    return result


def _ingest_repeats(data: Path) -> int:
    return INGEST_REPEATS if data.stat().st_size <= SMALL_INGEST_BYTES else 1


# -- The parent -----------------------------------------------------------------------------------


def _child(
    role: str, data: Path, kind: str, work: Path, repeat: int, ingest_only: bool
) -> dict[str, Any]:
    # -P: the script's folder (benchmarks/, with its api/ and viz/ folders) must not shadow
    # the project's packages of those names.
    command = [
        sys.executable,
        "-P",
        str(Path(__file__).resolve()),
        "--child",
        role,
        str(data),
        kind,
        str(work),
        "--repeat",
        str(repeat),
    ] + (["--ingest-only"] if ingest_only else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise SystemExit(f"{role} on {kind}, {data.name} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(
    sizes: list[str], stores: list[str], workdir: Path, repeat: int, ingest_only: bool = False
) -> list[dict[str, Any]]:
    analysis_run = _benchmark_module("analysis")
    rows = []
    workdir.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        data = workdir / f"synth-{size}.nt"
        if not data.exists():
            triples = analysis_run.generate(_triples(size), data, 0.01)
            print(f"generated {triples:,} triples in {data}", file=sys.stderr)
        for kind in stores:
            work = Path(tempfile.mkdtemp(prefix=f"kg-suite-{size}-{kind}-", dir=workdir))
            try:
                ours = _child("ours", data, kind, work, repeat, ingest_only)
                anchor = _child("anchor", data, kind, work, repeat, ingest_only)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            row = {"size": size, "store": kind, "ours": ours, "anchor": anchor}
            print(json.dumps(row), file=sys.stderr)
            rows.append(row)
    return rows


def _triples(size: str) -> int:
    """``"100k"`` -> 100000, ``"1m"`` -> 1000000, ``"5000"`` -> 5000."""
    factor = SUFFIXES.get(size[-1:], 1)
    return int(float(size[:-1] if factor > 1 else size) * factor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100k,1m,10m", help="triples, comma-separated: 100k, 1m, 10m, ..."
    )
    parser.add_argument(
        "--stores", default="memory,disk", help=f"comma-separated, of {', '.join(STORES)}"
    )
    parser.add_argument(
        "--out", type=Path, default=HERE / "suite.md", help="where to write the report"
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-suite"))
    parser.add_argument("--repeat", type=int, default=5, help="repeats of each latency")
    parser.add_argument(
        "--readme", action="store_true", help="also write the section of benchmarks/README.md"
    )
    parser.add_argument(
        "--ingest-only",
        action="store_true",
        help="measure the ingest and its anchor only (the other columns: -)",
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        nargs="+",
        help="report the results saved by earlier runs, measuring nothing (a later file's "
        "row for the same size and store replaces an earlier one)",
    )
    parser.add_argument(
        "--child", nargs=4, metavar=("ROLE", "DATA", "STORE", "WORK"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        role, data, kind, work = args.child
        measure = measure_ours if role == "ours" else measure_anchor
        print(json.dumps(measure(Path(data), kind, Path(work), args.repeat, args.ingest_only)))
        return 0
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    stores = [s.strip().lower() for s in args.stores.split(",") if s.strip()]
    unknown = [s for s in stores if s not in STORES]
    try:
        [_triples(s) for s in sizes]
    except ValueError:
        unknown += sizes
    if unknown:
        parser.error(f"unknown size or store: {', '.join(unknown)}")
    if args.from_json:
        # A later file's row for the same size and store replaces the earlier one (a rerun).
        by_key: dict[tuple[str, str], dict] = {}
        commands = []
        for path in args.from_json:
            saved = json.loads(path.read_text(encoding="utf-8"))
            by_key.update({(row["size"], row["store"]): row for row in saved["rows"]})
            commands.append(saved["command"])
        rows = list(by_key.values())
    else:
        rows = run(sizes, stores, args.workdir, args.repeat, args.ingest_only)
        words = argv if argv is not None else sys.argv[1:]
        commands = [" ".join(["python benchmarks/suite.py", *words])]
        (args.workdir / f"suite-{'-'.join(sizes)}-{'-'.join(stores)}.json").write_text(
            json.dumps({"rows": rows, "command": commands[0]}), encoding="utf-8"
        )
    # Imported here: the measuring children run with -P, without benchmarks/ on the path.
    sys.path.insert(0, str(HERE))
    from suite_report import report, write_readme

    text = report(rows, commands)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    if args.readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
