"""The error hierarchy of the core. Every message names the place: file, line, column, term.

The shells (CLI, API) map these to exit codes and one JSON error shape; they never show a
Python traceback or an exception that is not one of these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


class KgError(Exception):
    """Base of every error the core raises on purpose."""


@dataclass(frozen=True)
class Location:
    """Where in an input a problem is: file (or a name for in-memory input), line, column.

    Lines and columns count from 1; ``None`` where unknown.
    """

    source: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.source
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class InputError(KgError):
    """Bad input: the message says where, what was wrong and what was expected.

    Attributes:
        location: file, line and column of the problem.
        term: the field, term or construct at fault (``"stance"``, ``"@context"``).
        expected: what would have been valid, in words.
        suggestions: close valid values, best first ("did you mean ...").
    """

    def __init__(
        self,
        message: str,
        *,
        location: Location,
        term: str | None = None,
        expected: str | None = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        self.message = message
        self.location = location
        self.term = term
        self.expected = expected
        self.suggestions = tuple(suggestions)
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"{self.location}: "]
        if self.term:
            parts.append(f"{self.term}: ")
        parts.append(self.message)
        if self.expected:
            parts.append(f"; expected {self.expected}")
        if self.suggestions:
            parts.append(f" (did you mean {' or '.join(repr(s) for s in self.suggestions)}?)")
        return "".join(parts)

    def to_dict(self) -> dict[str, object]:
        """A plain form for JSON error bodies."""
        return {
            "source": self.location.source,
            "line": self.location.line,
            "column": self.location.column,
            "term": self.term,
            "message": self.message,
            "expected": self.expected,
            "suggestions": list(self.suggestions),
        }


class AuthoringError(InputError):
    """An error in a case file of the authoring format (YAML)."""


class RdfSyntaxError(InputError):
    """An RDF file that does not parse."""


class IllTypedLiteralError(InputError):
    """A literal whose lexical form does not fit its datatype (``"x"^^xsd:integer``)."""


class UnsafeInputError(InputError):
    """Input refused for safety: a remote context, an external entity, an entity bomb."""


class LimitExceededError(UnsafeInputError):
    """Input over a configured size limit (file size, literal length, triple count)."""


class UnsupportedFormatError(InputError):
    """A file whose format cannot be told from its name, or that we cannot read."""


@dataclass(frozen=True)
class ShapeViolation:
    """One SHACL result: the node at fault, the property path, the message, the shape."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        return f"{where}: {self.message}"


@dataclass
class ShapeValidationError(KgError):
    """Data that parses but does not conform to the SHACL shapes (``ontology/shapes.ttl``)."""

    source: str
    violations: list[ShapeViolation] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [f"{self.source}: {len(self.violations)} SHACL violation(s)"]
        lines += [f"  - {v}" for v in self.violations[:50]]
        if len(self.violations) > 50:
            lines.append(f"  ... and {len(self.violations) - 50} more")
        return "\n".join(lines)


class StoreError(KgError):
    """The store cannot be opened or written (path missing, locked, not an Oxigraph store)."""


class StoreInUseError(StoreError):
    """The on-disk store is already open (RocksDB locks it: one opener at a time); ``path`` is
    the store's directory.

    ``in_this_process``: the opener is another :class:`kg.store.KnowledgeStore` of this very
    process, which only a Python program can do; a ``kg`` command never holds a store that
    another of its own opens, so what it meets is another process.
    """

    def __init__(self, path: Path, *, in_this_process: bool = False) -> None:
        if in_this_process:
            message = (
                f"{path}: the store is already open in this process (another KnowledgeStore "
                "on the same directory); use that one, or close it first"
            )
        else:
            message = (
                f"{path}: the store is open in another process: a running `kg serve` or "
                "another `kg` command (an ingest, a load), and an on-disk store can be open "
                "in one process at a time: wait for that command to finish, or stop it "
                "(Ctrl-C where it runs)"
            )
        super().__init__(message)
        self.path = path
        self.in_this_process = in_this_process


__all__ = [
    "AuthoringError",
    "IllTypedLiteralError",
    "InputError",
    "KgError",
    "LimitExceededError",
    "Location",
    "RdfSyntaxError",
    "ShapeValidationError",
    "ShapeViolation",
    "StoreError",
    "StoreInUseError",
    "UnsafeInputError",
    "UnsupportedFormatError",
]
