"""The last step of the compiler: a checked case file turned into triples."""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.authoring.checks import CaseChecker
from kg.authoring.kinds import CLAIM_KINDS, STANCES
from kg.authoring.schema import CaseSpec, PartialDate
from kg.namespaces import CRED, PREFIXES, SCHEMA


class CaseEmitter:
    def __init__(self, spec: CaseSpec, checker: CaseChecker) -> None:
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


__all__ = ["CaseEmitter"]
