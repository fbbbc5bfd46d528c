"""Graph view at scale: the page of a synthetic store of 100k to 10M triples, in memory and on disk.

For each size and store, in a fresh process (so that the peak memory is its own):

- the store: ``benchmarks/analysis/run.py``'s data (``benchmarks/synth.py`` plus 1 % of the
  claims contradicting another), bulk-loaded into a ``pyoxigraph.Store`` in memory, or its
  bulk-loaded directory (made once, kept in ``--workdir``) opened read-only;
- ``analyse(store)``, timed for context only;
- **the page as served**: :func:`viz.build_view` with its defaults (above
  ``viz.large.SUMMARY_ABOVE`` nodes, the summary) and :func:`viz.render_page`: build time,
  page size, nodes and edges; the first render in headless chromium (``run.py``'s
  ``first_render_ms``, median of ``--runs``);
- **a neighbourhood**: the same page opened on the claim with the most independent
  affirming groups (``viz.opening``, which builds the summary again around it);
- **the anchor**: the whole graph's page (``summary_above=0``, as before the summary existed)
  on the same analysis, for sizes up to ``--whole-max`` triples; the ratio is whole / summary
  build time (not run where the page is the whole graph anyway).

Usage::

    python benchmarks/viz/scale.py --sizes 100k,1m --stores memory,disk
    python benchmarks/viz/scale.py --sizes 10m --stores memory --readme
    python benchmarks/viz/scale.py --report-only --readme   # the results kept, as a table

Each result is kept as ``viz-scale-<size>-<store>.json`` in ``--workdir``; ``--readme`` writes
every result found there into the "Graph view at scale" section of benchmarks/README.md. Run
it under ``flock /tmp/bench.lock`` on a shared machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SUFFIXES = {"k": 1_000, "m": 1_000_000}
SECTION = "## Graph view at scale"


def _module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _triples(size: str) -> int:
    return int(float(size[:-1]) * SUFFIXES[size[-1].lower()]) if size[-1].isalpha() else int(size)


def data_file(size: str, workdir: Path) -> Path:
    """The N-Triples of ``size``, generated on first use (as benchmarks/analysis/run.py does)."""
    analysis_run = _module(HERE.parent / "analysis" / "run.py", "bench_analysis")
    path = workdir / f"synth-{_triples(size)}-c0.01.nt"
    if not path.exists():
        count = analysis_run.generate(_triples(size), path, 0.01)
        print(f"generated {count:,} triples in {path}", file=sys.stderr)
    return path


def measure(size: str, kind: str, workdir: Path, runs: int, whole_max: int) -> dict[str, Any]:
    """One size and store (run in a child process)."""
    import pyoxigraph as ox

    from kg.analysis import analyse
    from viz import build_view, opening, render_page

    analysis_run = _module(HERE.parent / "analysis" / "run.py", "bench_analysis")
    viz_run = _module(HERE / "run.py", "bench_viz")
    path = data_file(size, workdir)
    result: dict[str, Any] = {"size": size, "store": kind, "load_average": os.getloadavg()[0]}
    if kind == "memory":
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    else:
        store = ox.Store.read_only(str(analysis_run.disk_store(path, workdir)))
    result["triples"] = len(store)
    started = time.perf_counter()
    analysis = analyse(store)
    result["analysis_s"] = time.perf_counter() - started
    cols = analysis.columns
    result["graph_nodes"] = cols.n_claims + cols.n_actors + len(cols.evidence)
    result["claims"] = cols.n_claims

    started = time.perf_counter()
    view = build_view(analysis)
    result["build_s"] = time.perf_counter() - started
    started = time.perf_counter()
    page = render_page(view, title="benchmark")
    result["render_s"] = time.perf_counter() - started
    result.update(
        page_mb=len(page.encode()) / 1e6,
        nodes=len(view.nodes),
        edges=len(view.edges),
        summary=bool(view.initial.get("partial")),
    )

    top = int(analysis.numbers.independent_groups.argmax())
    started = time.perf_counter()
    focused = opening(view, analysis, focus=cols.claims[top])
    render_page(focused, title="benchmark")
    result["focus_s"] = time.perf_counter() - started
    result["focus_nodes"] = len(focused.nodes)

    if Path(viz_run.CHROMIUM).exists():
        from playwright.sync_api import sync_playwright

        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            file = Path(tmp) / "view.html"
            file.write_text(page, encoding="utf-8")
            browser = p.chromium.launch(executable_path=viz_run.CHROMIUM, args=viz_run.ARGS)
            result["first_render_ms"] = statistics.median(
                viz_run.first_render_ms(browser, file)[0] for _ in range(runs)
            )
            browser.close()
    result["peak_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20

    if result["summary"] and result["triples"] <= whole_max:
        # Last: it builds every explanation, which the analysis then keeps.
        started = time.perf_counter()
        whole = render_page(build_view(analysis, summary_above=0), title="benchmark")
        result["whole_s"] = time.perf_counter() - started
        result["whole_mb"] = len(whole.encode()) / 1e6
    return result


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| triples | store | graph nodes | analysis s | page: build s | page MB | nodes, "
        "edges drawn | first render ms | a claim's neighbourhood: s, nodes | whole graph "
        "(anchor): build s, MB | whole / summary | load avg |",
        "|---:|---|---:|---:|---:|---:|---|---:|---|---|---:|---:|",
    ]
    for r in results:
        build = r["build_s"] + r["render_s"]
        whole = (
            f"{r['whole_s']:.1f}, {r['whole_mb']:.1f}"
            if "whole_s" in r
            else "not run"
            if r["summary"]
            else "the same page"
        )
        ratio = f"**{r['whole_s'] / build:.0f}x**" if "whole_s" in r else "-"
        render = f"{r['first_render_ms']:.0f}" if "first_render_ms" in r else "no chromium"
        lines.append(
            f"| {r['triples']:,} | {r['store']} | {r['graph_nodes']:,} | {r['analysis_s']:.1f} | "
            f"{build:.2f} | {r['page_mb']:.1f} | {r['nodes']:,}, {r['edges']:,}"
            f"{' (summary)' if r['summary'] else ' (whole)'} | {render} | "
            f"{r['focus_s']:.2f}, {r['focus_nodes']:,} | {whole} | {ratio} | "
            f"{r['load_average']:.1f} |"
        )
    return "\n".join(lines)


def _machine() -> str:
    analysis_run = _module(HERE.parent / "analysis" / "run.py", "bench_analysis")
    return str(analysis_run._machine())


def write_readme(results: list[dict[str, Any]]) -> None:
    sys.path.insert(0, str(HERE.parent))  # benchmarks/bench_readme.py
    from bench_readme import replace_section

    from viz.large import SUMMARY_ABOVE

    text = (
        f"{SECTION}\n\n"
        "The graph view of a large store: `benchmarks/viz/scale.py` (its docstring says what "
        "is measured). Above\n"
        f"{SUMMARY_ABOVE:,} nodes the page holds a summary built from the analysis's bulk "
        "numbers (`viz/large.py`),\nwithout any explanation; the anchor is the whole "
        "graph's page (`build_view(summary_above=0)`,\nevery explanation built) on the same "
        "analysis. Page build: `build_view` + `render_page`; a claim's\nneighbourhood: the "
        "page opened on the claim with the most independent groups (the summary\nbuilt "
        "again around it). One run each; first render is the median of the runs.\n\n"
        f"Machine: {_machine()}. Shared with other jobs: the load average when each run "
        "started is in the last column.\n\n"
        "Commands (each under `flock /tmp/bench.lock`): `python benchmarks/viz/scale.py "
        "--sizes 100k,1m --stores memory,disk`;\n`python benchmarks/viz/scale.py --sizes 10m "
        "--stores memory,disk`; `python benchmarks/viz/scale.py --report-only --readme`.\n"
        "Below the threshold (the 100k rows: 2,184 nodes) the page is the whole graph, as "
        "before.\n\n" + table(results) + "\n"
    )
    replace_section(SECTION, text)


def _saved(workdir: Path) -> list[dict[str, Any]]:
    results = [json.loads(p.read_text()) for p in workdir.glob("viz-scale-*.json")]
    return sorted(results, key=lambda r: (r["triples"], r["store"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100k,1m", help="comma-separated: 100k,1m,10m")
    parser.add_argument("--stores", default="memory,disk", help="memory and/or disk")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-analysis"))
    parser.add_argument("--runs", type=int, default=3, help="first renders per page")
    parser.add_argument(
        "--whole-max",
        type=int,
        default=1_100_000,
        help="build the whole graph's page (the anchor) up to this many triples",
    )
    parser.add_argument("--readme", action="store_true", help="write benchmarks/README.md")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="measure nothing: the table of the results kept in --workdir",
    )
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    if args.child:
        result = measure(*args.child, args.workdir, args.runs, args.whole_max)
        print(json.dumps(result))
        return 0
    for size in [] if args.report_only else args.sizes.split(","):
        data_file(size, args.workdir)
        for kind in args.stores.split(","):
            done = subprocess.run(
                [
                    sys.executable,
                    "-P",
                    __file__,
                    "--child",
                    size,
                    kind,
                    "--workdir",
                    str(args.workdir),
                    "--runs",
                    str(args.runs),
                    "--whole-max",
                    str(args.whole_max),
                ],
                capture_output=True,
                text=True,
                cwd=HERE.parents[1],
            )
            if done.returncode:
                raise SystemExit(f"{size} {kind} failed:\n{done.stderr[-4000:]}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            (args.workdir / f"viz-scale-{size}-{kind}.json").write_text(json.dumps(result))
            print(json.dumps(result), file=sys.stderr)
    print(table(_saved(args.workdir)))
    if args.readme:
        write_readme(_saved(args.workdir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
