"""Truth-discovery benchmark: our methods and the `truthdiscovery` peer, side by side.

    python benchmarks/truth/run.py [--datasets book,population,flight]
                                   [--out benchmarks/truth/results.md] [--data DIR]
                                   [--synthetic-rows 1000000] [--repeat 3]

Reads the public data sets in place (default: ``../shared/truth-benchmarks`` beside the
repository), normalises them once (``loaders.py``), and on the same triples runs our methods
in this process and the peer's in a subprocess of the benchmark-only virtualenv
(``setup_peer.sh``). Reports accuracy against gold, run time, the agreement of each shared
method's chosen values with the peer's, and the speed ratio (each shared method, ours and the
peer's alike, is timed ``--repeat`` times and the median kept: on a shared machine one call
can take twice as long as the next); then, for the default, a paired comparison with every
other method on the gold objects (an exact sign test on the objects where exactly one of the
two is right) and the copy blocs it found; then the default's run time on product-like
synthetic data (``synthetic.py``). Writes Markdown.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from loaders import load_book, load_flight, load_population
from synthetic import make_synthetic, run_synthetic

from kg.analysis.truth import (
    TruthDataset,
    TruthResult,
    accucopy,
    average_log,
    discover,
    independent_accuracy,
    independent_voting,
    investment,
    pooled_investment,
    sums,
    truthfinder,
    voting,
)

REPO = Path(__file__).resolve().parents[2]
LOADERS = {"book": load_book, "population": load_population, "flight": load_flight}
SHARED = ["voting", "sums", "average_log", "investment", "pooled_investment", "truthfinder"]
OURS: dict[str, Callable[[TruthDataset], TruthResult]] = {
    "voting": voting,
    "sums": sums,
    "sums, 20 iterations": lambda ds: sums(ds, tol=0.0),
    "average_log": average_log,
    "average_log, 20 iterations": lambda ds: average_log(ds, tol=0.0),
    "investment": investment,
    "pooled_investment": pooled_investment,
    "truthfinder": truthfinder,
    "independent_voting": independent_voting,
    "accupr": lambda ds: accucopy(ds, detect_copying=False),
    "accucopy": accucopy,
    "accupr_held_out": lambda ds: accucopy(ds, detect_copying=False, leave_one_out=True),
    "independent_accuracy, no copy detection": lambda ds: independent_accuracy(
        ds, detect_copying=False
    ),
    "discover (default)": discover,
}
DEFAULT = "discover (default)"
#: Our Sums and Average-Log stop once trust moves by less than 1e-6; the peer always runs its
#: 20 iterations. These rows run ours for 20 too, so that the speed-up does not come from
#: stopping early; they are compared with the same peer run.
FIXED_BUDGET = {"sums, 20 iterations": "sums", "average_log, 20 iterations": "average_log"}


def accuracy(values: dict[str, str], gold: dict[str, str]) -> float:
    return sum(values.get(k) == v for k, v in gold.items()) / len(gold)


def sign_test(wins: int, losses: int) -> float:
    """Exact two-sided p-value of ``wins`` against ``losses`` under a fair coin."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(wins, losses) + 1)) / 2**n
    return min(1.0, 2 * tail)


def paired(mine: dict[str, str], other: dict[str, str], gold: dict[str, str]) -> tuple[int, int]:
    """Gold objects the default gets right and the other wrong, and the reverse."""
    wins = sum(mine.get(k) == v != other.get(k) for k, v in gold.items())
    losses = sum(other.get(k) == v != mine.get(k) for k, v in gold.items())
    return wins, losses


def run_peer(python: Path, triples: list, repeat: int) -> dict | None:
    if not python.exists():
        print(f"peer environment {python} missing: run benchmarks/truth/setup_peer.sh", flush=True)
        return None
    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as f:
        pickle.dump(triples, f)
        path = f.name
    try:
        out = subprocess.run(
            [
                str(python),
                str(Path(__file__).with_name("peer_worker.py")),
                path,
                ",".join(SHARED),
                str(repeat),
            ],
            check=True,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )
    finally:
        os.unlink(path)
    return json.loads(out.stdout)


def timed(fn: Callable[[TruthDataset], TruthResult], ds: TruthDataset, repeat: int):
    """The result, chosen values, and median wall and CPU time of ``repeat`` calls (from the
    built dataset to the chosen value of every object)."""
    wall, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn(ds)
        values = result.values()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return result, values, float(np.median(wall)), float(np.median(cpu))


