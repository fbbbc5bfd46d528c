"""The compiled SHACL engine (kg.shacl) gives pySHACL's results, exactly.

Every case compares whole result lists (focus, path, message, severity, shape, value, and their
order) from both engines on the same data:

- the reference: ``kg.validate.validate_graph(..., engine="pyshacl")``, pySHACL on the rdflib
  form of the data (as the store used to validate);
- the compiled engine, by the two routes callers take: ``validate_quads`` on the pyoxigraph
  quads (the store's load path) and ``validate_graph`` on an rdflib graph (the default engine).

The cases: every valid and invalid graph of tests/test_shapes.py; synthetic graphs from
benchmarks/synth.py with one named corruption each, and with random mixtures of them; custom
shapes graphs for the SHACL constructs our shapes do not use yet, against plain pySHACL; and
constructs the compiler must refuse.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.convert import to_rdflib
from kg.errors import ShapeValidationError, ShapeViolation
from kg.namespaces import CRED
from kg.rdfio import parse_bytes
from kg.shacl import (
    validate_quads,
)
from kg.store import KnowledgeStore
from kg.validate import validate_graph
from tests.shape_cases import CONTEXT, INVALID, PREFIXES, VALID, node

# rdflib warns about the ill-typed literals some cases are made of; that is their point.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Serializing weird numerical:UserWarning", "ignore:Parsing weird boolean:UserWarning"
)

ROOT = Path(__file__).resolve().parents[1]
SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
C = str(CRED)


def _load_synth() -> ModuleType:
    # benchmarks/ is scripts, not a package; load the generator from its file.
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


def reference(quads: list[ox.Quad], known: list[ox.Triple] | None = None) -> list[ShapeViolation]:
    """pySHACL on the rdflib form of the quads, as the store validated before."""
    known_graph = None
    if known is not None:
        known_graph = Graph()
        for s, p, o, _g in to_rdflib([ox.Quad(t.subject, t.predicate, t.object) for t in known]):
            known_graph.add((s, p, o))
    return validate_graph(to_rdflib(quads), known_types=known_graph, engine="pyshacl")


def assert_same(quads: list[ox.Quad], known: list[ox.Triple] | None = None) -> list[ShapeViolation]:
    expected = reference(quads, known)
    assert validate_quads(quads, known_types=known or ()) == expected
    return expected


def turtle_quads(turtle: str) -> list[ox.Quad]:
    # pyoxigraph's parser, not parse_bytes: that refuses ill-typed literals, which some cases
    # hold to test sh:datatype.
    data = (PREFIXES + CONTEXT + turtle).encode()
    return list(ox.parse(data, format=ox.RdfFormat.TURTLE, rename_blank_nodes=True))


# -- The cases of tests/test_shapes.py -----------------------------------------------------------

CASES = [(name, turtle) for name, turtle in VALID.items()] + [(n, t) for n, t, _ in INVALID]


@pytest.mark.parametrize("turtle", [t for _, t in CASES], ids=[n for n, _ in CASES])
def test_shape_cases_as_quads(turtle: str) -> None:
    assert_same(turtle_quads(turtle))


@pytest.mark.parametrize("turtle", [t for _, t in CASES], ids=[n for n, _ in CASES])
def test_shape_cases_as_rdflib_graphs(turtle: str) -> None:
    # rdflib's parser, not pyoxigraph's: the default engine of validate_graph converts.
    graph = Graph().parse(data=PREFIXES + CONTEXT + turtle, format="turtle")
    assert validate_graph(graph) == validate_graph(graph, engine="pyshacl")


def test_invalid_cases_do_report_violations() -> None:
    # The comparison above must not pass vacuously.
    for name, turtle, expected in INVALID:
        found = {v.focus for v in validate_quads(turtle_quads(turtle)) if v.severity == "Violation"}
        assert found >= {node(f) for f, _ in expected}, name


KNOWN = [
    (
        "statement:s a cred:Statement ; cred:statedBy actor:elsewhere ;"
        " cred:about claim:elsewhere ; cred:stance cred:Affirms .",
        [("actor/elsewhere", RDF.type, CRED.Person), ("claim/elsewhere", RDF.type, CRED.Claim)],
    ),
    (
        'actor:w a kind:ArmedGroup ; rdfs:label "W" . statement:s a cred:Statement ;'
        " cred:statedBy actor:w ; cred:about claim:troops ; cred:stance cred:Affirms .",
        [("kind/ArmedGroup", RDFS.subClassOf, CRED.Organization)],
    ),
    (
        "statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about claim:elsewhere ;"
        " cred:stance cred:Affirms .",
        [("claim/elsewhere", RDF.type, CRED.Claim), ("claim/elsewhere", RDF.type, CRED.Forecast)],
    ),
    (
        # A node typed only in known_types is not reported, whatever it lacks.
        "statement:s a cred:Statement ; cred:statedBy actor:ghost ; cred:about claim:troops ;"
        " cred:stance cred:Affirms .",
        [("actor/ghost", RDF.type, CRED.Claim)],
    ),
    (
        "statement:s a cred:Statement ; cred:statedBy actor:putin ; cred:about claim:troops ;"
        " cred:stance cred:Affirms ; cred:setting kind:Hearing .",
        [("kind/Hearing", RDF.type, CRED.Setting), ("kind/Other", RDFS.subClassOf, CRED.Setting)],
    ),
]


@pytest.mark.parametrize(("turtle", "known"), KNOWN, ids=[str(i) for i in range(len(KNOWN))])
def test_known_types(turtle: str, known: list[tuple[str, URIRef, URIRef]]) -> None:
    triples = [
        ox.Triple(ox.NamedNode(node(s)), ox.NamedNode(p), ox.NamedNode(o)) for s, p, o in known
    ]
    assert_same(turtle_quads(turtle), triples)
    graph = Graph().parse(data=PREFIXES + CONTEXT + turtle, format="turtle")
    known_graph = Graph()
    for s, p, o in known:
        known_graph.add((URIRef(node(s)), p, o))
    # Other triples of known_types only make their subjects declared terms.
    known_graph.add((URIRef(node("actor/elsewhere")), RDFS.label, Literal("A", lang="en")))
    assert validate_graph(graph, known_types=known_graph) == validate_graph(
        graph, known_types=known_graph, engine="pyshacl"
    )


def test_dataset_is_checked_as_the_union_of_its_graphs() -> None:
    trig = (
        PREFIXES
        + "<https://w3id.org/cred-kg/id/document/a> {"
        + "statement:s a cred:Statement ; cred:about claim:troops ; cred:stance cred:Affirms . }"
        + "<https://w3id.org/cred-kg/id/document/b> {"
        + CONTEXT
        + "statement:s cred:stance cred:Affirms . }"
    )
    quads = parse_bytes(trig.encode(), "trig", source="case.trig")
    assert assert_same(quads) != []


# -- Synthetic graphs with corruptions ----------------------------------------------------------

Triple = tuple[str, str, str]
RDF_TYPE = f"<{RDF.type}>"


def base_triples(seed: int = 7) -> list[Triple]:
    config = synth.SynthConfig(
        states=3,
        actors=16,
        outlets=3,
        claims=10,
        statements=24,
        evidence=6,
        documents=3,
        seed=seed,
    )
    triples = []
    for line in synth.generate(config):
        s, p, rest = line.split(" ", 2)
        triples.append((s, p, rest.removesuffix(" .\n")))
    return triples


def to_quads(triples: list[Triple]) -> list[ox.Quad]:
    text = "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
    # Not parse_bytes, which refuses the ill-typed literals some corruptions add.
    return list(ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True))


def c(name: str) -> str:
    """``cred:name`` in N-Triples; a full ``<IRI>`` is kept."""
    return name if name.startswith("<") else f"<{C}{name}>"


def typed(triples: list[Triple], cls: str) -> list[str]:
    return sorted({s for s, p, o in triples if p == RDF_TYPE and o == c(cls)})


def with_predicate(triples: list[Triple], name: str) -> list[Triple]:
    return [t for t in triples if t[1] == c(name)]


def replace_object(name: str, new: str) -> Callable[[list[Triple], random.Random], list[Triple]]:
    def corrupt(triples: list[Triple], rng: random.Random) -> list[Triple]:
        candidates = with_predicate(triples, name)
        if not candidates:  # an earlier corruption of a mixture removed them all
            return triples
        target = rng.choice(candidates)
        return [(s, p, new) if (s, p, o) == target else (s, p, o) for s, p, o in triples]

    return corrupt


def add(make: Callable[[list[Triple], random.Random], list[Triple]]) -> Callable[..., list[Triple]]:
    def corrupt(triples: list[Triple], rng: random.Random) -> list[Triple]:
        try:
            return triples + make(triples, rng)
        except IndexError:  # nothing left to corrupt in a mixture
            return triples

    return corrupt


def drop(name: str) -> Callable[[list[Triple], random.Random], list[Triple]]:
    def corrupt(triples: list[Triple], rng: random.Random) -> list[Triple]:
        target = rng.choice(with_predicate(triples, name) or triples)
        return [t for t in triples if t != target]

    return corrupt


def drop_type(cls: str) -> Callable[[list[Triple], random.Random], list[Triple]]:
    def corrupt(triples: list[Triple], rng: random.Random) -> list[Triple]:
        victims = typed(triples, cls)
        if not victims:
            return triples
        victim = rng.choice(victims)
        return [t for t in triples if t != (victim, RDF_TYPE, c(cls))]

    return corrupt


def one_of(triples: list[Triple], rng: random.Random, cls: str) -> str:
    return rng.choice(typed(triples, cls))


def cycle(name: str) -> Callable[[list[Triple], random.Random], list[Triple]]:
    def make(triples: list[Triple], rng: random.Random) -> list[Triple]:
        s, _p, o = rng.choice(with_predicate(triples, name))
        return [(o, c(name), s)]

    return add(make)


BASE = "<https://w3id.org/cred-kg/synth/"
DATE = f"<{XSD}date>"
DCT_DATE = "<http://purl.org/dc/terms/date>"
NNI = f"<{XSD}nonNegativeInteger>"
INT = f"<{XSD}integer>"

CORRUPTIONS: dict[str, Callable[[list[Triple], random.Random], list[Triple]]] = {
    "drop a statedBy": drop("statedBy"),
    "drop a stance": drop("stance"),
    "drop a claim text": drop("text"),
    "drop a report outlet": drop("reportedBy"),
    "drop a document title (a warning)": drop("title"),
    "second statedBy": add(
        lambda t, rng: [(one_of(t, rng, "Statement"), c("statedBy"), one_of(t, rng, "Person"))]
    ),
    "a fourth stance": add(lambda t, rng: [(c("Maybe"), RDF_TYPE, c("Stance"))]),
    "stance outside the three": replace_object("stance", c("Maybe")),
    "stance as a string": replace_object("stance", '"affirms"'),
    "date that does not exist": replace_object(DCT_DATE, f'"2024-02-30"^^{DATE}'),
    "date as a plain string": replace_object(DCT_DATE, '"2024-10-01"'),
    "date with a time": replace_object(DCT_DATE, f'"2024-10-01T10:00:00"^^<{XSD}dateTime>'),
    "date as a year (valid)": replace_object(DCT_DATE, f'"2024"^^<{XSD}gYear>'),
    "year that is not one (rdflib accepts it)": replace_object(DCT_DATE, f'"abc"^^<{XSD}gYear>'),
    "refinement cycle": cycle("refines"),
    "claim refining itself": add(
        lambda t, rng: [(s, c("refines"), s) for s in [one_of(t, rng, "FactualClaim")]]
    ),
    "affiliation cycle": cycle("actsOnBehalfOf"),
    "report relayed from itself": add(
        lambda t, rng: [(s, c("relayedFrom"), s) for s in [one_of(t, rng, "Report")]]
    ),
    "contradicting a refined claim": add(
        lambda t, rng: [
            (s, c("contradicts"), o) for s, _p, o in [rng.choice(with_predicate(t, "refines"))]
        ]
    ),
    "untyped reference": replace_object("statedBy", f"{BASE}actor/ghost>"),
    "literal where an IRI is expected": replace_object("statedBy", '"Vladimir Putin"'),
    "blank node as actor": replace_object("statedBy", "_:ghost"),
    "blank node as text": replace_object("text", "_:text"),
    "IRI as text": replace_object("text", "<https://example.org/text>"),
    "language-tagged text": replace_object("text", '"A claim."@en'),
    "language-tagged label": replace_object(f"<{RDFS.label}>", '"x"@en-GB'),
    "empty text": replace_object("text", '"   "'),
    "text of information separators (Python re sees spaces)": replace_object(
        "text", '"\\u001C\\u001F"'
    ),
    "relay position as a nonNegativeInteger": replace_object("relayPosition", f'"0"^^{NNI}'),
    "negative relay position": replace_object("relayPosition", f'"-1"^^{INT}'),
    "relay position not canonical (valid)": replace_object("relayPosition", f'"01"^^{INT}'),
    "one relay position twice, as two datatypes": add(
        lambda t, rng: [
            (s, p, f'"0"^^{NNI}') for s, p, _o in [rng.choice(with_predicate(t, "relayPosition"))]
        ]
    ),
    "one relay position twice, as two lexical forms": add(
        lambda t, rng: [
            (s, p, f'"00"^^{INT}') for s, p, _o in [rng.choice(with_predicate(t, "relayPosition"))]
        ]
    ),
    "second label": add(lambda t, rng: [(one_of(t, rng, "Person"), f"<{RDFS.label}>", '"Other"')]),
    "statement without a type": drop_type("Statement"),
    "report without a type": drop_type("Report"),
    "statement typed as a claim": add(
        lambda t, rng: [(one_of(t, rng, "Statement"), RDF_TYPE, c("Claim"))]
    ),
    "misspelt property": add(
        lambda t, rng: [(one_of(t, rng, "Statement"), c("statdBy"), one_of(t, rng, "Person"))]
    ),
    "misspelt class": add(lambda t, rng: [(f"{BASE}statement/new>", RDF_TYPE, c("Statment"))]),
    "evidence supporting and disputing one claim": add(
        lambda t, rng: [
            (s, c("disputes"), o) for s, _p, o in [rng.choice(with_predicate(t, "supports"))]
        ]
    ),
    "evidence supporting an actor": replace_object("supports", f"{BASE}actor/0>"),
    "prior out of range": add(
        lambda t, rng: [
            (f"{BASE}kind/Rumour>", f"<{RDFS.subClassOf}>", c("Testimony")),
            (f"{BASE}kind/Rumour>", c("reliabilityPrior"), f'"1.5"^^<{XSD}decimal>'),
        ]
    ),
    "prior on an actor kind": add(
        lambda t, rng: [
            (f"{BASE}kind/Militia>", f"<{RDFS.subClassOf}>", c("Organization")),
            (f"{BASE}kind/Militia>", c("reliabilityPrior"), f'"0.5"^^<{XSD}decimal>'),
        ]
    ),
    "prior not a decimal": add(
        lambda t, rng: [(c("Photograph"), c("reliabilityPrior"), f'"abc"^^<{XSD}decimal>')]
    ),
    "comment request answered yes": add(
        lambda t, rng: [
            (f"{BASE}request/r>", RDF_TYPE, c("CommentRequest")),
            (f"{BASE}request/r>", c("requestedBy"), f"{BASE}outlet/0>"),
            (f"{BASE}request/r>", c("requestedFrom"), f"{BASE}actor/0>"),
            (f"{BASE}request/r>", c("responseReported"), f'"yes"^^<{XSD}boolean>'),
        ]
    ),
    "override of one actor": add(
        lambda t, rng: [
            (f"{BASE}override/o>", RDF_TYPE, c("IndependenceDeclaration")),
            (f"{BASE}override/o>", RDF_TYPE, c("DependenceDeclaration")),
            (f"{BASE}override/o>", c("concernsActor"), f"{BASE}actor/0>"),
        ]
    ),
    "setting that is not a setting": add(
        lambda t, rng: [(one_of(t, rng, "Statement"), c("setting"), f"{BASE}outlet/0>")]
    ),
    "document reference on an actor": add(
        lambda t, rng: [(f"{BASE}actor/1>", c("inDocument"), f"{BASE}document/0>")]
    ),
}


@pytest.mark.parametrize("corrupt", list(CORRUPTIONS.values()), ids=list(CORRUPTIONS))
def test_synthetic_graph_with_one_corruption(corrupt: Callable[..., list[Triple]]) -> None:
    triples = corrupt(base_triples(), random.Random(1))
    assert_same(to_quads(triples))


# Corruptions that leave the graph valid (a warning at most), to check no false alarm.
STILL_VALID = {
    "drop a document title (a warning)",
    "date as a year (valid)",
    "year that is not one (rdflib accepts it)",
    "relay position not canonical (valid)",
}


def test_synthetic_graphs_are_valid_and_corruptions_are_seen() -> None:
    # The comparisons must not pass vacuously: the clean graph is valid, each corruption but
    # those of STILL_VALID makes it invalid.
    assert [v for v in assert_same(to_quads(base_triples())) if v.severity == "Violation"] == []
    for name, corrupt in CORRUPTIONS.items():
        results = validate_quads(to_quads(corrupt(base_triples(), random.Random(1))))
        invalid = any(v.severity == "Violation" for v in results)
        assert invalid == (name not in STILL_VALID), name


@pytest.mark.parametrize("seed", range(8))
def test_random_mixtures_of_corruptions(seed: int) -> None:
    rng = random.Random(seed)
    triples = base_triples(seed)
    for name in rng.sample(sorted(CORRUPTIONS), k=rng.randint(2, 5)):
        triples = CORRUPTIONS[name](triples, rng)
    assert_same(to_quads(triples))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(8, 60))
def test_more_random_mixtures_of_corruptions(seed: int) -> None:
    test_random_mixtures_of_corruptions(seed)


# -- The store uses the compiled engine ---------------------------------------------------------


def test_store_load_reports_what_pyshacl_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    triples = CORRUPTIONS["untyped reference"](base_triples(), random.Random(2))
    data = "".join(f"{s} {p} {o} .\n" for s, p, o in triples).encode()
    expected = [v for v in reference(to_quads(triples)) if v.severity == "Violation"]
    assert expected

    def no_pyshacl(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the store's load path must not run pySHACL")

    monkeypatch.setattr(pyshacl, "validate", no_pyshacl)
    store = KnowledgeStore()
    with pytest.raises(ShapeValidationError) as caught:
        store.load_bytes(data, "nt", source="synth.nt")
    assert caught.value.violations == expected
    assert len(store) == 0


def test_store_resolves_references_to_the_store_and_to_other_files(tmp_path: Path) -> None:
    triples = base_triples()
    statements = [t for t in triples if t[0].startswith(f"{BASE}statement/")]
    rest = [t for t in triples if t not in statements]
    store = KnowledgeStore()
    store.load_bytes("".join(f"{s} {p} {o} .\n" for s, p, o in rest).encode(), "nt", source="a")
    # Statements refer to actors and claims that only the store types.
    text = "".join(f"{s} {p} {o} .\n" for s, p, o in statements).encode()
    assert store.load_bytes(text, "nt", source="b").total_quads == len(statements)
    # ... and to a file of the same load.
    other = KnowledgeStore()
    paths = []
    for name, part in (("rest.nt", rest), ("statements.nt", statements)):
        path = tmp_path / name
        path.write_text("".join(f"{s} {p} {o} .\n" for s, p, o in part))
        paths.append(path)
    assert other.load(paths[::-1]).total_quads == len(triples)


# -- Literals as written ------------------------------------------------------------------------


def test_literals_oxigraph_would_normalise_are_checked_as_written() -> None:
    # Oxigraph would store "01" as "1" (one value, not two) and "0"^^xsd:nonNegativeInteger as
    # "0"^^xsd:integer (of the required datatype); pySHACL sees the literals as written.
    first, second = "<https://e.org/r1>", "<https://e.org/r2>"
    triples = []
    for report, positions in ((first, [f'"01"^^{INT}', f'"1"^^{INT}']), (second, [f'"0"^^{NNI}'])):
        triples += [
            (report, RDF_TYPE, c("Report")),
            (report, c("relays"), f"{BASE}statement/0>"),
            (report, c("reportedBy"), f"{BASE}outlet/0>"),
        ]
        triples += [(report, c("relayPosition"), p) for p in positions]
    found = {(v.focus, v.shape, v.value) for v in assert_same(to_quads(triples))}
    assert ("https://e.org/r1", "credsh:Report-relayPosition-count", None) in found
    assert (
        "https://e.org/r2",
        "credsh:Report-relayPosition-value",
        '"0"^^xsd:nonNegativeInteger',
    ) in found
