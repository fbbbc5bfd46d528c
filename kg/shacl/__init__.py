"""A fast SHACL validator: the shapes compiled to SPARQL and run by Oxigraph.

It gives the same results as pySHACL (:func:`kg.validate.validate_graph` with
``engine="pyshacl"``, the reference) on ``ontology/shapes.ttl``: the same
:class:`~kg.errors.ShapeViolation` list, message for message, in the same order.
``tests/test_shacl_compiled.py`` checks this on every case of ``tests/test_shapes.py`` and on
corrupted synthetic graphs.

How it works:

1. **Compile** (once, with rdflib): every shape becomes one check per SHACL constraint
   component (SHACL 4), each a SPARQL ``SELECT`` whose solutions are validation results: a
   focus node and, where SHACL gives one, a value node (SHACL 3.6). A construct outside the
   subset of :mod:`kg.shacl.compile` is refused with :class:`ShapeCompileError`, so that no
   shape is ever silently ignored.
2. **Run**: the quads to check go into a temporary in-memory Oxigraph store, with the
   vocabulary and ``known_types`` in a graph of their own. Each check runs over the union of
   the graphs. The subclasses of every class the shapes name are looked up first, in one query,
   and written into the queries as ``VALUES``, because SHACL instances are
   ``rdf:type/rdfs:subClassOf*`` (SHACL 2.1.3.1) and a path per row is slow in Oxigraph.
3. **Report**, as :mod:`kg.validate` does: a result is kept only if its focus node is a subject
   of the data (not only of the vocabulary or ``known_types``); severities Violation and
   Warning are kept, Info dropped; results are sorted.

Besides the shapes, the check of :mod:`kg.validate` that every ``cred:`` property and class the
data uses is declared is made here too, with the same messages.

The modules, one job each:

- :mod:`~kg.shacl.compile`: shapes graph to checks; the supported subset; what is refused
  (:mod:`~kg.shacl.errors`).
- :mod:`~kg.shacl.model`, :mod:`~kg.shacl.checks`: the compiled form; the checks' queries,
  written with :mod:`~kg.shacl.query`.
- :mod:`~kg.shacl.paths`: SHACL property paths as SPARQL.
- :mod:`~kg.shacl.conditions`: value tests SPARQL decides; :mod:`~kg.shacl.term_conditions`:
  those decided in Python with pySHACL's rules (datatype, pattern, ranges).
- :mod:`~kg.shacl.literals`: literals kept as written in Oxigraph.
- :mod:`~kg.shacl.run`: the temporary store; :mod:`~kg.shacl.results`: the results, in order;
  :mod:`~kg.shacl.text`: terms as :mod:`kg.validate` writes them.
- :mod:`~kg.shacl.validate`: the entry points, :func:`validate_quads` and
  :func:`validate_rdflib_graph`.
- :mod:`~kg.shacl.touched`: new data checked with what the store already says about the nodes
  it adds to (the union, on the focus nodes the new data touches).
- :mod:`~kg.shacl.staged`: large N-Triples loads, checked on the store Oxigraph's bulk loader
  built, with the same results: :mod:`~kg.shacl.columns` reads the file as dictionary-encoded
  columns and :mod:`~kg.shacl.screen` clears, with numpy, the checks that provably have no
  result, so that only the others run as SPARQL.

Example:
    >>> import pyoxigraph as ox
    >>> claim = ox.NamedNode("https://w3id.org/cred-kg/id/claim/c")
    >>> kind = ox.NamedNode("https://w3id.org/cred-kg/ns#FactualClaim")
    >>> rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    >>> [v.message for v in validate_quads([ox.Quad(claim, rdf_type, kind)])]
    ['A cred:Claim has exactly one cred:text (the proposition as one sentence).']
"""

from kg.shacl.checks import CompiledShapes
from kg.shacl.compile import compile_shapes, compiled_shapes
from kg.shacl.errors import ShapeCompileError
from kg.shacl.literals import original
from kg.shacl.text import term_text
from kg.shacl.validate import validate_quads, validate_rdflib_graph

__all__ = [
    "CompiledShapes",
    "ShapeCompileError",
    "compile_shapes",
    "compiled_shapes",
    "original",
    "term_text",
    "validate_quads",
    "validate_rdflib_graph",
]
