"""The loading path of :class:`kg.store.KnowledgeStore`, kept apart from it: files and in-memory
documents staged, validated and written all or nothing (:func:`load_files`,
:func:`load_document`, :func:`commit`), the check that a case file does not merge two versions
of its document, and Oxigraph's bulk loader for trusted dumps (:func:`bulk_load`).

The store's methods (:meth:`~kg.store.KnowledgeStore.load`,
:meth:`~kg.store.KnowledgeStore.load_bytes`, :meth:`~kg.store.KnowledgeStore.bulk_load_file`)
keep the documented interface and call these; like :mod:`kg.store_ntriples`, they are the
store's own helpers and write through its private ``_write``."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import InputError, Location, RdfSyntaxError, StoreError, UnsupportedFormatError
from kg.formats import JSONLD, RDFXML, YAML, Format, detect_format, format_by_name
from kg.rdfio import DEFAULT_LIMITS, Limits, check_expansion, parse_bytes, read_limited
from kg.staging import (
    FormatArg,
    LoadReport,
    StagedFile,
    _check_total,
    _compile_case,
    _per_file_formats,
    _stage_file,
)
from kg.store_context import validate_load
from kg.store_ntriples import load_ntriples

if TYPE_CHECKING:
    from kg.store import KnowledgeStore, ProgressCallback


def load_files(
    store: KnowledgeStore,
    paths: Sequence[Path | str],
    *,
    formats: FormatArg | Sequence[FormatArg],
    validate: bool,
    limits: Limits,
    progress: ProgressCallback | None,
    replace: bool,
) -> LoadReport:
    """:meth:`KnowledgeStore.load <kg.store.KnowledgeStore.load>` (documented there)."""
    started = time.perf_counter()
    per_file = _per_file_formats(paths, formats)
    if validate and len(paths) == 1 and store.kind != "remote" and not replace:
        try:
            fast = load_ntriples(store, Path(paths[0]), per_file[0], limits, progress, started)
        except UnsupportedFormatError:
            fast = None  # no format from the name: the general way says so, or what it is
        if fast is not None:
            return fast
    staged: list[StagedFile] = []
    total = 0
    for index, (path, fmt) in enumerate(zip(paths, per_file, strict=True)):
        item = _stage_file(Path(path), fmt, limits)
        total += len(item.quads)
        _check_total(total, item.source, limits)
        staged.append(item)
        if progress:
            progress("parsing", index + 1, len(paths))
    if replace:
        _check_replaceable(staged)
    return commit(store, staged, validate=validate, progress=progress, started=started,
                  replace=replace)


def _check_replaceable(staged: list[StagedFile]) -> None:
    """Refuse a replacing load of a file with triples in the default graph: every file
    shares that graph, so it cannot be emptied for one of them, and adding the file's
    triples beside its old version's would leave both (the opposite of a replace). So for a
    graph named by a blank node (TriG allows it): it has no IRI to be emptied by, nor to be
    written by a SPARQL update (the replacing write)."""
    for item in staged:
        in_default = sum(isinstance(q.graph_name, ox.DefaultGraph) for q in item.quads)
        in_blank = sum(isinstance(q.graph_name, ox.BlankNode) for q in item.quads)
        if in_default or in_blank:
            where = (f"{in_default:,} of its triples are in the default graph, which every "
                     "file shares, so a replacing load cannot empty it for this file"
                     if in_default else
                     f"{in_blank:,} of its triples are in graphs named by blank nodes, which "
                     "have no IRI for a replacing load to empty them by")
            raise InputError(
                f"{where} and would keep the old version's triples beside the new; nothing "
                "was loaded",
                location=Location(item.source),
                term="replace",
                expected="a case file (YAML), or RDF in named graphs (TriG or N-Quads), to "
                "replace; or the same file loaded without replace, which adds to the "
                "default graph",
            )


def load_document(
    store: KnowledgeStore,
    data: bytes,
    fmt: str | Format,
    *,
    source: str,
    validate: bool,
    limits: Limits,
    base_iri: str | None,
    progress: ProgressCallback | None,
) -> LoadReport:
    """:meth:`KnowledgeStore.load_bytes <kg.store.KnowledgeStore.load_bytes>` (documented
    there)."""
    started = time.perf_counter()
    rdf_format = format_by_name(fmt)
    if rdf_format is YAML:
        item = _compile_case(data, source, limits)
    else:
        quads = parse_bytes(data, rdf_format, source=source, limits=limits, base_iri=base_iri)
        item = StagedFile(source, rdf_format, quads)
    if progress:
        progress("parsing", 1, 1)
    return commit(store, [item], validate=validate, progress=progress, started=started)


def bulk_load(store: KnowledgeStore, path: Path | str, fmt: str | Format | None) -> int:
    """:meth:`KnowledgeStore.bulk_load_file <kg.store.KnowledgeStore.bulk_load_file>`
    (documented there): not all-or-nothing."""
    rdf_format = detect_format(path, fmt)
    source = str(path)
    if rdf_format.oxigraph is None:
        raise UnsupportedFormatError(
            "case files cannot be bulk loaded",
            location=Location(source),
            term="format",
            expected="an RDF format; load case files with load()",
        )
    if rdf_format in (RDFXML, JSONLD):
        # The checks load() makes against expansion, deep recursion and fetches, with the
        # default limits: the bulk loader has none of its own (an XML literal of 43 kB
        # became 23 million characters; JSON-LD 20,000 levels deep killed the process).
        check_expansion(read_limited(path, Limits(max_file_bytes=2**62)), rdf_format,
                        source=source, limits=DEFAULT_LIMITS)
    engine = store.oxigraph
    before = len(engine)
    try:
        engine.bulk_load(path=str(path), format=rdf_format.oxigraph)
    except SyntaxError as error:
        raise RdfSyntaxError(
            f"invalid {rdf_format.label} (quads before this point may have been loaded): "
            f"{error.msg}",
            location=Location(source, error.lineno, error.offset),
        ) from None
    except OSError as error:
        raise StoreError(f"{source}: bulk load failed: {error}") from None
    return len(engine) - before


def commit(
    store: KnowledgeStore,
    staged: list[StagedFile],
    *,
    validate: bool,
    progress: ProgressCallback | None,
    started: float,
    replace: bool = False,
) -> LoadReport:
    """Validate the staged files (unless told not to) and write them in one transaction."""
    replacing = frozenset(g for item in staged for g in item.graph_names) if replace \
        else frozenset()
    if validate:
        validate_load(store, staged, progress, replacing)
    merged = {} if replacing else _other_versions(store, staged)
    total = sum(len(item.quads) for item in staged)
    if progress:
        progress("writing", 0, total)
    if replacing:
        store._write(lambda: _replace_graphs(store, replacing, staged))
    else:
        # Store.extend is one transaction: it writes every quad or none (pyoxigraph 0.5).
        store._write(lambda: store.oxigraph.extend(q for item in staged for q in item.quads))
    if progress:
        progress("writing", total, total)
    return LoadReport(
        files=tuple(item.report(merged.get(i, ())) for i, item in enumerate(staged)),
        total_quads=total,
        elapsed_seconds=time.perf_counter() - started,
    )


def _other_versions(
    store: KnowledgeStore, staged: list[StagedFile]
) -> dict[int, tuple[str, ...]]:
    """Per staged case file (by position), its document graphs that the store holds in
    another version: with a quad that this load does not write again, so that writing
    would merge two versions of one document. A case file is its document's whole graph,
    so only case files are checked: RDF files add to graphs by design."""
    new: dict[str, set[ox.Quad]] = {}
    for item in staged:
        for quad in item.quads:
            if isinstance(quad.graph_name, ox.NamedNode):
                new.setdefault(quad.graph_name.value, set()).add(quad)
    found = {}
    for index, item in enumerate(staged):
        if item.format is not YAML:
            continue
        stale = tuple(g for g in item.graph_names if any(
            quad not in new[g]
            for quad in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(g))))
        if stale:
            found[index] = stale
    return found


def _replace_graphs(
    store: KnowledgeStore, graphs: frozenset[str], staged: list[StagedFile]
) -> None:
    """Empty ``graphs`` and write the staged quads, as one update: a reader sees the
    old graphs or the new ones, never neither."""
    new = [q for item in staged for q in item.quads]
    remote = store.remote_engine
    if remote is not None:  # one request (see kg.backends.sparql.SparqlEngine.update)
        old = [q for g in sorted(graphs)
               for q in remote.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        remote.update(removed=old, added=new)
        return
    # (no graph named by a blank node: _check_replaceable refused it)
    by_graph: dict[ox.NamedNode | ox.BlankNode | ox.DefaultGraph, list[str]] = {}
    for q in new:  # (Oxigraph writes its terms in N-Triples syntax, which SPARQL reads)
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    body = "\n".join("\n".join(lines) if isinstance(g, ox.DefaultGraph) else
                     f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}"
                     for g, lines in by_graph.items())
    drops = [f"DROP SILENT GRAPH <{g}>" for g in sorted(graphs)]
    # (one SPARQL update is one transaction in Oxigraph)
    store.oxigraph.update(" ;\n".join([*drops, f"INSERT DATA {{\n{body}\n}}"]))


__all__ = ["bulk_load", "commit", "load_document", "load_files"]
