"""Show Unicode bidi controls in data text as visible marks, instead of applying them.

A bidi embedding, override or isolate control (U+202A-U+202E, U+2066-U+2069) in a quote
reorders what follows it: ``"No way \\u202e evil"`` reads "No way live". A fact-checker must
see the text as stored, so every page replaces these controls with a mark such as
``[U+202E]``. The marks are ASCII without ``<&"'\\``, so the replacement can run on escaped
HTML and on JSON text alike.

The implicit marks U+200E (LRM) and U+200F (RLM) are kept: they are ordinary in right-to-left
text, cannot reorder more than the neutral characters next to them, and each page isolates
every data text (CSS ``unicode-bidi: isolate``), so they cannot spill over their neighbours.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "show_bidi_controls"]

#: LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def show_bidi_controls(text: str) -> str:
    """``text`` with each bidi control replaced by a visible ``[U+XXXX]`` mark.

    Example:
        >>> show_bidi_controls("No way \\u202e evil")
        'No way [U+202E] evil'
        >>> show_bidi_controls("\\u05e9\\u05dc\\u05d5\\u05dd\\u200f")  # Hebrew and an RLM stay
        'שלום\\u200f'
    """
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
