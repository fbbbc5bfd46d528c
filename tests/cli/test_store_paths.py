"""A ``--store`` value that is neither memory, an http(s) URL nor a usable directory: the
message names the mistake (a mistyped scheme, a missing parent), not RocksDB's mkdir error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import EXIT_STORE, app
from kg.backends import open_store
from kg.errors import StoreError


@pytest.mark.parametrize("command", [["stats"], ["ingest", "--batch-size", "10"]])
def test_a_url_of_another_scheme_is_named_as_such(command: list[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where "htp:/..." would have been created
    data = tmp_path / "a.nt"
    data.write_text("<https://example.org/a> <https://example.org/p> \"x\" .\n",
                    encoding="utf-8")
    files = [str(data)] if command[0] == "ingest" else []
    result = CliRunner().invoke(app, [*command, *files, "--store",
                                      "htp://127.0.0.1:8841/query"])
    assert result.exit_code == EXIT_STORE
    assert ("htp://127.0.0.1:8841/query: not a URL this tool opens (http or https) "
            "nor a directory") in result.stderr
    assert "IO error" not in result.stderr and "mkdir" not in result.stderr
    assert not (tmp_path / "htp:").exists()


def test_a_directory_whose_parent_is_missing_is_named(tmp_path: Path) -> None:
    store = tmp_path / "nonexistent" / "x" / "y"
    result = CliRunner().invoke(app, ["stats", "--store", str(store)])
    assert result.exit_code == EXIT_STORE
    assert (f"{store.parent}: no such directory; create it first or give an existing parent"
            in result.stderr)
    assert "IO error" not in result.stderr and "mkdir" not in result.stderr


def test_a_parent_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(StoreError, match=r"file: is not a directory; create it first"):
        open_store(str(tmp_path / "file" / "store"))


def test_a_new_store_in_an_existing_directory_is_still_created(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "new")) as store:
        assert store.kind == "disk" and len(store) == 0
    assert (tmp_path / "new").is_dir()
