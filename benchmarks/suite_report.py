"""The performance suite's report: the table, the verdicts and the section of
benchmarks/README.md, from the results :mod:`suite` measured (or saved earlier)."""

from __future__ import annotations

import os
import platform
import time
from typing import Any

from bench_machine import cpu_model, memory_gib
from bench_readme import replace_section

SECTION = "## Performance suite"
INGEST_GOAL = 0.8


def machine() -> str:
    """The CPU (lscpu), cores, memory, Python and pyoxigraph versions."""
    import pyoxigraph

    return (
        f"{cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB, Python "
        f"{platform.python_version()}, pyoxigraph {pyoxigraph.__version__}"
    )


def table(rows: list[dict[str, Any]]) -> str:
    """The suite's table, one row per size and store."""
    lines = [
        "| triples | store | ingest s (raw bulk load s) | ingest / raw throughput | "
        "ingest peak RSS MiB (raw) | "
        "corroboration question ms (bare Oxigraph ms) | question ours / bare | "
        "analysis s | analysis peak RSS GiB | API: start-up s; question, /claims ms | "
        "graph view: build s, first render ms | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ours, anchor = row["ours"], row["anchor"]
        ingest_ratio = anchor["ingest_s"] / ours["ingest_s"]
        cells = [
            f"{ours['quads']:,}",
            row["store"],
            f"{ours['ingest_s']:.1f} ({anchor['ingest_s']:.1f})",
            f"**{ingest_ratio:.2f}**",
            f"{ours['ingest_peak_mib']:,.0f} (raw {anchor['ingest_peak_mib']:,.0f})",
        ]
        if "question_ms" in ours:
            render = f"{ours['view_render_ms']:.0f}" if "view_render_ms" in ours else "no chromium"
            cells += [
                f"{ours['question_ms']:.0f} ({anchor['question_ms']:.0f})",
                f"**{ours['question_ms'] / anchor['question_ms']:.2f}**",
                f"{ours['analysis_s']:.1f}",
                f"{ours['analysis_peak_gib']:.2f}",
                f"{ours['api_start_s']:.1f}; "
                f"{ours['api_question_ms']:.0f}, {ours['api_claims_ms']:.0f}",
                f"{ours['view_build_s']:.1f}, {render}",
            ]
        else:
            cells += ["-"] * 6  # measured with --ingest-only
        cells.append(f"{ours['load_average']:.1f} / {anchor['load_average']:.1f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def report(rows: list[dict[str, Any]], commands: list[str]) -> str:
    """The Markdown report: what was measured, on what machine, the table and the goals."""
    text = [
        SECTION,
        "",
        "Commands: " + "; ".join(f"`{c}`" for c in commands) + ", each run under "
        f"`flock /tmp/bench.lock`; written {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}."
        "  ",
        f"Machine: {machine()}. A shared machine: other work ran alongside, and the load "
        "average (ours / anchor, when each started) is in the last column.",
        "",
        "What each column is (`benchmarks/suite.py` says how it is measured): `kg ingest`'s "
        "`ingest_file` against raw `pyoxigraph.Store.bulk_load` of the same file into the "
        "same kind of store, and the process's peak RSS after it (in memory, the store "
        "itself; on disk, RocksDB's caches plus one batch); the `corroborated-claims` "
        "question (min_groups=2, whole answer) "
        "through `KnowledgeStore.query` against the same text on the bare bulk-loaded "
        "Oxigraph holding the same quads; `analyse(store)` with the default trust method, "
        "and the process's peak RSS while it ran (store included); the API in-process "
        "(its start-up on the store, then `/questions/corroborated-claims?limit=100` and "
        "`/claims`, medians); the graph view "
        "built in Python and its first render in headless chromium. Each is one run; "
        "question and API figures are medians of the repeats, and so is the ingest of a file "
        "that loads in under a second (100k triples, memory and disk: ours and the anchor each "
        "the median of 5 fresh loads in its own process).",
        "",
        table(rows),
        "Reading the table: the `remote` ingest is SPARQL Update requests to `oxigraph serve` "
        "(one `INSERT DATA` per batch), measured against a *local* raw bulk load, the only "
        "anchor the suite has; a server's own bulk loader is the tool for a large dump there "
        "(docs/backends.md); `remote-bulk` is the same server with the opt-in bulk URL "
        "(`KG_STORE_BULK_URL`, Oxigraph's `/store?no_transaction`). The API start-up is "
        "`create_app` starting on the store: it copies an in-memory store into a private "
        "on-disk one, analyses it, reads the records of every actor, claim and evidence "
        "item (not the statements: since 2026-11-28; the rows measured before read every "
        "record) and writes the analysis graph. The "
        "questions then run in the query workers on an on-disk checkpoint, hence the 10M "
        "question latencies of 20-30 s.",
        "",
        "How to run it (on the machine above, 2026-11-27: 100k and 1m on all four stores took "
        "8 minutes; 10m on memory and disk 20 minutes, 10m on remote and remote-bulk 35, most "
        "of it the API start-ups and the 10M questions; "
        "`remote` needs the `oxigraph` command, `pip install -e '.[bench]'`):",
        "",
        "```sh",
        "flock /tmp/bench.lock .venv/bin/python benchmarks/suite.py --sizes 100k,1m "
        "--stores memory,disk --readme",
        "flock /tmp/bench.lock .venv/bin/python benchmarks/suite.py --sizes 10m "
        "--stores memory,disk --ingest-only",
        "flock /tmp/bench.lock .venv/bin/python benchmarks/suite.py --sizes 100k,1m,10m "
        "--stores memory,disk,remote --out /tmp/suite.md",
        ".venv/bin/python benchmarks/suite.py --from-json /tmp/kg-suite/suite-*.json --readme",
        "```",
        "",
        "Data files are generated once into `--workdir` (default `/tmp/kg-suite`) and reused; "
        "`--from-json /tmp/kg-suite/suite-*.json` rewrites the report from earlier runs' "
        "results without measuring.",
    ]
    verdicts = []
    for row in rows:
        ratio = row["anchor"]["ingest_s"] / row["ours"]["ingest_s"]
        verdicts.append(
            f"{row['size']} {row['store']}: {ratio:.2f} "
            f"({'met' if ratio >= INGEST_GOAL else 'not met'})"
        )
    text += _memory_growth(rows)
    text += [
        "",
        f"Ingest goal, at least {INGEST_GOAL}x the raw bulk-load throughput: "
        + "; ".join(verdicts)
        + ".",
        "",
    ]
    return "\n".join(text)


def _memory_growth(rows: list[dict[str, Any]]) -> list[str]:
    """A sentence per store measured at several sizes: how the ingest's peak RSS grows."""
    lines = []
    for kind in dict.fromkeys(r["store"] for r in rows):  # the stores in the order measured
        mine = sorted((r for r in rows if r["store"] == kind), key=lambda r: r["ours"]["quads"])
        if len(mine) < 2:
            continue
        steps = ", ".join(
            f"{r['ours']['quads']:,} quads: {r['ours']['ingest_peak_mib']:,.0f} MiB "
            f"(raw bulk load {r['anchor']['ingest_peak_mib']:,.0f})"
            for r in mine
        )
        lines += ["", f"Ingest peak RSS, {kind}: {steps}."]
    return lines


def write_readme(text: str) -> None:
    """Replace this benchmark's section of benchmarks/README.md; keep the others."""
    replace_section(SECTION, text)
