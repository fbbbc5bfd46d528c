"""Pass 2 of the compiler: the structure of a case file, checked by pydantic, with every
error turned into one that names the file, line, column and field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from kg.authoring.bounds import bound_message
from kg.authoring.problems import CaseCompileError, position, suggest
from kg.authoring.schema import CaseSpec
from kg.authoring.yamltree import Path as YamlPath
from kg.authoring.yamltree import PositionedDocument, dotted_path
from kg.errors import AuthoringError


def check_structure(doc: PositionedDocument) -> CaseSpec:
    try:
        return CaseSpec.model_validate(doc.value)
    except ValidationError as exc:
        problems = [_translate(doc, err) for err in exc.errors()]
        raise CaseCompileError(sorted(problems, key=position)) from None


def _translate(doc: PositionedDocument, err: Any) -> AuthoringError:
    """Turn one pydantic error into an AuthoringError that names the place and the fix."""
    loc = _document_path(doc, err["loc"])
    term = dotted_path(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        fields = fields_at(CaseSpec, loc[:-1])
        return AuthoringError(
            f"unknown field {loc[-1]!r}",
            location=doc.location(loc, key=True),
            term=term,
            expected="one of " + ", ".join(fields) if fields else None,
            suggestions=suggest(str(loc[-1]), fields),
        )
    if kind == "missing":
        return AuthoringError(
            "required field is missing", location=doc.location(loc[:-1]), term=term
        )
    worded = bound_message(kind, loc, err.get("ctx") or {}, err.get("input"))
    if worded is not None:
        return AuthoringError(worded, location=doc.location(loc), term=term)
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind in {"string_type", "list_type", "model_type", "dict_type", "bool_parsing",
                "float_parsing", "model_attributes_type"}:
        message += f" (got {_describe(err.get('input'))})"
    return AuthoringError(message, location=doc.location(loc), term=term)


def _document_path(doc: PositionedDocument, parts: tuple[Any, ...]) -> YamlPath:
    """The path in the document of a pydantic error location, without pydantic's tags.

    A part that is a key (or index) of the document is kept even if it looks like a tag: an
    author's misspelt key may well hold a ``[``.
    """
    node, path = doc.value, []
    for part in parts:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
            path.append(part)
        elif isinstance(part, int | str) and not _is_tag(part):
            node = None
            path.append(part)
    return tuple(path)


def _is_tag(part: object) -> bool:
    # pydantic inserts validator names such as "function-after[...]" into error locations.
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` (field names and list indices) inside ``model``, for
    "did you mean"; none when ``loc`` leads out of the models."""
    found: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = found.model_fields.get(part)
        if info is None:
            return []
        found = _model_of(info.annotation)
        if found is None:
            return []
    return list(found.model_fields)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _model_of(origin) if origin is not None and origin is not annotation else None


__all__ = ["check_structure", "fields_at"]
