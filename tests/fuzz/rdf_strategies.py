"""Hypothesis strategies for RDF datasets with tricky terms, and the round-trip assertion.

The terms: IRIs with non-ASCII characters, percent-escapes, fragments, and local names that
start with a digit or end in ``/`` (which RDF/XML must split into namespace and local name);
a few blank nodes, reused, as subjects, objects and graph names; literals with any Unicode
(control characters, U+FFFE, non-BMP characters, quotes, ``]]>``, backslashes), long ones,
language tags in any case, and typed literals, well-typed, ill-typed (``"abc"^^xsd:integer``)
and of unknown datatypes; the default graph and named graphs.

Isomorphism is decided by pyoxigraph's canonicalisation (``Dataset.canonicalize``), which
relabels blank nodes canonically, so two datasets are isomorphic exactly when their canonical
forms are equal (it is exponential in the number of blank nodes, so the strategies use few).

What cannot round-trip, by the formats' definitions, is checked separately:

- Turtle, N-Triples and RDF/XML carry one graph: their round trip is checked on the
  dataset's triples merged into the default graph (:func:`kg.rdfio.serialize` merges them);
- RDF/XML cannot carry the characters XML 1.0 excludes (U+0000-U+0008, U+000B, U+000C,
  U+000E-U+001F, U+FFFE, U+FFFF), and Expat refuses element names with characters outside
  the Basic Multilingual Plane, which pyoxigraph writes for some property IRIs: serialising
  may raise :class:`~kg.errors.UnsupportedFormatError`, but only for such data (and then
  every other format must still round-trip).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox
import pytest
from hypothesis import strategies as st

from kg.errors import IllTypedLiteralError, UnsupportedFormatError
from kg.formats import FORMATS, Format
from kg.rdfio import parse_bytes, serialize
from kg.typed_literals import is_ill_typed

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.is_rdf)
_NON_BMP = re.compile("[\U00010000-\U0010ffff]")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_segment = st.lists(
    st.sampled_from([*"abcxyz019-._~", "é", "ü", "日", "א", "%20", "%C3%A9", "\U0001f600"]),
    min_size=1,
    max_size=6,
).map("".join)
iris = st.builds(
    lambda host, path, tail: ox.NamedNode(f"https://{host}/{path}{tail}"),
    st.sampled_from(["e.org", "example.com:8080", "xn--bcher-kva.de", "日本.jp"]),
    st.lists(_segment, min_size=1, max_size=3).map("/".join),
    st.sampled_from(["", "/", "#", "#frag", "?q=1&r=2", "#1"]),
) | st.sampled_from(
    [ox.NamedNode("urn:x:y"), ox.NamedNode("https://e.org/p"), ox.NamedNode(XSD + "string")]
)
blank_nodes = st.sampled_from([ox.BlankNode(f"b{i}") for i in range(3)])
_chars = st.characters(exclude_categories=("Cs",))
_lexical = (
    st.text(_chars, max_size=16)
    | st.text(_chars, min_size=2000, max_size=4000)
    | st.sampled_from(
        ["", " ", "]]>", '"""', "'''", "\\", "\\u0041", "<a>", "&amp;", "\r\n", "\x00"]
    )
)
# Well-formed BCP 47 tags (pyoxigraph refuses others), in any letter case.
language_tags = st.builds(
    lambda tag, upper: "".join(c.upper() if u else c for c, u in zip(tag, upper, strict=False)),
    st.sampled_from(
        [
            "en",
            "en-us",
            "zh-hant-tw",
            "de-ch-1996",
            "es-419",
            "sr-latn",
            "x-private",
            "en-a-bbb-x-ccc",
            "ar",
        ]
    ),
    st.lists(st.booleans(), min_size=16, max_size=16),
)
_typed = st.one_of(
    st.integers().map(lambda n: (str(n), "integer")),
    st.sampled_from(
        [
            ("01", "integer"),
            ("+1", "integer"),
            ("abc", "integer"),
            ("1.50", "decimal"),
            ("-0", "decimal"),
            ("1e3", "double"),
            ("NaN", "double"),
            ("INF", "double"),
            ("true", "boolean"),
            ("0", "boolean"),
            ("yes", "boolean"),
            ("2024-02-30", "date"),
            ("2024-10-24", "date"),
            ("2024-10", "gYearMonth"),
            ("P1Y", "duration"),
            ("x", "string"),
        ]
    ),
).map(lambda pair: ox.Literal(pair[0], datatype=ox.NamedNode(XSD + pair[1])))
literals = st.one_of(
    st.builds(ox.Literal, _lexical),
    st.builds(lambda v, tag: ox.Literal(v, language=tag), _lexical, language_tags),
    _typed,
    st.builds(lambda v, dt: ox.Literal(v, datatype=dt), _lexical, iris),
)
subjects = iris | blank_nodes
objects = st.one_of(iris, blank_nodes, literals, literals)
graph_names = st.one_of(st.just(ox.DefaultGraph()), iris, blank_nodes)
quads = st.builds(ox.Quad, subjects, iris, objects, graph_names)
datasets = st.lists(quads, max_size=12)


def canonical(items: Iterable[ox.Quad]) -> set[ox.Quad]:
    """The dataset with canonical blank node labels: equal exactly when isomorphic."""
    dataset = ox.Dataset(items)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def merged(items: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads moved into the default graph, as a triple format writes them."""
    return [ox.Quad(q.subject, q.predicate, q.object) for q in items]


def xml_unsafe(items: Iterable[ox.Quad]) -> bool:
    """Whether RDF/XML may refuse ``items``: a literal holds a character no XML 1.0 document
    can carry, or a property IRI holds a character outside the Basic Multilingual Plane, which
    pyoxigraph may write into an element name that Expat does not accept."""
    return any(
        (isinstance(q.object, ox.Literal) and _NOT_XML.search(q.object.value))
        or _NON_BMP.search(q.predicate.value)
        for q in items
    )


def expected_after(items: list[ox.Quad], fmt: Format) -> set[ox.Quad]:
    """What a document in ``fmt`` written from ``items`` must read back as, canonicalised."""
    return canonical(items if fmt.named_graphs else merged(items))


def assert_round_trips(items: list[ox.Quad]) -> None:
    """``parse(serialize(items))`` is isomorphic to ``items`` in every RDF format (merged into
    the default graph for the triple formats; refused by RDF/XML when XML cannot carry it)."""
    for fmt in RDF_FORMATS:
        try:
            document = serialize(items, fmt)
        except UnsupportedFormatError as error:
            # Refused only by RDF/XML, and only for what XML cannot carry.
            assert error.term == "rdfxml" and fmt.name == "rdfxml", error
            assert xml_unsafe(items), error
            continue
        if ill_typed(items):
            # An ill-typed literal is written as it is, and refused when read back.
            with pytest.raises(IllTypedLiteralError):
                parse_bytes(document, fmt, source=f"out.{fmt.extensions[0]}")
            continue
        back = parse_bytes(document, fmt, source=f"out.{fmt.extensions[0]}")
        assert canonical(back) == expected_after(items, fmt), fmt.name


def ill_typed(items: Iterable[ox.Quad]) -> bool:
    """Whether a literal of ``items`` is ill-typed, which every loader refuses."""
    return any(isinstance(q.object, ox.Literal) and is_ill_typed(q.object) for q in items)


__all__ = [
    "RDF_FORMATS",
    "assert_round_trips",
    "blank_nodes",
    "canonical",
    "datasets",
    "expected_after",
    "ill_typed",
    "iris",
    "literals",
    "merged",
    "quads",
    "xml_unsafe",
]
