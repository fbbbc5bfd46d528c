"""How the compiler refuses a shape it cannot evaluate: an error naming the SHACL section."""

from __future__ import annotations

from rdflib.term import Node

from kg.errors import KgError

SPEC = "https://www.w3.org/TR/shacl/"


class ShapeCompileError(KgError, ValueError):
    """A shape uses a SHACL construct this engine does not evaluate; names it and its section.

    Validate with ``kg.validate.validate_graph(..., engine="pyshacl")`` meanwhile, or add the
    construct to :mod:`kg.shacl.compile` with a cross-check case in its tests.
    """


def refuse(shape: Node, what: str, section: str, anchor: str) -> ShapeCompileError:
    return ShapeCompileError(
        f"{shape}: {what} is not supported by kg.shacl (SHACL {section}, {SPEC}#{anchor})"
    )
