"""Analysis at scale: time and peak memory of ``kg.analysis.analyse`` on synthetic stores.

For each size (100k, 1M and 10M triples by default) the data is generated with
``benchmarks/synth.py`` (streamed to a file under ``--workdir``), with a share of claims that
contradict another claim added, so that the contradiction rules run too. Each size runs in its own
subprocess, so that sizes do not share memory: it loads the file into an in-memory
:class:`kg.store.KnowledgeStore` (``load(validate=False)``; files over the loader's size limit go
through ``bulk_load_file``), then times ``analyse(store)`` (extraction, the numbers of every claim
and actor, and trust; explanations are built on demand and not part of it) ``--repeat`` times.

Memory is the peak resident set size of the process: after loading, the kernel's high-water mark
is reset (``/proc/self/clear_refs``), so ``VmHWM`` afterwards is the peak while analysing, store
included; the store's own resident size before the analysis is reported beside it.

Usage::

    python benchmarks/analysis/run.py                      # 100k, 1M, 10M triples
    python benchmarks/analysis/run.py --skip-10m           # 100k and 1M only
    python benchmarks/analysis/run.py --reference 200000   # and the old code path up to 200k
    python benchmarks/analysis/run.py --write-readme       # the table into benchmarks/README.md
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
README = REPO / "benchmarks" / "README.md"
SECTION = "## Analysis at scale"
GOAL_SECONDS, GOAL_BYTES = 10.0, 4 * 1024**3
CRED = "https://w3id.org/cred-kg/ns#"
BASE = "https://w3id.org/cred-kg/synth/"


def generate(triples: int, path: Path, contradiction_share: float, seed: int = 7) -> int:
    """Write the synthetic N-Triples for ``triples``, plus contradictions; return the count."""
    sys.path.insert(0, str(REPO / "benchmarks"))  # synth.py is a script beside this folder
    from synth import SynthConfig
    from synth import generate as lines

    config = SynthConfig.for_triples(triples, seed)
    rng = random.Random(seed + 1)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for line in lines(config):
            out.write(line)
            count += 1
        for _ in range(int(config.claims * contradiction_share)):
            a, b = rng.randrange(config.claims), rng.randrange(config.claims)
            out.write(f"<{BASE}claim/{a}> <{CRED}contradicts> <{BASE}claim/{b}> .\n")
            count += 1
    return count


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def measure(path: Path, repeat: int, reference: str | None, method: str | None
            ) -> dict[str, object]:
    """Run in the subprocess of one size: load, then analyse ``repeat`` times."""
    import resource

    from kg.analysis import DEFAULT_METHOD, analyse
    from kg.rdfio import DEFAULT_LIMITS
    from kg.store import KnowledgeStore

    method = method or DEFAULT_METHOD
    store = KnowledgeStore()
    started = time.perf_counter()
    if path.stat().st_size <= DEFAULT_LIMITS.max_file_bytes:
        store.load([path], validate=False)
        loader = "load(validate=False)"
    else:
        store.bulk_load_file(path)
        loader = "bulk_load_file"
    load_seconds = time.perf_counter() - started
    store_rss = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak RSS to the current RSS
    walls, cpus, loads = [], [], []
    analysis = None
    for _ in range(repeat):
        loads.append(os.getloadavg()[0])
        wall, cpu = time.perf_counter(), time.process_time()
        analysis = analyse(store, method=method)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        del analysis
    peak = _status("VmHWM")
    result: dict[str, object] = {
        "quads": len(store), "loader": loader, "load_seconds": load_seconds,
        "store_rss": store_rss, "peak_rss": peak,
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "wall": walls, "cpu": cpus, "load_average": loads,
    }
    analysis = analyse(store, method=method)
    cols = analysis.columns
    result.update(statements=cols.n_statements, actors=cols.n_actors, claims=cols.n_claims,
                  evidence=len(cols.evidence), trust_method=analysis.trust.method,
                  iterations=analysis.trust.iterations)
    # Explanations are built on demand: one ordinary claim, and the claim most groups affirm.
    started = time.perf_counter()
    analysis.claims[cols.claims[-1]]
    result["explain_one_claim"] = time.perf_counter() - started
    started = time.perf_counter()
    top = int(analysis.numbers.affirm_groups.counts().argmax())
    busiest = analysis.claims[cols.claims[top]]
    result["explain_busiest_claim"] = time.perf_counter() - started
    result["busiest_claim_stances"] = len(busiest.stances)
    if reference:
        from kg.analysis.extract import read_case_graph
        from kg.analysis.reference import reference_assessments

        started = time.perf_counter()
        reference_assessments(read_case_graph(store), method=reference)
        result["reference_wall"] = time.perf_counter() - started
        result["reference_method"] = reference
    return result


def _machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True,
                                   check=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB"


def _gib(n: object) -> str:
    return f"{int(n) / 1024**3:.2f}"  # type: ignore[call-overload]


def table(results: list[dict[str, object]]) -> str:
    head = ("| triples | statements | actors | claims | analyse, s (best of n; median) | "
            "CPU, s | load avg | peak RSS, GiB (store alone) | time ratio | n log n ratio | "
            "trust method |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
    rows = []
    previous = None
    for r in results:
        wall = r["wall"]
        best, median = min(wall), statistics.median(wall)  # type: ignore[arg-type]
        n = int(r["statements"])  # type: ignore[call-overload]
        ratio = growth = "-"
        if previous is not None:
            p_best, p_n = previous
            ratio = f"{best / p_best:.1f}"
            growth = f"{(n * math.log(n)) / (p_n * math.log(p_n)):.1f}"
        previous = (best, n)
        rows.append(
            f"| {r['quads']:,} | {n:,} | {r['actors']:,} | {r['claims']:,} | "
            f"{best:.2f} ({len(wall)}; {median:.2f}) | "  # type: ignore[arg-type]
            f"{min(r['cpu']):.2f} | {max(r['load_average']):.1f} | "  # type: ignore[type-var]
            f"{_gib(r['peak_rss'])} ({_gib(r['store_rss'])}) | {ratio} | {growth} | "
            f"{r['trust_method']} ({r['iterations']} it.) |")
    return head + "\n".join(rows) + "\n"


def write_readme(text: str) -> None:
    """Replace the section of this benchmark in benchmarks/README.md; keep every other one."""
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = current.find(SECTION)
    if start < 0:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        end = current.find("\n## ", start + len(SECTION))
        updated = current[:start] + text + (current[end + 1:] if end >= 0 else "")
    README.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[100_000, 1_000_000, 10_000_000], help="triples per size")
    parser.add_argument("--skip-10m", action="store_true", help="leave out 10M triples")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--method", default=None,
                        help="truth-discovery method (default: the product's default)")
    parser.add_argument("--reference-method", default="accucopy-groups",
                        help="method of the reference run (the default before this work)")
    parser.add_argument("--contradictions", type=float, default=0.01,
                        help="share of claims given a contradicts link")
    parser.add_argument("--reference", type=int, default=0, metavar="TRIPLES",
                        help="also time the reference (old) code path up to this size")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-analysis"))
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument("--from-json", type=Path,
                        help="write the table of saved results instead of measuring")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--with-reference", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.repeat, args.with_reference, args.method)))
        return 0
    if args.from_json:
        saved = from_json(args.from_json)
        print(table(saved))
        if args.write_readme:
            write_readme(section(table(saved), saved))
        return 0
    sizes = [s for s in args.sizes if not (args.skip_10m and s >= 10_000_000)]
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sizes:
        path = args.workdir / f"synth-{size}-c{args.contradictions:g}.nt"
        if not path.exists():
            count = generate(size, path, args.contradictions)
            print(f"generated {count:,} triples in {path}", file=sys.stderr)
        command = [sys.executable, __file__, "--child", str(path), "--repeat", str(args.repeat)]
        command += ["--method", args.method] if args.method else []
        command += ["--with-reference", args.reference_method] if size <= args.reference else []
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        print(json.dumps(result), file=sys.stderr)
        with (args.workdir / "results.jsonl").open("a", encoding="utf-8") as saved:
            saved.write(json.dumps(result) + "\n")
    text = table(results)
    print(text)
    if args.write_readme:
        write_readme(section(text, results))
    return 0


def section(text: str, results: list[dict[str, object]]) -> str:
    biggest = results[-1]
    best = min(biggest["wall"])  # type: ignore[type-var]
    peak = int(biggest["peak_rss"])  # type: ignore[call-overload]
    store = int(biggest["store_rss"])  # type: ignore[call-overload]
    met_time = best <= GOAL_SECONDS
    median = statistics.median(biggest["wall"])  # type: ignore[arg-type]
    explain = "; ".join(
        f"{int(r['statements']):,} statements: one claim {float(r['explain_one_claim']):.2f} s, "  # type: ignore[arg-type]
        f"the claim most groups affirm ({int(r['busiest_claim_stances']):,} stance entries) "  # type: ignore[call-overload]
        f"{float(r['explain_busiest_claim']):.1f} s"  # type: ignore[arg-type]
        for r in results)
    reference = "; ".join(
        f"{int(r['statements']):,} statements: {float(r['reference_wall']):.1f} s "  # type: ignore[arg-type]
        f"({r['reference_method']})" for r in results if "reference_wall" in r)
    loads = ", ".join(f"{max(r['load_average']):.1f}" for r in results)  # type: ignore[type-var]
    return (
        f"{SECTION}\n\n"
        f"`python benchmarks/analysis/run.py --reference 100000 --write-readme` on {_machine()}, "
        f"{time.strftime('%Y-%m-%d')}. Data: `benchmarks/synth.py` at each size, plus 1% of the "
        "claims given a `cred:contradicts` link. Each size runs in its own process: the file is "
        "loaded into an in-memory `KnowledgeStore` (`load(validate=False)`; the 10M file is over "
        "the loader's 512 MiB limit and goes through `bulk_load_file`), then `analyse(store)` is "
        "timed: extraction (SPARQL projections serialised to TSV by Oxigraph, tokenised and "
        "hashed in numpy), the numbers of every claim and actor, and trust with the default "
        "method. Explanations are built on demand and are not in these times. Peak RSS is the "
        "process's high-water mark while analysing (reset after loading), store included; "
        "the store's own resident size is in brackets. The growth columns compare the best "
        "time with the previous size's against `n log n` of the statements.\n\n"
        f"{text}\n"
        f"Explanations on demand: {explain}.\n\n"
        "Before (the record-by-record code, now `kg.analysis.reference`): "
        f"{reference + '; ' if reference else ''}20k statements: extraction 2.6 s, "
        "analysis 2.0 s with voting and 10 s with accucopy-groups; 100k statements: 504 s "
        "(accucopy-groups alone 581 s); 1M statements: out of reach (AccuCopy's dense "
        "source x source matrix alone is 5 GB at 25k actors, with about 300M source pairs).\n\n"
        f"Goal: 1M statements in at most {GOAL_SECONDS:g} s and 4 GB. At "
        f"{int(biggest['statements']):,} statements: best {best:.1f} s "  # type: ignore[call-overload]
        f"({'within' if met_time else 'over'} {GOAL_SECONDS:g} s), median {median:.1f} s "
        f"({'within' if median <= GOAL_SECONDS else 'over'}); peak RSS {_gib(peak)} GiB, "
        f"of which {_gib(store)} GiB is the in-memory store itself and "
        f"{(peak - store) / 1024**3:.2f} GiB the analysis (within 4 GB for the analysis; "
        f"{'within' if peak <= GOAL_BYTES else 'over'} 4 GB with the store). The machine is "
        f"shared: load average {loads} at the three sizes, so the wall times are those of less "
        "than two free cores; the CPU column is the process's CPU time over both cores.\n"
    )


def from_json(path: Path) -> list[dict[str, object]]:
    """Results saved by an earlier run (one JSON object a line)."""
    return [json.loads(line) for line in path.read_text().splitlines()
            if line.startswith("{")]


if __name__ == "__main__":
    raise SystemExit(main())