def bench(name: str, data: Path, peer_python: Path, repeat: int) -> dict:
    t0 = time.perf_counter()
    b = LOADERS[name](data)
    load_s = time.perf_counter() - t0
    print(f"{name}: loaded {b.stats()} in {load_s:.1f}s", flush=True)
    t0 = time.perf_counter()
    ds = TruthDataset.from_triples(b.triples)
    build_s = time.perf_counter() - t0
    ours = {}
    blocs = []
    for method, fn in OURS.items():
        shared = method in SHARED or method in FIXED_BUDGET
        result, values, elapsed, cpu = timed(fn, ds, repeat if shared else 1)
        if method == DEFAULT:
            sizes = np.bincount(result.groups)
            blocs = sorted(
                (
                    sorted(ds.sources[i] for i in np.flatnonzero(result.groups == g))
                    for g in np.flatnonzero(sizes > 1).tolist()
                ),
                key=lambda b: (-len(b), b),
            )
        ours[method] = {
            "acc": accuracy(values, b.gold),
            "s": elapsed,
            "cpu_s": cpu,
            "values": values,
            "iterations": result.iterations,
            "converged": result.converged,
        }
        print(f"  ours {method:20s} acc={ours[method]['acc']:.4f} {elapsed:.2f}s", flush=True)
    peer = run_peer(peer_python, b.triples, repeat)
    rows = {}
    for method, o in ours.items():
        row = {
            "acc": o["acc"],
            "s": o["s"],
            "cpu_s": o["cpu_s"],
            "it": o["iterations"],
            "conv": o["converged"],
        }
        peer_method = FIXED_BUDGET.get(method, method)
        if peer and peer_method in peer["methods"]:
            p = peer["methods"][peer_method]
            pv = p["values"]
            row["peer_acc"] = accuracy(pv, b.gold)
            row["peer_s"] = p["run_s"]
            row["peer_cpu_s"] = p["cpu_s"]
            row["agree"] = sum(o["values"].get(k) == v for k, v in pv.items()) / len(pv)
            print(
                f"  peer {method:20s} acc={row['peer_acc']:.4f} {p['run_s']:.2f}s "
                f"agree={row['agree']:.4f}",
                flush=True,
            )
        rows[method] = row
    comparisons = []
    mine = ours[DEFAULT]["values"]
    others = [(m, o["values"]) for m, o in ours.items() if m != DEFAULT and m not in FIXED_BUDGET]
    if peer:
        others += [(f"{m} (peer)", p["values"]) for m, p in peer["methods"].items()]
    for method, values in others:
        wins, losses = paired(mine, values, b.gold)
        comparisons.append((method, accuracy(values, b.gold), wins, losses))
    return {
        "stats": b.stats(),
        "note": b.note,
        "load_s": load_s,
        "build_s": build_s,
        "peer_build_s": peer["build_s"] if peer else None,
        "rows": rows,
        "comparisons": comparisons,
        "blocs": blocs,
    }


def machine() -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/bench_machine.py
    from bench_machine import cpu_model, memory_gib

    return (f"{cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, "
            f"Python {platform.python_version()}")


