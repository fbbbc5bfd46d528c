"""Writes: add actors, claims, statements and evidence as JSON, or upload RDF or a case file.

Off by default; on only when the operator sets ``KG_WRITES_ENABLED`` and ``KG_WRITE_TOKEN``,
and then only for requests with ``Authorization: Bearer <token>``.

JSON entries have the fields of the authoring format (``docs/authoring.md``) and go through
the same compiler, so that an API write and a case file give the same RDF. An entry may refer
to actors, claims and evidence already in the store by id; the compiler needs every reference
in its own file, so such items enter the compiled document as stubs whose triples are then
removed. Each write belongs to a source document: the one given in ``document``, or a new
"submission" document recording that the data came through the API, and when.

Every write is checked against the SHACL shapes and written in one transaction (all or
nothing); the analysis is then recomputed, and queries switch to the new version in one step
(:meth:`api.state.ServiceState.write`: on an embedded store they go on answering from the
previous version meanwhile; a remote store's queries wait for the whole write).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, PlainValidator, ValidationError
from rdflib import RDFS, Graph, URIRef

from api.deps import get_state, require_writer
from api.errors import ApiError, input_error
from api.lookup import resolve
from api.state import Snapshot
from kg.authoring import CaseCompileError, compile_case_bytes, compile_case_text
from kg.authoring.kinds import vocabulary
from kg.authoring.schema import ActorSpec, ClaimSpec, DocumentSpec, EvidenceSpec, StatementSpec
from kg.convert import from_rdflib_graph
from kg.errors import InputError, ShapeViolation
from kg.formats import YAML, Format, format_by_media_type
from kg.namespaces import CRED, DEFAULT_DATA_BASE
from kg.rdfio import parse_bytes, serialize
from kg.store import KnowledgeStore, LoadReport

router = APIRouter(tags=["Writes"], dependencies=[Depends(require_writer)])


class ActorWrite(ActorSpec):
    """An actor, as in a case file's ``actors:``; optionally the document it comes from."""

    document: DocumentSpec | None = None


class ClaimWrite(ClaimSpec):
    """A claim, as in a case file's ``claims:``."""

    document: DocumentSpec | None = None


class StatementWrite(StatementSpec):
    """A statement, as in a case file's ``statements:``: who takes which stance on what."""

    document: DocumentSpec | None = None


class EvidenceWrite(EvidenceSpec):
    """An evidence item, as in a case file's ``evidence:``."""

    document: DocumentSpec | None = None


# Per section: the fields that refer to other items, and the section they refer to.
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "actors": (("acts_for", "actor"),),
    "claims": (("refines", "claim"), ("contradicts", "claim")),
    "statements": (("actor", "actor"), ("claim", "claim"), ("relay", "actor")),
    "evidence": (("produced_by", "actor"), ("released_by", "actor"), ("cited_by", "actor"),
                 ("part_of", "evidence"), ("supports", "claim"), ("disputes", "claim")),
}
_SECTION = {"actor": "actors", "claim": "claims", "evidence": "evidence"}
# Stubs only have to pass the compiler; their triples are removed before anything is written.
_STUBS = {
    "actor": lambda ident: {"id": ident, "name": "existing actor", "kind": "Organization"},
    "claim": lambda ident: {"id": ident, "text": "existing claim"},
    "evidence": lambda ident: {"id": ident, "kind": "Evidence",
                               "description": "existing evidence"},
}


def _referenced(section: str, entry: dict[str, Any]) -> list[tuple[str, str]]:
    """``(kind, id)`` of everything ``entry`` refers to."""
    found = []
    for name, kind in _REFERENCES[section]:
        value = entry.get(name)
        values = value if isinstance(value, list) else [value] if value else []
        for item in values:
            ident = item.get("outlet") if isinstance(item, dict) else item
            if isinstance(ident, str):
                found.append((kind, ident))
    return found


