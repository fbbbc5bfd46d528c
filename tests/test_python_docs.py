"""docs/python.md, the guide to the Python API: every example runs and prints what it shows.

The guide's examples are doctests on the seed case. They name the user's own files by relative
paths ("my-case.yaml", "./store"), so they run in a temporary directory where the test case
(port-fire) stands for the user's file, as in tests/test_readme.py. The last section, on a
SPARQL server, runs apart against ``oxigraph serve`` (the ``oxigraph_endpoint`` fixture, which
skips when the command is missing), so that the rest runs everywhere.
"""

from __future__ import annotations

import doctest
import io
import re
from pathlib import Path

import pytest

from kg.backends import open_store

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "python.md"
REMOTE_HEADING = "\n## On a SPARQL server\n"
#: The URL the guide shows; the test puts the endpoint it started in its place.
REMOTE_URL = "http://127.0.0.1:7878/query"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _examples(text: str) -> str:
    """The guide's code blocks, every other line blanked: doctest then reads a block's end as
    the end of its last output (not the fence as more output), and reports the guide's own
    line numbers."""
    lines, inside = [], False
    for line in text.splitlines():
        fence = line.startswith("```")
        inside = inside != fence  # a fence opens or closes a block
        lines.append(line if inside and not fence else "")
    return "\n".join(lines) + "\n"


def _parts() -> tuple[str, str]:
    """The guide's examples before its last section, and those of that section (the
    server's), each with the other part's lines blanked."""
    text = _text()
    cut = text.index(REMOTE_HEADING)
    assert "\n## " not in text[cut + 1:], "the server's section must stay the guide's last"
    local, remote = text[:cut], text[cut:]
    return _examples(local), _examples("\n" * local.count("\n") + remote)


def _run(text: str, name: str) -> int:
    """Run the examples of ``text``; fail with doctest's report if any fails. Returns how many
    examples ran."""
    test = doctest.DocTestParser().get_doctest(text, {}, name, str(GUIDE), 0)
    out = io.StringIO()
    result = doctest.DocTestRunner(optionflags=FLAGS).run(test, out=out.write)
    assert result.failed == 0, out.getvalue()
    return result.attempted


def test_every_code_block_is_a_doctest() -> None:
    blocks = re.findall(r"```(\w*)\n(.*?)```", _text(), flags=re.S)
    assert blocks
    for language, body in blocks:
        assert language == "python" and body.startswith(">>> "), body[:80]


def test_guide_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-case.yaml").write_bytes(
        (ROOT / "tests" / "data" / "cases" / "port-fire.yaml").read_bytes())
    local, _ = _parts()
    assert _run(local, "docs/python.md") >= 40


def test_guide_server_example_runs(oxigraph_endpoint: str) -> None:
    _, remote = _parts()
    assert REMOTE_URL in remote
    with open_store(oxigraph_endpoint) as store:  # the session's server: start it empty
        store.clear()
    try:
        assert _run(remote.replace(REMOTE_URL, oxigraph_endpoint),
                    "docs/python.md, on a SPARQL server") >= 5
    finally:
        with open_store(oxigraph_endpoint) as store:
            store.clear()


def test_readme_links_the_guide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "[docs/python.md](docs/python.md)" in readme
