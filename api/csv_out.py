"""CSV for spreadsheets: ``kg corroborate --format csv`` and ``kg grades --format csv``.

The text in a case comes from the web (quotes, claim texts, actor names), and a spreadsheet
runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (CSV or formula
injection: ``=HYPERLINK(...)`` leaks data, DDE formulas run commands). Every text cell that
starts with one of those, or with a tab or a carriage return, is written with a leading
apostrophe, which makes a spreadsheet take the cell as text (OWASP's advice; some show the
apostrophe). Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

#: What a spreadsheet reads as the start of a formula (or hides one behind).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet will not run it: text starting like a formula gets a
    leading apostrophe; numbers, booleans and None (an empty cell) pass as they are.

    Example:
        >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-3 troops"), safe_cell(-3)
        ('\\'=HYPERLINK("http://x")', "'-3 troops", -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str], stream: TextIO) -> None:
    """Write ``rows`` (one mapping each) under a header of ``columns``, every cell made safe."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if (v := row.get(c)) is None else safe_cell(v) for c in columns])


def to_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """:func:`write_csv` into a string."""
    buffer = io.StringIO()
    write_csv(rows, columns, buffer)
    return buffer.getvalue()


__all__ = ["safe_cell", "to_csv", "write_csv"]
