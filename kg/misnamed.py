"""Files whose content is plainly in another format than their name says.

A case file saved as ``case.json`` fails as JSON-LD ("Parser error at line 1 ...: false
expected"), and one saved as ``case.txt`` gets "did you mean '.ttl'?": neither says what is
wrong. When reading a file by its extension fails, the loader asks :func:`misnamed_error`,
which looks at the start of the file and, if the content clearly is another format, says so.

It is conservative: it only answers for signs that cannot be mistaken (a Turtle ``@prefix``,
an RDF/XML root element, JSON-LD keywords, the authoring format's top-level keys, a first line
that is a whole N-Quads quad with its graph), and only
when the format named by the extension could not start that way. It reads at most
:data:`HEAD_BYTES` and runs only after a failure, so valid files cost nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import Location, UnsupportedFormatError
from kg.formats import JSONLD, NQUADS, RDFXML, TRIG, TURTLE, YAML, Format

#: How much of a file is looked at.
HEAD_BYTES = 8192

_TURTLE_START = re.compile(r"@(prefix|base)\s|(?i:prefix)\s+[\w.-]*:\s*<|(?i:base)\s+<")
_JSONLD_KEYWORDS = ('"@context"', '"@graph"', '"@id"')
_RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
# The authoring format (docs/authoring.md): its version line, or a document with entries.
_CASE_VERSION = re.compile(r"^format\s*:\s*['\"]?cred-kg/", re.MULTILINE)
_CASE_DOCUMENT = re.compile(r"^document\s*:", re.MULTILINE)
_CASE_ENTRIES = re.compile(r"^(actors|claims|statements|evidence)\s*:", re.MULTILINE)

# What each guess is called in the message, and the name to give the file.
_DESCRIPTION = {
    YAML: ("YAML (the authoring format)", ".yaml"),
    TURTLE: ("Turtle", ".ttl (or .trig, if it has named graphs)"),
    JSONLD: ("JSON-LD", ".jsonld"),
    RDFXML: ("RDF/XML", ".rdf"),
    NQUADS: ("N-Quads (a graph name after each triple)", ".nq"),
}
# Formats that can start the way a guess does: TriG is a superset of Turtle.
_COMPATIBLE = {TURTLE: (TURTLE, TRIG)}


def guess_format(head: str) -> Format | None:
    """The format the start of a file plainly is in, or ``None`` when it is not plain.

    Example:
        >>> guess_format("format: cred-kg/1\\ndocument:\\n  id: x\\n").name
        'yaml'
        >>> guess_format("@prefix cred: <https://w3id.org/cred-kg/ns#> .").name
        'turtle'
        >>> guess_format('<https://e.org/s> <https://e.org/p> "o" .') is None
        True
        >>> guess_format('<https://e.org/s> <https://e.org/p> "o" <https://e.org/g> .').name
        'nquads'
    """
    text = head.lstrip("\ufeff")
    first = next(
        (
            line.strip()
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ),
        "",
    )
    if first.startswith(("{", "[")):
        return JSONLD if any(k in text for k in _JSONLD_KEYWORDS) else None
    if first.startswith("<"):
        rooted = first.startswith(("<?xml", "<rdf:RDF"))
        if rooted:
            return RDFXML if _RDF_NS in text else None
        return NQUADS if _is_quad(first) else None
    if first.startswith("_:"):
        return NQUADS if _is_quad(first) else None
    if _TURTLE_START.match(first):
        return TURTLE
    if _CASE_VERSION.search(text) or (_CASE_DOCUMENT.search(text) and _CASE_ENTRIES.search(text)):
        return YAML
    return None


def _is_quad(line: str) -> bool:
    """``line`` is one N-Quads quad in a named graph (Turtle, TriG and N-Triples have none)."""
    try:
        quads = list(ox.parse(line.encode(), format=ox.RdfFormat.N_QUADS))
    except (SyntaxError, ValueError):
        return False
    return len(quads) == 1 and not isinstance(quads[0].graph_name, ox.DefaultGraph)


def misnamed_error(path: Path, named: Format | None) -> UnsupportedFormatError | None:
    """The error to give instead, when reading ``path`` as ``named`` (the format its extension
    says, ``None`` for an extension we do not know) failed and its content is plainly another
    format; else ``None``.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    guess = guess_format(head)
    if guess is None or named in _COMPATIBLE.get(guess, (guess,)):
        return None
    description, name_it = _DESCRIPTION[guess]
    not_named = ""
    if named is not None:
        not_named = (
            f", not {'a YAML case file' if named is YAML else named.label} as its extension says"
        )
    return UnsupportedFormatError(
        f"this looks like {description}{not_named}; name it {name_it}",
        location=Location(str(path)),
    )


__all__ = ["HEAD_BYTES", "guess_format", "misnamed_error"]
