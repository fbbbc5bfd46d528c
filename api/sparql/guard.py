"""The query guard: refuse what could reach outside the store, before anything runs.

Measured on this machine, both rdflib and pyoxigraph contact a ``SERVICE`` URL by default, and
neither has a query timeout. The guard reads the query with a SPARQL 1.1 tokenizer (the
terminals of the grammar, section 19.8 of the SPARQL 1.1 Query Language recommendation) and
refuses, with a 400 that names the construct:

- ``SERVICE``, anywhere, however deeply nested (federated query, SPARQL 1.1 Federated Query);
- SPARQL Update (``LOAD``, ``INSERT``, ``DELETE``, ``WITH``, ``USING``, ...): this endpoint
  answers queries only; writes go through the write API, which validates them;
- ``FROM`` and ``FROM NAMED`` whose IRI is not a named graph in the store ("external": the
  guard never dereferences anything), and the same for the protocol's ``default-graph-uri``
  and ``named-graph-uri``;
- nesting deeper than a limit (braces, brackets, parentheses).

Oxigraph's parser matches keywords without a word boundary: it reads ``SERVICE:{...}`` as
``SERVICE`` on the default prefix and ``SERVICEex:x {...}`` as ``SERVICE ex:x`` (both reached a
listener in our tests). So any word or prefixed name that *begins* with ``SERVICE`` is refused,
and at the top level any that begins with ``FROM``. SPARQL's ``\\u`` escapes are decoded first,
as the recommendation says a parser must (section 19.2), so that ``\\u0053ERVICE`` is caught too.

Why a tokenizer rather than a parser: rdflib's parser takes about 30 ms for a ten-line query
and fails with a ``RecursionError`` at 50 nested groups, which makes the guard itself a target;
pyoxigraph exposes no parse tree. A tokenizer is linear in the query's length, and a keyword
token is a keyword wherever it stands: ``SERVICE`` cannot hide inside a string, an IRI, a
comment, a variable or a prefixed name, because those are single tokens of their own.

Example:
    >>> check_query("SELECT * WHERE { ?s ?p ?o }", named_graphs=set()).form
    'SELECT'
    >>> check_query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", named_graphs=set())
    Traceback (most recent call last):
    ...
    api.sparql.guard.QueryRefused: SERVICE is refused: this endpoint never contacts other \
endpoints (line 1, column 12)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
# Unrolled ("a run of plain characters, then an escape and a run, ...") with a look-behind for
# "does not end with an unescaped dot", rather than a per-character alternation: Python's
# engine keeps state for every repetition of a group, which cost 800 MB on a 2 MB name; a run
# of one character class costs nothing.
_PN_LOCAL = (
    f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
    f"(?:[{_PN_CHARS}.:]*(?:(?:{_PLX})[{_PN_CHARS}.:]*)*"
    "(?<![^\\\\]\\.))?"
)

# Order matters: longer and more specific terminals first. Each alternative is linear: no
# nested quantifiers that could backtrack, and no per-character alternation (see _PN_LOCAL).
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<long1>'''[^'\\]*(?:(?:\\.|''?(?=[^']))[^'\\]*)*''')
  | (?P<long2>\"\"\"[^"\\]*(?:(?:\\.|""?(?=[^"]))[^"\\]*)*\"\"\")
  | (?P<str1>'[^'\\\n\r]*(?:\\.[^'\\\n\r]*)*')
  | (?P<str2>"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*")
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\U000effff]+)
  | (?P<bnode>_:[A-Za-z0-9_\u00c0-\U000effff][A-Za-z0-9_.\-\u00b7\u00c0-\U000effff]*)
  | (?P<pname>(?:"""
    + _PN_PREFIX
    + r""")?:(?:"""
    + _PN_LOCAL
    + r""")?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[.,;*+?/|^!=<>\-])
    """,
    re.VERBOSE,
)

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# A prefixed name's prefix runs over letters, digits, "-", "_", "." and the like up to its ":",
# so trying one at a letter reads ahead to the end of that run. In "a.a.a.a" the run is the
# whole text but each token is one letter: trying at every letter was quadratic (80 kB: 139 s,
# in the event loop). Where the run from a letter ends without a prefix's ":", no letter of it
# starts a prefix either (the run and its end are the same), so tokenize skips the attempt.
_PREFIX_RUN = re.compile(f"[{_PN_CHARS}.]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

#: Keywords that make a request an update; this endpoint answers queries only.
UPDATE_KEYWORDS = frozenset(
    {"LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "INSERT", "DELETE", "WITH",
     "USING"}
)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


class QueryRefused(ValueError):
    """The guard refuses the query; ``code`` names the rule, ``line``/``column`` the place."""

    def __init__(self, code: str, message: str, line: int | None = None,
                 column: int | None = None) -> None:
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(message + where)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class CheckedQuery:
    """What the guard learnt: the query form and the dataset it names."""

    form: str
    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()
    prefixes: dict[str, str] = field(default_factory=dict)


def tokenize(text: str) -> Iterator[Token]:
    """The tokens of a SPARQL text, without whitespace and comments.

    Raises:
        QueryRefused: at a character no SPARQL token starts with (code ``syntax``).

    Example:
        >>> [t.text for t in tokenize('SELECT ?s { ?s ex:p "SERVICE" } # SERVICE')]
        ['SELECT', '?s', '{', '?s', 'ex:p', '"SERVICE"', '}']
    """
    line, line_start, pos = 1, 0, 0
    no_prefix_until = 0  # the end of a run known to hold no prefixed name (see _PREFIX_RUN)
    while pos < len(text):
        match = _WORD.match(text, pos) if pos < no_prefix_until else None
        if match is not None:
            kind = "word"
        else:
            match = _TOKEN.match(text, pos)
            if match is None:
                raise QueryRefused("syntax", f"unexpected character {text[pos]!r}",
                                   line, pos - line_start + 1)
            kind = match.lastgroup or ""
            if kind == "word" and text[pos] != "_" and pos >= no_prefix_until:
                # A letter where no prefixed name matched: none starts in the rest of its run.
                run = _PREFIX_RUN.match(text, pos)
                assert run is not None  # a pattern of "[...]*" matches, if only ""
                no_prefix_until = run.end()
        if kind not in ("ws", "comment"):
            yield Token(kind, match.group(), line, pos - line_start + 1)
        newlines = match.group().count("\n")
        if newlines:
            line += newlines
            line_start = match.start() + match.group().rindex("\n") + 1
        pos = match.end()


def check_query(
    text: str,
    *,
    named_graphs: Collection[str],
    default_graph_uris: Iterable[str] = (),
    named_graph_uris: Iterable[str] = (),
    predeclared: Mapping[str, str] | None = None,
    max_depth: int = 32,
) -> CheckedQuery:
    """Check a query before it runs; raise :class:`QueryRefused` if any rule forbids it.

    Args:
        text: the query.
        named_graphs: IRIs of the named graphs in the store: the only graphs that ``FROM``,
            ``FROM NAMED`` and the protocol's graph parameters may name.
        default_graph_uris: the protocol's ``default-graph-uri`` values.
        named_graph_uris: the protocol's ``named-graph-uri`` values.
        predeclared: prefixes the engine declares before the query (``kg.namespaces``).
        max_depth: the deepest nesting of ``{``, ``[`` and ``(`` allowed.

    Returns:
        The query form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) and the graphs that
        ``FROM`` and ``FROM NAMED`` name. Syntax is left to the engine: a query the guard lets
        through may still fail to parse there.

    Example:
        >>> check_query("ASK FROM <urn:g> { ?s ?p ?o }", named_graphs={"urn:g"}).from_graphs
        ('urn:g',)
        >>> check_query("ASK FROM <http://example.org/x> {}", named_graphs={"urn:g"})
        Traceback (most recent call last):
        ...
        api.sparql.guard.QueryRefused: FROM names <http://example.org/x>, which is not a \
graph in this store; external graphs are never fetched (line 1, column 5)
    """
    for name, values in (("default-graph-uri", default_graph_uris),
                         ("named-graph-uri", named_graph_uris)):
        for iri in values:
            if iri not in named_graphs:
                raise QueryRefused(
                    "external_graph",
                    f"{name} names <{iri}>, which is not a graph in this store; external "
                    "graphs are never fetched",
                )
    prefixes = dict(predeclared or {})
    base: str | None = None
    form: str | None = None
    from_graphs: list[str] = []
    from_named: list[str] = []
    depth = 0
    tokens = list(tokenize(unescape_codepoints(text)))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        upper = token.text.upper() if token.kind == "word" else ""
        _check_glued(token, depth)
        if token.kind == "open":
            depth += 1
            if depth > max_depth:
                raise QueryRefused("too_deep", f"the query nests deeper than {max_depth} "
                                   "levels", token.line, token.column)
        elif token.kind == "close":
            depth = max(0, depth - 1)
        elif upper == "SERVICE":
            raise QueryRefused("service", "SERVICE is refused: this endpoint never contacts "
                               "other endpoints", token.line, token.column)
        elif upper in UPDATE_KEYWORDS and form is None:
            raise QueryRefused(
                "update",
                f"{upper} is refused: this endpoint answers queries only (SPARQL Update, "
                "including LOAD, is not accepted); add data through the write API",
                token.line, token.column,
            )
        elif upper == "BASE" and form is None and _next_kind(tokens, index) == "iri":
            base = _resolve(tokens[index + 1].text[1:-1], base)
            index += 1
        elif upper == "PREFIX" and form is None and index + 2 < len(tokens):
            label = tokens[index + 1].text.rstrip(":")
            if tokens[index + 2].kind == "iri":
                prefixes[label] = _resolve(tokens[index + 2].text[1:-1], base)
            index += 2
        elif upper in QUERY_FORMS and form is None:
            form = upper
        elif upper == "FROM":
            named = index + 1 < len(tokens) and tokens[index + 1].text.upper() == "NAMED"
            target = index + (2 if named else 1)
            iri = _graph_iri(tokens, target, prefixes, base, token)
            if iri not in named_graphs:
                raise QueryRefused(
                    "external_graph",
                    f"FROM{' NAMED' if named else ''} names <{iri}>, which is not a graph in "
                    "this store; external graphs are never fetched",
                    token.line, token.column,
                )
            (from_named if named else from_graphs).append(iri)
            index = target
        elif token.kind == "pname":
            _check_prefix(tokens, index, prefixes)
        index += 1
    if form is None:
        raise QueryRefused("syntax", "not a query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return CheckedQuery(form, tuple(from_graphs), tuple(from_named), prefixes)


def unescape_codepoints(text: str) -> str:
    r"""Decode SPARQL's ``\uXXXX`` and ``\UXXXXXXXX`` escapes (SPARQL 1.1 Query, 19.2).

    Example:
        >>> unescape_codepoints(r"\u0053ERVICE")
        'SERVICE'
    """
    return _CODEPOINT.sub(lambda m: _codepoint(m.group(1) or m.group(2)), text)


def _codepoint(hex_digits: str) -> str:
    value = int(hex_digits, 16)
    # Out of range: keep the text as it was; the engine will reject it.
    return chr(value) if value <= 0x10FFFF else "\\U" + hex_digits


def _check_glued(token: Token, depth: int) -> None:
    """Refuse words and prefixed names that an engine may split into SERVICE or FROM + name."""
    if token.kind not in ("word", "pname"):
        return
    upper = token.text.upper()
    if upper.startswith("SERVICE") and upper != "SERVICE":
        raise QueryRefused(
            "service",
            f"{token.text!r} is refused: SPARQL engines read a name that begins with SERVICE "
            "as a SERVICE call (SERVICEex:x is SERVICE ex:x); rename the prefix",
            token.line, token.column,
        )
    if depth == 0 and upper.startswith("FROM") and upper != "FROM":
        raise QueryRefused(
            "external_graph",
            f"{token.text!r} is refused: SPARQL engines read it as FROM followed by a name; "
            "write FROM <iri> with a space",
            token.line, token.column,
        )


def _check_prefix(tokens: list[Token], index: int, prefixes: Mapping[str, str]) -> None:
    """Refuse a prefixed name whose prefix nobody declared, naming it: the engine would say
    only "expected one of Prefix not found, [...]" and list the characters a name may hold.

    Not right after a ``<``: there the "prefix" is the scheme of an IRI that does not parse
    (``<http://a b>``, with a space), which the engine's own message places better.
    """
    token = tokens[index]
    prefix = token.text.partition(":")[0]
    if prefix in prefixes or (index and _adjacent(tokens[index - 1], token, "<")):
        return
    declared = ", ".join(sorted(f"{p}:" for p in prefixes)) or "none"
    message = f"the prefix {prefix + ':'!r} is not declared; "
    if index + 1 < len(tokens) and _adjacent(token, tokens[index + 1], "/"):
        message += f"write an IRI in angle brackets (<{token.text}//...>)"
    else:
        message += f"add PREFIX {prefix}: <...> before the query (declared: {declared})"
    raise QueryRefused("syntax", message, token.line, token.column)


def _adjacent(first: Token, second: Token, text: str) -> bool:
    """Whether ``first`` and ``second`` touch and the punctuation among them is ``text``."""
    punct, other = (first, second) if first.kind == "punct" else (second, first)
    return (punct.kind == "punct" and punct.text == text and first.line == second.line
            and first.column + len(first.text) == second.column and other.kind == "pname")


def _next_kind(tokens: list[Token], index: int) -> str | None:
    return tokens[index + 1].kind if index + 1 < len(tokens) else None


def _resolve(iri: str, base: str | None) -> str:
    return urljoin(base, iri) if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri) \
        else iri


def _graph_iri(tokens: list[Token], index: int, prefixes: Mapping[str, str],
               base: str | None, keyword: Token) -> str:
    if index >= len(tokens):
        raise QueryRefused("syntax", "FROM without an IRI", keyword.line, keyword.column)
    token = tokens[index]
    if token.kind == "iri":
        return _resolve(token.text[1:-1], base)
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix not in prefixes:
            raise QueryRefused("syntax", f"undeclared prefix {prefix!r} in FROM",
                               token.line, token.column)
        return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    raise QueryRefused("syntax", "FROM must be followed by an IRI", token.line, token.column)


__all__ = ["QUERY_FORMS", "UPDATE_KEYWORDS", "CheckedQuery", "QueryRefused", "check_query",
           "tokenize", "unescape_codepoints"]
