"""Read YAML into plain values while remembering where each value stood in the file.

PyYAML's ``safe_load`` forgets positions and guesses types (``2024-02-30`` becomes an error
with no field name, ``no`` becomes ``False``). We compose the node tree instead, keep every
scalar as the string the author wrote, and record the line and column of every value and key,
so that later checks can point at the exact place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kg.errors import AuthoringError, Location

Path = tuple[str | int, ...]

# Scalars that mean "nothing" in YAML 1.1 when written plain (unquoted).
_NULLS = {"", "~", "null", "Null", "NULL"}
# A case file nests four or five levels; PyYAML's composer recurses once per level and fails
# with a RecursionError (not a YAMLError) at about a thousand.
MAX_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class PositionedDocument:
    """The values of a YAML document and the position of each, by path."""

    source: str
    value: Any
    value_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def location(self, path: Path, *, key: bool = False) -> Location:
        """The location of the value at ``path`` (or of its key), or of its nearest parent."""
        table = self.key_positions if key else self.value_positions
        probe = path
        while True:
            if probe in table:
                line, column = table[probe]
                return Location(self.source, line, column)
            if key and probe in self.value_positions:
                line, column = self.value_positions[probe]
                return Location(self.source, line, column)
            if not probe:
                return Location(self.source, 1, 1)
            probe = probe[:-1]


def read_yaml(text: str, source: str) -> PositionedDocument:
    """Parse one YAML document, keeping scalars as strings and recording positions.

    Args:
        text: the YAML text.
        source: the file name to name in errors.

    Raises:
        AuthoringError: on a YAML syntax error, several documents, anchors/aliases or a
            duplicate key, naming the line and column.

    Example:
        >>> doc = read_yaml("a:\\n  - x\\n", "case.yaml")
        >>> doc.value, doc.location(("a", 0))
        ({'a': ['x']}, Location(source='case.yaml', line=2, column=5))
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except RecursionError:
        raise AuthoringError(
            f"the YAML nests too deeply to read (a case file nests a few levels; at most "
            f"{MAX_DEPTH} are allowed)", location=Location(source), term="nesting",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise AuthoringError(
            f"YAML syntax error: {exc.problem or exc.context}",
            location=Location(source, line, column),
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow in a stream
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise AuthoringError(
            f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason})"
            if isinstance(exc.character, int) else f"unreadable YAML: {exc.reason}",
            location=Location(source, line, column),
            expected="printable text; write control characters as escapes in a double-quoted "
            'string ("\\x01")',
        ) from None
    except yaml.YAMLError as exc:  # reader errors: bad characters, bad encoding
        raise AuthoringError(f"unreadable YAML: {exc}", location=Location(source)) from None
    if len(nodes) > 1:
        raise AuthoringError(
            "a case file holds one YAML document; found a second '---'",
            location=Location(source, nodes[1].start_mark.line + 1, 1),
        )
    doc = PositionedDocument(source, None)
    if nodes and nodes[0] is not None:
        doc.value = _convert(nodes[0], (), doc, set())
    return doc


def _convert(node: yaml.Node, path: Path, doc: PositionedDocument, seen: set[int]) -> Any:
    doc.value_positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if len(path) > MAX_DEPTH:
        raise AuthoringError(f"the YAML nests deeper than {MAX_DEPTH} levels",
                             location=doc.location(path), term="nesting")
    # An alias is the same node object met a second time. Refusing aliases keeps every
    # position unambiguous and rules out "billion laughs" expansion through nested aliases.
    if id(node) in seen:
        raise AuthoringError(
            "YAML anchors and aliases are not allowed in case files",
            location=doc.location(path),
        )
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return _join_surrogates(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), doc, seen) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise AuthoringError(
                    "mapping keys must be plain names",
                    location=Location(
                        doc.source, key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    ),
                )
            key = key_node.value
            key_path = (*path, key)
            doc.key_positions[key_path] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            if key in result:
                raise AuthoringError(
                    f"duplicate key {key!r}",
                    location=doc.location(key_path, key=True),
                    term=_dotted(key_path),
                )
            result[key] = _convert(value_node, key_path, doc, seen)
        return result
    raise AuthoringError("unsupported YAML node", location=doc.location(path))  # pragma: no cover


def _join_surrogates(text: str) -> str:
    """Join escaped UTF-16 surrogate pairs (``"\\ud83d\\ude00"``) into the character they mean.

    JSON escapes a character outside the Basic Multilingual Plane as a surrogate pair, and
    PyYAML decodes each half on its own; without this, a case written as JSON (as the API's
    writes are) could not hold an emoji. A lone surrogate is left for the structure check to
    refuse, with its place.
    """
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return text


def _dotted(path: Path) -> str:
    """``("statements", 3, "stance")`` -> ``"statements[3].stance"``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


dotted_path = _dotted

__all__ = ["PositionedDocument", "dotted_path", "read_yaml"]
