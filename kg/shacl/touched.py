"""New data checked together with what is already said about the nodes it touches.

A load adds triples; some of their subjects may be described already (in the store, or in
another file of the same load): ``<existing-claim> cred:contradicts <new-claim>`` makes an
existing claim a focus node of the new data. Checked on its own, the new data lacks that
claim's ``cred:text`` and type. :func:`validate_touching` checks the new data with the earlier
description of each node it has as a subject added, so that its results are those of the
union (what the store would hold after the load) restricted to the focus nodes the new data
touches (its subjects): a second ``cred:text`` for a claim that has one is a new violation.

A violation the earlier description has on its own (data written without validation, or
under older shapes) is not the new data's doing: it is left out, so that a load is refused only
for what it changes. What is not seen: checks that follow chains through nodes the new data
does not touch (the cycle shapes), as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import attrgetter

import pyoxigraph as ox

from kg.errors import ShapeViolation
from kg.shacl.checks import CompiledShapes
from kg.shacl.validate import validate_quads


def validate_touching(
    quads: Sequence[ox.Quad],
    described: Iterable[ox.Quad | ox.Triple],
    *,
    source: str = "<data>",
    known_types: Iterable[ox.Quad | ox.Triple] = (),
    shapes: CompiledShapes | None = None,
) -> list[ShapeViolation]:
    """:func:`kg.shacl.validate_quads` of ``quads`` with the earlier description of the nodes
    they touch.

    Args:
        quads: the new data.
        described: triples already held (in any graph) whose subjects are subjects of
            ``quads``; other triples are ignored.
        source: a name for the input, used if validation cannot finish.
        known_types: as for :func:`kg.shacl.validate_quads`; include the types of the objects
            of ``described`` too.
        shapes: compiled shapes; by default those of ``ontology/shapes.ttl``.

    Returns:
        The results of the union restricted to the subjects of ``quads``, less those the
        earlier description has on its own.

    Example:
        >>> cred = "https://w3id.org/cred-kg/ns#"
        >>> claim = ox.NamedNode("https://w3id.org/cred-kg/id/claim/c")
        >>> text, kind = ox.NamedNode(cred + "text"), ox.NamedNode(cred + "FactualClaim")
        >>> a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        >>> stored = [ox.Triple(claim, a, kind), ox.Triple(claim, text, ox.Literal("One."))]
        >>> validate_touching([ox.Quad(claim, a, kind)], stored)
        []
        >>> [v.message for v in validate_touching([ox.Quad(claim, text, ox.Literal("Two."))],
        ...                                       stored)]
        ['A cred:Claim has exactly one cred:text (the proposition as one sentence).']
    """
    known = list(known_types)
    described = list(described)
    if not described:  # no pass over the new data: loads can be large
        return validate_quads(quads, source=source, known_types=known, shapes=shapes)
    subjects = set(map(attrgetter("subject"), quads))
    before = list(dict.fromkeys(_triple(t) for t in described if t.subject in subjects))
    if not before:
        return validate_quads(quads, source=source, known_types=known, shapes=shapes)
    union = [*quads, *_not_repeated(quads, before)]
    results = validate_quads(union, source=source, known_types=known, shapes=shapes)
    if not results:
        return results
    # Only on failure (or warnings): what the earlier description breaks on its own.
    already = set(validate_quads(before, source=source, known_types=known, shapes=shapes))
    return [r for r in results if r not in already]


def _triple(t: ox.Quad | ox.Triple) -> ox.Quad:
    # In the default graph: validation checks all graphs as one.
    return ox.Quad(t.subject, t.predicate, t.object)


def _not_repeated(quads: Sequence[ox.Quad], before: list[ox.Quad]) -> list[ox.Quad]:
    """The earlier triples the new data does not state again.

    Stored literals are in Oxigraph's form (``"01"^^xsd:integer`` as ``"1"``): the new data's
    triples on these subjects are put through a scratch store to compare in that form, so that
    loading the same file twice does not count a value twice.
    """
    touched = {q.subject for q in before}
    scratch = ox.Store()
    scratch.extend(_triple(q) for q in quads if q.subject in touched)
    again = set(scratch)
    return [q for q in before if q not in again]
