"""The column order of ``SELECT *``: the order in which the variables first appear.

SPARQL 1.1 Query (section 18.2.4.1) makes the projection of ``SELECT *`` the *set* of
in-scope variables and leaves their order open; Oxigraph sorts them by name (``?z ?a ?m``
comes back as ``a, m, z``), while Jena, RDF4J and people reading a table expect the order of
the query text. This module reorders the engine's variables by their first appearance after
the ``*``; an explicit projection (``SELECT ?z ?a``) is left as the engine gives it.

Runs inside the query worker: it imports only the standard library and the guard's tokenizer.

Example:
    >>> select_star_order("SELECT * WHERE { ?z ?a ?m }", ["a", "m", "z"])
    ['z', 'a', 'm']
    >>> select_star_order("SELECT ?m ?a WHERE { ?z ?a ?m }", ["m", "a"])
    ['m', 'a']
"""

from __future__ import annotations

from collections.abc import Sequence

from api.sparql.guard import QUERY_FORMS, QueryRefused, Token, tokenize, unescape_codepoints


def select_star_order(query: str, variables: Sequence[str]) -> list[str]:
    """``variables`` in the order they first appear in ``query`` if it is a ``SELECT *``.

    Args:
        query: the query text, as the engine ran it.
        variables: the engine's result variables, without ``?``.

    Returns:
        The same names, reordered for ``SELECT *`` (the outermost query, which comes first in
        the text; a variable that never appears keeps its place after those that do), as
        given otherwise.
    """
    try:
        tokens = list(tokenize(unescape_codepoints(query)))
    except QueryRefused:
        return list(variables)
    star = _star_position(tokens)
    if star is None:
        return list(variables)
    first: dict[str, int] = {}
    for position, token in enumerate(tokens[star:]):
        if token.kind == "var":
            first.setdefault(token.text[1:], position)
    # sorted() is stable: names that never appear keep the engine's order, at the end.
    return sorted(variables, key=lambda name: first.get(name, len(tokens)))


def _star_position(tokens: Sequence[Token]) -> int | None:
    """Index of the ``*`` of an outermost ``SELECT [DISTINCT|REDUCED] *``, or None."""
    form = next((i for i, t in enumerate(tokens)
                 if t.kind == "word" and t.text.upper() in QUERY_FORMS), None)
    if form is None or tokens[form].text.upper() != "SELECT":
        return None
    after = form + 1
    while after < len(tokens) and tokens[after].text.upper() in ("DISTINCT", "REDUCED"):
        after += 1
    return after if after < len(tokens) and tokens[after].text == "*" else None


__all__ = ["select_star_order"]
