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
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# The report lives beside this script, which is also loaded by path (suite.py, the tests).
sys.path.insert(0, str(HERE))
# growth and _machine are used by the tests and by benchmarks/viz/scale.py through this module.
from analysis_report import (  # noqa: E402, F401
    _machine,
    from_json,
    growth,
    section,
    table,
    write_readme,
)

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


if __name__ == "__main__":
    raise SystemExit(main())
