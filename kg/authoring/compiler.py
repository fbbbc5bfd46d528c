"""Compile a case file (YAML, see ``docs/authoring.md``) into RDF in the cred vocabulary.

Three passes, each of which reports every problem it finds with file, line, column and field:

1. :func:`kg.authoring.yamltree.read_yaml` reads the YAML and keeps positions;
2. pydantic checks the structure (:mod:`kg.authoring.schema`);
3. :class:`_Checker` checks what needs the vocabulary or the rest of the file: kinds, stances,
   settings, references between entries, affiliation cycles, duplicate ids.

Only a file with no problem is turned into triples, so a failed compile yields nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.authoring.kinds import CLAIM_KINDS, STANCES, Vocabulary, vocabulary
from kg.authoring.schema import CaseSpec, PartialDate
from kg.authoring.yamltree import Path as YamlPath
from kg.authoring.yamltree import PositionedDocument, dotted_path, read_yaml
from kg.errors import AuthoringError, Location
from kg.namespaces import CRED, DEFAULT_DATA_BASE, PREFIXES, SCHEMA

FORMAT_VERSION = "cred-kg/1"

#: Case files larger than this are refused before parsing: hand-written cases are small, and
#: YAML parsing is slow enough that a huge file would tie up a worker.
MAX_CASE_BYTES = 8 * 1024 * 1024


class CaseCompileError(AuthoringError):
    """A case file with one or more problems; ``problems`` lists all of them, in file order."""

    def __init__(self, problems: Sequence[AuthoringError]) -> None:
        first = problems[0]
        super().__init__(
            first.message,
            location=first.location,
            term=first.term,
            expected=first.expected,
            suggestions=first.suggestions,
        )
        self.problems = list(problems)

    def __str__(self) -> str:
        text = super().__str__()
        more = len(getattr(self, "problems", ())) - 1
        return text + (f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else "")


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
        CaseCompileError: listing every problem found, each with file, line and column.

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
                        location=_loc(source),
                    )
                ]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseCompileError(
            [AuthoringError(f"cannot read file: {exc.strerror}", location=_loc(source))]
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
                    location=_loc(source, line, column),
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
    spec = _structure(doc)
    checker = _Checker(doc, spec, vocabulary())
    checker.run()
    if checker.problems:
        raise CaseCompileError(sorted(checker.problems, key=_position))
    graph = _Emitter(spec, checker).emit()
    return CompiledCase(
        graph_name=checker.iri("document", spec.document.id),
        graph=graph,
        source=source,
        spec=spec,
    )


def _loc(source: str, line: int | None = None, column: int | None = None) -> Location:
    return Location(source, line, column)


def _position(error: AuthoringError) -> tuple[int, int]:
    return (error.location.line or 0, error.location.column or 0)


def _suggest(value: str, options: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(value, list(options), n=2, cutoff=0.6)


# --------------------------------------------------------------------------------------------
# Pass 2: structure


def _structure(doc: PositionedDocument) -> CaseSpec:
    try:
        return CaseSpec.model_validate(doc.value)
    except ValidationError as exc:
        problems = [_translate(doc, err) for err in exc.errors()]
        raise CaseCompileError(sorted(problems, key=_position)) from None


def _translate(doc: PositionedDocument, err: Any) -> AuthoringError:
    """Turn one pydantic error into an AuthoringError that names the place and the fix."""
    loc: YamlPath = tuple(
        part for part in err["loc"] if isinstance(part, int | str) and not _is_tag(part)
    )
    term = dotted_path(loc)
    kind = err["type"]
    if kind == "extra_forbidden":
        fields = _fields_at(loc[:-1])
        return AuthoringError(
            f"unknown field {loc[-1]!r}",
            location=doc.location(loc, key=True),
            term=term,
            expected="one of " + ", ".join(fields) if fields else None,
            suggestions=_suggest(str(loc[-1]), fields),
        )
    if kind == "missing":
        return AuthoringError(
            "required field is missing", location=doc.location(loc[:-1]), term=term
        )
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind in {"string_type", "list_type", "model_type", "dict_type", "bool_parsing",
                "float_parsing", "model_attributes_type"}:
        message += f" (got {_describe(err.get('input'))})"
    return AuthoringError(message, location=doc.location(loc), term=term)


def _is_tag(part: object) -> bool:
    # pydantic inserts validator names such as "function-after[...]" into error locations.
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _fields_at(loc: YamlPath) -> list[str]:
    """The field names allowed at ``loc`` in the case file, for "did you mean"."""
    model: Any = CaseSpec
    for part in loc:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        if info is None:
            return []
        model = _model_of(info.annotation)
        if model is None:
            return []
    return list(model.model_fields)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or getattr(annotation, "__metadata__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _model_of(origin) if origin is not None and origin is not annotation else None


# --------------------------------------------------------------------------------------------
# Pass 3: meaning


class _Checker:
    """Checks everything that needs the vocabulary or other entries of the file."""

    def __init__(self, doc: PositionedDocument, spec: CaseSpec, vocab: Vocabulary) -> None:
        self.doc = doc
        self.spec = spec
        self.base = spec.base or DEFAULT_DATA_BASE
        self.problems: list[AuthoringError] = []
        self.actor_kinds = dict(vocab.actor_kinds)
        self.evidence_kinds = dict(vocab.evidence_kinds)
        self.settings = dict(vocab.settings)
        self.statement_ids: list[str] = []

    def iri(self, section: str, ident: str) -> URIRef:
        return URIRef(f"{self.base}{section}/{ident}")

    def problem(self, path: YamlPath, message: str, **kwargs: Any) -> None:
        self.problems.append(
            AuthoringError(
                message, location=self.doc.location(path), term=dotted_path(path), **kwargs
            )
        )

    def run(self) -> None:
        spec = self.spec
        if spec.format != FORMAT_VERSION:
            self.problem(("format",), f"unknown format {spec.format!r}",
                         expected=repr(FORMAT_VERSION))
        if spec.base is not None and not (
            spec.base.startswith(("http://", "https://", "urn:"))
            and spec.base.endswith(("/", "#", ":"))
            and not any(c in spec.base for c in ' <>"{}|\\^`')
        ):
            self.problem(("base",), f"{spec.base!r} is not a usable base IRI",
                         expected="an absolute http(s) or urn IRI ending in '/', '#' or ':'")
        self._extensions()
        actors = self._unique("actors", [a.id for a in spec.actors])
        claims = self._unique("claims", [c.id for c in spec.claims])
        evidence = self._unique("evidence", [e.id for e in spec.evidence])
        self._document(actors)
        self._actors(actors)
        self._claims(claims)
        self._statements(actors, claims)
        self._evidence(actors, claims, evidence)
        self._overrides(actors)
        for i, request in enumerate(spec.comment_requests):
            self._ref(("comment_requests", i, "by"), request.by, actors, "actor")
            self._ref(("comment_requests", i, "to"), request.to, actors, "actor")

    def _extensions(self) -> None:
        ext = self.spec.extend
        for section, table, root_table in (
            ("actor_kinds", self.actor_kinds, self.actor_kinds),
            ("evidence_kinds", self.evidence_kinds, self.evidence_kinds),
        ):
            for i, kind in enumerate(getattr(ext, section)):
                path: YamlPath = ("extend", section, i)
                if kind.id in table:
                    self.problem((*path, "id"), f"kind {kind.id!r} already exists")
                    continue
                if kind.parent not in root_table:
                    self.problem((*path, "parent"), f"unknown parent kind {kind.parent!r}",
                                 expected="one of " + ", ".join(sorted(root_table)),
                                 suggestions=_suggest(kind.parent, root_table))
                table[kind.id] = self.iri("kind", kind.id)
                if section == "actor_kinds" and kind.reliability_prior is not None:
                    self.problem((*path, "reliability_prior"),
                                 "reliability priors belong to evidence kinds only")
        for i, setting in enumerate(ext.settings):
            if setting.id in self.settings:
                self.problem(("extend", "settings", i, "id"),
                             f"setting {setting.id!r} already exists")
            self.settings[setting.id] = self.iri("setting", setting.id)

    def _unique(self, section: str, ids: list[str]) -> set[str]:
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                self.problem((section, i, "id"), f"duplicate id {ident!r} in {section}")
            seen.add(ident)
        return seen

    def _ref(self, path: YamlPath, value: str | None, known: set[str], what: str) -> None:
        if value is None or value in known:
            return
        self.problem(
            path,
            f"no {what} with id {value!r} in this file",
            expected=f"one of {', '.join(sorted(known))}" if known and len(known) <= 12
            else f"the id of an entry under {what if what == 'evidence' else what + 's'}",
            suggestions=_suggest(value, known),
        )

    def _choice(self, path: YamlPath, value: str, options: dict[str, Any], what: str) -> None:
        if value not in options:
            self.problem(path, f"{value!r} is not {what}",
                         expected="one of " + ", ".join(options),
                         suggestions=_suggest(value, options))

    def _document(self, actors: set[str]) -> None:
        self._ref(("document", "publisher"), self.spec.document.publisher, actors, "actor")

    def _actors(self, actors: set[str]) -> None:
        parent: dict[str, str] = {}
        for i, actor in enumerate(self.spec.actors):
            self._choice(("actors", i, "kind"), actor.kind, self.actor_kinds, "an actor kind")
            self._ref(("actors", i, "acts_for"), actor.acts_for, actors, "actor")
            if actor.acts_for == actor.id:
                self.problem(("actors", i, "acts_for"), "an actor cannot act on behalf of itself")
            elif actor.acts_for:
                parent[actor.id] = actor.acts_for
        index = {a.id: i for i, a in enumerate(self.spec.actors)}
        reported: set[frozenset[str]] = set()
        for start in parent:
            chain = [start]
            while chain[-1] in parent and parent[chain[-1]] not in chain:
                chain.append(parent[chain[-1]])
            if chain[-1] in parent and parent[chain[-1]] in chain:
                cycle = chain[chain.index(parent[chain[-1]]):]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    self.problem(("actors", index[cycle[0]], "acts_for"),
                                 "affiliation cycle: " + " -> ".join([*cycle, cycle[0]]))

    def _claims(self, claims: set[str]) -> None:
        broader: dict[str, list[str]] = {}
        for i, claim in enumerate(self.spec.claims):
            self._choice(("claims", i, "kind"), claim.kind, CLAIM_KINDS, "a claim kind")
            for field_name in ("refines", "contradicts"):
                for j, other in enumerate(getattr(claim, field_name)):
                    path: YamlPath = ("claims", i, field_name, j)
                    self._ref(path, other, claims, "claim")
                    if other == claim.id:
                        self.problem(path, f"a claim cannot be in '{field_name}' of itself")
            broader[claim.id] = [c for c in claim.refines if c != claim.id]
        index = {c.id: i for i, c in enumerate(self.spec.claims)}
        for start in broader:
            if self._reaches(broader, start, start):
                self.problem(("claims", index[start], "refines"),
                             f"refinement cycle through {start!r}: a claim cannot be a special "
                             "case of its own special case")

    @staticmethod
    def _reaches(edges: dict[str, list[str]], start: str, target: str) -> bool:
        stack, seen = list(edges.get(start, ())), set()
        while stack:
            node = stack.pop()
            if node == target:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(edges.get(node, ()))
        return False

    def _statements(self, actors: set[str], claims: set[str]) -> None:
        used: dict[str, int] = {}
        explicit = {s.id for s in self.spec.statements if s.id}
        for i, statement in enumerate(self.spec.statements):
            path: YamlPath = ("statements", i)
            self._ref((*path, "actor"), statement.actor, actors, "actor")
            self._ref((*path, "claim"), statement.claim, claims, "claim")
            self._choice((*path, "stance"), statement.stance, STANCES, "a stance")
            if statement.setting is not None:
                self._choice((*path, "setting"), statement.setting, self.settings, "a setting")
            for j, step in enumerate(statement.relay):
                self._ref((*path, "relay", j, "outlet"), step.outlet, actors, "actor")
            ident = statement.id or f"{statement.actor}--{statement.claim}"
            if statement.id is None:
                # Number repeated default ids so that two statements by one actor on one
                # claim (on different days, say) stay two statements.
                while ident in used or (ident in explicit and used.get(ident) is not None):
                    used[ident] = used.get(ident, 1) + 1
                    ident = f"{statement.actor}--{statement.claim}-{used[ident]}"
            elif ident in used:
                self.problem((*path, "id"), f"duplicate statement id {ident!r}")
            used.setdefault(ident, 1)
            self.statement_ids.append(ident)

    def _evidence(self, actors: set[str], claims: set[str], evidence: set[str]) -> None:
        for i, item in enumerate(self.spec.evidence):
            path: YamlPath = ("evidence", i)
            self._choice((*path, "kind"), item.kind, self.evidence_kinds, "an evidence kind")
            for name in ("produced_by", "released_by"):
                self._ref((*path, name), getattr(item, name), actors, "actor")
            for j, actor in enumerate(item.cited_by):
                self._ref((*path, "cited_by", j), actor, actors, "actor")
            self._ref((*path, "part_of"), item.part_of, evidence, "evidence")
            if item.part_of == item.id:
                self.problem((*path, "part_of"), "evidence cannot be part of itself")
            for name in ("supports", "disputes"):
                for j, claim in enumerate(getattr(item, name)):
                    self._ref((*path, name, j), claim, claims, "claim")
            both = set(item.supports) & set(item.disputes)
            if both:
                self.problem(path, f"evidence both supports and disputes {sorted(both)}")

    def _overrides(self, actors: set[str]) -> None:
        for i, override in enumerate(self.spec.independence):
            for j, actor in enumerate(override.actors):
                self._ref(("independence", i, "actors", j), actor, actors, "actor")
            if len(set(override.actors)) < 2:
                self.problem(("independence", i, "actors"),
                             "an override names at least two different actors")


# --------------------------------------------------------------------------------------------
# Emitting triples


class _Emitter:
    def __init__(self, spec: CaseSpec, checker: _Checker) -> None:
        self.spec = spec
        self.c = checker
        self.g = Graph()
        for prefix, namespace in PREFIXES.items():
            self.g.bind(prefix, namespace)

    def add(self, s: URIRef | BNode, p: URIRef, o: Any) -> None:
        if o is None:
            return
        self.g.add((s, p, o if isinstance(o, URIRef | BNode | Literal) else Literal(o)))

    def emit(self) -> Graph:
        doc_iri = self._document()
        self._extensions()
        for actor in self.spec.actors:
            self._actor(actor)
        for claim in self.spec.claims:
            self._claim(claim, doc_iri)
        for ident, statement in zip(self.c.statement_ids, self.spec.statements, strict=True):
            self._statement(ident, statement, doc_iri)
        for item in self.spec.evidence:
            self._evidence(item)
        for override in self.spec.independence:
            self._override(override)
        for request in self.spec.comment_requests:
            self._comment_request(request, doc_iri)
        return self.g

    def _dated(self, node: URIRef, item: Any) -> None:
        self.add(node, DCTERMS.date, _date_literal(item.date))
        self.add(node, CRED.dateText, item.date_text)
        self.add(node, CRED.dateBasis, item.date_basis)

    def _document(self) -> URIRef:
        doc = self.spec.document
        node = self.c.iri("document", doc.id)
        self.add(node, RDF.type, CRED.SourceDocument)
        self.add(node, DCTERMS.title, doc.title)
        if doc.publisher:
            self.add(node, CRED.publishedBy, self.c.iri("actor", doc.publisher))
        if doc.url:
            # Kept as a literal: an IRI here could invite a client to dereference it.
            self.add(node, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI))
        self.add(node, CRED.note, doc.note)
        self._dated(node, doc)
        return node

    def _extensions(self) -> None:
        ext = self.spec.extend
        for kinds, table in ((ext.actor_kinds, self.c.actor_kinds),
                             (ext.evidence_kinds, self.c.evidence_kinds)):
            for kind in kinds:
                node = table[kind.id]
                self.add(node, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
                self.add(node, RDFS.subClassOf, table[kind.parent])
                self.add(node, RDFS.label, kind.label or kind.id)
                self.add(node, RDFS.comment, kind.comment)
                if kind.reliability_prior is not None:
                    self.add(node, CRED.reliabilityPrior,
                             Literal(str(kind.reliability_prior), datatype=XSD.decimal))
        for setting in ext.settings:
            node = self.c.settings[setting.id]
            self.add(node, RDF.type, CRED.Setting)
            self.add(node, RDFS.label, setting.label or setting.id)
            self.add(node, RDFS.comment, setting.comment)

    def _actor(self, actor: Any) -> None:
        node = self.c.iri("actor", actor.id)
        self.add(node, RDF.type, self.c.actor_kinds[actor.kind])
        self.add(node, RDFS.label, actor.name)
        self.add(node, CRED.role, actor.role)
        if actor.acts_for:
            self.add(node, CRED.actsOnBehalfOf, self.c.iri("actor", actor.acts_for))
        for alias in actor.aliases:
            self.add(node, SKOS.altLabel, alias)
        self.add(node, CRED.note, actor.note)

    def _claim(self, claim: Any, doc_iri: URIRef) -> None:
        node = self.c.iri("claim", claim.id)
        self.add(node, RDF.type, CLAIM_KINDS[claim.kind])
        self.add(node, CRED.text, claim.text)
        self.add(node, CRED.appearsIn, doc_iri)
        for other in claim.refines:
            self.add(node, CRED.refines, self.c.iri("claim", other))
        for other in claim.contradicts:
            # owl:SymmetricProperty, but consumers without a reasoner see both directions.
            self.add(node, CRED.contradicts, self.c.iri("claim", other))
            self.add(self.c.iri("claim", other), CRED.contradicts, node)
        self.add(node, CRED.note, claim.note)

    def _statement(self, ident: str, statement: Any, doc_iri: URIRef) -> None:
        # Statements belong to their document: two articles reporting the same actor on the
        # same claim make two statements, so their IRIs are scoped by the document's id.
        node = self.c.iri("statement", f"{self.spec.document.id}/{ident}")
        self.add(node, RDF.type, CRED.Statement)
        self.add(node, CRED.statedBy, self.c.iri("actor", statement.actor))
        self.add(node, CRED.about, self.c.iri("claim", statement.claim))
        self.add(node, CRED.stance, STANCES[statement.stance])
        self.add(node, CRED.reportingVerb, statement.verb)
        self.add(node, CRED.quote, statement.quote)
        self.add(node, CRED.reportedAs, statement.reported_as)
        if statement.setting is not None:
            self.add(node, CRED.setting, self.c.settings[statement.setting])
        self.add(node, CRED.inDocument, doc_iri)
        self.add(node, CRED.note, statement.note)
        self._dated(node, statement)
        previous: URIRef | None = None
        for position, step in enumerate(statement.relay):
            report = URIRef(f"{node}/relay/{position}")
            self.add(node, CRED.reportedIn, report)
            self.add(report, RDF.type, CRED.Report)
            self.add(report, CRED.relays, node)
            self.add(report, CRED.reportedBy, self.c.iri("actor", step.outlet))
            self.add(report, CRED.relayPosition, Literal(position, datatype=XSD.integer))
            self.add(report, CRED.relayCue, step.cue)
            if previous is not None:
                self.add(report, CRED.relayedFrom, previous)
            previous = report

    def _evidence(self, item: Any) -> None:
        node = self.c.iri("evidence", item.id)
        self.add(node, RDF.type, self.c.evidence_kinds[item.kind])
        self.add(node, RDFS.label, item.label)
        self.add(node, DCTERMS.description, item.description)
        for name, prop in (("produced_by", CRED.producedBy), ("released_by", CRED.releasedBy)):
            if getattr(item, name):
                self.add(node, prop, self.c.iri("actor", getattr(item, name)))
        for actor in item.cited_by:
            self.add(node, CRED.citedBy, self.c.iri("actor", actor))
        if item.part_of:
            self.add(node, CRED.partOf, self.c.iri("evidence", item.part_of))
        for claim in item.supports:
            self.add(node, CRED.supports, self.c.iri("claim", claim))
        for claim in item.disputes:
            self.add(node, CRED.disputes, self.c.iri("claim", claim))
        self.add(node, CRED.note, item.note)
        self._dated(node, item)

    def _override(self, override: Any) -> None:
        actors = sorted(set(override.actors))
        kind = "independent" if override.independent else "dependent"
        node = self.c.iri("override",
                          f"{self.spec.document.id}/{kind}--{'--'.join(actors)}")
        self.add(node, RDF.type,
                 CRED.IndependenceDeclaration if override.independent
                 else CRED.DependenceDeclaration)
        for actor in actors:
            self.add(node, CRED.concernsActor, self.c.iri("actor", actor))
        self.add(node, CRED.reason, override.reason)
        self.add(node, CRED.note, override.note)

    def _comment_request(self, request: Any, doc_iri: URIRef) -> None:
        doc_id = self.spec.document.id
        node = self.c.iri("comment-request", f"{doc_id}--{request.by}--{request.to}")
        self.add(node, RDF.type, CRED.CommentRequest)
        self.add(node, CRED.requestedBy, self.c.iri("actor", request.by))
        self.add(node, CRED.requestedFrom, self.c.iri("actor", request.to))
        self.add(node, CRED.channel, request.channel)
        if request.response_reported is not None:
            self.add(node, CRED.responseReported, Literal(request.response_reported))
        self.add(node, CRED.inDocument, doc_iri)
        self.add(node, CRED.note, request.note)
        self._dated(node, request)


def _date_literal(date: PartialDate | None) -> Literal | None:
    if date is None:
        return None
    datatype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[date.precision]
    return Literal(date.isoformat(), datatype=datatype)


__all__ = [
    "FORMAT_VERSION",
    "CaseCompileError",
    "CompiledCase",
    "compile_case_bytes",
    "compile_case_file",
    "compile_case_text",
]
