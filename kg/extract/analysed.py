"""Material a speaker worked from, named in a participle clause: "The survey said the quake
measured 6.1, after analysing readings from 14 seismograph stations", "..., by comparing tide
gauge records with its model". Whoever analysed the material made the result from it, so it
is the speaker's evidence, produced by the speaker (as "had tested samples" is,
:mod:`kg.extract.evidence`), supporting what the sentence has the speaker say; material the
speaker only reviewed or compared is cited by it (as "had reviewed records" is).

Only a sentence with one speaker counts (with two, the clause's subject is unclear), and only
material the evidence lexicon names ("readings", "records", "data", "samples").

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The survey office said the quake measured 6.1, after analysing "
    ...                 "readings from 14 seismograph stations.", publisher="The Test Gazette")
    >>> [(e.description, e.produced_by) for e in draft.evidence]
    [('Readings from 14 seismograph stations', 'survey-office')]
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.lexicon import phrase_alternation
from kg.extract.sentences import Sentence

if TYPE_CHECKING:
    from kg.extract.statements import Context


@cache
def _analysing(phrases: tuple[str, ...]) -> re.Pattern[str]:
    nouns = phrase_alternation(phrases)
    return re.compile(r"\b(?:after|by|from|when|while|before|having)\s+"
                      r"(?P<verb>analy[sz]ing|analy[sz]ed|examining|examined|studying|studied|"
                      r"reviewing|reviewed|comparing|compared)\s+"
                      rf"(?P<what>(?:(?:the|its|their|new)\s+)?(?:[\w\u2019'-]+\s+){{0,3}}?"
                      rf"(?i:{nouns})(?:\s+(?:from|of|at|by|taken\s+at)\s+[^,.;]{{1,60}}?)?)"
                      r"(?=\s*[,.;]|\s*$|\s+(?:and|with|against|which|that)\b)")


def analysed_material(ctx: Context, sent: Sentence) -> list[ev.EvidenceMention]:
    """The material the one speaker of ``sent`` says it analysed (see the module
    docstring), produced by that speaker and supporting the sentence's statements."""
    indices = [i for i, s in enumerate(ctx.statements)
               if s.sentence_index == sent.index and not s.own_voice]
    speakers = {ctx.statements[i].actor for i in indices}
    if len(speakers) != 1:
        return []
    found = []
    for match in _analysing(tuple(ctx.lex.evidence)).finditer(sent.text):
        kind = ev.evidence_kind(match.group("what"), ctx.lex)
        if kind is None:
            continue
        span = (sent.start + match.start("what"), sent.start + match.end("what"))
        # (who analyses material makes a result of it; who reviews or compares it cites it)
        role = "cited" if match.group("verb").startswith(("review", "compar")) else "produced"
        found.append(ev.EvidenceMention(kind, match.group("what"), span, role, sent.index,
                                        actor=next(iter(speakers)), supports=list(indices)))
    return found


__all__ = ["analysed_material"]
