"""Every setting is documented in docs/settings.md and has a `kg serve` flag."""

from __future__ import annotations

import os
import re
from pathlib import Path

import annotated_types
import pytest
import typer.main

from api.cli import app
from api.settings import Settings
from kg.methods import METHOD_NAMES

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text(encoding="utf-8")
# Settings whose command-line form is not --name-of-the-field.
SPECIAL_FLAGS = {"data": None, "seed": "--no-seed", "cors_origins": "--cors-origin"}


def _serve_flags() -> set[str]:
    command = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    flags = set()
    for param in command.params:
        flags.update(param.opts)
        flags.update(getattr(param, "secondary_opts", []))
    return flags


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_is_documented(name: str) -> None:
    row = next((line for line in DOCS.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"docs/settings.md has no row for {name}"
    assert f"`KG_{name.upper()}`" in row
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == 5 and all(cells), row


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_setting_has_a_serve_flag(name: str) -> None:
    command = typer.main.get_command(app).commands["serve"]  # type: ignore[attr-defined]
    if name == "data":
        assert any(p.name == "files" for p in command.params)
        return
    flag = SPECIAL_FLAGS.get(name) or f"--{name.replace('_', '-')}"
    assert flag in _serve_flags()


def test_docs_list_no_setting_that_does_not_exist() -> None:
    documented = set(re.findall(r"^\| `([a-z_]+)` \| `KG_", DOCS, flags=re.MULTILINE))
    assert documented == set(Settings.model_fields)


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_QUERY_TIMEOUT", "2.5")
    monkeypatch.setenv("KG_CORS_ORIGINS", '["https://analyst.example"]')
    monkeypatch.setenv("KG_WRITES_ENABLED", "true")
    settings = Settings()
    assert settings.query_timeout == 2.5
    assert settings.cors_origins == ["https://analyst.example"]
    assert settings.writes_enabled and not settings.writes_active  # no token: still off


@pytest.mark.parametrize(("value", "files"), [
    ("case.yaml", ["case.yaml"]),
    (f"a.yaml{os.pathsep}b.ttl", ["a.yaml", "b.ttl"]),
    ('["a.yaml", "b.ttl"]', ["a.yaml", "b.ttl"]),
])
def test_kg_data_takes_a_path_a_path_list_or_json(
        monkeypatch: pytest.MonkeyPatch, value: str, files: list[str]) -> None:
    monkeypatch.setenv("KG_DATA", value)  # (a plain path was refused: "error parsing value")
    assert Settings().data == [Path(f) for f in files]


def test_safe_defaults() -> None:
    settings = Settings()
    assert settings.host == "127.0.0.1"
    assert not settings.writes_active and settings.cors_origins == []
    assert 0 < settings.query_timeout <= 10 and settings.max_results <= 100_000


@pytest.mark.parametrize("bad", [{"query_timeout": 0}, {"method": "guessing"},
                                 {"worker_memory_mb": 10}, {"port": 70000},
                                 {"log_level": "loud"}])
def test_bad_values_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Settings(**bad)


def _meaning(name: str) -> str:
    row = next(line for line in DOCS.splitlines() if line.startswith(f"| `{name}` |"))
    return row.strip("|").split("|")[4]


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_bound_of_a_setting_is_documented(name: str) -> None:
    """kg serve refuses a value out of range; the table says what the range is (it gave no
    bound but worker_memory_mb's, so --max-request-bytes 100 was a surprise)."""
    meaning = _meaning(name)
    for bound in Settings.model_fields[name].metadata:
        if isinstance(bound, annotated_types.Ge):
            assert re.search(rf"(At least|From) {bound.ge}\b|\b{bound.ge} to", meaning), meaning
        elif isinstance(bound, annotated_types.Gt):
            assert re.search(rf"More than {bound.gt}\b", meaning), meaning
        elif isinstance(bound, annotated_types.Le):
            assert re.search(rf"(at most|to) {bound.le}\b", meaning), meaning


def test_the_methods_are_listed() -> None:
    assert all(f"`{name}`" in _meaning("method") for name in METHOD_NAMES)