def build_case(section: str, entry: dict[str, Any], snapshot: Snapshot,
               now: dt.datetime | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case document for one entry, and the same document with only the stubs.

    Raises:
        ApiError: 404 for a reference to an item neither in the request nor in the store;
            422 for one to an item of the store outside the API's base IRI.
    """
    now = now or dt.datetime.now(dt.UTC)
    entry = dict(entry)
    document = entry.pop("document", None) or {
        "id": submission_id(section, entry),
        "title": "Submitted through the query API",
        "date": now.date().isoformat(),
    }
    wanted = _referenced(section, entry)
    if document.get("publisher"):
        wanted.append(("actor", document["publisher"]))
    own = {(kind, entry["id"]) for kind, sec in _SECTION.items()
           if sec == section and "id" in entry}
    stubs: dict[str, list[dict[str, Any]]] = {}
    for kind, ident in dict.fromkeys(wanted):
        if (kind, ident) in own:
            continue
        try:
            iri = resolve(snapshot.analysis, kind, ident)
        except LookupError as error:
            raise ApiError(404, "not_found", f"{error.args[0]} in the store or in this request",
                           details={"reference": ident, "kind": kind,
                                    "suggestions": list(error.args[1])}) from None
        if iri != f"{DEFAULT_DATA_BASE}{kind}/{ident}":
            raise ApiError(422, "invalid_reference", f"{kind} {ident!r} is {iri}, outside the "
                           f"API's base {DEFAULT_DATA_BASE}; upload RDF to refer to it")
        stubs.setdefault(_SECTION[kind], []).append(_STUBS[kind](ident))
    full: dict[str, Any] = {"format": "cred-kg/1", "document": document,
                            **{name: list(items) for name, items in stubs.items()}}
    full.setdefault(section, []).append(entry)
    return full, {"format": "cred-kg/1", "document": document, **stubs}


_SPECS: dict[str, type[BaseModel]] = {
    "actors": ActorSpec, "claims": ClaimSpec, "statements": StatementSpec,
    "evidence": EvidenceSpec}


def submission_id(section: str, entry: dict[str, Any]) -> str:
    """The id of the submission document for an entry sent without a document: a digest of
    the entry's content, so that the same entry sent twice (a client's retry) names the same
    statement, which the write then finds already there, instead of a second statement that
    would count the same stance twice."""
    canonical = _SPECS[section].model_validate(entry).model_dump(mode="json",
                                                                 exclude_defaults=True)
    digest = hashlib.sha256(json.dumps([section, canonical], sort_keys=True).encode())
    return f"{_SUBMISSION}{digest.hexdigest()[:16]}"


def declared_kinds(section: str, entry: dict[str, Any],
                   store: KnowledgeStore) -> dict[str, list[dict[str, str]]]:
    """The ``extend:`` block that an entry's kind needs when the data declared it (a case's
    ``extend: actor_kinds: [{id: Militia, parent: Organization}]``) and the vocabulary does
    not: the kind and its declared ancestors, root first, as the store holds them."""
    if section not in ("actors", "evidence") or not isinstance(entry.get("kind"), str):
        return {}
    table = "actor_kinds" if section == "actors" else "evidence_kinds"
    known = getattr(vocabulary(), table)
    prefix = f"{DEFAULT_DATA_BASE}kind/"
    chain: list[dict[str, str]] = []
    kind = entry["kind"]
    while kind not in known and len(chain) < 16:  # (a cycle in the data ends the walk)
        parents = [q.object.value for q in store.oxigraph.quads_for_pattern(
            ox.NamedNode(prefix + kind), ox.NamedNode(str(RDFS.subClassOf)), None)
            if isinstance(q.object, ox.NamedNode)]
        parent = next((p.rsplit("#", 1)[-1] for p in parents if p.startswith(str(CRED))),
                      next((p[len(prefix):] for p in parents if p.startswith(prefix)), None))
        if parent is None:
            return {}  # not declared: the compiler names the kind as unknown
        chain.append({"id": kind, "parent": parent})
        kind = parent
    return {table: chain[::-1]} if chain else {}


def compile_entry(section: str, entry: dict[str, Any], snapshot: Snapshot,
                  store: KnowledgeStore | None = None) -> tuple[str, list[ox.Quad], list[str]]:
    """Compile one entry: its graph name, its quads (stubs removed), and its new subjects.
    With ``store``, a kind the store's data declared is taken as declared."""
    full, stubs_only = build_case(section, entry, snapshot)
    if store is not None and (extend := declared_kinds(section, entry, store)):
        full["extend"] = stubs_only["extend"] = extend
    try:
        case = compile_case_text(json.dumps(full), source="<request>")
        stub_graph = compile_case_text(json.dumps(stubs_only), source="<request>").graph
    except CaseCompileError as error:
        raise _compile_error(error, section) from None
    stub_subjects = {URIRef(f"{DEFAULT_DATA_BASE}{kind}/{item['id']}")
                     for kind, section_name in _SECTION.items()
                     for item in stubs_only.get(section_name, [])}
    stub_subjects |= {URIRef(f"{DEFAULT_DATA_BASE}kind/{item['id']}")
                      for items in stubs_only.get("extend", {}).values() for item in items}
    graph = Graph()
    for triple in case.graph:
        if triple[0] in stub_subjects and triple in stub_graph:
            continue
        graph.add(triple)
    new_subjects = sorted({str(s) for s in case.graph.subjects()
                           if s not in stub_subjects and isinstance(s, URIRef)
                           and s != case.graph_name and "/relay/" not in str(s)})
    return str(case.graph_name), from_rdflib_graph(graph, case.graph_name), new_subjects


