"""Graph view benchmark: page build time in Python and time to first render in chromium.

For synthetic analyses of about 1,000 and 5,000 nodes, it measures:

- build: :func:`viz.build_view` (layout included) and :func:`viz.render_page`, in Python;
- first render: in headless Debian chromium, from navigation start to vis-network's first
  ``afterDrawing`` (``performance.now()`` at that event, so parsing the page, the data and
  the scripts all count), for the page as it opens by default (a summary above
  ``max_nodes``) and for the whole graph (``max_nodes=0``).

Usage::

    python benchmarks/viz/run.py                 # 1k and 5k nodes, 3 runs each
    python benchmarks/viz/run.py --sizes 1000 5000 20000 --runs 5 --readme

``--readme`` writes the table into the "Graph view" section of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.analysis import Analysis, analyse_case
from kg.analysis.model import Actor, CaseGraph, Claim, Evidence, Relay, Statement
from viz import build_view, render_page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
BASE = "https://w3id.org/cred-kg/synth/"


def synthetic_case(nodes: int, seed: int = 7) -> CaseGraph:
    """About ``nodes`` nodes: 45% claims, 45% actors in affiliation trees, 10% evidence;
    1.6 statements per node, 60% of them relayed by one of a few outlets."""
    rng = random.Random(seed)
    n_claims, n_evidence = int(nodes * 0.45), int(nodes * 0.10)
    n_actors = nodes - n_claims - n_evidence
    outlets = max(3, n_actors // 100)
    states = max(3, n_actors // 50)
    actors: dict[str, Actor] = {}
    iris = []
    for a in range(n_actors):
        iri = f"{BASE}actor/{a}"
        if a < outlets:
            actor = Actor(iri, f"Outlet {a}", ("NewsOutlet",))
        elif a < outlets + states:
            actor = Actor(iri, f"State {a}", ("State",))
        else:
            parent = iris[rng.randrange(outlets, max(outlets + states, a // 2))]
            actor = Actor(iri, f"Official {a}", ("Person",), acts_for=parent)
        actors[iri] = actor
        iris.append(iri)
    claims = {f"{BASE}claim/{c}": Claim(f"{BASE}claim/{c}", f"Synthetic claim number {c}.",
                                        ("FactualClaim",)) for c in range(n_claims)}
    claim_iris = list(claims)
    statements = []
    for s in range(int(nodes * 1.6)):
        roll = rng.random()
        stance = "denies" if roll < 0.12 else "hedges" if roll < 0.2 else "affirms"
        claim = claim_iris[min(int(rng.paretovariate(1.2)) - 1, n_claims - 1)
                           if rng.random() < 0.3 else rng.randrange(n_claims)]
        relays = ((Relay(iris[rng.randrange(outlets)], 0),) if rng.random() < 0.6 else ())
        statements.append(Statement(
            f"{BASE}statement/{s}", iris[rng.randrange(outlets, n_actors)], claim,
            stance, f"2024-10-{1 + s % 28:02d}", f"Quote {s}", "said", relays))
    evidence = [
        Evidence(f"{BASE}evidence/{e}", f"Evidence item {e}", ("Photograph",), 0.6,
                 producers=(iris[rng.randrange(n_actors)],),
                 supports=(claim_iris[rng.randrange(n_claims)],))
        for e in range(n_evidence)
    ]
    statements.sort(key=lambda s: s.iri)
    return CaseGraph(actors=dict(sorted(actors.items())), claims=dict(sorted(claims.items())),
                     statements=statements, evidence=sorted(evidence, key=lambda e: e.iri))


def first_render_ms(browser: object, path: Path) -> tuple[float, int]:
    """Milliseconds from navigation start to the first drawing, and the nodes drawn."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=120_000)
    ms = page.evaluate("window.kgView.firstDraw")
    drawn = page.evaluate("window.kgView.network.body.nodeIndices.length")
    page.close()
    return float(ms), int(drawn)


def measure(analysis: Analysis, runs: int, browser: object, folder: Path) -> dict[str, object]:
    result: dict[str, object] = {}
    builds, pages = [], {}
    for _ in range(runs):
        start = time.perf_counter()
        view = build_view(analysis)
        page = render_page(view, title="benchmark")
        builds.append(time.perf_counter() - start)
    result["nodes"], result["edges"] = len(view.nodes), len(view.edges)
    result["build_s"] = statistics.median(builds)
    result["page_mb"] = len(page.encode()) / 1e6
    pages["default"] = page
    pages["full"] = render_page(build_view(analysis, max_nodes=0), title="benchmark")
    for name, text in pages.items():
        path = folder / f"{name}-{result['nodes']}.html"
        path.write_text(text, encoding="utf-8")
        timings = [first_render_ms(browser, path) for _ in range(runs)]
        result[f"{name}_ms"] = statistics.median(t[0] for t in timings)
        result[f"{name}_drawn"] = timings[0][1]
    return result


def machine() -> str:
    import os

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_machine.py
    from bench_machine import cpu_model

    name = cpu_model()

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{name}, {os.cpu_count()} cores; {chromium.strip()}; Python "
            f"{platform.python_version()}; load average at the end of the run {load}")


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| nodes | edges | build (s) | page (MB) | opens on | first render (ms) "
             "| whole graph: first render (ms) |",
             "|---:|---:|---:|---:|---|---:|---:|"]
    for r in rows:
        opens = ("all" if r["default_drawn"] == r["full_drawn"]
                 else f"summary, {r['default_drawn']} nodes")
        lines.append(f"| {r['nodes']:,} | {r['edges']:,} | {r['build_s']:.2f} | "
                     f"{r['page_mb']:.1f} | {opens} | {r['default_ms']:.0f} | "
                     f"{r['full_ms']:.0f} |")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    """Replace this benchmark's section of benchmarks/README.md; keep the others."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_readme.py
    from bench_readme import replace_section

    replace_section("## Graph view", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--readme", action="store_true", help="write benchmarks/README.md")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in args.sizes:
            analysis = analyse_case(synthetic_case(size))
            rows.append(measure(analysis, args.runs, browser, Path(tmp)))
            print(rows[-1], file=sys.stderr)
        browser.close()
    report = table(rows)
    print(report)
    if args.readme:
        write_readme(
            "## Graph view\n\n"
            "Build: `viz.build_view` (layout included) and `viz.render_page`, in Python. First\n"
            "render: headless chromium, from navigation start to vis-network's first\n"
            "`afterDrawing` (parsing the page, its data and scripts included). Median of "
            f"{args.runs} runs\non synthetic analyses (`benchmarks/viz/run.py`: 45 % claims, "
            "45 % actors in affiliation\ntrees, 10 % evidence, 1.6 statements per node). "
            "Graphs over 1,500 nodes open on a\nsummary; the last column opens the whole "
            "graph (`--max-nodes 0`). Edges counts every\nedge; relay links start hidden on "
            "graphs of 1,500+ edges, so the 5,000-node page draws\nabout 11,000. Goal: first "
            "render of 5,000 nodes within 2 s.\n\n"
            f"Machine: {machine()}. The machine was shared with other jobs during the run.\n\n"
            f"Command: `python benchmarks/viz/run.py --sizes {' '.join(map(str, args.sizes))} "
            f"--runs {args.runs} --readme`\n\n" + report + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
