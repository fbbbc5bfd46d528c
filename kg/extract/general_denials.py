"""A denial in general terms is the denial of the specific claim it answers.

"A Karsovian patrol aircraft entered Valdorian airspace on Monday", one side says; "the
ministry denied that any of its aircraft had entered Valdorian airspace", says the other. The
denial's "any" (or "never ... any") makes it general, so its words are fewer than the claim's
and the claim would refine it; but a reader takes the denial as the answer to that claim: one
claim, affirmed by one side and denied by the other. So a claim whose statements are all
denials with "any" joins the one narrower claim, by another speaker, that would refine it
(when there are several, which one it answers is not said, and it stays a claim of its own).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.similarity import Words, refines

if TYPE_CHECKING:
    from kg.extract.claims import _Cluster
    from kg.extract.model import StatementRecord

_ANY = re.compile(r"(?i)\bany\b")


def join_general_denials(statements: list[StatementRecord], clusters: list[_Cluster],
                         words: list[Words]) -> None:
    """Move the members of each general denial's claim into the claim it answers (module
    docstring); the emptied claims are left for the caller to drop."""
    for general in clusters:
        members = [statements[i] for i in general.members]
        if not members or not all(s.stance == "denies" and _ANY.search(s.claim_text)
                                  for s in members):
            continue
        speakers = {s.actor for s in members}
        answered = [c for c in clusters if c is not general and c.members and
                    not speakers & {statements[i].actor for i in c.members} and
                    any(refines(words[i], words[j]) for i in c.members
                        for j in general.members)]
        if len(answered) != 1:
            continue
        target = answered[0]
        for i in general.members:
            statements[i].cues.append("a general denial of the claim it answers")
        target.members = sorted(target.members + general.members)
        target.groups |= general.groups
        general.members = []


__all__ = ["join_general_denials"]
