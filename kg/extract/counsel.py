"""Lawyers who speak for a client, named three ways in as many sentences: "Lawyers for Norvik
said P", "the firm Dunn Vale said its client ..." and "The lawyers did not say ...". News
text introduces a client's lawyers by the client, then names their firm (the words "its
client" tell that the firm is the lawyers), then refers back to them; all three are one actor,
which acts for the client, and a reader who kept three would count three sources where there
is one.

Example:
    >>> from kg.extract import extract
    >>> draft = extract("Lawyers for Norvik Shipping said the tanker was insured. The firm "
    ...                 "Dunn Vale said its client had paid every premium.",
    ...                 publisher="The Test Gazette")
    >>> sorted({s.actor for s in draft.statements})
    ['dunn-vale']
    >>> next(a.acts_for for a in draft.actors if a.id == "dunn-vale")
    'norvik-shipping'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.statements import Context

_LAWYERS = r"(?:lawyers?|attorneys?|solicitors?|counsel|legal\s+team)"
# "Lawyers for Norvik Shipping", "attorneys representing X"; "Norvik's lawyers"
_FOR_CLIENT = re.compile(rf"^(?:the\s+)?{_LAWYERS}\s+(?:for|representing|acting\s+for)\s+(.+)$",
                         re.I)
_OF_CLIENT = re.compile(rf"^(.+?)[\u2019']s?\s+{_LAWYERS}$", re.I)
# "the lawyers", "the law firm": a reference back to the lawyers named before
_BACK = re.compile(rf"^(?:the|their|its|his|her)\s+(?:{_LAWYERS}|law\s+firm)$", re.I)
# what a firm says of "its client": the firm speaks as someone's lawyers
_CLIENT = re.compile(r"\b(?:its|their|our)\s+clients?\b", re.I)
_WINDOW = 2  # sentences between the lawyers' mentions


def join_counsel(ctx: Context) -> None:
    """Make each client's lawyers one actor acting for the client (see the module text)."""
    table = ctx.table
    counsel: ActorRecord | None = None
    seen_at = -99
    for statement in ctx.statements:
        record = table.records[statement.actor]
        client = _client_of(ctx, record, statement.sentence_index)
        if client is not None:
            if counsel is not None and statement.sentence_index - seen_at <= _WINDOW:
                _absorb(ctx, record, counsel)  # lawyers for the same client again
                record = counsel
            record.acts_for = record.acts_for or client.id
            table.mark_used(record.id)  # the client too, so the draft lists whom they act for
            counsel, seen_at = record, statement.sentence_index
            continue
        if counsel is None or statement.sentence_index - seen_at > _WINDOW or \
                record.id == counsel.id:
            continue
        if _BACK.match(record.name) or (
                record.kind == "Organization" and record.named and
                _CLIENT.search(ctx.text[statement.sentence[0]:statement.sentence[1]])):
            if not _BACK.match(record.name) and _described(counsel):
                _absorb(ctx, counsel, record)  # the firm's name wins over a description
                record.acts_for = record.acts_for or counsel.acts_for
                table.mark_used(record.id)
                counsel = record
            else:
                _absorb(ctx, record, counsel)
            seen_at = statement.sentence_index


def _described(record: ActorRecord) -> bool:
    """Whether the lawyers are known only by a description ("Lawyers for X")."""
    return any(p.match(record.name) for p in (_FOR_CLIENT, _OF_CLIENT, _BACK))


def _client_of(ctx: Context, record: ActorRecord, sentence: int) -> ActorRecord | None:
    match = _FOR_CLIENT.match(record.name) or _OF_CLIENT.match(record.name)
    if match is None or record.kind != "Organization":
        return None
    start = min((m[0] for m in record.mentions), default=0)
    client = ctx.table.owner(match.group(1), sentence, start)
    return client if client is not None and client.id != record.id else None


def _absorb(ctx: Context, gone: ActorRecord, kept: ActorRecord) -> None:
    """Give ``gone``'s statements, evidence and names to ``kept``."""
    ctx.reassign(gone.id, kept.id)
    for form in (gone.name, *gone.aliases):
        kept.add_form(form)
    kept.mentions.extend(gone.mentions)
    kept.used = True
    gone.used = False


__all__ = ["join_counsel"]
