"""``kg export`` of an on-disk store is written as it is read, into a file put in place only
when complete (api.cli_export)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg.store_read
from api.cli import app
from kg.seed import seed_paths
from kg.store import KnowledgeStore

runner = CliRunner()


@pytest.fixture
def disk_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with KnowledgeStore(path) as store:
        store.load(seed_paths())
    return path


def test_a_disk_store_is_exported_without_building_the_document(
        disk_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.store_read, "serialize", None)  # the whole-document writer
    target = tmp_path / "out.nt"
    result = runner.invoke(app, ["export", "--store", str(disk_store), "--no-seed",
                                 "--format", "nt", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    parsed = ox.Store()
    parsed.load(path=str(target), format=ox.RdfFormat.N_TRIPLES)
    with KnowledgeStore(disk_store) as store:
        assert len(parsed) == len({q.triple for q in store.quads()}) > 500
    assert f"wrote {target.stat().st_size:,} bytes" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_export_leaves_the_earlier_file(disk_store: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.nt"
    target.write_bytes(b"earlier\n")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.store_read, "write_store", broken)
    result = runner.invoke(app, ["export", "--store", str(disk_store), "--no-seed",
                                 "--format", "nt", "-o", str(target)])
    assert result.exit_code != 0
    assert "No space left on device" in result.stderr
    assert target.read_bytes() == b"earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nt", "store"]


_KILLED_MID_EXPORT = """
import os, signal, sys, time
from pathlib import Path
import api.cli_export as cli_export

def export_to(target, rdf_format, file, claim=None):
    file.write(b"<a:s> <a:p> <a:o> .\\n" * 1000)
    file.flush()
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    time.sleep(30)  # the signal ends the export here

cli_export.export_to = export_to
cli_export.write_export(None, None, None, Path(sys.argv[1]))
"""


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_an_export_ended_by_a_signal_leaves_no_partial_file(
        tmp_path: Path, name: str, code: int) -> None:
    """``kill``, ``timeout`` or a closed terminal mid-export: the partial file (as large as the
    export had got) was left beside the target, since these signals end Python unwound."""
    import subprocess
    import sys

    target = tmp_path / "out.nt"
    target.write_bytes(b"earlier\n")
    done = subprocess.run([sys.executable, "-c", _KILLED_MID_EXPORT, str(target), name],
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == code, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nt"]
    assert target.read_bytes() == b"earlier\n"
