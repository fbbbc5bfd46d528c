"""Crash safety: SIGKILL ``kg load`` and ``kg serve`` at random moments, then check the store.

Two kinds of run, each on its own copy of an on-disk store that holds the seed case:

**Load runs.** ``kg load --store DIR synth.nt`` of a large synthetic file
(``benchmarks/synth.py``), killed with SIGKILL after a delay. The delays are stratified over
the length of an uninterrupted load measured first (run *i* of *n* is killed at a random
moment of the *i*-th *n*-th of it, the last stratum reaching 10 % past the end), so that every
phase of the load (start-up, parsing, SHACL validation, the write) gets kills.
``KnowledgeStore.load`` writes in one transaction, so afterwards the store must hold either
the seed alone ("none") or the seed and the whole file ("all"), and nothing else.

**Write runs.** ``kg serve --store DIR`` with writes on; three concurrent writers POST
validated entries (actors, claims, statements, evidence, each with a source document of its
own, so each write is one named graph) and record which were acknowledged (a 201 received);
the server is SIGKILLed after a random delay. Afterwards every acknowledged write must be in
the store, an unacknowledged one wholly there or wholly absent, and nothing else.

After every kill: the store must open; its quads (outside the derived analysis graph) must be
exactly those of a *fresh* store given exactly the committed data (for a write run: the seed
plus the writes found, replayed through a fresh server); ``kg corroborate --format json`` must
print the same on both; and for a write run, ``kg serve`` must start again on the crashed store.

Usage (about 8 minutes on 2 cores; run it under the shared lock on a shared machine)::

    python benchmarks/reliability/crash.py [--load-runs 10] [--write-runs 10] [--seed 20261127]
        [--triples 200000] [--work /tmp/kg-crash] [--json results.json]

Exit status 0 when every run passes, 1 otherwise. Figures are printed and written as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pty
import random
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crash_writes import write_runs
from harness import (
    SEED,
    Digest,
    corroborate_json,
    data_lines,
    kg_command,
    machine,
    run_kg,
    step,
    store_digest,
    synthesise,
)

# -- load runs ---------------------------------------------------------------------------------


class WatchedLoad:
    """``kg load`` with its stderr on a pseudo-terminal, so that it draws its progress bar,
    whose stage names tell when parsing ends and when the write begins."""

    def __init__(self, store: Path, data: Path) -> None:
        master, slave = pty.openpty()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [*kg_command(), "load", "--store", str(store), str(data)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=slave,
        )
        os.close(slave)
        self._master = master
        self._seen = b""
        #: Seconds from start to the first sight of each stage ("parsing" is drawn when
        #: parsing ends; "writing" when the transaction begins) and to exit.
        self.marks: dict[str, float] = {}

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self._master], [], [], max(0.0, timeout))
        if ready:
            # OSError: the child closed the terminal.
            with contextlib.suppress(OSError):
                self._seen += os.read(self._master, 65536)
        now = round(time.monotonic() - self.started, 3)
        for stage in ("parsing", "validating", "writing"):
            if stage.encode() in self._seen and stage not in self.marks:
                self.marks[stage] = now
        if self.process.poll() is not None and "exit" not in self.marks:
            self.marks["exit"] = now

    def wait_for(self, stage: str, limit: float = 600) -> bool:
        """Wait until ``stage`` is drawn (``"exit"``: the process ended); False if it ended
        first."""
        deadline = time.monotonic() + limit
        while stage not in self.marks and time.monotonic() < deadline:
            if "exit" in self.marks:
                return False
            self._read(0.05)
        return stage in self.marks

    def kill_at(self, moment: float) -> tuple[bool, float]:
        """SIGKILL at ``moment`` s after start (reading progress meanwhile); whether it had
        already exited, and the moment of the kill."""
        while time.monotonic() - self.started < moment and "exit" not in self.marks:
            self._read(min(0.02, moment - (time.monotonic() - self.started)))
        exited = self.process.poll() is not None
        killed = round(time.monotonic() - self.started, 3)
        if not exited:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self._master)
        return exited, killed

    def stage_at(self, moment: float) -> str:
        """What the load was doing at ``moment``, by the stages seen before it."""
        if moment >= self.marks.get("exit", float("inf")):
            return "after exit"
        if moment >= self.marks.get("writing", float("inf")):
            return "writing (transaction begun)"
        if moment >= self.marks.get("parsing", float("inf")):
            return "validating"
        return "start-up and parsing"


@dataclass
class Reference:
    """The synthetic file and what a fresh store holds without it and with all of it."""

    data: Path
    load_seconds: float
    #: When the uninterrupted load drew each stage (see :class:`WatchedLoad`).
    phases: dict[str, float]
    expected: dict[str, Digest]
    answers: dict[str, str]


def prepare(work: Path, base: Path, triples: int) -> Reference:
    data = work / "synth.nt"
    step(f"generating about {triples:,} synthetic triples")
    synthesise(data, triples)
    full = work / "reference-all"
    shutil.copytree(base, full)
    step("uninterrupted reference load (timed)")
    watched = WatchedLoad(full, data)
    watched.wait_for("exit")
    _, _ = watched.kill_at(0)  # it has exited: this only reaps it and closes the terminal
    status = watched.process.returncode
    if status != 0:
        raise RuntimeError(f"the reference load failed with exit status {status}")
    phases = watched.marks
    length = phases["exit"]
    step(f"kg load takes {length:.1f} s; stages drawn at {phases}")
    return Reference(
        data,
        round(length, 2),
        phases,
        {"none": store_digest(base), "all": store_digest(full)},
        {"none": corroborate_json(base), "all": corroborate_json(full)},
    )


def _kill_after(command: list[str], delay: float) -> tuple[bool, int]:
    """Run ``command``, SIGKILL it after ``delay`` s; whether it had exited, and its status."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return True, process.returncode
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        return False, process.wait()


