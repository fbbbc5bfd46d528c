"""Truth-discovery benchmark: our methods and the `truthdiscovery` peer, side by side.

    python benchmarks/truth/run.py [--datasets book,population,flight]
                                   [--out benchmarks/truth/results.md] [--data DIR]

Reads the public data sets in place (default: ``../shared/truth-benchmarks`` beside the
repository), normalises them once (``loaders.py``), and on the same triples runs our methods
in this process and the peer's in a subprocess of the benchmark-only virtualenv
(``setup_peer.sh``). Reports accuracy against gold, run time, the agreement of each shared
method's chosen values with the peer's, and the speed ratio. Writes a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from loaders import load_book, load_flight, load_population

from kg.analysis.truth import (
    TruthDataset,
    TruthResult,
    accucopy,
    average_log,
    discover,
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
    "average_log": average_log,
    "investment": investment,
    "pooled_investment": pooled_investment,
    "truthfinder": truthfinder,
    "independent_voting": independent_voting,
    "accupr": lambda ds: accucopy(ds, detect_copying=False),
    "accucopy": accucopy,
    "accupr_held_out": lambda ds: accucopy(ds, detect_copying=False, leave_one_out=True),
    "discover (default)": discover,
}


def accuracy(values: dict[str, str], gold: dict[str, str]) -> float:
    return sum(values.get(k) == v for k, v in gold.items()) / len(gold)


def run_peer(python: Path, triples: list) -> dict | None:
    if not python.exists():
        print(f"peer environment {python} missing: run benchmarks/truth/setup_peer.sh", flush=True)
        return None
    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as f:
        pickle.dump(triples, f)
        path = f.name
    try:
        out = subprocess.run(
            [str(python), str(Path(__file__).with_name("peer_worker.py")), path, ",".join(SHARED)],
            check=True,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )
    finally:
        os.unlink(path)
    return json.loads(out.stdout)


def bench(name: str, data: Path, peer_python: Path) -> dict:
    t0 = time.perf_counter()
    b = LOADERS[name](data)
    load_s = time.perf_counter() - t0
    print(f"{name}: loaded {b.stats()} in {load_s:.1f}s", flush=True)
    t0 = time.perf_counter()
    ds = TruthDataset.from_triples(b.triples)
    build_s = time.perf_counter() - t0
    ours = {}
    for method, fn in OURS.items():
        t0 = time.perf_counter()
        result = fn(ds)
        values = result.values()
        elapsed = time.perf_counter() - t0
        ours[method] = {
            "acc": accuracy(values, b.gold),
            "s": elapsed,
            "values": values,
            "iterations": result.iterations,
            "converged": result.converged,
        }
        print(f"  ours {method:20s} acc={ours[method]['acc']:.4f} {elapsed:.2f}s", flush=True)
    peer = run_peer(peer_python, b.triples)
    rows = {}
    for method, o in ours.items():
        row = {"acc": o["acc"], "s": o["s"], "it": o["iterations"], "conv": o["converged"]}
        if peer and method in peer["methods"]:
            p = peer["methods"][method]
            pv = p["values"]
            row["peer_acc"] = accuracy(pv, b.gold)
            row["peer_s"] = p["run_s"]
            row["agree"] = sum(o["values"].get(k) == v for k, v in pv.items()) / len(pv)
            print(
                f"  peer {method:20s} acc={row['peer_acc']:.4f} {p['run_s']:.2f}s "
                f"agree={row['agree']:.4f}",
                flush=True,
            )
        rows[method] = row
    return {
        "stats": b.stats(),
        "note": b.note,
        "load_s": load_s,
        "build_s": build_s,
        "peer_build_s": peer["build_s"] if peer else None,
        "rows": rows,
    }


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def render(results: dict[str, dict], command: str) -> str:
    out = [f"Machine: {machine()}.  ", f"Command: `{command}`", ""]
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
            "speed-up | iterations (converged) |"
        )
        out.append("|---|---|---|---|---|---|---|---|")
        for method, row in r["rows"].items():
            peer_acc = f"{row['peer_acc']:.4f}" if "peer_acc" in row else ""
            agree = f"{100 * row['agree']:.2f} %" if "agree" in row else ""
            peer_s = f"{row['peer_s']:.3f}" if "peer_s" in row else ""
            speed = f"{row['peer_s'] / row['s']:.1f}x" if "peer_s" in row and row["s"] > 0 else ""
            out.append(
                f"| {method} | {row['acc']:.4f} | {peer_acc} | {agree} | {row['s']:.3f} | "
                f"{peer_s} | {speed} | {row['it']} ({'yes' if row['conv'] else 'no'}) |"
            )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", default="book,population,flight")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks/truth/results.md")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared/truth-benchmarks")
    parser.add_argument("--peer-python", type=Path, default=REPO / ".venv-bench/bin/python")
    args = parser.parse_args(argv)
    results = {}
    for name in args.datasets.split(","):
        results[name] = bench(name, args.data, args.peer_python)
    command = "python benchmarks/truth/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    args.out.write_text(render(results, command.strip()) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
