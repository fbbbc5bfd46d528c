"""Results as :mod:`kg.validate` reports them: :class:`~kg.errors.ShapeViolation` lists.

A result is kept only if its focus node is a subject of the data (not only of the vocabulary or
``known_types``); severities Violation and Warning are kept, Info dropped; results are sorted
by :func:`sort_key` (focus node, path, shape, value, message), as :mod:`kg.validate` sorts them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import ShapeValidationError, ShapeViolation
from kg.namespaces import CRED
from kg.shacl.checks import CompiledShapes, TermTest
from kg.shacl.model import OxTerm
from kg.shacl.query import Query
from kg.shacl.run import Run
from kg.shacl.text import iri_text


def shape_results(run: Run, program: CompiledShapes) -> Iterator[ShapeViolation]:
    subclasses = run.subclasses(program.classes)
    for check in program.checks:
        shape = check.shape
        if shape.severity is None or not run.can_fire(check, subclasses):
            continue
        q = Query(subclasses)
        rows = (
            run.term_rows(check, q) if isinstance(check, TermTest) else run.select(check.query(q))
        )
        for row in rows:
            focus = row["this"]
            if not run.described(focus):
                continue
            value = row["value"]
            yield ShapeViolation(
                focus=run.text(focus),
                path=None if shape.path is None else shape.path.text,
                message=shape.message,
                severity=shape.severity,
                shape=iri_text(URIRef(shape.iri)),
                value=None if value is None else run.text(value),
            )
    for constraint in program.sparql:
        if constraint.severity is None or not any(run.uses(p) for p in constraint.subjects_of):
            continue
        for row in run.select(constraint.query):
            focus = row["this"]
            if focus is None or not run.described(focus):
                continue
            if not any(
                next(iter(run.store.quads_for_pattern(focus, ox.NamedNode(p), None)), None)
                for p in constraint.subjects_of
            ):
                continue
            path, value = row["path"], row["value"]
            yield ShapeViolation(
                focus=run.text(focus),
                path=None if path is None else run.text(path),
                message=constraint.message,
                severity=constraint.severity,
                shape=iri_text(URIRef(constraint.iri)),
                value=None if value is None else run.text(value),
            )


def undeclared_terms(run: Run, declared: set[OxTerm]) -> Iterator[ShapeViolation]:
    """kg.validate's check that every ``cred:`` property and class the data uses is declared.

    Declared means: a subject in the vocabulary, the data or ``known_types`` (``declared`` holds
    the subjects of known triples that are not in the store: those other than types).
    """
    cred = str(CRED)

    def undeclared(term: OxTerm) -> bool:
        return (
            isinstance(term, ox.NamedNode)
            and term.value.startswith(cred)
            and term not in declared
            and next(iter(run.store.quads_for_pattern(term, None, None)), None) is None
        )

    found: list[tuple[OxTerm, OxTerm, str]] = []
    for predicate in sorted(run.predicates, key=str):
        if undeclared(predicate):
            uses = f"SELECT DISTINCT ?s WHERE {{ ?s {predicate} ?o }}"
            found += [(r["s"], predicate, "property") for r in run.select(uses, data_only=True)]
    for row in run.select("SELECT DISTINCT ?c WHERE { ?s rdf:type ?c }", data_only=True):
        if undeclared(row["c"]):
            uses = f"SELECT DISTINCT ?s WHERE {{ ?s rdf:type {row['c']} }}"
            found += [(r["s"], row["c"], "class") for r in run.select(uses, data_only=True)]
    if not found:
        return
    # Suggestions come from every declared cred: term, as in kg.validate; only on this path.
    subjects = f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER (STRSTARTS(STR(?s), "{cred}")) }}'
    terms = {row["s"] for row in run.select(subjects)} | declared
    names = sorted(
        t.value[len(cred) :]
        for t in terms
        if isinstance(t, ox.NamedNode) and t.value.startswith(cred)
    )
    for focus, term, kind in found:
        message = f"{run.text(term)} is not a {kind} of the cred: vocabulary (ontology/vocab.ttl)"
        close = difflib.get_close_matches(term.value[len(cred) :], names, n=1)
        if close:
            message += f"; did you mean cred:{close[0]}?"
        yield ShapeViolation(
            focus=run.text(focus),
            path=run.text(term) if kind == "property" else "rdf:type",
            message=message,
            severity="Violation",
            value=None if kind == "property" else run.text(term),
        )


def sort_key(v: ShapeViolation) -> tuple[str, ...]:
    return (v.focus, v.path or "", v.shape or "", v.value or "", v.message, v.severity)


def unfinished(source: str, error: Exception) -> ShapeValidationError:
    """The error for a validation that could not run to its end (the store or a query failed):
    one violation on ``source`` that says why, so that nothing is loaded unchecked."""
    failure = ShapeViolation(
        focus=source,
        path=None,
        message=f"SHACL validation could not finish: {error}",
        severity="Violation",
    )
    return ShapeValidationError(source, [failure])
