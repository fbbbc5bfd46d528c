"""``kg ingest``, in-process: what it prints and its exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.ingest import IngestProgress, ingest_file
from kg.store import KnowledgeStore
from tests.ingest.conftest import E, data_quads, nt_lines

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *args])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_writes_every_batch_and_says_so(write, tmp_path: Path) -> None:
    path = write("a.nt", nt_lines(25, blank_every=5))
    code, out, _ = run(str(path), "--store", str(tmp_path / "db"), "--batch-size", "10")
    assert code == 0
    assert f"{path}: ingested batches 1..3 (25 quads, nt)" in out
    with KnowledgeStore(tmp_path / "db") as store:
        assert len(data_quads(store)) == 25


def test_resume_of_a_file_already_in_does_nothing(write, tmp_path: Path) -> None:
    path = write("a.nt", nt_lines(12))
    store = str(tmp_path / "db")
    assert run(str(path), "--store", store, "--batch-size", "5")[0] == 0
    code, out, _ = run(str(path), "--store", store, "--resume")
    assert code == 0
    assert f"{path}: already in the store (12 quads, 3 batches); nothing to do" in out


def test_a_syntax_error_exits_1_and_says_what_was_loaded(write, tmp_path: Path) -> None:
    lines = nt_lines(12)
    lines[8] = f"<{E}s8> <{E}p>\n"
    bad, after = write("bad.nt", lines), write("after.nt", nt_lines(2))
    code, _, err = run(str(bad), str(after), "--store", str(tmp_path / "db"), "--batch-size", "4")
    assert code == 1
    assert (
        f"error: {bad}: loaded batches 1..2 (8 quads); stopped at {bad}:9:37: invalid "
        "N-Triples: line jumps are not allowed"
    ) in err
    assert f"not ingested: {after}" in err
    with KnowledgeStore(tmp_path / "db") as store:
        assert len(data_quads(store)) == 8


def test_shape_violations_with_validate_exit_1_and_keep_the_data(write) -> None:
    cred = "https://w3id.org/cred-kg/ns#"
    path = write(
        "c.nt", f"<{E}c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{cred}FactualClaim> .\n"
    )
    code, out, err = run(str(path), "--validate")
    assert code == 1
    assert "ingested batches 1..1 (1 quad, nt) in" in out and out.rstrip().endswith("; 1 new quad")
    assert "1 SHACL violation(s)" in err and "the data stays loaded" in err


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "missing.nt"))
    assert code == 2 and "no such file" in err


def test_a_format_that_cannot_be_streamed_exits_2(write) -> None:
    code, _, err = run(str(write("a.jsonld", "{}")))
    assert code == 2 and "cannot be ingested in batches" in err


def test_a_store_that_cannot_be_opened_exits_3(write, tmp_path: Path) -> None:
    not_a_store = write("file.txt", "x")
    code, _, err = run(str(write("a.nt", nt_lines(1))), "--store", str(not_a_store))
    assert code == 3 and "is not a directory" in err


def test_ctrl_c_exits_130_and_names_the_committed_batches(
    write, tmp_path: Path, monkeypatch
) -> None:
    import kg.ingest

    real = kg.ingest.line_batches

    def two_then_ctrl_c(*args, **kwargs):  # type: ignore[no-untyped-def]
        for count, batch in enumerate(real(*args, **kwargs)):
            if count == 2:
                raise KeyboardInterrupt
            yield batch

    monkeypatch.setattr(kg.ingest, "line_batches", two_then_ctrl_c)
    path, store = write("a.nt", nt_lines(30)), str(tmp_path / "db")
    code, _, err = run(str(path), "--store", store, "--batch-size", "10")
    assert code == 130
    assert (
        f"interrupted: {path}: batches 1..2 are in the store (20 quads); rerun with --resume" in err
    )
    monkeypatch.setattr(kg.ingest, "line_batches", real)
    code, out, _ = run(str(path), "--store", store, "--batch-size", "10", "--resume")
    assert code == 0 and "ingested batches 3..3 (10 quads" in out


def test_help_states_the_library_default_batch_size() -> None:
    from kg.ingest import DEFAULT_BATCH_SIZE, DISK_BATCH_SIZE, FIRST_BATCH_FRACTION

    result = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"})
    expected = (f"[default: {DEFAULT_BATCH_SIZE:,}; {DISK_BATCH_SIZE:,} into an on-disk store; "
                f"the first batch of lines {FIRST_BATCH_FRACTION} times smaller]")
    assert expected in " ".join(result.stdout.split())


def test_a_rerun_and_an_overlapping_file_say_how_many_quads_were_new(write, tmp_path) -> None:
    first = write("a.nt", nt_lines(25))
    overlapping = write("b.nt", [line.replace('> "', '> "b') for line in nt_lines(10)]
                        + nt_lines(25)[15:])  # 10 quads of its own, then a.nt's last 10
    store = str(tmp_path / "db")
    _, out, _ = run(str(first), "--store", store, "--batch-size", "10")
    assert out.strip().endswith("; 25 new quads")
    _, out, _ = run(str(first), "--store", store, "--batch-size", "10")
    assert "(25 quads, nt)" in out
    assert "; nothing new: all 25 quads were already in the store" in out
    _, out, _ = run(str(overlapping), "--store", store)
    assert "(20 quads, nt)" in out and "; 10 new quads (10 already in the store)" in out
    with KnowledgeStore(tmp_path / "db") as held:
        assert len(data_quads(held)) == 35


def _stats(store: Path) -> dict[str, int]:
    """`kg stats`'s table as {row: count}."""
    result = runner.invoke(app, ["stats", "--store", str(store)])
    assert result.exit_code == 0, result.stdout + result.stderr
    rows = re.findall(r"│ (\S[^│]*?)\s+│ ([\d,]+)\s+│", result.stdout)
    return {name: int(count.replace(",", "")) for name, count in rows}


