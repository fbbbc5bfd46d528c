"""Inputs read for a load, before anything is written (private to :mod:`kg.store`): each file
parsed (or a case file compiled) and checked against the limits into a :class:`StagedFile`,
and the reports a load returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.convert import from_rdflib_graph
from kg.errors import (
    AuthoringError,
    InputError,
    LimitExceededError,
    Location,
    RdfSyntaxError,
    ShapeViolation,
    UnsupportedFormatError,
)
from kg.formats import YAML, Format, detect_format
from kg.misnamed import misnamed_error
from kg.rdfio import Limits, check_quads, parse_file, read_limited

FormatArg = str | Format | None


@dataclass(frozen=True)
class FileReport:
    """What one loaded file (or in-memory payload) contributed.

    Attributes:
        path: the file, or the source name of in-memory input.
        format: the format's short name (``"turtle"``, ``"yaml"``).
        quads: quads parsed (a quad already in the store is counted, though not added again).
        graph_names: IRIs of the named graphs the file wrote to, sorted; empty for the default.
        warnings: SHACL results of severity Warning, which do not stop a load.
        other_versions: the graphs of a case file that the store already held in another
            version (a quad the file does not write again): loaded without ``replace``, the
            old version's quads remain beside the new ones.
    """

    path: str
    format: str
    quads: int
    graph_names: tuple[str, ...]
    warnings: tuple[ShapeViolation, ...] = ()
    other_versions: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadReport:
    """The result of a load: per file, the total, and the wall-clock time."""

    files: tuple[FileReport, ...]
    total_quads: int
    elapsed_seconds: float


@dataclass
class StagedFile:
    """One input, parsed and checked, waiting to be validated and written."""

    source: str
    format: Format
    quads: list[ox.Quad]
    # The rdflib form, for SHACL; a compiled case already has one.
    graph: rdflib.Graph | None = None
    warnings: tuple[ShapeViolation, ...] = ()

    @property
    def graph_names(self) -> tuple[str, ...]:
        """IRIs of the named graphs the file writes to, sorted."""
        return tuple(sorted({q.graph_name.value for q in self.quads
                             if isinstance(q.graph_name, ox.NamedNode)}))

    def report(self, other_versions: tuple[str, ...] = ()) -> FileReport:
        return FileReport(
            path=self.source,
            format=self.format.name,
            quads=len(self.quads),
            graph_names=self.graph_names,
            warnings=self.warnings,
            other_versions=other_versions,
        )


def _per_file_formats(
    paths: Sequence[Path | str], formats: FormatArg | Sequence[FormatArg]
) -> list[FormatArg]:
    if formats is None or isinstance(formats, str | Format):
        return [formats] * len(paths)
    listed = list(formats)
    if len(listed) != len(paths):
        raise InputError(
            f"{len(listed)} formats given for {len(paths)} files",
            location=Location("<load>"),
            term="formats",
            expected="one format, or one per file",
        )
    return listed


def _stage_file(path: Path, fmt: FormatArg, limits: Limits) -> StagedFile:
    named: Format | None = None
    try:
        named = rdf_format = detect_format(path, fmt)
        if rdf_format is YAML:
            return _compile_case(read_limited(path, limits), str(path), limits)
        return StagedFile(str(path), rdf_format, parse_file(path, rdf_format, limits=limits))
    except (UnsupportedFormatError, RdfSyntaxError, AuthoringError) as error:
        # Read by its extension, the file failed: if its content is plainly another format
        # (a case file named .json), say that instead. Not when the caller chose the format.
        better = misnamed_error(path, named) if fmt is None else None
        if better is None:
            raise
        raise better from error


def _compile_case(data: bytes, source: str, limits: Limits) -> StagedFile:
    # Imported here: the compiler pulls in pydantic and YAML, which RDF-only users never need.
    from kg.authoring import compile_case_bytes

    if len(data) > limits.max_file_bytes:
        raise LimitExceededError(
            f"file is {len(data):,} bytes, over the limit of {limits.max_file_bytes:,}",
            location=Location(source),
            term="max_file_bytes",
        )
    case = compile_case_bytes(data, source=source)
    quads = from_rdflib_graph(case.graph, case.graph_name)
    _check_total(len(quads), source, limits)
    check_quads(quads, source=source, limits=limits)
    return StagedFile(source, YAML, quads, graph=case.graph)


def _check_total(total: int, source: str, limits: Limits) -> None:
    if total > limits.max_quads_per_load:
        raise LimitExceededError(
            f"the load reaches {total:,} quads with this file, over the limit of "
            f"{limits.max_quads_per_load:,}",
            location=Location(source),
            term="max_quads_per_load",
            expected="fewer files per load, or bulk loading for large trusted files",
        )


__all__ = ["FileReport", "LoadReport", "StagedFile"]