def _compile_error(error: CaseCompileError, section: str) -> ApiError:
    prefix = f"{section}[0]."
    problems = []
    for problem in error.problems:
        data = problem.to_dict()
        # Positions point into the document built from the request, not the request itself.
        data.pop("line", None)
        data.pop("column", None)
        data["source"] = "<request>"
        term = data.get("term")
        if isinstance(term, str):
            data["term"] = term.removeprefix(prefix)
        problems.append(data)
    first = problems[0]
    where = f"{first['term']}: " if first.get("term") else ""
    return ApiError(422, "invalid_entry", f"{where}{first['message']}", details=problems)


#: The most values (list items and object members, nested ones included) one JSON entry may
#: hold. An entry is one item: a few dozen values. An 8 MiB body can hold a million, and
#: checking them held the event loop (pydantic reports each bad one: 26 s for 900,000 bad
#: aliases, every other client waiting); many items go to ``POST /data`` as a case file.
MAX_ENTRY_VALUES = 10_000


def _as_sent(value: Any) -> Any:
    return value


def _checked_later(model: type[BaseModel]) -> PlainValidator:
    """A JSON body documented as ``model`` (the OpenAPI document is unchanged) that FastAPI
    passes on as parsed, unchecked: :func:`check_entry` checks it, in a thread."""
    return PlainValidator(_as_sent, json_schema_input_type=model)


def check_entry(section: str, entry: Any) -> None:
    """Check a JSON entry against its section's model, as FastAPI would have: a 422 in the
    same shape (:class:`RequestValidationError`), or a 413 for an entry of over
    :data:`MAX_ENTRY_VALUES` values, refused before anything is checked."""
    count, pending = 0, [entry]
    while pending:  # without recursion: the parsed JSON may nest deep
        value = pending.pop()
        if isinstance(value, dict | list):
            count += len(value)
            if count > MAX_ENTRY_VALUES:
                raise ApiError(413, "request_too_large", "the entry holds more than "
                               f"{MAX_ENTRY_VALUES:,} values (list items and fields), the "
                               "most one entry may hold; send many items as a case file or "
                               "RDF to POST /data", details={"limit_values": MAX_ENTRY_VALUES})
            pending.extend(value.values() if isinstance(value, dict) else value)
    try:
        # from_attributes: as FastAPI checks a body (the same error for a body that is no
        # object: "model_attributes_type").
        _WRITES[section].model_validate(entry, from_attributes=True)
    except ValidationError as error:
        raise RequestValidationError([
            {**e, "loc": ("body", *e["loc"])}
            for e in error.errors(include_url=False, include_context=False, include_input=False)
        ]) from None


