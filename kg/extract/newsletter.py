"""A newsletter's own matter: lines of a briefing that frame its items and state nothing.

A briefing newsletter ("Your Morning Briefing") wraps its items in lines in the house's voice
that are no statements in it:

- a numbered item's bold lead-in, which the plain text keeps inline before the item's first
  sentence ("2. A battery maker under fire. A former engineer says ..."): a headline over the
  item, even where it reads like a claim ("3. The strike is over.");
- the standfirst above the first item, teasing the items below ("Floods close the ring road.
  Plus: a pay deal at last.");
- the greeting opening the letter ("Good morning. Here's what you need to know today.");
- the sign-off and the feedback line closing it ("Thanks for reading. See you tomorrow.",
  "Have feedback? Email us at desk@example.com.").
"""

from __future__ import annotations

import re

from kg.extract.attribution import find_frames
from kg.extract.lexicon import Lexicon
from kg.extract.sentences import Sentence

#: "1." or "12)": an item number standing as a sentence of its own at a paragraph's start
_ITEM_NUMBER = re.compile(r"^\(?\d{1,2}[.)]$")
#: the longest lead-in: a headline phrase, not a sentence of the story
_LEAD_IN_WORDS = 8
#: a paragraph that opens the letter by greeting its reader
_GREETING = re.compile(r"^(?:good\s+(?:morning|afternoon|evening)|hello|hi|welcome)\b[^.!?]*[.!?,]",
                       re.I)
#: a paragraph that closes it: thanks, a farewell, a request for feedback
_CLOSING = re.compile(r"^(?:thanks?\s+(?:you\s+)?for\s+reading|that'?s\s+(?:it|all)\s+for\s+"
                      r"today|see\s+you\s+(?:tomorrow|next)|have\s+(?:feedback|a\s+tip|"
                      r"a\s+question)|(?:send|email|write\s+to)\s+us\b)", re.I)
_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
#: the longest greeting or closing paragraph, in words
_FRAME_WORDS = 25
#: how many paragraphs from the top a greeting and from the end a closing line may stand
_TOP, _BOTTOM = 10, 3


def _paragraphs(sentences: list[Sentence]) -> dict[int, list[Sentence]]:
    paragraphs: dict[int, list[Sentence]] = {}
    for sent in sentences:
        paragraphs.setdefault(sent.paragraph, []).append(sent)
    return paragraphs


def _items(paragraphs: dict[int, list[Sentence]]) -> list[list[Sentence]]:
    """The paragraphs that open a numbered item with a lead-in: "1." "A disputed toll." "The
    ministry says ..."; none when fewer than two (a numbered point in a story is read)."""
    items = [group for group in paragraphs.values() if
             _ITEM_NUMBER.match(group[0].text) and len(group) >= 3 and
             len(group[1].text.split()) <= _LEAD_IN_WORDS and
             "\u201c" not in group[1].text and '"' not in group[1].text]
    return items if len(items) >= 2 else []


def item_ledes(sentences: list[Sentence]) -> set[int]:
    """The index of each numbered item's first sentence after its lead-in: the item's lede."""
    return {group[2].index for group in _items(_paragraphs(sentences))}


def newsletter_matter(sentences: list[Sentence], lex: Lexicon) -> set[int]:
    """The indices of the sentences that are a newsletter's framing lines, to be skipped."""
    paragraphs = _paragraphs(sentences)
    items = _items(paragraphs)
    skip = {s.index for group in items for s in group[:2]}  # number, lead-in
    if items:
        # above the first item, a briefing's own sentences are its standfirst and greeting
        # ("Floods close the ring road. Plus: a pay deal at last."): teasers of the items
        # below, which say it all again with its sources; an attributed one is read
        skip |= {s.index for s in sentences if s.paragraph < items[0][0].paragraph and
                 not any(frame.speaker for frame in find_frames(s, lex))}
    order = list(paragraphs)
    for place, number in enumerate(order):
        group = paragraphs[number]
        text = " ".join(s.text for s in group).replace("\u2019", "'")
        if len(text.split()) > _FRAME_WORDS:
            continue
        # a greeting opens the letter (below its header); a closing line ends it
        greeting = place < _TOP and _GREETING.match(text)
        closing = place >= len(order) - _BOTTOM and (_CLOSING.match(text) or (
            _ADDRESS.search(text) and re.search(r"\b(?:email|write|send)\b", text, re.I)))
        if greeting or closing:
            skip.update(s.index for s in group)
    return skip


__all__ = ["item_ledes", "newsletter_matter"]
