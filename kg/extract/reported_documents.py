"""What an outlet reported a document to show: "The Courier reported this morning that an
internal log from the Port Authority, which the paper has seen, shows that the valve was
flagged for repair in March." The outlet tells of the document; what the document shows is
its maker's word (the port authority's log), passed on by the outlet and then the publisher.
The maker is the speaker, the outlet the first relay, and the claim is what the document
shows, split as any reported words are ("flagged for repair in March and never repaired": two
claims, the "never" denying only its own). Without this the outlet was the speaker of one
claim that began at "this morning" and was denied as a whole by the "never" at its end.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("The Lenby Post reported that a maintenance log from the Lenby Port "
    ...                 "Authority shows that the gate was flagged for repair in March.",
    ...                 publisher="Radio Nord")
    >>> [(s.actor, s.stance, s.claim_text, [r.outlet for r in s.relay]) for s in draft.mentions]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('lenby-port-authority', 'affirms', 'The gate was flagged for repair in March.',
      ['lenby-post', 'radio-nord'])]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.clauses import elided_subject, split_parts
from kg.extract.model import RelayStep
from kg.extract.stance import read_claim

if TYPE_CHECKING:
    from kg.extract.sentences import Sentence
    from kg.extract.statements import Context

_NAME = r"[A-Z][\w\u2019'&.-]*"
# "(this morning) (that) an internal maintenance log from the Port Authority(, which the paper
# has seen,) shows (that) P"
_SHOWS = re.compile(
    r"(?:(?:this|last|on|earlier)\s+\w+(?:\s+\w+)?\s+|yesterday\s+|today\s+)?(?:that\s+)?"
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:log|logs|report|document|documents|memo|email|"
    r"emails|letter|record|records|audit|minutes|file|files|data|assessment|review)\s+"
    r"(?:from|of|by|belonging\s+to|compiled\s+by|kept\s+by|written\s+by)\s+"
    rf"(?P<maker>(?:the\s+)?{_NAME}(?:\s+(?:of\s+|for\s+)?{_NAME}){{0,5}})"
    r"(?:,\s+(?:which|that)\s+[^,]{3,80},)?\s+"
    r"(?:shows?|showed|reveals?|revealed|indicates?|indicated|records?|recorded|states?|"
    r"stated)\s+(?:that\s+(?!(?:very|same|one|particular)\b))?")


def document_makers(ctx: Context, sent: Sentence, before: int) -> None:
    """Give each statement read from ``sent`` (those after ``before``) whose speaker is an
    outlet and whose words report what a maker's document shows to the maker (see the module
    text)."""
    for i in range(len(ctx.statements) - 1, before - 1, -1):
        statement = ctx.statements[i]
        outlet = ctx.table.records.get(statement.actor)
        if statement.own_voice or outlet is None or outlet.kind != "NewsOutlet":
            continue
        # (from the verb of reporting: the claim may start after the document or at it)
        at = statement.verb_span[1] if statement.verb_span else statement.span[0]
        at += len(ctx.text[at:statement.span[1]]) - len(ctx.text[at:statement.span[1]].lstrip())
        shows = _SHOWS.match(ctx.text, at)
        if shows is None or shows.end() >= statement.span[1] or \
                not at <= statement.span[0] <= shows.end():
            continue
        maker = ctx.table.resolve(shows.group("maker"), shows.start("maker"),
                                  sentence=sent.index)
        if maker is None or maker.kind in {"NewsOutlet", "Person"}:
            continue
        ctx.table.mark_used(maker.id)
        relay = [RelayStep(outlet.id, "reported", statement.speaker_span), *statement.relay]
        parts = []
        for a, b in split_parts(ctx.text, (shows.end(), statement.span[1]), ctx.lex):
            reading = read_claim(ctx.text[a:b], "affirms", [], ctx.lex, start=a)
            if reading.text.strip(" ."):
                parts.append(replace(
                    statement, actor=maker.id, stance=reading.stance, claim_text=reading.text,
                    span=(reading.start, reading.end), relay=list(relay),
                    speaker_span=shows.span("maker"), cues=[*reading.cues,
                                                            "a document's maker, reported"],
                    group=ctx.next_group()))
        if not parts:
            continue
        # the rest of the same report, split off before ("... in March and never repaired")
        for later in ctx.statements[i + 1:]:
            if later.group != statement.group or later.actor != outlet.id:
                continue
            first = ctx.text[parts[0].span[0]:parts[0].span[1]]
            words = ctx.text[slice(*later.span)]
            subject = elided_subject(first, words)
            reading = read_claim(f"{subject} {words}" if subject else words, "affirms", [],
                                 ctx.lex)
            later.actor, later.relay, later.speaker_span = maker.id, list(relay), \
                shows.span("maker")
            later.stance, later.claim_text = reading.stance, reading.text
            later.cues.append("a document's maker, reported")
        ctx.statements[i:i + 1] = parts


__all__ = ["document_makers"]