def load_runs(
    work: Path, base: Path, ref: Reference, runs: int, rng: random.Random
) -> list[dict[str, Any]]:
    """Odd runs are killed at a random moment before the write begins (as timed by the
    reference load); even runs at a random moment of the write, counted from when this run's
    own progress bar says the write began."""
    before = ref.phases.get("writing", ref.load_seconds)
    during = max(0.05, ref.load_seconds - before)
    results = []
    for i in range(runs):
        store = work / f"load-{i}"
        shutil.copytree(base, store)
        watched = WatchedLoad(store, ref.data)
        if i % 2:
            target = "before the write"
            moment = rng.uniform(0, before)
        else:
            target = "during the write"
            offset = rng.uniform(0, during)
            moment = watched.marks["writing"] + offset if watched.wait_for("writing") else 0.0
        exited, killed = watched.kill_at(moment)
        result: dict[str, Any] = {
            "run": i,
            "target": target,
            "killed_at_s": killed,
            "stage": watched.stage_at(killed),
            "stages_seen": watched.marks,
            "process_had_exited": exited,
            "exit": watched.process.returncode,
        }
        result.update(_check_load(store, ref.data, ref.expected, ref.answers))
        results.append(result)
        step(
            f"load run {i}: killed at {killed:.2f} s ({result['stage']}): "
            f"{result['outcome']}, {'PASS' if result['passed'] else 'FAIL'}"
        )
        shutil.rmtree(store, ignore_errors=True)
    return results


def _check_load(
    store: Path, data: Path, expected: dict[str, Digest], answers: dict[str, str]
) -> dict[str, Any]:
    try:
        digest = store_digest(store)
    except Exception as error:  # any failure to open is the finding itself
        return {
            "opens": False,
            "error": f"{type(error).__name__}: {error}",
            "outcome": "unopenable",
            "passed": False,
        }
    outcome = next((name for name, d in expected.items() if d.sha256 == digest.sha256), "neither")
    check: dict[str, Any] = {"opens": True, "quads": digest.quads, "outcome": outcome}
    if outcome == "neither":
        check["passed"] = False
        return check
    check["analysis_unchanged"] = corroborate_json(store) == answers[outcome]
    if outcome == "none":
        # The store is still writable: the same load, run again, completes.
        again = run_kg("load", "--store", str(store), str(data))
        check["reload_after_crash"] = (
            again.returncode == 0 and store_digest(store).sha256 == expected["all"].sha256
        )
    check["passed"] = check["analysis_unchanged"] and check.get("reload_after_crash", True)
    return check


# -- ingest runs -------------------------------------------------------------------------------


