"""Formats, safe parsing, serialisation and conversion (kg.formats, kg.rdfio, kg.convert)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import errors, rdfio
from kg.convert import from_rdflib_graph, from_rdflib_term, to_rdflib, to_rdflib_term
from kg.errors import RdfSyntaxError
from kg.formats import FORMATS, RDF_FORMATS, Format, detect_format, format_by_name
from kg.rdfio import Limits, parse_bytes, parse_file, serialize
from kg.store import KnowledgeStore
from tests.rdf_bombs import xml_literal_document

DATA = Path(__file__).parent / "data"
SMALL_CASE = DATA / "valid" / "small-case.ttl"
EX = "https://w3id.org/cred-kg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Extra terms the small case lacks: a blank node, language tags, typed and plain literals.
EXTRAS = b"""
@prefix cred: <https://w3id.org/cred-kg/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/cred-kg/id/claim/troops> cred:note [ rdfs:label "eine Notiz"@de ;
                                                      rdfs:comment "plain" ] ;
    rdfs:label "Troops"@en , "Truppen"@de ;
    cred:reliabilityPrior "0.7"^^xsd:decimal ;
    cred:flag true .
"""

RDFLIB_NAMES = {
    "turtle": "turtle",
    "trig": "trig",
    "nt": "nt",
    "nquads": "nquads",
    "jsonld": "json-ld",
    "rdfxml": "xml",
}


def small_graph_quads() -> list[ox.Quad]:
    return parse_file(SMALL_CASE) + parse_bytes(EXTRAS, "turtle", source="extras.ttl")


def small_dataset_quads() -> list[ox.Quad]:
    """The small graph split over the default graph and two named graphs."""
    graphs = [ox.DefaultGraph(), ox.NamedNode(f"{EX}document/g1"), ox.NamedNode(f"{EX}g2")]
    return [
        ox.Quad(q.subject, q.predicate, q.object, graphs[i % 3])
        for i, q in enumerate(small_graph_quads())
        # Keep blank-node triples in one graph: a blank node shared by graphs cannot be
        # compared graph by graph.
        if not isinstance(q.subject, ox.BlankNode) or i % 3 == 0
    ]


def graphs_of(dataset: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    found: dict[str, rdflib.Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if isinstance(g, rdflib.Graph) else g)
        if name.endswith("_dataset_default"):
            name = "default"
        found.setdefault(name, rdflib.Graph()).add((s, p, o))
    return found


def assert_same_dataset(left: rdflib.Dataset, right: rdflib.Dataset) -> None:
    a, b = graphs_of(left), graphs_of(right)
    assert sorted(a) == sorted(b)
    for name in a:
        assert isomorphic(a[name], b[name]), name


# -- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "name"),
    [
        ("a.ttl", "turtle"),
        ("a.trig", "trig"),
        ("a.nt", "nt"),
        ("a.nq", "nquads"),
        ("a.jsonld", "jsonld"),
        ("a.json", "jsonld"),
        ("a.rdf", "rdfxml"),
        ("a.owl", "rdfxml"),
        ("a.xml", "rdfxml"),
        ("a.yaml", "yaml"),
        ("a.yml", "yaml"),
        ("dir.v2/CASE.TTL", "turtle"),
    ],
)
def test_detect_format_by_extension(filename: str, name: str) -> None:
    assert detect_format(filename).name == name


def test_detect_format_refuses_unknown_extension_naming_file_and_extensions() -> None:
    with pytest.raises(errors.UnsupportedFormatError) as caught:
        detect_format(Path("data/notes.md"))
    error = caught.value
    assert error.location.source == "data/notes.md"
    assert ".ttl" in str(error) and ".jsonld" in str(error) and ".yaml" in str(error)


def test_explicit_format_overrides_extension_and_unknown_name_is_refused() -> None:
    assert detect_format("dump.txt", "nq").name == "nquads"
    with pytest.raises(errors.UnsupportedFormatError) as caught:
        detect_format("dump.txt", "turtel")
    assert caught.value.location.source == "dump.txt"
    assert caught.value.suggestions == ("turtle",)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_format_is_found_by_name_extension_and_media_type(fmt: Format) -> None:
    assert format_by_name(fmt.name) is fmt
    assert format_by_name(fmt.media_type + "; charset=utf-8") is fmt
    for ext in fmt.extensions:
        assert format_by_name("." + ext) is fmt
    assert (fmt.oxigraph is None) == (fmt.name == "yaml")


def test_format_table_says_which_formats_carry_named_graphs() -> None:
    carrying = {f.name for f in FORMATS if f.named_graphs}
    assert carrying == {"trig", "nquads", "jsonld", "yaml"}
    for fmt in RDF_FORMATS:
        assert fmt.oxigraph is not None
        assert fmt.named_graphs == fmt.oxigraph.supports_datasets


# -- parsing ---------------------------------------------------------------------------------


def test_limits_defaults_are_the_documented_ones() -> None:
    limits = Limits()
    assert limits.max_file_bytes == 512 * 1024 * 1024
    assert limits.max_literal_chars == 1_000_000
    assert limits.max_quads_per_load == 20_000_000
    with pytest.raises(AttributeError):
        limits.max_file_bytes = 1  # type: ignore[misc]


def test_triple_formats_parse_into_the_default_graph_and_trig_keeps_graphs() -> None:
    quads = parse_bytes(b"<https://e.org/s> <https://e.org/p> 1 .", "turtle", source="a.ttl")
    assert [type(q.graph_name) for q in quads] == [ox.DefaultGraph]
    trig = b"<https://e.org/g> { <https://e.org/s> <https://e.org/p> 1 . }"
    assert [q.graph_name for q in parse_bytes(trig, "trig", source="a.trig")] == [
        ox.NamedNode("https://e.org/g")
    ]


def test_jsonld_named_graph_is_kept() -> None:
    doc = (
        b'{"@id": "https://e.org/g", '
        b'"@graph": [{"@id": "https://e.org/s", "https://e.org/p": "x"}]}'
    )
    (quad,) = parse_bytes(doc, "jsonld", source="a.jsonld")
    assert quad.graph_name == ox.NamedNode("https://e.org/g")


def test_blank_nodes_are_fresh_for_every_parse() -> None:
    doc = b"_:b1 <https://e.org/p> _:b1 ."
    (first,) = parse_bytes(doc, "nt", source="a.nt")
    (second,) = parse_bytes(doc, "nt", source="b.nt")
    assert first.subject == first.object
    assert first.subject != second.subject
    assert first.subject.value != "b1"


def test_relative_iris_need_a_base() -> None:
    doc = b"<s> <https://e.org/p> 1 ."
    with pytest.raises(errors.RdfSyntaxError) as caught:
        parse_bytes(doc, "turtle", source="rel.ttl")
    assert caught.value.expected is not None and "base IRI" in caught.value.expected
    (quad,) = parse_bytes(doc, "turtle", source="rel.ttl", base_iri="https://e.org/")
    assert quad.subject == ox.NamedNode("https://e.org/s")


def test_a_base_resolves_a_relative_json_ld_id_and_n_triples_says_it_has_none() -> None:
    """store.load_bytes: "base_iri: base for relative IRIs". The JSON-LD @id check refused a
    relative @id even with a base (which the parser resolves), and N-Triples' refusal of a
    relative IRI said "none is set" when a base was set (the format has no relative IRIs)."""
    doc = b'{"@id": "s", "https://e.org/p": "o"}'
    with pytest.raises(errors.RdfSyntaxError, match="relative"):
        parse_bytes(doc, "jsonld", source="rel.jsonld")
    (quad,) = parse_bytes(doc, "jsonld", source="rel.jsonld", base_iri="https://e.org/")
    assert quad.subject == ox.NamedNode("https://e.org/s")
    # A relative "@type" resolves against the base too: not a term "JSON-LD would drop".
    typed = b'{"@id": "https://e.org/s", "@type": "Foo"}'
    with pytest.raises(errors.RdfSyntaxError, match="not defined"):
        parse_bytes(typed, "jsonld", source="t.jsonld")
    (quad,) = parse_bytes(typed, "jsonld", source="t.jsonld", base_iri="https://e.org/")
    assert quad.object == ox.NamedNode("https://e.org/Foo")
    for fmt in ("nt", "nquads"):
        with pytest.raises(errors.RdfSyntaxError) as caught:
            parse_bytes(b"<s> <https://e.org/p> 1 .", fmt, source="rel", base_iri="https://e.org/")
        assert caught.value.expected is not None
        assert "none is set" not in caught.value.expected
        assert "N-Triples and N-Quads allow no relative IRIs" in caught.value.expected


def test_syntax_error_keeps_the_parsers_words_and_position() -> None:
    doc = b"@prefix e: <https://e.org/> .\n\ne:s e:p e:o\ne:t e:p e:o .\n"
    with pytest.raises(errors.RdfSyntaxError) as caught:
        parse_bytes(doc, "turtle", source="mem.ttl")
    error = caught.value
    # Where the dot belongs (after line 3), though the parser notices at line 4.
    assert (error.location.source, error.location.line, error.location.column) == ("mem.ttl", 3, 12)
    assert error.message == "invalid Turtle: A dot is expected at the end of statements"
    assert str(error) == "mem.ttl:3:12: invalid Turtle: A dot is expected at the end of statements"


def test_quad_limit_counts_quads_of_one_file() -> None:
    doc = b"".join(b'<https://e.org/s> <https://e.org/p> "%d" .\n' % i for i in range(11))
    assert len(parse_bytes(doc, "nt", source="a.nt", limits=Limits(max_quads_per_load=11))) == 11
    with pytest.raises(errors.LimitExceededError, match="more than 10 quads"):
        parse_bytes(doc, "nt", source="a.nt", limits=Limits(max_quads_per_load=10))


def test_size_limit_applies_to_in_memory_input_and_files_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(errors.LimitExceededError, match="over the limit of 10"):
        parse_bytes(b" " * 11, "nt", source="a.nt", limits=Limits(max_file_bytes=10))
    path = tmp_path / "big.nt"
    path.write_bytes(b" " * 11)

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened before its size was checked")

    monkeypatch.setattr(rdfio, "open", no_reading, raising=False)
    with pytest.raises(errors.LimitExceededError) as caught:
        parse_file(path, limits=Limits(max_file_bytes=10))
    assert caught.value.location.source == str(path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(errors.InputError, match="cannot read file"):
        parse_file(tmp_path / "nope.ttl")


def test_yaml_is_not_parsed_as_rdf() -> None:
    with pytest.raises(errors.UnsupportedFormatError, match=r"compiled by kg\.authoring"):
        parse_bytes(b"format: cred-kg/1", "yaml", source="a.yaml")


def test_rdfxml_with_plain_doctype_is_accepted() -> None:
    doc = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF>\n'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:e="https://e.org/"><rdf:Description rdf:about="https://e.org/s">'
        b"<e:p>x</e:p></rdf:Description></rdf:RDF>"
    )
    assert len(parse_bytes(doc, "rdfxml", source="a.rdf")) == 1


@pytest.mark.parametrize("module", ["kg.rdfio", "kg.store"])
def test_split_modules_keep_their_public_names(module: str) -> None:
    # kg.rdfio and kg.store were split into siblings (kg.rdf_write, kg.rdf_errors,
    # kg.store_load, kg.store_read); what users import from them must stay importable there.
    namespace: dict[str, object] = {}
    exec(f"from {module} import *", namespace)
    expected = {
        "kg.rdfio": {"DEFAULT_LIMITS", "Limits", "check_json_depth", "check_jsonld_ids",
                     "check_quads", "check_rdfxml", "parse_bytes", "parse_file",
                     "read_limited", "serialize"},
        "kg.store": {"OWN_GRAPHS", "FileReport", "KnowledgeStore", "LoadReport",
                     "ProgressCallback", "StoreStats"},
    }[module]
    assert expected <= namespace.keys()
    assert rdfio.serialize.__module__ == "kg.rdf_write"  # one function, not a copy


# -- serialisation and round trips -----------------------------------------------------------


def test_triple_formats_flatten_graphs_and_remove_duplicates() -> None:
    s, p = ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p")
    quads = [
        ox.Quad(s, p, ox.Literal("1"), ox.DefaultGraph()),
        ox.Quad(s, p, ox.Literal("1"), ox.NamedNode("https://e.org/g")),
    ]
    assert serialize(quads, "nt") == b'<https://e.org/s> <https://e.org/p> "1" .\n'
    assert serialize(quads, "nquads").count(b"\n") == 2


def test_turtle_and_trig_use_the_project_prefixes() -> None:
    text = serialize(small_graph_quads(), "turtle").decode()
    assert "@prefix cred: <https://w3id.org/cred-kg/ns#> ." in text
    assert "a cred:Statement" in text
    assert "@prefix dcterms:" in serialize(small_dataset_quads(), "trig").decode()


def test_serialize_refuses_yaml() -> None:
    with pytest.raises(errors.UnsupportedFormatError):
        serialize([], "yaml")


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_round_trip_through_pyoxigraph_is_isomorphic(fmt: Format) -> None:
    original = small_dataset_quads() if fmt.named_graphs else small_graph_quads()
    data = serialize(original, fmt)
    back = parse_bytes(data, fmt, source=f"round-trip.{fmt.extensions[0]}")
    assert len(back) == len(original)
    assert_same_dataset(to_rdflib(back), to_rdflib(original))


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_round_trip_through_rdflib_is_isomorphic(fmt: Format) -> None:
    # rdflib may parse here: the documents are our own output, with no remote context.
    original = small_dataset_quads() if fmt.named_graphs else small_graph_quads()
    data = serialize(original, fmt)
    parsed = rdflib.Dataset()
    parsed.parse(data=data, format=RDFLIB_NAMES[fmt.name])
    assert_same_dataset(parsed, to_rdflib(original))


# -- conversion ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term",
    [
        ox.NamedNode("https://e.org/a"),
        ox.BlankNode("b0"),
        ox.Literal("plain"),
        ox.Literal("hallo", language="de"),
        ox.Literal("01", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("2024-02", datatype=ox.NamedNode(XSD + "gYearMonth")),
        ox.Literal("x", datatype=ox.NamedNode("https://e.org/custom")),
    ],
    ids=str,
)
def test_terms_convert_both_ways_exactly(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> None:
    assert from_rdflib_term(to_rdflib_term(term)) == term


def test_plain_literal_is_xsd_string_on_both_sides() -> None:
    assert to_rdflib_term(ox.Literal("a")) == rdflib.Literal("a")
    assert from_rdflib_term(
        rdflib.Literal("a", datatype=rdflib.URIRef(XSD + "string"))
    ) == ox.Literal("a")


def test_from_rdflib_graph_gives_fresh_blank_nodes_consistent_within_a_call() -> None:
    graph = rdflib.Graph()
    b = rdflib.BNode("shared")
    graph.add((b, rdflib.URIRef("https://e.org/p"), b))
    name = rdflib.URIRef("https://e.org/g")
    (first,) = from_rdflib_graph(graph, name)
    (second,) = from_rdflib_graph(graph, name)
    assert first.subject == first.object
    assert first.subject != second.subject
    assert first.graph_name == ox.NamedNode("https://e.org/g")
    (default,) = from_rdflib_graph(graph)
    assert default.graph_name == ox.DefaultGraph()


def test_from_rdflib_graph_reads_only_a_datasets_default_graph() -> None:
    """Its docstring: "For an rdflib Dataset, only its default graph is read". It raised
    ValueError instead (iterating a Dataset gives quads, not triples)."""
    e = "https://e.org/"
    dataset = rdflib.Dataset()
    dataset.add((rdflib.URIRef(e + "s"), rdflib.URIRef(e + "p"), rdflib.URIRef(e + "o")))
    dataset.graph(rdflib.URIRef(e + "g")).add(
        (rdflib.URIRef(e + "t"), rdflib.URIRef(e + "p"), rdflib.URIRef(e + "o")))
    (quad,) = from_rdflib_graph(dataset)
    assert (quad.subject, quad.graph_name) == (ox.NamedNode(e + "s"), ox.DefaultGraph())


def test_triple_terms_do_not_convert() -> None:
    triple = ox.Triple(
        ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"), ox.Literal("o")
    )
    with pytest.raises(errors.UnsupportedFormatError):
        to_rdflib_term(triple)


# -- JSON-LD terms that no context defines (kg/jsonld_terms.py) -----------------------------------

_CONTEXT = '"@context": {"s": "https://schema.org/", "name": "s:name", "gone": null}'


def _doc(rest: str) -> str:
    """A JSON-LD object with the context above and ``rest`` after it."""
    return "{" + _CONTEXT + ", " + rest + "}"


@pytest.mark.parametrize(
    ("body", "term", "line"),
    [
        (_doc('\n"@id": "urn:a",\n "nmae": "x"'), "nmae", 3),
        (_doc('\n"@id": "urn:a", "@type": "Persn", "name": "x"'), "Persn", 2),
        ('[{"@id": "urn:a", "label": "x"}]', "label", 1),
        (_doc('"@id": "urn:a",\n"s:knows": {"@id": "urn:b", "nick": "y"}'), "nick", 2),
    ],
    ids=["misspelt key", "undefined type", "no context at all", "nested node"],
)
def test_a_jsonld_term_no_context_defines_is_refused_where_it_is(
    body: str, term: str, line: int
) -> None:
    with pytest.raises(RdfSyntaxError) as caught:
        parse_bytes(body.encode(), "jsonld", source="a.jsonld")
    error = caught.value
    column = body.splitlines()[line - 1].index(f'"{term}"') + 1
    assert (error.term, error.location.line, error.location.column) == (term, line, column)
    assert "would drop its data silently" in str(error)


@pytest.mark.parametrize(
    "body",
    [
        _doc('"@id": "urn:a", "name": "x", "s:email": "e", "https://e.org/p": "v"'),
        _doc('"@id": "urn:a", "name": "x", "gone": "ignored on purpose: mapped to null"'),
        '{"@context": {"@vocab": "https://e.org/"}, "@id": "urn:a", "anything": "x"}',
        '{"@context": [{"s": "https://schema.org/"}, {"name": "s:name"}], "@id": "urn:a",'
        ' "name": "x"}',
    ],
    ids=["defined, compact, absolute", "mapped to null", "own vocab", "context array"],
)
def test_jsonld_whose_every_key_means_something_loads(body: str) -> None:
    plain = list(ox.parse(body.encode(), format=ox.RdfFormat.JSON_LD))
    assert len(parse_bytes(body.encode(), "jsonld", source="a.jsonld")) == len(plain) > 0


def test_a_refused_jsonld_load_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonld"
    good.write_text('{"@context": {"s": "https://schema.org/"}, "@id": "urn:a", "s:name": "x"}')
    bad = tmp_path / "bad.jsonld"
    bad.write_text('{"@context": {"s": "https://schema.org/"}, "@id": "urn:b", "nam": "y"}')
    with KnowledgeStore() as store:
        store.load([good], validate=False)
        before = set(store.quads())
        with pytest.raises(RdfSyntaxError, match="'nam'"):
            store.load([bad], validate=False)
        assert set(store.quads()) == before


def test_an_xml_literal_that_the_parser_would_blow_up_is_refused_before_parsing() -> None:
    """pyoxigraph copies every namespace declaration in scope into each element of an XML
    literal: 43 kB became a literal of 25.9 million characters, accepted under a 1,000,000
    limit (the length test was skipped for documents shorter than the limit, on the belief
    that no syntax expands text)."""
    doc = xml_literal_document(40, 10_000)
    assert len(doc) < 50_000
    with pytest.raises(errors.LimitExceededError) as caught:
        parse_bytes(doc, "rdfxml", source="big.rdf")
    assert caught.value.term == "max_literal_chars" and "parseType" in caught.value.message
    (quad,) = parse_bytes(xml_literal_document(2, 10), "rdfxml", source="small.rdf")
    assert quad.object.value.count("<a ") == 10


def test_a_json_literal_longer_than_its_document_is_measured() -> None:
    """A JSON-LD JSON literal is written canonically: 1e20 becomes 21 digits, so a literal can
    be longer than the document it came from, and must be measured whatever the size."""
    doc = (b'{"@id": "https://e.org/s", "https://e.org/p": {"@type": "@json", "@value": ['
           + b",".join([b"1e20"] * 100) + b"]}}")
    with pytest.raises(errors.LimitExceededError, match="over the limit"):
        parse_bytes(doc, "jsonld", source="a.jsonld", limits=Limits(max_literal_chars=len(doc)))
