"""pydantic's errors about sizes and bounds, in the words of the authoring format.

pydantic says "List should have at least 2 items after validation, not 1"; an author reads
"an independence override needs at least 2 actors, got 1". The field's place (file, line,
column, dotted path) is added by :mod:`kg.authoring.structure`, as for every other error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sized
from typing import Any

#: What one entry of each list of a case file is, by the list's key.
_ENTRY = {
    "actors": "an actor",
    "claims": "a claim",
    "statements": "a statement",
    "evidence": "an evidence item",
    "independence": "an independence override",
    "comment_requests": "a comment request",
    "relay": "a relay step",
    "actor_kinds": "an actor kind",
    "evidence_kinds": "an evidence kind",
    "settings": "a setting",
}

#: What the items of a list field are (singular), by the field's key.
_ITEM = {
    "actors": "actor",
    "aliases": "alias",
    "claims": "claim",
    "statements": "statement",
    "evidence": "evidence item",
    "independence": "independence override",
    "comment_requests": "comment request",
    "relay": "relay step",
    "refines": "claim",
    "contradicts": "claim",
    "supports": "claim",
    "disputes": "claim",
    "cited_by": "actor",
    "actor_kinds": "actor kind",
    "evidence_kinds": "evidence kind",
    "settings": "setting",
}

#: pydantic's number bounds (its error types), as words.
_BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
}


def bound_message(
    kind: str, loc: tuple[Any, ...], ctx: Mapping[str, Any], value: object
) -> str | None:
    """The message for a pydantic size or bound error, or ``None`` for other kinds.

    Args:
        kind: the pydantic error type (``"too_short"``).
        loc: the field's path in the document (keys and list indices, no pydantic tags).
        ctx: the error's context (``{"min_length": 2, "actual_length": 1}``).
        value: the value that was refused.

    Example:
        >>> bound_message("too_short", ("independence", 0, "actors"),
        ...               {"min_length": 2, "actual_length": 1}, ["x"])
        'an independence override needs at least 2 actors, got 1'
        >>> bound_message("string_too_short", ("actors", 3, "name"), {"min_length": 1}, "")
        "an actor's name must not be empty"
    """
    field = str(loc[-1]) if loc else "the case file"
    owner = _owner(loc)
    if kind in ("too_short", "too_long"):
        limit = ctx["min_length" if kind == "too_short" else "max_length"]
        actual = ctx.get("actual_length", _length(value))
        subject = owner or field
        noun = _ITEM.get(field, "entry")
        what = f"{limit} {_plural(noun, limit)}"
        got = f", got {actual}" if actual is not None else ""
        if kind == "too_short":
            return f"{subject} needs at least {what}{got}"
        return f"{subject} takes at most {what}{got}"
    subject = f"{owner}'s {field}" if owner else field
    if kind == "string_too_short":
        limit = ctx["min_length"]
        if limit == 1:
            return f"{subject} must not be empty"
        return f"{subject} needs at least {limit} characters, got {_length(value)}"
    if kind == "string_too_long":
        return f"{subject} takes at most {ctx['max_length']} characters, got {_length(value)}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"{subject} must be {words} {ctx[key]:g}, got {value}"
    return None


def _owner(loc: tuple[Any, ...]) -> str | None:
    """The entry that holds the field at ``loc``: ``("independence", 0, "actors")`` is a field
    of an independence override; ``("document", "title")`` of the document."""
    for index in range(len(loc) - 2, -1, -1):
        part = loc[index]
        if isinstance(part, int) and index > 0:
            return _ENTRY.get(str(loc[index - 1]))
        if part == "document":
            return "the document"
    return None


def _length(value: object) -> int | None:
    return len(value) if isinstance(value, Sized) else None


def _plural(noun: str, count: int) -> str:
    if count == 1:
        return noun
    if noun == "entry":
        return "entries"
    return noun + ("es" if noun.endswith(("s", "x")) else "s")


__all__ = ["bound_message"]