async def _write_entry(request: Request, response: Response, section: str,
                       entry: Any) -> dict[str, Any]:
    """Write ``entry``, the body as FastAPI parsed it (the bytes when not sent as JSON)."""
    state = get_state(request)
    # In a thread: an entry of ten thousand values takes a few milliseconds to check.
    await asyncio.to_thread(check_entry, section, entry)

    def action(store: KnowledgeStore) -> dict[str, Any]:
        graph_name, quads, subjects = compile_entry(section, entry, state.current, store)
        if already_written(store, graph_name, quads):
            return {"quads": 0, "graph": graph_name, "subjects": subjects, "warnings": [],
                    "unchanged": True}
        taken = [s for s in subjects
                 if next(store.oxigraph.quads_for_pattern(ox.NamedNode(s), None, None), None)]
        if taken:
            raise ApiError(409, "conflict", f"{taken[0]} already exists; ids are unique",
                           details={"existing": taken})
        report = store.load_bytes(serialize(quads, "nquads"), "nquads", source="<request>",
                                  validate=True)
        return _written(report, graph_name, subjects)

    result = await state.write(action, changed=lambda result: not result.get("unchanged"))
    result["version"] = state.current.version
    if result.get("unchanged"):
        response.status_code = 200
    return result


def already_written(store: KnowledgeStore, graph_name: str, quads: list[ox.Quad]) -> bool:
    """Whether the store holds every quad of the entry itself (its document's own quads, such
    as the day of a submission, left out): the same entry written before, so this write would
    change nothing."""
    document = ox.NamedNode(graph_name)
    own = [quad for quad in quads if quad.subject != document]
    # (quads_for_pattern, which a remote store answers too, as a SPARQL query)
    return bool(own) and all(next(iter(store.oxigraph.quads_for_pattern(
        quad.subject, quad.predicate, quad.object, quad.graph_name)), None) is not None
        for quad in own)


def _written(report: LoadReport, graph_name: str | None, subjects: list[str]) -> dict[str, Any]:
    # A case file uploaded again with changes adds to the old version, as `kg load` without
    # --replace does; the API has no replace, so the writer is told who can.
    merged = [f"the store already held another version of the document <{g}>; the old "
              "version's statements remain beside this upload's, merged with them (to replace "
              "it, the operator loads the corrected file with `kg load --replace`)"
              for f in report.files for g in f.other_versions]
    return {
        "quads": report.total_quads,
        "graph": graph_name,
        "subjects": subjects,
        "warnings": [str(w) for f in report.files for w in f.warnings if not _unpublished(w)]
        + merged,
    }


# The document the service makes for an entry sent without one: it records where the entry
# came from (the API, and when) and has no publisher, so the shapes' warning that a source
# document should name one is no news to the writer.
_SUBMISSION = "api-submission-"


def _unpublished(warning: ShapeViolation) -> bool:
    return warning.focus.startswith(f"{DEFAULT_DATA_BASE}document/{_SUBMISSION}") and \
        (warning.path or "").endswith("publishedBy")


#: Each section's model, which :func:`check_entry` checks an entry against.
_WRITES: dict[str, type[BaseModel]] = {
    "actors": ActorWrite, "claims": ClaimWrite, "statements": StatementWrite,
    "evidence": EvidenceWrite}

# The bodies below are documented as their models, and checked in _write_entry (off the
# event loop, after the size bound): ``body`` holds the JSON as it was sent, parsed.


@router.post("/actors", status_code=201, summary="Add an actor")
async def add_actor(request: Request, response: Response,
                    body: Annotated[ActorWrite, _checked_later(ActorWrite)]) -> dict[str, Any]:
    return await _write_entry(request, response, "actors", body)


@router.post("/claims", status_code=201, summary="Add a claim")
async def add_claim(request: Request, response: Response,
                    body: Annotated[ClaimWrite, _checked_later(ClaimWrite)]) -> dict[str, Any]:
    return await _write_entry(request, response, "claims", body)


@router.post("/statements", status_code=201, summary="Add a statement (a stance on a claim)")
async def add_statement(
    request: Request, response: Response,
    body: Annotated[StatementWrite, _checked_later(StatementWrite)],
) -> dict[str, Any]:
    return await _write_entry(request, response, "statements", body)


