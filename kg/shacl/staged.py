"""Validate a large N-Triples load on the store Oxigraph's bulk loader built, screened first.

The general path (:func:`kg.shacl.validate_quads`) parses into Python quads, copies them into a
temporary store, runs every check there, and the caller then writes them once more. For one
N-Triples file this module does the same work with two cores and one insert:

1. :func:`stage_ntriples`: Oxigraph's bulk loader fills a fresh in-memory *staging* store in a
   thread (Rust, without the GIL) while this thread reads the same bytes into columns
   (:mod:`kg.shacl.columns`) and screens them with numpy (:mod:`kg.shacl.screen`): the checks
   that provably have no result are cleared;
2. :func:`validate_staged`: the others run as SPARQL, exactly as in the general path, on the
   staging store with the vocabulary added in a graph of its own and taken out afterwards.

The results are those of :func:`kg.shacl.validate_quads` on the same data
(``tests/test_shacl_staged.py`` cross-checks them on corrupted synthetic graphs). The staging
store is the caller's: it holds the data exactly as a write of the parsed quads would, and a
store that was empty can adopt it instead of copying it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pyoxigraph as ox

from kg.bulkload import BackgroundBulkLoad
from kg.errors import ShapeViolation
from kg.shacl.checks import Check, CompiledShapes
from kg.shacl.columns import Columns, read_ntriples
from kg.shacl.compile import compiled_shapes
from kg.shacl.model import RDF_TYPE, SUBCLASS_OF, SparqlConstraint
from kg.shacl.results import shape_results, sort_key, undeclared_terms, unfinished
from kg.shacl.run import Run, vocabulary_quads
from kg.shacl.screen import screen

KnownTypes = Callable[[Columns], Sequence[ox.Quad | ox.Triple]]


@dataclass
class Staging:
    """A bulk-loaded staging store, the same data as columns, and what the screens kept.

    Attributes:
        data: the document.
        store: the staging store: the data only, as a write of the parsed quads would hold it.
        cols: the data as columns, then the vocabulary and the known types.
        known: the known types validation used.
        checks, sparql, undeclared: what must still run (:func:`kg.shacl.screen.screen`).
    """

    data: bytes
    store: ox.Store
    cols: Columns
    known: list[ox.Quad | ox.Triple]
    checks: list[Check]
    sparql: list[SparqlConstraint]
    undeclared: bool


def stage_ntriples(
    data: bytes | Callable[[], bytes],
    *,
    max_literal_bytes: int,
    path: str | None = None,
    known_types: KnownTypes | None = None,
    shapes: CompiledShapes | None = None,
    loader: BackgroundBulkLoad | None = None,
) -> Staging | None:
    """Bulk load an N-Triples document into a new in-memory store; read and screen it meanwhile.

    Args:
        data: the document, or a function that reads it (called once the bulk loader has
            started on ``path``, so that the read overlaps with it; what it raises is raised
            once the loader has finished).
        max_literal_bytes: see :func:`kg.shacl.columns.read_ntriples`.
        path: the file ``data`` was read from, if any: the bulk loader then reads it itself,
            which keeps it off the GIL (from a ``bytes`` object it reads through Python).
        known_types: given the columns, the ``rdf:type`` and ``rdfs:subClassOf`` triples of
            the nodes they refer to that are described elsewhere (the target store).
        shapes: compiled shapes; by default those of ``ontology/shapes.ttl``.
        loader: the bulk load of the same document, if the caller started it already (so
            that it overlaps with importing this module); by default started here.

    Returns:
        The staging, or ``None`` if the document does not parse or is not one that
        :func:`kg.shacl.columns.read_ntriples` reads exactly: the caller then takes the
        general path, which reports any error with its file, line and column.

    Example:
        >>> staging = stage_ntriples(b'<https://e.org/s> <https://e.org/p> "o" .\\n',
        ...                          max_literal_bytes=100)
        >>> len(staging.store), staging.cols.triples, staging.checks
        (1, 1, [])
    """
    if loader is None:
        if path is None and callable(data):
            data = data()
        loader = BackgroundBulkLoad(path=path, data=None if path else data)  # type: ignore[arg-type]
    cols = None
    try:
        # All of this runs while the bulk loader works on the other core.
        program = compiled_shapes() if shapes is None else shapes
        text = data() if callable(data) else data
        if text.strip():
            cols = read_ntriples(text, max_literal_bytes=max_literal_bytes)
        if cols is not None:
            known = [
                t
                for t in (known_types(cols) if known_types else ())
                if t.predicate in (RDF_TYPE, SUBCLASS_OF)
            ]
            cols.extend([*vocabulary_quads(), *known])
            checks, sparql, undeclared = screen(cols, program)
    finally:
        store = loader.join()
    if store is None or cols is None:
        return None
    return Staging(text, store, cols, known, checks, sparql, undeclared)


def validate_staged(
    staging: Staging, *, source: str = "<data>", shapes: CompiledShapes | None = None
) -> list[ShapeViolation]:
    """Run what the screens kept on the staging store; the store is left as it was.

    Args:
        staging: from :func:`stage_ntriples`.
        source: a name for the input, used if validation cannot finish.
        shapes: the compiled shapes the staging was screened with; by default those of
            ``ontology/shapes.ttl``.

    Returns:
        What :func:`kg.shacl.validate_quads` returns for the same data and known types: the
        Violation and Warning results, sorted.

    Example:
        >>> staging = stage_ntriples(
        ...     b'<https://e.org/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        ...     b'<https://w3id.org/cred-kg/ns#FactualClaim> .\\n', max_literal_bytes=100)
        >>> [v.message for v in validate_staged(staging)]
        ['A cred:Claim has exactly one cred:text (the proposition as one sentence).']
        >>> len(staging.store)
        1
    """
    program = compiled_shapes() if shapes is None else shapes
    if not (staging.checks or staging.sparql or staging.undeclared):
        return []
    cols = staging.cols
    predicates = {cols.term(int(p)) for p in np.unique(cols.p[: cols.data_rows]).tolist()}
    run = Run.over_store(staging.store, predicates, staging.known)  # type: ignore[arg-type]
    try:
        kept = replace(program, checks=tuple(staging.checks), sparql=tuple(staging.sparql))
        found = set(shape_results(run, kept))
        if staging.undeclared:
            found.update(undeclared_terms(run, set()))
    except (OSError, RuntimeError) as error:
        raise unfinished(source, error) from None
    finally:
        run.remove_context()
    return sorted(found, key=sort_key)
