"""Problems found while compiling a case file, and the helpers that phrase them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from kg.errors import AuthoringError, Location


class CaseCompileError(AuthoringError):
    """A case file with one or more problems; ``problems`` lists all of them, in file order."""

    def __init__(self, problems: Sequence[AuthoringError]) -> None:
        first = problems[0]
        super().__init__(
            first.message,
            location=first.location,
            term=first.term,
            expected=first.expected,
            suggestions=first.suggestions,
        )
        self.problems = list(problems)

    def __str__(self) -> str:
        text = super().__str__()
        more = len(getattr(self, "problems", ())) - 1
        return text + (f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else "")


def loc(source: str, line: int | None = None, column: int | None = None) -> Location:
    return Location(source, line, column)


def position(error: AuthoringError) -> tuple[int, int]:
    return (error.location.line or 0, error.location.column or 0)


def suggest(value: str, options: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(value, list(options), n=2, cutoff=0.6)


__all__ = ["CaseCompileError", "loc", "position", "suggest"]