@router.post("/evidence", status_code=201, summary="Add an evidence item")
async def add_evidence(
    request: Request, response: Response,
    body: Annotated[EvidenceWrite, _checked_later(EvidenceWrite)],
) -> dict[str, Any]:
    return await _write_entry(request, response, "evidence", body)


@router.post(
    "/data", status_code=201, summary="Upload RDF (Turtle, TriG, ...) or a YAML case file",
    openapi_extra={"requestBody": {"required": True, "content": {
        media: {"schema": {"type": "string"}} for media in (
            "text/turtle", "application/trig", "application/n-triples", "application/n-quads",
            "application/ld+json", "application/rdf+xml", "application/yaml")}}},
)
async def upload(request: Request, response: Response) -> dict[str, Any]:
    """Add a document's data, all or nothing, after checking it against the SHACL shapes.

    The ``Content-Type`` gives the format. A triple format's data goes into the default
    graph; TriG, N-Quads and JSON-LD keep their graphs; a case file becomes one named graph.
    """
    state = get_state(request)
    media = request.headers.get("content-type", "")
    fmt = format_by_media_type(media) if media else None
    if fmt is None:
        raise ApiError(415, "unsupported_media_type", "give the format as Content-Type: "
                       "text/turtle, application/trig, application/n-triples, "
                       "application/n-quads, application/ld+json, application/rdf+xml or "
                       "application/yaml", details={"content_type": media or None})
    data = await request.body()
    quads: list[ox.Quad] | None = None
    if fmt is not YAML:
        try:
            quads = await _parse(data, fmt)
        except InputError as error:
            raise input_error(error) from None
        if any(q.graph_name == ox.NamedNode(state.analysis_graph) for q in quads):
            raise ApiError(400, "reserved_graph", f"<{state.analysis_graph}> holds the "
                           "analysis, which the server writes; upload data to other graphs")

    def action(store: KnowledgeStore) -> dict[str, Any]:
        # Asked before the load, which makes every quad held: after it, the answer is yes.
        held = all_held(store, quads if fmt is not YAML else _case_quads(data))
        report = store.load_bytes(data, fmt, source="<request>", validate=True)
        graphs = sorted({g for f in report.files for g in f.graph_names})
        return {**_written(report, ", ".join(graphs) or None, []), **(
            {"unchanged": True} if held else {})}

    # An upload the store held already (a client's retry) changes no data: the version stays,
    # and no analysis is redone, as for an entry sent again (_write_entry).
    result = await state.write(action, changed=lambda result: not result.get("unchanged"))
    result["version"] = state.current.version
    if result.get("unchanged"):
        response.status_code = 200
    return result


_REMOTE_LOOKUPS = 500


def all_held(store: KnowledgeStore, quads: list[ox.Quad] | None) -> bool:
    """Whether the store holds every quad of an upload (``None``: not known), so that loading
    it would change nothing. A blank node is parsed afresh each time and loaded as a new
    node: an upload with one is never held."""
    # Stops at the first quad missing, the first one for most new uploads. On a remote store
    # each lookup is a request: past a few hundred, an upload is taken as new (a retry then
    # reloads what the store holds, which changes no data but bumps the version).
    if quads is None or (store.kind == "remote" and len(quads) > _REMOTE_LOOKUPS):
        return False
    return all(next(iter(store.oxigraph.quads_for_pattern(
        quad.subject, quad.predicate, quad.object, quad.graph_name)), None) is not None
        for quad in quads)


def _case_quads(data: bytes) -> list[ox.Quad] | None:
    """A case file's quads, as the load compiles them; ``None`` if it does not compile (the
    load then reports why, as it would have)."""
    try:
        case = compile_case_bytes(data, source="<request>")
    except InputError:
        return None
    return from_rdflib_graph(case.graph, case.graph_name)


async def _parse(data: bytes, fmt: Format) -> list[ox.Quad]:
    return await asyncio.to_thread(parse_bytes, data, fmt, source="<request>")


__all__ = ["ActorWrite", "ClaimWrite", "EvidenceWrite", "StatementWrite", "build_case",
           "compile_entry", "router"]
