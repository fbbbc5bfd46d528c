"""Quotation marks of other typographic traditions, read as English ones.

The rules quote with English marks (U+201C ... U+201D, the single U+2018 ... U+2019, and
straight quotes). English pages of continental outlets, and translated passages, quote with a
low opening mark closed by U+201C (German, Czech, ...) or U+201D (Polish, Romanian, Hungarian),
or with guillemets, pointing out (French, Italian, Spanish, Russian) or in (German books,
Danish). There U+201C, the English *opening* mark, closes a quotation, and a rule that reads it
as opening pairs the wrong marks: the quotation runs on into the next sentence and its
attribution is lost.

:func:`english_quotes` maps every such pair to U+201C ... U+201D (U+2018 ... U+2019 for the
single forms), one character for one, so that every offset into the result is an offset into
the original text; the draft keeps the original text. English marks, straight quotes and
apostrophes are left as they are, and so is a mark whose partner is not in the same paragraph
(a quotation that runs over several paragraphs opens each one and closes only the last: its
English marks need no change, and other marks are then left unpaired).
"""

from __future__ import annotations

__all__ = ["english_quotes"]

_OPEN, _CLOSE = "\u201c", "\u201d"
_OPEN_SINGLE, _CLOSE_SINGLE = "\u2018", "\u2019"

# An opening mark: the marks that may close it (the first one found closes it), and the
# English pair it becomes. Low marks open, closed by either English closing form.
_LOW = {"\u201e": ("\u201c\u201d", _OPEN, _CLOSE),
        "\u201a": ("\u2018\u2019", _OPEN_SINGLE, _CLOSE_SINGLE)}
# Guillemets open either way round; the other one of the pair closes.
_GUILLEMETS = {"\u00ab": ("\u00bb", _OPEN, _CLOSE), "\u00bb": ("\u00ab", _OPEN, _CLOSE),
               "\u2039": ("\u203a", _OPEN_SINGLE, _CLOSE_SINGLE),
               "\u203a": ("\u2039", _OPEN_SINGLE, _CLOSE_SINGLE)}
# A guillemet quotation is at most this long: past it, a lone mark is not taken to open one.
_LONGEST = 2000


def english_quotes(text: str) -> str:
    """``text`` with each pair of low-opening marks or of guillemets replaced by the English
    pair, the same length.

    Example:
        >>> english_quotes("\u201eWir\u201c, sagte sie. \u00abNon\u00bb, dit-il. \u00bbJa\u00ab.")
        '\u201cWir\u201d, sagte sie. \u201cNon\u201d, dit-il. \u201cJa\u201d.'
        >>> english_quotes("He said \u201cyes\u201d. It\u2019s \u201afine\u2018.")
        'He said \u201cyes\u201d. It\u2019s \u2018fine\u2019.'
    """
    if not any(mark in text for mark in (*_LOW, *_GUILLEMETS)):
        return text
    chars = list(text)
    for position, char in enumerate(text):
        pair = _LOW.get(char) or _GUILLEMETS.get(char)
        if pair is None or chars[position] != char:  # (already replaced: a closing mark)
            continue
        closers, opening, closing = pair
        end = _closer(text, position + 1, closers, char in _GUILLEMETS)
        if end is not None:
            # The marks inside are read as they are: a quotation within a quotation uses the
            # other pair, handled when the scan reaches it.
            chars[position], chars[end] = opening, closing
    return "".join(chars)


def _closer(text: str, start: int, closers: str, guillemet: bool) -> int | None:
    """Where the quotation opened before ``start`` closes, in the same paragraph."""
    paragraph_end = text.find("\n", start)
    limit = len(text) if paragraph_end < 0 else paragraph_end
    if guillemet:
        limit = min(limit, start + _LONGEST)
    found = [i for i in (text.find(c, start, limit) for c in closers) if i >= 0]
    return min(found) if found else None
