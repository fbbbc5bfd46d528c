"""A body named with where it is: "the Orvel Museum of Modern Art in Brask" is the Orvel
Museum of Modern Art, located in Brask. The place is not part of the name (the text goes on
to call it "the museum" or by the name alone), so keeping it would split one actor in two.
Called by :func:`kg.extract.names.describe`."""

from __future__ import annotations

from collections.abc import Callable, Collection


def without_place(words: list[str], is_body: Callable[[list[str]], bool],
                  connectors: Collection[str]) -> list[str]:
    """``words`` without a closing "in Place" after a capitalised name that ``is_body`` (has
    an organisation's head noun). Only one or two capitalised words may follow "in", so "in
    charge of" or a longer phrase is left alone.

    >>> without_place("Orvel Museum of Modern Art in Brask".split(), lambda ws: True, {"of"})
    ['Orvel', 'Museum', 'of', 'Modern', 'Art']
    """
    cut = next((i for i in range(len(words) - 1, 0, -1) if words[i] == "in"), None)
    if cut is None or not 1 <= len(words) - cut - 1 <= 2:
        return words
    name, place = words[:cut], words[cut + 1:]
    if not all(w[:1].isupper() and w.isalpha() for w in place) or not name[0][:1].isupper() \
            or not all(w[:1].isupper() or w.lower() in connectors for w in name):
        return words
    return name if is_body(name) else words


__all__ = ["without_place"]