def _file_quads(data: Path) -> list[str]:
    """The file's triples in file order, as the store prints them (default-graph quads)."""
    import pyoxigraph as ox

    with data.open("rb") as stream:
        return [
            str(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
            for t in ox.parse(stream, format=ox.RdfFormat.N_TRIPLES)
        ]


def ingest_runs(
    work: Path, base: Path, ref: Reference, runs: int, rng: random.Random, batch: int
) -> list[dict[str, Any]]:
    """``kg ingest`` killed at random moments: whole batches only, then ``--resume`` ends it."""
    full = work / "ingest-reference"
    shutil.copytree(base, full)
    started = time.monotonic()
    done = run_kg("ingest", "--store", str(full), "--batch-size", str(batch), str(ref.data))
    length = time.monotonic() - started
    if done.returncode != 0 or store_digest(full).sha256 != ref.expected["all"].sha256:
        raise RuntimeError(
            f"an uninterrupted ingest does not give the loaded data: {done.stderr[-500:]}"
        )
    shutil.rmtree(full)
    step(f"kg ingest takes {length:.1f} s in batches of {batch:,}")
    file_quads = _file_quads(ref.data)
    base_lines = set(data_lines(base)[0])
    results = []
    for i in range(runs):
        delay = (i + rng.random()) / runs * length * 1.1
        store = work / f"ingest-{i}"
        shutil.copytree(base, store)
        options = ["--store", str(store), "--batch-size", str(batch)]
        exited, status = _kill_after([*kg_command(), "ingest", *options, str(ref.data)], delay)
        result: dict[str, Any] = {
            "run": i,
            "kill_delay_s": round(delay, 3),
            "process_had_exited": exited,
            "exit": status,
        }
        try:
            lines = data_lines(store)[0]
        except Exception as error:  # any failure to open is the finding itself
            result.update(opens=False, error=f"{type(error).__name__}: {error}", passed=False)
            results.append(result)
            continue
        held = set(lines)
        # Which batches of the file the store holds whole, and whether any only in part. On
        # disk two batches are written at once, so the batches in are 1..n and at most one
        # more (a batch committed while the one before it was still being written).
        chunks = [file_quads[k : k + batch] for k in range(0, len(file_quads), batch)]
        found = [sum(q in held for q in chunk) for chunk in chunks]
        full = [
            k for k, (n, chunk) in enumerate(zip(found, chunks, strict=True)) if n == len(chunk)
        ]
        run = next((k for k in range(len(chunks)) if k not in full), len(chunks))
        part_quads = [q for k in full for q in chunks[k]]
        result.update(
            opens=True,
            quads=len(lines),
            file_triples_in=len(part_quads),
            batches_in=len(full),
            batches_beyond_first_gap=[k + 1 for k in full if k > run],
            whole_batches=all(n in (0, len(chunk)) for n, chunk in zip(found, chunks, strict=True))
            and len([k for k in full if k > run]) <= 1,
            nothing_else=held == base_lines | set(part_quads),
        )
        # The analysis of the crashed store, against a fresh store given exactly that data.
        fresh = work / f"ingest-{i}-fresh"
        shutil.copytree(base, fresh)
        part = work / f"ingest-{i}-part.nt"
        part.write_text("".join(q + " .\n" for q in part_quads))
        loaded = run_kg("load", "--store", str(fresh), "--no-validate", str(part))
        result["analysis_unchanged"] = loaded.returncode == 0 and corroborate_json(
            store
        ) == corroborate_json(fresh)
        shutil.rmtree(fresh)
        part.unlink()
        resumed = run_kg("ingest", *options, "--resume", str(ref.data))
        result["resume_completes"] = (
            resumed.returncode == 0 and store_digest(store).sha256 == ref.expected["all"].sha256
        )
        result["analysis_after_resume"] = corroborate_json(store) == ref.answers["all"]
        result["passed"] = all(
            result[k]
            for k in (
                "whole_batches",
                "nothing_else",
                "analysis_unchanged",
                "resume_completes",
                "analysis_after_resume",
            )
        )
        results.append(result)
        step(
            f"ingest run {i}: killed at {delay:.2f} s: {result['batches_in']} batches in, "
            f"{'PASS' if result['passed'] else 'FAIL'}"
        )
        shutil.rmtree(store, ignore_errors=True)
    return results


# -- the run -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-runs", type=int, default=10)
    parser.add_argument("--write-runs", type=int, default=10)
    parser.add_argument("--ingest-runs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=20_000, help="for kg ingest")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--triples", type=int, default=200_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-crash"))
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args(argv)
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    base = args.work / "base"
    done = run_kg("load", "--store", str(base), str(SEED))
    if done.returncode != 0:
        raise RuntimeError(f"loading the seed failed: {done.stderr[-500:]}")
    started = time.monotonic()
    ref = prepare(args.work, base, args.triples) if args.load_runs or args.ingest_runs else None
    # One random stream per kind, so that a run of one kind alone repeats the same kills.
    loads = (
        load_runs(args.work, base, ref, args.load_runs, random.Random(args.seed))
        if ref and args.load_runs
        else []
    )
    writes = (
        write_runs(args.work, base, args.write_runs, random.Random(args.seed + 1))
        if args.write_runs
        else []
    )
    ingests = (
        ingest_runs(
            args.work, base, ref, args.ingest_runs, random.Random(args.seed + 2), args.batch_size
        )
        if ref and args.ingest_runs
        else []
    )
    runs = loads + writes + ingests
    summary = {
        "runs": len(runs),
        "passed": sum(1 for r in runs if r["passed"]),
        "load_outcomes": {
            o: sum(1 for r in loads if r.get("outcome") == o)
            for o in ("all", "none", "neither", "unopenable")
        },
        "writes_acknowledged": sum(r["acked"] for r in writes),
        "acknowledged_missing": sum(len(r.get("acked_missing", [])) for r in writes),
        "writes_in_flight": sum(r["unacked"] for r in writes),
        "in_flight_present": sum(r.get("unacked_present", 0) for r in writes),
        "ingest_batches_in_at_kill": [r.get("batches_in") for r in ingests],
        "seconds": round(time.monotonic() - started, 1),
    }
    reference = (
        None
        if ref is None
        else {
            "load_seconds": ref.load_seconds,
            "phases": ref.phases,
            "quads_none": ref.expected["none"].quads,
            "quads_all": ref.expected["all"].quads,
        }
    )
    report = {
        "seed": args.seed,
        "triples": args.triples,
        "machine": machine(),
        "reference": reference,
        "summary": summary,
        "load_runs": loads,
        "write_runs": writes,
        "ingest_runs": ingests,
    }
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0 if summary["passed"] == summary["runs"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
