"""The one table of input and output formats: names, media types, file extensions.

Every reader, writer and content negotiation in the project looks formats up here, so that
"which formats do we read?" has one answer. Six are RDF syntaxes, parsed and written by
pyoxigraph; ``yaml`` is the authoring format (``docs/authoring.md``), which is only read.

Example:
    >>> detect_format("case.ttl").name
    'turtle'
    >>> format_by_name("nq").named_graphs
    True
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from kg.errors import Location, UnsupportedFormatError


@dataclass(frozen=True)
class Format:
    """One format we read (and, for RDF, write).

    Attributes:
        name: the short name used on the command line and in the API (``"turtle"``).
        label: the name people know it by (``"Turtle"``).
        media_type: the IANA media type, used for content negotiation.
        extensions: file name endings, without the dot, the preferred one first.
        oxigraph: the pyoxigraph parser and serialiser, or ``None`` for the authoring format.
        named_graphs: whether a file can carry named graphs (a dataset). A triple format's
            data goes into the default graph; a case file becomes one named graph.
    """

    name: str
    label: str
    media_type: str
    extensions: tuple[str, ...]
    oxigraph: pyoxigraph.RdfFormat | None
    named_graphs: bool

    @property
    def is_rdf(self) -> bool:
        """Whether this is an RDF syntax (read and written by pyoxigraph)."""
        return self.oxigraph is not None

    def __str__(self) -> str:
        return self.name


TURTLE = Format("turtle", "Turtle", "text/turtle", ("ttl",), pyoxigraph.RdfFormat.TURTLE, False)
TRIG = Format("trig", "TriG", "application/trig", ("trig",), pyoxigraph.RdfFormat.TRIG, True)
NTRIPLES = Format(
    "nt", "N-Triples", "application/n-triples", ("nt",), pyoxigraph.RdfFormat.N_TRIPLES, False
)
NQUADS = Format(
    "nquads", "N-Quads", "application/n-quads", ("nq",), pyoxigraph.RdfFormat.N_QUADS, True
)
# JSON-LD can carry named graphs (a node with @id and @graph, JSON-LD 1.1 section 4.9).
JSONLD = Format(
    "jsonld",
    "JSON-LD",
    "application/ld+json",
    ("jsonld", "json"),
    pyoxigraph.RdfFormat.JSON_LD,
    True,
)
RDFXML = Format(
    "rdfxml",
    "RDF/XML",
    "application/rdf+xml",
    ("rdf", "owl", "xml"),
    pyoxigraph.RdfFormat.RDF_XML,
    False,
)
# RFC 9512 registers application/yaml. A case file compiles to one named graph.
YAML = Format("yaml", "YAML case file", "application/yaml", ("yaml", "yml"), None, True)

#: Every format, RDF syntaxes first. The order is the order shown to users.
FORMATS: tuple[Format, ...] = (TURTLE, TRIG, NTRIPLES, NQUADS, JSONLD, RDFXML, YAML)

#: The formats that can be written (all RDF syntaxes).
RDF_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f.is_rdf)

_BY_EXTENSION: dict[str, Format] = {ext: f for f in FORMATS for ext in f.extensions}
# Names people type: the short name, every extension, the label and common aliases.
_ALIASES: dict[str, Format] = {
    **_BY_EXTENSION,
    **{f.name: f for f in FORMATS},
    **{f.label.lower(): f for f in FORMATS},
    "ntriples": NTRIPLES,
    "n-triples": NTRIPLES,
    "n-quads": NQUADS,
    "json-ld": JSONLD,
    "rdf/xml": RDFXML,
    "xml": RDFXML,
}


def known_extensions(*, rdf: bool | None = None) -> list[str]:
    """Every file name ending we read, with its dot, in table order; only those of RDF
    formats with ``rdf=True``, only the others (case files) with ``rdf=False``.

    Example:
        >>> known_extensions()[:3]
        ['.ttl', '.trig', '.nt']
        >>> known_extensions(rdf=False)
        ['.yaml', '.yml']
    """
    return [f".{ext}" for f in FORMATS if rdf is None or f.is_rdf == rdf
            for ext in f.extensions]


def format_by_name(name: str | Format) -> Format:
    """The format called ``name``: a short name, an extension, a label or a media type.

    Args:
        name: ``"turtle"``, ``"ttl"``, ``".ttl"``, ``"Turtle"`` or ``"text/turtle"``; a
            :class:`Format` is returned as it is.

    Returns:
        The format.

    Raises:
        UnsupportedFormatError: the name is none of these; the message lists the known names.

    Example:
        >>> format_by_name("application/n-quads").name
        'nquads'
        >>> format_by_name("RDF/XML").name
        'rdfxml'
        >>> format_by_name("text/yaml").name
        'yaml'
    """
    if isinstance(name, Format):
        return name
    key = name.strip().lower().removeprefix(".")
    # A media type, with parameters or not, or one of the aliases in common use (text/yaml).
    found = _ALIASES.get(key) or format_by_media_type(key)
    if found is None:
        raise UnsupportedFormatError(
            f"unknown format {name!r}",
            location=Location("<format>"),
            term="format",
            expected="one of " + ", ".join(f.name for f in FORMATS),
            suggestions=_close(key, [f.name for f in FORMATS]),
        )
    return found


def format_by_media_type(media_type: str) -> Format | None:
    """The format with this media type (parameters ignored), or ``None``.

    Example:
        >>> format_by_media_type("application/ld+json; profile=x").name
        'jsonld'
        >>> format_by_media_type("text/yaml").name
        'yaml'
        >>> format_by_media_type("text/html") is None
        True
    """
    media = media_type.split(";", 1)[0].strip().lower()
    media = _MEDIA_ALIASES.get(media, media)
    return next((f for f in FORMATS if f.media_type == media), None)


# Media types in common use before or beside the registered ones: YAML had none until RFC
# 9512 (2023), and tools still send these.
_MEDIA_ALIASES = {"application/x-yaml": "application/yaml", "text/yaml": "application/yaml",
                  "text/x-yaml": "application/yaml", "application/x-turtle": "text/turtle",
                  "application/x-trig": "application/trig"}


def detect_format(path: Path | str, explicit: str | Format | None = None) -> Format:
    """The format of a file: the ``explicit`` one if given, else the one its extension says.

    Args:
        path: the file; only its name is looked at.
        explicit: a format name (see :func:`format_by_name`) that overrides the extension.

    Returns:
        The format.

    Raises:
        UnsupportedFormatError: naming the file and the known extensions.

    Example:
        >>> detect_format("data/Claims.TTL").label
        'Turtle'
        >>> detect_format("dump.txt", "nt").name
        'nt'
        >>> detect_format("notes.txt")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kg.errors.UnsupportedFormatError: notes.txt: extension: cannot tell the format ...
    """
    if explicit is not None:
        try:
            return format_by_name(explicit)
        except UnsupportedFormatError as error:
            raise UnsupportedFormatError(
                error.message,
                location=Location(str(path)),
                term=error.term,
                expected=error.expected,
                suggestions=error.suggestions,
            ) from None
    suffix = Path(path).suffix.lower().removeprefix(".")
    found = _BY_EXTENSION.get(suffix)
    if found is None:
        what = f"extension '.{suffix}'" if suffix else "no extension"
        raise UnsupportedFormatError(
            f"cannot tell the format from the file name ({what})",
            location=Location(str(path)),
            term="extension",
            expected="one of " + " ".join(known_extensions()) + ", or an explicit format",
            suggestions=[f".{s}" for s in _close(suffix, list(_BY_EXTENSION))],
        )
    return found


def _close(word: str, options: list[str]) -> list[str]:
    return difflib.get_close_matches(word, options, n=2, cutoff=0.6)


__all__ = [
    "FORMATS",
    "JSONLD",
    "NQUADS",
    "NTRIPLES",
    "RDFXML",
    "RDF_FORMATS",
    "TRIG",
    "TURTLE",
    "YAML",
    "Format",
    "detect_format",
    "format_by_media_type",
    "format_by_name",
    "known_extensions",
]
