"""A state's demand on another party: "Valdoria urged Karsovia to release the crew".

"urge" is a reporting verb (``reporting_verbs.tsv``) only for a state: a government that
urges another party to act states its position in a dispute, as a wire lede gives it ("X on
Thursday urged Y to ..., and dismissed as 'groundless' Y's accusation that P"), and the demand
is its statement, affirmed. Anyone else's urging ("the federation urged it to finish quickly",
"the mayor urged residents to stay indoors") is a request or advice, not a claim the draft
records; the frame still gives a following predicate its subject ("..., and dismissed ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.actors import ActorRecord
    from kg.extract.frame import Frame

_DEMAND_VERBS = frozenset({"urge"})


def unrecorded_demand(frame: Frame, speaker: ActorRecord) -> bool:
    """Whether ``frame`` is an urging by someone other than a state (see the module
    docstring): read for its subject, no statement made."""
    return frame.verb is not None and frame.verb.lemma in _DEMAND_VERBS and \
        speaker.kind != "State"


__all__ = ["unrecorded_demand"]
