"""The ontology files themselves (ontology/vocabulary.ttl and ontology/shapes.ttl): they parse,
conform to SHACL-SHACL, and agree with each other."""

from __future__ import annotations

import pyoxigraph
import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.namespaces import CRED
from kg.validate import (
    SHAPES,
    shapes_graph,
    validate_graph,
    vocabulary_graph,
)
from ontology import SHAPES_PATH, VOCAB_PATH


def test_vocabulary_parses_with_rdflib_and_pyoxigraph() -> None:
    rdflib_graph = Graph().parse(VOCAB_PATH, format="turtle")
    oxigraph_triples = list(
        pyoxigraph.parse(path=str(VOCAB_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    )
    assert len(rdflib_graph) == len(oxigraph_triples) > 300


def test_shapes_parse_with_pyoxigraph() -> None:
    triples = list(pyoxigraph.parse(path=str(SHAPES_PATH), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(Graph().parse(SHAPES_PATH, format="turtle"))


def test_shapes_conform_to_shacl_shacl() -> None:
    conforms, _report, text = pyshacl.validate(
        Graph(), shacl_graph=shapes_graph(), meta_shacl=True, inference="none"
    )
    assert conforms, text


def test_the_vocabulary_itself_conforms() -> None:
    # So that a store holding vocab.ttl as one of its graphs can be validated as a whole.
    assert validate_graph(vocabulary_graph()) == []


def test_every_cred_term_in_the_shapes_is_declared_in_the_vocabulary() -> None:
    vocab = vocabulary_graph()
    declared = {s for s in vocab.subjects() if isinstance(s, URIRef)}
    used = {
        term
        for triple in shapes_graph()
        for term in triple
        if isinstance(term, URIRef) and term.startswith(str(CRED))
    }
    # Terms inside SPARQL text are not RDF terms; check their local names as words.
    sparql = " ".join(str(o) for o in shapes_graph().objects(None, SH.select))
    used |= {
        CRED[w.removeprefix("cred:")]
        for w in sparql.replace("*", " ").replace("+", " ").split()
        if w.startswith("cred:")
    }
    assert used, "the shapes use cred: terms"
    assert sorted(used - declared) == []


def test_every_class_of_the_vocabulary_is_targeted() -> None:
    vocab, shapes = vocabulary_graph(), shapes_graph()
    targeted = set(shapes.objects(None, SH.targetClass))
    for cls in vocab.subjects(RDF.type, OWL.Class):
        lineage = set(vocab.transitive_objects(cls, RDFS.subClassOf))
        assert lineage & targeted, f"no shape targets {cls} or a superclass of it"


def test_every_property_with_a_cred_domain_has_a_domain_shape() -> None:
    vocab, shapes = vocabulary_graph(), shapes_graph()
    for prop, domain in vocab.subject_objects(RDFS.domain):
        if not str(domain).startswith(str(CRED)):
            continue
        domain_shape = SHAPES[f"{str(domain).removeprefix(str(CRED))}-domain"]
        assert (domain_shape, SH.targetSubjectsOf, prop) in shapes, (prop, domain)
        assert (domain_shape, SH["class"], domain) in shapes


def test_every_shape_has_an_iri_and_a_message() -> None:
    shapes = shapes_graph()
    for kind in (SH.NodeShape, SH.PropertyShape):
        for s in shapes.subjects(RDF.type, kind):
            assert isinstance(s, URIRef) and s.startswith(str(SHAPES)), s
            messages = list(shapes.objects(s, SH.message)) + [
                m for c in shapes.objects(s, SH.sparql) for m in shapes.objects(c, SH.message)
            ]
            assert len(messages) == 1, s
