"""An outlet that passes on what its source said, in two more forms of news writing:

- "P, according to Radio Nord, which cited the union's leaders": the outlet did not witness P;
  it cites someone who said it. The one cited speaks and the outlet relays, as in "P, Radio
  Nord reported, citing the union's leaders" (:mod:`kg.extract.sourcing`). Without this the
  "according to" frame has no claim (the relative clause's "cited" took it) and P fell to the
  publisher. Only a speaker is taken: a document cited ("which cited court filings") leaves
  the frames as they are.
- "Kessel Today, an opposition television channel,": a name the text introduces with an
  outlet's head noun (`org_heads.tsv`) is an outlet's name wherever it is used later ("P,
  according to Kessel Today"), as the lexicon's outlets are.
- "Radio Nord quoted a guard who gave his name as Ivo Lind as saying that P": the name the
  source gave is who speaks, not the description before it; and "The next morning the news
  site Radio Nord quoted X as saying P": the outlet is the name after a leading time phrase.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The mine had closed, according to Radio Nord, which cited two "
    ...                 "miners.", publisher="The Test Gazette")
    >>> [(s.actor, [r.outlet for r in s.relay]) for s in draft.statements]
    [('two-miners', ['radio-nord', 'test-gazette'])]
"""

from __future__ import annotations

import dataclasses
import re

from kg.extract.evidence import evidence_kind
from kg.extract.frame import Frame
from kg.extract.lexicon import Lexicon
from kg.extract.names import describe, is_outlet, outlet_name
from kg.extract.sentences import Sentence

# ", which cited " between the outlet of "according to" and the cited source
_WHICH_CITED = re.compile(r"\s*,\s+which\s+(?:also\s+)?")
# "a guard who gave his name as Ivo Lind": the name the source gave (one or more words)
_GAVE_NAME = re.compile(r"\s+who\s+(?:gave|identified)\s+(?:his|her|their|himself|herself|"
                        r"themselves)\s+(?:(?:full\s+)?name\s+)?(?:only\s+)?as\s+"
                        r"(?P<name>[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,3})$")

# "the group's commanders", "the army's officers": unnamed people who speak as their body (as
# "a spokesperson for X" is X)
_MEMBERS_OF = re.compile(r"((?:[Tt]he\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)[\u2019']s\s+(?:own\s+)?"
                         r"(?:commanders|leaders|leadership|officials|officers|spokespeople|"
                         r"representatives|organi[sz]ers)$")


def outlet_sources(sent: Sentence, frames: list[Frame], lex: Lexicon) -> list[Frame]:
    """``frames`` with "according to OUTLET, which cited SOURCE" made SOURCE's frame relayed
    by the outlet (the relative clause's own frame dropped); see the module docstring."""
    dropped: list[Frame] = []
    for frame in frames:
        if frame.kind != "according" or frame.claims or frame.speaker is None or \
                frame.verb_span is None or not outlet_name(frame.speaker_text or "", lex):
            continue
        cited = next((f for f in frames if f.kind == "cite" and f.obj and f.verb_span and
                      _WHICH_CITED.fullmatch(sent.text, frame.speaker[1] - sent.start,
                                             f.verb_span[0] - sent.start)), None)
        if cited is None or cited.obj is None:
            continue
        source = sent.text[cited.obj[0] - sent.start:cited.obj[1] - sent.start].rstrip(" .")
        if evidence_kind(source, lex) or outlet_name(source, lex) or "_" in source:
            continue  # "which cited court filings": a document, the outlet's own source
        end = _before_comma(sent, sent.start, frame.verb_span[0])
        if end - sent.start < 8:
            continue  # ("According to X, which cited Y, P": not this form)
        if (members := _MEMBERS_OF.match(source)) is not None:
            source = members.group(1)  # "the group's commanders": the group speaks
        frame.relayed_by = frame.speaker
        frame.speaker = (cited.obj[0], cited.obj[0] + len(source))
        frame.speaker_text = source
        frame.claims = [(sent.start, end)]  # the whole clause before "according to"
        dropped.append(cited)
    return [f for f in frames if all(f is not d for d in dropped)]


def _before_comma(sent: Sentence, start: int, end: int) -> int:
    """``end`` moved back over the comma and spaces before "according to"."""
    while end > start and sent.text[end - 1 - sent.start] in " ,":
        end -= 1
    return end


# "Kessel Today, an opposition television channel": a capitalised name, then an indefinite
# description set off by a comma (its noun phrase ends before a relative clause or a
# preposition)
_NAME_DESCRIBED = re.compile(r"(?<![\w\u2019'.&-])((?:[A-Z][\w\u2019'.&-]*\s+){0,3}"
                             r"[A-Z][\w\u2019'.&-]*),\s+(an?\s+(?:[\w-]+\s+){0,3}?[\w-]+)"
                             r"(?=\s+(?:that|which|who|based|run|owned|in|on|from|with|for)\b|"
                             r"\s*[,.;]|\s*$)")


def with_described_outlets(text: str, lex: Lexicon) -> Lexicon:
    """``lex`` with every name ``text`` introduces as a news outlet ("Kessel Today, an
    opposition television channel") among its outlets' names (the same object when the text
    introduces none).

    >>> from kg.extract.lexicon import load_lexicon
    >>> lex = with_described_outlets("Kessel Today, a television channel, said", load_lexicon())
    >>> lex.outlet_names["Kessel Today"]
    'Kessel Today'
    """
    added = {}
    for match in _NAME_DESCRIBED.finditer(text):
        name = match.group(1).removeprefix("The ")
        head = describe(match.group(2), lex).head
        if head is None or head.kind != "NewsOutlet" or is_outlet(name, lex) or \
                name.lower() in lex.stopwords or \
                (" " not in name and not re.search(rf"[a-z,]\s+{re.escape(name)}\b", text)):
            continue  # (one capitalised word that only opens sentences may be no name:
            # "However, a local newspaper reported"; a name comes back inside a sentence)
        added[name] = name
    # a fresh index: the shipped lexicon is cached and shared
    return dataclasses.replace(lex, outlet_names=lex.outlet_names | added) if added else lex


def named_source(source: str) -> tuple[int, int] | None:
    """Where the name in "a guard who gave his name as Ivo Lind" is (offsets in ``source``),
    or None when the phrase gives no name so."""
    match = _GAVE_NAME.search(source)
    return match.span("name") if match else None


def outlet_after_time(phrase: str, lex: Lexicon) -> tuple[int, int] | None:
    """The outlet's name in "The next morning the news site Radio Nord" (offsets in
    ``phrase``): the longest tail of the phrase, from "the" or a capitalised word, that names
    an outlet; None when no tail does."""
    for match in re.finditer(r"(?:^|\s)(?=[Tt]he\s|[A-Z])", phrase):
        start = match.end()
        if outlet_name(phrase[start:], lex):
            return start, len(phrase)
    return None


__all__ = ["named_source", "outlet_after_time", "outlet_sources", "with_described_outlets"]
