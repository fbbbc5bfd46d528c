"""The README's claims: its two set-up commands, its links, and its tour commands work."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, flags=re.S)


def test_readme_opens_with_exactly_two_setup_commands() -> None:
    setup = README.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    blocks = _code_blocks(setup)
    assert len(blocks) == 2
    main, tests = (b.strip() for b in blocks)
    assert main.endswith("kg serve")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    setup = README.split("## Set up on a fresh machine", 1)[1]
    test_command = _code_blocks(setup)[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_every_relative_link_resolves() -> None:
    for document in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = document.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            assert (document.parent / target).exists(), f"{document.name}: {target}"


def _tour_commands() -> list[list[str]]:
    tour = README.split("## A five-minute tour of the seed case", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in _code_blocks(tour):
        for line in block.splitlines():
            for command in line.split("  #", 1)[0].split("&&"):
                command = command.strip()
                if command.startswith("kg ") and not command.startswith("kg serve"):
                    commands.append(shlex.split(command)[1:])
    return commands


@pytest.mark.parametrize("args", _tour_commands(), ids=" ".join)
def test_tour_command_runs(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for i, arg in enumerate(args):
        if arg.endswith((".txt", ".html")):  # an article, named from the repository root
            article = (ROOT / arg).resolve()
            if not article.is_file():
                pytest.skip(f"{arg} is not there (the seed article is kept outside the "
                            "repository)")
            args = [*args[:i], str(article), *args[i + 1:]]
    files = [a for a in args if a.endswith((".yaml", ".ttl"))]
    for name in files:  # the tour's own case files stand for the user's: use the test case
        (tmp_path / name).write_bytes(
            (ROOT / "tests" / "data" / "cases" / "port-fire.yaml").read_bytes())
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.strip() or (tmp_path / "graph.html").exists()


def _curl_urls() -> list[str]:
    api = README.split("### The query API and the graph view", 1)[1].split("\n## ", 1)[0]
    return [m for block in _code_blocks(api)
            for m in re.findall(r"curl -s '?(http://127\.0\.0\.1:8000/[^' ]*)'?\s*(?:#|$)",
                                block, flags=re.M)]


def test_the_tour_has_curl_examples() -> None:
    assert len(_curl_urls()) >= 4


@pytest.mark.parametrize("url", _curl_urls())
def test_tour_url_answers_on_the_seed_case(url: str) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app()) as client:
        response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert response.json()
