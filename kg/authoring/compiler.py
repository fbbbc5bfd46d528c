"""Compile a case file (YAML, see ``docs/authoring.md``) into RDF in the cred vocabulary.

Four passes, each run only if the one before found no problem. Reading the YAML stops at its
first problem; the structure and the checks each report every problem they find, with file,
line, column and field:

1. :func:`kg.authoring.yamltree.read_yaml` reads the YAML and keeps positions;
2. pydantic checks the structure (:mod:`kg.authoring.schema`);
3. :class:`~kg.authoring.checks.CaseChecker` checks what needs the vocabulary or the rest of
   the file: kinds, stances, settings, references between entries, cycles, duplicate ids;
4. :class:`~kg.authoring.emit.CaseEmitter` turns the checked file into triples.

Only a file with no problem is turned into triples, so a failed compile yields nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg.authoring.checks import CaseChecker
from kg.authoring.emit import CaseEmitter
from kg.authoring.kinds import vocabulary
from kg.authoring.problems import CaseCompileError, loc, position
from kg.authoring.schema import FORMAT_VERSION, CaseSpec
from kg.authoring.structure import check_structure
from kg.authoring.yamltree import read_yaml
from kg.errors import AuthoringError

#: Case files larger than this are refused before parsing: hand-written cases are small, and
#: YAML parsing is slow enough that a huge file would tie up a worker.
MAX_CASE_BYTES = 8 * 1024 * 1024


@dataclass
class CompiledCase:
    """The RDF of one case file: triples for the named graph ``graph_name``."""

    graph_name: URIRef
    graph: Graph
    source: str
    spec: CaseSpec = field(repr=False)


def compile_case_file(path: Path | str) -> CompiledCase:
    """Compile a case file.

    Args:
        path: a ``.yaml`` case file.

    Returns:
        The compiled case; its triples belong in the named graph ``graph_name``.

    Raises:
        CaseCompileError: listing every problem found, each with the file and, for a
            problem inside it, the line and column (see the module docstring for which
            problems a compile finds at once).

    Example:
        >>> from ontology import CASES_DIR
        >>> case = compile_case_file(CASES_DIR / "nk-troops-russia.yaml")
        >>> str(case.graph_name)
        'https://w3id.org/cred-kg/id/document/newsweek-nk-troops-russia'
    """
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_CASE_BYTES:
            raise CaseCompileError(
                [
                    AuthoringError(
                        f"case file is {size:,} bytes, over the limit of {MAX_CASE_BYTES:,}; "
                        "split it, or write large data as N-Triples or Turtle",
                        location=loc(source),
                    )
                ]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseCompileError(
            [AuthoringError(f"cannot read file: {exc.strerror}", location=loc(source))]
        ) from None
    return compile_case_bytes(raw, source=source)


def compile_case_bytes(raw: bytes, *, source: str) -> CompiledCase:
    """Compile a case file's bytes (UTF-8). See :func:`compile_case_file`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CaseCompileError(
            [
                AuthoringError(
                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                    location=loc(source, line, column),
                    expected="a UTF-8 text file",
                )
            ]
        ) from None
    return compile_case_text(text, source=source)


def compile_case_text(text: str, *, source: str = "<case>") -> CompiledCase:
    """Compile a case file's text. See :func:`compile_case_file`."""
    try:
        doc = read_yaml(text, source)
    except AuthoringError as exc:
        raise CaseCompileError([exc]) from None
    if not isinstance(doc.value, dict):
        raise CaseCompileError(
            [
                AuthoringError(
                    "a case file is a mapping with 'format', 'document', 'actors', 'claims', ...",
                    location=doc.location(()),
                )
            ]
        )
    spec = check_structure(doc)
    checker = CaseChecker(doc, spec, vocabulary())
    checker.run()
    if checker.problems:
        raise CaseCompileError(sorted(checker.problems, key=position))
    graph = CaseEmitter(spec, checker).emit()
    return CompiledCase(
        graph_name=checker.iri("document", spec.document.id),
        graph=graph,
        source=source,
        spec=spec,
    )


__all__ = [
    "FORMAT_VERSION",
    "CaseCompileError",
    "CompiledCase",
    "compile_case_bytes",
    "compile_case_file",
    "compile_case_text",
]
