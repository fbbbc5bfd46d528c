"""Which file gave which value, when the files of one load describe one node together.

Files that share an id add up (docs/authoring.md): the same actor or claim in two articles is
one node. When they disagree on something a shape allows once, such as an actor's name, only
their union breaks the shape, and the file the error is reported on may have done nothing
wrong. The values and where each came from tell the reader what to reconcile.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import ShapeViolation
from kg.shacl.text import iri_text

Origin = tuple[str, Iterable[ox.Quad | ox.Triple]]


def _shown(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.Literal):
        return json.dumps(term.value, ensure_ascii=False) + (
            f"@{term.language}" if term.language else "")
    if isinstance(term, ox.NamedNode):
        return iri_text(URIRef(term.value))
    return str(term)


def with_origins(violations: Sequence[ShapeViolation],
                 origins: Sequence[Origin]) -> list[ShapeViolation]:
    """``violations``, each whose values on its path come from more than one origin (a file,
    or what the store held) saying which value came from where.

    Example:
        >>> from kg.namespaces import RDFS
        >>> afp, label = ox.NamedNode("https://example.org/afp"), ox.NamedNode(str(RDFS.label))
        >>> v = ShapeViolation("https://example.org/afp", "rdfs:label", "One name.", "Violation")
        >>> [str(x) for x in with_origins([v], [
        ...     ("a.yaml", [ox.Triple(afp, label, ox.Literal("AFP"))]),
        ...     ("b.yaml", [ox.Triple(afp, label, ox.Literal("Agence France-Presse"))])])]
        ['https://example.org/afp rdfs:label: One name. Given as "AFP" in a.yaml, as "Agence France-Presse" in b.yaml: the files share this id and must agree.']
    """  # noqa: E501 - a doctest's expected output is one line
    out = []
    for violation in violations:
        given: dict[str, list[str]] = {}
        if violation.path is not None:
            for name, quads in origins:
                for quad in quads:
                    if (isinstance(quad.subject, ox.NamedNode)
                            and isinstance(quad.predicate, ox.NamedNode)
                            and iri_text(URIRef(quad.predicate.value)) == violation.path
                            and iri_text(URIRef(quad.subject.value)) == violation.focus):
                        shown = _shown(quad.object)
                        if shown not in given.setdefault(name, []):
                            given[name].append(shown)
        if len(given) > 1:
            where = ", ".join(f"as {' and '.join(values)} in {name}"
                              for name, values in given.items())
            violation = replace(violation, message=f"{violation.message} Given {where}: the "
                                "files share this id and must agree.")
        out.append(violation)
    return out
