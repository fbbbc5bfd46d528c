"""Analysis at scale: time and peak memory of ``kg.analysis.analyse`` on synthetic stores.

For each size (100k, 1M and 10M triples by default) the data is generated with
``benchmarks/synth.py`` (streamed to a file under ``--workdir``), with a share of claims that
contradict another claim added, so that the contradiction rules run too. Each size and store
runs in its own subprocess, so that they do not share memory:

- ``memory``: the file is loaded into an in-memory :class:`kg.store.KnowledgeStore`
  (``load(validate=False)``; files over the loader's size limit go through
  ``bulk_load_file``);
- ``disk``: the file is bulk-loaded once into an on-disk store under ``--workdir`` (kept for
  the next run), which the measuring process opens.

Then ``analyse(store)`` (extraction with SPARQL SELECT projections, the numbers of every claim
and actor, and trust; explanations are built on demand and not part of it) is timed
``--repeat`` times. The first call of the process is reported apart as well: it is what a
``kg`` command pays.

Memory: ``VmHWM``, the peak resident set size of the whole process. It is read after loading,
then reset (``/proc/self/clear_refs``), so the peak while analysing (store included) and the
process's peak over its whole life are both reported. Swap: ``pswpin``/``pswpout`` of
``/proc/vmstat`` before and after each process, and the swap configured.

Usage::

    python benchmarks/analysis/run.py                      # 100k, 1M, 10M triples, in memory
    python benchmarks/analysis/run.py --skip-10m           # 100k and 1M only
    python benchmarks/analysis/run.py --stores memory disk # both stores
    python benchmarks/analysis/run.py --reference 200000   # and the old code path up to 200k
    python benchmarks/analysis/run.py --write-readme       # the table into benchmarks/README.md
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SECTION = "## Analysis at scale"
GOAL_SECONDS, GOAL_BYTES = 10.0, 4 * 10**9  # the issue says 4 GB: read as 10^9 bytes, the stricter
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


def swap_state() -> dict[str, int]:
    """Pages swapped in and out since boot, and the swap configured (bytes)."""
    state = {"pswpin": 0, "pswpout": 0, "swap_total": 0}
    for line in Path("/proc/vmstat").read_text().splitlines():
        name, _, value = line.partition(" ")
        if name in ("pswpin", "pswpout"):
            state[name] = int(value)
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("SwapTotal:"):
            state["swap_total"] = int(line.split()[1]) * 1024
    return state


def disk_store(path: Path, workdir: Path) -> Path:
    """The on-disk store of ``path``, bulk-loaded on first use and kept under ``workdir``."""
    from kg.store import KnowledgeStore

    folder = workdir / f"{path.stem}.oxigraph"
    done = folder / "kg-bench-loaded"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        with KnowledgeStore(folder) as store:
            store.bulk_load_file(path)
        done.write_text(path.name)
    return folder


def measure(
    path: Path,
    repeat: int,
    reference: str | None,
    method: str | None,
    store_kind: str = "memory",
    workdir: Path | None = None,
    busiest_max: int = 2_000_000,
) -> dict[str, object]:
    """Run in the subprocess of one size and store: load or open, then analyse ``repeat``
    times. The explanation of the claim most groups affirm is timed up to ``busiest_max``
    quads (it took 70 s at 10M triples)."""
    import resource

    from kg.analysis import DEFAULT_METHOD, analyse
    from kg.rdfio import DEFAULT_LIMITS
    from kg.store import KnowledgeStore

    method = method or DEFAULT_METHOD
    started = time.perf_counter()
    if store_kind == "disk":
        store = KnowledgeStore(disk_store(path, workdir or path.parent))
        loader = "on disk, bulk_load_file once"
    else:
        store = KnowledgeStore()
        if path.stat().st_size <= DEFAULT_LIMITS.max_file_bytes:
            store.load([path], validate=False)
            loader = "load(validate=False)"
        else:
            store.bulk_load_file(path)
            loader = "bulk_load_file"
    load_seconds = time.perf_counter() - started
    store_rss = _status("VmRSS")
    load_peak = _status("VmHWM")
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak RSS to the current RSS
    walls, cpus, loads = [], [], []
    analysis = None
    for _ in range(repeat):
        loads.append(os.getloadavg()[0])
        usage = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.perf_counter()
        analysis = analyse(store, method=method)
        walls.append(time.perf_counter() - wall)
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpus.append(after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime)
        del analysis
    peak = _status("VmHWM")
    result: dict[str, object] = {
        "store": store_kind,
        "quads": len(store),
        "loader": loader,
        "load_seconds": load_seconds,
        "store_rss": store_rss,
        "peak_rss": peak,
        "load_peak_rss": load_peak,
        "process_peak_rss": max(peak, load_peak),
        "wall": walls,
        "cpu": cpus,
        "load_average": loads,
        "measured_on": time.strftime("%Y-%m-%d"),
    }
    result["phases"] = phases(store, method)
    analysis = analyse(store, method=method)
    cols = analysis.columns
    result.update(
        statements=cols.n_statements,
        actors=cols.n_actors,
        claims=cols.n_claims,
        evidence=len(cols.evidence),
        trust_method=analysis.trust.method,
        iterations=analysis.trust.iterations,
    )
    # Explanations are built on demand: one ordinary claim, and the claim most groups affirm.
    started = time.perf_counter()
    analysis.claims[cols.claims[-1]]
    result["explain_one_claim"] = time.perf_counter() - started
    if len(store) <= busiest_max:
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
    store.close()
    return result


def phases(store: object, method: str) -> dict[str, list[float]]:
    """Wall and CPU seconds of each step of ``analyse`` (one more call, after the timed ones):
    reading the store, the numbers, trust; and the rest (the lazy :class:`Analysis` itself)."""
    import resource

    from kg.analysis import analyse
    from kg.analysis.bulk import compute_numbers
    from kg.analysis.store_columns import read_case_columns
    from kg.analysis.trust import estimate_trust_bulk

    def clock() -> tuple[float, float]:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return time.perf_counter(), usage.ru_utime + usage.ru_stime

    source = getattr(store, "oxigraph", store) if getattr(store, "path", 1) is None else store
    marks = [clock()]
    columns = read_case_columns(source)
    marks.append(clock())
    numbers = compute_numbers(columns)
    marks.append(clock())
    estimate_trust_bulk(numbers, method=method)
    marks.append(clock())
    del columns, numbers
    analyse(store, method=method)
    marks.append(clock())
    whole = [marks[4][0] - marks[3][0], marks[4][1] - marks[3][1]]
    steps = {
        name: [marks[i + 1][0] - marks[i][0], marks[i + 1][1] - marks[i][1]]
        for i, name in enumerate(("read", "numbers", "trust"))
    }
    steps["rest"] = [max(0.0, whole[k] - sum(v[k] for v in steps.values())) for k in (0, 1)]
    return steps


def _machine() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_machine.py
    from bench_machine import cpu_model, memory_gib

    return f"{cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB"


def _gib(n: object) -> str:
    return f"{int(n) / 1024**3:.2f}"  # type: ignore[call-overload]


def _median(r: dict[str, object], key: str = "wall") -> float:
    return float(statistics.median(r[key]))  # type: ignore[arg-type]


def growth(results: list[dict[str, object]]) -> list[dict[str, float]]:
    """Between consecutive sizes of one store: the ratio of the median times, the ratio of
    ``n log n`` (``n`` the triples), and the exponent ``k`` of ``time ~ n^k``."""
    out = []
    for store in dict.fromkeys(str(r["store"]) for r in results):
        rows = [r for r in results if r["store"] == store]
        for before, after in itertools.pairwise(rows):
            n0, n1 = int(before["quads"]), int(after["quads"])  # type: ignore[call-overload]
            t0, t1 = _median(before), _median(after)
            out.append(
                {
                    "store": store,
                    "from": n0,
                    "to": n1,
                    "time_ratio": t1 / t0,
                    "best_ratio": min(after["wall"]) / min(before["wall"]),  # type: ignore[type-var,operator]
                    "nlogn_ratio": (n1 * math.log(n1)) / (n0 * math.log(n0)),
                    "exponent": math.log(t1 / t0) / math.log(n1 / n0),
                }
            )
    return out


def table(results: list[dict[str, object]]) -> str:
    head = (
        "| store | triples | statements | actors | claims | analyse, s: median (best; "
        "first call; n) | CPU, s (median) | load avg | peak RSS analysing, GiB (store "
        "alone) | process peak, GiB | trust method |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for r in results:
        wall = r["wall"]
        n = int(r["statements"])  # type: ignore[call-overload]
        rows.append(
            f"| {r['store']} | {r['quads']:,} | {n:,} | {r['actors']:,} | {r['claims']:,} | "
            f"{_median(r):.2f} ({min(wall):.2f}; {wall[0]:.2f}; {len(wall)}) | "  # type: ignore[index,type-var,arg-type]
            f"{_median(r, 'cpu'):.2f} | {max(r['load_average']):.1f} | "  # type: ignore[type-var]
            f"{_gib(r['peak_rss'])} ({_gib(r['store_rss'])}) | {_gib(r['process_peak_rss'])} | "
            f"{r['trust_method']} ({r['iterations']} it.) |"
        )
    text = head + "\n".join(rows) + "\n"
    timed = [r for r in results if "phases" in r]
    if timed:
        text += (
            "\n| store | triples | read the store, s (CPU) | numbers | trust | rest |\n"
            "|---|---|---|---|---|---|\n"
        )
        text += (
            "\n".join(
                f"| {r['store']} | {r['quads']:,} | "
                + " | ".join(
                    f"{w:.2f} ({c:.2f})"
                    for w, c in (r["phases"][k] for k in ("read", "numbers", "trust", "rest"))  # type: ignore[index]
                )
                + " |"
                for r in timed
            )
            + "\n"
        )
    steps = growth(results)
    if steps:
        text += (
            "\n| store | triples, from -> to | median time ratio (best) | n log n ratio | "
            "exponent k (time ~ n^k) | no worse than n log n |\n|---|---|---|---|---|---|\n"
        )
        text += (
            "\n".join(
                f"| {g['store']} | {int(g['from']):,} -> {int(g['to']):,} | "
                f"{g['time_ratio']:.1f} ({g['best_ratio']:.1f}) | {g['nlogn_ratio']:.1f} | "
                f"{g['exponent']:.2f} | {'yes' if g['time_ratio'] <= g['nlogn_ratio'] else 'no'} |"
                for g in steps
            )
            + "\n"
        )
    return text


def write_readme(text: str) -> None:
    """Replace this benchmark's section of benchmarks/README.md; keep the others."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_readme.py
    from bench_readme import replace_section

    replace_section(SECTION, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000, 10_000_000],
        help="triples per size",
    )
    parser.add_argument("--skip-10m", action="store_true", help="leave out 10M triples")
    parser.add_argument("--stores", nargs="+", choices=("memory", "disk"), default=["memory"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--method", default=None, help="truth-discovery method (default: the product's default)"
    )
    parser.add_argument(
        "--reference-method",
        default="accucopy-groups",
        help="method of the reference run (the default before this work)",
    )
    parser.add_argument(
        "--contradictions",
        type=float,
        default=0.01,
        help="share of claims given a contradicts link",
    )
    parser.add_argument(
        "--reference",
        type=int,
        default=0,
        metavar="TRIPLES",
        help="also time the reference (old) code path up to this size",
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-analysis"))
    parser.add_argument(
        "--generate-only",
        action="store_true",
        help="write the data files (and on-disk stores) and stop, so that the "
        "measured run can be started on a quiet machine",
    )
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument(
        "--from-json", type=Path, help="write the table of saved results instead of measuring"
    )
    parser.add_argument(
        "--measured-on",
        metavar="YYYY-MM-DD",
        help="with --from-json: the day results saved without their date were measured",
    )
    parser.add_argument(
        "--explain-busiest-max",
        type=int,
        default=2_000_000,
        metavar="TRIPLES",
        help="time the explanation of the claim most groups affirm up to this size",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-store", default="memory", help=argparse.SUPPRESS)
    parser.add_argument("--with-reference", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(
            json.dumps(
                measure(
                    args.child,
                    args.repeat,
                    args.with_reference,
                    args.method,
                    args.child_store,
                    args.workdir,
                    args.explain_busiest_max,
                )
            )
        )
        return 0
    if args.from_json:
        saved = from_json(args.from_json, args.measured_on)
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
        if args.generate_only:
            if "disk" in args.stores:
                disk_store(path, args.workdir)
            continue
        for kind in args.stores:
            command = [
                sys.executable,
                __file__,
                "--child",
                str(path),
                "--repeat",
                str(args.repeat),
                "--child-store",
                kind,
                "--workdir",
                str(args.workdir),
                "--explain-busiest-max",
                str(args.explain_busiest_max),
            ]
            command += ["--method", args.method] if args.method else []
            command += ["--with-reference", args.reference_method] if size <= args.reference else []
            swap_before = swap_state()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode:
                print(done.stderr, file=sys.stderr)
                return done.returncode
            swap_after = swap_state()
            result = json.loads(done.stdout.strip().splitlines()[-1])
            result["swap_total"] = swap_after["swap_total"]
            result["swapped_in"] = swap_after["pswpin"] - swap_before["pswpin"]
            result["swapped_out"] = swap_after["pswpout"] - swap_before["pswpout"]
            results.append(result)
            print(json.dumps(result), file=sys.stderr)
            with (args.workdir / "results.jsonl").open("a", encoding="utf-8") as saved:
                saved.write(json.dumps(result) + "\n")
    if args.generate_only:
        return 0
    text = table(results)
    print(text)
    if args.write_readme:
        write_readme(section(text, results))
    return 0


def _goal_lines(results: list[dict[str, object]]) -> str:
    """One sentence per store on the goal at the largest size measured."""
    lines = []
    for store in dict.fromkeys(str(r["store"]) for r in results):
        r = [x for x in results if x["store"] == store][-1]
        median, first = _median(r), float(r["wall"][0])  # type: ignore[index]
        peak, whole = int(r["peak_rss"]), int(r["process_peak_rss"])  # type: ignore[call-overload]
        store_rss = int(r["store_rss"])  # type: ignore[call-overload]

        def verdict(ok: bool) -> str:
            return "within" if ok else "over"

        lines.append(
            f"- {store}, {int(r['statements']):,} statements: median "  # type: ignore[call-overload]
            f"{median:.1f} s ({verdict(median <= GOAL_SECONDS)} {GOAL_SECONDS:g} s), first call "
            f"{first:.1f} s ({verdict(first <= GOAL_SECONDS)}); peak RSS while analysing "
            f"{_gib(peak)} GiB ({verdict(peak <= GOAL_BYTES)} 4 GB), of which "
            f"{_gib(store_rss)} GiB was resident before the analysis; the process's peak over "
            f"its life (loading included) {_gib(whole)} GiB "
            f"({verdict(whole <= GOAL_BYTES)})."
        )
    return "\n".join(lines)


def section(text: str, results: list[dict[str, object]]) -> str:
    explain = "; ".join(
        f"{int(r['statements']):,} statements ({r['store']}): one claim "  # type: ignore[call-overload]
        f"{float(r['explain_one_claim']):.2f} s"  # type: ignore[arg-type]
        + (
            f", the claim most groups affirm ({int(r['busiest_claim_stances']):,} stance "  # type: ignore[call-overload]
            f"entries) {float(r['explain_busiest_claim']):.1f} s"  # type: ignore[arg-type]
            if "explain_busiest_claim" in r
            else " (the claim most groups affirm: not timed at this size)"
        )
        for r in results
    )
    reference = "; ".join(
        f"{int(r['statements']):,} statements: {float(r['reference_wall']):.1f} s "  # type: ignore[call-overload,arg-type]
        f"({r['reference_method']})"
        for r in results
        if "reference_wall" in r
    )
    swap_total = max(int(r.get("swap_total", 0)) for r in results)  # type: ignore[call-overload]
    swapped = sum(
        int(r.get("swapped_out", 0)) + int(r.get("swapped_in", 0))  # type: ignore[call-overload]
        for r in results
    )
    swap = (
        f"Swap: {swap_total / 1024**3:.1f} GiB configured; "
        f"{swapped:,} pages swapped in or out during the runs (`/proc/vmstat`)."
    )
    if not swap_total:
        swap = (
            "Swap: none is configured on this machine (`SwapTotal: 0`), so nothing can "
            f"swap; {swapped:,} pages moved (`/proc/vmstat` pswpin/pswpout), and no run was "
            "killed for memory."
        )
    return (
        f"{SECTION}\n\n"
        f"`python benchmarks/analysis/run.py --stores {' '.join(dict.fromkeys(str(r['store']) for r in results))} "  # noqa: E501
        f"--write-readme` on {_machine()}, {_dates(results)}, under "
        "`flock /tmp/bench.lock`. Data: `benchmarks/synth.py` at each size, plus 1% of the "
        "claims given a `cred:contradicts` link. Each size and store runs in its own process: "
        "`memory` loads the file into an in-memory `KnowledgeStore` (`load(validate=False)`; "
        "the 10M file is over the loader's 512 MiB limit and goes through `bulk_load_file`); "
        "`disk` opens an on-disk Oxigraph store that `bulk_load_file` filled beforehand. Then "
        "`analyse(store)` is timed: the store is read with SPARQL SELECT projections (one triple "
        "pattern each, results serialised to TSV by Oxigraph, tokenised and hashed in numpy as "
        "they are written), the numbers of every claim and actor are computed, and trust with the "
        "default method. Explanations are built on demand and are not in these times. The first "
        "call of each process is shown apart: it is what one `kg` command pays. An on-disk store "
        "of at most 20,000 statements has its records read at once as well (so that it can be "
        "closed before its explanations are shown), hence the `rest` of the smallest disk row. "
        "Peak RSS is the whole process's high-water mark (`VmHWM`) while analysing, reset after "
        "loading, store included; the resident size before the analysis is in brackets; the "
        "process peak also counts loading.\n\n"
        f"{text}\n"
        f"{_goal_lines(results)}\n\n"
        "Growth: the exponent is fitted between consecutive sizes on the median times; "
        "`n log n` from 1M to 10M triples is a ratio of about 11.7, so a time ratio at or "
        "below it is growth no worse than `n log n`. From 1M to 10M triples it is slightly "
        "worse on both stores (exponent 1.11 in memory and 1.15 on disk, in the run of "
        "2026-11-27): by phase, in memory, reading grew 12.3 times and trust 14.5 times with "
        "about the same number of iterations (36 and 35), so each step costs more per item at "
        "the larger size; the cause was not measured further. From 100k to 1M on disk the "
        "ratio is 1.0 because the smaller store also reads every record at once (the `rest` "
        "column), which the larger does not.\n\n"
        "Where the time goes: the phase table times one more call step by step (reading the "
        "store; the numbers of every claim and actor; trust; the rest of `analyse` is the "
        "difference with a whole call). A sampling profile of the 1M-statement analysis "
        "(py-spy with native frames, in-memory store, 2026-11-27) put about 60 % of the "
        "CPU time in Oxigraph evaluating the single-pattern SELECTs and serialising their "
        "results (mostly decoding each term's string from the store's dictionary), a fifth in "
        "numpy tokenising and hashing the TSV, and the rest in the main thread: interning the "
        "ids, the numbers, and the truth-discovery fixed point (`kg/analysis/truth/`, 25 to 35 "
        "iterations). Reading runs two queries at a time on the two cores; everything after "
        "it runs on one.\n\n"
        "Why the on-disk store is twice as slow (2026-11-28, 10M-triple file; queries run "
        "one at a time, their TSV written by Oxigraph to a sink that keeps nothing): the cost "
        "is decoding terms, not finding them. On this table's disk store, `SELECT (COUNT(*) "
        "AS ?n) WHERE { ?s cred:statedBy ?a }` takes 0.28 s; projecting `?a` alone (26,041 "
        "distinct actors) 1.8 s; `?s` alone (1,025,641 distinct statements) 4.0 s; both 5.4 "
        "s. Every term of every row is one read of RocksDB's string dictionary, about 2 us "
        "when its block is cached and 4 us when not. The reader decodes the statement IRIs "
        "three times (in `statedBy`, `about` and the stance tables): about 10 of the 19 s of "
        "CPU that reading takes (per-query thread CPU, on a store written by `kg ingest` and "
        "compacted). Joining in Oxigraph instead, so that only the actor, claim and stance of "
        "each statement are decoded, was no cheaper: the three patterns as one basic graph "
        "pattern took 19.9 s (a nested-loop join, one index seek per statement), and a hash "
        "join forced through sub-selects 10.8 s as one query on one core (split by stance: "
        "7.2 s for the affirmations, 1.9 s for the denials), of which the join alone is about "
        "3.5 s (counted without decoding). Either way, decoding each statement's actor and "
        "claim (about 4 s of CPU), joining them and trust (1.9 s) leave no route to 10 s for "
        "a million statements on disk with this engine; the in-memory store meets it.\n\n"
        "Why the performance suite's disk analysis (25 s) is slower than this table's (15 s): "
        "a store that `kg ingest` has just written is still compacting in the background. On "
        "the 10M file (load average about 1): ingest 45.2 s, then two analyses of 28.8 s and "
        "13.4 s; in a second run, `Store.optimize()` called right after the ingest took "
        "11.1 s (129 SST files down to 35) and the two analyses after it 14.1 s and 15.4 s. "
        "The compaction is paid either way, by the ingest or by the first queries after it; "
        "`kg ingest` leaves it to the background, and the suite's ingest column does not "
        "include it.\n\n"
        "Memory (what brought the in-memory peak from 4.51 GiB to 3.67 GiB at 1M statements, "
        "2026-11-27; each step measured with memray and `VmHWM`): results are tokenised chunk "
        "by chunk as Oxigraph writes them, never held whole (`kg.analysis._tsv.TableBuilder`); "
        "statement IRIs are kept as hashes only and numbered from the three stance tables; "
        "each column keeps its distinct values in one buffer; tables are freed as soon as they "
        "are used; the pair listing of the copy test uses 32-bit temporaries; glibc's "
        "`malloc_trim` runs between the phases (`kg.analysis._memory`), so that what one phase "
        "freed does not stay resident under the next; and an `Analysis` holds no reference "
        "cycle, so it is freed when dropped. The price, in the same table before and after: "
        "in memory the median went from 6.4 s to 7.8 s (reading 4.4 to 5.3 s, trust 1.7 to "
        "1.9 s, pages faulted in again after each trim), and on disk from 12.9 s to 15.0 s "
        "(peak 1.44 to 0.63 GiB). The process peak over its life is loading: pyoxigraph's "
        "`bulk_load_file` of the 10M-triple file peaks at 3.88 GiB before the analysis "
        "starts.\n\n"
        f"{swap}\n\n"
        f"Explanations on demand: {explain}.\n\n"
        "Before (the record-by-record code, now `kg.analysis.reference`): "
        f"{reference + '; ' if reference else ''}20k statements: extraction 2.6 s, "
        "analysis 2.0 s with voting and 10 s with accucopy-groups; 100k statements: 504 s "
        "(accucopy-groups alone 581 s); 1M statements: out of reach (AccuCopy's dense "
        "source x source matrix alone is 5 GB at 25k actors, with about 300M source pairs).\n\n"
        "The machine is shared with other sessions that do not all take the benchmark lock: "
        "the load average column is the 1-minute load at the start of each call; the CPU "
        "column (user + system time of the process, both cores) is the part that does not "
        "depend on the other load.\n"
    )


def _dates(results: list[dict[str, object]]) -> str:
    """The days the results were measured (results saved before the field existed: the
    ``--measured-on`` given to ``--from-json``, else today)."""
    days = sorted({str(r.get("measured_on") or time.strftime("%Y-%m-%d")) for r in results})
    return " to ".join(dict.fromkeys([days[0], days[-1]]))


def from_json(path: Path, measured_on: str | None = None) -> list[dict[str, object]]:
    """Results saved by an earlier run (one JSON object a line)."""
    results = [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]
    for r in results:  # lines written before the store and whole-process columns existed
        r.setdefault("store", "memory")
        r.setdefault("process_peak_rss", r["peak_rss"])
        if measured_on:
            r.setdefault("measured_on", measured_on)
    return results


if __name__ == "__main__":
    raise SystemExit(main())
