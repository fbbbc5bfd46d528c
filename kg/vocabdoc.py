"""The vocabulary page (``docs/vocabulary.md``), generated from ``vocab.ttl`` and ``shapes.ttl``.

The page is a pure function of the two graphs, sorted everywhere, so that a test can compare
the committed page with a fresh rendering and the page cannot go stale. This module is the
entry point; the work is done apart: :mod:`kg.vocabdoc_shapes` indexes the shapes,
:mod:`kg.vocabdoc_page` writes the sections, :mod:`kg.vocabdoc_terms` names terms and escapes
text.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.vocabdoc_page import Page
from kg.vocabdoc_shapes import ShapeIndex
from ontology import SHAPES_PATH, VOCAB_PATH


def render_vocabulary_markdown(vocab: Graph, shapes: Graph | None = None) -> str:
    """Render the vocabulary as one Markdown page.

    Args:
        vocab: the vocabulary graph (``ontology/vocab.ttl``).
        shapes: the SHACL shapes (``ontology/shapes.ttl``); when given, each class lists the
            cardinality and allowed values of its properties, and its other rules.

    Returns:
        The page, ending with a newline. The same graphs always give the same text.

    Example:
        >>> from rdflib import Graph
        >>> from ontology import VOCAB_PATH
        >>> page = render_vocabulary_markdown(Graph().parse(VOCAB_PATH))
        >>> page.splitlines()[0]
        '# Source-credibility vocabulary'
    """
    page = Page(vocab, ShapeIndex.build(shapes) if shapes is not None else ShapeIndex())
    return page.render()


def write_vocabulary_docs(path: Path) -> None:
    """Render the page from the packaged vocabulary and shapes and write it to ``path``.

    Args:
        path: the file to write (UTF-8, ``\\n`` line ends); its directory must exist.
    """
    vocab = Graph().parse(VOCAB_PATH, format="turtle")
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    text = render_vocabulary_markdown(vocab, shapes)
    path.write_text(text, encoding="utf-8", newline="\n")


__all__ = ["render_vocabulary_markdown", "write_vocabulary_docs"]
