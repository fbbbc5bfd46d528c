"""Sentences that say someone spoke without saying what: "A second spokeswoman, Ana Holt,
gave a different account.", "The union offered another version of events." News writing puts
such a sentence before the account itself ("She told Radio Nord that P"): it announces speech
whose content the next sentences give, and states nothing the writer vouches for. Read as the
writer's own voice, it was a statement of the publisher's that no one made. So is a remark on
the method ("The footage is too grainy for us to say what the object was").

Example:
    >>> bool(ACCOUNT_ONLY.search("A spokeswoman, Ana Holt, gave a different account."))
    True
    >>> bool(ACCOUNT_ONLY.search("Ana Holt gave a different account of the fire to police."))
    False
    >>> bool(ACCOUNT_ONLY.search("Ana Holt gave a different account on Wednesday."))
    True
    >>> bool(ACCOUNT_ONLY.search("Outside engineers urged caution."))
    True
    >>> bool(METHOD_REMARK.search("The clip is too dark for us to say who fired."))
    True
    >>> bool(METHOD_REMARK.search("The clip shows the scale of the flooding."))
    True
"""

from __future__ import annotations

import re

# "gave a different account", "offered a conflicting version of events", "told a different
# story": the verb, an indefinite article, an adjective of comparison, the noun, and at most
# "of events" or "of what happened" before the sentence's end (more words say what the
# account was about, or to whom, and are left to the other rules)
ACCOUNT_ONLY = re.compile(r"\s(?:gave|gives|offered|offers|provided|provides|told|tells|had)\s+"
                          r"(?:a|an)\s+(?:(?:very|quite|rather|slightly|markedly)\s+)?"
                          r"(?:different|conflicting|contrasting|contradictory|similar|"
                          r"another|other|separate|rival|competing|fuller|more\s+detailed)\s+"
                          r"(?:account|version|explanation|story|picture)"
                          r"(?:\s+of\s+(?:events|what\s+happened))?"
                          # (and when: "gave a different account on Wednesday.")
                          r"(?:\s+(?:on|last|this|earlier|later)(?:\s+[\w-]+){1,2})?\s*\.?$|"
                          # ("Outside experts urged caution.": the next sentences give the
                          # caution in their words)
                          r"\s(?:urged|urge|urges|counselled|counseled|counsel|counsels)\s+"
                          r"caution\s*\.?$|\ssounded\s+a\s+(?:note|word)\s+of\s+caution\s*\.?$")

# Remarks on the method, not findings: "The footage is too grainy for us to say what the object
# was." (what the material cannot settle), "Imagery from X shows the extent of the damage."
# (what it shows, named but not stated: the next sentences state it)
METHOD_REMARK = re.compile(r"\s(?:is|are|was|were)\s+too\s+[\w-]+\s+for\s+(?:us|anyone|"
                           r"investigators|reporters|experts)\s+to\s+(?:say|tell|determine|"
                           r"establish|identify|judge)\s+(?:what|whether|who|how|which|where|"
                           r"when|if)\b[^,;]*$|"
                           r"\s(?:shows?|showed)\s+the\s+(?:full\s+)?(?:extent|scale|size)\s+"
                           r"of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s*\.?$")

__all__ = ["ACCOUNT_ONLY", "METHOD_REMARK"]
