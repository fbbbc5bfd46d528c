"""Shared pieces of the reliability runs: the ``kg`` command, a ``kg serve`` process that can be
killed with SIGKILL, and a digest of what a store holds.

Everything runs the real command line (``.venv/bin/kg``, or ``python -m api.cli`` beside the
interpreter) in child processes, because a crash test must kill a whole process, not a thread.
"""

from __future__ import annotations

import hashlib
import os
import platform
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "ontology" / "cases" / "nk-troops-russia.yaml"
SYNTH = ROOT / "benchmarks" / "synth.py"
ANALYSIS_GRAPH = "https://w3id.org/cred-kg/analysis"
#: ``kg ingest``'s progress records (kg/ingest/records.py): bookkeeping, not data.
INGEST_GRAPH = "https://w3id.org/cred-kg/ingest"
TOKEN = "reliability-run-token"  # a throwaway token for servers this harness starts


def kg_command() -> list[str]:
    """The ``kg`` entry point of the interpreter running this script."""
    script = Path(sys.executable).with_name("kg")
    return (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "from api.cli import main; main()"]
    )


def run_kg(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``kg ARGS`` to the end; the caller checks the exit code."""
    return subprocess.run(
        [*kg_command(), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def corroborate_json(store: Path) -> str:
    """``kg corroborate --store STORE --format json``: the analysis answers, as printed."""
    done = run_kg("corroborate", "--store", str(store), "--format", "json")
    if done.returncode != 0:
        raise RuntimeError(
            f"kg corroborate on {store} failed ({done.returncode}): {done.stderr.strip()[-500:]}"
        )
    return done.stdout


def synthesise(path: Path, triples: int, seed: int = 7) -> None:
    """Write ``benchmarks/synth.py`` data of about ``triples`` triples to ``path``."""
    subprocess.run(
        [
            sys.executable,
            str(SYNTH),
            "--triples",
            str(triples),
            "--seed",
            str(seed),
            "-o",
            str(path),
        ],
        check=True,
        capture_output=True,
    )


@dataclass(frozen=True)
class Digest:
    """What a store holds outside the analysis graph: counts and a hash of the sorted quads."""

    quads: int
    graphs: frozenset[str]
    sha256: str
    blank_nodes: int


def data_lines(path: Path) -> tuple[list[str], frozenset[str]]:
    """Open the store at ``path`` (which must not be open elsewhere); its data quads as sorted
    N-Quads lines, and its named graphs.

    The analysis graph (derived, rewritten by the server at start-up) and the ingest's
    progress records are left out.
    """
    import pyoxigraph as ox

    from kg.store import KnowledgeStore

    skip = {ox.NamedNode(ANALYSIS_GRAPH), ox.NamedNode(INGEST_GRAPH)}
    with KnowledgeStore(path) as store:
        lines = sorted(str(q) for q in store.quads() if q.graph_name not in skip)
        graphs = frozenset(
            g.value
            for g in store.oxigraph.named_graphs()
            if isinstance(g, ox.NamedNode) and g not in skip
        )
    return lines, graphs


def digest_of(lines: list[str], graphs: frozenset[str]) -> Digest:
    """Quads compared as N-Quads text: exact when there are no blank nodes (the count is
    returned so that a caller can check)."""
    blank = sum(line.count("_:") for line in lines)
    sha = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Digest(len(lines), graphs, sha, blank)


def store_digest(path: Path) -> Digest:
    """:func:`data_lines`, digested."""
    return digest_of(*data_lines(path))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A ``kg serve`` child process."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def kill9(self) -> None:
        """SIGKILL the server. Its query workers exit when their input pipe closes."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop it as an operator would (SIGTERM, then SIGKILL after 30 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill9()


def start_server(store: Path, log: Path, *args: str, timeout: float = 120) -> Server:
    """Start ``kg serve --store STORE`` with writes on, and wait until ``/status`` answers."""
    port = free_port()
    env = {**os.environ, "KG_WRITES_ENABLED": "true", "KG_WRITE_TOKEN": TOKEN}
    with log.open("ab") as sink:
        process = subprocess.Popen(
            [
                *kg_command(),
                "serve",
                "--store",
                str(store),
                "--port",
                str(port),
                "--log-level",
                "warning",
                *args,
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve on {store} exited with {process.returncode}; see {log}")
        try:
            if httpx.get(f"{server.url}/status", timeout=5).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.kill9()
    raise RuntimeError(f"kg serve on {store} did not answer within {timeout} s; see {log}")


@contextmanager
def serving(store: Path, log: Path, *args: str) -> Iterator[Server]:
    """``start_server`` as a context: stopped (SIGTERM) at the end, whatever happens."""
    server = start_server(store, log, *args)
    try:
        yield server
    finally:
        server.stop()


def machine() -> dict[str, object]:
    """The machine the figures were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # The load average says how busy the machine was with other work during the run.
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_1_5_15": os.getloadavg(),
    }


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