def render(results: dict[str, dict], command: str, load_start: float, repeat: int) -> str:
    load = os.getloadavg()[0]
    out = [
        f"Machine: {machine()}; load average {load_start:.1f} when the run started and "
        f"{load:.1f} when it ended (times are wall clock, inflated when the machine is shared; "
        f"shared methods, ours and the peer's: median of {repeat} calls, in wall clock and in "
        "CPU time, which waiting for a core does not inflate).  ",
        f"Command: `{command}`",
        "",
    ]
    for name, r in results.items():
        s = r["stats"]
        out.append(
            f"### {name.capitalize()}: {s['claims']:,} claims, {s['sources']:,} sources, "
            f"{s['objects']:,} objects, {s['facts']:,} facts; {s['gold']:,} gold objects"
        )
        out.append("")
        out.append(f"Preprocessing: {r['note']}.  ")
        peer_build = f"{r['peer_build_s']:.2f} s" if r["peer_build_s"] is not None else "n/a"
        out.append(f"Dataset build: ours {r['build_s']:.2f} s, peer {peer_build}.")
        out.append("")
        out.append(
            "| method | ours acc. | peer acc. | same answer as peer | ours s | peer s | "
            "speed-up | speed-up in CPU time | iterations (converged) |"
        )
        out.append("|---|---|---|---|---|---|---|---|---|")
        for method, row in r["rows"].items():
            peer_acc = f"{row['peer_acc']:.4f}" if "peer_acc" in row else ""
            agree = f"{100 * row['agree']:.2f} %" if "agree" in row else ""
            peer_s = f"{row['peer_s']:.3f}" if "peer_s" in row else ""
            speed = f"{row['peer_s'] / row['s']:.1f}x" if "peer_s" in row and row["s"] > 0 else ""
            cpu_speed = (
                f"{row['peer_cpu_s'] / row['cpu_s']:.1f}x"
                if "peer_cpu_s" in row and row["cpu_s"] > 0
                else ""
            )
            out.append(
                f"| {method} | {row['acc']:.4f} | {peer_acc} | {agree} | {row['s']:.3f} | "
                f"{peer_s} | {speed} | {cpu_speed} | {row['it']} "
                f"({'yes' if row['conv'] else 'no'}) |"
            )
        out.append("")
        out.append(
            f"The default ({r['rows'][DEFAULT]['acc']:.4f}) against each other method, on the "
            "gold objects where exactly one of the two is right (exact two-sided sign test):"
        )
        out.append("")
        out.append("| other method | its acc. | default right, it wrong | the reverse | p |")
        out.append("|---|---|---|---|---|")
        for method, acc, wins, losses in sorted(r["comparisons"], key=lambda c: -c[1]):
            out.append(
                f"| {method} | {acc:.4f} | {wins} | {losses} | {sign_test(wins, losses):.3g} |"
            )
        out.append("")
        sizes = ", ".join(str(len(b)) for b in r["blocs"]) or "none"
        out.append(f"Copy blocs the default found (sizes): {sizes}.")
        shown = [b for b in r["blocs"] if len(b) >= 3][:8]
        for bloc in shown:
            out.append(f"* {', '.join(bloc)}")
        out.append("")
    return "\n".join(out)


def render_synthetic(results: list[dict]) -> str:
    out = [
        "### Synthetic, product-like (`synthetic.py`): binary claims, one stance per actor "
        "and claim, actor accuracy ~ Beta(8, 2)",
        "",
        "| data | rows | actors | claims | dataset build s | default s (CPU s) | "
        "default iterations | default acc. | voting acc. | default trust - planted accuracy: "
        "mean (mean abs.) | echo chambers found |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        d, v = r["discover (default)"], r["voting"]
        label = f"{r['chambers']} echo chambers of 16" if r["chambers"] else "independent actors"
        found = (
            f"{d['chambers_found']} of {r['chambers']}"
            if r["chambers"]
            else (f"none expected; {d['groups']} groups formed")
        )
        out.append(
            f"| {label} | {r['rows']:,} | {r['sources']:,} | {r['objects']:,} | "
            f"{r['build_s']:.2f} | {d['s']:.2f} ({d['cpu_s']:.2f}) | {d['iterations']} | "
            f"{d['acc']:.4f} | {v['acc']:.4f} | {d['trust_bias']:+.3f} ({d['trust_mae']:.3f}) | "
            f"{found} |"
        )
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="book,population,flight")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/truth/results.md")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared/truth-benchmarks")
    parser.add_argument("--peer-python", type=Path, default=REPO / ".venv-bench/bin/python")
    parser.add_argument("--synthetic-rows", type=int, default=1_000_000, help="0 to skip")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed calls of each shared method (median kept)"
    )
    args = parser.parse_args(argv)
    load_start = os.getloadavg()[0]
    results = {}
    for name in [n for n in args.datasets.split(",") if n]:
        results[name] = bench(name, args.data, args.peer_python, max(args.repeat, 1))
    synthetic = []
    if args.synthetic_rows:
        for chambers in (0, 200):
            synthetic.append(run_synthetic(make_synthetic(args.synthetic_rows, chambers=chambers)))
            print(f"synthetic: {synthetic[-1]}", flush=True)
    command = "python benchmarks/truth/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    text = render(results, command.strip(), load_start, max(args.repeat, 1))
    if synthetic:
        text += "\n" + render_synthetic(synthetic)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
