"""SHACL property paths (SHACL 2.3.1) as SPARQL property paths, with their display text."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.shacl.errors import ShapeCompileError
from kg.shacl.model import Path
from kg.shacl.text import iri_text

_PATH_SUFFIXES = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}


def compile_path(shapes: Graph, node: Node, shape: Node) -> Path:
    """SHACL 2.3.1 paths as SPARQL property paths, with :mod:`kg.validate`'s text for them."""
    if isinstance(node, URIRef):
        return Path(sparql=f"<{node}>", text=iri_text(node), predicate=str(node))
    for operator, suffix in _PATH_SUFFIXES.items():
        inner = shapes.value(node, operator)
        if inner is not None:
            p = compile_path(shapes, inner, shape)
            return Path(sparql=f"({p.sparql}){suffix}", text=p.text + suffix)
    inverse = shapes.value(node, SH.inversePath)
    if inverse is not None:
        p = compile_path(shapes, inverse, shape)
        return Path(
            sparql=f"^({p.sparql})",
            text="^" + p.text,
            predicate=p.predicate if isinstance(inverse, URIRef) else None,
        )
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        members = [compile_path(shapes, m, shape) for m in shapes.items(alternatives)]
        return Path(
            sparql="(" + "|".join(m.sparql for m in members) + ")",
            text="(" + "|".join(m.text for m in members) + ")",
        )
    members = [compile_path(shapes, m, shape) for m in shapes.items(node)]
    if len(members) < 2:
        raise ShapeCompileError(f"{shape}: sh:path {node} is not a SHACL path (SHACL 2.3.1)")
    return Path(
        sparql="(" + "/".join(m.sparql for m in members) + ")",
        text="/".join(m.text for m in members),
    )
