"""An ingest killed with SIGKILL mid-way, then resumed, gives exactly a clean ingest's store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg.ingest import ingest_file
from kg.store import KnowledgeStore
from tests.ingest.conftest import data_quads, nt_lines

ROOT = Path(__file__).resolve().parents[2]

# The child ingests slowly (a pause after each committed batch) and says when each batch is
# in, so that the parent can kill it part-way, during a later batch or between two.
CHILD = textwrap.dedent("""
    import sys, time
    from kg.ingest import ingest_file
    from kg.store import KnowledgeStore

    def progress(event):
        print(event.batch, flush=True)
        time.sleep(0.05)

    store = KnowledgeStore(sys.argv[1])
    ingest_file(store, sys.argv[2], batch_size=int(sys.argv[3]), resume=True, progress=progress)
    store.close()
    print("done", flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize(
    "name, lines",
    [
        ("dump.nt", nt_lines(3000, blank_every=50)),
        ("dump.nq", [line.replace(" .\n", " <https://e.org/g> .\n") for line in nt_lines(3000)]),
    ],
)
def test_killed_then_resumed_equals_a_clean_ingest(
    tmp_path: Path, name: str, lines: list[str]
) -> None:
    data = tmp_path / name
    data.write_text("".join(lines), encoding="utf-8")
    target = tmp_path / "store"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), str(data), "100"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    seen = [child.stdout.readline().strip() for _ in range(6)]  # batches 0 (start) to 5
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert seen == ["0", "1", "2", "3", "4", "5"] and child.returncode == -signal.SIGKILL

    with KnowledgeStore(target) as store:
        partial = len(data_quads(store))
        assert 500 <= partial < 3000
        assert partial % 100 == 0  # whole batches only
        report = ingest_file(store, data, batch_size=100, resume=True)
        assert report.skipped_quads == partial and report.first_batch == partial // 100 + 1
        assert report.complete and report.total_quads == 3000
        resumed, resumed_size = data_quads(store), len(store)
    clean = KnowledgeStore()
    ingest_file(clean, data, batch_size=100)
    assert resumed == data_quads(clean)
    assert len(resumed) == 3000
    # In the .nt file, 60 lines across 30 batches refer to one blank node: still one.
    assert len({q.split()[2] for q in resumed if "_:" in q}) == (1 if name == "dump.nt" else 0)
    assert resumed_size == len(clean)  # no duplicate: neither data nor bookkeeping
