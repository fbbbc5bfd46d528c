"""pydantic's size and bound errors come out in the authoring format's words, with the file,
line, column and field that every other authoring error has."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from kg.authoring import CaseCompileError, compile_case_text
from kg.authoring.bounds import bound_message

CASE = """\
format: cred-kg/1
document:
  id: doc-a
actors:
  - id: intel
    name: Signals Directorate
    kind: IntelligenceAgency
  - id: minister
    name: Tomas Reker
    kind: Person
independence:
  - actors: [intel, minister]
    independent: true
    reason: Collected and assessed separately.
extend:
  actor_kinds:
    - id: Watchdog
      parent: Organization
      reliability_prior: 0.5
"""

# (name, edit to CASE, line, column, field, message)
CASES = [
    ("override of one actor", ("[intel, minister]", "[intel]"), 12, 13, "independence[0].actors",
     "an independence override needs at least 2 actors, got 1"),
    ("override of no actor", ("[intel, minister]", "[]"), 12, 13, "independence[0].actors",
     "an independence override needs at least 2 actors, got 0"),
    ("empty name", ("name: Tomas Reker", 'name: ""'), 9, 11, "actors[1].name",
     "an actor's name must not be empty"),
    ("empty document title", ("  id: doc-a\n", '  id: doc-a\n  title: ""\n'), 4, 10,
     "document.title", "the document's title must not be empty"),
    ("prior above one", ("reliability_prior: 0.5", "reliability_prior: 1.5"), 19, 26,
     "extend.actor_kinds[0].reliability_prior",
     "an actor kind's reliability_prior must be at most 1, got 1.5"),
]


@pytest.mark.parametrize(("edit", "line", "column", "term", "message"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_size_errors_are_worded_for_authors(
    edit: tuple[str, str], line: int, column: int, term: str, message: str
) -> None:
    old, new = edit
    assert old in CASE
    with pytest.raises(CaseCompileError) as caught:
        compile_case_text(CASE.replace(old, new, 1), source="case.yaml")
    (problem,) = caught.value.problems
    assert str(problem) == f"case.yaml:{line}:{column}: {term}: {message}"
    assert "should have" not in str(problem) and "Input should" not in str(problem)


def test_the_command_line_shows_the_worded_message(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE.replace("[intel, minister]", "[intel]"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(case)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"error: {case}:12:13: independence[0].actors: an "
                                     "independence override needs at least 2 actors, got 1")


@pytest.mark.parametrize(("kind", "loc", "ctx", "value", "message"), [
    # limits the schema does not use today, worded the same way
    ("too_long", ("actors", 0, "aliases"), {"max_length": 3, "actual_length": 5}, list("abcde"),
     "an actor takes at most 3 aliases, got 5"),
    ("too_short", ("claims", 2, "refines"), {"min_length": 1, "actual_length": 0}, [],
     "a claim needs at least 1 claim, got 0"),
    ("too_short", ("notes",), {"min_length": 2, "actual_length": 1}, ["x"],
     "notes needs at least 2 entries, got 1"),
    ("string_too_long", ("statements", 0, "quote"), {"max_length": 5}, "too long",
     "a statement's quote takes at most 5 characters, got 8"),
    ("string_too_short", ("claims", 0, "text"), {"min_length": 3}, "ab",
     "a claim's text needs at least 3 characters, got 2"),
    ("greater_than_equal", ("extend", "actor_kinds", 0, "reliability_prior"), {"ge": 0.0}, -1,
     "an actor kind's reliability_prior must be at least 0, got -1"),
    ("string_type", ("claims", 0, "text"), {}, 3, None),  # not a size: pydantic's words stay
])
def test_bound_message(kind: str, loc: tuple[Any, ...], ctx: dict[str, Any], value: object,
                       message: str | None) -> None:
    assert bound_message(kind, loc, ctx, value) == message
