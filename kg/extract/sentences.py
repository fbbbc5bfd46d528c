"""Split article text into paragraphs and sentences, keeping character offsets.

A sentence never ends inside quotation marks, so that a quote of two sentences and the words
that attribute it stay one unit (``"It did not start here. We ruled that out," she said.``).
Each non-empty line is a paragraph; a sentence never crosses a line break. Offsets are
positions in the text as given (Python string indices), so ``text[s.start:s.end] == s.text``.

Example:
    >>> text = 'Dr. Lee said the road was closed. "It is shut. Go home," she added.'
    >>> [s.text for s in split_sentences(text)]
    ['Dr. Lee said the road was closed.', '"It is shut. Go home," she added.']
    >>> s = split_sentences(text)[1]
    >>> text[s.quotes[0][0]:s.quotes[0][1]]
    'It is shut. Go home,'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_QUOTES = "\u201c"
CLOSE_QUOTES = "\u201d"
STRAIGHT = '"'
TERMINALS = ".?!…"
_CLOSERS = "\u201d\"\u2019')]"
# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
    "cpl", "maj", "adm", "cmdr", "st", "jr", "sr", "no", "nos", "vs", "etc", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp",
    "ltd", "co", "dept", "univ", "fig", "approx", "est", "u.s", "u.k", "u.n", "e.u", "u.s.a",
    "a.m", "p.m", "i.e", "e.g",
})
_BEFORE_NUMBERS = frozenset({"no", "nos", "fig", "vol", "art"})
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its offsets in the text, its paragraph, and its quotations."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    quotes: tuple[tuple[int, int], ...] = ()  # offsets of each quotation, marks excluded

    def in_quote(self, position: int) -> bool:
        """Whether ``position`` (an offset in the text) lies inside a quotation."""
        return any(start <= position < end for start, end in self.quotes)

    def masked(self) -> str:
        """The sentence with every quotation's characters replaced by ``_``, offsets kept,
        so that patterns for the words around a quote never match words inside it."""
        chars = list(self.text)
        for start, end in self.quotes:
            for i in range(start - self.start, end - self.start):
                chars[i] = "_"
        return "".join(chars)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines, trimmed."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text[max(0, stop - 12): stop + 1])
    if not match:
        return False
    word = match.group(1)
    if word.lower() in _BEFORE_NUMBERS:  # "No. 12", not "she said no."
        return text[stop + 1:stop + 3].strip()[:1].isdigit()
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _starts_sentence(text: str, position: int, end: int) -> bool:
    """Whether a sentence may start at the first non-space character from ``position``."""
    if position >= end or not text[position].isspace():
        return False
    rest = text[position:end].lstrip()
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit()
                           or rest[0] in OPEN_QUOTES + STRAIGHT + "\u2018'(")


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    sentence_start = start
    depth = 0  # curly quotation marks open
    straight_open = False
    i = start
    while i < end:
        char = text[i]
        boundary = None
        if char in OPEN_QUOTES:
            depth += 1
        elif char in CLOSE_QUOTES:
            depth = max(0, depth - 1)
            if depth == 0 and i > start and text[i - 1] in TERMINALS + ",":
                boundary = i + 1 if text[i - 1] in TERMINALS else None
        elif char == STRAIGHT:
            straight_open = not straight_open
            if not straight_open and i > start and text[i - 1] in TERMINALS:
                boundary = i + 1
        elif char in TERMINALS and depth == 0 and not straight_open and not (
                char == "." and _is_abbreviation(text, i)):
                boundary = i + 1
                while boundary < end and text[boundary] in _CLOSERS:
                    boundary += 1
        if boundary is not None and (boundary >= end or _starts_sentence(text, boundary, end)):
            spans.append((sentence_start, boundary))
            sentence_start = boundary
            while sentence_start < end and text[sentence_start].isspace():
                sentence_start += 1
            i = boundary
            continue
        i += 1
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


def quote_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Offsets of the quotations between ``start`` and ``end``, marks excluded. Curly marks
    pair by nesting; straight marks pair in order. An unclosed quotation runs to ``end``."""
    found = []
    depth = 0
    opened = None
    straight_at = None
    for i in range(start, end):
        char = text[i]
        if char in OPEN_QUOTES:
            if depth == 0:
                opened = i + 1
            depth += 1
        elif char in CLOSE_QUOTES and depth:
            depth -= 1
            if depth == 0 and opened is not None:
                found.append((opened, i))
        elif char == STRAIGHT and depth == 0:
            if straight_at is None:
                straight_at = i + 1
            else:
                found.append((straight_at, i))
                straight_at = None
    if depth and opened is not None:
        found.append((opened, end))
    elif straight_at is not None:
        found.append((straight_at, end))
    return tuple(sorted(found))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, with offsets and quotations.

    Args:
        text: the article as plain text; one paragraph a line.

    Returns:
        Sentences; ``paragraph`` counts the non-empty lines from 1.
    """
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text), start=1):
        for start, end in _split_paragraph(text, p_start, p_end):
            stripped_end = end
            while stripped_end > start and text[stripped_end - 1].isspace():
                stripped_end -= 1
            if stripped_end <= start:
                continue
            sentences.append(Sentence(
                index=len(sentences), start=start, end=stripped_end,
                text=text[start:stripped_end], paragraph=number,
                quotes=quote_spans(text, start, stripped_end),
            ))
    return sentences


__all__ = ["Sentence", "paragraphs", "quote_spans", "split_sentences"]
