"""The generated vocabulary page (docs/vocabulary.md) is current, complete and deterministic."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import CRED
from kg.vocabdoc import render_vocabulary_markdown, write_vocabulary_docs
from ontology import SHAPES_PATH, VOCAB_PATH

DOCS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "vocabulary.md"


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return Graph().parse(VOCAB_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@pytest.fixture(scope="module")
def page(vocab: Graph, shapes: Graph) -> str:
    return render_vocabulary_markdown(vocab, shapes)


def test_committed_page_is_current(page: str) -> None:
    committed = DOCS_PAGE.read_text(encoding="utf-8")
    assert committed == page, "docs/vocabulary.md is stale: run kg vocab-docs -o docs/vocabulary.md"


def test_page_mentions_every_term(vocab: Graph, page: str) -> None:
    terms = {
        s
        for kind in (
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
            OWL.AnnotationProperty,
            CRED.Stance,
            CRED.Setting,
        )
        for s in vocab.subjects(RDF.type, kind)
        if str(s).startswith(str(CRED))
    }
    assert len(terms) > 60
    missing = sorted(t for t in terms if f"cred:{t.removeprefix(str(CRED))}" not in page)
    assert missing == []


def test_every_class_has_a_section(vocab: Graph, page: str) -> None:
    headings = set(re.findall(r"^### (cred:\w+)$", page, flags=re.MULTILINE))
    classes = {
        f"cred:{c.removeprefix(str(CRED))}"
        for c in vocab.subjects(RDF.type, OWL.Class)
        if str(c).startswith(str(CRED))
    }
    assert headings == classes


def test_internal_links_resolve(page: str) -> None:
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', page))
    links = set(re.findall(r"\]\(#([^)]+)\)", page))
    assert links <= anchors


def test_cardinalities_come_from_the_shapes(page: str) -> None:
    statement = page.split("### cred:Statement\n", 1)[1].split("\n### ", 1)[0]
    rows = {
        cells[0]: cells[2]
        for line in statement.splitlines()
        if line.startswith("| [")
        for cells in [[c.strip() for c in line.strip("|").split(" | ")]]
    }
    assert rows["[cred:statedBy](#property-statedBy)"] == "1"
    assert rows["[cred:quote](#property-quote)"] == "0..1"
    assert rows["[cred:reportedIn](#property-reportedIn)"] == "0..*"


def test_prior_table_lists_every_evidence_kind(vocab: Graph, page: str) -> None:
    table = page.split("## Evidence kinds and reliability priors", 1)[1].split("\n## ", 1)[0]
    priors = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^\| \[cred:(\w+)\]\([^)]*\) \| [^|]* \| ([^|]+) \|", table, re.M)
    }
    assert priors["SatelliteImagery"] == "0.7"
    assert priors["Testimony"] == "0.4"
    assert priors["Evidence"] == "0.5"
    kinds = {
        str(c).removeprefix(str(CRED))
        for c in vocab.transitive_subjects(RDFS.subClassOf, CRED.Evidence)
    }
    assert set(priors) == kinds


def test_rendering_does_not_depend_on_triple_order(vocab: Graph, shapes: Graph, page: str) -> None:
    def shuffled(graph: Graph) -> Graph:
        triples = list(graph)
        random.Random(7).shuffle(triples)
        copy = Graph()
        for t in triples:
            copy.add(t)
        return copy

    assert render_vocabulary_markdown(shuffled(vocab), shuffled(shapes)) == page


def test_without_shapes_the_page_still_lists_every_class(vocab: Graph) -> None:
    page = render_vocabulary_markdown(vocab, None)
    assert "Rules:" not in page
    for c in vocab.subjects(RDF.type, OWL.Class):
        assert f"### cred:{c.removeprefix(str(CRED))}\n" in page


def test_write_vocabulary_docs(tmp_path: Path, page: str) -> None:
    target = tmp_path / "vocabulary.md"
    write_vocabulary_docs(target)
    assert target.read_bytes() == page.encode("utf-8")


def test_text_from_the_vocabulary_is_escaped() -> None:
    ex = Namespace(str(CRED))
    vocab = Graph()
    vocab.add((ex.Odd, RDF.type, OWL.Class))
    vocab.add((ex.odd, RDF.type, OWL.DatatypeProperty))
    vocab.add((ex.odd, RDFS.domain, ex.Odd))
    vocab.add((ex.odd, RDFS.comment, Literal("a | b <script>\nc")))
    page = render_vocabulary_markdown(vocab, None)
    row = next(line for line in page.splitlines() if 'id="property-odd"' in line)
    assert "a \\| b &lt;script&gt; c" in row
    assert len(re.split(r"(?<!\\)\|", row)) == 7  # five cells between six pipes


def test_english_text_is_chosen_over_untagged_text() -> None:
    """kg.vocabdoc_page.Page._text: "English first, then untagged". The sort put untagged
    text first."""
    vocab = Graph().parse(data="""
        @prefix cred: <https://w3id.org/cred-kg/ns#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        cred:Thing a owl:Class ; rdfs:label "Untagged label", "English label"@en ;
            rdfs:comment "Untagged comment", "English comment"@en .""", format="turtle")
    page = render_vocabulary_markdown(vocab)
    assert "English label" in page and "English comment" in page
    assert "Untagged" not in page
