"""The vocabulary (``ontology/vocab.ttl``) is parsed once per process.

``kg serve`` on the seed case compiled the case (the compiler's kinds: rdflib), validated it
(the SHACL engine: pyoxigraph) and analysed it (the class hierarchy: rdflib again), each parsing
the file for itself; ``kg stats`` parsed it a fourth time (pyoxigraph). Now every reader takes
:mod:`kg.vocabulary`'s one parse. Counted in a fresh process, where nothing is cached yet.
"""

from __future__ import annotations

import subprocess
import sys

import rdflib
from rdflib.compare import isomorphic

from kg.vocabulary import vocabulary_graph
from ontology import VOCAB_PATH

_COUNT_PARSES = """
import pyoxigraph as ox, rdflib
parses = []
_ox_parse, _rdflib_parse = ox.parse, rdflib.Graph.parse

def ox_parse(*args, **kwargs):
    parses.append(str(kwargs.get("path") or (args[0] if args else "")))
    return _ox_parse(*args, **kwargs)

def rdflib_parse(self, source=None, *args, **kwargs):
    parses.append(str(source))
    return _rdflib_parse(self, source, *args, **kwargs)

ox.parse, rdflib.Graph.parse = ox_parse, rdflib_parse

from kg.analysis import analyse
from kg.authoring.kinds import vocabulary
from kg.seed import seed_paths
from kg.store import KnowledgeStore
from kg.validate import validate_graph

store = KnowledgeStore()
store.load(seed_paths())          # the compiler's kinds, the SHACL engine
analyse(store)                    # the class hierarchy and the priors
store.stats()                     # kg stats: the hierarchy
vocabulary()
validate_graph(rdflib.Graph(), engine="pyshacl")   # the reference engine
print(sum(path.endswith("vocab.ttl") for path in parses))
"""


def test_one_parse_of_the_vocabulary_per_process() -> None:
    done = subprocess.run([sys.executable, "-c", _COUNT_PARSES], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "1"


def test_the_graph_is_the_files_as_rdflib_parses_it() -> None:
    """Built from pyoxigraph's parse, the rdflib graph is the one rdflib's own parser gives:
    the same triples (blank nodes aside) and the same prefixes."""
    parsed = rdflib.Graph().parse(VOCAB_PATH, format="turtle")
    built = vocabulary_graph()
    assert isomorphic(parsed, built)
    assert dict(parsed.namespaces()) == dict(built.namespaces())
