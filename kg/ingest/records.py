"""The ingest's bookkeeping: a progress record per file, in a named graph of the store.

Each batch is written together with a record of itself, in the same all-or-nothing write, so the
store can never hold a batch without its record or a record without its batch (on a SPARQL
endpoint that takes a batch in parts, the record comes with the last part: a batch can then
be in without its record, and is written again on resume, which adds nothing). A record
says how far into the file the committed data reaches: quads parsed from the start, and for
N-Triples and N-Quads the byte offset and line after the batch. Records are only ever added
(each batch's has its own IRI), so a resumed or repeated run adds records and never edits
one; the resume point is the end of the longest run of committed batches from the start.

The graph, :data:`INGEST_GRAPH`, holds nothing but these records:

- ``<INGEST_GRAPH/SHA256> ingest:batch <INGEST_GRAPH/SHA256/QUADS_DONE>``, and on the batch:
  ``ingest:index``, ``ingest:quads``, ``ingest:quadsDone``, ``ingest:endOffset``,
  ``ingest:endLine``;
- on the file: ``ingest:sha256``, ``ingest:format``, ``ingest:name`` (each name it was
  ingested under), and once the whole file is in: ``ingest:complete true`` and
  ``ingest:totalQuads``.

Example:
    >>> record = file_node("ab" * 32)
    >>> record.value.startswith(INGEST_GRAPH + "/")
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from kg.namespaces import INGEST_GRAPH
from kg.query_results import QueryResult, solutions

#: The bookkeeping vocabulary (used only in :data:`INGEST_GRAPH`).
INGEST = "https://w3id.org/cred-kg/ingest#"

_GRAPH = ox.NamedNode(INGEST_GRAPH)
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


class Queryable(Protocol):
    """What the bookkeeping needs of a store: SPARQL over it."""

    def query(self, sparql: str) -> QueryResult: ...


@dataclass(frozen=True)
class Position:
    """How far a file's committed data reaches.

    Attributes:
        batches: batches committed (the index of the last one).
        quads_done: quads parsed from the start of the file through the last committed batch.
        offset: byte offset after the last committed batch (N-Triples, N-Quads), else 0.
        line: lines read through the last committed batch (N-Triples, N-Quads), else 0.
    """

    batches: int = 0
    quads_done: int = 0
    offset: int = 0
    line: int = 0


START = Position()


def file_node(sha256: str) -> ox.NamedNode:
    """The node a file's records hang from: named after its content, not its path."""
    return ox.NamedNode(f"{INGEST_GRAPH}/{sha256}")


def _p(name: str) -> ox.NamedNode:
    return ox.NamedNode(INGEST + name)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def batch_record(sha256: str, position: Position, quads: int) -> list[ox.Quad]:
    """The record of one committed batch, to be written in the batch's write."""
    file = file_node(sha256)
    batch = ox.NamedNode(f"{file.value}/{position.quads_done}")
    values = (
        ("index", position.batches),
        ("quads", quads),
        ("quadsDone", position.quads_done),
        ("endOffset", position.offset),
        ("endLine", position.line),
    )
    return [ox.Quad(file, _p("batch"), batch, _GRAPH)] + [
        ox.Quad(batch, _p(name), _int(value), _GRAPH) for name, value in values
    ]


def file_record(sha256: str, name: str, fmt: str) -> list[ox.Quad]:
    """What the file is: written with its first batch (and again, harmlessly, on reruns)."""
    file = file_node(sha256)
    return [
        ox.Quad(file, _p("sha256"), ox.Literal(sha256), _GRAPH),
        ox.Quad(file, _p("format"), ox.Literal(fmt), _GRAPH),
        ox.Quad(file, _p("name"), ox.Literal(name), _GRAPH),
    ]


def completion_record(sha256: str, total_quads: int) -> list[ox.Quad]:
    """Written once the last batch is in."""
    file = file_node(sha256)
    return [
        ox.Quad(file, _p("complete"), ox.Literal("true", datatype=_XSD_BOOLEAN), _GRAPH),
        ox.Quad(file, _p("totalQuads"), _int(total_quads), _GRAPH),
    ]


def committed(store: Queryable, sha256: str) -> tuple[Position, bool]:
    """How far the store holds the file with this SHA-256, and whether all of it is in.

    The resume point is the end of the longest run of committed batches from the start of
    the file: on disk two batches are written at once, so a batch can be in while the one
    before it is not (an ingest stopped or killed between the two commits), and the records
    are taken as intervals of quads (a rerun may have cut the file at other batch sizes).
    """
    # The IRI is built from a hex digest we computed, never from user text.
    file = str(file_node(sha256))
    rows = solutions(store.query(
        f"SELECT ?index ?quads ?done ?offset ?line WHERE {{ GRAPH <{INGEST_GRAPH}> {{ "
        f"{file} <{INGEST}batch> ?b . ?b <{INGEST}index> ?index ; <{INGEST}quads> ?quads ; "
        f"<{INGEST}quadsDone> ?done ; <{INGEST}endOffset> ?offset ; <{INGEST}endLine> ?line }} }}"
    ))
    records = sorted(
        (
            int(row["done"].value) - int(row["quads"].value),
            Position(
                batches=int(row["index"].value),
                quads_done=int(row["done"].value),
                offset=int(row["offset"].value),
                line=int(row["line"].value),
            ),
        )
        for row in rows
    )
    position = START
    for start, end in records:
        if start > position.quads_done:
            break  # a gap: what follows it is rewritten on resume
        if (end.quads_done, end.batches) > (position.quads_done, position.batches):
            position = end
    complete = bool(
        store.query(f"ASK {{ GRAPH <{INGEST_GRAPH}> {{ {file} <{INGEST}complete> true }} }}")
    )
    return position, complete


__all__ = [
    "INGEST",
    "INGEST_GRAPH",
    "START",
    "Position",
    "Queryable",
    "batch_record",
    "committed",
    "completion_record",
    "file_record",
]