def test_stats_count_the_same_data_after_an_interrupted_and_resumed_ingest(
    write, tmp_path: Path
) -> None:
    path = write("a.nt", nt_lines(40, blank_every=6))
    clean, resumed = tmp_path / "clean", tmp_path / "resumed"
    assert run(str(path), "--store", str(clean))[0] == 0

    def interrupt(event: IngestProgress) -> None:
        if event.batch == 2:
            raise KeyboardInterrupt

    with KnowledgeStore(resumed) as store, pytest.raises(KeyboardInterrupt):
        ingest_file(store, path, batch_size=3, progress=interrupt)
    code, out, _ = run(str(path), "--store", str(resumed), "--resume")
    # (on disk two batches are written at once: the interrupted run left two or three)
    found = re.search(r"\(([\d,]+) quads, nt\).*; ([\d,]+) new quads; skipped batches "
                      r"1\.\.\d+ \(([\d,]+) quads\)", out)
    assert code == 0 and found, out
    read, new, skipped = (int(n) for n in found.groups())
    assert new == read == 40 - skipped and skipped in (6, 9)
    with KnowledgeStore(clean) as one, KnowledgeStore(resumed) as other:
        # The progress records differ (two runs, different batches), the data does not.
        assert len(one) != len(other)
        assert len(data_quads(one)) == len(data_quads(other)) == 40
    stats = _stats(clean), _stats(resumed)
    assert stats[0]["quads"] == stats[1]["quads"] == 40
    assert stats[0]["ingest records (quads, not data)"] > 0
    assert stats[1]["ingest records (quads, not data)"] > 0


def _writes_fail_after(monkeypatch, good: int) -> None:
    """The store's writes fail after ``good`` batches, as when a server crashes mid-ingest
    (one writer, so which batches are in is certain)."""
    import kg.ingest
    from kg.errors import StoreError

    real = kg.ingest._writer

    def failing_writer(store):  # type: ignore[no-untyped-def]
        write, done = real(store), []

        def write_or_fail(batch, records):  # type: ignore[no-untyped-def]
            if batch is not None and len(done) == good:
                raise StoreError("write failed: cannot reach the SPARQL endpoint (test)")
            write(batch, records)
            done.append(batch is not None)

        return write_or_fail

    monkeypatch.setattr(kg.ingest, "_writer", failing_writer)
    monkeypatch.setattr(kg.ingest, "writers", lambda store: 1)


def test_a_failed_write_names_the_committed_batches_and_resume(
    write, tmp_path: Path, monkeypatch
) -> None:
    path, store = write("a.nt", nt_lines(30)), str(tmp_path / "db")
    other = write("b.nt", nt_lines(3))
    with monkeypatch.context() as patch:
        _writes_fail_after(patch, good=2)
        code, _, err = run(str(path), str(other), "--store", store, "--batch-size", "10")
    assert code == 3
    assert "error: write failed: cannot reach the SPARQL endpoint (test)" in err
    assert (
        f"stopped: {path}: batches 1..2 are in the store (20 quads); "
        "rerun with --resume to continue" in err
    )
    assert f"not ingested: {other}" in err
    code, out, _ = run(str(path), "--store", store, "--batch-size", "10", "--resume")
    assert code == 0 and "ingested batches 3..3 (10 quads" in out


def test_a_store_gone_with_the_write_is_described_by_the_last_committed_batch(
    write, tmp_path: Path, monkeypatch
) -> None:
    import kg.ingest.records
    from kg.errors import StoreError

    def unreachable(store, sha256):  # type: ignore[no-untyped-def]
        raise StoreError("cannot reach the SPARQL endpoint (test)")

    path = write("a.nt", nt_lines(30))
    _writes_fail_after(monkeypatch, good=1)
    monkeypatch.setattr(kg.ingest.records, "committed", unreachable)
    code, _, err = run(str(path), "--store", str(tmp_path / "db"), "--batch-size", "10")
    assert code == 3
    assert f"stopped: {path}: batches 1..1 are in the store (10 quads); rerun with --resume" in err


def test_a_failed_write_before_any_batch_or_in_memory_gives_no_resume_hint(
    write, tmp_path: Path, monkeypatch
) -> None:
    path = write("a.nt", nt_lines(30))
    _writes_fail_after(monkeypatch, good=0)
    code, _, err = run(str(path), "--store", str(tmp_path / "db"), "--batch-size", "10")
    assert code == 3 and "write failed" in err and "--resume" not in err
    monkeypatch.undo()
    _writes_fail_after(monkeypatch, good=2)
    code, _, err = run(str(path), "--batch-size", "10")  # in memory: nothing to resume
    assert code == 3 and "write failed" in err and "--resume" not in err
